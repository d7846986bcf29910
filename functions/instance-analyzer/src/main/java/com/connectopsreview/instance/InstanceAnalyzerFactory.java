package com.connectopsreview.instance;

import com.connectopsreview.shared.analyzer.Analyzer;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.store.ResultStore;
import java.time.Clock;

/**
 * Builds the instance analyzer, for its Lambda handler ({@link InstanceAnalyzerHandler}) and
 * in-process (the local runner, tests). It keeps no cache, so it needs neither store nor clock.
 */
public final class InstanceAnalyzerFactory {

  /** The component name (registry, store key). */
  public static final String COMPONENT = "instance";

  private InstanceAnalyzerFactory() {}

  /** An {@link com.connectopsreview.shared.analyzer.AnalyzerFactory}: Connect, Kinesis, Firehose, KMS and CloudWatch from {@code clients}. */
  public static Analyzer create(ServiceClients clients, ResultStore store, Clock clock) {
    return new InstanceAnalyzer(clients);
  }
}
