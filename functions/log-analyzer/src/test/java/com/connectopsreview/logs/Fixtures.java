package com.connectopsreview.logs;

import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.TimeWindow;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatchlogs.model.LimitExceededException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;

/** Shared test data: the instance of the request fixture, flow-log records, Logs Insights rows, alarms. */
final class Fixtures {

  static final String INSTANCE_ID = "11111111-2222-3333-4444-555555555555";
  static final String INSTANCE_ARN = "arn:aws:connect:us-east-1:123456789012:instance/" + INSTANCE_ID;
  static final InstanceRef INSTANCE = InstanceRef.parse(INSTANCE_ARN);
  static final String REVIEW_ID = "20261123T090000Z-abcdef";
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final TimeWindow WINDOW = new TimeWindow(NOW.minusSeconds(14 * 86_400L), NOW);
  static final String ALIAS = "contoso";
  static final String FLOW_LOG_GROUP = "/aws/connect/" + ALIAS;
  /** Customer data the records below carry; none of it may reach a stored result. */
  static final String CUSTOMER_PHONE = "+12065550147";
  static final String TYPED_ACCOUNT = "83920174";
  static final String ATTRIBUTE_VALUE = "Avery Quinlan";

  private Fixtures() {}

  static AnalyzerRequest request(Instant deadline, Map<String, String> options) {
    return new AnalyzerRequest(REVIEW_ID, "logs", INSTANCE, WINDOW, deadline, options);
  }

  static String flowArn(String id) {
    return INSTANCE_ARN + "/contact-flow/" + id;
  }

  static ResultField field(String name, String value) {
    return ResultField.builder().field(name).value(value).build();
  }

  /** One row of the stats query. */
  static List<ResultField> statsRow(String flowId, String flowName, String blockType, String results, boolean lex,
      long count) {
    List<ResultField> row = new ArrayList<>();
    row.add(field("ContactFlowId", flowArn(flowId)));
    if (flowName != null) {
      row.add(field("ContactFlowName", flowName));
    }
    row.add(field("ContactFlowModuleType", blockType));
    row.add(field("Results", results));
    row.add(field("lexBot", lex ? "1" : "0"));
    row.add(field("errors", String.valueOf(count)));
    return row;
  }

  /** One row of the samples query: @timestamp as Logs Insights writes it, the record as @message. */
  static List<ResultField> sampleRow(String timestamp, String message) {
    return List.of(field("@timestamp", timestamp), field("@message", message), field("@ptr", "CmAKJgoi"));
  }

  /** A failed Lambda block as Connect logs it, with customer data in its Parameters. */
  static String lambdaErrorRecord(String flowId, String flowName) {
    ObjectNode record = Json.mapper().createObjectNode()
        .put("Results", "The Lambda Function Returned An Error.")
        .put("ContactId", "c627399f-13ca-47fa-b6d9-5396c24e5a9e")
        .put("ContactFlowId", flowArn(flowId))
        .put("ContactFlowName", flowName)
        .put("ContactFlowModuleType", "InvokeExternalResource")
        .put("Identifier", "ba33a894-ffa5-422a-bbfc-5607ba133724")
        .put("Timestamp", "2026-11-22T08:29:46.392Z");
    ObjectNode parameters = record.putObject("Parameters");
    parameters.put("FunctionArn", "arn:aws:lambda:us-east-1:123456789012:function:order-lookup");
    parameters.put("TimeLimit", "3000");
    parameters.putObject("Parameters").put("CustomerNumber", CUSTOMER_PHONE).put("AccountNumber", TYPED_ACCOUNT)
        .put("CustomerName", ATTRIBUTE_VALUE);
    return Json.toString(record);
  }

  static LogGroup group(String name, Integer retentionDays) {
    return LogGroup.builder().logGroupName(name).retentionInDays(retentionDays).storedBytes(1_048_576L)
        .creationTime(1_700_000_000_000L).arn("arn:aws:logs:us-east-1:123456789012:log-group:" + name + ":*")
        .logGroupArn("arn:aws:logs:us-east-1:123456789012:log-group:" + name).build();
  }

  /** An alarm on an AWS/Connect instance metric. */
  static MetricAlarm connectAlarm(String metric, String instanceId, String state, boolean actions) {
    MetricAlarm.Builder alarm = MetricAlarm.builder().alarmName("connect-" + metric)
        .alarmArn("arn:aws:cloudwatch:us-east-1:123456789012:alarm:connect-" + metric)
        .namespace("AWS/Connect").metricName(metric)
        .dimensions(Dimension.builder().name("InstanceId").value(instanceId).build(),
            Dimension.builder().name("MetricGroup").value("VoiceCalls").build())
        .statistic("Sum").comparisonOperator("GreaterThanThreshold").threshold(0.0).period(300).evaluationPeriods(1)
        .stateValue(state).actionsEnabled(true);
    if (actions) {
      alarm.alarmActions("arn:aws:sns:us-east-1:123456789012:connect-oncall");
    }
    return alarm.build();
  }

  static LimitExceededException limitExceeded() {
    return LimitExceededException.builder().awsErrorDetails(AwsErrorDetails.builder()
            .errorCode("LimitExceededException").serviceName("CloudWatchLogs")
            .errorMessage("Account maximum query concurrency limit of [30] reached.").build())
        .statusCode(400).build();
  }

  static List<Finding> withCheckId(List<Finding> findings, String checkId) {
    return findings.stream().filter(f -> f.checkId().equals(checkId)).toList();
  }

  static Finding only(List<Finding> findings, String checkId) {
    List<Finding> matching = withCheckId(findings, checkId);
    if (matching.size() != 1) {
      throw new AssertionError("expected exactly one " + checkId + " but found " + matching.size() + " in "
          + findings.stream().map(Finding::checkId).toList());
    }
    return matching.get(0);
  }
}
