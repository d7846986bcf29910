package com.connectopsreview.logs;

import static com.connectopsreview.logs.Fixtures.FLOW_LOG_GROUP;
import static com.connectopsreview.logs.Fixtures.INSTANCE_ID;
import static com.connectopsreview.logs.Fixtures.NOW;
import static com.connectopsreview.logs.Fixtures.only;
import static com.connectopsreview.logs.Fixtures.statsRow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.connectopsreview.shared.analyzer.AnalysisOutput;
import com.connectopsreview.shared.exception.ConfigurationException;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.privacy.RedactionPolicy;
import com.connectopsreview.shared.sections.LogsSection;
import com.connectopsreview.shared.sections.LogsSection.CheckIds;
import com.connectopsreview.shared.sections.LogsSection.ErrorCategory;
import com.connectopsreview.shared.sections.LogsSection.FlowErrorsStatus;
import com.connectopsreview.shared.sections.LogsSection.LogGroupSource;
import com.connectopsreview.shared.sections.SectionContract;
import com.connectopsreview.shared.testing.SdkMocks;
import com.connectopsreview.shared.testing.TestClock;
import com.connectopsreview.shared.time.TimeBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.StopQueryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StopQueryResponse;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ContactFlowSummary;
import software.amazon.awssdk.services.connect.model.DescribeInstanceRequest;
import software.amazon.awssdk.services.connect.model.DescribeInstanceResponse;
import software.amazon.awssdk.services.connect.model.Instance;
import software.amazon.awssdk.services.connect.model.ListContactFlowsRequest;
import software.amazon.awssdk.services.connect.model.ListContactFlowsResponse;

class LogAnalyzerTest {

  private final TestClock clock = new TestClock(NOW);
  private final CloudWatchLogsClient logs = SdkMocks.client(CloudWatchLogsClient.class);
  private final CloudWatchClient cloudWatch = SdkMocks.client(CloudWatchClient.class);
  private final ConnectClient connect = SdkMocks.client(ConnectClient.class);
  private List<LogGroup> groups;
  private List<MetricAlarm> alarms;
  private List<List<ResultField>> statsRows;
  private List<List<ResultField>> sampleRows;

  @BeforeEach
  void setUp() {
    groups = List.of(Fixtures.group(FLOW_LOG_GROUP, null), Fixtures.group("/aws/connect/contoso-old", 30));
    alarms = List.of(
        Fixtures.connectAlarm("ThrottledCalls", INSTANCE_ID, "ALARM", true),
        Fixtures.connectAlarm("ContactFlowErrors", INSTANCE_ID, "OK", false),
        Fixtures.connectAlarm("MissedCalls", "99999999-2222-3333-4444-555555555555", "OK", true),
        Fixtures.connectAlarm("CallsPerInterval", INSTANCE_ID, "OK", true));
    statsRows = List.of(
        statsRow("f-1", "Orders", "InvokeExternalResource", "The Lambda Function Returned An Error.", false, 150),
        statsRow("f-1", "Orders", "InvokeExternalResource", "Timeout", false, 10),
        statsRow("f-2", "Support", "GetUserInput", "Error", true, 20),
        statsRow("f-3", null, "PlayPrompt", "Prompt not found", false, 5));
    sampleRows = List.of(
        Fixtures.sampleRow("2026-11-22 08:29:46.392", Fixtures.lambdaErrorRecord("f-1", "Orders")),
        Fixtures.sampleRow("2026-11-21 07:00:00.000", "not json: call back " + Fixtures.CUSTOMER_PHONE));
    when(logs.describeLogGroups(any(DescribeLogGroupsRequest.class))).thenAnswer(call -> {
      String prefix = ((DescribeLogGroupsRequest) call.getArgument(0)).logGroupNamePrefix();
      return DescribeLogGroupsResponse.builder().logGroups(groups.stream()
          .filter(g -> g.logGroupName().startsWith(prefix)).toList()).build();
    });
    when(cloudWatch.describeAlarms(any(DescribeAlarmsRequest.class))).thenAnswer(call ->
        DescribeAlarmsResponse.builder().metricAlarms(alarms).build());
    when(connect.describeInstance(any(DescribeInstanceRequest.class))).thenReturn(DescribeInstanceResponse.builder()
        .instance(Instance.builder().id(INSTANCE_ID).instanceAlias(Fixtures.ALIAS).build()).build());
    when(connect.listContactFlows(any(ListContactFlowsRequest.class))).thenReturn(ListContactFlowsResponse.builder()
        .contactFlowSummaryList(ContactFlowSummary.builder().id("f-3").name("Billing").build()).build());
    when(logs.startQuery(any(StartQueryRequest.class))).thenAnswer(call -> StartQueryResponse.builder()
        .queryId(((StartQueryRequest) call.getArgument(0)).queryString().contains("stats") ? "stats" : "recent")
        .build());
    when(logs.getQueryResults(any(GetQueryResultsRequest.class))).thenAnswer(call -> GetQueryResultsResponse.builder()
        .status(QueryStatus.COMPLETE)
        .results("stats".equals(((GetQueryResultsRequest) call.getArgument(0)).queryId()) ? statsRows : sampleRows)
        .build());
  }

