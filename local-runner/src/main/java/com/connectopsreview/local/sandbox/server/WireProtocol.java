package com.connectopsreview.local.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * How a protocol reads a request body and writes answers and errors. The implementations are the AWS
 * protocols the SDK 2.40.2 clients of the routed services speak.
 */
public sealed interface WireProtocol {

  /** The request's input members (the JSON or CBOR body); an empty object when there is no body. */
  JsonNode input(WireRequest request);

  /** A 200 answer; {@code truncated} cuts the encoded body in half (the MALFORMED_BODY fault). */
  WireResponse success(JsonNode output, WireRequest request, boolean truncated);

  WireResponse error(ApiError error, WireRequest request);

  static WireProtocol of(AwsService service) {
    return switch (service.protocol()) {
      case REST_JSON -> service.requestIdInErrors() ? RestJson.WITH_REQUEST_ID : RestJson.INSTANCE;
      case REST_XML -> RestXml.INSTANCE;
      case AWS_JSON -> AwsJson.INSTANCE;
      case AWS_QUERY -> AwsQuery.XMLNS_CLOUDWATCH.equals(service.xmlNamespace()) ? AwsQuery.INSTANCE
          : new AwsQuery(service.xmlNamespace());
    };
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

  /**
   * REST-JSON (Amazon Connect, Amazon Pinpoint): routing by method and path, members in path, query
   * and JSON body. Connect's error body is {@code {"message"}}, Pinpoint's {@code {"Message", "RequestID"}}
   * ({@link AwsService#withRequestIdInErrors()}).
   */
  final class RestJson implements WireProtocol {
    static final RestJson INSTANCE = new RestJson(false);
    static final RestJson WITH_REQUEST_ID = new RestJson(true);

    private final boolean requestIdInErrors;

    private RestJson(boolean requestIdInErrors) {
      this.requestIdInErrors = requestIdInErrors;
    }

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
      JsonNode body = requestIdInErrors
          ? Payload.object("Message", error.getMessage(), "RequestID", headers.get("x-amzn-RequestId"))
          : Payload.object("message", error.getMessage());
      return new WireResponse(error.status(), headers, Payload.json(body));
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
   * The query protocol (CloudWatch at SDK 2.40.2): a form-encoded POST whose flattened members
   * ({@code MetricDataQueries.member.1.Id=q1}) become one flat object of strings; answers are
   * {@code <ActionResponse><ActionResult>...</ActionResult><ResponseMetadata>} XML, lists as
   * {@code <member>} elements, timestamps as ISO 8601; errors as {@code <ErrorResponse>}.
   */
  final class AwsQuery implements WireProtocol {
    static final String XMLNS_CLOUDWATCH = "http://monitoring.amazonaws.com/doc/2010-08-01/";
    static final AwsQuery INSTANCE = new AwsQuery(XMLNS_CLOUDWATCH);

    private final String namespace;

    private AwsQuery(String namespace) {
      this.namespace = namespace;
    }

    /** The decoded form parameters, in order; the first value of a repeated name wins. */
    static Map<String, String> form(WireRequest request) {
      Map<String, String> params = new LinkedHashMap<>();
      String body = new String(request.body(), StandardCharsets.UTF_8);
      for (String pair : body.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        params.putIfAbsent(name, value);
      }
      return params;
    }

    @Override
    public JsonNode input(WireRequest request) {
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      form(request).forEach(node::put);
      return node;
    }

    @Override
    public WireResponse success(JsonNode output, WireRequest request, boolean truncated) {
      String action = form(request).getOrDefault("Action", "Unknown");
      String requestId = UUID.randomUUID().toString();
      StringBuilder xml = new StringBuilder(4096);
      xml.append("<").append(action).append("Response xmlns=\"").append(namespace).append("\">")
          .append("<").append(action).append("Result>");
      output.fields().forEachRemaining(e -> element(xml, e.getKey(), e.getValue()));
      xml.append("</").append(action).append("Result><ResponseMetadata><RequestId>").append(requestId)
          .append("</RequestId></ResponseMetadata></").append(action).append("Response>");
      byte[] body = xml.toString().getBytes(StandardCharsets.UTF_8);
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", "text/xml");
      headers.put("x-amzn-RequestId", requestId);
      return new WireResponse(200, headers, truncated ? cut(body) : body);
    }

    static void element(StringBuilder xml, String name, JsonNode value) {
      xml.append('<').append(name).append('>');
      content(xml, value);
      xml.append("</").append(name).append('>');
    }

    private static void content(StringBuilder xml, JsonNode value) {
      if (value.isObject()) {
        value.fields().forEachRemaining(e -> element(xml, e.getKey(), e.getValue()));
      } else if (value.isArray()) {
        value.forEach(v -> element(xml, "member", v));
      } else if (value instanceof POJONode pojo && pojo.getPojo() instanceof Instant t) {
        xml.append(t);
      } else if (value.isNumber()) {
        xml.append(value.isIntegralNumber() ? value.asText() : Double.toString(value.doubleValue()));
      } else {
        xml.append(escape(value.asText()));
      }
    }

    @Override
    public WireResponse error(ApiError error, WireRequest request) {
      String requestId = UUID.randomUUID().toString();
      String xml = "<ErrorResponse><Error><Type>" + (error.status() >= 500 ? "Receiver" : "Sender") + "</Type><Code>"
          + escape(error.code()) + "</Code><Message>" + escape(error.getMessage()) + "</Message></Error><RequestId>"
          + requestId + "</RequestId></ErrorResponse>";
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", "text/xml");
      headers.put("x-amzn-RequestId", requestId);
      return new WireResponse(error.status(), headers, xml.getBytes(StandardCharsets.UTF_8));
    }

    static String escape(String s) {
      return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
  }

  /**
   * REST-XML (Amazon S3): members in path and query, no request body for the operations served. An
   * answer's output is one member, the root element; lists inside it are flattened (S3's
   * {@code <Rule>...</Rule><Rule>...</Rule>}). Errors are {@code <Error>} with Code, Message, the
   * bucket the path names ({@code BucketName}, as S3 adds it), RequestId and HostId, and S3's
   * {@code x-amz-request-id} / {@code x-amz-id-2} headers.
   */
  final class RestXml implements WireProtocol {
    static final RestXml INSTANCE = new RestXml();
    static final String XMLNS_S3 = "http://s3.amazonaws.com/doc/2006-03-01/";

    private RestXml() {}

    @Override
    public JsonNode input(WireRequest request) {
      return JsonNodeFactory.instance.objectNode();
    }

    @Override
    public WireResponse success(JsonNode output, WireRequest request, boolean truncated) {
      StringBuilder xml = new StringBuilder(1024).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
      output.fields().forEachRemaining(root -> {
        xml.append('<').append(root.getKey()).append(" xmlns=\"").append(XMLNS_S3).append("\">");
        root.getValue().fields().forEachRemaining(e -> flattened(xml, e.getKey(), e.getValue()));
        xml.append("</").append(root.getKey()).append('>');
      });
      byte[] body = xml.toString().getBytes(StandardCharsets.UTF_8);
      return new WireResponse(200, headers(), truncated ? cut(body) : body);
    }

    private static void flattened(StringBuilder xml, String name, JsonNode value) {
      if (value.isArray()) {
        value.forEach(v -> flattened(xml, name, v));
      } else if (value.isObject()) {
        xml.append('<').append(name).append('>');
        value.fields().forEachRemaining(e -> flattened(xml, e.getKey(), e.getValue()));
        xml.append("</").append(name).append('>');
      } else {
        AwsQuery.element(xml, name, value);
      }
    }

    @Override
    public WireResponse error(ApiError error, WireRequest request) {
      Map<String, String> headers = headers();
      String path = request.path().startsWith("/") ? request.path().substring(1) : request.path();
      String bucket = path.isEmpty() ? null : path.split("/", 2)[0];
      String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + AwsQuery.escape(error.code())
          + "</Code><Message>" + AwsQuery.escape(error.getMessage()) + "</Message>"
          + (bucket == null ? "" : "<BucketName>" + AwsQuery.escape(bucket) + "</BucketName>")
          + "<RequestId>" + headers.get("x-amz-request-id") + "</RequestId><HostId>" + headers.get("x-amz-id-2")
          + "</HostId></Error>";
      return new WireResponse(error.status(), headers, xml.getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> headers() {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("Content-Type", "application/xml");
      headers.put("x-amz-request-id", UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase(
          java.util.Locale.ROOT));
      headers.put("x-amz-id-2", java.util.Base64.getEncoder().encodeToString(
          UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII)));
      return headers;
    }
  }
}
