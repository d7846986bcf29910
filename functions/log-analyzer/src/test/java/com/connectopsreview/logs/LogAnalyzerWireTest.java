package com.connectopsreview.logs;

import static com.connectopsreview.logs.Fixtures.FLOW_LOG_GROUP;
import static com.connectopsreview.logs.Fixtures.INSTANCE_ID;
import static com.connectopsreview.logs.Fixtures.NOW;
import static com.connectopsreview.logs.Fixtures.REVIEW_ID;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.sections.LogsSection;
import com.connectopsreview.shared.sections.SectionContract;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The real SDK clients, built through {@link AwsClients}, against WireMock: CloudWatch Logs in JSON
 * 1.1 ({@code X-Amz-Target: Logs_20140328.*}), CloudWatch in the query protocol (form POST, XML) and
 * Connect in REST-JSON. Proves the request shapes SDK 2.40.2 sends, DescribeLogGroups' nextToken and
 * DescribeAlarms' NextToken followed, and GetQueryResults polled until Complete.
 */
class LogAnalyzerWireTest {

  private static final String LOGS_JSON = "application/x-amz-json-1.1";

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path storeDir;

  @Test
  void review_sendsTheDocumentedShapes_followsEveryToken_andPollsUntilComplete() {
    WM.stubFor(get(urlEqualTo("/instance/" + INSTANCE_ID)).willReturn(aResponse().withHeader("Content-Type",
        "application/json").withBody("{\"Instance\":{\"Id\":\"" + INSTANCE_ID + "\",\"InstanceAlias\":\"contoso\"}}")));
    WM.stubFor(logs("DescribeLogGroups").withRequestBody(matchingJsonPath("$.nextToken", absent()))
        .willReturn(json("{\"logGroups\":[" + group(FLOW_LOG_GROUP, null) + "],\"nextToken\":\"lg-2\"}")));
    WM.stubFor(logs("DescribeLogGroups").withRequestBody(matchingJsonPath("$.nextToken", equalTo("lg-2")))
        .willReturn(json("{\"logGroups\":[" + group("/aws/connect/contoso-old", 30) + "]}")));
    WM.stubFor(alarms().withRequestBody(notContaining("NextToken="))
        .willReturn(xml(alarmsPage(alarm("ThrottledCalls", "ALARM", true), "al-2"))));
    WM.stubFor(alarms().withRequestBody(containing("NextToken=al-2"))
        .willReturn(xml(alarmsPage(alarm("ContactFlowErrors", "OK", false), null))));
    WM.stubFor(logs("StartQuery").withRequestBody(matchingJsonPath("$.queryString", containing("| stats ")))
        .willReturn(json("{\"queryId\":\"q-stats\"}")));
    WM.stubFor(logs("StartQuery").withRequestBody(matchingJsonPath("$.queryString", containing("| sort ")))
        .willReturn(json("{\"queryId\":\"q-recent\"}")));
    stubPolls();
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);

    AnalyzerResponse response = runner(store).run(Fixtures.request(NOW.plusSeconds(120), Map.of()));

    assertEquals(ComponentStatus.OK, response.status(), () -> String.valueOf(response.errors()));
    assertEquals(new TreeMap<>(Map.of("CloudWatch:DescribeAlarms", 2L, "CloudWatchLogs:DescribeLogGroups", 2L,
            "CloudWatchLogs:StartQuery", 2L, "CloudWatchLogs:GetQueryResults", 4L, "Connect:DescribeInstance", 1L)),
        new TreeMap<>(response.apiCalls()));

