package com.connectopsreview.cloudtrail;

import com.connectopsreview.shared.analyzer.AnalyzerLambda;
import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import java.time.Clock;

/**
 * Lambda entry point of the {@code cloudtrail} analyzer: reads an AnalyzerRequest, runs the analyzer
 * (which stores its result), answers the AnalyzerResponse summary.
 */
public final class CloudTrailAnalyzerHandler extends AnalyzerLambda {

  /** Built once per execution environment by the Lambda runtime. */
  public CloudTrailAnalyzerHandler() {
    super(CloudTrailAnalyzerFactory.COMPONENT, CloudTrailAnalyzerFactory::create);
  }

  CloudTrailAnalyzerHandler(AnalyzerRunner runner, Clock clock) {
    super(CloudTrailAnalyzerFactory.COMPONENT, runner, clock);
  }
}
