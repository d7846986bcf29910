package com.connectopsreview.report;

import com.connectopsreview.shared.csv.Csv;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code findings.csv}: one RFC 4180 record per finding, in report order, for a ticketing system or a
 * spreadsheet. Evidence is one JSON object in its own column. The columns are documented in
 * docs/report-schema.md; the first column is the review, so files of several reviews concatenate.
 */
final class FindingsCsv {

  static final List<String> COLUMNS = List.of("reviewId", "instanceId", "component", "severity", "pillar",
      "checkId", "title", "detail", "recommendation", "resource", "consoleUrl", "evidence");

  private FindingsCsv() {}

  static String of(ReviewReport report) {
    List<List<String>> rows = new ArrayList<>();
    for (ComponentReport component : report.components()) {
      for (Finding f : component.findings()) {
        List<String> row = new ArrayList<>(COLUMNS.size());
        row.add(report.reviewId());
        row.add(report.instance().id());
        row.add(component.name());
        row.add(f.severity().name());
        row.add(f.pillar().displayName());
        row.add(f.checkId());
        row.add(f.title());
        row.add(f.detail());
        row.add(f.recommendation());
        row.add(f.resource());
        row.add(f.consoleUrl());
        row.add(f.evidence().isEmpty() ? null : Json.tree(f.evidence()).toString());
        rows.add(row);
      }
    }
    return Csv.of(COLUMNS, rows);
  }
}
