package com.connectopsreview.report;

import static com.connectopsreview.report.HtmlReportModel.map;
import static com.connectopsreview.report.SectionData.listed;
import static com.connectopsreview.report.SectionData.number;
import static com.connectopsreview.report.SectionData.text;

import com.connectopsreview.report.SectionData.SectionRead;
import com.connectopsreview.shared.sections.MetricsSection;
import com.connectopsreview.shared.sections.MetricsSection.CallsPerInterval;
import com.connectopsreview.shared.sections.MetricsSection.ConcurrentCalls;
import com.connectopsreview.shared.sections.MetricsSection.Coverage;
import com.connectopsreview.shared.sections.MetricsSection.DailyCount;
import com.connectopsreview.shared.sections.MetricsSection.HourlyCount;
import com.connectopsreview.shared.sections.MetricsSection.HourlyStats;
import com.connectopsreview.shared.sections.MetricsSection.Links;
import com.connectopsreview.shared.sections.MetricsSection.MissedCalls;
import com.connectopsreview.shared.sections.MetricsSection.QueueSize;
import com.connectopsreview.shared.sections.MetricsSection.QueueSizes;
import com.connectopsreview.shared.sections.MetricsSection.ThrottledCalls;
import com.connectopsreview.shared.sections.MetricsSection.WeekOverWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contact-center metrics section's model, from the {@code metrics} component's data
 * ({@link MetricsSection}; docs/checks.md, "## metrics", "### Data payload"). A null part was not
 * evaluated (the component's errors say why) and is shown as such.
 */
final class MetricsSectionModel {

  /** Queues listed in the table; the payload keeps every queue, worst first. */
  static final int QUEUE_ROWS = 10;

  private MetricsSectionModel() {}

  static Map<String, Object> of(ComponentReport component) {
    SectionRead<MetricsSection> read =
        SectionData.read(component, MetricsSection.class, MetricsSection.SCHEMA_VERSION);
    MetricsSection data = read.section();
    if (data == null) {
      return SectionData.unavailable(component, read);
    }
    Coverage coverage = data.coverage() == null ? new Coverage(null, null, null) : data.coverage();
    Map<String, Object> model = map(
        "available", true,
        "windowStart", Formats.utc(coverage.windowStart()),
        "windowEnd", Formats.utc(coverage.windowEnd()),
        "hourlyFrom", Formats.utcMinute(coverage.hourlyFrom()),
        "concurrentCalls", concurrentCalls(data.concurrentCalls()),
        "missedCalls", missedCalls(data.missedCalls()),
        "throttledCalls", throttledCalls(data.throttledCalls()),
        "callsPerInterval", callsPerInterval(data.callsPerInterval()),
        "queues", queues(data.queueSize()),
        "links", links(data.links()));
    SectionData.describeComponent(model, component);
    return model;
  }

  private static Map<String, Object> concurrentCalls(ConcurrentCalls calls) {
    if (calls == null) {
      return null;
    }
    List<SvgCharts.Hour> hours = new ArrayList<>();
    for (HourlyStats point : listed(calls.hourly())) {
      if (point.hour() != null) {
        hours.add(new SvgCharts.Hour(point.hour(), point.maximum(), point.average()));
      }
    }
    hours.sort(Comparator.comparing(SvgCharts.Hour::hour));
    boolean drawable = hours.stream().anyMatch(h -> h.maximum() != null || h.average() != null);
    return map(
        "absolutePeak", number(calls.absolutePeak()),
        "peakHour", Formats.utcMinute(calls.peakHour()),
        "periodAverage", Formats.fixed(calls.periodAverage(), 2),
        "dataPoints", number(calls.dataPoints()),
        "chart", drawable ? SvgCharts.hourlyLines(hours) : null);
  }

  private static Map<String, Object> missedCalls(MissedCalls missed) {
    if (missed == null) {
      return null;
    }
    Set<LocalDate> spikes = new HashSet<>();
    List<Map<String, Object>> spikeDays = new ArrayList<>();
    for (DailyCount spike : listed(missed.spikeDays())) {
      if (spike.date() != null) {
        spikes.add(spike.date());
      }
      spikeDays.add(day(spike));
    }
    List<SvgCharts.Day> days = new ArrayList<>();
    int partialDays = 0;
    for (DailyCount day : listed(missed.daily())) {
      if (day.date() == null) {
        continue; // a bar needs a date to stand for; the totals still count it
      }
      // Only an explicit true makes a day complete: an unknown day is not presented as whole.
      boolean complete = day.complete();
      partialDays += complete ? 0 : 1;
      days.add(new SvgCharts.Day(day.date(), day.count(), complete, spikes.contains(day.date())));
    }
    days.sort(Comparator.comparing(SvgCharts.Day::date));
    WeekOverWeek weekOverWeek = missed.weekOverWeek();
    return map(
        "total", number(missed.total()),
        "completeDays", number(missed.completeDays()),
        "mean", Formats.fixed(missed.mean(), 2),
        "median", number(missed.median()),
        "highest", missed.highest() != null ? day(missed.highest()) : null,
        "lowest", missed.lowest() != null ? day(missed.lowest()) : null,
        "weekOverWeek", weekOverWeek != null ? map(
            "lastWeek", number(weekOverWeek.lastWeek()),
            "previousWeek", number(weekOverWeek.previousWeek()),
            "changePercent", Formats.signedPercent(weekOverWeek.changePercent()),
            "trend", text(weekOverWeek.trend()),
            "trendCss", trendCss(text(weekOverWeek.trend()))) : null,
        "weekOverWeekNote", text(missed.weekOverWeekNote()),
        "spikeDays", spikeDays,
        "dayCount", String.valueOf(days.size()),
        "hasPartialDays", partialDays > 0,
        "chart", days.isEmpty() ? null : SvgCharts.dailyBars(days));
  }

  private static Map<String, Object> day(DailyCount day) {
    return map(
        "date", Formats.day(day.date()),
        "weekday", text(day.weekday()),
        "count", number(day.count()));
  }

  private static Map<String, Object> throttledCalls(ThrottledCalls throttled) {
    if (throttled == null) {
      return null;
    }
    List<Map<String, Object>> peakHours = new ArrayList<>();
    for (HourlyCount hour : listed(throttled.peakHours())) {
      peakHours.add(map(
          "hour", Formats.utcMinute(hour.hour()),
          "count", number(hour.count())));
    }
    String band = text(throttled.band());
    return map(
        "total", number(throttled.total()),
        "band", band,
        "bandCss", band == null ? "band-unknown" : "band-" + CapacitySectionModel.cssWord(band),
        "severity", text(throttled.severity()),
        "maxHourly", number(throttled.maxHourly()),
        "avgHourly", Formats.fixed(throttled.avgHourly(), 2),
        "hoursWithThrottling", number(throttled.hoursWithThrottling()),
        "hoursAnalyzed", number(throttled.hoursAnalyzed()),
        "peakHours", peakHours);
  }

  private static Map<String, Object> callsPerInterval(CallsPerInterval calls) {
    if (calls == null) {
      return null;
    }
    return map(
        "total", number(calls.total()),
        "averagePerHour", Formats.fixed(calls.averagePerHour(), 2),
        "peakPerHour", number(calls.peakPerHour()),
        "peakHour", Formats.utcMinute(calls.peakHour()),
        "dataPoints", number(calls.dataPoints()));
  }

  private static Map<String, Object> queues(QueueSizes queueSize) {
    if (queueSize == null) {
      return null;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    int listed = 0;
    int hot = 0;
    for (QueueSize queue : listed(queueSize.queues())) {
      listed++;
      hot += queue.hot() ? 1 : 0;
      if (rows.size() < QUEUE_ROWS) {
        rows.add(map(
            "rank", String.valueOf(rows.size() + 1),
            "name", text(queue.queueName()),
            "maximum", number(queue.maximum()),
            "peakHour", Formats.utcMinute(queue.peakHour()),
            "average", Formats.fixed(queue.average(), 2),
            "dataPoints", number(queue.dataPoints()),
            "hot", queue.hot()));
      }
    }
    return map(
        "queueCount", number(queueSize.queueCount()),
        "rows", rows,
        "more", listed > rows.size() ? String.valueOf(listed - rows.size()) : null,
        "hotCount", String.valueOf(hot));
  }

  private static Map<String, Object> links(Links links) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (links == null) {
      return map("rows", rows, "note", null);
    }
    addLink(rows, "CloudWatch metrics", links.cloudWatchMetrics());
    addLink(rows, "Real-time metrics", links.realTimeMetrics());
    addLink(rows, "Historical metrics", links.historicalMetrics());
    return map("rows", rows, "note", text(links.note()));
  }

  private static void addLink(List<Map<String, Object>> rows, String label, String url) {
    String href = SafeLinks.httpOrNull(text(url));
    if (href != null) {
      rows.add(map("label", label, "href", href));
    }
  }

  private static String trendCss(String trend) {
    return trend == null ? "trend-none" : "trend-" + CapacitySectionModel.cssWord(trend);
  }
}
