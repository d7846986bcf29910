package com.connectopsreview.local.sandbox;

/**
 * What the sandbox's Athena does to every execution of one named KPI query (see
 * {@link SandboxOptions#athenaQueryFaults()}), to exercise how a caller copes with a query that
 * fails or runs past its time budget.
 */
public enum AthenaQueryFault {
  /** The execution ends FAILED with a StateChangeReason and an AthenaError (HIVE_BAD_DATA, a data error). */
  FAILED,
  /** The execution stays RUNNING until StopQueryExecution, then CANCELLED. */
  SLOW
}
