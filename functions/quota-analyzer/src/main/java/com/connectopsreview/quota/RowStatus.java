package com.connectopsreview.quota;

/** The state of one quota row in the component's data. */
public enum RowStatus {
  /** Usage below the warning threshold. */
  NORMAL,
  /** Usage from the warning threshold up to the critical one. */
  WARNING,
  /** Usage at or above the critical threshold, or anything used of a limit of 0. */
  CRITICAL,
  /** The limit is known, the usage is not (no count API, or counting failed). */
  NOT_MEASURED,
  /** The limit could not be read, or the quota does not exist in the Region. */
  LIMIT_UNKNOWN,
  /** Concurrency only: CloudWatch has no datapoints in the window (nothing of that channel happened). */
  NO_DATA
}
