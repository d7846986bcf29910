package com.connectopsreview.metrics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** One datapoint of a series: the start of its period and the statistic's exact value. */
public record MetricPoint(Instant timestamp, BigDecimal value) {

  public MetricPoint {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(value, "value");
  }

  /** The double's shortest decimal form, without trailing zeros and never in exponent form (12.0 → 12). */
  static BigDecimal exact(double value) {
    BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0) : d;
  }
}
