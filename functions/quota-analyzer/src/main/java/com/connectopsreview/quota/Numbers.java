package com.connectopsreview.quota;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Exact conversions of the doubles AWS answers with, and the one rounding rule for percentages. */
final class Numbers {

  static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private Numbers() {}

  /** The double's shortest decimal form, without trailing zeros and never in exponent form (12.0 → 12). */
  static BigDecimal exact(double value) {
    BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0) : d;
  }

  /** {@code part / whole * 100}, one decimal place, half up. */
  static BigDecimal percent(BigDecimal part, BigDecimal whole) {
    return part.multiply(HUNDRED).divide(whole, 1, RoundingMode.HALF_UP);
  }

  static BigDecimal oneDecimal(BigDecimal value) {
    return value.setScale(1, RoundingMode.HALF_UP);
  }
}
