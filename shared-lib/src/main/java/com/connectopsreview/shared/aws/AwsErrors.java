package com.connectopsreview.shared.aws;

import com.connectopsreview.shared.time.TimeBudget;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Classifies AWS errors the way every analyzer reacts to them, and says each in one line an operator
 * can act on. The rules are by HTTP status and error code, so they hold for every service's client.
 */
public final class AwsErrors {

  /** The codes services use for "this request does not apply here" (a type, attribute or option not offered). */
  private static final Set<String> INVALID_REQUEST = Set.of("InvalidRequestException", "InvalidParameterException");

  private AwsErrors() {}

  /** The caller may not call this operation (IAM, SCP or a condition key such as connect:AttributeType). */
  public static boolean isAccessDenied(Throwable e) {
    return e instanceof AwsServiceException aws
        && (aws.statusCode() == 403 || errorCode(aws).startsWith("AccessDenied"));
  }

  public static boolean isNotFound(Throwable e) {
    return e instanceof AwsServiceException aws && "ResourceNotFoundException".equals(errorCode(aws));
  }

  /**
   * The service rejects the request for this resource or Region (e.g. a storage resource type or an
   * instance attribute the instance does not offer): "not supported here", not a failure.
   */
  public static boolean isInvalidRequest(Throwable e) {
    // By code, or by the service's exception class for an answer that carried no error details.
    return e instanceof AwsServiceException aws
        && (INVALID_REQUEST.contains(errorCode(aws)) || INVALID_REQUEST.contains(aws.getClass().getSimpleName()));
  }

  /**
   * The operation is refused as a whole: access denied, or an endpoint that does not know it
   * (UnknownOperation/UnsupportedOperation, or a 404 that is not about a resource). A caller with
   * another way to read the same data falls back to it.
   */
  public static boolean isOperationRefused(Throwable e) {
    if (isAccessDenied(e)) {
      return true;
    }
    if (!(e instanceof AwsServiceException aws)) {
      return false;
    }
    String code = errorCode(aws);
    return code.contains("UnknownOperation") || code.contains("UnsupportedOperation")
        || (aws.statusCode() == 404 && !isNotFound(e));
  }

  /**
   * The service could not be reached or answered nothing usable (no AWS error at all): every further
   * call of the same kind would fail the same way.
   */
  public static boolean isUnreachable(Throwable e) {
    return !(e instanceof AwsServiceException) && !isOutOfTime(e);
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

  /**
   * A one-line reason for a failure: the AWS error code, service, HTTP status and message; a time
   * budget that ran out (also inside an SDK call) as "timed out: ..."; never a stack trace.
   */
  public static String reason(Throwable e) {
    TimeBudget.BudgetExceededException budget = budgetExceeded(e);
    if (budget != null) {
      return "timed out: " + budget.getMessage();
    }
    if (e instanceof AwsServiceException aws && aws.awsErrorDetails() != null) {
      var details = aws.awsErrorDetails();
      return details.errorCode() + " from " + details.serviceName() + " (HTTP " + aws.statusCode() + "): "
          + (details.errorMessage() == null ? "no message" : details.errorMessage());
    }
    if (e instanceof SdkClientException) {
      return "AWS client error: " + e.getMessage();
    }
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
