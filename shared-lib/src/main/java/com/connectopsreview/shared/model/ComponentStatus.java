package com.connectopsreview.shared.model;

/**
 * Outcome of one component (analyzer) of a review. PENDING only appears in the manifest while the
 * review runs; an analyzer result is always one of the other four.
 */
public enum ComponentStatus {
  PENDING,
  OK,
  PARTIAL,
  FAILED,
  SKIPPED;

  public boolean isTerminal() {
    return this != PENDING;
  }
}
