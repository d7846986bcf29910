package com.connectopsreview.shared.model;

/** How urgent a finding is. Ordered from most to least severe; PASS records a check that held. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW,
  INFO,
  PASS;

  /** True for severities an operator is expected to act on. */
  public boolean isProblem() {
    return this == CRITICAL || this == HIGH || this == MEDIUM || this == LOW;
  }
}
