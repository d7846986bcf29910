package com.connectopsreview.instance;

import com.connectopsreview.shared.analyzer.Percent;
import com.connectopsreview.shared.cloudwatch.MetricAlarms.Alarm;
import com.connectopsreview.shared.sections.InstanceSection.AlarmCoverage;
import com.connectopsreview.shared.sections.InstanceSection.StreamAlarm;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The CloudWatch alarms recommended for every Kinesis data stream Connect streams to (upstream-spec
 * §4.11 item 4), and how well a stream's alarms cover them. An alarm covers a metric when it watches
 * it in namespace {@code AWS/Kinesis} with dimension {@code StreamName} = the stream's name (also as
 * one metric of a metric-math alarm); its statistic and threshold are reported, not judged.
 */
final class StreamAlarmCoverage {

  static final String NAMESPACE = "AWS/Kinesis";
  static final String DIMENSION = "StreamName";
  static final String ITERATOR_AGE = "GetRecords.IteratorAgeMilliseconds";

  /** One recommended alarm, as the recommendation words it. */
  record Recommended(String metric, String statistic, String comparison, String threshold, int periodSeconds,
      int evaluationPeriods) {

    /** E.g. {@code GetRecords.IteratorAgeMilliseconds Maximum > 60000 over 300 s, 1 period}. */
    String describe() {
      return metric + " " + statistic + " " + comparison + " " + threshold + " over " + periodSeconds + " s, "
          + evaluationPeriods + (evaluationPeriods == 1 ? " period" : " periods");
    }
  }

  /** The six of upstream-spec §4.11 item 4, iterator age first. */
  static final List<Recommended> RECOMMENDED = List.of(
      new Recommended(ITERATOR_AGE, "Maximum", ">", "60000", 300, 1),
      new Recommended("ReadProvisionedThroughputExceeded", "Average", ">", "0", 300, 1),
      new Recommended("WriteProvisionedThroughputExceeded", "Average", ">", "0", 300, 1),
      new Recommended("GetRecords.Success", "Average", "<", "1", 300, 3),
      new Recommended("PutRecord.Success", "Average", "<", "1", 300, 3),
      new Recommended("PutRecords.Success", "Average", "<", "1", 300, 3));

  private StreamAlarmCoverage() {}

  /** The coverage of stream {@code streamName} by {@code alarms} (every metric alarm of the Region). */
  static AlarmCoverage of(String streamName, List<Alarm> alarms) {
    List<StreamAlarm> present = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Recommended recommended : RECOMMENDED) {
      // A metric-math alarm reading the metric twice is still one alarm on it.
      Set<String> seen = new LinkedHashSet<>();
      for (Alarm alarm : alarms) {
        if (alarm.watches(NAMESPACE, recommended.metric(), DIMENSION, streamName) && seen.add(alarm.name())) {
          present.add(new StreamAlarm(recommended.metric(), alarm.name(), alarm.stateValue(), alarm.hasActions()));
        }
      }
      if (seen.isEmpty()) {
        missing.add(recommended.metric());
      }
    }
    int found = RECOMMENDED.size() - missing.size();
    BigDecimal percent = Percent.of(found, RECOMMENDED.size());
    return new AlarmCoverage(RECOMMENDED.size(), found, percent, List.copyOf(present), List.copyOf(missing));
  }

  static Recommended recommended(String metric) {
    return RECOMMENDED.stream().filter(r -> r.metric().equals(metric)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not a recommended metric: " + metric));
  }
}
