package com.connectopsreview.shared.model;

import java.util.Collection;

/** Overall status of a review, derived from its components. */
public enum ReviewStatus {
  RUNNING,
  /** Every component OK or SKIPPED and the report was written. */
  COMPLETED,
  /** The report was written but at least one component is FAILED or PARTIAL. */
  COMPLETED_WITH_ERRORS,
  /** Nothing usable: every component failed, or the report could not be written. */
  FAILED;

  /** Status of a review whose report was written, given its component statuses. */
  public static ReviewStatus fromComponents(Collection<ComponentStatus> statuses) {
    if (!statuses.isEmpty() && statuses.stream().allMatch(s -> s == ComponentStatus.FAILED)) {
      return FAILED;
    }
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
