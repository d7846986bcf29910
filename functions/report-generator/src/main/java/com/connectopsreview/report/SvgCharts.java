package com.connectopsreview.report;

import static com.connectopsreview.report.HtmlReportModel.map;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Geometry of the report's inline SVG charts, computed here so the template only writes elements.
 * Everything a chart shows is a number or a date this class formatted itself (from parsed
 * {@link LocalDate}/{@link Instant} and {@link BigDecimal} values): no text of the stored data ever
 * reaches the SVG, and the template escapes it all regardless.
 */
final class SvgCharts {

  static final int WIDTH = 960;
  static final int HEIGHT = 240;
  private static final double LEFT = 52;
  private static final double RIGHT = 12;
  private static final double TOP = 22;
  private static final double BOTTOM = 34;
  private static final int MAX_X_LABELS = 16;
  private static final int MAX_BAR_VALUE_LABELS = 31;
  private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd", Locale.ROOT);
  private static final DateTimeFormatter HOUR =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** One bar: a day and its value (null when the day has no number). */
  record Day(LocalDate date, BigDecimal value, boolean complete, boolean highlighted) {}

  /** One hour of a line chart; either value may be null (that series then has a gap). */
  record Hour(Instant hour, BigDecimal maximum, BigDecimal average) {}

  private SvgCharts() {}

  /** A bar per day, partial days and highlighted (spike) days with their own classes. */
  static Map<String, Object> dailyBars(List<Day> days) {
    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    double max = days.stream().map(Day::value).filter(v -> v != null).mapToDouble(BigDecimal::doubleValue)
        .max().orElse(0);
    Scale scale = Scale.of(max);
    double slot = days.isEmpty() ? plotWidth : plotWidth / days.size();
    double barWidth = Math.max(1, slot * 0.7);
    int labelEvery = Math.max(1, (int) Math.ceil(days.size() / (double) MAX_X_LABELS));
    boolean valueLabels = days.size() <= MAX_BAR_VALUE_LABELS;
    List<Map<String, Object>> bars = new ArrayList<>();
    for (int i = 0; i < days.size(); i++) {
      Day day = days.get(i);
      double value = day.value() == null ? 0 : Math.max(0, day.value().doubleValue());
      double height = plotHeight * value / scale.top();
      double x = LEFT + i * slot + (slot - barWidth) / 2;
      double y = TOP + plotHeight - height;
      String css = "bar" + (day.complete() ? "" : " bar-partial") + (day.highlighted() ? " bar-spike" : "");
      String valueText = day.value() == null ? "no data" : Formats.value(day.value());
      bars.add(map(
          "x", coord(x), "y", coord(y), "width", coord(barWidth), "height", coord(height),
          "css", css,
          "title", day.date() + " · " + valueText + (day.complete() ? "" : " (partial day)"),
          "valueLabel", valueLabels && day.value() != null ? Formats.value(day.value()) : null,
          "valueX", coord(x + barWidth / 2), "valueY", coord(y - 4),
          "dateLabel", i % labelEvery == 0 ? MONTH_DAY.format(day.date()) : null,
          "dateX", coord(x + barWidth / 2)));
    }
    Map<String, Object> chart = frame(scale);
    chart.put("bars", bars);
    chart.put("dateY", coord(HEIGHT - BOTTOM + 16));
    return chart;
  }

  /**
   * Hourly lines for the maximum and the average, placed by time (a missing hour breaks the line
   * rather than joining its neighbours), with the day boundaries on the x axis and the peak marked.
   */
  static Map<String, Object> hourlyLines(List<Hour> hours) {
    double plotWidth = WIDTH - LEFT - RIGHT;
    double plotHeight = HEIGHT - TOP - BOTTOM;
    Instant first = hours.getFirst().hour();
    Instant last = hours.getLast().hour();
    long span = Math.max(1, Duration.between(first, last).toHours());
    double max = hours.stream().flatMap(h -> Stream.of(h.maximum(), h.average()))
        .filter(v -> v != null).mapToDouble(BigDecimal::doubleValue).max().orElse(0);
    Scale scale = Scale.of(max);

    Hour peak = null;
    for (Hour hour : hours) {
      if (hour.maximum() != null && (peak == null || hour.maximum().compareTo(peak.maximum()) > 0)) {
        peak = hour;
      }
    }
    Map<String, Object> chart = frame(scale);
    chart.put("maximumLines", lines(hours, Hour::maximum, first, span, plotWidth, plotHeight, scale));
    chart.put("averageLines", lines(hours, Hour::average, first, span, plotWidth, plotHeight, scale));
    chart.put("peak", peak == null ? null : map(
        "x", coord(x(peak.hour(), first, span, plotWidth)),
        "y", coord(y(peak.maximum(), plotHeight, scale)),
        "title", HOUR.format(peak.hour()) + " UTC · " + Formats.value(peak.maximum())));

    List<Map<String, Object>> dayTicks = new ArrayList<>();
    Instant midnight = first.truncatedTo(ChronoUnit.DAYS);
    if (midnight.isBefore(first)) {
      midnight = midnight.plus(1, ChronoUnit.DAYS);
    }
    long dayCount = Duration.between(midnight, last).toDays() + 1;
    int labelEvery = Math.max(1, (int) Math.ceil(dayCount / (double) MAX_X_LABELS));
    int index = 0;
    for (Instant day = midnight; !day.isAfter(last); day = day.plus(1, ChronoUnit.DAYS), index++) {
      dayTicks.add(map(
          "x", coord(x(day, first, span, plotWidth)),
          "label", index % labelEvery == 0 ? MONTH_DAY.format(LocalDate.ofInstant(day, ZoneOffset.UTC)) : null));
    }
    chart.put("dayTicks", dayTicks);
    chart.put("dateY", coord(HEIGHT - BOTTOM + 16));
    return chart;
  }

