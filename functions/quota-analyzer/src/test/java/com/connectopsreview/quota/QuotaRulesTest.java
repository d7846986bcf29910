package com.connectopsreview.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.quota.QuotaRules.Evaluation;
import com.connectopsreview.shared.sections.QuotaSection.DailyPoint;
import com.connectopsreview.shared.sections.QuotaSection.Growth;
import com.connectopsreview.shared.sections.QuotaSection.RowStatus;
import com.connectopsreview.shared.sections.QuotaSection.Thresholds;
import com.connectopsreview.shared.sections.QuotaSection.Trend;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaRulesTest {

  private static final Thresholds DEFAULT = ThresholdOptions.DEFAULT;

  // ---- bands ----

  @Test
  void evaluate_bandsByTheRoundedPercentage() {
    assertEquals(new Evaluation(new BigDecimal("85.0"), RowStatus.WARNING), eval(100, 85));
    assertEquals(new Evaluation(new BigDecimal("79.9"), RowStatus.NORMAL), eval(10_000, 7_994));
    assertEquals(new Evaluation(new BigDecimal("80.0"), RowStatus.WARNING), eval(10_000, 7_995));
    // 97.96 % is shown as 98.0 % and therefore critical
    assertEquals(new Evaluation(new BigDecimal("98.0"), RowStatus.CRITICAL), eval(10_000, 9_796));
    assertEquals(new Evaluation(new BigDecimal("99.0"), RowStatus.CRITICAL), eval(500, 495));
    assertEquals(new Evaluation(new BigDecimal("0.0"), RowStatus.NORMAL), eval(500, 0));
  }

  @Test
  void evaluate_usageAboveTheLimit_isCriticalAbove100Percent() {
    assertEquals(new Evaluation(new BigDecimal("120.0"), RowStatus.CRITICAL), eval(50, 60));
  }

  @Test
  void evaluate_limitZero_hasNoPercentage_criticalOnlyWhenSomethingIsUsed() {
    assertEquals(new Evaluation(null, RowStatus.NORMAL), eval(0, 0));
    assertEquals(new Evaluation(null, RowStatus.CRITICAL), eval(0, 3));
  }

  @Test
  void evaluate_unknownLimitOrUsage_isNeverBanded() {
    assertEquals(new Evaluation(null, RowStatus.LIMIT_UNKNOWN), QuotaRules.evaluate(null, BigDecimal.TEN, DEFAULT));
    assertEquals(new Evaluation(null, RowStatus.LIMIT_UNKNOWN), QuotaRules.evaluate(null, null, DEFAULT));
    assertEquals(new Evaluation(null, RowStatus.NOT_MEASURED), QuotaRules.evaluate(BigDecimal.TEN, null, DEFAULT));
  }

  @Test
  void evaluate_withConfiguredThresholds() {
    Thresholds custom = ThresholdOptions.fromOptions(Map.of("warnPercent", "50", "criticalPercent", "70"));
    assertEquals(RowStatus.NORMAL, QuotaRules.evaluate(BigDecimal.valueOf(100), BigDecimal.valueOf(49), custom)
        .status());
    assertEquals(RowStatus.WARNING, QuotaRules.evaluate(BigDecimal.valueOf(100), BigDecimal.valueOf(60), custom)
        .status());
    assertEquals(RowStatus.CRITICAL, QuotaRules.evaluate(BigDecimal.valueOf(100), BigDecimal.valueOf(70), custom)
        .status());
  }

  // ---- thresholds ----

  @Test
  void thresholds_defaultsAndOptions() {
    assertEquals(new Thresholds(BigDecimal.valueOf(80), BigDecimal.valueOf(90), BigDecimal.valueOf(98)),
        ThresholdOptions.fromOptions(Map.of()));
    Thresholds high = ThresholdOptions.fromOptions(Map.of("warnPercent", "92.5"));
    assertEquals(new BigDecimal("92.5"), high.highPercent(), "HIGH band starts no lower than the warning band");
    Thresholds low = ThresholdOptions.fromOptions(Map.of("warnPercent", "60", "criticalPercent", "85"));
    assertEquals(BigDecimal.valueOf(85), low.highPercent(), "HIGH band starts no higher than the critical band");
    assertEquals(BigDecimal.valueOf(75),
        ThresholdOptions.fromOptions(Map.of("warnPercent", "60", "highPercent", "75")).highPercent());
  }

  @Test
  void thresholds_badOptionsAreRejectedNamingTheOption() {
    IllegalArgumentException notNumber = assertThrows(IllegalArgumentException.class,
        () -> ThresholdOptions.fromOptions(Map.of("criticalPercent", "ninety")));
    assertTrue(notNumber.getMessage().contains("criticalPercent") && notNumber.getMessage().contains("'ninety'"),
        notNumber.getMessage());
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> ThresholdOptions.fromOptions(Map.of("warnPercent", "-5")));
    assertTrue(negative.getMessage().contains("warnPercent"), negative.getMessage());
    IllegalArgumentException inverted = assertThrows(IllegalArgumentException.class,
        () -> ThresholdOptions.fromOptions(Map.of("warnPercent", "99", "criticalPercent", "95")));
    assertTrue(inverted.getMessage().contains("warnPercent <= highPercent <= criticalPercent"), inverted.getMessage());
  }

  // ---- peak ----

  @Test
  void peak_ofNothingIsNull_andTiesKeepTheEarliestDay() {
    assertNull(QuotaRules.peak(List.of()));
    List<DailyPoint> series = List.of(point(10, 5), point(11, 9), point(12, 9), point(13, 2));
    assertEquals(point(11, 9), QuotaRules.peak(series));
  }

  // ---- growth ----

  @Test
  void growth_withoutDatapoints_saysSo() {
    Growth growth = growth(List.of(), BigDecimal.valueOf(100));
    assertNull(growth.trend());
    assertNull(growth.growthPercent());
    assertNull(growth.weeksUntilLimit());
    assertEquals("no datapoints in the window", growth.note());
  }

  @Test
  void growth_ofASingleDay_cannotCompareHalves() {
    Growth growth = growth(List.of(point(20, 12)), BigDecimal.valueOf(100));
    assertNull(growth.trend());
    assertEquals(0, growth.firstHalfDays());
    assertEquals(1, growth.secondHalfDays());
    assertEquals("datapoints in only one half of the window (1 whole day)", growth.note());
  }

  @Test
  void growth_rising_estimatesWeeksUntilTheLimitFromTheWindowsEnd_overWholeDaysOnly() {
    // Window Nov 9 09:00 .. Nov 23 09:00, midpoint Nov 16 09:00. Nov 9 (starts before the window) and
    // Nov 23 (ends after it) are partial days and left out: Nov 10–16 are the first half, Nov 17–22 the second.
    List<DailyPoint> daily = new ArrayList<>();
    double[] values = {5, 42, 44, 46, 48, 50, 52, 54, 56, 58, 60, 62, 64, 66, 1};
    for (int i = 0; i < values.length; i++) {
      daily.add(point(9 + i, values[i]));
    }

    Growth growth = growth(daily, BigDecimal.valueOf(100));

    double firstMean = 48;  // (42 + … + 54) / 7
    double secondMean = 61; // (56 + … + 66) / 6
    double halfDays = 7;    // 14-day window
    double perDay = (secondMean - firstMean) / halfDays;
    double atEnd = secondMean + perDay * halfDays / 2;
    double weeks = (100 - atEnd) / (perDay * 7);
    assertEquals(Trend.RISING, growth.trend());
    assertEquals(7, growth.firstHalfDays());
    assertEquals(6, growth.secondHalfDays());
    assertEquals(new BigDecimal("48.00"), growth.firstHalfMean());
    assertEquals(new BigDecimal("61.00"), growth.secondHalfMean());
    assertEquals(oneDp((secondMean - firstMean) / firstMean * 100), growth.growthPercent());
    assertEquals(oneDp(weeks), growth.weeksUntilLimit());
    assertEquals(new BigDecimal("2.5"), growth.weeksUntilLimit()); // 32.5 to go at 13 per week
  }

  @Test
  void growth_ofPartialDaysOnly_saysSo() {
    Growth growth = growth(List.of(point(9, 40), point(23, 60)), BigDecimal.valueOf(100));
    assertNull(growth.trend());
    assertEquals("no whole UTC day in the window", growth.note());
  }

  @Test
  void growth_risingWithoutAKnownLimit_hasNoWeeks_andAtTheLimitZeroWeeks() {
    List<DailyPoint> daily = List.of(point(10, 10), point(20, 30));
    assertNull(growth(daily, null).weeksUntilLimit());
    assertNull(growth(daily, BigDecimal.ZERO).weeksUntilLimit());
    assertEquals(new BigDecimal("0.0"), growth(daily, BigDecimal.valueOf(30)).weeksUntilLimit());
    assertEquals(new BigDecimal("200.0"), growth(daily, BigDecimal.valueOf(30)).growthPercent());
  }

  @Test
  void growth_fromZero_isRisingWithoutAPercentage() {
    Growth growth = growth(List.of(point(10, 0), point(20, 4)), BigDecimal.valueOf(100));
    assertEquals(Trend.RISING, growth.trend());
    assertNull(growth.growthPercent());
  }

  @Test
  void growth_declining_andFlat() {
    Growth declining = growth(List.of(point(10, 50), point(20, 30)), BigDecimal.valueOf(100));
    assertEquals(Trend.DECLINING, declining.trend());
    assertEquals(new BigDecimal("-40.0"), declining.growthPercent());
    assertNull(declining.weeksUntilLimit());
    Growth flat = growth(List.of(point(10, 30), point(20, 30)), BigDecimal.valueOf(100));
    assertEquals(Trend.FLAT, flat.trend());
    assertEquals(new BigDecimal("0.0"), flat.growthPercent());
  }

  @Test
  void growth_withinFivePercent_isFlatNoise_andJustBeyondIsATrend() {
    // 100 → 105 is +5.0 %: still flat; 100 → 105.1 is +5.1 %: rising; 100 → 94.9 is −5.1 %: declining.
    assertEquals(Trend.FLAT, growth(List.of(point(10, 100), point(20, 105)), BigDecimal.valueOf(1000)).trend());
    assertNull(growth(List.of(point(10, 100), point(20, 105)), BigDecimal.valueOf(1000)).weeksUntilLimit());
    assertEquals(Trend.RISING, growth(List.of(point(10, 100), point(20, 105.1)), BigDecimal.valueOf(1000)).trend());
    assertEquals(Trend.FLAT, growth(List.of(point(10, 100), point(20, 95)), BigDecimal.valueOf(1000)).trend());
    assertEquals(Trend.DECLINING, growth(List.of(point(10, 100), point(20, 94.9)), BigDecimal.valueOf(1000)).trend());
    assertEquals(Trend.FLAT, growth(List.of(point(10, 0), point(20, 0)), BigDecimal.valueOf(1000)).trend());
  }

  // ---- helpers ----

  private static Evaluation eval(long limit, long usage) {
    return QuotaRules.evaluate(BigDecimal.valueOf(limit), BigDecimal.valueOf(usage), DEFAULT);
  }

  private static Growth growth(List<DailyPoint> daily, BigDecimal limit) {
    return QuotaRules.growth("CONCURRENT_CALLS", "Concurrent active calls per instance", "ConcurrentCalls", daily,
        Fixtures.WINDOW, limit);
  }

  static DailyPoint point(int novemberDay, double value) {
    return new DailyPoint(Instant.parse("2026-11-%02dT00:00:00Z".formatted(novemberDay)), Numbers.exact(value));
  }

  private static BigDecimal oneDp(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
  }
}
