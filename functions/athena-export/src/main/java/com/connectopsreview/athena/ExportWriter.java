package com.connectopsreview.athena;

import com.connectopsreview.shared.csv.Csv;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.sections.AthenaSection.Export;
import com.connectopsreview.shared.store.ResultStore;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes a query's result rows as the review's artifacts, beside its report, on every store backend:
 * {@code athena-<query>.csv} (RFC 4180, a header row, CRLF line ends) and {@code athena-<query>.jsonl}
 * (one JSON object per row, keys the column names, values as Athena answered them, NULL as null). The
 * store files artifacts under the review, and on S3 under its instance:
 * {@code reports/<instanceId>/<reviewId>/athena-<query>.csv}.
 */
final class ExportWriter {

  static final String PREFIX = "athena-";

  private final ResultStore store;

  ExportWriter(ResultStore store) {
    this.store = store;
  }

  Export write(String reviewId, AthenaQueryRunner.Result result) {
    String csv = store.putArtifact(reviewId, PREFIX + result.name() + ".csv", "text/csv; charset=utf-8",
        csv(result.columns(), result.rows()).getBytes(StandardCharsets.UTF_8));
    String jsonLines = store.putArtifact(reviewId, PREFIX + result.name() + ".jsonl", "application/x-ndjson",
        jsonLines(result.columns(), result.rows()).getBytes(StandardCharsets.UTF_8));
    return new Export(csv, jsonLines, result.rows().size());
  }

  static String csv(List<String> columns, List<List<String>> rows) {
    return Csv.of(columns, rows);
  }

  static String jsonLines(List<String> columns, List<List<String>> rows) {
    StringBuilder out = new StringBuilder();
    for (List<String> row : rows) {
      ObjectNode object = Json.mapper().createObjectNode();
      for (int i = 0; i < columns.size(); i++) {
        String value = i < row.size() ? row.get(i) : null;
        if (value == null) {
          object.putNull(columns.get(i));
        } else {
          object.put(columns.get(i), value);
        }
      }
      out.append(object).append('\n');
    }
    return out.toString();
  }
}
