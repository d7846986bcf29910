package com.connectopsreview.quota;

import com.connectopsreview.shared.analyzer.AnalyzerLambda;
import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import java.time.Clock;

/**
 * Lambda entry point of the {@code quota} analyzer: reads an AnalyzerRequest, runs the analyzer
 * (which stores its result), answers the AnalyzerResponse summary.
 */
public final class QuotaAnalyzerHandler extends AnalyzerLambda {

  /** Built once per execution environment by the Lambda runtime. */
  public QuotaAnalyzerHandler() {
    super(QuotaAnalyzerFactory.COMPONENT, QuotaAnalyzerFactory::create);
  }

  QuotaAnalyzerHandler(AnalyzerRunner runner, Clock clock) {
    super(QuotaAnalyzerFactory.COMPONENT, runner, clock);
  }
}
