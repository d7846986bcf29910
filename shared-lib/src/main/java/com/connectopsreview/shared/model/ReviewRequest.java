package com.connectopsreview.shared.model;

import java.time.Instant;
import java.util.List;

/**
 * Orchestrator input after validation (see {@code ReviewRequestParser}). Every field optional:
 * instanceArn defaults to the stack's, daysBack to 14, analyzers to all, reviewId to a new id.
 * Either daysBack or startTime/endTime, not both.
 */
public record ReviewRequest(
    String instanceArn,
    Integer daysBack,
    Instant startTime,
    Instant endTime,
    List<String> analyzers,
    String reviewId) {

  public static final int DEFAULT_DAYS_BACK = 14;
  public static final int MAX_DAYS = 90;

  public ReviewRequest {
    analyzers = analyzers == null ? null : List.copyOf(analyzers);
  }

  public static ReviewRequest defaults() {
    return new ReviewRequest(null, null, null, null, null, null);
  }
}
