package com.connectopsreview.orchestrator;

import com.connectopsreview.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;

/**
 * One synchronous Lambda invoke with a per-call timeout. A function error (the function threw, or
 * Lambda timed it out) becomes an {@link InvocationException} carrying Lambda's errorType and
 * errorMessage, which end up as the component's FAILED reason.
 */
public final class LambdaFunctionCaller {

  private final LambdaClient lambda;

  public LambdaFunctionCaller(LambdaClient lambda) {
    this.lambda = lambda;
  }

  public byte[] call(String function, byte[] payload, Duration timeout) {
    InvokeResponse response = lambda.invoke(b -> b
        .functionName(function)
        .invocationType(InvocationType.REQUEST_RESPONSE)
        .payload(SdkBytes.fromByteArrayUnsafe(payload))
        .overrideConfiguration(o -> o.apiCallTimeout(timeout).apiCallAttemptTimeout(timeout)));
    byte[] body = response.payload() == null ? new byte[0] : response.payload().asByteArrayUnsafe();
    if (response.functionError() != null) {
      throw new InvocationException(function + " failed: " + describeError(response.functionError(), body));
    }
    if (response.statusCode() != null && response.statusCode() / 100 != 2) {
      throw new InvocationException(function + " answered HTTP " + response.statusCode());
    }
    return body;
  }

  private static String describeError(String functionError, byte[] body) {
    try {
      JsonNode error = Json.mapper().readTree(body);
      String type = error.path("errorType").asText(functionError);
      String message = error.path("errorMessage").asText("no message");
      return type + ": " + message;
    } catch (Exception e) {
      return functionError + " (unreadable error payload)";
    }
  }
}
