package com.connectopsreview.instance;

import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.time.TimeBudget;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.connect.model.InvalidParameterException;
import software.amazon.awssdk.services.connect.model.InvalidRequestException;

/** Classifies AWS errors the way the analyzer reacts to them. */
final class AwsErrors {

  private AwsErrors() {}

  /** Connect says no to this caller (IAM, SCP or a condition key such as connect:AttributeType). */
  static boolean isAccessDenied(Throwable e) {
    return e instanceof AwsServiceException aws
        && (aws.statusCode() == 403 || code(aws).startsWith("AccessDenied"));
  }

  /**
   * Connect rejects the request for this instance or Region, e.g. a storage resource type or
   * attribute the instance does not offer: "not supported here", not a failure.
   */
  static boolean isUnsupported(Throwable e) {
    return e instanceof InvalidRequestException || e instanceof InvalidParameterException;
  }

  static boolean isNotFound(Throwable e) {
    return e instanceof AwsServiceException aws && "ResourceNotFoundException".equals(code(aws));
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
