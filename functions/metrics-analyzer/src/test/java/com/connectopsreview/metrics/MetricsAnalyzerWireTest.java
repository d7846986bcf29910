package com.connectopsreview.metrics;

import static com.connectopsreview.metrics.Fixtures.INSTANCE_ID;
import static com.connectopsreview.metrics.Fixtures.NOW;
import static com.connectopsreview.metrics.Fixtures.REVIEW_ID;
import static com.connectopsreview.metrics.Fixtures.checkIds;
import static com.connectopsreview.metrics.Fixtures.only;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.sections.MetricsSection;
import com.connectopsreview.shared.sections.MetricsSection.CheckIds;
import com.connectopsreview.shared.sections.SectionContract;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The real CloudWatch (awsQuery: form POST, XML answers) and Connect clients, built through
 * {@link AwsClients} (so counted and paced), against WireMock. The request shape asserted here is
 * the one SDK 2.40.2 was seen to send.
 */
class MetricsAnalyzerWireTest {

  private static final String XMLNS = "http://monitoring.amazonaws.com/doc/2010-08-01/";
  private static final Instant DAY_START = Instant.parse("2026-11-09T00:00:00Z");

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path storeDir;

  @Test
  void run_listsQueuesPaginatedReadsAllSeriesInOneBatchFollowingNextTokenAndStoresStatistics() {
    stubListMetrics(null, "lm-2", metric("Sales"), metric(null));
    stubListMetrics("lm-2", null, metric("Billing"), metric("Support"));
    // Queues sorted: q0 Billing, q1 Sales, q2 Support.
    Map<String, String> page1 = new LinkedHashMap<>();
    page1.put("cc_avg", result("cc_avg", "Complete", at("2026-11-09T08:00:00Z", "50"), at("2026-11-09T09:00:00Z", "2"),
        at("2026-11-09T10:00:00Z", "4")));
    page1.put("cc_max", result("cc_max", "PartialData", at("2026-11-09T08:00:00Z", "99"), at("2026-11-09T09:00:00Z", "5")));
    page1.put("missed_sum", result("missed_sum", "Complete", missedHours()));
    page1.put("throttled_sum", result("throttled_sum", "Complete", at("2026-11-12T15:00:00Z", "0"),
        at("2026-11-12T16:00:00Z", "12"), at("2026-11-17T18:00:00Z", "15"), at("2026-11-21T17:00:00Z", "10")));
    page1.put("cpi_sum", result("cpi_sum", "Complete", at("2026-11-09T09:00:00Z", "10"), at("2026-11-09T10:00:00Z", "14")));
    page1.put("cpi_avg", result("cpi_avg", "Complete", at("2026-11-09T09:00:00Z", "2"), at("2026-11-09T10:00:00Z", "3")));
    page1.put("cpi_max", result("cpi_max", "Complete", at("2026-11-09T09:00:00Z", "4"), at("2026-11-09T10:00:00Z", "5")));
    page1.put("q0_avg", result("q0_avg", "Complete", at("2026-11-20T14:00:00Z", "1")));
    page1.put("q0_max", result("q0_max", "Complete", at("2026-11-20T14:00:00Z", "3")));
    page1.put("q1_avg", result("q1_avg", "Complete", at("2026-11-20T14:00:00Z", "20"), at("2026-11-20T15:00:00Z", "25")));
    page1.put("q1_max", result("q1_max", "Complete", at("2026-11-20T14:00:00Z", "31"), at("2026-11-20T15:00:00Z", "48")));
    page1.put("q2_avg", result("q2_avg", "Complete", at("2026-11-20T14:00:00Z", "0.5")));
    page1.put("q2_max", result("q2_max", "Complete", at("2026-11-20T14:00:00Z", "2")));
    stubGetMetricData(null, "gmd-2", String.join("", page1.values()));
    Map<String, String> page2 = new LinkedHashMap<>();
    page1.keySet().forEach(id -> page2.put(id, result(id, "Complete")));
    page2.put("cc_max", result("cc_max", "Complete", at("2026-11-09T10:00:00Z", "8")));
    stubGetMetricData("gmd-2", null, String.join("", page2.values()));
    WM.stubFor(get(urlPathEqualTo("/instance/" + INSTANCE_ID)).willReturn(okJson("""
        {"Instance":{"Id":"%s","Arn":"%s","IdentityManagementType":"SAML","InstanceAlias":"contact-center",
         "InstanceStatus":"ACTIVE","InboundCallsEnabled":true,"OutboundCallsEnabled":true,
         "InstanceAccessUrl":"https://contact-center.my.connect.aws"}}""".formatted(INSTANCE_ID, Fixtures.INSTANCE_ARN))));
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);

