package com.connectopsreview.report;

import com.connectopsreview.shared.json.Json;
import java.math.BigDecimal;
import java.time.Instant;
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
