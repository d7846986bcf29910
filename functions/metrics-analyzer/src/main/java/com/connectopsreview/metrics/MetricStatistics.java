package com.connectopsreview.metrics;

import com.connectopsreview.metrics.MetricsData.CallsPerInterval;
import com.connectopsreview.metrics.MetricsData.ConcurrentCalls;
import com.connectopsreview.metrics.MetricsData.DailyCount;
import com.connectopsreview.metrics.MetricsData.HourlyCalls;
import com.connectopsreview.metrics.MetricsData.HourlyCount;
import com.connectopsreview.metrics.MetricsData.HourlyStats;
import com.connectopsreview.metrics.MetricsData.MissedCalls;
import com.connectopsreview.metrics.MetricsData.QueueSize;
import com.connectopsreview.metrics.MetricsData.ThrottledCalls;
import com.connectopsreview.metrics.MetricsData.WeekOverWeek;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The statistics of upstream-spec §1.6 and checklist C (44–52) over series read from CloudWatch,
 * as pure functions. Series come in ascending time order; ties (equal peaks) go to the earliest
 * datapoint. Means have 2 decimal places, percentages 1, half up.
 */
final class MetricStatistics {

  /** A day is a missed-calls spike when it has at least this many times the median day... */
  static final BigDecimal SPIKE_FACTOR = BigDecimal.valueOf(3);
  /** ...and at least this many missed calls (a few calls on a quiet instance are no spike). */
  static final BigDecimal SPIKE_MINIMUM = BigDecimal.TEN;
  /** Spikes need a median of at least this many days. */
  static final int SPIKE_MIN_DAYS = 3;

  /** A queue is hot when its peak QueueSize is at least this many times the median peak of the others... */
  static final BigDecimal HOT_QUEUE_FACTOR = BigDecimal.valueOf(3);
  /** ...and at least this many contacts waiting at once. */
  static final BigDecimal HOT_QUEUE_MINIMUM = BigDecimal.TEN;

  /** Week-over-week changes within ±10 % are STABLE (checklist C 46). */
  static final BigDecimal TREND_BAND = BigDecimal.TEN;

  static final int TOP_PEAK_HOURS = 5;

  static final List<String> THROTTLING_RECOMMENDATIONS = List.of(
      "Review the Amazon Connect quotas for concurrent calls and API request rates in Service Quotas.",
      "Request a quota increase where throttling coincides with expected peak traffic.",
      "Analyse the peak hours listed here to find the traffic pattern behind the throttling.",
      "Add queuing, callbacks or retries with backoff in flows and integrations so throttled contacts are not lost.",
      "Create a CloudWatch alarm on ThrottledCalls (Sum > 0 over 5 minutes) that notifies the operations team.",
      "Watch ConcurrentCalls and ConcurrentCallsPercentage against the concurrent-calls quota.",
      "Track CallsPerInterval to see how call volume builds up before throttling starts.");

  static final String IMMEDIATE_ACTION = "IMMEDIATE ACTION REQUIRED: throttling at this level rejects customer "
      + "calls; request a quota increase now and spread the load of the peak hours.";

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private MetricStatistics() {}

  // ---- concurrent calls (checklist C 44) ----

  /** Hourly Average and Maximum of ConcurrentCalls: period average, absolute peak and its hour. */
  static ConcurrentCalls concurrentCalls(List<MetricPoint> averages, List<MetricPoint> maxima) {
    List<HourlyStats> hourly = hourlyStats(averages, maxima);
    MetricPoint peak = firstMax(maxima);
    return new ConcurrentCalls(hourly, mean(values(averages)), peak == null ? null : peak.value(),
        peak == null ? null : peak.timestamp(), hourly.size());
  }

  // ---- missed calls (checklist C 45, 46, 52) ----