  private static List<String> lines(List<Hour> hours, Function<Hour, BigDecimal> series,
      Instant first, long span, double plotWidth, double plotHeight, Scale scale) {
    List<String> lines = new ArrayList<>();
    StringBuilder points = new StringBuilder();
    Instant previous = null;
    for (Hour hour : hours) {
      BigDecimal value = series.apply(hour);
      boolean gap = value == null || (previous != null && Duration.between(previous, hour.hour()).toHours() > 1);
      if (gap && !points.isEmpty()) {
        lines.add(segment(points));
        points.setLength(0);
      }
      if (value != null) {
        if (!points.isEmpty()) {
          points.append(' ');
        }
        points.append(coord(x(hour.hour(), first, span, plotWidth))).append(',')
            .append(coord(y(value, plotHeight, scale)));
        previous = hour.hour();
      } else {
        previous = null;
      }
    }
    if (!points.isEmpty()) {
      lines.add(segment(points));
    }
    return lines;
  }

  /** A lone point is doubled: a zero-length line with round caps shows it as a dot. */
  private static String segment(StringBuilder points) {
    String text = points.toString();
    return text.indexOf(' ') < 0 ? text + " " + text : text;
  }

  private static double x(Instant instant, Instant first, long span, double plotWidth) {
    return LEFT + plotWidth * Duration.between(first, instant).toMinutes() / (span * 60.0);
  }

  private static double y(BigDecimal value, double plotHeight, Scale scale) {
    return TOP + plotHeight - plotHeight * Math.max(0, value.doubleValue()) / scale.top();
  }

  /** The axes shared by both charts: the plot box and the y ticks. */
  private static Map<String, Object> frame(Scale scale) {
    double plotHeight = HEIGHT - TOP - BOTTOM;
    List<Map<String, Object>> ticks = new ArrayList<>();
    for (int i = 0; i <= Scale.TICKS; i++) {
      BigDecimal value = scale.step().multiply(BigDecimal.valueOf(i));
      ticks.add(map(
          "y", coord(TOP + plotHeight - plotHeight * i / Scale.TICKS),
          "label", value.stripTrailingZeros().toPlainString()));
    }
    return map(
        "width", String.valueOf(WIDTH),
        "height", String.valueOf(HEIGHT),
        "left", coord(LEFT),
        "right", coord(WIDTH - RIGHT),
        "top", coord(TOP),
        "bottom", coord(HEIGHT - BOTTOM),
        "labelX", coord(LEFT - 6),
        "yTicks", ticks);
  }

  /** SVG user units with one decimal, never locale-formatted. */
  static String coord(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }

  /** A y axis from 0 to a round top in {@link #TICKS} equal, round steps (1, 2, 2.5, 5 × 10ⁿ). */
  record Scale(BigDecimal step) {
    static final int TICKS = 4;

    static Scale of(double max) {
      if (!(max > 0)) {
        return new Scale(BigDecimal.ONE);
      }
      double raw = max / TICKS;
      int exponent = (int) Math.floor(Math.log10(raw));
      BigDecimal magnitude = BigDecimal.ONE.scaleByPowerOfTen(exponent);
      double normalized = raw / magnitude.doubleValue();
      BigDecimal factor = normalized <= 1 ? BigDecimal.ONE
          : normalized <= 2 ? BigDecimal.valueOf(2)
          : normalized <= 2.5 ? new BigDecimal("2.5")
          : normalized <= 5 ? BigDecimal.valueOf(5)
          : BigDecimal.TEN;
      BigDecimal step = factor.multiply(magnitude);
      // Counts never need a step below 1 (a 0.25 step would label "0.25 missed calls").
      return new Scale(max >= 1 && step.compareTo(BigDecimal.ONE) < 0 ? BigDecimal.ONE : step);
    }

    double top() {
      return step.doubleValue() * TICKS;
    }
  }
}
