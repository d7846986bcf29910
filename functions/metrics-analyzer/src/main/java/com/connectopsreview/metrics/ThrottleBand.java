package com.connectopsreview.metrics;

import com.connectopsreview.shared.model.Severity;
import java.math.BigDecimal;

/**
 * Upstream's throttling severity on the window's total ThrottledCalls (upstream-spec §1.6): 0
 * Excellent, under 10 Low, under 100 Moderate, under 1000 High, otherwise Critical.
 */
public enum ThrottleBand {
  NONE("Excellent", Severity.PASS),
  LOW("Low", Severity.LOW),
  MODERATE("Moderate", Severity.MEDIUM),
  HIGH("High", Severity.HIGH),
  CRITICAL("Critical", Severity.CRITICAL);

  private final String label;
  private final Severity severity;

  ThrottleBand(String label, Severity severity) {
    this.label = label;
    this.severity = severity;
  }

  /** Upstream's name of the band (Excellent, Low, Moderate, High, Critical). */
  public String label() {
    return label;
  }

  public Severity severity() {
    return severity;
  }

  public static ThrottleBand of(BigDecimal total) {
    if (total.signum() <= 0) {
      return NONE;
    }
    if (total.compareTo(BigDecimal.TEN) < 0) {
      return LOW;
    }
    if (total.compareTo(BigDecimal.valueOf(100)) < 0) {
      return MODERATE;
    }
    return total.compareTo(BigDecimal.valueOf(1000)) < 0 ? HIGH : CRITICAL;
  }
}
