package com.connectopsreview.metrics;

import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.MetricsSection.CallsPerInterval;
import com.connectopsreview.shared.sections.MetricsSection.CheckIds;
import com.connectopsreview.shared.sections.MetricsSection.ConcurrentCalls;
import com.connectopsreview.shared.sections.MetricsSection.DailyCount;
import com.connectopsreview.shared.sections.MetricsSection.MissedCalls;
import com.connectopsreview.shared.sections.MetricsSection.QueueSize;
import com.connectopsreview.shared.sections.MetricsSection.QueueSizes;
import com.connectopsreview.shared.sections.MetricsSection.ThrottleBand;
import com.connectopsreview.shared.sections.MetricsSection.ThrottledCalls;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the statistics into findings (docs/checks.md, section "metrics"). A section that was not
 * evaluated (null) produces no finding: the component's errors already say why.
 */
final class MetricsFindings {

  /** Upstream G3: more missed calls than this in the window is a warning. */
  static final BigDecimal MISSED_CALLS_WARN_TOTAL = BigDecimal.valueOf(50);
  /** Upstream G3 renderer: recommend action when the daily average is above this. */
  static final BigDecimal MISSED_CALLS_DAILY_AVERAGE = BigDecimal.valueOf(5);

  private static final String MISSED_RECOMMENDATION = "Check staffing against the busiest hours, the routing "
      + "profiles' queue priorities and the agents' after-contact-work timeouts; add callbacks or queue "
      + "announcements so customers wait instead of hanging up.";

  private final InstanceRef ref;
  private final String cloudWatchUrl;
  private final List<Finding> findings = new ArrayList<>();

  MetricsFindings(InstanceRef ref, String cloudWatchUrl) {
    this.ref = ref;
    this.cloudWatchUrl = cloudWatchUrl;
  }

  List<Finding> findings() {
    return List.copyOf(findings);
  }

  void concurrentCalls(ConcurrentCalls c) {
    if (c == null) {
      return;
    }
    if (c.dataPoints() == 0) {
      add(finding(CheckIds.CONCURRENT_CALLS_NO_DATA, Severity.INFO, Pillar.PERFORMANCE,
          "No concurrent-calls data in the window")
          .detail("CloudWatch has no ConcurrentCalls datapoints (MetricGroup VoiceCalls) for this instance in the "
              + "window: no voice contacts, or the metric is not published."));
      return;
    }
    add(finding(CheckIds.CONCURRENT_CALLS_PEAK, Severity.INFO, Pillar.PERFORMANCE,
        "Concurrent calls peaked at " + c.absolutePeak().toPlainString())
        .detail("Hourly average " + c.periodAverage().toPlainString() + " over " + c.dataPoints()
            + " hours; the absolute peak of " + c.absolutePeak().toPlainString() + " was in the hour starting "
            + c.peakHour() + ". The quota component compares the peak with the concurrent-calls quota.")
        .evidence("periodAverage", c.periodAverage())
        .evidence("absolutePeak", c.absolutePeak())
        .evidence("peakHour", c.peakHour().toString())
        .evidence("dataPoints", (long) c.dataPoints()));
  }

