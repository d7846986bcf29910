package com.connectopsreview.metrics;

import com.connectopsreview.shared.cloudwatch.MetricDataReader.Datapoint;
import com.connectopsreview.shared.sections.MetricsSection.CallsPerInterval;
import com.connectopsreview.shared.sections.MetricsSection.ConcurrentCalls;
import com.connectopsreview.shared.sections.MetricsSection.DailyCount;
import com.connectopsreview.shared.sections.MetricsSection.HourlyCalls;
import com.connectopsreview.shared.sections.MetricsSection.HourlyCount;
import com.connectopsreview.shared.sections.MetricsSection.HourlyStats;
import com.connectopsreview.shared.sections.MetricsSection.MissedCalls;
import com.connectopsreview.shared.sections.MetricsSection.QueueSize;
import com.connectopsreview.shared.sections.MetricsSection.ThrottleBand;
import com.connectopsreview.shared.sections.MetricsSection.ThrottledCalls;
import com.connectopsreview.shared.sections.MetricsSection.WeekOverWeek;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.ChronoUnit;
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
  private static final Duration WEEK = Duration.ofDays(7);

  private MetricStatistics() {}

  // ---- concurrent calls (checklist C 44) ----

  /** Hourly Average and Maximum of ConcurrentCalls: period average, absolute peak and its hour. */
  static ConcurrentCalls concurrentCalls(List<Datapoint> averages, List<Datapoint> maxima) {
    List<HourlyStats> hourly = hourlyStats(averages, maxima);
    Datapoint peak = firstMax(maxima);
    return new ConcurrentCalls(hourly, mean(values(averages)), peak == null ? null : peak.value(),
        peak == null ? null : peak.timestamp(), hourly.size());
  }

  // ---- missed calls (checklist C 45, 46, 52) ----

  /**
   * Hourly Sums of MissedCalls over {@code [from, to)}, summed per UTC day.
   *
   * @param from the start of the series (the window's start down to the hour)
   * @param to the window's end
   */
  static MissedCalls missedCalls(List<Datapoint> hourly, Instant from, Instant to) {
    List<DailyCount> days = daily(hourly, from, to);
    BigDecimal total = sum(values(hourly));
    if (days.isEmpty()) {
      return new MissedCalls(List.of(), total, 0, null, null, null, null, null, "no datapoints", List.of());
    }
    List<DailyCount> complete = days.stream().filter(DailyCount::complete).toList();
    List<BigDecimal> counts = complete.stream().map(DailyCount::count).toList();
    BigDecimal median = median(counts);
    DailyCount highest = complete.stream().reduce((a, b) -> b.count().compareTo(a.count()) > 0 ? b : a).orElse(null);
    DailyCount lowest = complete.stream().reduce((a, b) -> b.count().compareTo(a.count()) < 0 ? b : a).orElse(null);

    WeekOverWeek weekOverWeek = null;
    List<String> notes = new ArrayList<>();
    if (complete.isEmpty()) {
      notes.add("no complete UTC day in the window, so no daily statistics");
    }
    Instant lastWeekEnd = to.truncatedTo(ChronoUnit.HOURS);
    Instant lastWeekStart = lastWeekEnd.minus(WEEK);
    Instant previousWeekStart = lastWeekStart.minus(WEEK);
    if (previousWeekStart.isBefore(from)) {
      notes.add("the window is shorter than 14 days, so no week-over-week comparison");
    } else {
      BigDecimal previous = sumBetween(hourly, previousWeekStart, lastWeekStart);
      BigDecimal last = sumBetween(hourly, lastWeekStart, lastWeekEnd);
      BigDecimal change = null;
      String trend;
      if (previous.signum() == 0) {
        trend = last.signum() == 0 ? "STABLE" : "RISING";
        if (last.signum() != 0) {
          notes.add("no missed calls in the previous week, so no percentage");
        }
        change = last.signum() == 0 ? BigDecimal.ZERO.setScale(1) : null;
      } else {
        change = last.subtract(previous).multiply(HUNDRED).divide(previous, 1, RoundingMode.HALF_UP);
        trend = change.compareTo(TREND_BAND) >= 0 ? "RISING"
            : change.compareTo(TREND_BAND.negate()) <= 0 ? "FALLING" : "STABLE";
      }
      weekOverWeek = new WeekOverWeek(previousWeekStart, previous, lastWeekStart, lastWeekEnd, last, change, trend);
    }

    List<DailyCount> spikes = new ArrayList<>();
    if (complete.size() >= SPIKE_MIN_DAYS) {
      BigDecimal threshold = median.multiply(SPIKE_FACTOR).max(SPIKE_MINIMUM);
      complete.stream().filter(d -> d.count().compareTo(threshold) >= 0).forEach(spikes::add);
    }
    return new MissedCalls(days, total, complete.size(), mean(counts), median, highest, lowest, weekOverWeek,
        notes.isEmpty() ? null : String.join("; ", notes), spikes);
  }

  // ---- throttled calls (checklist C 47, 48) ----

  /**
   * Hourly Sums of ThrottledCalls over {@code [from, to)}. No datapoints: total 0, band NONE
   * (upstream: Excellent).
   */
  static ThrottledCalls throttledCalls(List<Datapoint> hourly, Instant from, Instant to) {
    List<HourlyCount> hours = hourly.stream().map(p -> new HourlyCount(p.timestamp(), p.value())).toList();
    BigDecimal total = sum(values(hourly));
    ThrottleBand band = ThrottleBands.of(total);
    Datapoint max = firstMax(hourly);
    int withThrottling = (int) hourly.stream().filter(p -> p.value().signum() > 0).count();
    List<DailyCount> daily = daily(hourly, from, to);
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
  static QueueSize queueSize(String queueName, List<Datapoint> averages, List<Datapoint> maxima) {
    List<HourlyStats> hourly = hourlyStats(averages, maxima);
    Datapoint peak = firstMax(maxima);
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

  static CallsPerInterval callsPerInterval(List<Datapoint> sums, List<Datapoint> averages,
      List<Datapoint> maxima) {
    Map<Instant, BigDecimal> sum = byTime(sums);
    Map<Instant, BigDecimal> avg = byTime(averages);
    Map<Instant, BigDecimal> max = byTime(maxima);
    TreeMap<Instant, HourlyCalls> hours = new TreeMap<>();
    for (Instant t : union(sum, avg, max)) {
      hours.put(t, new HourlyCalls(t, sum.get(t), avg.get(t), max.get(t)));
    }
    BigDecimal total = sum(values(sums));
    Datapoint peak = firstMax(sums);
    Datapoint maxSample = firstMax(maxima);
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

  private static List<BigDecimal> values(List<Datapoint> points) {
    return points.stream().map(Datapoint::value).toList();
  }

  /** The largest value; the earliest of equal ones. Null for an empty series. */
  private static Datapoint firstMax(List<Datapoint> points) {
    Datapoint best = null;
    for (Datapoint p : points) {
      if (best == null || p.value().compareTo(best.value()) > 0
          || (p.value().compareTo(best.value()) == 0 && p.timestamp().isBefore(best.timestamp()))) {
        best = p;
      }
    }
    return best;
  }

  /** Hourly points summed per UTC day, oldest first; a day is complete when [00:00, 24:00) lies in [from, to). */
  private static List<DailyCount> daily(List<Datapoint> hourly, Instant from, Instant to) {
    TreeMap<LocalDate, BigDecimal> byDay = new TreeMap<>();
    hourly.forEach(p -> byDay.merge(day(p.timestamp()), p.value(), BigDecimal::add));
    List<DailyCount> days = new ArrayList<>();
    byDay.forEach((date, count) -> {
      Instant start = date.atStartOfDay(ZoneOffset.UTC).toInstant();
      boolean complete = !start.isBefore(from) && !start.plus(Duration.ofDays(1)).isAfter(to);
      days.add(new DailyCount(date, weekday(date), count, complete));
    });
    return days;
  }

  private static BigDecimal sumBetween(List<Datapoint> points, Instant from, Instant to) {
    return sum(points.stream().filter(p -> !p.timestamp().isBefore(from) && p.timestamp().isBefore(to))
        .map(Datapoint::value).toList());
  }

  private static List<HourlyStats> hourlyStats(List<Datapoint> averages, List<Datapoint> maxima) {
    Map<Instant, BigDecimal> avg = byTime(averages);
    Map<Instant, BigDecimal> max = byTime(maxima);
    List<HourlyStats> hourly = new ArrayList<>();
    for (Instant t : union(avg, max)) {
      hourly.add(new HourlyStats(t, avg.get(t), max.get(t)));
    }
    return hourly;
  }

  private static Map<Instant, BigDecimal> byTime(List<Datapoint> points) {
    return points.stream().collect(Collectors.toMap(
        Datapoint::timestamp, Datapoint::value, (a, b) -> b, TreeMap::new));
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
