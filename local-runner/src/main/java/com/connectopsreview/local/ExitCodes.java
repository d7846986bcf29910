package com.connectopsreview.local;

import com.connectopsreview.orchestrator.ReviewOutcome;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.ReviewStatus;

/** The CLI's exit codes, for scripts. */
final class ExitCodes {

  /** The review ran and every component is OK (or skipped). */
  static final int OK = 0;
  /** The review completed but some component is FAILED or PARTIAL. */
  static final int COMPONENTS_FAILED = 1;
  /** Bad input, or nothing could run (no report, or every component failed). */
  static final int BAD_INPUT = 2;

  private ExitCodes() {}

  static int of(ReviewOutcome outcome) {
    if (outcome.status() == ReviewStatus.FAILED
        || (!outcome.components().isEmpty()
            && outcome.components().values().stream().allMatch(s -> s == ComponentStatus.FAILED))) {
      return BAD_INPUT;
    }
    return outcome.status() == ReviewStatus.COMPLETED ? OK : COMPONENTS_FAILED;
  }
}
