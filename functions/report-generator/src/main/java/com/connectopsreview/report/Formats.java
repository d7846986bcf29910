package com.connectopsreview.report;

import com.connectopsreview.shared.json.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;

/** How values are written in the HTML report (the JSON report keeps them raw). */
final class Formats {

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter UTC_MINUTE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

  private Formats() {}

  /** {@code 2026-11-23 09:00:00 UTC} (the suffix once). */
  static String utc(Instant instant) {
    return instant == null ? null : UTC.format(instant) + " UTC";
  }

  /** An ISO-8601 timestamp as {@link #utc}; text that does not parse is shown as it is. */
  static String utc(String iso) {
    if (iso == null || iso.isBlank()) {
      return null;
    }
    try {
      return utc(OffsetDateTime.parse(iso).toInstant());
    } catch (DateTimeParseException e) {
      return iso;
    }
  }

  /** An hour or minute as {@code 2026-11-22 17:00 UTC}; text that does not parse is shown as it is. */
  static String utcMinute(String iso) {
    Instant instant = instant(iso);
    return instant != null ? UTC_MINUTE.format(instant) + " UTC" : blankToNull(iso);
  }

  /**
   * A calendar day as {@code 2026-11-22}, from a date ({@code 2026-11-22}) or a UTC timestamp
   * ({@code 2026-11-22T00:00:00Z}); text that does not parse is shown as it is.
   */
  static String day(String iso) {
    LocalDate date = date(iso);
    return date != null ? date.toString() : blankToNull(iso);
  }

  /** The day of a date or timestamp (UTC), or null when it is neither. */
  static LocalDate date(String iso) {
    if (iso == null || iso.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(iso);
    } catch (DateTimeParseException e) {
      Instant instant = instant(iso);
      return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
  }

  /** An ISO-8601 timestamp with offset, or null when it is not one. */
  static Instant instant(String iso) {
    if (iso == null || iso.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** {@code 85.0 %}: a percentage with one decimal (stored values drop trailing zeros). */
  static String percent(BigDecimal value) {
    return value == null ? null : value.setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
  }

  /** {@code +22.9 %} / {@code -0.1 %} / {@code 0.0 %}: a change with its sign. */
  static String signedPercent(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal scaled = value.setScale(1, RoundingMode.HALF_UP);
    return (scaled.signum() > 0 ? "+" : "") + scaled.toPlainString() + " %";
  }

  /** A number with a fixed number of decimals ({@code 43} with 2 → {@code 43.00}). */
  static String fixed(BigDecimal value, int scale) {
    return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** {@code 850 ms}, {@code 12.3 s}, {@code 2 min 05 s}. */
  static String duration(Long millis) {
    if (millis == null) {
      return null;
    }
    long ms = millis;
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return (ms / 1000) + "." + ((ms % 1000) / 100) + " s";
    }
    long seconds = ms / 1000;
    return (seconds / 60) + " min " + String.format("%02d", seconds % 60) + " s";
  }

  /** Evidence and data values: exact numbers (never scientific notation), JSON for structures. */
  static String value(Object value) {
    return switch (value) {
      case null -> null;
      case BigDecimal d -> d.toPlainString();
      case Double d -> BigDecimal.valueOf(d).toPlainString();
      case Float f -> new BigDecimal(f.toString()).toPlainString();
      case Map<?, ?> m -> Json.toString(m);
      case Collection<?> c -> Json.toString(c);
      default -> value.toString();
    };
  }

  /** Yes / No for a JSON boolean (or its text), null when absent. */
  static String yesNo(Boolean value) {
    return value == null ? null : value ? "Yes" : "No";
  }
}
