package com.connectopsreview.shared.model;

import java.util.List;
import java.util.Map;

/**
 * What an analyzer function answers its invoker: a summary of the stored result (the store, not this
 * response, is the source of truth). Small enough for any Lambda response.
 */
public record AnalyzerResponse(
    String reviewId,
    String component,
    ComponentStatus status,
    long durationMs,
    Map<String, Long> apiCalls,
    int findingCount,
    List<String> errors) {

  public AnalyzerResponse {
    apiCalls = apiCalls == null ? Map.of() : Map.copyOf(apiCalls);
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static AnalyzerResponse of(AnalyzerResult result) {
    return new AnalyzerResponse(
        result.reviewId(), result.component(), result.status(), result.durationMs(), result.apiCalls(),
        result.findings().size(), result.errors());
  }
}
