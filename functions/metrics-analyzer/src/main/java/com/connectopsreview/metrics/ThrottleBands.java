package com.connectopsreview.metrics;

import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.MetricsSection.ThrottleBand;
import java.math.BigDecimal;

/**
 * Upstream's throttling severity on the window's total ThrottledCalls (upstream-spec §1.6): 0
 * Excellent, under 10 Low, under 100 Moderate, under 1000 High, otherwise Critical.
 */
final class ThrottleBands {

  private ThrottleBands() {}

  static ThrottleBand of(BigDecimal total) {
    if (total.signum() <= 0) {
      return ThrottleBand.NONE;
    }
    if (total.compareTo(BigDecimal.TEN) < 0) {
      return ThrottleBand.LOW;
    }
    if (total.compareTo(BigDecimal.valueOf(100)) < 0) {
      return ThrottleBand.MODERATE;
    }
    return total.compareTo(BigDecimal.valueOf(1000)) < 0 ? ThrottleBand.HIGH : ThrottleBand.CRITICAL;
  }

  /** The severity of the band's finding. */
  static Severity severity(ThrottleBand band) {
    return switch (band) {
      case NONE -> Severity.PASS;
      case LOW -> Severity.LOW;
      case MODERATE -> Severity.MEDIUM;
      case HIGH -> Severity.HIGH;
      case CRITICAL -> Severity.CRITICAL;
    };
  }
}
