package com.connectopsreview.report;

import com.connectopsreview.shared.json.Json;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
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

  /** An hour or minute as {@code 2026-11-22 17:00 UTC}. */
  static String utcMinute(Instant instant) {
    return instant == null ? null : UTC_MINUTE.format(instant) + " UTC";
  }

  /** The UTC calendar day of a timestamp, as {@code 2026-11-22}. */
  static String day(Instant instant) {
    return instant == null ? null : LocalDate.ofInstant(instant, ZoneOffset.UTC).toString();
  }

  /** A calendar day as {@code 2026-11-22}. */
  static String day(LocalDate date) {
    return date == null ? null : date.toString();
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

  /** Yes / No for a boolean, null when absent. */
  static String yesNo(Boolean value) {
    return value == null ? null : value ? "Yes" : "No";
  }

  /** {@code 7.7 %}: a stored rate (a double) with one decimal, half up; null when absent. */
  static String rate(Double value) {
    return value == null || value.isNaN() || value.isInfinite() ? null : percent(BigDecimal.valueOf(value));
  }

  /** {@code 5:16}: seconds, to the nearest second, as minutes and seconds (minutes unbounded); null when absent. */
  static String minutesSeconds(Double seconds) {
    if (seconds == null || seconds.isNaN() || seconds.isInfinite()) {
      return null;
    }
    long whole = BigDecimal.valueOf(Math.abs(seconds)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    return (seconds < 0 ? "-" : "") + whole / 60 + ":" + String.format("%02d", whole % 60);
  }

  /** {@code 512 B}, {@code 1.5 KB}, {@code 100.0 MB}, {@code 2.3 GB}: binary units (1 KB = 1024 B), one decimal. */
  static String bytes(Long bytes) {
    if (bytes == null) {
      return null;
    }
    if (Math.abs(bytes) < 1024) {
      return bytes + " B";
    }
    String[] units = {"KB", "MB", "GB", "TB", "PB"};
    BigDecimal value = BigDecimal.valueOf(bytes);
    BigDecimal step = BigDecimal.valueOf(1024);
    int unit = -1;
    while (unit < units.length - 1 && value.abs().compareTo(step) >= 0) {
      value = value.divide(step);
      unit++;
    }
    return value.setScale(1, RoundingMode.HALF_UP).toPlainString() + " " + units[unit];
  }

  /**
   * The rendered page with every bidirectional embedding, override and isolate control (U+202A to U+202E,
   * U+2066 to U+2069) written as visible text, {@code [U+202E]}: a stored name cannot reorder what a
   * reader sees (an override shows {@code txt.exe} as {@code exe.txt}, and a dangling one reverses the rest
   * of its line). The templates use none of them; the JSON and CSV keep stored values as they are.
   */
  static String visibleBidiControls(String html) {
    StringBuilder out = null;
    for (int i = 0; i < html.length(); i++) {
      char c = html.charAt(i);
      boolean control = (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
      if (control && out == null) {
        out = new StringBuilder(html.length() + 64).append(html, 0, i);
      }
      if (out != null) {
        if (control) {
          out.append(String.format(Locale.ROOT, "[U+%04X]", (int) c));
        } else {
          out.append(c);
        }
      }
    }
    return out == null ? html : out.toString();
  }

  /** {@code $0.0005} below a cent (four decimals, so a small scan is not "$0.00"), else {@code $12.35}. */
  static String usd(Double amount) {
    if (amount == null || amount.isNaN() || amount.isInfinite()) {
      return null;
    }
    BigDecimal value = BigDecimal.valueOf(amount);
    int scale = value.abs().compareTo(new BigDecimal("0.01")) < 0 ? 4 : 2;
    return "$" + value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
  }
}