    WM.verify(1, logsCalled("DescribeLogGroups").withRequestBody(
        equalToJson("{\"logGroupNamePrefix\":\"/aws/connect/\",\"limit\":50}")));
    WM.verify(1, logsCalled("DescribeLogGroups").withRequestBody(
        equalToJson("{\"logGroupNamePrefix\":\"/aws/connect/\",\"limit\":50,\"nextToken\":\"lg-2\"}")));
    ObjectNode stats = Json.mapper().createObjectNode();
    stats.putArray("logGroupNames").add(FLOW_LOG_GROUP);
    stats.put("startTime", Fixtures.WINDOW.start().getEpochSecond()).put("endTime", NOW.getEpochSecond() - 1)
        .put("queryString", FlowErrorQueries.STATS).put("limit", 10_000);
    WM.verify(1, logsCalled("StartQuery").withRequestBody(equalToJson(Json.toString(stats))));
    WM.verify(1, logsCalled("StartQuery").withRequestBody(matchingJsonPath("$.limit", equalTo("20"))));
    WM.verify(3, logsCalled("GetQueryResults").withRequestBody(equalToJson("{\"queryId\":\"q-stats\"}")));
    WM.verify(1, logsCalled("GetQueryResults").withRequestBody(equalToJson("{\"queryId\":\"q-recent\"}")));
    WM.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeAlarms"))
        .withRequestBody(containing("Version=2010-08-01")).withRequestBody(containing("AlarmTypes.member.1=MetricAlarm"))
        .withRequestBody(containing("MaxRecords=100")).withRequestBody(notContaining("NextToken")));
    WM.verify(1, postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=DescribeAlarms"))
        .withRequestBody(containing("NextToken=al-2")));

    AnalyzerResult stored = store.getResult(REVIEW_ID, "logs").orElseThrow();
    LogsSection data = SectionContract.assertCurrent(stored.data(), LogsSection.class);
    assertEquals(42, data.flowErrors().totalErrors());
    assertEquals("Orders", data.flowErrors().flows().get(0).flowName());
    assertEquals(1, data.flowErrors().samples().size());
    assertEquals(2, data.retention().logGroups());
    assertEquals(2, data.alarms().found());
    assertEquals(4, data.flowErrors().queries().polls());
    assertFalse(Json.toString(stored).contains(Fixtures.CUSTOMER_PHONE));
  }

  @Test
  void startQuery_atTheConcurrentQueryLimit_theServicesErrorIsWaitedOutAndTheQueryStartedAgain() {
    WM.stubFor(get(urlEqualTo("/instance/" + INSTANCE_ID)).willReturn(aResponse().withHeader("Content-Type",
        "application/json").withBody("{\"Instance\":{\"Id\":\"" + INSTANCE_ID + "\",\"InstanceAlias\":\"contoso\"}}")));
    WM.stubFor(logs("DescribeLogGroups").willReturn(json("{\"logGroups\":[" + group(FLOW_LOG_GROUP, 30) + "]}")));
    WM.stubFor(alarms().willReturn(xml(alarmsPage("", null))));
    WM.stubFor(logs("StartQuery").inScenario("limit").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("free")
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", LOGS_JSON)
            .withHeader("x-amzn-ErrorType", "LimitExceededException")
            .withBody("{\"__type\":\"LimitExceededException\",\"message\":\"Account maximum query concurrency "
                + "limit of [30] reached.\"}")));
    WM.stubFor(logs("StartQuery").inScenario("limit").whenScenarioStateIs("free")
        .willReturn(json("{\"queryId\":\"q-any\"}")));
    WM.stubFor(logs("GetQueryResults").willReturn(json("{\"status\":\"Complete\",\"results\":[]}")));
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);

    AnalyzerResponse response = runner(store).run(Fixtures.request(NOW.plusSeconds(120), Map.of()));

    assertEquals(ComponentStatus.OK, response.status(), () -> String.valueOf(response.errors()));
    assertEquals(3L, response.apiCalls().get("CloudWatchLogs:StartQuery"), "one refused, then the two queries");
    assertEquals(Severity.PASS, store.getResult(REVIEW_ID, "logs").orElseThrow().findings().stream()
        .filter(f -> f.checkId().equals("LOGS.FLOW_ERRORS.NONE")).findFirst().orElseThrow().severity());
  }

  /** q-stats: Running twice, then Complete; q-recent: Complete at once. */
  private static void stubPolls() {
    String scenario = "stats polls";
    WM.stubFor(logs("GetQueryResults").withRequestBody(matchingJsonPath("$.queryId", equalTo("q-stats")))
        .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second")
        .willReturn(json("{\"status\":\"Running\",\"results\":[]}")));
    WM.stubFor(logs("GetQueryResults").withRequestBody(matchingJsonPath("$.queryId", equalTo("q-stats")))
        .inScenario(scenario).whenScenarioStateIs("second").willSetStateTo("done")
        .willReturn(json("{\"status\":\"Running\",\"results\":[]}")));
    ArrayNode rows = Json.mapper().createArrayNode();
    ArrayNode row = rows.addArray();
    Fixtures.statsRow("f-1", "Orders", "InvokeExternalResource", "The Lambda Function Returned An Error.", false, 42)
        .forEach(f -> row.addObject().put("field", f.field()).put("value", f.value()));
    WM.stubFor(logs("GetQueryResults").withRequestBody(matchingJsonPath("$.queryId", equalTo("q-stats")))
        .inScenario(scenario).whenScenarioStateIs("done")
        .willReturn(json("{\"status\":\"Complete\",\"results\":" + Json.toString(rows) + ",\"statistics\":"
            + "{\"recordsMatched\":42.0,\"recordsScanned\":1200.0,\"bytesScanned\":524288.0}}")));
    ArrayNode samples = Json.mapper().createArrayNode();
    ArrayNode sample = samples.addArray();
    Fixtures.sampleRow("2026-11-22 08:29:46.392", Fixtures.lambdaErrorRecord("f-1", "Orders"))
        .forEach(f -> sample.addObject().put("field", f.field()).put("value", f.value()));
    WM.stubFor(logs("GetQueryResults").withRequestBody(matchingJsonPath("$.queryId", equalTo("q-recent")))
        .willReturn(json("{\"status\":\"Complete\",\"results\":" + Json.toString(samples) + "}")));
  }

  private static MappingBuilder logs(String operation) {
    return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328." + operation))
        .withHeader("Content-Type", containing(LOGS_JSON));
  }

  private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder logsCalled(String operation) {
    return postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Logs_20140328." + operation))
        .withHeader("Content-Type", containing(LOGS_JSON));
  }

  private static MappingBuilder alarms() {
    return post(urlEqualTo("/")).withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
        .withRequestBody(containing("Action=DescribeAlarms"));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withHeader("Content-Type", LOGS_JSON).withBody(body);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder xml(String body) {
    return aResponse().withHeader("Content-Type", "text/xml").withBody(body);
  }

  private static String group(String name, Integer retention) {
    return "{\"logGroupName\":\"" + name + "\",\"creationTime\":1700000000000,"
        + (retention == null ? "" : "\"retentionInDays\":" + retention + ",")
        + "\"storedBytes\":1048576,\"arn\":\"arn:aws:logs:us-east-1:123456789012:log-group:" + name + ":*\","
        + "\"logGroupClass\":\"STANDARD\",\"logGroupArn\":\"arn:aws:logs:us-east-1:123456789012:log-group:" + name
        + "\"}";
  }

  private static String alarm(String metric, String state, boolean actions) {
    return "<member><AlarmName>connect-" + metric + "</AlarmName><AlarmArn>arn:aws:cloudwatch:us-east-1:123456789012"
        + ":alarm:connect-" + metric + "</AlarmArn><ActionsEnabled>true</ActionsEnabled><AlarmActions>"
        + (actions ? "<member>arn:aws:sns:us-east-1:123456789012:oncall</member>" : "") + "</AlarmActions>"
        + "<StateValue>" + state + "</StateValue><MetricName>" + metric + "</MetricName><Namespace>AWS/Connect"
        + "</Namespace><Statistic>Sum</Statistic><Dimensions><member><Name>InstanceId</Name><Value>" + INSTANCE_ID
        + "</Value></member><member><Name>MetricGroup</Name><Value>VoiceCalls</Value></member></Dimensions>"
        + "<Period>300</Period><EvaluationPeriods>1</EvaluationPeriods><Threshold>0.0</Threshold>"
        + "<ComparisonOperator>GreaterThanThreshold</ComparisonOperator></member>";
  }

  private static String alarmsPage(String members, String nextToken) {
    return "<DescribeAlarmsResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><DescribeAlarmsResult>"
        + "<MetricAlarms>" + members + "</MetricAlarms><CompositeAlarms/>"
        + (nextToken == null ? "" : "<NextToken>" + nextToken + "</NextToken>")
        + "</DescribeAlarmsResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata>"
        + "</DescribeAlarmsResponse>";
  }

  private AnalyzerRunner runner(LocalDirectoryResultStore store) {
    AwsClients aws = new AwsClients(new ApiCallCounter(ApiRateLimiter.unlimited()), AwsClients.Options.defaults()
        .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWIRETEST", "wire-secret")))
        .withEndpoint(URI.create(WM.baseUrl())));
    return AnalyzerRunner.of((clients, s, clock) -> new LogAnalyzer(clients, null, d -> { }), store, aws,
        Clock.fixed(NOW, ZoneOffset.UTC));
  }
}