  /**
   * Daily Sums of MissedCalls.
   *
   * @param firstDay the first UTC day the series covers
   * @param lastCompleteDay the last UTC day that lies wholly inside the window
   */
  static MissedCalls missedCalls(List<MetricPoint> daily, LocalDate firstDay, LocalDate lastCompleteDay) {
    TreeMap<LocalDate, BigDecimal> byDay = new TreeMap<>();
    for (MetricPoint p : daily) {
      byDay.merge(day(p.timestamp()), p.value(), BigDecimal::add);
    }
    List<DailyCount> days = new ArrayList<>();
    byDay.forEach((date, count) -> days.add(dailyCount(date, count)));
    BigDecimal total = sum(byDay.values());
    if (days.isEmpty()) {
      return new MissedCalls(List.of(), total, 0, null, null, null, null, null, "no datapoints", List.of());
    }
    List<BigDecimal> counts = List.copyOf(byDay.values());
    BigDecimal median = median(counts);
    DailyCount highest = days.stream().reduce((a, b) -> b.count().compareTo(a.count()) > 0 ? b : a).orElseThrow();
    DailyCount lowest = days.stream().reduce((a, b) -> b.count().compareTo(a.count()) < 0 ? b : a).orElseThrow();

    WeekOverWeek weekOverWeek = null;
    String note = null;
    LocalDate lastWeekStart = lastCompleteDay.minusDays(6);
    LocalDate previousWeekStart = lastCompleteDay.minusDays(13);
    if (previousWeekStart.isBefore(firstDay)) {
      note = "the window holds fewer than 14 complete days";
    } else {
      BigDecimal previous = sum(byDay.subMap(previousWeekStart, true, lastWeekStart, false).values());
      BigDecimal last = sum(byDay.subMap(lastWeekStart, true, lastCompleteDay, true).values());
      BigDecimal change = null;
      String trend;
      if (previous.signum() == 0) {
        trend = last.signum() == 0 ? "STABLE" : "RISING";
        note = last.signum() == 0 ? null : "no missed calls in the previous week, so no percentage";
        change = last.signum() == 0 ? BigDecimal.ZERO.setScale(1) : null;
      } else {
        change = last.subtract(previous).multiply(HUNDRED).divide(previous, 1, RoundingMode.HALF_UP);
        trend = change.compareTo(TREND_BAND) >= 0 ? "RISING"
            : change.compareTo(TREND_BAND.negate()) <= 0 ? "FALLING" : "STABLE";
      }
      weekOverWeek = new WeekOverWeek(previousWeekStart, previous, lastWeekStart, last, change, trend);
    }

    List<DailyCount> spikes = new ArrayList<>();
    if (days.size() >= SPIKE_MIN_DAYS) {
      BigDecimal threshold = median.multiply(SPIKE_FACTOR).max(SPIKE_MINIMUM);
      days.stream().filter(d -> d.count().compareTo(threshold) >= 0).forEach(spikes::add);
    }
    return new MissedCalls(days, total, days.size(), mean(counts), median, highest, lowest, weekOverWeek, note,
        spikes);
  }

  // ---- throttled calls (checklist C 47, 48) ----

  /** Hourly Sums of ThrottledCalls. No datapoints: total 0, band NONE (upstream: Excellent). */
  static ThrottledCalls throttledCalls(List<MetricPoint> hourly) {
    List<HourlyCount> hours = hourly.stream().map(p -> new HourlyCount(p.timestamp(), p.value())).toList();
    BigDecimal total = sum(values(hourly));
    ThrottleBand band = ThrottleBand.of(total);
    MetricPoint max = firstMax(hourly);
    int withThrottling = (int) hourly.stream().filter(p -> p.value().signum() > 0).count();
    TreeMap<LocalDate, BigDecimal> byDay = new TreeMap<>();
    hourly.forEach(p -> byDay.merge(day(p.timestamp()), p.value(), BigDecimal::add));
    List<DailyCount> daily = new ArrayList<>();
    byDay.forEach((date, count) -> daily.add(dailyCount(date, count)));
    List<HourlyCount> peaks = hours.stream()
        .filter(h -> h.count().signum() > 0)
        .sorted(Comparator.comparing(HourlyCount::count).reversed().thenComparing(HourlyCount::hour))
        .limit(TOP_PEAK_HOURS)
        .toList();
    List<String> recommendations = new ArrayList<>();
    if (band != ThrottleBand.NONE) {
      if (band == ThrottleBand.HIGH || band == ThrottleBand.CRITICAL) {
        recommendations.add(IMMEDIATE_ACTION);
      }
      recommendations.addAll(THROTTLING_RECOMMENDATIONS);
    }
    return new ThrottledCalls(hours, total, band, band.label(), max == null ? BigDecimal.ZERO : max.value(),
        hours.isEmpty() ? BigDecimal.ZERO.setScale(2) : divide(total, hours.size()), withThrottling, hours.size(),
        daily, peaks, recommendations);
  }

  // ---- queue size (checklist C 49) ----

  /** One queue's hourly QueueSize Average and Maximum. */
  static QueueSize queueSize(String queueName, List<MetricPoint> averages, List<MetricPoint> maxima) {
    List<HourlyStats> hourly = hourlyStats(averages, maxima);
    MetricPoint peak = firstMax(maxima);
    return new QueueSize(queueName, mean(values(averages)), peak == null ? null : peak.value(),
        peak == null ? null : peak.timestamp(), hourly.size(), false, hourly);
  }

