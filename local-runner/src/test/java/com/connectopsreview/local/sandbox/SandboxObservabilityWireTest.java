package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.observability.ObservabilityDomain;
import com.connectopsreview.local.sandbox.observability.ObservabilityDomain.FlowErrorPlant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LimitExceededException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.MalformedQueryException;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;

/**
 * CloudWatch Logs (JSON 1.1) and CloudWatch DescribeAlarms (query protocol) through the real SDK
 * clients: paging, filters, the Logs Insights lifecycle and interpreter, and the services' errors.
 */
@ExtendWith(LoopbackGuardExtension.class)
class SandboxObservabilityWireTest {

  private static final String STATS = "filter Results like /(?i)(error|fail|time ?out|timed out|exception|invalid"
      + "|not found|unsupported|no prompt provided|thread access limit|execution limit reached)/"
      + " or (ContactFlowModuleType = \"GetUserInput\" and Results = \"NoMatchingCondition\")\n"
      + "| fields ContactFlowId, ContactFlowName, ContactFlowModuleType, Results,"
      + " ispresent(Parameters.BotAliasArn) as lexBot\n"
      + "| stats count(*) as errors by ContactFlowId, ContactFlowName, ContactFlowModuleType, Results, lexBot\n"
      + "| limit 10000";

  private static Sandbox sandbox;
  private static ObservabilityDomain domain;
  private static SandboxClients clients;

