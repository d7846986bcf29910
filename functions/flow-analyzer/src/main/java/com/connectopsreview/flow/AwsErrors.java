package com.connectopsreview.flow;

import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Classifies AWS errors the way the analyzer reacts to them. */
final class AwsErrors {

  private AwsErrors() {}

  /** The caller may not call this operation (IAM or SCP). */
  static boolean isAccessDenied(Throwable e) {
    return com.connectopsreview.shared.aws.AwsErrors.isAccessDenied(e);
  }

  /**
   * The operation is refused as a whole: access denied, or an endpoint that does not know it
   * (UnknownOperationException, or a 404 that is not about a resource). The analyzer then falls
   * back to the List + Describe calls.
   */
  static boolean isRefused(Throwable e) {
    if (isAccessDenied(e)) {
      return true;
    }
    if (!(e instanceof AwsServiceException aws)) {
      return false;
    }
    String code = com.connectopsreview.shared.aws.AwsErrors.errorCode(aws);
    return code.contains("UnknownOperation") || code.contains("UnsupportedOperation")
        || (aws.statusCode() == 404 && !com.connectopsreview.shared.aws.AwsErrors.isNotFound(e));
  }

  static boolean isOutOfTime(Throwable e) {
    return com.connectopsreview.shared.aws.AwsErrors.isOutOfTime(e);
  }

  /** One-line reason: AWS error code, service, HTTP status and message; never a stack trace. */
  static String reason(Throwable e) {
    return com.connectopsreview.shared.aws.AwsErrors.reason(e);
  }
}
