package com.connectopsreview.instance;

import com.connectopsreview.shared.analyzer.AnalyzerLambda;
import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import java.time.Clock;

/**
 * Lambda entry point of the {@code instance} analyzer: reads an AnalyzerRequest, runs the analyzer
 * (which stores its result), answers the AnalyzerResponse summary.
 */
public final class InstanceAnalyzerHandler extends AnalyzerLambda {

  /** Built once per execution environment by the Lambda runtime. */
  public InstanceAnalyzerHandler() {
    super(InstanceAnalyzerFactory.COMPONENT, InstanceAnalyzerFactory::create);
  }

  InstanceAnalyzerHandler(AnalyzerRunner runner, Clock clock) {
    super(InstanceAnalyzerFactory.COMPONENT, runner, clock);
  }
}
