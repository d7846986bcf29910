package com.connectopsreview.metrics;

import com.connectopsreview.shared.analyzer.Analyzer;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.store.ResultStore;
import java.time.Clock;

/**
 * Builds the metrics analyzer, for its Lambda handler ({@link MetricsAnalyzerHandler}) and in-process
 * (the local runner, tests). It keeps no cache, so it needs neither store nor clock.
 */
public final class MetricsAnalyzerFactory {

  /** The component name (registry, store key). */
  public static final String COMPONENT = "metrics";

  private MetricsAnalyzerFactory() {}

  /** An {@link com.connectopsreview.shared.analyzer.AnalyzerFactory}. */
  public static Analyzer create(ServiceClients clients, ResultStore store, Clock clock) {
    return new MetricsAnalyzer(clients);
  }
}
