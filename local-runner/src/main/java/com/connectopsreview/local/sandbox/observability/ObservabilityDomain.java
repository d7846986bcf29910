package com.connectopsreview.local.sandbox.observability;

import com.connectopsreview.local.sandbox.PlantedProblems;
import com.connectopsreview.local.sandbox.SandboxDomain;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.local.sandbox.server.Pager;
import com.fasterxml.jackson.core.JsonGenerator;
import com.connectopsreview.shared.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instance's CloudWatch observability: the log groups under {@code /aws/connect/} (the
 * flow-log group {@code /aws/connect/<alias>} among them), the flow-log records in it, and the
 * account's metric alarms. They carry the plants of {@link PlantedProblems#logs()}: flow errors of
 * every category, Connect alarms partly configured, a log group without retention; and customer data
 * in the records ({@link #plantedCustomerData()}) that no review may store.
 */
public final class ObservabilityDomain implements SandboxDomain {

  /**
   * A CloudWatch Logs log group.
   *
   * @param retentionInDays null: never expire
   */
  public record LogGroup(String name, Instant created, Integer retentionInDays, long storedBytes) {

    /** The ARN DescribeLogGroups' {@code logGroupArn} carries ({@code arn} adds {@code :*}). */
    public String arn() {
      return "arn:" + Scenario.PARTITION + ":logs:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID + ":log-group:"
          + name;
    }
  }

  /**
   * One flow-log event of a log group: the record as Amazon Connect writes it ({@code message}, JSON)
   * and its flattened fields, as Logs Insights discovers them.
   */
  public record LogEvent(String logGroup, String logStream, Instant timestamp, String message,
      Map<String, String> fields) {}

  /**
   * A planted flow error: which flow, how many records, with what block type and Results.
   *
   * @param category the log analyzer's category (LogsSection.ErrorCategory name)
   */
  public record FlowErrorPlant(String flowId, String flowArn, String flowName, String blockType, String results,
      String category, int records) {}

  /** A CloudWatch metric alarm, as DescribeAlarms describes it. */
  public record MetricAlarm(String name, String namespace, String metricName, Map<String, String> dimensions,
      String statistic, String comparisonOperator, double threshold, int period, int evaluationPeriods,
      String stateValue, String stateReason, Instant stateUpdated, boolean actionsEnabled, List<String> alarmActions) {

    public String arn() {
      return "arn:" + Scenario.PARTITION + ":cloudwatch:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID + ":alarm:"
          + name;
    }
  }

  private final Instant end;
  private final String flowLogGroup;
  private final List<LogGroup> logGroups;
  private final List<LogEvent> events;
  private final List<FlowErrorPlant> flowErrors;
  private final List<MetricAlarm> alarms;
  private final List<String> customerData;

  /** @param end the scenario's end, to the millisecond: the dump writes times relative to it */
  ObservabilityDomain(Instant end, String flowLogGroup, List<LogGroup> logGroups, List<LogEvent> events,
      List<FlowErrorPlant> flowErrors, List<MetricAlarm> alarms, List<String> customerData) {
    this.end = end;
    this.flowLogGroup = flowLogGroup;
    this.logGroups = List.copyOf(logGroups);
    this.events = List.copyOf(events);
    this.flowErrors = List.copyOf(flowErrors);
    this.alarms = List.copyOf(alarms);
    this.customerData = List.copyOf(customerData);
  }

  public static ObservabilityDomain of(Scenario scenario) {
    return scenario.domain(ObservabilityDomain.class);
  }

  /** {@code /aws/connect/<alias>}. */
  public String flowLogGroup() {
    return flowLogGroup;
  }

  /** Every log group, in name order. */
  public List<LogGroup> logGroups() {
    return logGroups;
  }

  public Optional<LogGroup> logGroup(String name) {
    return logGroups.stream().filter(g -> g.name().equals(name)).findFirst();
  }

  /** Every flow-log event, oldest first. */
  public List<LogEvent> events() {
    return events;
  }

  /** The planted flow errors, one entry per (flow, block type, Results). */
  public List<FlowErrorPlant> flowErrors() {
    return flowErrors;
  }

  /** Every metric alarm of the account and Region, in name order. */
  public List<MetricAlarm> alarms() {
    return alarms;
  }

  /**
   * The customer data the flow-log records carry (customer phone numbers, typed input, contact
   * attribute values): none of it may appear in anything a review stores, logs or renders.
   */
  public List<String> plantedCustomerData() {
    return customerData;
  }

  @Override
  public void register(OperationRegistry registry, Scenario scenario, Pager pager) {
    new LogsApi(this, pager).register(registry);
    new AlarmsApi(this, pager).register(registry);
  }

  /**
   * Times are written as milliseconds before the scenario's end, and each record without its
   * Timestamp: the dump is a function of the seed and size alone, like the other domains'.
   */
  @Override
  public void writeJson(JsonGenerator g) throws IOException {
    g.writeObjectField("logGroups", logGroups);
    g.writeArrayFieldStart("flowLogEvents");
    for (LogEvent e : events) {
      ObjectNode record = (ObjectNode) Json.mapper().readTree(e.message());
      record.remove("Timestamp");
      g.writeStartObject();
      g.writeStringField("logGroup", e.logGroup());
      g.writeNumberField("millisBeforeEnd", Duration.between(e.timestamp(), end).toMillis());
      g.writeObjectField("record", record);
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("metricAlarms");
    for (MetricAlarm a : alarms) {
      ObjectNode alarm = Json.mapper().valueToTree(a);
      alarm.remove("stateUpdated");
      alarm.put("stateUpdatedMillisBeforeEnd", Duration.between(a.stateUpdated(), end).toMillis());
      g.writeObject(alarm);
    }
    g.writeEndArray();
  }
}
