package com.connectopsreview.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.cloudwatch.MetricDataReader;
import com.connectopsreview.shared.cloudwatch.MetricDataReader.Datapoint;
import com.connectopsreview.shared.sections.MetricsSection.CallsPerInterval;
import com.connectopsreview.shared.sections.MetricsSection.ConcurrentCalls;
import com.connectopsreview.shared.sections.MetricsSection.DailyCount;
import com.connectopsreview.shared.sections.MetricsSection.HourlyCount;
import com.connectopsreview.shared.sections.MetricsSection.MissedCalls;
import com.connectopsreview.shared.sections.MetricsSection.QueueSize;
import com.connectopsreview.shared.sections.MetricsSection.ThrottleBand;
import com.connectopsreview.shared.sections.MetricsSection.ThrottledCalls;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every expected value below is worked out by hand in the comment next to it. */
class MetricStatisticsTest {

  private static final Instant H10 = Instant.parse("2026-11-10T10:00:00Z");
  private static final LocalDate NOV_9 = LocalDate.parse("2026-11-09");
  private static final LocalDate NOV_22 = LocalDate.parse("2026-11-22");
  private static final Instant NOV_10_MIDNIGHT = Instant.parse("2026-11-10T00:00:00Z");
  /** A 14-day window as the analyzer reads it: from the start's hour to the end. */
  private static final Instant FROM = Instant.parse("2026-11-09T10:00:00Z");
  private static final Instant TO = Instant.parse("2026-11-23T10:20:00Z");

  // ---- concurrent calls ----

  @Test
  void concurrentCalls_averagesTheHourlyAveragesAndTakesTheEarliestOfEqualPeaks() {
    ConcurrentCalls c = MetricStatistics.concurrentCalls(
        List.of(p(H10, "2"), p(hour(1), "3.5"), p(hour(2), "4")),
        List.of(p(H10, "5"), p(hour(1), "9"), p(hour(2), "9")));

    assertEquals(bd("3.17"), c.periodAverage()); // (2 + 3.5 + 4) / 3 = 3.1666… → 3.17
    assertEquals(bd("9"), c.absolutePeak());
    assertEquals(hour(1), c.peakHour()); // 9 at 11:00 and at 12:00: the earlier wins
    assertEquals(3, c.dataPoints());
    assertEquals(bd("3.5"), c.hourly().get(1).average());
  }

  @Test
  void concurrentCalls_withoutDatapoints_hasNoAverageNoPeakAndZeroPoints() {
    ConcurrentCalls c = MetricStatistics.concurrentCalls(List.of(), List.of());

    assertNull(c.periodAverage());
    assertNull(c.absolutePeak());
    assertNull(c.peakHour());
    assertEquals(0, c.dataPoints());
  }

  @Test
  void concurrentCalls_whenAnHourHasOnlyItsMaximum_keepsTheHourWithoutAverage() {
    ConcurrentCalls c = MetricStatistics.concurrentCalls(List.of(p(H10, "1")), List.of(p(H10, "2"), p(hour(3), "7")));

    assertEquals(2, c.dataPoints());
    assertNull(c.hourly().get(1).average());
    assertEquals(bd("7"), c.hourly().get(1).maximum());
    assertEquals(bd("1.00"), c.periodAverage());
    assertEquals(hour(3), c.peakHour());
  }

  // ---- missed calls ----