  void missedCalls(MissedCalls m) {
    if (m == null) {
      return;
    }
    if (m.daily().isEmpty()) {
      add(finding(CheckIds.MISSED_CALLS_NO_DATA, Severity.INFO, Pillar.OPERATIONAL_EXCELLENCE,
          "No missed-calls data in the window")
          .detail("CloudWatch has no MissedCalls datapoints (MetricGroup VoiceCalls) for this instance in the window."));
      return;
    }
    if (!m.spikeDays().isEmpty()) {
      DailyCount worst = m.spikeDays().stream()
          .reduce((a, b) -> b.count().compareTo(a.count()) > 0 ? b : a).orElseThrow();
      add(finding(CheckIds.MISSED_CALLS_SPIKE, Severity.MEDIUM, Pillar.OPERATIONAL_EXCELLENCE,
          "Missed calls spiked on " + worst.date() + " (" + worst.weekday() + ")")
          .detail(worst.count().toPlainString() + " missed calls on " + worst.date() + ", against a median of "
              + m.median().toPlainString() + " per day; " + m.spikeDays().size() + " day(s) reached at least "
              + MetricStatistics.SPIKE_FACTOR + "× the median.")
          .recommendation("Find what happened that day (an outage, a campaign, a staffing gap, a flow change) "
              + "in the historical metrics and the flow logs, and plan staffing or callbacks for repeats.")
          .evidence("peakDay", worst.date().toString())
          .evidence("peakWeekday", worst.weekday())
          .evidence("peakDayCount", worst.count())
          .evidence("median", m.median())
          .evidence("spikeDays", m.spikeDays().stream().map(d -> d.date() + ": " + d.count().toPlainString()).toList()));
    }
    boolean above = m.total().compareTo(MISSED_CALLS_WARN_TOTAL) > 0;
    StringBuilder detail = new StringBuilder();
    if (m.completeDays() > 0) {
      detail.append("Over ").append(m.completeDays()).append(" complete UTC day(s): daily mean ")
          .append(m.mean().toPlainString()).append(", median ").append(m.median().toPlainString())
          .append(", highest ").append(m.highest().count().toPlainString()).append(" on ").append(m.highest().date())
          .append(" (").append(m.highest().weekday()).append("), lowest ").append(m.lowest().count().toPlainString())
          .append(" on ").append(m.lowest().date()).append('.');
    } else {
      detail.append("The window holds no complete UTC day, so there are no daily statistics.");
    }
    if (m.weekOverWeek() != null) {
      detail.append(" Last 7 days against the 7 before: ").append(m.weekOverWeek().previousWeek().toPlainString())
          .append(" → ").append(m.weekOverWeek().lastWeek().toPlainString()).append(" (")
          .append(m.weekOverWeek().trend()).append(").");
    }
    Finding.Builder summary = finding(
        above ? CheckIds.MISSED_CALLS_ABOVE_THRESHOLD : CheckIds.MISSED_CALLS_WITHIN_THRESHOLD,
        above ? Severity.MEDIUM : Severity.PASS, Pillar.OPERATIONAL_EXCELLENCE,
        m.total().signum() == 0 ? "No missed calls detected" : m.total().toPlainString() + " missed calls in the window")
        .detail(detail.toString())
        .evidence("total", m.total())
        .evidence("completeDays", (long) m.completeDays())
        .evidence("mean", m.mean())
        .evidence("median", m.median())
        .evidence("peakDay", m.highest() == null ? null : m.highest().date().toString())
        .evidence("weekOverWeekPercent", m.weekOverWeek() == null ? null : m.weekOverWeek().changePercent());
    if (above || (m.mean() != null && m.mean().compareTo(MISSED_CALLS_DAILY_AVERAGE) > 0)) {
      summary.recommendation(MISSED_RECOMMENDATION);
    }
    add(summary);
  }

  void throttledCalls(ThrottledCalls t) {
    if (t == null) {
      return;
    }
    ThrottleBand band = t.band();
    Finding.Builder f = finding(CheckIds.throttledCalls(band), ThrottleBands.severity(band), Pillar.RELIABILITY,
        band == ThrottleBand.NONE ? "No throttled calls"
            : t.total().toPlainString() + " throttled calls (" + band.label() + ")")
        .evidence("total", t.total())
        .evidence("severity", band.label())
        .evidence("hoursWithThrottling", (long) t.hoursWithThrottling())
        .evidence("hoursAnalyzed", (long) t.hoursAnalyzed());
    if (band != ThrottleBand.NONE) {
      f.detail("Calls were rejected by Connect's throttling in " + t.hoursWithThrottling() + " of "
              + t.hoursAnalyzed() + " hours; the worst hour had " + t.maxHourly().toPlainString() + ".")
          .recommendation(String.join(" ", t.recommendations()))
          .evidence("maxHourly", t.maxHourly())
          .evidence("peakHours", t.peakHours().stream()
              .map(h -> h.hour() + ": " + h.count().toPlainString()).toList());
    } else {
      f.detail("ThrottledCalls stayed at 0 over the window (severity Excellent).");
    }
    add(f);
  }