    AnalyzerResponse response = runner(store).run(Fixtures.request(NOW.plusSeconds(120)));

    assertEquals(ComponentStatus.OK, response.status(), () -> String.valueOf(response.errors()));
    assertEquals(Map.of("CloudWatch:ListMetrics", 2L, "CloudWatch:GetMetricData", 2L, "Connect:DescribeInstance", 1L),
        response.apiCalls());

    // ---- request shapes (awsQuery form body) ----
    WM.verify(1, listMetrics().withFormParam("NextToken", absent()));
    WM.verify(1, listMetrics().withFormParam("NextToken", equalTo("lm-2")));
    WM.verify(1, getMetricData().withFormParam("NextToken", absent()));
    WM.verify(1, getMetricData().withFormParam("NextToken", equalTo("gmd-2")));
    RequestPatternBuilder first = getMetricData()
        .withFormParam("StartTime", equalTo("2026-11-09T09:00:00Z"))
        .withFormParam("EndTime", equalTo("2026-11-23T09:00:00Z"))
        .withFormParam("ScanBy", equalTo("TimestampAscending"))
        .withFormParam("MetricDataQueries.member.13.Id", equalTo("q2_max"))
        .withFormParam("MetricDataQueries.member.14.Id", absent());
    String[][] queries = {
        {"cc_avg", "ConcurrentCalls", "3600", "Average", "VoiceCalls"},
        {"cc_max", "ConcurrentCalls", "3600", "Maximum", "VoiceCalls"},
        {"missed_sum", "MissedCalls", "3600", "Sum", "VoiceCalls"},
        {"throttled_sum", "ThrottledCalls", "3600", "Sum", "VoiceCalls"},
        {"cpi_sum", "CallsPerInterval", "3600", "Sum", "VoiceCalls"},
        {"cpi_avg", "CallsPerInterval", "3600", "Average", "VoiceCalls"},
        {"cpi_max", "CallsPerInterval", "3600", "Maximum", "VoiceCalls"},
        {"q0_avg", "QueueSize", "3600", "Average", "Queue"}};
    for (int i = 0; i < queries.length; i++) {
      String m = "MetricDataQueries.member." + (i + 1) + ".";
      String stat = m + "MetricStat.";
      first = first.withFormParam(m + "Id", equalTo(queries[i][0]))
          .withFormParam(m + "ReturnData", equalTo("true"))
          .withFormParam(m + "Expression", absent())
          .withFormParam(stat + "Metric.Namespace", equalTo("AWS/Connect"))
          .withFormParam(stat + "Metric.MetricName", equalTo(queries[i][1]))
          .withFormParam(stat + "Metric.Dimensions.member.1.Name", equalTo("InstanceId"))
          .withFormParam(stat + "Metric.Dimensions.member.1.Value", equalTo(INSTANCE_ID))
          .withFormParam(stat + "Metric.Dimensions.member.2.Name", equalTo("MetricGroup"))
          .withFormParam(stat + "Metric.Dimensions.member.2.Value", equalTo(queries[i][4]))
          .withFormParam(stat + "Period", equalTo(queries[i][2]))
          .withFormParam(stat + "Stat", equalTo(queries[i][3]));
    }
    first = first
        .withFormParam("MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.3.Name", absent())
        .withFormParam("MetricDataQueries.member.8.MetricStat.Metric.Dimensions.member.3.Name", equalTo("QueueName"))
        .withFormParam("MetricDataQueries.member.8.MetricStat.Metric.Dimensions.member.3.Value", equalTo("Billing"))
        .withFormParam("MetricDataQueries.member.10.MetricStat.Metric.Dimensions.member.3.Value", equalTo("Sales"));
    // Both pages repeat the same 13 queries, window and order; only NextToken differs.
    WM.verify(2, first);
    WM.verify(1, listMetrics()
        .withFormParam("Namespace", equalTo("AWS/Connect"))
        .withFormParam("MetricName", equalTo("QueueSize"))
        .withFormParam("Dimensions.member.1.Name", equalTo("InstanceId"))
        .withFormParam("Dimensions.member.1.Value", equalTo(INSTANCE_ID))
        .withFormParam("Dimensions.member.2.Name", equalTo("MetricGroup"))
        .withFormParam("Dimensions.member.2.Value", equalTo("Queue"))
        .withFormParam("NextToken", absent()));
    WM.verify(1, getRequestedFor(urlPathEqualTo("/instance/" + INSTANCE_ID)));

