package com.connectopsreview.quota;

import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.time.TimeBudget;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Classifies AWS errors the way the analyzer reacts to them. */
final class AwsErrors {

  private AwsErrors() {}

  /** The caller may not call this operation (IAM or SCP). */
  static boolean isAccessDenied(Throwable e) {
    return e instanceof AwsServiceException aws
        && (aws.statusCode() == 403 || code(aws).startsWith("AccessDenied"));
  }

  /** True when the time budget ran out, also when the SDK wrapped that in its own exception. */
  static boolean isOutOfTime(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeBudget.BudgetExceededException) {
        return true;
      }
    }
    return false;
  }

  /** One-line reason: AWS error code, service, HTTP status and message; never a stack trace. */
  static String reason(Throwable e) {
    return AnalyzerRunner.reason(e);
  }

  private static String code(AwsServiceException aws) {
    return aws.awsErrorDetails() == null || aws.awsErrorDetails().errorCode() == null
        ? "" : aws.awsErrorDetails().errorCode();
  }
}
