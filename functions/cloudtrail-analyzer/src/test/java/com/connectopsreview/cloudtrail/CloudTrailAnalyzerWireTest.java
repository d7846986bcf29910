package com.connectopsreview.cloudtrail;

import static com.connectopsreview.cloudtrail.Fixtures.NOW;
import static com.connectopsreview.cloudtrail.Fixtures.REVIEW_ID;
import static com.connectopsreview.cloudtrail.Fixtures.record;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.TimeWindow;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.sections.CloudTrailSection;
import com.connectopsreview.shared.sections.SectionContract;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.cloudtrail.model.Event;

/**
 * The real CloudTrailClient (SDK 2.40.2), built through {@link AwsClients} (counted and paced), against
 * WireMock speaking CloudTrail's JSON 1.1 protocol: {@code POST /} with
 * {@code X-Amz-Target: com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents}.
 */
class CloudTrailAnalyzerWireTest {

  static final String TARGET = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents";

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path storeDir;

  @Test
  void run_sendsTheLookupAttributesWindowAndPageSize_andFollowsNextTokenToTheLastPage() throws Exception {
    stubPage(null, "token-2", record("GetCurrentMetricData", NOW.minusSeconds(10)).throttled(),
        record("DescribeUser", NOW.minusSeconds(20)));
    stubPage("token-2", "token-3", record("GetCurrentMetricData", NOW.minusSeconds(30)).throttled());
    stubPage("token-3", null, record("ListUsers", NOW.minusSeconds(40)));
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);

    AnalyzerResponse response = runner(store, ApiRateLimiter.unlimited()).run(Fixtures.request(NOW.plusSeconds(120)));

    assertEquals(ComponentStatus.OK, response.status(), () -> String.valueOf(response.errors()));
    assertEquals(Map.of("CloudTrail:LookupEvents", 3L), response.apiCalls());
    List<LoggedRequest> sent = WM.findAll(postRequestedFor(urlEqualTo("/")));
    assertEquals(3, sent.size());
    for (LoggedRequest request : sent) {
      assertEquals(TARGET, request.getHeader("X-Amz-Target"));
      assertTrue(request.getHeader("Content-Type").startsWith("application/x-amz-json-1.1"),
          request.getHeader("Content-Type"));
      assertTrue(request.getHeader("Authorization").contains("/us-east-1/cloudtrail/aws4_request"),
          "signed for CloudTrail in the instance's Region");
      JsonNode body = Json.mapper().readTree(request.getBodyAsString());
      assertEquals(Json.mapper().readTree("[{\"AttributeKey\":\"EventSource\",\"AttributeValue\":\"connect.amazonaws.com\"}]"),
          body.get("LookupAttributes"));
      assertEquals(0, BigDecimal.valueOf(Fixtures.WINDOW.start().getEpochSecond()).compareTo(body.get("StartTime").decimalValue()));
      assertEquals(0, BigDecimal.valueOf(NOW.getEpochSecond()).compareTo(body.get("EndTime").decimalValue()));
      assertEquals(50, body.get("MaxResults").intValue());
    }
    assertTrue(Json.mapper().readTree(sent.get(0).getBodyAsString()).path("NextToken").isMissingNode());
    assertEquals("token-2", Json.mapper().readTree(sent.get(1).getBodyAsString()).path("NextToken").asText());
    assertEquals("token-3", Json.mapper().readTree(sent.get(2).getBodyAsString()).path("NextToken").asText());

