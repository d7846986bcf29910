package com.connectopsreview.local.sandbox.server;

import com.connectopsreview.local.sandbox.Scenario;
import java.util.Objects;
import java.util.function.Function;

/**
 * One service the sandbox speaks: its names, its wire protocol and its error vocabulary, so that it
 * answers throttling, denial, failure and bad input the way the real service does and the SDK maps
 * each answer to the same exception class as in production.
 *
 * <p>The domain that serves a service defines it next to its operations (e.g.
 * {@link ConnectService#CONNECT}); a new service needs no change here.
 */
public final class AwsService {

  /** The wire protocols the SDK clients of the served services speak. */
  public enum Protocol { REST_JSON, REST_XML, AWS_JSON, AWS_QUERY }

  /**
   * What a service answers to each kind of failure: codes and statuses as the real service sends them.
   *
   * @param throttlingMessage the message of a throttling answer, by operation name
   * @param invalidParameterCode the code of a rejected parameter (status 400)
   * @param invalidNextTokenCode the code of a NextToken the service did not issue (status 400); the
   *     invalid-parameter code for services without one of their own
   */
  public record Errors(
      String throttlingCode, int throttlingStatus, Function<String, String> throttlingMessage,
      String serverErrorCode, String serverErrorMessage, String notFoundCode, int notFoundStatus,
      String invalidParameterCode, String invalidNextTokenCode) {}

  private final String sdkName;
  private final String iamPrefix;
  private final String signingName;
  private final Protocol protocol;
  private final String targetPrefix;
  private final String protocolName;
  private final boolean requestIdInErrors;
  private final Errors errors;
  private final Function<Scenario, String> deniedResource;
  private final String xmlNamespace;

  /**
   * @param targetPrefix the X-Amz-Target prefix of a JSON-protocol service, the API version
   *     ({@code Version} parameter) of a query-protocol service, null for REST
   * @param xmlNamespace the namespace of a query-protocol service's XML answers; null otherwise
   */
  private AwsService(String sdkName, String iamPrefix, String signingName, Protocol protocol, String targetPrefix,
      String protocolName, boolean requestIdInErrors, Errors errors, Function<Scenario, String> deniedResource,
      String xmlNamespace) {
    this.sdkName = Objects.requireNonNull(sdkName);
    this.iamPrefix = Objects.requireNonNull(iamPrefix);
    this.signingName = Objects.requireNonNull(signingName);
    this.protocol = protocol;
    this.targetPrefix = targetPrefix;
    this.protocolName = protocolName;
    this.requestIdInErrors = requestIdInErrors;
    this.errors = Objects.requireNonNull(errors);
    this.deniedResource = Objects.requireNonNull(deniedResource);
    this.xmlNamespace = xmlNamespace;
  }

  /**
   * A REST-JSON service; errors as status + {@code x-amzn-ErrorType} + {@code {"message"}}.
   *
   * @param deniedResource the resource an access-denied message names
   */
  public static AwsService restJson(String sdkName, String iamPrefix, String signingName, Errors errors,
      Function<Scenario, String> deniedResource) {
    return new AwsService(sdkName, iamPrefix, signingName, Protocol.REST_JSON, null, "REST-JSON", false, errors,
        deniedResource, null);
  }

  /**
   * A REST-XML service (Amazon S3): members in path, query and headers, XML answers; errors as
   * status + {@code <Error><Code>...</Code><Message>...</Message>...</Error>}.
   */
  public static AwsService restXml(String sdkName, String iamPrefix, String signingName, Errors errors,
      Function<Scenario, String> deniedResource) {
    return new AwsService(sdkName, iamPrefix, signingName, Protocol.REST_XML, null, "REST-XML", false, errors,
        deniedResource, null);
  }

  /** A JSON 1.1 service: POST / with {@code X-Amz-Target: <targetPrefix>.<Operation>}. */
  public static AwsService awsJson(String sdkName, String iamPrefix, String signingName, String targetPrefix,
      Errors errors, Function<Scenario, String> deniedResource) {
    return new AwsService(sdkName, iamPrefix, signingName, Protocol.AWS_JSON, Objects.requireNonNull(targetPrefix),
        "JSON 1.1", false, errors, deniedResource, null);
  }

