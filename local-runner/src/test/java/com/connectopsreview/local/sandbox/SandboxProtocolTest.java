package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.instance.InstanceConfigDomain;
import com.connectopsreview.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the sandbox answers to requests outside its routes, or unsigned: always an AWS-shaped error in
 * the protocol the request used, naming what was asked for; never a WireMock page.
 */
@ExtendWith(LoopbackGuardExtension.class)
class SandboxProtocolTest {

  private static Sandbox sandbox;

  @BeforeAll
  static void startSandbox() {
    sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL));
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @Test
  void unknownRestPath_isA404RestJsonErrorNamingTheRequest() throws Exception {
    Answer answer = send("GET", "/contact-center/unknown?x=1", Map.of("Authorization", "AWS4-HMAC-SHA256 x"), null);

    assertEquals(404, answer.status);
    assertEquals("UnknownOperationException", answer.headers.get("x-amzn-ErrorType"));
    assertEquals("application/json", answer.headers.get("Content-Type"));
    JsonNode body = Json.mapper().readTree(answer.body);
    assertTrue(body.get("message").asText().startsWith("The sandbox does not serve GET /contact-center/unknown;"),
        answer.body);
    assertTrue(body.get("message").asText().contains("Connect:DescribeInstance"), answer.body);
    assertTrue(sandbox.unroutedRequests().contains("GET /contact-center/unknown"), sandbox.unroutedRequests()::toString);
    assertFalse(answer.body.contains("<html"), answer.body);
  }

  @Test
  void unknownJsonTarget_isA400JsonErrorNamingTheTarget() throws Exception {
    Answer answer = send("POST", "/", Map.of("X-Amz-Target", "AmazonSSM.GetParameter",
        "Content-Type", "application/x-amz-json-1.1", "Authorization", "AWS4-HMAC-SHA256 x"), "{}");

    assertEquals(400, answer.status);
    assertEquals("application/x-amz-json-1.1", answer.headers.get("Content-Type"));
    JsonNode body = Json.mapper().readTree(answer.body);
    assertEquals("UnknownOperationException", body.get("__type").asText());
    assertTrue(body.get("message").asText().contains("AmazonSSM.GetParameter (a service it does not speak)"),
        answer.body);
  }

  @Test
  void unservedQueryProtocolAction_isAnXmlErrorNamingTheAction() throws Exception {
    Answer answer = send("POST", "/", Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8",
        "Authorization", "AWS4-HMAC-SHA256 x"), "Action=DescribeAlarmHistory&Version=2010-08-01");

    assertEquals(400, answer.status);
    assertEquals("text/xml", answer.headers.get("Content-Type"));
    assertTrue(answer.body.startsWith("<ErrorResponse><Error><Type>Sender</Type><Code>UnknownOperationException</Code>"),
        answer.body);
    assertTrue(answer.body.contains("query-protocol action DescribeAlarmHistory of API version 2010-08-01"),
        answer.body);
    assertTrue(answer.body.contains("CloudWatch:GetMetricData"), answer.body);
  }

  @Test
  void queryProtocolAnswer_isXmlWithTheResultElementAndRequestId() throws Exception {
    Answer answer = send("POST", "/", Map.of("Content-Type", "application/x-www-form-urlencoded; charset=utf-8",
        "Authorization", "AWS4-HMAC-SHA256 x"),
        "Action=ListMetrics&Version=2010-08-01&MetricName=ThrottledCalls&Namespace=AWS%2FConnect");

    assertEquals(200, answer.status, answer.body);
    assertEquals("text/xml", answer.headers.get("Content-Type"));
    assertTrue(answer.body.startsWith("<ListMetricsResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\">"
        + "<ListMetricsResult><Metrics><member><Namespace>AWS/Connect</Namespace><MetricName>ThrottledCalls"),
        answer.body);
    assertTrue(answer.body.endsWith("</RequestId></ResponseMetadata></ListMetricsResponse>"), answer.body);
  }

  @Test
  void unsignedQueryRequest_isMissingAuthenticationTokenInXml() throws Exception {
    Answer answer = send("POST", "/", Map.of("Content-Type", "application/x-www-form-urlencoded"),
        "Action=ListMetrics&Version=2010-08-01");

    assertEquals(403, answer.status);
    assertTrue(answer.body.contains("<Code>MissingAuthenticationToken</Code>"), answer.body);
  }

  @Test
  void unsignedRequest_isMissingAuthenticationToken() throws Exception {
    Answer answer = send("GET", "/instance/" + sandbox.instance().id(), Map.of(), null);

    assertEquals(403, answer.status);
    assertEquals("MissingAuthenticationTokenException", answer.headers.get("x-amzn-ErrorType"));
    assertTrue(answer.headers.containsKey("x-amzn-RequestId"), answer.headers::toString);
  }

  @Test
  void routedRequest_answersJsonWithEpochSeconds() throws Exception {
    Answer answer = send("GET", "/instance/" + sandbox.instance().id(), Map.of("Authorization", "AWS4-HMAC-SHA256 x"),
        null);

    assertEquals(200, answer.status);
    JsonNode instance = Json.mapper().readTree(answer.body).get("Instance");
    assertEquals(InstanceConfigDomain.of(sandbox.scenario()).instance().createdTime().getEpochSecond(),
        instance.get("CreatedTime").asLong());
    assertTrue(instance.get("CreatedTime").isNumber());
  }

  // ---- raw HTTP ----

  private record Answer(int status, Map<String, String> headers, String body) {}

  private static Answer send(String method, String path, Map<String, String> headers, String body) throws IOException {
    HttpURLConnection c = (HttpURLConnection) sandbox.endpoint().resolve(path).toURL().openConnection();
    c.setRequestMethod(method);
    headers.forEach(c::setRequestProperty);
    if (body != null) {
      c.setDoOutput(true);
      try (OutputStream out = c.getOutputStream()) {
        out.write(body.getBytes(StandardCharsets.UTF_8));
      }
    }
    int status = c.getResponseCode();
    Map<String, String> answerHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    c.getHeaderFields().forEach((k, v) -> {
      if (k != null) {
        answerHeaders.put(k, v.get(0));
      }
    });
    try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
      return new Answer(status, answerHeaders, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } finally {
      c.disconnect();
    }
  }
}
