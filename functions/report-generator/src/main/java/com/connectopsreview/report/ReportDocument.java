package com.connectopsreview.report;

import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.ReviewStatus;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.model.TimeWindow;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code report.json}: the machine-readable twin of report.html, serialized with the shared mapper
 * so numbers stay exact (evidence {@code 0.1} is written {@code 0.1}).
 *
 * @param summary findings per severity, every severity present, most severe first
 * @param findings every finding with its component, in report order
 * @param redactionPolicy the policy the review applied to customer data (null: not recorded)
 * @param fixFirst the most urgent fixes, one per check, as the summary lists them
 * @param pillarScores every pillar's score, in the Pillar order
 */
record ReportDocument(
    int schemaVersion,
    String reviewId,
    Instant generatedAt,
    Instance instance,
    TimeWindow window,
    ReviewStatus status,
    Map<String, Component> components,
    Map<Severity, Long> summary,
    List<ReportFinding> findings,
    String redactionPolicy,
    List<FixFirst.Item> fixFirst,
    List<FixFirst.PillarScore> pillarScores) {

  /** docs/report-schema.md; docs/report.schema.json validates it. */
  static final int SCHEMA_VERSION = 1;

  /** The manifest's instance plus its alias when the instance component recorded one. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Instance(String arn, String partition, String region, String accountId, String id, String alias) {
    static Instance of(InstanceRef ref, String alias) {
      return new Instance(ref.arn(), ref.partition(), ref.region(), ref.accountId(), ref.id(), alias);
    }
  }

  record Component(
      ComponentStatus status,
      Long durationMs,
      Map<String, Long> apiCalls,
      List<String> errors,
      int findingCount) {}

  /** A finding with the component that reported it ({@code component} first, then the finding's fields). */
  @JsonPropertyOrder({"component"})
  record ReportFinding(String component, @JsonUnwrapped Finding finding) {}

  static ReportDocument of(ReviewReport report) {
    Map<String, Component> components = new LinkedHashMap<>();
    List<ReportFinding> findings = new java.util.ArrayList<>();
    for (ComponentReport c : report.components()) {
      components.put(c.name(), new Component(
          c.status(), c.durationMs(), c.apiCalls(), c.errors(), c.findings().size()));
      c.findings().forEach(f -> findings.add(new ReportFinding(c.name(), f)));
    }
    List<FixFirst.Item> fixes = FixFirst.items(report.components());
    return new ReportDocument(SCHEMA_VERSION,
        report.reviewId(), report.generatedAt(), Instance.of(report.instance(), report.alias()),
        report.window(), report.status(), components, report.severityCounts(), findings, report.redactionPolicy(),
        fixes.subList(0, Math.min(FixFirst.TOP, fixes.size())), FixFirst.pillars(report.components()));
  }
}