  private AnalysisOutput analyze(String environmentGroup, Map<String, String> options, Duration budget) {
    LogAnalyzer analyzer = new LogAnalyzer(SdkMocks.inRegion(Region.US_EAST_1, logs, cloudWatch, connect),
        environmentGroup, clock::advance);
    return analyzer.analyze(Fixtures.request(NOW.plus(budget), options), new TimeBudget(clock, NOW.plus(budget)));
  }

  private AnalysisOutput analyze() {
    return analyze(null, Map.of(), Duration.ofMinutes(4));
  }

  @Test
  void discoveredGroup_errorsByFlowAndCategory_severityByVolume_samplesRedacted() {
    AnalysisOutput output = analyze();

    assertEquals(ComponentStatus.OK, output.status(), () -> String.valueOf(output.errors()));
    LogsSection data = SectionContract.assertCurrent(output.data(), LogsSection.class);
    LogsSection.FlowErrors errors = data.flowErrors();
    assertEquals(FLOW_LOG_GROUP, errors.logGroup());
    assertEquals(LogGroupSource.DISCOVERED, errors.source());
    assertEquals(FlowErrorsStatus.ANALYZED, errors.status());
    assertEquals(185, errors.totalErrors());
    assertEquals(Map.of(ErrorCategory.TIMEOUT, 10L, ErrorCategory.LAMBDA, 150L, ErrorCategory.LEX, 20L,
        ErrorCategory.INVALID_INPUT, 0L, ErrorCategory.NOT_FOUND, 5L, ErrorCategory.OTHER, 0L), errors.byCategory());
    assertEquals(List.of("InvokeExternalResource", "GetUserInput", "PlayPrompt"),
        List.copyOf(errors.byBlockType().keySet()));
    assertEquals(List.of("Orders", "Support", "Billing"), errors.flows().stream().map(f -> f.flowName()).toList());
    assertEquals(Fixtures.flowArn("f-1"), errors.flows().get(0).flowArn());
    assertEquals("11.43", errors.flows().get(0).errorsPerDay().toPlainString());

    Finding orders = only(output.findings(), CheckIds.FLOW_ERRORS_HIGH_VOLUME);
    assertEquals(Severity.HIGH, orders.severity());
    assertEquals(Fixtures.flowArn("f-1"), orders.resource());
    assertTrue(orders.recommendation().startsWith("Most errors are Lambda failures"), orders.recommendation());
    assertEquals(Severity.MEDIUM, only(output.findings(), CheckIds.FLOW_ERRORS_RECURRING).severity());
    Finding billing = only(output.findings(), CheckIds.FLOW_ERRORS_SPORADIC);
    assertEquals(Severity.LOW, billing.severity());
    assertEquals("Billing", billing.evidence().get("flowName"));
    assertEquals(185L, only(output.findings(), CheckIds.FLOW_ERRORS_SUMMARY).evidence().get("totalErrors"));
    assertTrue(Fixtures.withCheckId(output.findings(), CheckIds.FLOW_ERRORS_NONE).isEmpty());

    // Samples: redacted by the default policy before they were kept; mandatory fields survive.
    assertEquals(2, errors.samples().size());
    LogsSection.Sample sample = errors.samples().get(0);
    assertEquals(NOW.minus(Duration.ofHours(24)).minusSeconds(1814).plusMillis(392), sample.timestamp());
    assertEquals(ErrorCategory.LAMBDA, sample.category());
    assertEquals("Orders", sample.flowName());
    assertEquals(Fixtures.flowArn("f-1"), sample.record().get("ContactFlowId").asText());
    assertEquals(RedactionPolicy.REDACTED, sample.record().at("/Parameters/Parameters/CustomerNumber").asText());
    assertEquals("The Lambda Function Returned An Error.", sample.record().get("Results").asText());
    assertEquals("not json: call back [phone]", errors.samples().get(1).record().asText());
    String stored = Json.toString(output.data()) + Json.toString(output.findings());
    for (String customerData : List.of(Fixtures.CUSTOMER_PHONE, Fixtures.TYPED_ACCOUNT, Fixtures.ATTRIBUTE_VALUE)) {
      assertFalse(stored.contains(customerData), customerData + " was stored");
    }
    assertEquals(RedactionPolicy.defaultPolicy().describe(), data.redactionPolicy());

    // One Logs Insights query at a time over the window; the link carries exactly the stats query.
    ArgumentCaptor<StartQueryRequest> started = ArgumentCaptor.forClass(StartQueryRequest.class);
    verify(logs, org.mockito.Mockito.times(2)).startQuery(started.capture());
    StartQueryRequest stats = started.getAllValues().get(0);
    assertEquals(List.of(FLOW_LOG_GROUP), stats.logGroupNames());
    assertEquals(FlowErrorQueries.STATS, stats.queryString());
    assertEquals(Fixtures.WINDOW.start().getEpochSecond(), stats.startTime());
    assertEquals(NOW.getEpochSecond() - 1, stats.endTime());
    assertEquals(20, started.getAllValues().get(1).limit());
    assertTrue(errors.insightsUrl().contains("editorString~'" + "filter*20Results*20like"), errors.insightsUrl());
    assertTrue(errors.insightsUrl().contains("~source~(~'*2faws*2fconnect*2fcontoso))"), errors.insightsUrl());
    assertTrue(errors.insightsUrl().contains("timeType~'ABSOLUTE"), errors.insightsUrl());
  }

