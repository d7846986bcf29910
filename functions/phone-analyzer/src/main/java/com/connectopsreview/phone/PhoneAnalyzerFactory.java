package com.connectopsreview.phone;

import com.connectopsreview.shared.analyzer.Analyzer;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.store.ResultStore;
import java.time.Clock;

/**
 * Builds the phone analyzer, for its Lambda handler ({@link PhoneAnalyzerHandler}) and in-process
 * (the local runner, tests). The store also keeps its carrier cache from one review to the next.
 */
public final class PhoneAnalyzerFactory {

  /** The component name (registry, store key, cache key). */
  public static final String COMPONENT = "phone";

  private PhoneAnalyzerFactory() {}

  /** An {@link com.connectopsreview.shared.analyzer.AnalyzerFactory}. */
  public static Analyzer create(ServiceClients clients, ResultStore store, Clock clock) {
    return new PhoneAnalyzer(clients, store, clock);
  }
}
