package com.connectopsreview.report;

import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.ReviewStatus;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.model.TimeWindow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a report shows, read from the store once; both renderings (HTML and JSON) are made
 * from this one value so they cannot disagree.
 *
 * @param alias the instance alias when the instance component recorded one
 * @param status the review's status once this report is written (derived from the components)
 * @param redactionPolicy what the review's redaction policy kept of customer data; null for a review
 *     recorded before policies were
 */
record ReviewReport(
    String reviewId,
    Instant generatedAt,
    InstanceRef instance,
    String alias,
    TimeWindow window,
    ReviewStatus status,
    List<ComponentReport> components,
    String redactionPolicy) {

  ReviewReport {
    components = List.copyOf(components);
  }

  /** Alias if known, else the instance id: how the report names the instance. */
  String instanceLabel() {
    return alias != null ? alias : instance.id();
  }

  int findingCount() {
    return components.stream().mapToInt(c -> c.findings().size()).sum();
  }

  /** Number of findings per severity, every severity present, most severe first. */
  Map<Severity, Long> severityCounts() {
    Map<Severity, Long> counts = new LinkedHashMap<>();
    for (Severity severity : Severity.values()) {
      counts.put(severity, 0L);
    }
    for (ComponentReport component : components) {
      for (Finding finding : component.findings()) {
        counts.merge(finding.severity(), 1L, Long::sum);
      }
    }
    return counts;
  }

  Optional<ComponentReport> component(String name) {
    return components.stream().filter(c -> c.name().equals(name)).findFirst();
  }
}