  void queueSizes(QueueSizes q) {
    if (q == null) {
      return;
    }
    if (q.queueCount() == 0) {
      add(finding(CheckIds.QUEUE_SIZE_NO_QUEUES, Severity.INFO, Pillar.PERFORMANCE, "No queue-size data")
          .detail("CloudWatch lists no QueueSize metric with a QueueName for this instance (ListMetrics covers "
              + "the last two weeks)."));
      return;
    }
    List<QueueSize> withData = q.queues().stream().filter(x -> x.maximum() != null).toList();
    for (QueueSize queue : q.queues()) {
      if (!queue.hot()) {
        continue;
      }
      add(finding(CheckIds.QUEUE_SIZE_HOT_QUEUE, Severity.MEDIUM, Pillar.PERFORMANCE,
          "Queue '" + queue.queueName() + "' backs up far more than the others")
          .resource(queue.queueName())
          .detail("Up to " + queue.maximum().toPlainString() + " contacts waited at once (hour starting "
              + queue.peakHour() + "), hourly average " + queue.average().toPlainString() + "; the median peak of the "
              + (withData.size() - 1) + " other queue(s) is " + medianOfOthers(withData, queue).toPlainString() + ".")
          .recommendation("Add agents or routing-profile capacity for this queue at its peak hours, review its "
              + "priority and delay in the routing profiles, and offer callbacks or an overflow queue.")
          .evidence("queueName", queue.queueName())
          .evidence("maximum", queue.maximum())
          .evidence("average", queue.average())
          .evidence("peakHour", queue.peakHour().toString())
          .evidence("medianPeakOfOthers", medianOfOthers(withData, queue)));
    }
  }

  void callsPerInterval(CallsPerInterval c) {
    if (c == null) {
      return;
    }
    if (c.dataPoints() == 0) {
      add(finding(CheckIds.CALLS_PER_INTERVAL_NO_DATA, Severity.INFO, Pillar.PERFORMANCE,
          "No calls-per-interval data in the window")
          .detail("CloudWatch has no CallsPerInterval datapoints (MetricGroup VoiceCalls) for this instance."));
      return;
    }
    add(finding(CheckIds.CALLS_PER_INTERVAL_SUMMARY, Severity.INFO, Pillar.PERFORMANCE,
        c.total().toPlainString() + " calls in " + c.dataPoints() + " hours")
        .detail("On average " + (c.averagePerHour() == null ? "n/a" : c.averagePerHour().toPlainString())
            + " calls per hour; the busiest hour (starting "
            + (c.peakHour() == null ? "n/a" : c.peakHour().toString()) + ") had "
            + (c.peakPerHour() == null ? "n/a" : c.peakPerHour().toPlainString()) + ".")
        .evidence("total", c.total())
        .evidence("averagePerHour", c.averagePerHour())
        .evidence("peakPerHour", c.peakPerHour())
        .evidence("peakHour", c.peakHour() == null ? null : c.peakHour().toString())
        .evidence("dataPoints", (long) c.dataPoints()));
  }

  private static BigDecimal medianOfOthers(List<QueueSize> withData, QueueSize queue) {
    return MetricStatistics.median(withData.stream().filter(o -> o != queue).map(QueueSize::maximum).toList());
  }

  private Finding.Builder finding(String checkId, Severity severity, Pillar pillar, String title) {
    return Finding.builder(checkId, severity, pillar).title(title).resource(ref.arn()).consoleUrl(cloudWatchUrl);
  }

  private void add(Finding.Builder builder) {
    findings.add(builder.build());
  }
}
