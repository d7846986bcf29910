package com.connectopsreview.quota;


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

  /** One-line reason: AWS error code, service, HTTP status and message; never a stack trace. */
  static String reason(Throwable e) {
    return com.connectopsreview.shared.aws.AwsErrors.reason(e);
  }
}
