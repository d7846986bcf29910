package com.connectopsreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SvgChartsTest {

  @ParameterizedTest
  @CsvSource({"0, 1", "3, 1", "4, 1", "70, 20", "95, 25", "5690, 2000", "0.5, 0.2", "1207, 500"})
  void scale_topsTheAxisWithFourRoundSteps(double max, String step) {
    SvgCharts.Scale scale = SvgCharts.Scale.of(max);

    assertEquals(0, new BigDecimal(step).compareTo(scale.step()), "step " + scale.step());
    assertTrue(scale.top() >= max, "the top is above every value");
  }

  @Test
  void dailyBars_forALongWindow_thinOutTheLabels() {
    List<SvgCharts.Day> days = new ArrayList<>();
    LocalDate first = LocalDate.parse("2026-09-01");
    for (int i = 0; i < 90; i++) {
      days.add(new SvgCharts.Day(first.plusDays(i), BigDecimal.valueOf(i), true, false));
    }

    Map<String, Object> chart = SvgCharts.dailyBars(days);

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> bars = (List<Map<String, Object>>) chart.get("bars");
    assertEquals(90, bars.size());
    assertEquals(15, bars.stream().filter(b -> b.get("dateLabel") != null).count(), "every 6th of 90 days");
    assertNull(bars.get(10).get("valueLabel"), "no counts over more than 31 bars");
    assertEquals("09-01", bars.get(0).get("dateLabel"));
  }

  @Test
  void hourlyLines_withOneLonePoint_drawItAsADot() {
    Instant hour = Instant.parse("2026-11-20T10:00:00Z");
    List<SvgCharts.Hour> hours = List.of(
        new SvgCharts.Hour(hour, BigDecimal.ONE, null),
        new SvgCharts.Hour(hour.plus(5, ChronoUnit.HOURS), BigDecimal.TEN, BigDecimal.ONE));

    Map<String, Object> chart = SvgCharts.hourlyLines(hours);

    @SuppressWarnings("unchecked")
    List<String> maximum = (List<String>) chart.get("maximumLines");
    assertEquals(2, maximum.size(), "a five-hour gap breaks the line");
    assertEquals(List.of("52.0,187.6 52.0,187.6", "948.0,22.0 948.0,22.0"), maximum);
    assertEquals(List.of("948.0,187.6 948.0,187.6"), chart.get("averageLines"));
  }
}
