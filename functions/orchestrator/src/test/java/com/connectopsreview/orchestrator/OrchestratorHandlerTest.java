package com.connectopsreview.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.analyzer.AnalysisOutput;
import com.connectopsreview.shared.exception.InvalidRequestException;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.ReviewManifest;
import com.connectopsreview.shared.registry.AnalyzerRegistry;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.connectopsreview.shared.testing.TestEvents;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The handler over the real-shaped payloads in events/, wired in-process. */
class OrchestratorHandlerTest {

  @TempDir Path dir;
  LocalDirectoryResultStore store;
  OrchestratorHandler handler;

  @BeforeEach
  void setUp() {
    store = new LocalDirectoryResultStore(dir);
    var analyzers = new java.util.HashMap<String, java.util.function.Function<
        com.connectopsreview.shared.model.AnalyzerRequest, com.connectopsreview.shared.model.AnalyzerResponse>>();
    for (String name : AnalyzerRegistry.names()) {
      analyzers.put(name, Fixtures.runner(store, (r, b) -> AnalysisOutput.ok(List.of(), null)));
    }
    Orchestrator orchestrator = OrchestratorFactory.create(
        new OrchestratorConfig(Fixtures.INSTANCE_ARN, "/aws/connect/example", Map.of(), "report"),
        store, new InProcessAnalyzerInvoker(analyzers), new InProcessReportInvoker(new Fixtures.FakeReport(store)),
        Fixtures.CLOCK);
    handler = new OrchestratorHandler(orchestrator, java.time.Clock.systemUTC(), ReportLinksTest.links(60));
  }

  private JsonNode invoke(String event) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(new ByteArrayInputStream(TestEvents.bytes(event)), out, Fixtures.context(900_000));
    return Json.mapper().readTree(out.toByteArray());
  }

  @Test
  void handleRequest_adHocSevenDays_reviewsDefaultInstanceOverSevenDays() throws Exception {
    JsonNode answer = invoke("review-adhoc-7d.json");

    String reviewId = answer.get("reviewId").asText();
    assertEquals("COMPLETED", answer.get("status").asText());
    assertEquals("OK", answer.at("/components/instance").asText());
    assertTrue(answer.at("/report/html").asText().endsWith("report.html"));
    assertTrue(answer.path("reportUrl").isMissingNode(), "a local file needs no presigned link");
    ReviewManifest manifest = store.getManifest(reviewId).orElseThrow();
    assertEquals(Fixtures.INSTANCE_ARN, manifest.instance().arn());
    assertEquals(Duration.ofDays(7), manifest.window().length());
    assertEquals(Fixtures.NOW, manifest.window().end());
  }

  @Test
  void handleRequest_customRange_usesGivenIdWindowAndAnalyzers() throws Exception {
    JsonNode answer = invoke("review-custom-range.json");

    assertEquals("october-first-half", answer.get("reviewId").asText());
    ReviewManifest manifest = store.getManifest("october-first-half").orElseThrow();
    assertEquals(Instant.parse("2026-10-01T00:00:00Z"), manifest.window().start());
    assertEquals(Instant.parse("2026-10-15T00:00:00Z"), manifest.window().end());
    assertEquals(List.of("instance"), List.copyOf(manifest.components().keySet()));
  }

  @Test
  void handleRequest_scheduledEvent_reviewsDefaultInstanceForFourteenDaysEndingAtEventTime() throws Exception {
    JsonNode answer = invoke("scheduled-event.json");

    ReviewManifest manifest = store.getManifest(answer.get("reviewId").asText()).orElseThrow();
    assertEquals(Instant.parse("2026-11-23T09:00:00Z"), manifest.window().end());
    assertEquals(Duration.ofDays(14), manifest.window().length());
    assertEquals(AnalyzerRegistry.names(), List.copyOf(manifest.components().keySet()));
  }

  @Test
  void handleRequest_invalidBody_throwsNamingTheField() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> handler.handleRequest(
        new ByteArrayInputStream("{\"daysBack\":0}".getBytes()), out, Fixtures.context(900_000)));

    assertTrue(e.getMessage().startsWith("Invalid review request: daysBack:"), e.getMessage());
    assertEquals(0, out.size());
  }
}