  @Test
  void missedCalls_overTwoWeeks_computesEveryStatisticOverCompleteDaysAndWeeksByTheHour() {
    // Window Nov 9 10:00 → Nov 23 10:20: Nov 9 and Nov 23 are partial days, Nov 10..22 complete.
    List<Datapoint> hourly = new ArrayList<>();
    hourly.add(p(NOV_9.atTime(12, 0), 4));
    int[] complete = {6, 5, 5, 7, 3, 5, 6, 5, 60, 4, 6, 5, 5}; // Nov 10..22 at 12:00
    for (int i = 0; i < complete.length; i++) {
      hourly.add(p(NOV_9.plusDays(1 + i).atTime(12, 0), complete[i]));
    }
    hourly.add(p(LocalDateTime.parse("2026-11-16T08:00"), 2)); // before 10:00: still the previous week
    hourly.add(p(LocalDateTime.parse("2026-11-23T09:00"), 1));
    hourly.add(p(LocalDateTime.parse("2026-11-23T10:00"), 1)); // the partial last hour: in no week
    hourly.sort(java.util.Comparator.comparing(Datapoint::timestamp));

    MissedCalls m = MetricStatistics.missedCalls(hourly, FROM, TO);

    assertEquals(bd("130"), m.total()); // 4 + (6+5+5+7+3+5) 31 + (6+2) 8 + (5+60+4+6+5+5) 85 + 2
    assertEquals(13, m.completeDays());
    assertEquals(bd("9.54"), m.mean()); // (31 + 8 + 85) 124 / 13 = 9.538…
    // sorted: 3 4 5 5 5 5 [5] 5 6 6 7 8 60 → the 7th of 13
    assertEquals(bd("5"), m.median());
    assertEquals(new DailyCount(LocalDate.parse("2026-11-18"), "Wednesday", bd("60"), true), m.highest());
    // Nov 23 has only 2, but it is a partial day: the lowest complete day is Nov 14 with 3
    assertEquals(new DailyCount(LocalDate.parse("2026-11-14"), "Saturday", bd("3"), true), m.lowest());
    assertEquals(FROM, m.weekOverWeek().previousWeekStart());
    assertEquals(bd("37"), m.weekOverWeek().previousWeek()); // 4 + 31 + 2
    assertEquals(Instant.parse("2026-11-16T10:00:00Z"), m.weekOverWeek().lastWeekStart());
    assertEquals(Instant.parse("2026-11-23T10:00:00Z"), m.weekOverWeek().lastWeekEnd());
    assertEquals(bd("92"), m.weekOverWeek().lastWeek()); // 6 + 85 + 1
    assertEquals(bd("148.6"), m.weekOverWeek().changePercent()); // (92 − 37) / 37 = 1.48648…
    assertEquals("RISING", m.weekOverWeek().trend());
    assertNull(m.weekOverWeekNote());
    // threshold max(3 × median 5, 10) = 15: only the 60
    assertEquals(List.of(LocalDate.parse("2026-11-18")), m.spikeDays().stream().map(DailyCount::date).toList());
    assertEquals(15, m.daily().size());
    assertEquals(new DailyCount(NOV_9, "Monday", bd("4"), false), m.daily().get(0));
    assertEquals(new DailyCount(LocalDate.parse("2026-11-16"), "Monday", bd("8"), true), m.daily().get(7));
    assertEquals(new DailyCount(LocalDate.parse("2026-11-23"), "Monday", bd("2"), false), m.daily().get(14));
  }

  @Test
  void missedCalls_withGaps_averagesOverDaysWithDataAndCountsMissingHoursAsZeroInTheWeeks() {
    List<Datapoint> hourly = List.of(p(NOV_9.plusDays(1).atTime(12, 0), 10), p(NOV_9.plusDays(3).atTime(12, 0), 20),
        p(NOV_9.plusDays(11).atTime(12, 0), 12));

    MissedCalls m = MetricStatistics.missedCalls(hourly, FROM, TO);

    assertEquals(bd("42"), m.total());
    assertEquals(3, m.completeDays());
    assertEquals(bd("14.00"), m.mean()); // 42 / 3
    assertEquals(bd("12"), m.median()); // 10 [12] 20
    assertEquals(bd("30"), m.weekOverWeek().previousWeek()); // 10 + 20
    assertEquals(bd("12"), m.weekOverWeek().lastWeek());
    assertEquals(bd("-60.0"), m.weekOverWeek().changePercent()); // (12 − 30) / 30
    assertEquals("FALLING", m.weekOverWeek().trend());
    // threshold max(3 × 12, 10) = 36: none
    assertTrue(m.spikeDays().isEmpty());
  }

  @Test
  void missedCalls_singleDay_hasItsValueAsEveryStatisticAndNoWeekComparison() {
    LocalDate day = LocalDate.parse("2026-11-22");
    Instant from = day.atStartOfDay(ZoneOffset.UTC).toInstant();

    MissedCalls m = MetricStatistics.missedCalls(List.of(p(day.atTime(12, 0), 7)), from, from.plusSeconds(86_400));

    assertEquals(bd("7"), m.total());
    assertEquals(1, m.completeDays());
    assertEquals(bd("7.00"), m.mean());
    assertEquals(bd("7"), m.median());
    assertEquals(day, m.highest().date());
    assertEquals(day, m.lowest().date());
    assertEquals("Sunday", m.highest().weekday());
    assertNull(m.weekOverWeek());
    assertEquals("the window is shorter than 14 days, so no week-over-week comparison", m.weekOverWeekNote());
    assertTrue(m.spikeDays().isEmpty()); // a spike needs at least 3 days to compare with
  }

