package com.connectopsreview.quota;

import com.connectopsreview.shared.sections.QuotaSection.Thresholds;
import java.math.BigDecimal;
import java.util.Map;

/** The usage bands a review request asks for in its options, and the defaults. */
final class ThresholdOptions {

  static final String WARN_OPTION = "warnPercent";
  static final String HIGH_OPTION = "highPercent";
  static final String CRITICAL_OPTION = "criticalPercent";

  static final Thresholds DEFAULT =
      new Thresholds(BigDecimal.valueOf(80), BigDecimal.valueOf(90), BigDecimal.valueOf(98));

  private ThresholdOptions() {}

  /**
   * The thresholds of a request's options; absent options keep their default. Without
   * {@code highPercent} the HIGH band starts at 90, kept inside warn..critical.
   *
   * @throws IllegalArgumentException naming the option whose value is not a positive number, or when
   *     the bands are out of order
   */
  static Thresholds fromOptions(Map<String, String> options) {
    BigDecimal warn = option(options, WARN_OPTION, DEFAULT.warnPercent());
    BigDecimal critical = option(options, CRITICAL_OPTION, DEFAULT.criticalPercent());
    BigDecimal high = options.containsKey(HIGH_OPTION)
        ? option(options, HIGH_OPTION, DEFAULT.highPercent())
        : DEFAULT.highPercent().max(warn).min(critical);
    if (warn.compareTo(high) > 0 || high.compareTo(critical) > 0) {
      throw new IllegalArgumentException("thresholds must satisfy 0 < warnPercent <= highPercent <= criticalPercent"
          + " (got " + warn + ", " + high + ", " + critical + ")");
    }
    return new Thresholds(warn, high, critical);
  }

  private static BigDecimal option(Map<String, String> options, String name, BigDecimal fallback) {
    String value = options.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      BigDecimal parsed = new BigDecimal(value.trim());
      if (parsed.signum() > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with the option's name
    }
    throw new IllegalArgumentException("option " + name + " must be a positive number of percent (got '"
        + value + "')");
  }
}
