package com.connectopsreview.local.sandbox.server;

import com.connectopsreview.local.sandbox.Scenario;

/**
 * The services the sandbox speaks, with their wire protocol and their error vocabulary: each one
 * answers throttling, denial, failure and bad input the way the real service does, so the SDK maps
 * the answer to the same exception class as in production.
 *
 * <p>A later issue adds a service here (its SDK service name, its X-Amz-Target prefix for JSON
 * protocols, its error codes) and registers its operations in {@link OperationRegistry#standard}.
 */
public enum AwsService {

  /** REST-JSON; errors as status + {@code x-amzn-ErrorType} + {@code {"message"}}. */
  CONNECT("Connect", "connect", null),
  /** JSON 1.1 (and its CBOR encoding, the SDK's default for Kinesis). */
  KINESIS("Kinesis", "kinesis", "Kinesis_20131202"),
  /** JSON 1.1. */
  FIREHOSE("Firehose", "firehose", "Firehose_20150804");

  private final String sdkName;
  private final String iamPrefix;
  private final String targetPrefix;

  AwsService(String sdkName, String iamPrefix, String targetPrefix) {
    this.sdkName = sdkName;
    this.iamPrefix = iamPrefix;
    this.targetPrefix = targetPrefix;
  }

  /** The SDK's service name, as in ApiCallCounter's {@code Service:Operation} keys. */
  public String sdkName() {
    return sdkName;
  }

  /** The X-Amz-Target prefix of a JSON-protocol service ({@code Kinesis_20131202}); null for REST. */
  public String targetPrefix() {
    return targetPrefix;
  }

  public boolean isRest() {
    return targetPrefix == null;
  }

  /** The wire protocol's name, for documentation. */
  public String protocolName() {
    return isRest() ? "REST-JSON" : this == KINESIS ? "JSON 1.1 / CBOR" : "JSON 1.1";
  }

  /** The service's answer to a call over its rate limit. */
  public ApiError throttled(String operation) {
    return switch (this) {
      case CONNECT -> new ApiError("ThrottlingException", 429, "Rate exceeded");
      case KINESIS -> new ApiError("LimitExceededException", 400,
          "Rate exceeded for " + operation + " in account " + Scenario.ACCOUNT_ID);
      case FIREHOSE -> new ApiError("LimitExceededException", 400, "Rate exceeded for " + operation);
    };
  }

  /** IAM's answer: Connect 403; the JSON-protocol services 400, both with code AccessDeniedException. */
  public ApiError accessDenied(String operation, String resource) {
    String message = "User: arn:aws:sts::" + Scenario.ACCOUNT_ID
        + ":assumed-role/ConnectOpsReview/sandbox is not authorized to perform: " + iamPrefix + ":" + operation
        + " on resource: " + resource + " because no identity-based policy allows the " + iamPrefix + ":"
        + operation + " action";
    return new ApiError("AccessDeniedException", isRest() ? 403 : 400, message);
  }

  /** The service's own 5xx. */
  public ApiError serverError() {
    return switch (this) {
      case CONNECT -> new ApiError("InternalServiceException", 500,
          "Request processing failed because of an error or failure with the service.");
      case KINESIS -> new ApiError("InternalFailureException", 500, "Internal service failure.");
      case FIREHOSE -> new ApiError("ServiceUnavailableException", 500,
          "The service is unavailable. Back off and retry the operation.");
    };
  }

  public ApiError notFound(String message) {
    return new ApiError("ResourceNotFoundException", isRest() ? 404 : 400, message);
  }

  /** A parameter value the service rejects. */
  public ApiError invalidParameter(String message) {
    return isRest()
        ? new ApiError("InvalidParameterException", 400, message)
        : new ApiError("InvalidArgumentException", 400, message);
  }

  /** A request with no SigV4 signature. */
  public ApiError missingAuthentication() {
    return new ApiError("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
  }
}