  @Test
  void missedCalls_oneDayWindowAcrossMidnight_hasATotalButNoDailyStatistics() {
    Instant from = Instant.parse("2026-11-22T10:00:00Z");
    List<Datapoint> hourly = List.of(p(LocalDateTime.parse("2026-11-22T12:00"), 3),
        p(LocalDateTime.parse("2026-11-23T08:00"), 2));

    MissedCalls m = MetricStatistics.missedCalls(hourly, from, Instant.parse("2026-11-23T10:20:00Z"));

    assertEquals(bd("5"), m.total());
    assertEquals(0, m.completeDays());
    assertEquals(2, m.daily().size());
    assertFalse(m.daily().get(0).complete());
    assertNull(m.mean());
    assertNull(m.median());
    assertNull(m.highest());
    assertNull(m.lowest());
    assertTrue(m.spikeDays().isEmpty());
    assertEquals("no complete UTC day in the window, so no daily statistics; "
        + "the window is shorter than 14 days, so no week-over-week comparison", m.weekOverWeekNote());
  }

  @Test
  void missedCalls_withoutDatapoints_isZeroWithoutStatistics() {
    MissedCalls m = MetricStatistics.missedCalls(List.of(), FROM, TO);

    assertEquals(BigDecimal.ZERO, m.total());
    assertEquals(0, m.completeDays());
    assertNull(m.mean());
    assertNull(m.median());
    assertNull(m.highest());
    assertNull(m.weekOverWeek());
    assertTrue(m.daily().isEmpty());
  }

  @Test
  void missedCalls_ties_goToTheEarliestDayAndAnEvenCountAveragesTheMiddlePair() {
    // Nov 10: 8, Nov 11: 3, Nov 12: 8, Nov 13: 3 → sorted 3 3 8 8 → median (3 + 8) / 2 = 5.5
    List<Datapoint> hourly = List.of(p(NOV_9.plusDays(1).atTime(12, 0), 8), p(NOV_9.plusDays(2).atTime(12, 0), 3),
        p(NOV_9.plusDays(3).atTime(12, 0), 8), p(NOV_9.plusDays(4).atTime(12, 0), 3));

    MissedCalls m = MetricStatistics.missedCalls(hourly, FROM, TO);

    assertEquals(bd("5.5"), m.median());
    assertEquals(NOV_9.plusDays(1), m.highest().date());
    assertEquals(NOV_9.plusDays(2), m.lowest().date());
    // previous week 8 + 3 + 8 + 3 = 22, last week 0 → −100 %
    assertEquals(bd("-100.0"), m.weekOverWeek().changePercent());
  }

  @Test
  void missedCalls_whenThePreviousWeekHadNone_hasNoPercentageButARisingTrend() {
    MissedCalls m = MetricStatistics.missedCalls(List.of(p(NOV_22.atTime(12, 0), 4)), FROM, TO);

    assertNull(m.weekOverWeek().changePercent());
    assertEquals("RISING", m.weekOverWeek().trend());
    assertEquals("no missed calls in the previous week, so no percentage", m.weekOverWeekNote());
  }

  @Test
  void missedCalls_withAZeroMedian_flagsDaysFromTheMinimumOn() {
    // 0 0 0 12 → median 0, threshold max(0, 10) = 10
    List<Datapoint> hourly = List.of(p(NOV_9.plusDays(1).atTime(12, 0), 0), p(NOV_9.plusDays(2).atTime(12, 0), 0),
        p(NOV_9.plusDays(3).atTime(12, 0), 0), p(NOV_9.plusDays(4).atTime(12, 0), 12));

    MissedCalls m = MetricStatistics.missedCalls(hourly, FROM, TO);

    assertEquals(List.of(NOV_9.plusDays(4)), m.spikeDays().stream().map(DailyCount::date).toList());
  }

  // ---- throttled calls ----

