package com.connectopsreview.quota;


import static com.connectopsreview.quota.Fixtures.INSTANCE_ARN;
import static com.connectopsreview.quota.Fixtures.INSTANCE_ID;
import static com.connectopsreview.quota.Fixtures.NOW;
import static com.connectopsreview.quota.Fixtures.REVIEW_ID;
import static com.connectopsreview.quota.Fixtures.only;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.sections.QuotaSection;
import com.connectopsreview.shared.sections.QuotaSection.CheckIds;
import com.connectopsreview.shared.sections.SectionContract;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The real SDK clients, built through {@link AwsClients} (so counted and paced), against WireMock
 * speaking Service Quotas' JSON 1.1, Connect's REST-JSON and CloudWatch's awsQuery protocols.
 */
class QuotaAnalyzerWireTest {

  private static final String AMZ_JSON = "application/x-amz-json-1.1";

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path storeDir;

  @Test
  void run_readsLimitsUsageAndPeaksWithTheDocumentedRequestShapesAndStoresEveryRow() {
    stubServiceQuotas();
    stubConnect();
    stubCloudWatch();
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);

    AnalyzerResponse response = runner(store).run(Fixtures.request(NOW.plusSeconds(120)));

    assertEquals(ComponentStatus.OK, response.status(), () -> String.valueOf(response.errors()));
    Map<String, Long> expectedCalls = new TreeMap<>(Map.of(
        "ServiceQuotas:GetServiceQuota", 24L,
        "ServiceQuotas:GetAWSDefaultServiceQuota", 1L,
        "ServiceQuotas:ListAWSDefaultServiceQuotas", 2L,
        "ServiceQuotas:ListServiceQuotas", 1L,
        "CloudWatch:GetMetricData", 2L,
        "Connect:ListUsers", 2L,
        "Connect:ListBots", 2L));
    for (String op : List.of("ListContactFlows", "ListContactFlowModules", "ListQueues", "ListRoutingProfiles",
        "ListSecurityProfiles", "ListHoursOfOperations", "ListPrompts", "ListQuickConnects", "ListAgentStatuses",
        "ListPhoneNumbersV2", "ListUserHierarchyGroups", "ListLambdaFunctions", "ListPredefinedAttributes",
        "ListIntegrationAssociations")) {
      expectedCalls.put("Connect:" + op, 1L);
    }
    assertEquals(expectedCalls, new TreeMap<>(response.apiCalls()));

