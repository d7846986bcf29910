package com.connectopsreview.local.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * How a protocol reads a request body and writes answers and errors. The three implementations are
 * the AWS protocols the SDK 2.40.2 clients of the routed services speak.
 */
public sealed interface WireProtocol {

  /** The request's input members (the JSON or CBOR body); an empty object when there is no body. */
  JsonNode input(WireRequest request);

  /** A 200 answer; {@code truncated} cuts the encoded body in half (the MALFORMED_BODY fault). */
  WireResponse success(JsonNode output, WireRequest request, boolean truncated);

  WireResponse error(ApiError error, WireRequest request);

  static WireProtocol of(AwsService service) {
    return service.isRest() ? RestJson.INSTANCE : AwsJson.INSTANCE;
  }

  /** Every answer carries a request id, as AWS's do; the SDK puts it into exceptions. */
  private static Map<String, String> baseHeaders(String contentType) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", contentType);
    headers.put("x-amzn-RequestId", UUID.randomUUID().toString());
    return headers;
  }

  private static byte[] cut(byte[] body) {
    return Arrays.copyOf(body, Math.max(1, body.length / 2));
  }

  /** Amazon Connect's REST-JSON: routing by method and path, members in path, query and JSON body. */
  final class RestJson implements WireProtocol {
    static final RestJson INSTANCE = new RestJson();

    private RestJson() {}

    @Override
    public JsonNode input(WireRequest request) {
      return AwsJson.read(request.body(), false);
    }

    @Override
    public WireResponse success(JsonNode output, WireRequest request, boolean truncated) {
      byte[] body = Payload.json(output);
      return new WireResponse(200, baseHeaders("application/json"), truncated ? cut(body) : body);
    }

    @Override
    public WireResponse error(ApiError error, WireRequest request) {
      Map<String, String> headers = baseHeaders("application/json");
      headers.put("x-amzn-ErrorType", error.code());
      return new WireResponse(error.status(), headers, Payload.json(Payload.object("message", error.getMessage())));
    }
  }

  /**
   * JSON 1.1 ({@code application/x-amz-json-1.1}) and its CBOR form ({@code application/x-amz-cbor-1.1}):
   * POST / with {@code X-Amz-Target}; the answer uses the encoding of the request.
   */
  final class AwsJson implements WireProtocol {
    static final AwsJson INSTANCE = new AwsJson();
    static final String JSON_TYPE = "application/x-amz-json-1.1";
    static final String CBOR_TYPE = "application/x-amz-cbor-1.1";

    private AwsJson() {}

    static boolean isCbor(WireRequest request) {
      return request.contentType().startsWith("application/x-amz-cbor");
    }

    static JsonNode read(byte[] body, boolean cbor) {
      if (body.length == 0) {
        return JsonNodeFactory.instance.objectNode();
      }
      try {
        JsonNode node = (cbor ? Payload.CBOR : Payload.JSON).readTree(body);
        return node == null || node.isMissingNode() ? JsonNodeFactory.instance.objectNode() : node;
      } catch (IOException e) {
        throw new ApiError("SerializationException", 400, "Start of structure or map found where not expected: "
            + "the request body is not valid " + (cbor ? "CBOR" : "JSON"));
      }
    }

    @Override
    public JsonNode input(WireRequest request) {
      return read(request.body(), isCbor(request));
    }

    @Override
    public WireResponse success(JsonNode output, WireRequest request, boolean truncated) {
      boolean cbor = isCbor(request);
      byte[] body = cbor ? Payload.cbor(output) : Payload.json(output);
      return new WireResponse(200, baseHeaders(cbor ? CBOR_TYPE : JSON_TYPE), truncated ? cut(body) : body);
    }

    @Override
    public WireResponse error(ApiError error, WireRequest request) {
      boolean cbor = isCbor(request);
      Map<String, String> headers = baseHeaders(cbor ? CBOR_TYPE : JSON_TYPE);
      headers.put("x-amzn-ErrorType", error.code());
      JsonNode body = Payload.object("__type", error.code(), "message", error.getMessage());
      return new WireResponse(error.status(), headers, cbor ? Payload.cbor(body) : Payload.json(body));
    }
  }

  /**
   * The query protocol (form POST, XML answers) of CloudWatch and other older services. No operation
   * is routed over it yet; it answers unknown actions the way those services do.
   */
  final class AwsQuery implements WireProtocol {
    static final AwsQuery INSTANCE = new AwsQuery();

    private AwsQuery() {}

    @Override
    public JsonNode input(WireRequest request) {
      return JsonNodeFactory.instance.objectNode();
    }

    @Override
    public WireResponse success(JsonNode output, WireRequest request, boolean truncated) {
      throw new UnsupportedOperationException("no query-protocol operation is routed yet");
    }

    @Override
    public WireResponse error(ApiError error, WireRequest request) {
      String requestId = UUID.randomUUID().toString();
      String xml = "<ErrorResponse><Error><Type>Sender</Type><Code>" + escape(error.code()) + "</Code><Message>"
          + escape(error.getMessage()) + "</Message></Error><RequestId>" + requestId + "</RequestId></ErrorResponse>";
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", "text/xml");
      headers.put("x-amzn-RequestId", requestId);
      return new WireResponse(error.status(), headers, xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
      return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
  }
}
