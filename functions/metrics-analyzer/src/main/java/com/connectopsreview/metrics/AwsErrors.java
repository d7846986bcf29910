package com.connectopsreview.metrics;

import com.connectopsreview.shared.analyzer.AnalyzerRunner;

/** Classifies the errors the analyzer reacts to. */
final class AwsErrors {

  private AwsErrors() {}

  static boolean isOutOfTime(Throwable e) {
    return com.connectopsreview.shared.aws.AwsErrors.isOutOfTime(e);
  }

  /** One-line reason; a budget that ran out inside an SDK call is reported as running out of time. */
  static String reason(Throwable e) {
    var budget = com.connectopsreview.shared.aws.AwsErrors.budgetExceeded(e);
    return AnalyzerRunner.reason(budget != null ? budget : e);
  }
}