  @Test
  void alarms_coverageInAlarmAndWithoutActions_onlyForThisInstance() {
    AnalysisOutput output = analyze();

    LogsSection data = SectionContract.assertCurrent(output.data(), LogsSection.class);
    assertEquals(4, data.alarms().metricAlarmsRead());
    assertEquals(2, data.alarms().found());
    assertEquals("13.3", data.alarms().coveragePercent().toPlainString());
    assertEquals(1, data.alarms().inAlarm());
    assertEquals(1, data.alarms().withoutActions());
    assertEquals(List.of("connect-CallsPerInterval"), data.alarms().extra().stream().map(a -> a.name()).toList());
    assertFalse(data.alarms().alarms().stream().filter(a -> a.metricName().equals("MissedCalls")).findFirst()
        .orElseThrow().found(), "an alarm of another instance does not count");

    Finding missing = only(output.findings(), CheckIds.ALARMS_MISSING);
    assertEquals(Severity.MEDIUM, missing.severity());
    assertTrue(missing.title().startsWith("13 of 15 recommended Connect alarms missing (coverage 13.3 %)"));
    Finding inAlarm = only(output.findings(), CheckIds.ALARMS_IN_ALARM);
    assertEquals(Severity.HIGH, inAlarm.severity());
    assertEquals("arn:aws:cloudwatch:us-east-1:123456789012:alarm:connect-ThrottledCalls", inAlarm.resource());
    assertEquals(Severity.LOW, only(output.findings(), CheckIds.ALARMS_NO_ACTIONS).severity());
    assertEquals(Severity.INFO, only(output.findings(), CheckIds.ALARMS_SUMMARY).severity());
  }