  @Test
  void throttledCalls_sumsRanksTheTopFivePeakHoursAndBreaksDownByDay() {
    Instant nextDay = H10.plusSeconds(86_400);
    List<Datapoint> hourly = List.of(p(H10, "0"), p(hour(1), "3"), p(hour(2), "10"), p(hour(3), "0"),
        p(nextDay, "2"), p(nextDay.plusSeconds(3600), "10"), p(nextDay.plusSeconds(7200), "1"),
        p(nextDay.plusSeconds(10_800), "4"));

    // Nov 10 lies wholly in [Nov 10 00:00, Nov 11 14:00); Nov 11 does not.
    ThrottledCalls t = MetricStatistics.throttledCalls(hourly, NOV_10_MIDNIGHT, nextDay.plusSeconds(4 * 3600));

    assertEquals(bd("30"), t.total()); // 3 + 10 + 2 + 10 + 1 + 4
    assertEquals(ThrottleBand.MODERATE, t.band());
    assertEquals("Moderate", t.severity());
    assertEquals(bd("10"), t.maxHourly());
    assertEquals(bd("3.75"), t.avgHourly()); // 30 / 8 hours
    assertEquals(6, t.hoursWithThrottling());
    assertEquals(8, t.hoursAnalyzed());
    assertEquals(List.of(new HourlyCount(hour(2), bd("10")), new HourlyCount(nextDay.plusSeconds(3600), bd("10")),
        new HourlyCount(nextDay.plusSeconds(10_800), bd("4")), new HourlyCount(hour(1), bd("3")),
        new HourlyCount(nextDay, bd("2"))), t.peakHours()); // the 1 is sixth
    assertEquals(List.of(new DailyCount(LocalDate.parse("2026-11-10"), "Tuesday", bd("13"), true),
        new DailyCount(LocalDate.parse("2026-11-11"), "Wednesday", bd("17"), false)), t.daily());
    assertEquals(MetricStatistics.THROTTLING_RECOMMENDATIONS, t.recommendations());
    assertEquals(7, t.recommendations().size());
  }

  @Test
  void throttledCalls_withoutDatapoints_isExcellentWithNothingToRecommend() {
    ThrottledCalls t = MetricStatistics.throttledCalls(List.of(), FROM, TO);

    assertEquals(BigDecimal.ZERO, t.total());
    assertEquals(ThrottleBand.NONE, t.band());
    assertEquals("Excellent", t.severity());
    assertEquals(bd("0.00"), t.avgHourly());
    assertEquals(0, t.hoursAnalyzed());
    assertTrue(t.peakHours().isEmpty());
    assertTrue(t.recommendations().isEmpty());
  }

  @Test
  void throttledCalls_atHighOrCritical_putsImmediateActionFirst() {
    ThrottledCalls t = MetricStatistics.throttledCalls(List.of(p(H10, "100")), FROM, TO);

    assertEquals(ThrottleBand.HIGH, t.band());
    assertEquals(8, t.recommendations().size());
    assertEquals(MetricStatistics.IMMEDIATE_ACTION, t.recommendations().get(0));
  }

  @Test
  void throttleBand_boundaries() {
    assertEquals(ThrottleBand.NONE, ThrottleBands.of(bd("0")));
    assertEquals(ThrottleBand.LOW, ThrottleBands.of(bd("1")));
    assertEquals(ThrottleBand.LOW, ThrottleBands.of(bd("9")));
    assertEquals(ThrottleBand.MODERATE, ThrottleBands.of(bd("10")));
    assertEquals(ThrottleBand.MODERATE, ThrottleBands.of(bd("99")));
    assertEquals(ThrottleBand.HIGH, ThrottleBands.of(bd("100")));
    assertEquals(ThrottleBand.HIGH, ThrottleBands.of(bd("999")));
    assertEquals(ThrottleBand.CRITICAL, ThrottleBands.of(bd("1000")));
  }

  // ---- queue size ----