    AnalyzerResult stored = store.getResult(REVIEW_ID, "cloudtrail").orElseThrow();
    CloudTrailSection data = SectionContract.assertCurrent(stored.data(), CloudTrailSection.class);
    assertEquals(4, data.totals().eventsAnalyzed());
    assertEquals(2, data.totals().throttled());
    assertEquals(3, data.window().pages());
    assertEquals(NOW.minusSeconds(10), data.throttledSamples().get(0).eventTime(), "EventTime read from epoch seconds");
    assertEquals("GetCurrentMetricData", data.byApi().get(0).eventName());
  }

  @Test
  void run_throttledByCloudTrail_retriesWithBackoff_countsOneCall_andEndsOk() {
    WM.stubFor(post(urlEqualTo("/")).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(error(400, "ThrottlingException", "Rate exceeded")).willSetStateTo("served"));
    WM.stubFor(post(urlEqualTo("/")).inScenario("throttle").whenScenarioStateIs("served")
        .willReturn(page(null, record("DescribeUser", NOW.minusSeconds(5)))));
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);

    AnalyzerResponse response = runner(store, ApiRateLimiter.unlimited()).run(Fixtures.request(NOW.plusSeconds(120)));

    assertEquals(ComponentStatus.OK, response.status(), () -> String.valueOf(response.errors()));
    assertEquals(2, WM.findAll(postRequestedFor(urlEqualTo("/"))).size(), "one retry after the throttle");
    assertEquals(Map.of("CloudTrail:LookupEvents", 1L), response.apiCalls());
  }

  @Test
  void run_deniedLookupEvents_failsWithTheAccessDeniedReason() {
    WM.stubFor(post(urlEqualTo("/")).willReturn(error(400, "AccessDeniedException",
        "User: arn:aws:sts::123456789012:assumed-role/Analyzer/x is not authorized to perform: cloudtrail:LookupEvents")));
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);

    AnalyzerResponse response = runner(store, ApiRateLimiter.unlimited()).run(Fixtures.request(NOW.plusSeconds(120)));

    assertEquals(ComponentStatus.FAILED, response.status());
    AnalyzerResult stored = store.getResult(REVIEW_ID, "cloudtrail").orElseThrow();
    assertTrue(stored.errors().get(0).contains("AccessDeniedException from CloudTrail (HTTP 400)"), stored.errors().get(0));
    assertEquals(1, WM.findAll(postRequestedFor(urlEqualTo("/"))).size(), "access denied is not retried");
  }

  @Test
  void run_withTheStandardLimiter_pacesLookupEventsAtTwoPerSecond() {
    stubPage(null, "t1", record("DescribeUser", NOW.minusSeconds(1)));
    stubPage("t1", "t2", record("DescribeUser", NOW.minusSeconds(2)));
    stubPage("t2", "t3", record("DescribeUser", NOW.minusSeconds(3)));
    stubPage("t3", null, record("DescribeUser", NOW.minusSeconds(4)));
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);
    // The real clock: the limiter waits in real time.
    AwsClients aws = clients(ApiRateLimiter.standard());
    AnalyzerRunner runner = AnalyzerRunner.of(CloudTrailAnalyzerFactory::create, store, aws, Clock.systemUTC());
    Instant now = Instant.now();

    long started = System.nanoTime();
    AnalyzerResponse response = runner.run(Fixtures.request(
        new TimeWindow(now.minusSeconds(86_400), now), now.plusSeconds(120)));
    long elapsedMs = (System.nanoTime() - started) / 1_000_000;

    assertEquals(ComponentStatus.OK, response.status(), () -> String.valueOf(response.errors()));
    assertEquals(4, WM.findAll(postRequestedFor(urlEqualTo("/"))).size());
    assertTrue(elapsedMs >= 1_400, "four pages at 2/s without burst take at least 1.5 s, took " + elapsedMs + " ms");
  }

  // ---- stubs ----

  private static void stubPage(String token, String next, Fixtures.Record... records) {
    WM.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(TARGET))
        .withRequestBody(token == null ? matchingJsonPath("$.NextToken", absent())
            : matchingJsonPath("$.NextToken", equalTo(token)))
        .willReturn(page(next, records)));
  }

  /** A LookupEvents answer as CloudTrail sends it: EventTime as epoch seconds, the record as a string. */
  private static ResponseDefinitionBuilder page(String next,
      Fixtures.Record... records) {
    ObjectNode body = Json.mapper().createObjectNode();
    ArrayNode events = body.putArray("Events");
    for (Fixtures.Record r : records) {
      Event e = r.event();
      events.addObject().put("EventId", e.eventId()).put("EventName", e.eventName()).put("ReadOnly", "true")
          .put("AccessKeyId", "ASIAEXAMPLE").put("EventTime", e.eventTime().getEpochSecond())
          .put("EventSource", "connect.amazonaws.com").put("Username", e.username())
          .put("CloudTrailEvent", e.cloudTrailEvent()).putArray("Resources");
    }
    if (next != null) {
      body.put("NextToken", next);
    }
    return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody(Json.toString(body));
  }

  private static ResponseDefinitionBuilder error(int status, String code,
      String message) {
    return aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
        .withHeader("x-amzn-ErrorType", code).withBody("{\"__type\":\"" + code + "\",\"message\":\"" + message + "\"}");
  }

  private AnalyzerRunner runner(LocalDirectoryResultStore store, ApiRateLimiter limiter) {
    return AnalyzerRunner.of(CloudTrailAnalyzerFactory::create, store, clients(limiter), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  private static AwsClients clients(ApiRateLimiter limiter) {
    return new AwsClients(new ApiCallCounter(limiter), AwsClients.Options.defaults()
        .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWIRETEST", "wire-secret")))
        .withEndpoint(URI.create(WM.baseUrl())));
  }
}
