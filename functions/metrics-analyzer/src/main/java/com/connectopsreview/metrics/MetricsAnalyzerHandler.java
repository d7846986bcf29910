package com.connectopsreview.metrics;

import com.connectopsreview.shared.analyzer.AnalyzerLambda;
import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import java.time.Clock;

/**
 * Lambda entry point of the {@code metrics} analyzer: reads an AnalyzerRequest, runs the analyzer
 * (which stores its result), answers the AnalyzerResponse summary.
 */
public final class MetricsAnalyzerHandler extends AnalyzerLambda {

  /** Built once per execution environment by the Lambda runtime. */
  public MetricsAnalyzerHandler() {
    this(MetricsAnalyzerFunction.fromEnvironment(System.getenv(), Clock.systemUTC()), Clock.systemUTC());
  }

  MetricsAnalyzerHandler(AnalyzerRunner runner) {
    this(runner, Clock.systemUTC());
  }

  MetricsAnalyzerHandler(AnalyzerRunner runner, Clock clock) {
    super(MetricsAnalyzerFunction.COMPONENT, runner, clock);
  }
}
