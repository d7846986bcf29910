package com.connectopsreview.shared.cloudwatch;

import com.connectopsreview.shared.analyzer.ReadLog;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.AlarmType;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

/**
 * The metric alarms of an account and Region, read once per analyzer with CloudWatch
 * {@code DescribeAlarms} and judged by the analyzers that recommend alarms (Connect metrics, Kinesis
 * streams). DescribeAlarms cannot filter by namespace or dimension, so every metric alarm is read
 * and the callers pick theirs with {@link Alarm#watches}.
 *
 * <p>A metric-math alarm has no MetricName of its own: each {@code MetricStat} among its
 * {@code Metrics} becomes one {@link Alarm}, so an alarm on {@code m1} of an expression still counts
 * as watching m1's metric.
 */
public final class MetricAlarms {

  /** DescribeAlarms' largest page. */
  public static final int MAX_RECORDS = 100;

  /**
   * One metric alarm, or one metric of a metric-math alarm.
   *
   * @param statistic Statistic, or ExtendedStatistic (p99) when the alarm uses one; the MetricStat's stat
   *     for a metric of a metric-math alarm
   * @param stateValue OK, ALARM or INSUFFICIENT_DATA
   * @param actionsEnabled ActionsEnabled: whether actions run on state changes
   * @param alarmActions the ARNs run on entering ALARM
   */
  public record Alarm(String name, String arn, String namespace, String metricName, Map<String, String> dimensions,
      String statistic, String comparisonOperator, Double threshold, Integer period, Integer evaluationPeriods,
      String stateValue, boolean actionsEnabled, List<String> alarmActions) {

    public Alarm {
      dimensions = dimensions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
      alarmActions = alarmActions == null ? List.of() : List.copyOf(alarmActions);
    }

    /** ActionsEnabled and at least one AlarmAction: someone is told when it fires. */
    public boolean hasActions() {
      return actionsEnabled && !alarmActions.isEmpty();
    }

    /** Same namespace and metric name, and the dimension {@code dimensionName} has {@code dimensionValue}. */
    public boolean watches(String namespace, String metricName, String dimensionName, String dimensionValue) {
      return Objects.equals(this.namespace, namespace) && Objects.equals(this.metricName, metricName)
          && Objects.equals(dimensions.get(dimensionName), dimensionValue);
    }

    public boolean inAlarm() {
      return "ALARM".equals(stateValue);
    }
  }

  private MetricAlarms() {}

  /**
   * Every metric alarm in the client's Region: DescribeAlarms with {@code AlarmTypes=[MetricAlarm]}
   * and {@value #MAX_RECORDS} per page, every page through {@link ReadLog#pages}. Call it inside
   * {@link ReadLog#attempt}: it throws like any SDK read, and the budget is checked before each page.
   */
  public static List<Alarm> readAll(ReadLog log, CloudWatchClient cloudWatch) {
    DescribeAlarmsRequest request = DescribeAlarmsRequest.builder()
        .alarmTypes(AlarmType.METRIC_ALARM)
        .maxRecords(MAX_RECORDS)
        .build();
    List<Alarm> alarms = new ArrayList<>();
    for (DescribeAlarmsResponse page : log.pages("CloudWatch DescribeAlarms",
        cloudWatch.describeAlarmsPaginator(request))) {
      for (MetricAlarm alarm : page.metricAlarms()) {
        alarms.addAll(of(alarm));
      }
    }
    return alarms;
  }

  /** The alarm as one {@link Alarm}, or one per MetricStat of a metric-math alarm. */
  static List<Alarm> of(MetricAlarm a) {
    String threshold = a.thresholdMetricId();
    if (a.metricName() != null || !a.hasMetrics() || a.metrics().isEmpty()) {
      String stat = a.extendedStatistic() != null ? a.extendedStatistic() : a.statisticAsString();
      return List.of(new Alarm(a.alarmName(), a.alarmArn(), a.namespace(), a.metricName(), dimensions(a.dimensions()),
          stat, a.comparisonOperatorAsString(), a.threshold(), a.period(), a.evaluationPeriods(),
          a.stateValueAsString(), Boolean.TRUE.equals(a.actionsEnabled()), a.alarmActions()));
    }
    List<Alarm> alarms = new ArrayList<>();
    for (MetricDataQuery query : a.metrics()) {
      MetricStat stat = query.metricStat();
      if (stat == null || stat.metric() == null || query.id() != null && query.id().equals(threshold)) {
        continue;
      }
      alarms.add(new Alarm(a.alarmName(), a.alarmArn(), stat.metric().namespace(), stat.metric().metricName(),
          dimensions(stat.metric().dimensions()), stat.stat(), a.comparisonOperatorAsString(), a.threshold(),
          stat.period(), a.evaluationPeriods(), a.stateValueAsString(), Boolean.TRUE.equals(a.actionsEnabled()),
          a.alarmActions()));
    }
    return alarms;
  }

  private static Map<String, String> dimensions(List<Dimension> dimensions) {
    Map<String, String> map = new LinkedHashMap<>();
    if (dimensions != null) {
      dimensions.forEach(d -> map.put(d.name(), d.value()));
    }
    return map;
  }
}
