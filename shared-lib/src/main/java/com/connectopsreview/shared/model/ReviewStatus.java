package com.connectopsreview.shared.model;

import java.util.Collection;

/** Overall status of a review, derived from its components. */
public enum ReviewStatus {
  RUNNING,
  /** Every component OK or SKIPPED and the report was written. */
  COMPLETED,
  /**
   * The report was written but at least one component is FAILED or PARTIAL (even all of them: the
   * report then still tells the operator why, e.g. AccessDenied).
   */
  COMPLETED_WITH_ERRORS,
  /** No report: the review could not be rendered or recorded. */
  FAILED;

  /** Status of a review whose report was written, given its component statuses. */
  public static ReviewStatus fromComponents(Collection<ComponentStatus> statuses) {
    boolean degraded =
        statuses.stream()
            .anyMatch(
                s ->
                    s == ComponentStatus.FAILED
                        || s == ComponentStatus.PARTIAL
                        || s == ComponentStatus.PENDING);
    return degraded ? COMPLETED_WITH_ERRORS : COMPLETED;
  }
}
