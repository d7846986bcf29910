package com.connectopsreview.cloudtrail;

import com.connectopsreview.shared.analyzer.Analyzer;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.store.ResultStore;
import java.time.Clock;

/**
 * Builds the CloudTrail analyzer, for its Lambda handler ({@link CloudTrailAnalyzerHandler}) and
 * in-process (the local runner, tests). The clock says where the 90 days of event history begin.
 */
public final class CloudTrailAnalyzerFactory {

  /** The component name (registry, store key). */
  public static final String COMPONENT = "cloudtrail";

  private CloudTrailAnalyzerFactory() {}

  /** An {@link com.connectopsreview.shared.analyzer.AnalyzerFactory}. */
  public static Analyzer create(ServiceClients clients, ResultStore store, Clock clock) {
    return new CloudTrailAnalyzer(clients, clock);
  }
}
