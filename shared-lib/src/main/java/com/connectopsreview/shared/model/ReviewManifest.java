package com.connectopsreview.shared.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The review's table of contents: which components it has and their statuses. Written by the
 * orchestrator before the fan-out and again when the review ends.
 *
 * @param redactionPolicy what the review's redaction policy keeps of customer data, as the report
 *     states it; null in manifests written before policies were recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewManifest(
    String reviewId,
    InstanceRef instance,
    TimeWindow window,
    ReviewStatus status,
    Instant createdAt,
    Instant updatedAt,
    Map<String, ComponentEntry> components,
    ReportRef report,
    String error,
    String redactionPolicy) {

  public ReviewManifest {
    Objects.requireNonNull(reviewId, "reviewId");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(updatedAt, "updatedAt");
    components = components == null ? Map.of()
        : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(components));
  }

  public ReviewManifest withComponent(String name, ComponentEntry entry, Instant now) {
    Map<String, ComponentEntry> next = new LinkedHashMap<>(components);
    next.put(name, entry);
    return new ReviewManifest(reviewId, instance, window, status, createdAt, now, next, report, error,
        redactionPolicy);
  }

  public ReviewManifest withOutcome(ReviewStatus newStatus, ReportRef newReport, String newError, Instant now) {
    return new ReviewManifest(
        reviewId, instance, window, newStatus, createdAt, now, components, newReport, newError, redactionPolicy);
  }
}
