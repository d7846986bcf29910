package com.connectopsreview.flow;

import com.connectopsreview.shared.analyzer.AnalyzerLambda;
import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import java.time.Clock;

/**
 * Lambda entry point of the {@code flow} analyzer: reads an AnalyzerRequest, runs the analyzer
 * (which stores its result), answers the AnalyzerResponse summary.
 */
public final class FlowAnalyzerHandler extends AnalyzerLambda {

  /** Built once per execution environment by the Lambda runtime. */
  public FlowAnalyzerHandler() {
    super(FlowAnalyzerFactory.COMPONENT, FlowAnalyzerFactory::create);
  }

  FlowAnalyzerHandler(AnalyzerRunner runner, Clock clock) {
    super(FlowAnalyzerFactory.COMPONENT, runner, clock);
  }
}
