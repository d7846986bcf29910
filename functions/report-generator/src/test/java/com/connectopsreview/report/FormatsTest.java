package com.connectopsreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormatsTest {

  @Test
  void utc_printsTheSuffixOnce() {
    assertEquals("2026-11-23 09:05:07 UTC", Formats.utc(Instant.parse("2026-11-23T09:05:07.999Z")));
    assertEquals("2025-01-15 09:30:00 UTC", Formats.utc(Instant.parse("2025-01-15T10:30:00+01:00")));
    assertNull(Formats.utc(null));
  }

  @Test
  void duration_picksAReadableUnit() {
    assertEquals("850 ms", Formats.duration(850L));
    assertEquals("1.2 s", Formats.duration(1234L));
    assertEquals("59.9 s", Formats.duration(59_999L));
    assertEquals("2 min 05 s", Formats.duration(125_000L));
    assertNull(Formats.duration(null));
  }

  @Test
  void value_keepsNumbersExactAndStructuresAsJson() {
    assertEquals("0.1", Formats.value(new BigDecimal("0.1")));
    assertEquals("1000", Formats.value(new BigDecimal("1E+3")));
    assertEquals("0.00000001", Formats.value(new BigDecimal("1E-8")));
    assertEquals("9007199254740993", Formats.value(9007199254740993L));
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("a", List.of(1, new BigDecimal("2.50")));
    assertEquals("{\"a\":[1,2.50]}", Formats.value(nested));
    assertEquals("true", Formats.value(true));
    assertNull(Formats.value(null));
  }

  @Test
  void utcMinuteAndDay_writeTimestampsAndDates() {
    assertEquals("2026-11-22 17:00 UTC", Formats.utcMinute(Instant.parse("2026-11-22T17:00:00Z")));
    assertEquals("2026-11-22", Formats.day(Instant.parse("2026-11-22T00:00:00Z")));
    assertEquals("2026-11-22", Formats.day(LocalDate.parse("2026-11-22")));
    assertEquals("2026-11-21", Formats.day(Instant.parse("2026-11-22T00:30:00+01:00")), "the UTC day");
    assertNull(Formats.day((LocalDate) null));
    assertNull(Formats.day((Instant) null));
    assertNull(Formats.utcMinute(null));
  }

  @Test
  void percentAndFixed_showTheDocumentedDecimals() {
    assertEquals("85.0 %", Formats.percent(new BigDecimal("85")));
    assertEquals("98.0 %", Formats.percent(new BigDecimal("97.95")));
    assertEquals("+22.9 %", Formats.signedPercent(new BigDecimal("22.9")));
    assertEquals("-0.1 %", Formats.signedPercent(new BigDecimal("-0.1")));
    assertEquals("0.0 %", Formats.signedPercent(BigDecimal.ZERO));
    assertEquals("43.00", Formats.fixed(new BigDecimal("43"), 2));
    assertEquals("148.14", Formats.fixed(new BigDecimal("148.14"), 2));
    assertNull(Formats.percent(null));
    assertNull(Formats.fixed(null, 1));
  }

  @Test
  void rateSecondsBytesAndUsd_forTheDataLakeKpis() {
    assertEquals("7.7 %", Formats.rate(7.7));
    assertEquals("5.0 %", Formats.rate(4.95));
    assertEquals("100.0 %", Formats.rate(100.0));
    assertNull(Formats.rate(null));
    assertNull(Formats.rate(Double.NaN));
    assertEquals("5:16", Formats.minutesSeconds(315.5), "to the nearest second, half up");
    assertEquals("0:09", Formats.minutesSeconds(9.4));
    assertEquals("75:03", Formats.minutesSeconds(4503.0), "minutes are not wrapped into hours");
    assertNull(Formats.minutesSeconds(null));
    assertEquals("512 B", Formats.bytes(512L));
    assertEquals("1.5 KB", Formats.bytes(1536L));
    assertEquals("100.0 MB", Formats.bytes(104_857_600L));
    assertEquals("10.0 MB", Formats.bytes(10_485_760L));
    assertEquals("2.3 GB", Formats.bytes(2_469_606_195L));
    assertNull(Formats.bytes(null));
    assertEquals("$0.0005", Formats.usd(0.000524288), "four decimals below a cent");
    assertEquals("$0.0000", Formats.usd(0.0));
    assertEquals("$0.01", Formats.usd(0.01));
    assertEquals("$12.35", Formats.usd(12.345));
    assertNull(Formats.usd(null));
  }

  @Test
  void visibleBidiControls_writesOverridesAndIsolatesAsText_leavesEverythingElse() {
    String plain = "<td>queue é‏ א</td>";

    assertEquals("<td>a [U+202E]txt.exe [U+2066]b[U+2069] [U+202A]</td>",
        Formats.visibleBidiControls("<td>a ‮txt.exe ⁦b⁩ ‪</td>"));
    assertEquals("[U+202B][U+202C][U+202D][U+2067][U+2068]",
        Formats.visibleBidiControls("‫‬‭⁧⁨"));
    // Marks and right-to-left letters are ordinary text: a Hebrew queue name stays as written.
    assertEquals(plain, Formats.visibleBidiControls(plain));
  }
}
