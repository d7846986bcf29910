package com.connectopsreview.shared.aws;

import com.connectopsreview.shared.time.TimeBudget;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** Classifies AWS errors the way every analyzer reacts to them. */
public final class AwsErrors {

  private AwsErrors() {}

  /** The caller may not call this operation (IAM, SCP or a condition key). */
  public static boolean isAccessDenied(Throwable e) {
    return e instanceof AwsServiceException aws
        && (aws.statusCode() == 403 || errorCode(aws).startsWith("AccessDenied"));
  }

  public static boolean isNotFound(Throwable e) {
    return e instanceof AwsServiceException aws && "ResourceNotFoundException".equals(errorCode(aws));
  }

  /** True when the time budget ran out, also when the SDK wrapped that in its own exception. */
  public static boolean isOutOfTime(Throwable e) {
    return budgetExceeded(e) != null;
  }

  /** The budget exception in {@code e}'s cause chain, or null. */
  public static TimeBudget.BudgetExceededException budgetExceeded(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof TimeBudget.BudgetExceededException budget) {
        return budget;
      }
    }
    return null;
  }

  /** The AWS error code, or "" when the answer carried none. */
  public static String errorCode(AwsServiceException aws) {
    return aws.awsErrorDetails() == null || aws.awsErrorDetails().errorCode() == null
        ? "" : aws.awsErrorDetails().errorCode();
  }
}
