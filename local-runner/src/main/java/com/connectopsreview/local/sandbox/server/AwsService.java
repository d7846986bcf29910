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
  CONNECT("Connect", "connect", "connect", Protocol.REST_JSON, null),
  /** JSON 1.1 (and its CBOR encoding, the SDK's default for Kinesis). */
  KINESIS("Kinesis", "kinesis", "kinesis", Protocol.AWS_JSON, "Kinesis_20131202"),
  /** JSON 1.1. */
  FIREHOSE("Firehose", "firehose", "firehose", Protocol.AWS_JSON, "Firehose_20150804"),
  /** JSON 1.1 ({@code ServiceQuotasV20190624.*}). */
  SERVICE_QUOTAS("ServiceQuotas", "servicequotas", "servicequotas", Protocol.AWS_JSON, "ServiceQuotasV20190624"),
  /** The query protocol: form POST with {@code Action} and {@code Version=2010-08-01}, XML answers. */
  CLOUDWATCH("CloudWatch", "cloudwatch", "monitoring", Protocol.AWS_QUERY, "2010-08-01"),
  /**
   * Amazon Pinpoint, REST-JSON ({@code /v1/...}), signed as {@code mobiletargeting}; errors as status +
   * {@code x-amzn-ErrorType} + {@code {"Message", "RequestID"}}.
   */
  PINPOINT("Pinpoint", "mobiletargeting", "mobiletargeting", Protocol.REST_JSON, null);

  /** The wire protocols of the services above. */
  public enum Protocol { REST_JSON, AWS_JSON, AWS_QUERY }

  private final String sdkName;
  private final String iamPrefix;
  private final String signingName;
  private final Protocol protocol;
  private final String targetPrefix;

  /**
   * @param targetPrefix the X-Amz-Target prefix of a JSON-protocol service, the API version
   *     ({@code Version} parameter) of a query-protocol service, null for REST
   */
  AwsService(String sdkName, String iamPrefix, String signingName, Protocol protocol, String targetPrefix) {
    this.sdkName = sdkName;
    this.iamPrefix = iamPrefix;
    this.signingName = signingName;
    this.protocol = protocol;
    this.targetPrefix = targetPrefix;
  }

  public Protocol protocol() {
    return protocol;
  }

  /**
   * The SigV4 signing name (the service in the credential scope), which tells the REST services
   * apart on the sandbox's one endpoint the way their host names do in AWS.
   */
  public String signingName() {
    return signingName;
  }

  /** The {@code Version} a query-protocol service's requests carry ({@code 2010-08-01}); null otherwise. */
  public String apiVersion() {
    return protocol == Protocol.AWS_QUERY ? targetPrefix : null;
  }

  /** The SDK's service name, as in ApiCallCounter's {@code Service:Operation} keys. */
  public String sdkName() {
    return sdkName;
  }

  /** The X-Amz-Target prefix of a JSON-protocol service ({@code Kinesis_20131202}); null otherwise. */
  public String targetPrefix() {
    return protocol == Protocol.AWS_JSON ? targetPrefix : null;
  }

  public boolean isRest() {
    return protocol == Protocol.REST_JSON;
  }

  /** The wire protocol's name, for documentation. */
  public String protocolName() {
    return switch (protocol) {
      case REST_JSON -> "REST-JSON";
      case AWS_JSON -> this == KINESIS ? "JSON 1.1 / CBOR" : "JSON 1.1";
      case AWS_QUERY -> "Query / XML";
    };
  }

  /** The service's answer to a call over its rate limit. */
  public ApiError throttled(String operation) {
    return switch (this) {
      case CONNECT -> new ApiError("ThrottlingException", 429, "Rate exceeded");
      case KINESIS -> new ApiError("LimitExceededException", 400,
          "Rate exceeded for " + operation + " in account " + Scenario.ACCOUNT_ID);
      case FIREHOSE -> new ApiError("LimitExceededException", 400, "Rate exceeded for " + operation);
      case SERVICE_QUOTAS -> new ApiError("TooManyRequestsException", 400, "Rate exceeded");
      case CLOUDWATCH -> new ApiError("Throttling", 400, "Rate exceeded");
      case PINPOINT -> new ApiError("TooManyRequestsException", 429, "Too many requests");
    };
  }

  /**
   * IAM's answer: the REST services (Connect, Pinpoint) 403, the JSON-protocol services 400, all with
   * code AccessDeniedException; CloudWatch (query protocol) 403 AccessDenied.
   */
  public ApiError accessDenied(String operation, String resource) {
    String message = "User: arn:aws:sts::" + Scenario.ACCOUNT_ID
        + ":assumed-role/ConnectOpsReview/sandbox is not authorized to perform: " + iamPrefix + ":" + operation
        + " on resource: " + resource + " because no identity-based policy allows the " + iamPrefix + ":"
        + operation + " action";
    return switch (protocol) {
      case REST_JSON -> new ApiError("AccessDeniedException", 403, message);
      case AWS_JSON -> new ApiError("AccessDeniedException", 400, message);
      case AWS_QUERY -> new ApiError("AccessDenied", 403, message);
    };
  }

  /** The service's own 5xx. */
  public ApiError serverError() {
    return switch (this) {
      case CONNECT -> new ApiError("InternalServiceException", 500,
          "Request processing failed because of an error or failure with the service.");
      case KINESIS -> new ApiError("InternalFailureException", 500, "Internal service failure.");
      case FIREHOSE -> new ApiError("ServiceUnavailableException", 500,
          "The service is unavailable. Back off and retry the operation.");
      case SERVICE_QUOTAS -> new ApiError("ServiceException", 500,
          "Something went wrong. Please try again later.");
      case CLOUDWATCH -> new ApiError("InternalServiceError", 500, "Internal service error.");
      case PINPOINT -> new ApiError("InternalServerErrorException", 500, "Internal server error");
    };
  }

  public ApiError notFound(String message) {
    return switch (this) {
      case CONNECT -> new ApiError("ResourceNotFoundException", 404, message);
      case SERVICE_QUOTAS -> new ApiError("NoSuchResourceException", 400, message);
      case CLOUDWATCH -> new ApiError("ResourceNotFound", 404, message);
      case PINPOINT -> new ApiError("NotFoundException", 404, message);
      default -> new ApiError("ResourceNotFoundException", 400, message);
    };
  }

  /** A parameter value the service rejects. */
  public ApiError invalidParameter(String message) {
    return switch (this) {
      case CONNECT -> new ApiError("InvalidParameterException", 400, message);
      case SERVICE_QUOTAS -> new ApiError("IllegalArgumentException", 400, message);
      case CLOUDWATCH -> new ApiError("InvalidParameterValue", 400, message);
      case PINPOINT -> new ApiError("BadRequestException", 400, message);
      default -> new ApiError("InvalidArgumentException", 400, message);
    };
  }

  /** A NextToken the service did not issue for this request. */
  public ApiError invalidNextToken(String message) {
    return switch (this) {
      case SERVICE_QUOTAS -> new ApiError("InvalidPaginationTokenException", 400, message);
      case CLOUDWATCH -> new ApiError("InvalidNextToken", 400, message);
      default -> invalidParameter(message);
    };
  }

  /** A request with no SigV4 signature. */
  public ApiError missingAuthentication() {
    return protocol == Protocol.AWS_QUERY
        ? new ApiError("MissingAuthenticationToken", 403, "Request is missing Authentication Token")
        : new ApiError("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
  }
}
