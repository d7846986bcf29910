package com.connectopsreview.report;

import static com.connectopsreview.report.Fixtures.REVIEW_ID;
import static com.connectopsreview.report.Fixtures.entries;
import static com.connectopsreview.report.Fixtures.entry;
import static com.connectopsreview.report.Fixtures.instanceData;
import static com.connectopsreview.report.Fixtures.manifest;
import static com.connectopsreview.report.Fixtures.result;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.ReportRequest;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The section tests' review: a fresh local store holding the instance component (OK) and, as a test
 * chooses, the one component its section is drawn from, rendered through the whole generator.
 */
final class SectionReview {

  private final LocalDirectoryResultStore store;
  private final ReportGenerator generator;

  SectionReview(Path dir) {
    store = new LocalDirectoryResultStore(dir);
    generator = new ReportGenerator(store, Clock.fixed(Instant.parse("2026-11-23T09:05:07Z"), ZoneOffset.UTC));
  }

  /** The component stored with {@code status} and {@code data}; {@code partialErrors} only when PARTIAL. */
  String render(String component, ComponentStatus status, JsonNode data, List<String> partialErrors) {
    store.putManifest(manifest(REVIEW_ID, entries(
        "instance", entry(ComponentStatus.OK, null), component, entry(status, null))));
    storeInstance();
    store.putResult(result(component, status, List.of(), data,
        status == ComponentStatus.PARTIAL ? partialErrors : List.of()));
    return render();
  }

  /**
   * The manifest gives the component {@code status} with {@code reason}; its result is stored (as that
   * status, with {@code errors}) only when {@code data} is not null.
   */
  String renderUnavailable(String component, ComponentStatus status, String reason, JsonNode data,
      List<String> errors) {
    store.putManifest(manifest(REVIEW_ID, entries(
        "instance", entry(ComponentStatus.OK, null), component, entry(status, reason))));
    storeInstance();
    if (data != null) {
      store.putResult(result(component, status, List.of(), data, errors));
    }
    return render();
  }

  /** Only the instance component, stored with {@code data}. */
  String renderInstance(JsonNode data) {
    store.putManifest(manifest(REVIEW_ID, entries("instance", entry(ComponentStatus.OK, null))));
    store.putResult(result("instance", ComponentStatus.OK, List.of(), data, List.of()));
    return render();
  }

  /** Only the instance component: the section's component was not part of the review. */
  String renderWithoutComponent() {
    store.putManifest(manifest(REVIEW_ID, entries("instance", entry(ComponentStatus.OK, null))));
    storeInstance();
    return render();
  }

  /** The table row holding {@code marker}. */
  static String row(String table, String marker) {
    int at = table.indexOf(marker);
    assertTrue(at >= 0, marker + " in table");
    int start = table.lastIndexOf("<tr", at);
    return table.substring(start, table.indexOf("</tr>", at) + 5);
  }

  private void storeInstance() {
    store.putResult(result("instance", ComponentStatus.OK, List.of(), instanceData("contoso"), List.of()));
  }

  private String render() {
    generator.generate(new ReportRequest(REVIEW_ID));
    return new String(store.getArtifact(REVIEW_ID, "report.html").orElseThrow(), StandardCharsets.UTF_8);
  }
}
