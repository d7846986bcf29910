package com.connectopsreview.report;

import static com.connectopsreview.report.HtmlReportModel.map;
import static com.connectopsreview.report.SectionData.decimal;
import static com.connectopsreview.report.SectionData.elements;
import static com.connectopsreview.report.SectionData.number;
import static com.connectopsreview.report.SectionData.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contact-center metrics section's model, from the {@code metrics} component's data
 * (docs/checks.md, "## metrics", "### Data payload"): {@code coverage}, {@code concurrentCalls},
 * {@code missedCalls}, {@code throttledCalls}, {@code queueSize}, {@code callsPerInterval},
 * {@code links}. A null part was not evaluated (the component's errors say why) and is shown as such.
 */
final class MetricsSectionModel {

  /** Queues listed in the table; the payload keeps every queue, worst first. */
  static final int QUEUE_ROWS = 10;

  private static final List<String> PARTS =
      List.of("concurrentCalls", "missedCalls", "throttledCalls", "queueSize", "callsPerInterval");

  private MetricsSectionModel() {}

  static Map<String, Object> of(ComponentReport component) {
    JsonNode data = SectionData.usableData(component);
    boolean available = data != null && PARTS.stream().anyMatch(part -> data.has(part));
    if (!available) {
      return SectionData.unavailable(component);
    }
    JsonNode coverage = data.path("coverage");
    Map<String, Object> model = map(
        "available", true,
        "windowStart", Formats.utc(text(coverage.path("windowStart"))),
        "windowEnd", Formats.utc(text(coverage.path("windowEnd"))),
        "hourlyFrom", Formats.utcMinute(text(coverage.path("hourlyFrom"))),
        "concurrentCalls", concurrentCalls(data.path("concurrentCalls")),
        "missedCalls", missedCalls(data.path("missedCalls")),
        "throttledCalls", throttledCalls(data.path("throttledCalls")),
        "callsPerInterval", callsPerInterval(data.path("callsPerInterval")),
        "queues", queues(data.path("queueSize")),
        "links", links(data.path("links")));
    SectionData.describeComponent(model, component);
    return model;
  }

  private static Map<String, Object> concurrentCalls(JsonNode calls) {
    if (!calls.isObject()) {
      return null;
    }
    List<SvgCharts.Hour> hours = new ArrayList<>();
    for (JsonNode point : elements(calls.path("hourly"))) {
      Instant hour = Formats.instant(text(point.path("hour")));
      if (hour != null) {
        hours.add(new SvgCharts.Hour(hour, decimal(point.path("maximum")), decimal(point.path("average"))));
      }
    }
    hours.sort(Comparator.comparing(SvgCharts.Hour::hour));
    boolean drawable = hours.stream().anyMatch(h -> h.maximum() != null || h.average() != null);
    return map(
        "absolutePeak", number(calls.path("absolutePeak")),
        "peakHour", Formats.utcMinute(text(calls.path("peakHour"))),
        "periodAverage", Formats.fixed(decimal(calls.path("periodAverage")), 2),
        "dataPoints", number(calls.path("dataPoints")),
        "chart", drawable ? SvgCharts.hourlyLines(hours) : null);
  }

  private static Map<String, Object> missedCalls(JsonNode missed) {
    if (!missed.isObject()) {
      return null;
    }
    Set<LocalDate> spikes = new HashSet<>();
    List<Map<String, Object>> spikeDays = new ArrayList<>();
    for (JsonNode spike : elements(missed.path("spikeDays"))) {
      LocalDate date = Formats.date(text(spike.path("date")));
      if (date != null) {
        spikes.add(date);
      }
      spikeDays.add(day(spike));
    }
    List<SvgCharts.Day> days = new ArrayList<>();
    int partialDays = 0;
    for (JsonNode day : elements(missed.path("daily"))) {
      LocalDate date = Formats.date(text(day.path("date")));
      if (date == null) {
        continue; // a bar needs a date to stand for; the totals still count it
      }
      // Only an explicit true makes a day complete: an unknown day is not presented as whole.
      boolean complete = Boolean.TRUE.equals(SectionData.bool(day.path("complete")));
      partialDays += complete ? 0 : 1;
      days.add(new SvgCharts.Day(date, decimal(day.path("count")), complete, spikes.contains(date)));
    }
    days.sort(Comparator.comparing(SvgCharts.Day::date));
    JsonNode weekOverWeek = missed.path("weekOverWeek");
    return map(
        "total", number(missed.path("total")),
        "completeDays", number(missed.path("completeDays")),
        "mean", Formats.fixed(decimal(missed.path("mean")), 2),
        "median", number(missed.path("median")),
        "highest", missed.path("highest").isObject() ? day(missed.path("highest")) : null,
        "lowest", missed.path("lowest").isObject() ? day(missed.path("lowest")) : null,
        "weekOverWeek", weekOverWeek.isObject() ? map(
            "lastWeek", number(weekOverWeek.path("lastWeek")),
            "previousWeek", number(weekOverWeek.path("previousWeek")),
            "changePercent", Formats.signedPercent(decimal(weekOverWeek.path("changePercent"))),
            "trend", text(weekOverWeek.path("trend")),
            "trendCss", trendCss(text(weekOverWeek.path("trend")))) : null,
        "weekOverWeekNote", text(missed.path("weekOverWeekNote")),
        "spikeDays", spikeDays,
        "dayCount", String.valueOf(days.size()),
        "hasPartialDays", partialDays > 0,
        "chart", days.isEmpty() ? null : SvgCharts.dailyBars(days));
  }

  private static Map<String, Object> day(JsonNode day) {
    return map(
        "date", Formats.day(text(day.path("date"))),
        "weekday", text(day.path("weekday")),
        "count", number(day.path("count")));
  }

  private static Map<String, Object> throttledCalls(JsonNode throttled) {
    if (!throttled.isObject()) {
      return null;
    }
    List<Map<String, Object>> peakHours = new ArrayList<>();
    for (JsonNode hour : elements(throttled.path("peakHours"))) {
      peakHours.add(map(
          "hour", Formats.utcMinute(text(hour.path("hour"))),
          "count", number(hour.path("count"))));
    }
    String band = text(throttled.path("band"));
    return map(
        "total", number(throttled.path("total")),
        "band", band,
        "bandCss", band == null ? "band-unknown" : "band-" + CapacitySectionModel.cssWord(band),
        "severity", text(throttled.path("severity")),
        "maxHourly", number(throttled.path("maxHourly")),
        "avgHourly", Formats.fixed(decimal(throttled.path("avgHourly")), 2),
        "hoursWithThrottling", number(throttled.path("hoursWithThrottling")),
        "hoursAnalyzed", number(throttled.path("hoursAnalyzed")),
        "peakHours", peakHours);
  }

  private static Map<String, Object> callsPerInterval(JsonNode calls) {
    if (!calls.isObject()) {
      return null;
    }
    return map(
        "total", number(calls.path("total")),
        "averagePerHour", Formats.fixed(decimal(calls.path("averagePerHour")), 2),
        "peakPerHour", number(calls.path("peakPerHour")),
        "peakHour", Formats.utcMinute(text(calls.path("peakHour"))),
        "dataPoints", number(calls.path("dataPoints")));
  }

  private static Map<String, Object> queues(JsonNode queueSize) {
    if (!queueSize.isObject()) {
      return null;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    int listed = 0;
    int hot = 0;
    for (JsonNode queue : elements(queueSize.path("queues"))) {
      listed++;
      boolean isHot = Boolean.TRUE.equals(SectionData.bool(queue.path("hot")));
      hot += isHot ? 1 : 0;
      if (rows.size() < QUEUE_ROWS) {
        rows.add(map(
            "rank", String.valueOf(rows.size() + 1),
            "name", text(queue.path("queueName")),
            "maximum", number(queue.path("maximum")),
            "peakHour", Formats.utcMinute(text(queue.path("peakHour"))),
            "average", Formats.fixed(decimal(queue.path("average")), 2),
            "dataPoints", number(queue.path("dataPoints")),
            "hot", isHot));
      }
    }
    String queueCount = number(queueSize.path("queueCount"));
    return map(
        "queueCount", queueCount != null ? queueCount : String.valueOf(listed),
        "rows", rows,
        "more", listed > rows.size() ? String.valueOf(listed - rows.size()) : null,
        "hotCount", String.valueOf(hot));
  }

  private static Map<String, Object> links(JsonNode links) {
    List<Map<String, Object>> rows = new ArrayList<>();
    addLink(rows, "CloudWatch metrics", links.path("cloudWatchMetrics"));
    addLink(rows, "Real-time metrics", links.path("realTimeMetrics"));
    addLink(rows, "Historical metrics", links.path("historicalMetrics"));
    return map("rows", rows, "note", text(links.path("note")));
  }

  private static void addLink(List<Map<String, Object>> rows, String label, JsonNode url) {
    String href = SafeLinks.httpOrNull(text(url));
    if (href != null) {
      rows.add(map("label", label, "href", href));
    }
  }

  private static String trendCss(String trend) {
    return trend == null ? "trend-none" : "trend-" + CapacitySectionModel.cssWord(trend);
  }
}
