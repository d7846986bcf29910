package com.connectopsreview.quota;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Usage bands in percent of the limit: below {@code warn} normal, from {@code warn} a warning
 * (MEDIUM, HIGH from {@code high}), from {@code critical} critical.
 */
public record Thresholds(BigDecimal warnPercent, BigDecimal highPercent, BigDecimal criticalPercent) {

  public static final String WARN_OPTION = "warnPercent";
  public static final String HIGH_OPTION = "highPercent";
  public static final String CRITICAL_OPTION = "criticalPercent";

  public static final Thresholds DEFAULT =
      new Thresholds(BigDecimal.valueOf(80), BigDecimal.valueOf(90), BigDecimal.valueOf(98));

  public Thresholds {
    if (warnPercent.signum() <= 0 || warnPercent.compareTo(highPercent) > 0
        || highPercent.compareTo(criticalPercent) > 0) {
      throw new IllegalArgumentException("thresholds must satisfy 0 < warnPercent <= highPercent <= criticalPercent"
          + " (got " + warnPercent + ", " + highPercent + ", " + criticalPercent + ")");
    }
  }

  /**
   * The thresholds of a request's options; absent options keep their default. Without
   * {@code highPercent} the HIGH band starts at 90, kept inside warn..critical.
   *
   * @throws IllegalArgumentException naming the option whose value is not a positive number
   */
  public static Thresholds fromOptions(Map<String, String> options) {
    BigDecimal warn = option(options, WARN_OPTION, DEFAULT.warnPercent);
    BigDecimal critical = option(options, CRITICAL_OPTION, DEFAULT.criticalPercent);
    BigDecimal high = options.containsKey(HIGH_OPTION)
        ? option(options, HIGH_OPTION, DEFAULT.highPercent)
        : DEFAULT.highPercent.max(warn).min(critical);
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
