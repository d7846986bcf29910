package com.connectopsreview.report;

import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One component as the report shows it: the stored result where there is one, otherwise what the
 * manifest says about it.
 *
 * @param title human title from the analyzer registry (the name for components it does not know)
 * @param durationMs null when neither the result nor the manifest recorded one
 * @param findings sorted by severity, most severe first (stable within a severity)
 * @param errors what went wrong (PARTIAL: what is missing; FAILED: why), never null
 * @param data the component's payload; null when no result is stored
 */
record ComponentReport(
    String name,
    String title,
    ComponentStatus status,
    Long durationMs,
    Map<String, Long> apiCalls,
    List<Finding> findings,
    List<String> errors,
    JsonNode data) {

  static final Comparator<Finding> BY_SEVERITY = Comparator.comparing(Finding::severity);

  ComponentReport {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    apiCalls = apiCalls == null ? Map.of() : apiCalls;
    findings = findings == null ? List.of() : findings.stream().sorted(BY_SEVERITY).toList();
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  long apiCallCount() {
    return apiCalls.values().stream().mapToLong(Long::longValue).sum();
  }
}
