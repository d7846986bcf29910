package com.connectopsreview.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The {@code data} payload of the metrics component: every series the report draws and the
 * statistics derived from them. A section is null when its series could not be read completely
 * ({@code errors} says why). Numbers are exact; means 2 dp, percentages 1 dp, half up.
 */
public record MetricsData(
    Coverage coverage,
    ConcurrentCalls concurrentCalls,
    MissedCalls missedCalls,
    ThrottledCalls throttledCalls,
    QueueSizes queueSize,
    CallsPerInterval callsPerInterval,
    Links links,
    Batching batching) {

  /**
   * What was asked for: hourly series from {@code hourlyFrom} (window start down to the hour),
   * daily series from {@code dailyFrom} (down to 00:00 UTC, so each datapoint is a calendar day).
   */
  public record Coverage(Instant windowStart, Instant windowEnd, Instant hourlyFrom, Instant dailyFrom) {}

  /** One hour of a metric with an Average and a Maximum (null where that statistic has no datapoint). */
  public record HourlyStats(Instant hour, BigDecimal average, BigDecimal maximum) {}

  public record HourlyCount(Instant hour, BigDecimal count) {}

  public record DailyCount(LocalDate date, String weekday, BigDecimal count) {}

  public record ConcurrentCalls(
      List<HourlyStats> hourly, BigDecimal periodAverage, BigDecimal absolutePeak, Instant peakHour, int dataPoints) {}

  /**
   * Week-over-week: the last 7 complete UTC days of the window against the 7 before them (days
   * without a datapoint count 0). {@code changePercent} is null when the previous week had none.
   */
  public record WeekOverWeek(
      LocalDate previousWeekStart, BigDecimal previousWeek, LocalDate lastWeekStart, BigDecimal lastWeek,
      BigDecimal changePercent, String trend) {}

  /** Mean and median are over the days with a datapoint; highest is the peak day. */
  public record MissedCalls(
      List<DailyCount> daily, BigDecimal total, int daysWithData, BigDecimal mean, BigDecimal median,
      DailyCount highest, DailyCount lowest, WeekOverWeek weekOverWeek, String weekOverWeekNote,
      List<DailyCount> spikeDays) {}

  public record ThrottledCalls(
      List<HourlyCount> hourly, BigDecimal total, ThrottleBand band, String severity, BigDecimal maxHourly,
      BigDecimal avgHourly, int hoursWithThrottling, int hoursAnalyzed, List<DailyCount> daily,
      List<HourlyCount> peakHours, List<String> recommendations) {}

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
}