    // Service Quotas JSON 1.1: every quota asked with the instance as context first.
    for (String code : allCodes()) {
      WM.verify(1, postRequestedFor(urlEqualTo("/"))
          .withHeader("X-Amz-Target", equalTo("ServiceQuotasV20190624.GetServiceQuota"))
          .withHeader("Content-Type", equalTo(AMZ_JSON))
          .withRequestBody(equalToJson("{\"ServiceCode\":\"connect\",\"QuotaCode\":\"" + code
              + "\",\"ContextId\":\"" + INSTANCE_ARN + "\"}")));
    }
    // Fallback chain for the queue quota only: account value, then the AWS default.
    WM.verify(1, postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("ServiceQuotasV20190624.GetServiceQuota"))
        .withRequestBody(equalToJson("{\"ServiceCode\":\"connect\",\"QuotaCode\":\"L-19A87C94\"}")));
    WM.verify(1, postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("ServiceQuotasV20190624.GetAWSDefaultServiceQuota"))
        .withRequestBody(equalToJson("{\"ServiceCode\":\"connect\",\"QuotaCode\":\"L-19A87C94\"}")));
    WM.verify(1, postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("ServiceQuotasV20190624.ListAWSDefaultServiceQuotas"))
        .withRequestBody(equalToJson("{\"ServiceCode\":\"connect\",\"MaxResults\":100}")));
    WM.verify(1, postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("ServiceQuotasV20190624.ListAWSDefaultServiceQuotas"))
        .withRequestBody(equalToJson("{\"ServiceCode\":\"connect\",\"MaxResults\":100,\"NextToken\":\"d2\"}")));
    WM.verify(1, postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("ServiceQuotasV20190624.ListServiceQuotas"))
        .withRequestBody(equalToJson("{\"ServiceCode\":\"connect\",\"MaxResults\":100}")));

    // Connect REST: the largest page size of each API, fixed filters, nextToken followed.
    Map<String, String> pageSizes = new LinkedHashMap<>();
    pageSizes.put("/contact-flows-summary/" + INSTANCE_ID, "1000");
    pageSizes.put("/contact-flow-modules-summary/" + INSTANCE_ID, "1000");
    pageSizes.put("/routing-profiles-summary/" + INSTANCE_ID, "1000");
    pageSizes.put("/security-profiles-summary/" + INSTANCE_ID, "1000");
    pageSizes.put("/hours-of-operations-summary/" + INSTANCE_ID, "1000");
    pageSizes.put("/prompts-summary/" + INSTANCE_ID, "1000");
    pageSizes.put("/quick-connects/" + INSTANCE_ID, "1000");
    pageSizes.put("/agent-status/" + INSTANCE_ID, "1000");
    pageSizes.put("/user-hierarchy-groups-summary/" + INSTANCE_ID, "1000");
    pageSizes.put("/instance/" + INSTANCE_ID + "/lambda-functions", "25");
    pageSizes.put("/predefined-attributes/" + INSTANCE_ID, "100");
    pageSizes.forEach((path, max) -> WM.verify(1, getRequestedFor(urlPathEqualTo(path))
        .withQueryParam("maxResults", equalTo(max)).withQueryParam("nextToken", absent())));
    WM.verify(1, getRequestedFor(urlPathEqualTo("/users-summary/" + INSTANCE_ID))
        .withQueryParam("maxResults", equalTo("1000")).withQueryParam("nextToken", absent()));
    WM.verify(1, getRequestedFor(urlPathEqualTo("/users-summary/" + INSTANCE_ID))
        .withQueryParam("maxResults", equalTo("1000")).withQueryParam("nextToken", equalTo("u2")));
    WM.verify(1, getRequestedFor(urlPathEqualTo("/queues-summary/" + INSTANCE_ID))
        .withQueryParam("queueTypes", equalTo("STANDARD")).withQueryParam("maxResults", equalTo("1000")));
    for (String version : List.of("V1", "V2")) {
      WM.verify(1, getRequestedFor(urlPathEqualTo("/instance/" + INSTANCE_ID + "/bots"))
          .withQueryParam("lexVersion", equalTo(version)).withQueryParam("maxResults", equalTo("25")));
    }
    WM.verify(1, getRequestedFor(urlPathEqualTo("/instance/" + INSTANCE_ID + "/integration-associations"))
        .withQueryParam("integrationType", equalTo("APPLICATION")).withQueryParam("maxResults", equalTo("100")));
    WM.verify(1, postRequestedFor(urlEqualTo("/phone-number/list"))
        .withRequestBody(equalToJson("{\"InstanceId\":\"" + INSTANCE_ID + "\",\"MaxResults\":1000}")));

    // CloudWatch awsQuery: one GetMetricData for all eight series, MetricStat only, then its NextToken.
    var first = postRequestedFor(urlEqualTo("/"))
        .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
        .withRequestBody(containing("Action=GetMetricData&Version=2010-08-01&"))
        .withRequestBody(containing("StartTime=2026-11-09T00%3A00%3A00Z"))
        .withRequestBody(containing("EndTime=2026-11-23T09%3A00%3A00Z"))
        .withRequestBody(containing("ScanBy=TimestampAscending"))
        .withRequestBody(notContaining("Expression"));
    int member = 1;
    for (QuotaCatalog.ConcurrencyQuota quota : QuotaCatalog.CONCURRENCY_QUOTAS) {
      for (String metric : List.of(quota.countMetric(), quota.percentMetric())) {
        String m = "MetricDataQueries.member." + member + ".";
        first = first
            .withRequestBody(containing(m + "MetricStat.Metric.Namespace=AWS%2FConnect&"))
            .withRequestBody(containing(m + "MetricStat.Metric.MetricName=" + metric + "&"))
            .withRequestBody(containing(m + "MetricStat.Metric.Dimensions.member.1.Name=InstanceId&"
                + m + "MetricStat.Metric.Dimensions.member.1.Value=" + INSTANCE_ID + "&"
                + m + "MetricStat.Metric.Dimensions.member.2.Name=MetricGroup&"
                + m + "MetricStat.Metric.Dimensions.member.2.Value=" + quota.metricGroup() + "&"))
            .withRequestBody(containing(m + "MetricStat.Period=86400&" + m + "MetricStat.Stat=Maximum&"));
        member++;
      }
    }
    WM.verify(1, first.withRequestBody(notContaining("NextToken")));
    WM.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=GetMetricData&"))
        .withRequestBody(containing("NextToken=cw2")));

    AnalyzerResult stored = store.getResult(REVIEW_ID, "quota").orElseThrow();
    SectionContract.assertCurrent(stored.data(), QuotaSection.class);
    assertEquals(ComponentStatus.OK, stored.status());
    JsonNode users = row(stored.data().get("quotas"), "USERS");
    assertEquals(85, users.get("usage").asLong());
    assertNumber("100", users.get("limit"));
    assertEquals("INSTANCE", users.get("limitSource").asText());
    assertNumber("85.0", users.get("percentage"));
    assertEquals("WARNING", users.get("status").asText());
    JsonNode queues = row(stored.data().get("quotas"), "QUEUES");
    assertEquals(49, queues.get("usage").asLong());
    assertEquals("DEFAULT", queues.get("limitSource").asText());
    assertNumber("98.0", queues.get("percentage"));
    JsonNode proficiencies = row(stored.data().get("quotas"), "PROFICIENCIES_PER_AGENT");
    assertTrue(proficiencies.get("usage").isNull());
    assertEquals("NOT_MEASURED", proficiencies.get("status").asText());
    assertEquals(19, stored.data().get("quotas").size());
    assertEquals(17, stored.data().at("/summary/normal").asInt() + stored.data().at("/summary/warning").asInt()
        + stored.data().at("/summary/critical").asInt() - countConcurrencyBanded(stored.data()));

    JsonNode calls = row(stored.data().get("concurrency"), "CONCURRENT_CALLS");
    assertNumber("70", calls.get("usage"));
    assertEquals("2026-11-20T00:00:00Z", calls.get("peakDay").asText());
    assertNumber("70.0", calls.get("percentage"));
    assertNumber("70.0", calls.get("publishedPeakPercent"));
    assertEquals(15, calls.get("daily").size());
    assertEquals("NO_DATA", row(stored.data().get("concurrency"), "CONCURRENT_TASKS").get("status").asText());

    assertEquals(Severity.MEDIUM, only(stored.findings(), "QUOTA.USERS.NEAR_LIMIT").severity());
    assertEquals("https://us-east-1.console.aws.amazon.com/servicequotas/home/services/connect/quotas/L-9A46857E",
        only(stored.findings(), "QUOTA.USERS.NEAR_LIMIT").consoleUrl());
    assertEquals(Severity.CRITICAL, only(stored.findings(), "QUOTA.QUEUES.CRITICAL").severity());
    assertEquals(Severity.INFO, only(stored.findings(), "QUOTA.PROFICIENCIES_PER_AGENT.NOT_MEASURED").severity());
    assertEquals(Severity.PASS, only(stored.findings(), "QUOTA.CONCURRENT_CALLS.WITHIN_LIMIT").severity());
    assertEquals(Severity.HIGH, only(stored.findings(), "QUOTA.CONCURRENT_CALLS.GROWTH").severity());
    var rate = only(stored.findings(), CheckIds.API_RATE_CUSTOM);
    assertEquals("arn:aws:servicequotas:us-east-1:123456789012:connect/L-AAAAAAAA", rate.resource());
    assertEquals(2, stored.data().get("rateQuotas").size());
  }

  @Test
  void run_whenServiceQuotasIsDenied_keepsEveryRowWithUsageAndNamesTheDenialOnce() {
    WM.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", containing("ServiceQuotasV20190624."))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", AMZ_JSON)
            .withBody("{\"__type\":\"AccessDeniedException\",\"message\":\"User is not authorized to perform: "
                + "servicequotas:GetServiceQuota\"}")));
    stubConnect();
    stubCloudWatch();
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);

    AnalyzerResponse response = runner(store).run(Fixtures.request(NOW.plusSeconds(120)));

    assertEquals(ComponentStatus.PARTIAL, response.status());
    assertEquals(1L, response.apiCalls().get("ServiceQuotas:GetServiceQuota"));
    assertEquals(2, response.errors().size(), () -> String.valueOf(response.errors()));
    assertTrue(response.errors().get(0).startsWith("limits of Contact flows per instance, Flow modules per instance"),
        response.errors().get(0));
    assertTrue(response.errors().get(0).contains("AccessDeniedException from ServiceQuotas"), response.errors().get(0));
    assertTrue(response.errors().get(1).startsWith("API rate and other quotas (ListAWSDefaultServiceQuotas, ListServiceQuotas)"
        + " could not be read: AccessDeniedException"), response.errors().get(1));
    AnalyzerResult stored = store.getResult(REVIEW_ID, "quota").orElseThrow();
    SectionContract.assertCurrent(stored.data(), QuotaSection.class);
    JsonNode users = row(stored.data().get("quotas"), "USERS");
    assertEquals(85, users.get("usage").asLong());
    assertEquals("LIMIT_UNKNOWN", users.get("status").asText());
    assertTrue(users.get("limit").isNull());
    assertEquals(19, stored.data().get("quotas").size());
    // The published percentage still bands the calls peak without the quota.
    assertNumber("70.0", row(stored.data().get("concurrency"), "CONCURRENT_CALLS").get("percentage"));
    assertTrue(stored.findings().stream().noneMatch(f -> f.checkId().equals("QUOTA.USERS.WITHIN_LIMIT")));
  }

  /** Numbers compare by value: the shared mapper stores 85.0 as 85. */
  private static void assertNumber(String expected, JsonNode actual) {
    assertTrue(actual.isNumber(), () -> "not a number: " + actual);
    assertEquals(0, new BigDecimal(expected).compareTo(actual.decimalValue()), () -> expected + " vs " + actual);
  }

  private static int countConcurrencyBanded(JsonNode data) {
    int n = 0;
    for (JsonNode row : data.get("concurrency")) {
      String status = row.get("status").asText();
      if (status.equals("NORMAL") || status.equals("WARNING") || status.equals("CRITICAL")) {
        n++;
      }
    }
    return n;
  }

  private static JsonNode row(JsonNode rows, String key) {
    for (JsonNode row : rows) {
      if (row.get("key").asText().equals(key)) {
        return row;
      }
    }
    throw new AssertionError("no row " + key + " in " + rows);
  }

  private static List<String> allCodes() {
    List<String> codes = new ArrayList<>();
    QuotaCatalog.INSTANCE_QUOTAS.forEach(q -> codes.add(q.code()));
    QuotaCatalog.CONCURRENCY_QUOTAS.forEach(q -> codes.add(q.code()));
    return codes;
  }

  // ---- stubs ----

  private static void stubServiceQuotas() {
    WM.stubFor(serviceQuotas("GetServiceQuota").atPriority(10).willReturn(quota("L-00000000", 1000.0)));
    WM.stubFor(serviceQuotas("GetServiceQuota").atPriority(1)
        .withRequestBody(matchingJsonPath("$.QuotaCode", equalTo("L-9A46857E"))).willReturn(quota("L-9A46857E", 100.0)));
    WM.stubFor(serviceQuotas("GetServiceQuota").atPriority(1)
        .withRequestBody(matchingJsonPath("$.QuotaCode", equalTo("L-12AB7C57"))).willReturn(quota("L-12AB7C57", 100.0)));
    WM.stubFor(serviceQuotas("GetServiceQuota").atPriority(1)
        .withRequestBody(matchingJsonPath("$.QuotaCode", equalTo("L-19A87C94")))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", AMZ_JSON)
            .withBody("{\"__type\":\"NoSuchResourceException\",\"message\":\"The request failed because the "
                + "specified quota does not exist.\"}")));
    WM.stubFor(serviceQuotas("GetAWSDefaultServiceQuota").willReturn(quota("L-19A87C94", 50.0)));
    WM.stubFor(serviceQuotas("ListAWSDefaultServiceQuotas").withRequestBody(notContaining("NextToken"))
        .willReturn(okForContentType(AMZ_JSON, """
            {"Quotas":[{"ServiceCode":"connect","QuotaCode":"L-AAAAAAAA","QuotaName":"Rate of ListUsers API requests",
              "Value":2.0,"Unit":"None"},
             {"ServiceCode":"connect","QuotaCode":"L-9A46857E","QuotaName":"Users per instance","Value":500.0}],
             "NextToken":"d2"}""")));
    WM.stubFor(serviceQuotas("ListAWSDefaultServiceQuotas").withRequestBody(containing("\"NextToken\":\"d2\""))
        .willReturn(okForContentType(AMZ_JSON, """
            {"Quotas":[{"ServiceCode":"connect","QuotaCode":"L-BBBBBBBB","QuotaName":"Rate of DescribeUser API requests",
              "Value":5.0,"Unit":"None"}]}""")));
    WM.stubFor(serviceQuotas("ListServiceQuotas").willReturn(okForContentType(AMZ_JSON, """
        {"Quotas":[{"ServiceCode":"connect","QuotaCode":"L-AAAAAAAA","QuotaName":"Rate of ListUsers API requests",
          "Value":10.0},{"ServiceCode":"connect","QuotaCode":"L-BBBBBBBB","QuotaName":"Rate of DescribeUser API requests",
          "Value":5.0},{"ServiceCode":"connect","QuotaCode":"L-9A46857E","QuotaName":"Users per instance","Value":500.0}]}""")));
  }

  private static com.github.tomakehurst.wiremock.client.MappingBuilder serviceQuotas(String operation) {
    return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("ServiceQuotasV20190624." + operation));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder quota(String code, double value) {
    return okForContentType(AMZ_JSON, """
        {"Quota":{"ServiceCode":"connect","QuotaCode":"%s","QuotaName":"quota %s","Value":%s,"Adjustable":true}}"""
        .formatted(code, code, value));
  }

  /** Empty lists everywhere except 85 users on two pages and 49 standard queues. */
  private static void stubConnect() {
    WM.stubFor(get(anyUrl()).atPriority(10).willReturn(okJson("{}")));
    WM.stubFor(post(urlEqualTo("/phone-number/list")).willReturn(okJson("{\"ListPhoneNumbersSummaryList\":[]}")));
    WM.stubFor(get(urlPathEqualTo("/users-summary/" + INSTANCE_ID)).withQueryParam("nextToken", absent())
        .willReturn(okJson("{\"UserSummaryList\":" + items(50, "user", "") + ",\"NextToken\":\"u2\"}")));
    WM.stubFor(get(urlPathEqualTo("/users-summary/" + INSTANCE_ID)).withQueryParam("nextToken", equalTo("u2"))
        .willReturn(okJson("{\"UserSummaryList\":" + items(35, "user-b", "") + "}")));
    WM.stubFor(get(urlPathEqualTo("/queues-summary/" + INSTANCE_ID))
        .willReturn(okJson("{\"QueueSummaryList\":" + items(49, "queue", ",\"QueueType\":\"STANDARD\"") + "}")));
  }

  private static String items(int n, String prefix, String extra) {
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < n; i++) {
      json.append(i == 0 ? "" : ",").append("{\"Id\":\"").append(prefix).append('-').append(i)
          .append("\",\"Name\":\"").append(prefix).append(i).append('"').append(extra).append('}');
    }
    return json.append(']').toString();
  }

  /**
   * Calls: daily peaks 50 on Nov 9–16 (first half), 60 on Nov 17–23 except 70 on Nov 20 (second
   * page); calls percentage 0.7 on Nov 20; chats 3 on Nov 20; tasks and emails without datapoints.
   */
  private static void stubCloudWatch() {
    StringBuilder firstCalls = new StringBuilder();
    for (int day = 9; day <= 16; day++) {
      firstCalls.append(point(day, "50.0"));
    }
    String page1 = result("concurrent_calls_peak", "ConcurrentCalls", firstCalls.toString())
        + result("concurrent_calls_percent", "ConcurrentCallsPercentage", point(20, "0.7"))
        + result("concurrent_chats_peak", "ConcurrentActiveChats", point(20, "3.0"))
        + result("concurrent_chats_percent", "ConcurrentActiveChatsPercentage", point(20, "0.3"))
        + result("concurrent_tasks_peak", "ConcurrentTasks", "")
        + result("concurrent_tasks_percent", "ConcurrentTasksPercentage", "")
        + result("concurrent_emails_peak", "ConcurrentEmails", "")
        + result("concurrent_emails_percent", "ConcurrentEmailsPercentage", "");
    StringBuilder secondCalls = new StringBuilder();
    for (int day = 17; day <= 23; day++) {
      secondCalls.append(point(day, day == 20 ? "70.0" : "60.0"));
    }
    String page2 = result("concurrent_calls_peak", "ConcurrentCalls", secondCalls.toString());
    WM.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetMetricData&"))
        .withRequestBody(notContaining("NextToken")).willReturn(xml(metricData(page1, "cw2"))));
    WM.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=GetMetricData&"))
        .withRequestBody(containing("NextToken=cw2")).willReturn(xml(metricData(page2, null))));
  }

  private static String point(int day, String value) {
    return "<t>2026-11-%02dT00:00:00Z</t><v>%s</v>".formatted(day, value);
  }

  /** One MetricDataResults member from {@link #point}s. */
  private static String result(String id, String label, String points) {
    StringBuilder timestamps = new StringBuilder();
    StringBuilder values = new StringBuilder();
    var matcher = java.util.regex.Pattern.compile("<t>(.*?)</t><v>(.*?)</v>").matcher(points);
    while (matcher.find()) {
      timestamps.append("<member>").append(matcher.group(1)).append("</member>");
      values.append("<member>").append(matcher.group(2)).append("</member>");
    }
    return "<member><Id>" + id + "</Id><Label>" + label + "</Label><Timestamps>" + timestamps + "</Timestamps><Values>"
        + values + "</Values><StatusCode>Complete</StatusCode></member>";
  }

  private static String metricData(String results, String nextToken) {
    return "<GetMetricDataResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><GetMetricDataResult>"
        + "<MetricDataResults>" + results + "</MetricDataResults>"
        + (nextToken == null ? "" : "<NextToken>" + nextToken + "</NextToken>")
        + "<Messages/></GetMetricDataResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
        + "</GetMetricDataResponse>";
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(body);
  }

  // ---- wiring ----

  private AnalyzerRunner runner(LocalDirectoryResultStore store) {
    AwsClients aws = new AwsClients(new ApiCallCounter(ApiRateLimiter.unlimited()), AwsClients.Options.defaults()
        .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWIRETEST", "wire-secret")))
        .withEndpoint(URI.create(WM.baseUrl())));
    return AnalyzerRunner.of(QuotaAnalyzerFactory::create, store, aws, Clock.fixed(NOW, ZoneOffset.UTC));
  }
}
