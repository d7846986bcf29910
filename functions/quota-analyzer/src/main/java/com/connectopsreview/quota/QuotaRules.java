package com.connectopsreview.quota;

import com.connectopsreview.shared.model.TimeWindow;
import com.connectopsreview.shared.sections.QuotaSection.DailyPoint;
import com.connectopsreview.shared.sections.QuotaSection.Growth;
import com.connectopsreview.shared.sections.QuotaSection.RowStatus;
import com.connectopsreview.shared.sections.QuotaSection.Thresholds;
import com.connectopsreview.shared.sections.QuotaSection.Trend;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The arithmetic of the quota component: usage bands and growth. Pure functions, no AWS. */
public final class QuotaRules {

  private static final BigDecimal SECONDS_PER_DAY = BigDecimal.valueOf(86_400);
  private static final BigDecimal DAYS_PER_WEEK = BigDecimal.valueOf(7);
  /** Growth within ±5 % between the halves is FLAT. */
  static final BigDecimal FLAT_BAND_PERCENT = BigDecimal.valueOf(5);

  private QuotaRules() {}

  /** A row's percentage (1 dp, or null) and status. */
  public record Evaluation(BigDecimal percentage, RowStatus status) {}

  /**
   * Bands usage against the limit. The rounded percentage decides, so a row shown as 98.0 % is
   * critical. A limit of 0 has no percentage: nothing used is normal, anything used is critical.
   * Usage above the limit (a lowered quota) is critical with its percentage above 100.
   */
  public static Evaluation evaluate(BigDecimal limit, BigDecimal usage, Thresholds thresholds) {
    if (limit == null) {
      return new Evaluation(null, RowStatus.LIMIT_UNKNOWN);
    }
    if (usage == null) {
      return new Evaluation(null, RowStatus.NOT_MEASURED);
    }
    if (limit.signum() == 0) {
      return new Evaluation(null, usage.signum() > 0 ? RowStatus.CRITICAL : RowStatus.NORMAL);
    }
    BigDecimal percentage = Numbers.percent(usage, limit);
    return new Evaluation(percentage, band(percentage, thresholds));
  }

  /** The status of a known percentage. */
  public static RowStatus band(BigDecimal percentage, Thresholds thresholds) {
    if (percentage.compareTo(thresholds.criticalPercent()) >= 0) {
      return RowStatus.CRITICAL;
    }
    return percentage.compareTo(thresholds.warnPercent()) >= 0 ? RowStatus.WARNING : RowStatus.NORMAL;
  }

  /** The highest point, the earliest one on a tie; null for an empty series. */
  public static DailyPoint peak(List<DailyPoint> series) {
    DailyPoint peak = null;
    for (DailyPoint p : series) {
      if (peak == null || p.value().compareTo(peak.value()) > 0) {
        peak = p;
      }
    }
    return peak;
  }

  /**
   * Growth of daily peaks between the first and second half of the window (split at its midpoint,
   * by datapoint timestamp). Only UTC days wholly inside the window count: a partial last day
   * (today, before its busy hours) would pull the second half down, a partial first day holds hours
   * from before the window. The trend is linear between the halves' means, which sit half a window
   * apart; "weeks until limit" extends it from the second half's centre to the window's end and
   * then on to the limit.
   */
  public static Growth growth(String key, String label, String metric, List<DailyPoint> daily, TimeWindow window,
      BigDecimal limit) {
    Instant mid = window.start().plus(window.length().dividedBy(2));
    List<DailyPoint> whole = daily.stream()
        .filter(p -> !p.day().isBefore(window.start()) && !p.day().plus(Duration.ofDays(1)).isAfter(window.end()))
        .toList();
    List<DailyPoint> first = whole.stream().filter(p -> p.day().isBefore(mid)).toList();
    List<DailyPoint> second = whole.stream().filter(p -> !p.day().isBefore(mid)).toList();
    if (first.isEmpty() || second.isEmpty()) {
      String note = daily.isEmpty() ? "no datapoints in the window"
          : whole.isEmpty() ? "no whole UTC day in the window"
          : "datapoints in only one half of the window (" + whole.size() + " whole day"
              + (whole.size() == 1 ? "" : "s") + ")";
      return new Growth(key, label, metric, first.size(), second.size(), null, null, null, null, null, note);
    }
    BigDecimal firstMean = mean(first);
    BigDecimal secondMean = mean(second);
    BigDecimal growthPercent = firstMean.signum() == 0 ? null
        : Numbers.percent(secondMean.subtract(firstMean), firstMean);
    Trend trend;
    if (growthPercent == null) {
      trend = secondMean.signum() > 0 ? Trend.RISING : Trend.FLAT;
    } else {
      // Day-to-day noise moves the halves a little either way: that is no trend to act on.
      trend = growthPercent.compareTo(FLAT_BAND_PERCENT) > 0 ? Trend.RISING
          : growthPercent.compareTo(FLAT_BAND_PERCENT.negate()) < 0 ? Trend.DECLINING : Trend.FLAT;
    }
    BigDecimal weeks = null;
    if (trend == Trend.RISING && limit != null && limit.signum() > 0) {
      weeks = weeksUntil(limit, firstMean, secondMean, window.length());
    }
    return new Growth(key, label, metric, first.size(), second.size(), scale2(firstMean), scale2(secondMean),
        growthPercent, trend, weeks, null);
  }

  private static BigDecimal weeksUntil(BigDecimal limit, BigDecimal firstMean, BigDecimal secondMean,
      Duration windowLength) {
    BigDecimal halfDays = new BigDecimal(windowLength.toSeconds())
        .divide(SECONDS_PER_DAY, MathContext.DECIMAL64)
        .divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
    BigDecimal perDay = secondMean.subtract(firstMean).divide(halfDays, MathContext.DECIMAL64);
    BigDecimal atEnd = secondMean.add(perDay.multiply(halfDays.divide(BigDecimal.valueOf(2), MathContext.DECIMAL64)));
    if (atEnd.compareTo(limit) >= 0) {
      return BigDecimal.ZERO.setScale(1);
    }
    return limit.subtract(atEnd).divide(perDay.multiply(DAYS_PER_WEEK), 1, RoundingMode.HALF_UP);
  }

  private static BigDecimal mean(List<DailyPoint> points) {
    BigDecimal sum = points.stream().map(DailyPoint::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    return sum.divide(BigDecimal.valueOf(points.size()), MathContext.DECIMAL64);
  }

  private static BigDecimal scale2(BigDecimal value) {
    return value.setScale(2, RoundingMode.HALF_UP);
  }
}
