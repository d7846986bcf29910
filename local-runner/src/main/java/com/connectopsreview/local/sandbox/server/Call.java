package com.connectopsreview.local.sandbox.server;

import com.connectopsreview.local.sandbox.SandboxOptions;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.server.OperationRegistry.Operation;
import com.connectopsreview.shared.model.InstanceRef;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One call of an operation, as its handler sees it: the request's members wherever the protocol put
 * them (path, query, body), the scenario, and the service's errors.
 */
public final class Call {

  private final Operation operation;
  private final WireRequest request;
  private final Map<String, String> pathParams;
  private final JsonNode input;
  private final SandboxOptions options;

  Call(Operation operation, WireRequest request, Map<String, String> pathParams, JsonNode input,
      SandboxOptions options) {
    this.operation = operation;
    this.request = request;
    this.pathParams = Map.copyOf(pathParams);
    this.input = input;
    this.options = options;
  }

  /** The options the sandbox runs with (e.g. the Athena query faults a handler applies itself). */
  public SandboxOptions options() {
    return options;
  }

  public Operation operation() {
    return operation;
  }

  public AwsService service() {
    return operation.service();
  }

  public WireRequest request() {
    return request;
  }

  /** The input members as the protocol decoded them (a flat object of strings for the query protocol). */
  public JsonNode input() {
    return input;
  }

  /** A path parameter (decoded), e.g. {@code InstanceId}. */
  public String path(String name) {
    return pathParams.get(name);
  }

  /** The first value of a query parameter, or null. */
  public String query(String name) {
    List<String> values = request.query().get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Every value of a (list) query parameter, in order; empty when absent. */
  public List<String> queryAll(String name) {
    List<String> values = request.query().get(name);
    return values == null ? List.of() : values;
  }

  /** An integer query parameter, or null; a non-number is the service's invalid-parameter error. */
  public Integer queryInt(String name) {
    String value = query(name);
    if (value == null) {
      return null;
    }
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw service().invalidParameter("Value '" + value + "' at '" + name + "' is not an integer");
    }
  }

  /** A string member of the body, or null. */
  public String string(String member) {
    JsonNode value = input.get(member);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** An integer member of the body, or null. */
  public Integer integer(String member) {
    JsonNode value = input.get(member);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt()) {
      throw service().invalidParameter("Value '" + value + "' at '" + member + "' is not an integer");
    }
    return value.asInt();
  }

  /** A list-of-strings member of the body; empty when absent. */
  public List<String> strings(String member) {
    JsonNode value = input.get(member);
    List<String> out = new ArrayList<>();
    if (value != null && value.isArray()) {
      value.forEach(v -> out.add(v.asText()));
    }
    return out;
  }

  /** The scenario's instance, when {@code idOrArn} names it (by id or ARN); otherwise ResourceNotFoundException. */
  public InstanceRef instance(Scenario scenario, String idOrArn) {
    InstanceRef instance = scenario.instanceRef();
    if (idOrArn != null && (idOrArn.equals(instance.id()) || idOrArn.equals(instance.arn()))) {
      return instance;
    }
    throw service().notFound("Instance not found: " + idOrArn);
  }

  /** Percent-decoding of one path segment ('+' stays '+', unlike form decoding); malformed escapes stay as sent. */
  static String decodePath(String segment) {
    if (segment.indexOf('%') < 0) {
      return segment;
    }
    try {
      return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return segment;
    }
  }
}