  /**
   * A query-protocol service: form POST with {@code Action} and {@code Version=<apiVersion>}, XML answers
   * in the namespace {@code http://<signingName>.amazonaws.com/doc/<apiVersion>/} (CloudWatch's).
   */
  public static AwsService awsQuery(String sdkName, String iamPrefix, String signingName, String apiVersion,
      Errors errors, Function<Scenario, String> deniedResource) {
    return awsQuery(sdkName, iamPrefix, signingName, apiVersion,
        "http://" + signingName + ".amazonaws.com/doc/" + apiVersion + "/", errors, deniedResource);
  }

  /** A query-protocol service whose XML answers are in {@code xmlNamespace} (STS: {@code https://sts...}). */
  public static AwsService awsQuery(String sdkName, String iamPrefix, String signingName, String apiVersion,
      String xmlNamespace, Errors errors, Function<Scenario, String> deniedResource) {
    return new AwsService(sdkName, iamPrefix, signingName, Protocol.AWS_QUERY, Objects.requireNonNull(apiVersion),
        "Query / XML", false, errors, deniedResource, Objects.requireNonNull(xmlNamespace));
  }

  /** The same service, documented under another protocol name (e.g. {@code JSON 1.1 / CBOR}). */
  public AwsService describedAs(String name) {
    return new AwsService(sdkName, iamPrefix, signingName, protocol, targetPrefix, name, requestIdInErrors, errors,
        deniedResource, xmlNamespace);
  }

  /** The same REST-JSON service, whose error bodies are {@code {"Message", "RequestID"}} (Amazon Pinpoint's). */
  public AwsService withRequestIdInErrors() {
    return new AwsService(sdkName, iamPrefix, signingName, protocol, targetPrefix, protocolName, true, errors,
        deniedResource, xmlNamespace);
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

  /** A REST service (JSON or XML): routed by method and path. */
  public boolean isRest() {
    return protocol == Protocol.REST_JSON || protocol == Protocol.REST_XML;
  }

  /** The namespace of a query-protocol service's XML answers; null otherwise. */
  String xmlNamespace() {
    return xmlNamespace;
  }

  /** Whether REST-JSON error bodies carry the request id ({@code {"Message", "RequestID"}}). */
  boolean requestIdInErrors() {
    return requestIdInErrors;
  }

  /** The wire protocol's name, for documentation. */
  public String protocolName() {
    return protocolName;
  }

  /** The resource an access-denied message of this service names in {@code scenario}. */
  public String deniedResource(Scenario scenario) {
    return deniedResource.apply(scenario);
  }

  /** The service's answer to a call over its rate limit. */
  public ApiError throttled(String operation) {
    return new ApiError(errors.throttlingCode(), errors.throttlingStatus(),
        errors.throttlingMessage().apply(operation));
  }

  /**
   * IAM's answer: the REST-JSON services 403, the JSON-protocol services 400, all with code
   * AccessDeniedException; query-protocol services 403 AccessDenied; S3 (REST-XML) 403 AccessDenied
   * "Access Denied", which names no principal.
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
      case REST_XML -> new ApiError("AccessDenied", 403, "Access Denied");
    };
  }

  /** The service's own 5xx. */
  public ApiError serverError() {
    return new ApiError(errors.serverErrorCode(), 500, errors.serverErrorMessage());
  }

  public ApiError notFound(String message) {
    return new ApiError(errors.notFoundCode(), errors.notFoundStatus(), message);
  }

  /** A parameter value the service rejects. */
  public ApiError invalidParameter(String message) {
    return new ApiError(errors.invalidParameterCode(), 400, message);
  }

  /** A NextToken the service did not issue for this request. */
  public ApiError invalidNextToken(String message) {
    return new ApiError(errors.invalidNextTokenCode(), 400, message);
  }

  /** A request with no SigV4 signature. */
  public ApiError missingAuthentication() {
    return switch (protocol) {
      case AWS_QUERY -> new ApiError("MissingAuthenticationToken", 403, "Request is missing Authentication Token");
      case REST_XML -> new ApiError("AccessDenied", 403, "Access Denied");
      default -> new ApiError("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
    };
  }

  @Override
  public String toString() {
    return sdkName;
  }
}