    // ---- stored statistics (values worked out from the stubs above) ----
    AnalyzerResult stored = store.getResult(REVIEW_ID, "metrics").orElseThrow();
    SectionContract.assertCurrent(stored.data(), MetricsSection.class);
    JsonNode data = stored.data();
    // 08:00 lies before the window's first hour and is cut; cc_max's 10:00 point came on page 2.
    assertEquals(2, data.at("/concurrentCalls/dataPoints").asInt());
    assertNumber("3.00", data.at("/concurrentCalls/periodAverage")); // (2 + 4) / 2
    assertNumber("8", data.at("/concurrentCalls/absolutePeak"));
    assertEquals("2026-11-09T10:00:00Z", data.at("/concurrentCalls/peakHour").asText());

    // Nov 9 08:00 lies before the window and is cut; Nov 9 and Nov 23 are partial days.
    assertNumber("116", data.at("/missedCalls/total")); // 13 × 5 + 50 + 1
    assertEquals(13, data.at("/missedCalls/completeDays").asInt()); // Nov 10..22
    assertNumber("5", data.at("/missedCalls/median"));
    assertNumber("8.46", data.at("/missedCalls/mean")); // (12 × 5 + 50) / 13 = 8.4615…
    assertEquals("2026-11-18", data.at("/missedCalls/highest/date").asText());
    assertEquals("Wednesday", data.at("/missedCalls/highest/weekday").asText());
    assertEquals("2026-11-10", data.at("/missedCalls/lowest/date").asText()); // not the partial Nov 23 (1)
    assertNumber("35", data.at("/missedCalls/weekOverWeek/previousWeek")); // Nov 9 09:00 → Nov 16 09:00
    assertNumber("81", data.at("/missedCalls/weekOverWeek/lastWeek")); // 6 × 5 + 50 + 1
    assertNumber("131.4", data.at("/missedCalls/weekOverWeek/changePercent")); // 46 / 35 = 1.3142…
    assertEquals(15, data.at("/missedCalls/daily").size());
    assertFalse(data.at("/missedCalls/daily/0/complete").asBoolean());
    assertTrue(data.at("/missedCalls/daily/1/complete").asBoolean());

    assertNumber("37", data.at("/throttledCalls/total"));
    assertEquals("Moderate", data.at("/throttledCalls/severity").asText());
    assertEquals("2026-11-17T18:00:00Z", data.at("/throttledCalls/peakHours/0/hour").asText());
    assertEquals(3, data.at("/throttledCalls/peakHours").size());
    assertEquals(7, data.at("/throttledCalls/recommendations").size());

    assertNumber("24", data.at("/callsPerInterval/total"));
    assertNumber("12.00", data.at("/callsPerInterval/averagePerHour"));
    assertNumber("14", data.at("/callsPerInterval/peakPerHour"));

    assertEquals(3, data.at("/queueSize/queueCount").asInt());
    assertEquals("Sales", data.at("/queueSize/queues/0/queueName").asText());
    assertNumber("48", data.at("/queueSize/queues/0/maximum"));
    assertNumber("22.50", data.at("/queueSize/queues/0/average"));
    assertEquals("Billing", data.at("/queueSize/queues/1/queueName").asText());
    assertEquals(2, data.at("/queueSize/queues/0/hourly").size());

