package com.connectopsreview.flow;

import com.connectopsreview.shared.analyzer.Analyzer;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.store.ResultStore;
import java.time.Clock;

/**
 * Builds the flow analyzer, for its Lambda handler ({@link FlowAnalyzerHandler}) and in-process
 * (the local runner, tests). The store also keeps its flow cache from one review to the next.
 */
public final class FlowAnalyzerFactory {

  /** The component name (registry, store key, cache key). */
  public static final String COMPONENT = "flow";

  private FlowAnalyzerFactory() {}

  /** An {@link com.connectopsreview.shared.analyzer.AnalyzerFactory}. */
  public static Analyzer create(ServiceClients clients, ResultStore store, Clock clock) {
    return new FlowAnalyzer(clients, store);
  }
}