  @Test
  void retention_everyGroupUnderTheConnectPrefix_theFlowLogGroupMarked() {
    AnalysisOutput output = analyze();

    LogsSection data = SectionContract.assertCurrent(output.data(), LogsSection.class);
    assertEquals(2, data.retention().logGroups());
    assertEquals(1, data.retention().withoutRetention());
    Finding none = only(output.findings(), CheckIds.RETENTION_NONE);
    assertEquals(Severity.LOW, none.severity());
    assertEquals("arn:aws:logs:us-east-1:123456789012:log-group:" + FLOW_LOG_GROUP, none.resource());
    assertEquals(true, none.evidence().get("flowLogGroup"));
    ArgumentCaptor<DescribeLogGroupsRequest> listed = ArgumentCaptor.forClass(DescribeLogGroupsRequest.class);
    verify(logs).describeLogGroups(listed.capture());
    assertEquals("/aws/connect/", listed.getValue().logGroupNamePrefix());
    assertEquals(50, listed.getValue().limit());
  }

  @Test
  void theOptionWinsOverTheEnvironment_andAGroupOutsideTheConnectPrefixIsLookedUpByName() {
    groups = new ArrayList<>(groups);
    groups.add(Fixtures.group("/custom/flow-logs", 90));

    AnalysisOutput output = analyze("/aws/connect/from-env", Map.of(LogAnalyzer.LOG_GROUP_OPTION,
        "arn:aws:logs:us-east-1:123456789012:log-group:/custom/flow-logs:*"), Duration.ofMinutes(4));

    assertEquals(ComponentStatus.OK, output.status(), () -> String.valueOf(output.errors()));
    LogsSection data = SectionContract.assertCurrent(output.data(), LogsSection.class);
    assertEquals("/custom/flow-logs", data.flowErrors().logGroup());
    assertEquals(LogGroupSource.OPTION, data.flowErrors().source());
    verify(connect, never()).describeInstance(any(DescribeInstanceRequest.class));
    ArgumentCaptor<DescribeLogGroupsRequest> listed = ArgumentCaptor.forClass(DescribeLogGroupsRequest.class);
    verify(logs, org.mockito.Mockito.times(2)).describeLogGroups(listed.capture());
    assertTrue(listed.getAllValues().stream().anyMatch(r -> "/custom/flow-logs".equals(r.logGroupNamePrefix())));
  }

  @Test
  void aConfiguredGroupThatDoesNotExist_isAnErrorAndAnInfoFinding_neverAPass() {
    AnalysisOutput output = analyze("/aws/connect/gone", Map.of(), Duration.ofMinutes(4));

    assertEquals(ComponentStatus.PARTIAL, output.status());
    assertTrue(output.errors().get(0).contains("/aws/connect/gone does not exist"), output.errors().toString());
    LogsSection data = SectionContract.assertCurrent(output.data(), LogsSection.class);
    assertEquals(FlowErrorsStatus.LOG_GROUP_NOT_FOUND, data.flowErrors().status());
    assertEquals(LogGroupSource.ENVIRONMENT, data.flowErrors().source());
    assertEquals(Severity.INFO, only(output.findings(), CheckIds.FLOW_LOGS_NOT_FOUND).severity());
    assertTrue(Fixtures.withCheckId(output.findings(), CheckIds.FLOW_ERRORS_NONE).isEmpty());
    verify(logs, never()).startQuery(any(StartQueryRequest.class));
  }

  @Test
  void noGroupConfiguredAndNoneUnderTheAlias_isAnInfoFinding() {
    groups = List.of(Fixtures.group("/aws/connect/someone-else", 7));

    AnalysisOutput output = analyze();

    assertEquals(ComponentStatus.OK, output.status(), () -> String.valueOf(output.errors()));
    LogsSection data = SectionContract.assertCurrent(output.data(), LogsSection.class);
    assertEquals(FlowErrorsStatus.NO_LOG_GROUP, data.flowErrors().status());
    assertNull(data.flowErrors().logGroup());
    Finding none = only(output.findings(), CheckIds.FLOW_LOGS_NO_LOG_GROUP);
    assertEquals(Severity.INFO, none.severity());
    assertEquals(FLOW_LOG_GROUP, none.evidence().get("expectedLogGroup"));
    assertTrue(Fixtures.withCheckId(output.findings(), CheckIds.FLOW_ERRORS_NONE).isEmpty());
    assertEquals(Severity.PASS, only(output.findings(), CheckIds.RETENTION_SET).severity());
  }

