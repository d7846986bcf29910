package com.connectopsreview.shared.analyzer;

import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/** What an {@link Analyzer} returns: status (OK, PARTIAL or SKIPPED), findings, data, errors. */
public record AnalysisOutput(ComponentStatus status, List<Finding> findings, JsonNode data, List<String> errors) {

  public AnalysisOutput {
    Objects.requireNonNull(status, "status");
    if (status == ComponentStatus.PENDING) {
      throw new IllegalArgumentException("an analyzer cannot return PENDING");
    }
    findings = findings == null ? List.of() : List.copyOf(findings);
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static AnalysisOutput ok(List<Finding> findings, JsonNode data) {
    return new AnalysisOutput(ComponentStatus.OK, findings, data, List.of());
  }

  /** OK when nothing is missing, PARTIAL otherwise. */
  public static AnalysisOutput of(List<Finding> findings, JsonNode data, List<String> missing) {
    return new AnalysisOutput(
        missing.isEmpty() ? ComponentStatus.OK : ComponentStatus.PARTIAL, findings, data, missing);
  }
}
