package com.connectopsreview.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.connectopsreview.shared.cloudwatch.MetricAlarms.Alarm;
import com.connectopsreview.shared.sections.InstanceSection.AlarmCoverage;
import com.connectopsreview.shared.sections.InstanceSection.StreamAlarm;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamAlarmCoverageTest {

  @Test
  void anAlarmCountsOnlyForItsNamespaceMetricAndStreamName() {
    List<Alarm> alarms = List.of(
        alarm("age", "AWS/Kinesis", "GetRecords.IteratorAgeMilliseconds", "agent-events", "OK", true),
        alarm("age-other-stream", "AWS/Kinesis", "GetRecords.IteratorAgeMilliseconds", "other", "OK", true),
        alarm("wrong-namespace", "Custom/Kinesis", "ReadProvisionedThroughputExceeded", "agent-events", "OK", true),
        alarm("put", "AWS/Kinesis", "PutRecords.Success", "agent-events", "ALARM", false));

    AlarmCoverage coverage = StreamAlarmCoverage.of("agent-events", alarms);

    assertEquals(6, coverage.recommended());
    assertEquals(2, coverage.found());
    assertEquals(new BigDecimal("33.3"), coverage.coveragePercent());
    assertEquals(List.of(new StreamAlarm("GetRecords.IteratorAgeMilliseconds", "age", "OK", true),
        new StreamAlarm("PutRecords.Success", "put", "ALARM", false)), coverage.present());
    assertEquals(List.of("ReadProvisionedThroughputExceeded", "WriteProvisionedThroughputExceeded",
        "GetRecords.Success", "PutRecord.Success"), coverage.missing());
  }

  @Test
  void noAlarmsIsZeroPercentWithEverythingMissingIteratorAgeFirst() {
    AlarmCoverage coverage = StreamAlarmCoverage.of("s", List.of());

    assertEquals(0, coverage.found());
    assertEquals(new BigDecimal("0.0"), coverage.coveragePercent());
    assertEquals(6, coverage.missing().size());
    assertEquals(StreamAlarmCoverage.ITERATOR_AGE, coverage.missing().get(0));
  }

  @Test
  void aMetricMathAlarmReadingTheMetricTwiceIsOneAlarm() {
    Alarm m1 = alarm("math", "AWS/Kinesis", "GetRecords.IteratorAgeMilliseconds", "s", "OK", true);
    AlarmCoverage coverage = StreamAlarmCoverage.of("s", List.of(m1, m1));

    assertEquals(1, coverage.present().size());
  }

  @Test
  void theRecommendationReadsAsUpstreamWordsIt() {
    assertEquals("GetRecords.IteratorAgeMilliseconds Maximum > 60000 over 300 s, 1 period",
        StreamAlarmCoverage.recommended(StreamAlarmCoverage.ITERATOR_AGE).describe());
    assertEquals("GetRecords.Success Average < 1 over 300 s, 3 periods",
        StreamAlarmCoverage.recommended("GetRecords.Success").describe());
  }

  static Alarm alarm(String name, String namespace, String metric, String stream, String state, boolean actions) {
    return new Alarm(name, "arn:aws:cloudwatch:us-east-1:123456789012:alarm:" + name, namespace, metric,
        Map.of("StreamName", stream), "Maximum", "GreaterThanThreshold", 60000.0, 300, 1, state, actions,
        actions ? List.of("arn:aws:sns:us-east-1:123456789012:ops") : List.of());
  }
}