  @Test
  void describeAlarmsDenied_isPartial_andNoAlarmFindingPretendsItWasEvaluated() {
    when(cloudWatch.describeAlarms(any(DescribeAlarmsRequest.class))).thenThrow(CloudWatchException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").serviceName("CloudWatch")
            .errorMessage("not authorized to perform: cloudwatch:DescribeAlarms").build()).statusCode(403).build());

    AnalysisOutput output = analyze();

    assertEquals(ComponentStatus.PARTIAL, output.status());
    assertTrue(output.errors().get(0).startsWith("CloudWatch alarms not read (DescribeAlarms: AccessDenied"),
        output.errors().toString());
    assertNull(SectionContract.assertCurrent(output.data(), LogsSection.class).alarms());
    assertTrue(output.findings().stream().noneMatch(f -> f.checkId().startsWith("LOGS.ALARMS.")));
    assertEquals(1, Fixtures.withCheckId(output.findings(), CheckIds.FLOW_ERRORS_HIGH_VOLUME).size());
  }

  @Test
  void aCleanInstance_passesEachCheck() {
    statsRows = List.of();
    sampleRows = List.of();
    groups = List.of(Fixtures.group(FLOW_LOG_GROUP, 30));
    alarms = RecommendedAlarms.ALL.stream().map(r -> Fixtures.connectAlarm(r.metricName(), INSTANCE_ID, "OK", true))
        .toList();

    AnalysisOutput output = analyze();

    assertEquals(ComponentStatus.OK, output.status());
    assertEquals(Severity.PASS, only(output.findings(), CheckIds.FLOW_ERRORS_NONE).severity());
    assertEquals(Severity.PASS, only(output.findings(), CheckIds.ALARMS_COMPLETE).severity());
    assertEquals(Severity.PASS, only(output.findings(), CheckIds.RETENTION_SET).severity());
    assertTrue(output.findings().stream().noneMatch(f -> f.severity().isProblem()), output.findings().toString());
    verify(connect, never()).listContactFlows(any(ListContactFlowsRequest.class));
  }

  @Test
  void timeRunningOutWhileAQueryRuns_isPartial_andSaysSo() {
    when(logs.getQueryResults(any(GetQueryResultsRequest.class))).thenReturn(GetQueryResultsResponse.builder()
        .status(QueryStatus.RUNNING).build());
    when(logs.stopQuery(any(StopQueryRequest.class))).thenReturn(StopQueryResponse.builder().success(true).build());

    AnalysisOutput output = analyze(null, Map.of(), Duration.ofSeconds(20));

    assertEquals(ComponentStatus.PARTIAL, output.status());
    String last = output.errors().get(output.errors().size() - 1);
    assertTrue(last.startsWith("time budget spent (time budget spent while Logs Insights query stats was still "
        + "running (stopped)); not examined: flow-error counts (Logs Insights)"), last);
    LogsSection data = SectionContract.assertCurrent(output.data(), LogsSection.class);
    assertEquals(FlowErrorsStatus.INCOMPLETE, data.flowErrors().status());
    verify(logs).stopQuery(any(StopQueryRequest.class));
    assertTrue(output.findings().stream().noneMatch(f -> f.checkId().startsWith("LOGS.FLOW_ERRORS.")));
  }

  @Test
  void aMalformedRedactionPolicy_failsBeforeAnythingIsRead() {
    assertThrows(ConfigurationException.class, () -> analyze(null, Map.of(RedactionPolicy.OPTION, "{\"type\":1}"),
        Duration.ofMinutes(4)));
    verify(logs, never()).describeLogGroups(any(DescribeLogGroupsRequest.class));
  }
}
