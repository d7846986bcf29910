package com.connectopsreview.shared.analyzer;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** The percentages sections carry: exact, one decimal, half up (coverage, shares, rates). */
public final class Percent {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Percent() {}

  /**
   * {@code part / whole × 100} to one decimal, half up.
   *
   * @throws IllegalArgumentException when {@code whole} is not positive: what a share of nothing is
   *     (0, absent) is the caller's to say
   */
  public static BigDecimal of(long part, long whole) {
    if (whole <= 0) {
      throw new IllegalArgumentException("a percentage of " + whole);
    }
    return BigDecimal.valueOf(part).multiply(HUNDRED).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
  }
}
