package com.connectopsreview.logs;

import com.connectopsreview.shared.analyzer.AnalyzerLambda;
import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import java.time.Clock;

/**
 * Lambda entry point of the {@code logs} analyzer: reads an AnalyzerRequest, runs the analyzer
 * (which stores its result), answers the AnalyzerResponse summary.
 */
public final class LogAnalyzerHandler extends AnalyzerLambda {

  /** Built once per execution environment by the Lambda runtime. */
  public LogAnalyzerHandler() {
    super(LogAnalyzerFactory.COMPONENT, LogAnalyzerFactory::create);
  }

  LogAnalyzerHandler(AnalyzerRunner runner, Clock clock) {
    super(LogAnalyzerFactory.COMPONENT, runner, clock);
  }
}