  @Test
  void rankQueues_putsTheWorstFirstNoDataLastAndMarksTheHotQueue() {
    QueueSize quiet = MetricStatistics.queueSize("Billing", List.of(p(H10, "1"), p(hour(1), "2")),
        List.of(p(H10, "2"), p(hour(1), "3")));
    QueueSize hot = MetricStatistics.queueSize("Sales", List.of(p(H10, "20"), p(hour(1), "25")),
        List.of(p(H10, "48"), p(hour(1), "30")));
    QueueSize calm = MetricStatistics.queueSize("Support", List.of(p(H10, "1")), List.of(p(H10, "2")));
    QueueSize empty = MetricStatistics.queueSize("Archive", List.of(), List.of());

    List<QueueSize> ranked = MetricStatistics.rankQueues(List.of(quiet, hot, calm, empty));

    assertEquals(List.of("Sales", "Billing", "Support", "Archive"), ranked.stream().map(QueueSize::queueName).toList());
    // Sales: 48 ≥ 10 and ≥ 3 × median(3, 2) = 7.5 → hot; Billing: 3 < 10
    assertEquals(List.of(true, false, false, false), ranked.stream().map(QueueSize::hot).toList());
    assertEquals(bd("22.50"), ranked.get(0).average()); // (20 + 25) / 2
    assertEquals(bd("48"), ranked.get(0).maximum());
    assertEquals(H10, ranked.get(0).peakHour());
    assertEquals(0, ranked.get(3).dataPoints());
    assertNull(ranked.get(3).maximum());
  }

  @Test
  void rankQueues_needsOtherQueuesAndTheFactor() {
    QueueSize alone = MetricStatistics.queueSize("Only", List.of(p(H10, "40")), List.of(p(H10, "50")));
    assertFalse(MetricStatistics.rankQueues(List.of(alone)).get(0).hot());

    // 12 ≥ 10 but 12 < 3 × 5
    QueueSize a = MetricStatistics.queueSize("A", List.of(p(H10, "6")), List.of(p(H10, "12")));
    QueueSize b = MetricStatistics.queueSize("B", List.of(p(H10, "2")), List.of(p(H10, "5")));
    assertEquals(List.of(false, false), MetricStatistics.rankQueues(List.of(a, b)).stream().map(QueueSize::hot).toList());

    // ties on the peak: the higher average first, then the name
    QueueSize x = MetricStatistics.queueSize("X", List.of(p(H10, "1")), List.of(p(H10, "4")));
    QueueSize y = MetricStatistics.queueSize("Y", List.of(p(H10, "2")), List.of(p(H10, "4")));
    QueueSize z = MetricStatistics.queueSize("W", List.of(p(H10, "2")), List.of(p(H10, "4")));
    assertEquals(List.of("W", "Y", "X"),
        MetricStatistics.rankQueues(List.of(x, y, z)).stream().map(QueueSize::queueName).toList());
  }

  // ---- calls per interval ----

  @Test
  void callsPerInterval_totalsPerHourAverageAndPeak() {
    CallsPerInterval c = MetricStatistics.callsPerInterval(
        List.of(p(H10, "10"), p(hour(1), "30"), p(hour(2), "20")),
        List.of(p(H10, "1"), p(hour(1), "3.5"), p(hour(2), "2")),
        List.of(p(H10, "2"), p(hour(1), "6"), p(hour(2), "4")));

    assertEquals(bd("60"), c.total());
    assertEquals(bd("20.00"), c.averagePerHour()); // 60 / 3
    assertEquals(bd("30"), c.peakPerHour());
    assertEquals(hour(1), c.peakHour());
    assertEquals(bd("2.17"), c.averageOfAverages()); // 6.5 / 3 = 2.1666…
    assertEquals(bd("6"), c.maximumSample());
    assertEquals(3, c.dataPoints());
  }

  @Test
  void callsPerInterval_withoutDatapoints_isZeroWithoutAverages() {
    CallsPerInterval c = MetricStatistics.callsPerInterval(List.of(), List.of(), List.of());

    assertEquals(BigDecimal.ZERO, c.total());
    assertNull(c.averagePerHour());
    assertNull(c.peakPerHour());
    assertEquals(0, c.dataPoints());
  }

  @Test
  void exact_keepsTheDoublesDecimalFormWithoutExponent() {
    assertEquals("12", MetricDataReader.exact(12.0).toPlainString());
    assertEquals("0.1", MetricDataReader.exact(0.1).toPlainString());
    assertEquals("1200", MetricDataReader.exact(1.2e3).toPlainString());
  }

  // ---- helpers ----

  private static Instant hour(int hoursAfterTen) {
    return H10.plusSeconds(3600L * hoursAfterTen);
  }

  private static Datapoint p(Instant t, String value) {
    return new Datapoint(t, bd(value));
  }

  private static Datapoint p(LocalDateTime utc, int value) {
    return new Datapoint(utc.toInstant(ZoneOffset.UTC), BigDecimal.valueOf(value));
  }

  private static BigDecimal bd(String value) {
    return new BigDecimal(value);
  }
}
