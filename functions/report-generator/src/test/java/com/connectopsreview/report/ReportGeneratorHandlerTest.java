package com.connectopsreview.report;

import static com.connectopsreview.report.Fixtures.entries;
import static com.connectopsreview.report.Fixtures.entry;
import static com.connectopsreview.report.Fixtures.finding;
import static com.connectopsreview.report.Fixtures.instanceData;
import static com.connectopsreview.report.Fixtures.manifest;
import static com.connectopsreview.report.Fixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.report.exception.ReviewNotFoundException;
import com.connectopsreview.shared.exception.ConfigurationException;
import com.connectopsreview.shared.exception.InvalidRequestException;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.ReportResponse;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.connectopsreview.shared.testing.TestEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportGeneratorHandlerTest {

  /** The review id in events/report-request.json. */
  private static final String EVENT_REVIEW_ID = "20261123T090000Z-abcdef";

  @TempDir Path dir;

  private LocalDirectoryResultStore store;
  private ReportGeneratorHandler handler;

  @BeforeEach
  void setUp() {
    store = new LocalDirectoryResultStore(dir);
    handler = new ReportGeneratorHandler(new ReportGenerator(
        store, Clock.fixed(Instant.parse("2026-11-23T09:06:00Z"), ZoneOffset.UTC)));
  }

  @Test
  void handleRequest_withTheSampleEvent_writesTheReportAndAnswersWhereItIs() throws IOException {
    store.putManifest(manifest(EVENT_REVIEW_ID, entries("instance", entry(ComponentStatus.OK, null))));
    store.putResult(result("instance", ComponentStatus.OK,
        List.of(finding("INSTANCE.A.B", Severity.HIGH), finding("INSTANCE.C.D", Severity.PASS)),
        instanceData("contoso"), List.of()));
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    try (InputStream event = TestEvents.open("report-request.json")) {
      handler.handleRequest(event, out, null);
    }

    ReportResponse response = Json.fromBytes(out.toByteArray(), ReportResponse.class);
    assertEquals(EVENT_REVIEW_ID, response.reviewId());
    assertEquals(2, response.findingCount());
    assertEquals(store.putArtifact(EVENT_REVIEW_ID, "probe.txt", "text/plain", new byte[0])
        .replace("probe.txt", "report.html"), response.html());
    assertTrue(response.json().endsWith("report.json"));
    String html = new String(store.getArtifact(EVENT_REVIEW_ID, "report.html").orElseThrow(), StandardCharsets.UTF_8);
    assertTrue(html.contains("INSTANCE.A.B"));
    Map<?, ?> raw = Json.fromBytes(out.toByteArray(), Map.class);
    assertEquals(List.of("reviewId", "html", "json", "csv", "findingCount"), List.copyOf(raw.keySet()));
    assertTrue(response.csv().endsWith("findings.csv"));
    String csv = new String(store.getArtifact(EVENT_REVIEW_ID, "findings.csv").orElseThrow(), StandardCharsets.UTF_8);
    assertEquals(3, csv.split("\r\n").length, "header and one record per finding");
  }

  @Test
  void handleRequest_whenReviewIdMissing_rejectsNamingTheField() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> handler.handleRequest(json("{\"review\": \"x\"}"), new ByteArrayOutputStream(), null));

    assertTrue(e.getMessage().contains("reviewId"), e.getMessage());
  }

  @Test
  void handleRequest_whenReviewIdNotText_rejectsNamingTheField() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> handler.handleRequest(json("{\"reviewId\": 42}"), new ByteArrayOutputStream(), null));

    assertEquals("reviewId", e.errors().get(0).field());
  }

  @Test
  void handleRequest_whenReviewUnknown_propagatesNotFound() {
    ReviewNotFoundException e = assertThrows(ReviewNotFoundException.class,
        () -> handler.handleRequest(json("{\"reviewId\": \"20261101T000000Z-zzzzzz\"}"),
            new ByteArrayOutputStream(), null));

    assertTrue(e.getMessage().contains("20261101T000000Z-zzzzzz"));
  }

  @Test
  void constructor_whenStoreNotConfigured_failsTheColdStartNamingTheVariable() {
    // The test JVM has no REPORTS_BUCKET, as a misconfigured deployment would.
    ConfigurationException e = assertThrows(ConfigurationException.class, ReportGeneratorHandler::new);

    assertTrue(e.getMessage().contains("REPORTS_BUCKET"), e.getMessage());
  }

  private static InputStream json(String body) {
    return new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
  }
}
