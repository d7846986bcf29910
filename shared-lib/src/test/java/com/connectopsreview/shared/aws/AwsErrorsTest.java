package com.connectopsreview.shared.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.time.TimeBudget;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class AwsErrorsTest {

  static AwsServiceException aws(int status, String code, String message) {
    return AwsServiceException.builder().statusCode(status).awsErrorDetails(AwsErrorDetails.builder()
        .errorCode(code).serviceName("Connect").errorMessage(message).build()).build();
  }

  @Test
  void reason_isCodeServiceStatusAndMessage() {
    assertEquals("ThrottlingException from Connect (HTTP 429): Rate exceeded",
        AwsErrors.reason(aws(429, "ThrottlingException", "Rate exceeded")));
    assertEquals("AccessDeniedException from Connect (HTTP 403): no message",
        AwsErrors.reason(aws(403, "AccessDeniedException", null)));
    assertEquals("IllegalStateException: boom", AwsErrors.reason(new IllegalStateException("boom")));
  }

  @Test
  void reason_ofABudgetWrappedByTheSdk_saysTimedOutWithTheBudgetsMessage() {
    SdkClientException wrapped = SdkClientException.builder().message("interceptor failed")
        .cause(new TimeBudget.BudgetExceededException("time budget spent before Connect ListUsers")).build();

    assertEquals("timed out: time budget spent before Connect ListUsers", AwsErrors.reason(wrapped));
    assertTrue(AwsErrors.isOutOfTime(wrapped));
    assertFalse(AwsErrors.isUnreachable(wrapped));
  }

  @Test
  void classification_followsStatusAndCode() {
    assertTrue(AwsErrors.isAccessDenied(aws(403, "Whatever", "x")));
    assertTrue(AwsErrors.isAccessDenied(aws(400, "AccessDeniedException", "x")));
    assertFalse(AwsErrors.isAccessDenied(aws(429, "ThrottlingException", "x")));
    assertTrue(AwsErrors.isNotFound(aws(404, "ResourceNotFoundException", "x")));
    assertTrue(AwsErrors.isInvalidRequest(aws(400, "InvalidRequestException", "x")));
    assertTrue(AwsErrors.isInvalidRequest(aws(400, "InvalidParameterException", "x")));
    assertFalse(AwsErrors.isInvalidRequest(aws(400, "ValidationException", "x")));
    assertTrue(AwsErrors.isUnreachable(SdkClientException.create("Connection refused")));
    assertFalse(AwsErrors.isUnreachable(aws(500, "InternalServiceException", "x")));
  }

  @Test
  void isOperationRefused_isDeniedOrAnEndpointThatDoesNotKnowTheOperation() {
    assertTrue(AwsErrors.isOperationRefused(aws(403, "AccessDeniedException", "x")));
    assertTrue(AwsErrors.isOperationRefused(aws(400, "UnknownOperationException", "x")));
    assertTrue(AwsErrors.isOperationRefused(aws(404, "", "no route")));
    assertFalse(AwsErrors.isOperationRefused(aws(404, "ResourceNotFoundException", "no such instance")));
    assertFalse(AwsErrors.isOperationRefused(aws(500, "InternalServiceException", "x")));
  }
}
