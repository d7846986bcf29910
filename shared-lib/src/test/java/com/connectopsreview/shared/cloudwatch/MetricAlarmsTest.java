package com.connectopsreview.shared.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.cloudwatch.MetricAlarms.Alarm;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;

class MetricAlarmsTest {

  private static final Dimension INSTANCE = Dimension.builder().name("InstanceId").value("i-1").build();

  @Test
  void aPlainMetricAlarmIsOneAlarmWithItsStatisticDimensionsAndActions() {
    MetricAlarm alarm = MetricAlarm.builder().alarmName("calls").alarmArn("arn:a").namespace("AWS/Connect")
        .metricName("ThrottledCalls").dimensions(INSTANCE, Dimension.builder().name("MetricGroup").value("VoiceCalls")
            .build())
        .statistic("Sum").comparisonOperator("GreaterThanThreshold").threshold(0.0).period(300).evaluationPeriods(1)
        .stateValue("ALARM").actionsEnabled(true).alarmActions("arn:aws:sns:us-east-1:1:ops").build();

    List<Alarm> alarms = MetricAlarms.of(alarm);

    assertEquals(1, alarms.size());
    Alarm a = alarms.get(0);
    assertTrue(a.watches("AWS/Connect", "ThrottledCalls", "InstanceId", "i-1"));
    assertFalse(a.watches("AWS/Connect", "ThrottledCalls", "InstanceId", "i-2"));
    assertFalse(a.watches("AWS/Kinesis", "ThrottledCalls", "InstanceId", "i-1"));
    assertEquals("Sum", a.statistic());
    assertEquals("GreaterThanThreshold", a.comparisonOperator());
    assertTrue(a.hasActions());
    assertTrue(a.inAlarm());
  }

  @Test
  void actionsThatAreDisabledOrAbsentAreNoActions() {
    MetricAlarm.Builder base = MetricAlarm.builder().alarmName("x").namespace("AWS/Connect").metricName("MissedCalls")
        .stateValue("OK");
    assertFalse(MetricAlarms.of(base.actionsEnabled(true).build()).get(0).hasActions());
    assertFalse(MetricAlarms.of(base.actionsEnabled(false).alarmActions("arn:sns").build()).get(0).hasActions());
  }

  @Test
  void anExtendedStatisticIsTheAlarmsStatistic() {
    MetricAlarm alarm = MetricAlarm.builder().alarmName("p99").namespace("AWS/Kinesis")
        .metricName("GetRecords.IteratorAgeMilliseconds").extendedStatistic("p99").build();
    assertEquals("p99", MetricAlarms.of(alarm).get(0).statistic());
  }

  @Test
  void aMetricMathAlarmCountsForEachMetricItReadsButNotForItsAnomalyBand() {
    MetricDataQuery m1 = MetricDataQuery.builder().id("m1").metricStat(MetricStat.builder().stat("Maximum").period(60)
        .metric(Metric.builder().namespace("AWS/Connect").metricName("ConcurrentCallsPercentage")
            .dimensions(INSTANCE).build()).build()).build();
    MetricDataQuery band = MetricDataQuery.builder().id("ad1").expression("ANOMALY_DETECTION_BAND(m1)").build();
    MetricDataQuery m2 = MetricDataQuery.builder().id("m2").metricStat(MetricStat.builder().stat("Sum").period(60)
        .metric(Metric.builder().namespace("AWS/Connect").metricName("CallsBreachingConcurrencyQuota")
            .dimensions(INSTANCE).build()).build()).build();
    MetricAlarm alarm = MetricAlarm.builder().alarmName("math").metrics(m1, band, m2).thresholdMetricId("ad1")
        .stateValue("OK").build();

    List<Alarm> alarms = MetricAlarms.of(alarm);

    assertEquals(2, alarms.size());
    assertTrue(alarms.get(0).watches("AWS/Connect", "ConcurrentCallsPercentage", "InstanceId", "i-1"));
    assertEquals("Maximum", alarms.get(0).statistic());
    assertEquals(60, alarms.get(0).period());
    assertTrue(alarms.get(1).watches("AWS/Connect", "CallsBreachingConcurrencyQuota", "InstanceId", "i-1"));
  }
}
