package com.connectopsreview.phone;

import com.connectopsreview.shared.analyzer.AnalyzerLambda;
import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import java.time.Clock;

/**
 * Lambda entry point of the {@code phone} analyzer: reads an AnalyzerRequest, runs the analyzer
 * (which stores its result), answers the AnalyzerResponse summary.
 */
public final class PhoneAnalyzerHandler extends AnalyzerLambda {

  /** Built once per execution environment by the Lambda runtime. */
  public PhoneAnalyzerHandler() {
    super(PhoneAnalyzerFactory.COMPONENT, PhoneAnalyzerFactory::create);
  }

  PhoneAnalyzerHandler(AnalyzerRunner runner, Clock clock) {
    super(PhoneAnalyzerFactory.COMPONENT, runner, clock);
  }
}