  @BeforeAll
  static void startSandbox() {
    sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL));
    domain = ObservabilityDomain.of(sandbox.scenario());
    clients = SandboxClients.unlimited(sandbox);
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  private static CloudWatchLogsClient logs() {
    return clients.aws().client(CloudWatchLogsClient.class, SandboxClients.REGION, CloudWatchLogsClient::builder);
  }

  @Test
  void describeLogGroups_pagesWithNextToken_filteredByPrefix() {
    List<LogGroup> groups = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      DescribeLogGroupsResponse page = logs().describeLogGroups(b -> b.logGroupNamePrefix("/aws/connect/").limit(1)
          .nextToken(next));
      groups.addAll(page.logGroups());
      token = page.nextToken();
      pages++;
    } while (token != null);

    assertEquals(2, pages);
    assertEquals(domain.logGroups().stream().map(ObservabilityDomain.LogGroup::name).toList(),
        groups.stream().map(LogGroup::logGroupName).toList());
    LogGroup flowLogs = groups.stream().filter(g -> g.logGroupName().equals(domain.flowLogGroup())).findFirst()
        .orElseThrow();
    assertNull(flowLogs.retentionInDays());
    assertEquals(domain.logGroup(domain.flowLogGroup()).orElseThrow().arn() + ":*", flowLogs.arn());
    assertTrue(flowLogs.storedBytes() > 0);
    assertEquals(0, logs().describeLogGroups(b -> b.logGroupNamePrefix("/aws/lambda/")).logGroups().size());
    assertThrows(InvalidParameterException.class, () -> logs().describeLogGroups(b -> b.limit(51)));
    assertThrows(InvalidParameterException.class, () -> logs().describeLogGroups(b -> b.nextToken("forged")));
  }

  @Test
  void statsQuery_runningThenComplete_countsEveryPlantedErrorAndNoDecoy() {
    String id = logs().startQuery(b -> b.logGroupNames(domain.flowLogGroup()).startTime(0L)
        .endTime(sandbox.scenario().basis().end().getEpochSecond()).queryString(STATS).limit(10_000)).queryId();

    GetQueryResultsResponse first = logs().getQueryResults(b -> b.queryId(id));
    GetQueryResultsResponse second = logs().getQueryResults(b -> b.queryId(id));

    assertEquals(QueryStatus.RUNNING, first.status());
    assertEquals(0, first.results().size());
    assertEquals(QueryStatus.COMPLETE, second.status());
    Map<String, Long> counted = new HashMap<>();
    for (List<ResultField> row : second.results()) {
      Map<String, String> fields = new HashMap<>();
      row.forEach(f -> fields.put(f.field(), f.value()));
      String results = fields.get("Results").replaceFirst("; RequestId: .*$", "");
      counted.merge(fields.get("ContactFlowId") + "|" + fields.get("ContactFlowModuleType") + "|" + results + "|"
          + fields.get("lexBot"), Long.parseLong(fields.get("errors")), Long::sum);
    }
    Map<String, Long> planted = new HashMap<>();
    for (FlowErrorPlant p : domain.flowErrors()) {
      planted.merge(p.flowArn() + "|" + p.blockType() + "|" + p.results() + "|" + (p.category().equals("LEX") ? "1"
          : "0"), (long) p.records(), Long::sum);
    }
    assertEquals(planted, counted);
    long errors = planted.values().stream().mapToLong(Long::longValue).sum();
    assertEquals(errors, second.statistics().recordsMatched(), 0.0);
    assertEquals(domain.events().size(), second.statistics().recordsScanned(), 0.0);
  }

  @Test
  void samplesQuery_newestFirst_withTheRecordAsMessage_andTheRangeIsInclusive() {
    ObservabilityDomain.LogEvent newest = domain.events().get(domain.events().size() - 1);
    long second = newest.timestamp().getEpochSecond();
    String id = logs().startQuery(b -> b.logGroupNames(domain.flowLogGroup()).startTime(second).endTime(second)
        .queryString("fields @timestamp, @message | sort @timestamp desc | limit 20")).queryId();
    logs().getQueryResults(b -> b.queryId(id));

    GetQueryResultsResponse done = logs().getQueryResults(b -> b.queryId(id));

    assertEquals(QueryStatus.COMPLETE, done.status());
    assertTrue(done.results().size() >= 1);
    Map<String, String> row = new HashMap<>();
    done.results().get(0).forEach(f -> row.put(f.field(), f.value()));
    assertEquals(newest.message(), row.get("@message"));
    assertTrue(row.get("@timestamp").matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}"), row.get("@timestamp"));
    assertNotNull(row.get("@ptr"));
  }

  @Test
  void startQuery_errorsAsCloudWatchLogsAnswersThem() {
    assertThrows(MalformedQueryException.class, () -> logs().startQuery(b -> b.logGroupNames(domain.flowLogGroup())
        .startTime(0L).endTime(1L).queryString("fields @message | dedup @message")));
    assertThrows(ResourceNotFoundException.class, () -> logs().startQuery(b -> b.logGroupNames("/aws/connect/none")
        .startTime(0L).endTime(1L).queryString("fields @message")));
    assertThrows(InvalidParameterException.class, () -> logs().startQuery(b -> b.startTime(0L).endTime(1L)
        .queryString("fields @message")));
    assertThrows(InvalidParameterException.class, () -> logs().startQuery(b -> b.logGroupName(domain.flowLogGroup())
        .startTime(5L).endTime(1L).queryString("fields @message")));
    assertThrows(ResourceNotFoundException.class, () -> logs().getQueryResults(b -> b.queryId("no-such-query")));
  }

  @Test
  void stopQuery_cancelsARunningQuery_andTheThirtyFirstConcurrentQueryIsRefused() {
    List<String> ids = new ArrayList<>();
    LimitExceededException refused = null;
    for (int i = 0; i < 31 && refused == null; i++) {
      try {
        ids.add(logs().startQuery(b -> b.logGroupNames(domain.flowLogGroup()).startTime(0L).endTime(1L)
            .queryString("fields @message | limit 1")).queryId());
      } catch (LimitExceededException e) {
        refused = e;
      }
    }
    assertNotNull(refused, "more than 30 queries ran at once");
    assertTrue(ids.size() <= 30);
    ids.forEach(id -> assertTrue(logs().stopQuery(b -> b.queryId(id)).success()));
    assertEquals(QueryStatus.CANCELLED, logs().getQueryResults(b -> b.queryId(ids.get(0))).status());
    assertTrue(!logs().stopQuery(b -> b.queryId(ids.get(0))).success(), "a cancelled query does not stop twice");
  }

  @Test
  void describeAlarms_metricAlarmsEveryPage_filtersAndErrors() {
    CloudWatchClient cw = clients.cloudWatch();
    List<MetricAlarm> alarms = new ArrayList<>();
    for (DescribeAlarmsResponse page : cw.describeAlarmsPaginator(b -> b.alarmTypes(AlarmType.METRIC_ALARM)
        .maxRecords(2))) {
      assertTrue(page.metricAlarms().size() <= 2);
      alarms.addAll(page.metricAlarms());
    }
    assertEquals(domain.alarms().size(), alarms.size());
    MetricAlarm throttled = alarms.stream().filter(a -> "ThrottledCalls".equals(a.metricName())
        && a.dimensions().stream().anyMatch(d -> d.value().equals(sandbox.instance().id()))).findFirst().orElseThrow();
    assertEquals(StateValue.ALARM, throttled.stateValue());
    assertEquals(0.0, throttled.threshold());
    assertEquals(1, throttled.alarmActions().size());
    assertTrue(throttled.actionsEnabled());

    assertEquals(1, cw.describeAlarms(b -> b.stateValue(StateValue.ALARM)).metricAlarms().size());
    assertEquals(0, cw.describeAlarms(b -> b.alarmTypes(AlarmType.COMPOSITE_ALARM)).metricAlarms().size());
    assertThrows(InvalidNextTokenException.class, () -> cw.describeAlarms(b -> b.nextToken("forged")));
    assertThrows(software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException.class,
        () -> cw.describeAlarms(b -> b.maxRecords(101)));
  }
}
