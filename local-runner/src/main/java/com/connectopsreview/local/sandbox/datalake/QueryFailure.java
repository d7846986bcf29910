package com.connectopsreview.local.sandbox.datalake;

/**
 * Why a query execution ends FAILED: its StateChangeReason and AthenaError, with category and type
 * from Athena's error catalog (category 1 SYSTEM, 2 USER; type 1000 user error, 1001 data error, 1006
 * the parameter count, 234 Lake Formation).
 */
final class QueryFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int category;
  private final int type;
  private final boolean retryable;

  private QueryFailure(String message, int category, int type, boolean retryable) {
    super(message);
    this.category = category;
    this.type = type;
    this.retryable = retryable;
  }

  /** A failure the query, its data or its permissions cause (category 2): running it again fails again. */
  static QueryFailure user(String message, int type) {
    return new QueryFailure(message, 2, type, false);
  }

  int category() {
    return category;
  }

  int type() {
    return type;
  }

  boolean retryable() {
    return retryable;
  }
}
