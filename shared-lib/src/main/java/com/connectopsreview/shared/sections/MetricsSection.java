package com.connectopsreview.shared.sections;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code data} payload of the {@code metrics} component: every series the report draws and the
 * statistics derived from them. A part is null when its series could not be read completely
 * ({@code errors} says why). Numbers are exact; means 2 dp, percentages 1 dp, half up. The shape is
 * documented in docs/checks.md (section "metrics", "Data payload").
 */
public record MetricsSection(
    Coverage coverage,
    ConcurrentCalls concurrentCalls,
    MissedCalls missedCalls,
    ThrottledCalls throttledCalls,
    QueueSizes queueSize,
    CallsPerInterval callsPerInterval,
    Links links,
    Batching batching) implements Section {

  public static final int SCHEMA_VERSION = 1;

  @Override
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }

  /**
   * What was asked for: every series is hourly, from {@code hourlyFrom} (the window's start down to
   * the hour) to the window's end; daily figures are sums of those hours per UTC day.
   */
  public record Coverage(Instant windowStart, Instant windowEnd, Instant hourlyFrom) {}

  /** One hour of a metric with an Average and a Maximum (null where that statistic has no datapoint). */
  public record HourlyStats(Instant hour, BigDecimal average, BigDecimal maximum) {}

  public record HourlyCount(Instant hour, BigDecimal count) {}

  /**
   * One UTC day: the sum of its hours in the series. {@code complete} when all 24 of its hours lie
   * inside the series' range (the first and last day of a window usually do not).
   */
  public record DailyCount(LocalDate date, String weekday, BigDecimal count, boolean complete) {}

  public record ConcurrentCalls(
      List<HourlyStats> hourly, BigDecimal periodAverage, BigDecimal absolutePeak, Instant peakHour, int dataPoints) {}

  /**
   * Week-over-week: the last 168 whole hours of the window ({@code lastWeekStart} to
   * {@code lastWeekEnd}, the window's end down to the hour) against the 168 before them; hours
   * without a datapoint count 0. {@code changePercent} is null when the previous week had none.
   */
  public record WeekOverWeek(
      Instant previousWeekStart, BigDecimal previousWeek, Instant lastWeekStart, Instant lastWeekEnd,
      BigDecimal lastWeek, BigDecimal changePercent, String trend) {}

  /**
   * {@code total} is over the whole series (every hour of the window). Mean, median, highest,
   * lowest and spikes are over the complete days with a datapoint ({@code completeDays}), so a
   * partial first or last day is never the "lowest day"; they are null when there is none.
   */
  public record MissedCalls(
      List<DailyCount> daily, BigDecimal total, int completeDays, BigDecimal mean, BigDecimal median,
      DailyCount highest, DailyCount lowest, WeekOverWeek weekOverWeek, String weekOverWeekNote,
      List<DailyCount> spikeDays) {}

  /** {@code severity} is upstream's name of the band ({@link ThrottleBand#label()}). */
  public record ThrottledCalls(
      List<HourlyCount> hourly, BigDecimal total, ThrottleBand band, String severity, BigDecimal maxHourly,
      BigDecimal avgHourly, int hoursWithThrottling, int hoursAnalyzed, List<DailyCount> daily,
      List<HourlyCount> peakHours, List<String> recommendations) {}

  /** Upstream's throttling bands on the window's total ThrottledCalls (upstream-spec §1.6). */
  public enum ThrottleBand {
    NONE("Excellent"),
    LOW("Low"),
    MODERATE("Moderate"),
    HIGH("High"),
    CRITICAL("Critical");

    private final String label;

    ThrottleBand(String label) {
      this.label = label;
    }

    /** Upstream's name of the band (Excellent, Low, Moderate, High, Critical). */
    public String label() {
      return label;
    }
  }

  /** One queue; {@code hourly} is stored for the worst queues only (see {@link QueueSizes}). */
  public record QueueSize(
      String queueName, BigDecimal average, BigDecimal maximum, Instant peakHour, int dataPoints, boolean hot,
      List<HourlyStats> hourly) {}

  /** Every queue, worst first; hourly series kept for the first {@code hourlySeriesKeptFor}. */
  public record QueueSizes(int queueCount, int hourlySeriesKeptFor, List<QueueSize> queues) {}

  public record HourlyCalls(Instant hour, BigDecimal sum, BigDecimal average, BigDecimal maximum) {}

  /**
   * Calls per interval: {@code total} = Σ hourly Sum, {@code averagePerHour} = total / hours with
   * data, {@code peakPerHour} = the largest hourly Sum; {@code averageOfAverages} and
   * {@code maximumSample} are upstream's figures (mean of hourly Averages, max of hourly Maximums).
   */
  public record CallsPerInterval(
      List<HourlyCalls> hourly, BigDecimal total, BigDecimal averagePerHour, BigDecimal peakPerHour,
      Instant peakHour, BigDecimal averageOfAverages, BigDecimal maximumSample, int dataPoints) {}

  /** Console links; the admin-website ones are null when the access URL is unknown ({@code note} says why). */
  public record Links(String cloudWatchMetrics, String realTimeMetrics, String historicalMetrics, String note) {}

  /** How the series were read: MetricStat queries, GetMetricData calls (pages), ListMetrics calls. */
  public record Batching(int queries, int getMetricDataCalls, int listMetricsCalls) {}

  /**
   * Every checkId the metrics analyzer emits. Stable once released; each one is documented in
   * {@code docs/checks.md} (section "metrics") with its pillar, severity rule, evidence and
   * recommendation.
   */
  public static final class CheckIds {

    public static final String CONCURRENT_CALLS_PEAK = "METRICS.CONCURRENT_CALLS.PEAK";
    public static final String CONCURRENT_CALLS_NO_DATA = "METRICS.CONCURRENT_CALLS.NO_DATA";

    public static final String MISSED_CALLS_SPIKE = "METRICS.MISSED_CALLS.SPIKE";
    public static final String MISSED_CALLS_ABOVE_THRESHOLD = "METRICS.MISSED_CALLS.ABOVE_THRESHOLD";
    public static final String MISSED_CALLS_WITHIN_THRESHOLD = "METRICS.MISSED_CALLS.WITHIN_THRESHOLD";
    public static final String MISSED_CALLS_NO_DATA = "METRICS.MISSED_CALLS.NO_DATA";

    /** {@code METRICS.THROTTLED_CALLS.<band>}: NONE, LOW, MODERATE, HIGH or CRITICAL (see {@link ThrottleBand}). */
    public static final String THROTTLED_CALLS_PREFIX = "METRICS.THROTTLED_CALLS.";

    public static final String QUEUE_SIZE_HOT_QUEUE = "METRICS.QUEUE_SIZE.HOT_QUEUE";
    public static final String QUEUE_SIZE_NO_QUEUES = "METRICS.QUEUE_SIZE.NO_QUEUES";

    public static final String CALLS_PER_INTERVAL_SUMMARY = "METRICS.CALLS_PER_INTERVAL.SUMMARY";
    public static final String CALLS_PER_INTERVAL_NO_DATA = "METRICS.CALLS_PER_INTERVAL.NO_DATA";

    private CheckIds() {}

    public static String throttledCalls(ThrottleBand band) {
      return THROTTLED_CALLS_PREFIX + band.name();
    }
  }
}
