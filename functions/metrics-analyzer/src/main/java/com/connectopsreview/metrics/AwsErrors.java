package com.connectopsreview.metrics;


/** Classifies the errors the analyzer reacts to. */
final class AwsErrors {

  private AwsErrors() {}

  static boolean isOutOfTime(Throwable e) {
    return com.connectopsreview.shared.aws.AwsErrors.isOutOfTime(e);
  }

  /** One-line reason; a budget that ran out inside an SDK call is reported as running out of time. */
  static String reason(Throwable e) {
    var budget = com.connectopsreview.shared.aws.AwsErrors.budgetExceeded(e);
    return com.connectopsreview.shared.aws.AwsErrors.reason(budget != null ? budget : e);
  }
}
