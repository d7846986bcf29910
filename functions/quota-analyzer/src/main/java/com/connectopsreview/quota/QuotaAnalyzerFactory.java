package com.connectopsreview.quota;

import com.connectopsreview.shared.analyzer.Analyzer;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.store.ResultStore;
import java.time.Clock;

/**
 * Builds the quota analyzer, for its Lambda handler ({@link QuotaAnalyzerHandler}) and in-process
 * (the local runner, tests). It keeps no cache, so it needs neither store nor clock.
 */
public final class QuotaAnalyzerFactory {

  /** The component name (registry, store key). */
  public static final String COMPONENT = "quota";

  private QuotaAnalyzerFactory() {}

  /** An {@link com.connectopsreview.shared.analyzer.AnalyzerFactory}. */
  public static Analyzer create(ServiceClients clients, ResultStore store, Clock clock) {
    return new QuotaAnalyzer(clients);
  }
}