  /**
   * Marks hot queues and orders all worst first: highest peak, then highest average, then name;
   * queues without data last. A queue is hot when its peak is at least {@link #HOT_QUEUE_MINIMUM}
   * and at least {@link #HOT_QUEUE_FACTOR} times the median peak of the other queues with data.
   */
  static List<QueueSize> rankQueues(List<QueueSize> queues) {
    List<QueueSize> withData = queues.stream().filter(q -> q.maximum() != null).toList();
    List<QueueSize> ranked = new ArrayList<>();
    for (QueueSize q : queues) {
      boolean hot = false;
      if (q.maximum() != null && withData.size() >= 2 && q.maximum().compareTo(HOT_QUEUE_MINIMUM) >= 0) {
        List<BigDecimal> others = withData.stream().filter(o -> o != q).map(QueueSize::maximum).toList();
        hot = q.maximum().compareTo(median(others).multiply(HOT_QUEUE_FACTOR)) >= 0;
      }
      ranked.add(new QueueSize(q.queueName(), q.average(), q.maximum(), q.peakHour(), q.dataPoints(), hot,
          q.hourly()));
    }
    Comparator<BigDecimal> descNullsLast = Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder());
    ranked.sort(Comparator.comparing(QueueSize::maximum, descNullsLast)
        .thenComparing(QueueSize::average, descNullsLast)
        .thenComparing(QueueSize::queueName));
    return ranked;
  }

  // ---- calls per interval (checklist C 50) ----

  static CallsPerInterval callsPerInterval(List<MetricPoint> sums, List<MetricPoint> averages,
      List<MetricPoint> maxima) {
    Map<Instant, BigDecimal> sum = byTime(sums);
    Map<Instant, BigDecimal> avg = byTime(averages);
    Map<Instant, BigDecimal> max = byTime(maxima);
    TreeMap<Instant, HourlyCalls> hours = new TreeMap<>();
    for (Instant t : union(sum, avg, max)) {
      hours.put(t, new HourlyCalls(t, sum.get(t), avg.get(t), max.get(t)));
    }
    BigDecimal total = sum(values(sums));
    MetricPoint peak = firstMax(sums);
    MetricPoint maxSample = firstMax(maxima);
    return new CallsPerInterval(List.copyOf(hours.values()), total,
        sums.isEmpty() ? null : divide(total, sums.size()), peak == null ? null : peak.value(),
        peak == null ? null : peak.timestamp(), mean(values(averages)),
        maxSample == null ? null : maxSample.value(), hours.size());
  }

  // ---- helpers ----

  static LocalDate day(Instant t) {
    return LocalDate.ofInstant(t, ZoneOffset.UTC);
  }

  static String weekday(LocalDate date) {
    DayOfWeek d = date.getDayOfWeek();
    return d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
  }

  /** Median: the middle value, or the mean of the two middle values; null for no values. */
  static BigDecimal median(List<BigDecimal> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<BigDecimal> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    if (n % 2 == 1) {
      return sorted.get(n / 2);
    }
    // Halving always terminates in decimal, so this is exact.
    return sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
  }

  /** Arithmetic mean, 2 dp half up; null for no values. */
  static BigDecimal mean(List<BigDecimal> values) {
    return values.isEmpty() ? null : divide(sum(values), values.size());
  }

  private static BigDecimal divide(BigDecimal total, int count) {
    return total.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
  }

  private static BigDecimal sum(Collection<BigDecimal> values) {
    return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static List<BigDecimal> values(List<MetricPoint> points) {
    return points.stream().map(MetricPoint::value).toList();
  }

  /** The largest value; the earliest of equal ones. Null for an empty series. */
  private static MetricPoint firstMax(List<MetricPoint> points) {
    MetricPoint best = null;
    for (MetricPoint p : points) {
      if (best == null || p.value().compareTo(best.value()) > 0
          || (p.value().compareTo(best.value()) == 0 && p.timestamp().isBefore(best.timestamp()))) {
        best = p;
      }
    }
    return best;
  }

  private static DailyCount dailyCount(LocalDate date, BigDecimal count) {
    return new DailyCount(date, weekday(date), count);
  }

  private static List<HourlyStats> hourlyStats(List<MetricPoint> averages, List<MetricPoint> maxima) {
    Map<Instant, BigDecimal> avg = byTime(averages);
    Map<Instant, BigDecimal> max = byTime(maxima);
    List<HourlyStats> hourly = new ArrayList<>();
    for (Instant t : union(avg, max)) {
      hourly.add(new HourlyStats(t, avg.get(t), max.get(t)));
    }
    return hourly;
  }

  private static Map<Instant, BigDecimal> byTime(List<MetricPoint> points) {
    return points.stream().collect(Collectors.toMap(
        MetricPoint::timestamp, MetricPoint::value, (a, b) -> b, TreeMap::new));
  }

  @SafeVarargs
  private static SortedSet<Instant> union(Map<Instant, BigDecimal>... maps) {
    TreeSet<Instant> all = new TreeSet<>();
    for (Map<Instant, BigDecimal> m : maps) {
      all.addAll(m.keySet());
    }
    return all;
  }
}