    assertEquals(13, data.at("/batching/queries").asInt());
    assertEquals(2, data.at("/batching/getMetricDataCalls").asInt());
    assertEquals("https://contact-center.my.connect.aws/real-time-metrics/landing",
        data.at("/links/realTimeMetrics").asText());
    assertEquals("https://contact-center.my.connect.aws/historical-metrics/landing",
        data.at("/links/historicalMetrics").asText());
    assertTrue(data.at("/links/cloudWatchMetrics").asText()
        .startsWith("https://us-east-1.console.aws.amazon.com/cloudwatch/home?region=us-east-1#metricsV2:"));

    // ---- findings ----
    assertEquals(Severity.MEDIUM, only(stored.findings(), CheckIds.MISSED_CALLS_SPIKE).severity());
    assertEquals("2026-11-18", only(stored.findings(), CheckIds.MISSED_CALLS_SPIKE).evidence().get("peakDay"));
    assertEquals(Severity.MEDIUM, only(stored.findings(), CheckIds.MISSED_CALLS_ABOVE_THRESHOLD).severity());
    assertEquals(Severity.MEDIUM, only(stored.findings(), "METRICS.THROTTLED_CALLS.MODERATE").severity());
    assertEquals("Sales", only(stored.findings(), CheckIds.QUEUE_SIZE_HOT_QUEUE).resource());
    only(stored.findings(), CheckIds.CONCURRENT_CALLS_PEAK);
    only(stored.findings(), CheckIds.CALLS_PER_INTERVAL_SUMMARY);
    assertEquals(6, stored.findings().size(), () -> checkIds(stored.findings()).toString());
    assertTrue(stored.findings().stream().allMatch(f -> f.consoleUrl().contains("cloudwatch")));
  }

  @Test
  void run_whenASeriesIsForbiddenAndListMetricsDenied_storesPartialWithoutThoseSections() {
    WM.stubFor(post(urlEqualTo("/")).withFormParam("Action", equalTo("ListMetrics")).willReturn(aResponse()
        .withStatus(403).withHeader("Content-Type", "text/xml").withBody("""
            <ErrorResponse xmlns="%s"><Error><Type>Sender</Type><Code>AccessDenied</Code>
            <Message>User is not authorized to perform: cloudwatch:ListMetrics</Message></Error>
            <RequestId>r</RequestId></ErrorResponse>""".formatted(XMLNS))));
    List<String> results = new ArrayList<>();
    for (String id : List.of("cc_avg", "cc_max", "missed_sum", "cpi_sum", "cpi_avg", "cpi_max")) {
      results.add(result(id, "Complete"));
    }
    results.add(result("throttled_sum", "Forbidden"));
    stubGetMetricData(null, null, String.join("", results));
    WM.stubFor(get(urlPathEqualTo("/instance/" + INSTANCE_ID)).willReturn(aResponse().withStatus(403)
        .withHeader("x-amzn-ErrorType", "AccessDeniedException").withHeader("Content-Type", "application/json")
        .withBody("{\"Message\":\"not authorized to perform: connect:DescribeInstance\"}")));
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);

    AnalyzerResponse response = runner(store).run(Fixtures.request(NOW.plusSeconds(120)));

    assertEquals(ComponentStatus.PARTIAL, response.status());
    assertEquals(2, response.errors().size(), () -> response.errors().toString());
    assertTrue(response.errors().get(0).startsWith("queue sizes not examined: queue names could not be listed "
        + "(CloudWatch ListMetrics): AccessDenied from CloudWatch (HTTP 403)"), response.errors().get(0));
    assertEquals("throttled calls not evaluated: series throttled_sum incomplete (GetMetricData status Forbidden)",
        response.errors().get(1));
    AnalyzerResult stored = store.getResult(REVIEW_ID, "metrics").orElseThrow();
    SectionContract.assertCurrent(stored.data(), MetricsSection.class);
    assertTrue(stored.data().get("throttledCalls").isNull());
    assertTrue(stored.data().get("queueSize").isNull());
    assertTrue(stored.data().at("/links/realTimeMetrics").isNull());
    assertTrue(stored.data().at("/links/note").asText().contains("AccessDeniedException"));
    // No datapoints: the no-data findings, and nothing about throttling or queues.
    assertEquals(List.of(CheckIds.CONCURRENT_CALLS_NO_DATA, CheckIds.MISSED_CALLS_NO_DATA,
        CheckIds.CALLS_PER_INTERVAL_NO_DATA), checkIds(stored.findings()));
    WM.verify(1, getMetricData().withFormParam("MetricDataQueries.member.8.Id", absent()));
  }

  @Test
  void run_whenTheFirstGetMetricDataFails_storesFailed() {
    stubListMetrics(null, null);
    WM.stubFor(post(urlEqualTo("/")).withFormParam("Action", equalTo("GetMetricData")).willReturn(aResponse()
        .withStatus(400).withHeader("Content-Type", "text/xml").withBody("""
            <ErrorResponse xmlns="%s"><Error><Type>Sender</Type><Code>InvalidParameterValue</Code>
            <Message>The value 1.0 for parameter MetricDataQueries.member.1.MetricStat.Period is not valid.</Message>
            </Error><RequestId>r</RequestId></ErrorResponse>""".formatted(XMLNS))));
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);

    AnalyzerResponse response = runner(store).run(Fixtures.request(NOW.plusSeconds(120)));

    assertEquals(ComponentStatus.FAILED, response.status());
    assertTrue(response.errors().get(0).startsWith("InvalidParameterValue from CloudWatch (HTTP 400)"),
        response.errors().get(0));
    assertEquals(1L, response.apiCalls().get("CloudWatch:GetMetricData"));
    assertNull(response.apiCalls().get("Connect:DescribeInstance"));
  }

  @Test
  void run_whenGetMetricDataFailsOnALaterPage_keepsCompleteSeriesAndNamesTheIncompleteOnes() {
    stubListMetrics(null, null);
    List<String> page1 = new ArrayList<>();
    for (String id : List.of("cc_avg", "missed_sum", "throttled_sum", "cpi_sum", "cpi_avg", "cpi_max")) {
      page1.add(result(id, "Complete"));
    }
    page1.add(result("cc_max", "PartialData", at("2026-11-09T09:00:00Z", "5")));
    stubGetMetricData(null, "gmd-2", String.join("", page1));
    WM.stubFor(post(urlEqualTo("/")).withFormParam("Action", equalTo("GetMetricData"))
        .withFormParam("NextToken", equalTo("gmd-2")).atPriority(1)
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "text/xml").withBody("""
            <ErrorResponse xmlns="%s"><Error><Type>Sender</Type><Code>InvalidNextToken</Code>
            <Message>The service couldn't process your request.</Message></Error>
            <RequestId>r</RequestId></ErrorResponse>""".formatted(XMLNS))));
    WM.stubFor(get(urlPathEqualTo("/instance/" + INSTANCE_ID)).willReturn(okJson("{\"Instance\":{}}")));
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);

    AnalyzerResponse response = runner(store).run(Fixtures.request(NOW.plusSeconds(120)));

    assertEquals(ComponentStatus.PARTIAL, response.status());
    assertEquals(List.of("concurrent calls not evaluated: series cc_max incomplete (GetMetricData stopped before "
        + "this series was complete: InvalidNextToken from CloudWatch (HTTP 400): The service couldn't process "
        + "your request.)"), response.errors());
    AnalyzerResult stored = store.getResult(REVIEW_ID, "metrics").orElseThrow();
    SectionContract.assertCurrent(stored.data(), MetricsSection.class);
    assertTrue(stored.data().get("concurrentCalls").isNull());
    assertEquals("Excellent", stored.data().at("/throttledCalls/severity").asText());
    only(stored.findings(), "METRICS.THROTTLED_CALLS.NONE");
    only(stored.findings(), CheckIds.QUEUE_SIZE_NO_QUEUES);
    assertEquals("DescribeInstance returned no InstanceAccessUrl", stored.data().at("/links/note").asText());
  }

  // ---- stubs ----

  private static void stubListMetrics(String token, String nextToken, String... metrics) {
    String body = "<ListMetricsResponse xmlns=\"" + XMLNS + "\"><ListMetricsResult><Metrics>" + String.join("", metrics)
        + "</Metrics>" + (nextToken == null ? "" : "<NextToken>" + nextToken + "</NextToken>")
        + "</ListMetricsResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></ListMetricsResponse>";
    WM.stubFor(post(urlEqualTo("/")).withFormParam("Action", equalTo("ListMetrics"))
        .withFormParam("NextToken", token == null ? absent() : equalTo(token))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body)));
  }

  private static void stubGetMetricData(String token, String nextToken, String results) {
    String body = "<GetMetricDataResponse xmlns=\"" + XMLNS + "\"><GetMetricDataResult><MetricDataResults>" + results
        + "</MetricDataResults>" + (nextToken == null ? "" : "<NextToken>" + nextToken + "</NextToken>")
        + "<Messages/></GetMetricDataResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
        + "</GetMetricDataResponse>";
    WM.stubFor(post(urlEqualTo("/")).withFormParam("Action", equalTo("GetMetricData"))
        .withFormParam("NextToken", token == null ? absent() : equalTo(token))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body)));
  }

  /** A ListMetrics member for QueueSize; {@code queueName} null leaves the QueueName dimension out. */
  private static String metric(String queueName) {
    return "<member><Namespace>AWS/Connect</Namespace><MetricName>QueueSize</MetricName><Dimensions>"
        + "<member><Name>InstanceId</Name><Value>" + INSTANCE_ID + "</Value></member>"
        + "<member><Name>MetricGroup</Name><Value>Queue</Value></member>"
        + (queueName == null ? "" : "<member><Name>QueueName</Name><Value>" + queueName + "</Value></member>")
        + "</Dimensions></member>";
  }

  private static String[] at(String timestamp, String value) {
    return new String[] {timestamp, value};
  }

  private static String result(String id, String status, String[]... points) {
    StringBuilder ts = new StringBuilder();
    StringBuilder vs = new StringBuilder();
    for (String[] p : points) {
      ts.append("<member>").append(p[0]).append("</member>");
      vs.append("<member>").append(p[1]).append("</member>");
    }
    return "<member><Id>" + id + "</Id><Label>" + id + "</Label><Timestamps>" + ts + "</Timestamps><Values>" + vs
        + "</Values><StatusCode>" + status + "</StatusCode></member>";
  }

  /** Hourly Sums: 7 at Nov 9 08:00 (before the window), 5 at 12:00 on Nov 9..22 (50 on Nov 18), 1 at Nov 23 03:00. */
  private static String[][] missedHours() {
    List<String[]> hours = new ArrayList<>();
    hours.add(at("2026-11-09T08:00:00Z", "7.0"));
    for (int i = 0; i < 14; i++) {
      LocalDate day = LocalDate.ofInstant(DAY_START, ZoneOffset.UTC).plusDays(i);
      hours.add(at(day + "T12:00:00Z", day.toString().equals("2026-11-18") ? "50.0" : "5.0"));
    }
    hours.add(at("2026-11-23T03:00:00Z", "1.0"));
    return hours.toArray(String[][]::new);
  }

  private static RequestPatternBuilder getMetricData() {
    return postRequestedFor(urlEqualTo("/"))
        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded; charset=UTF-8"))
        .withFormParam("Action", equalTo("GetMetricData"))
        .withFormParam("Version", equalTo("2010-08-01"));
  }

  private static RequestPatternBuilder listMetrics() {
    return postRequestedFor(urlEqualTo("/"))
        .withFormParam("Action", equalTo("ListMetrics"))
        .withFormParam("Version", equalTo("2010-08-01"));
  }

  /** Numerically equal: the stored JSON keeps the value, the tree may drop trailing zeros. */
  private static void assertNumber(String expected, JsonNode actual) {
    assertTrue(actual.isNumber(), () -> actual + " is not a number");
    assertEquals(0, new BigDecimal(expected).compareTo(actual.decimalValue()), () -> expected + " != " + actual);
  }

  // ---- wiring ----

  private AnalyzerRunner runner(LocalDirectoryResultStore store) {
    AwsClients aws = new AwsClients(new ApiCallCounter(ApiRateLimiter.standard()), AwsClients.Options.defaults()
        .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWIRETEST", "wire-secret")))
        .withEndpoint(URI.create(WM.baseUrl())));
    return AnalyzerRunner.of(MetricsAnalyzerFactory::create, store, aws, Clock.fixed(NOW, ZoneOffset.UTC));
  }
}
