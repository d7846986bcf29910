package com.connectopsreview.shared.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What an analyzer stores for its component.
 *
 * @param apiCalls number of AWS API calls made, by operation name (e.g. {@code connect:DescribeInstance})
 * @param data the section's typed payload as JSON (each analyzer documents its shape)
 * @param errors what could not be evaluated, in words an operator understands
 */
public record AnalyzerResult(
    String reviewId,
    String component,
    ComponentStatus status,
    Instant startedAt,
    long durationMs,
    Map<String, Long> apiCalls,
    List<Finding> findings,
    JsonNode data,
    List<String> errors) {

  public AnalyzerResult {
    Objects.requireNonNull(reviewId, "reviewId");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(startedAt, "startedAt");
    apiCalls = apiCalls == null ? Map.of() : java.util.Collections.unmodifiableMap(
        new java.util.TreeMap<>(apiCalls));
    findings = findings == null ? List.of() : List.copyOf(findings);
    data = data == null ? JsonNodeFactory.instance.objectNode() : data;
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  /** A FAILED result carrying only the reason, for analyzers that could not run at all. */
  public static AnalyzerResult failed(
      String reviewId, String component, Instant startedAt, long durationMs, String reason) {
    return new AnalyzerResult(
        reviewId, component, ComponentStatus.FAILED, startedAt, durationMs, Map.of(), List.of(),
        null, List.of(reason));
  }
}
