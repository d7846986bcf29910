package com.connectopsreview.phone;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Classifies AWS errors the way the analyzer reacts to them. */
final class AwsErrors {

  private AwsErrors() {}

  /** The caller may not call this operation (IAM or SCP). */
  static boolean isAccessDenied(Throwable e) {
    return com.connectopsreview.shared.aws.AwsErrors.isAccessDenied(e);
  }

  static boolean isOutOfTime(Throwable e) {
    return com.connectopsreview.shared.aws.AwsErrors.isOutOfTime(e);
  }

  /** The budget's own message when {@code e} is (or wraps) running out of time, else its reason. */
  static String budgetMessage(Throwable e) {
    var budget = com.connectopsreview.shared.aws.AwsErrors.budgetExceeded(e);
    return budget == null ? reason(e) : budget.getMessage();
  }

  /**
   * The service could not be reached or answered nothing usable (no AWS error code): every further
   * call would fail the same way, so the analyzer stops that kind of call.
   */
  static boolean isUnreachable(Throwable e) {
    return !(e instanceof AwsServiceException);
  }

  /** One-line reason: AWS error code, service, HTTP status and message; never a stack trace. */
  static String reason(Throwable e) {
    return com.connectopsreview.shared.aws.AwsErrors.reason(e);
  }
}
