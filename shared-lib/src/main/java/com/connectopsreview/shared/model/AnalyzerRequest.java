package com.connectopsreview.shared.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the orchestrator sends to every analyzer.
 *
 * @param deadline instant by which the analyzer's result must be stored
 * @param options free-form analyzer options (string values), never null
 */
public record AnalyzerRequest(
    String reviewId,
    String component,
    InstanceRef instance,
    TimeWindow window,
    Instant deadline,
    Map<String, String> options) {

  public AnalyzerRequest {
    Objects.requireNonNull(reviewId, "reviewId");
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(deadline, "deadline");
    options = options == null ? Map.of() : Map.copyOf(options);
  }
}
