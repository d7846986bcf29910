package com.connectopsreview.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.PlantedProblems;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.registry.AnalyzerRegistry;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The small sandbox through the CLI, end to end: what a new user runs first. */
class SandboxReviewCliTest {

  @TempDir Path dir;

  /** Every component, athena over the sandbox's data lake among them, ends OK. */
  private static void assertEveryComponentOk(JsonNode components) {
    components.fields().forEachRemaining(c -> assertEquals("OK", c.getValue().asText(), c.getKey()));
  }

  private static Set<String> checkIds(JsonNode report) {
    Set<String> ids = new HashSet<>();
    report.get("findings").forEach(f -> ids.add(f.get("checkId").asText()));
    return ids;
  }

  @Test
  void review_smallSandbox_reportsEveryPlantedProblemWithItsSeverityAndNoUnplantedOne() throws Exception {
    Path store = dir.resolve("out");

    CliRun run = CliRun.of("review", "--sandbox", "--store", store.toString(), "--review-id", "first-try");

    assertEquals(0, run.exitCode(), run.err());
    String reportLine = run.out().lines().filter(l -> l.startsWith("Report: ")).findFirst().orElseThrow();
    Path html = Path.of(reportLine.substring("Report: ".length()));
    assertTrue(Files.isRegularFile(html), html.toString());
    assertTrue(html.startsWith(store), "the report is in the chosen store");
    assertTrue(run.err().contains("[instance] started"), run.err());
    assertTrue(run.err().contains("[instance] OK in"), run.err());
    assertTrue(run.err().contains("Connect:DescribeInstance 1"), run.err());

    JsonNode report = Json.mapper().readTree(Files.readAllBytes(html.resolveSibling("report.json")));
    Set<String> found = checkIds(report);
    for (PlantedProblems.Expectations expected
        : java.util.List.of(PlantedProblems.instance(), PlantedProblems.quota(), PlantedProblems.metrics(),
            PlantedProblems.phone(), PlantedProblems.flow(), PlantedProblems.cloudtrail(), PlantedProblems.athena())) {
      for (String checkId : expected.expectedCheckIds()) {
        assertTrue(found.contains(checkId), "planted " + checkId + " reported; found " + found);
      }
      expected.expectedSeverities().forEach((checkId, severity) -> report.get("findings").forEach(f -> {
        if (f.get("checkId").asText().equals(checkId)) {
          assertEquals(severity.name(), f.get("severity").asText(), checkId + " severity");
        }
      }));
      for (String checkId : expected.unexpectedCheckIds()) {
        assertFalse(found.contains(checkId), "unplanted " + checkId + " not reported");
      }
    }
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertTrue(page.contains("INSTANCE.IDENTITY.NOT_SAML"));
    AnalyzerResult athena = new LocalDirectoryResultStore(store).getResult("first-try", "athena").orElseThrow();
    assertEquals(ComponentStatus.OK, athena.status(), athena.errors().toString());
    assertEquals("connect_analytics_consumer", athena.data().path("settings").path("database").asText());
    athena.data().path("queries").forEach(q -> assertEquals("SUCCEEDED", q.path("state").asText(), q.toString()));
    assertEquals(3, athena.data().path("queries").size());
  }

  @Test
  void review_withAthenaDatabaseOff_skipsAthenaWithTheReason_andChangesNothingElse() throws Exception {
    Path store = dir.resolve("out");

    CliRun on = CliRun.of("review", "--sandbox", "--store", store.toString(), "--review-id", "athena-on", "-q");
    CliRun off = CliRun.of("review", "--sandbox", "--store", store.toString(), "--review-id", "athena-off", "-q",
        "--athena-database", "off");

    assertEquals(0, on.exitCode(), on.err());
    assertEquals(0, off.exitCode(), off.err());
    LocalDirectoryResultStore results = new LocalDirectoryResultStore(store);
    AnalyzerResult athena = results.getResult("athena-off", "athena").orElseThrow();
    assertEquals(ComponentStatus.SKIPPED, athena.status());
    assertEquals(List.of("no Athena database configured: set the AthenaDatabase parameter (ATHENA_DATABASE)"),
        athena.errors());
    assertTrue(athena.findings().isEmpty(), "no athena finding reads as PASS when off");
    assertFalse(results.getResult("athena-on", "athena").orElseThrow().findings().isEmpty());
    for (String component : AnalyzerRegistry.names()) {
      if (!component.equals("athena")) {
        AnalyzerResult withAthena = results.getResult("athena-on", component).orElseThrow();
        AnalyzerResult without = results.getResult("athena-off", component).orElseThrow();
        assertEquals(withAthena.status(), without.status(), component);
        assertEquals(findings(withAthena), findings(without), component);
      }
    }
  }

  /** checkId, severity and resource of every finding, in order. */
  private static List<String> findings(AnalyzerResult result) {
    return result.findings().stream().map(f -> f.checkId() + " " + f.severity() + " " + f.resource()).toList();
  }

  @Test
  void review_withBadAthenaOptions_isBadInputBeforeAnythingRuns() {
    CliRun workgroup = CliRun.of("review", "--sandbox", "--store", dir.resolve("out").toString(),
        "--athena-workgroup", "no spaces");
    CliRun fault = CliRun.of("review", "--sandbox", "--store", dir.resolve("out").toString(),
        "--athena-query-fault", "agent_occupancy=FAILED");
    CliRun kind = CliRun.of("review", "--sandbox", "--store", dir.resolve("out").toString(),
        "--athena-query-fault", "queue_kpis=LATE");

    assertEquals(2, workgroup.exitCode());
    assertTrue(workgroup.err().contains("--athena-workgroup"), workgroup.err());
    assertEquals(2, fault.exitCode());
    assertTrue(fault.err().contains("agent_occupancy") && fault.err().contains("queue_kpis"), fault.err());
    assertEquals(2, kind.exitCode());
    assertTrue(kind.err().contains("FAILED, SLOW"), kind.err());
    assertFalse(Files.exists(dir.resolve("out").resolve("reviews")), "nothing was written");
  }

  @Test
  void review_withAFailingAthenaQuery_isPartialNamingIt_theOthersStored() throws Exception {
    Path store = dir.resolve("out");

    CliRun run = CliRun.of("review", "--sandbox", "--no-rate-limits", "--store", store.toString(), "--review-id",
        "failing", "-q", "--analyzers", "athena", "--athena-query-fault", "flow_disconnects=FAILED");

    AnalyzerResult athena = new LocalDirectoryResultStore(store).getResult("failing", "athena").orElseThrow();
    assertEquals(1, run.exitCode(), run.err());
    assertEquals(ComponentStatus.PARTIAL, athena.status());
    assertTrue(athena.errors().stream().anyMatch(e -> e.contains("flow_disconnects")), athena.errors().toString());
    Map<String, String> states = new java.util.TreeMap<>();
    athena.data().path("queries").forEach(q -> states.put(q.path("name").asText(), q.path("state").asText()));
    assertEquals(Map.of("contact_volume", "SUCCEEDED", "flow_disconnects", "FAILED", "queue_kpis", "SUCCEEDED"),
        states);
  }

  @Test
  void review_withRateLimits_completesAndCountsMatchWhatTheSandboxServed() throws Exception {
    CliRun run = CliRun.of("review", "--sandbox", "--rate-limits", "--store", dir.resolve("out").toString(), "--json");

    assertEquals(0, run.exitCode(), run.err());
    JsonNode answer = Json.mapper().readTree(run.out());
    assertEquals("COMPLETED", answer.get("status").asText());
    assertEveryComponentOk(answer.get("components"));
    assertEquals(AnalyzerRegistry.names().size(), answer.get("components").size());

    Map<String, Long> counted = new java.util.TreeMap<>();
    answer.get("apiCalls").forEach(perComponent -> perComponent.fields()
        .forEachRemaining(e -> counted.merge(e.getKey(), e.getValue().asLong(), Long::sum)));
    Map<String, Long> served = new java.util.TreeMap<>();
    answer.get("sandboxServed").fields().forEachRemaining(e -> served.put(e.getKey(), e.getValue().asLong()));
    assertFalse(counted.isEmpty());
    // A throttled call that the SDK retried is still one call, served once: the counts agree either way.
    // (The client paces below Connect's limit, but a loaded machine can bunch requests in transit, so
    // "no throttle at all" is not something a test can promise.)
    assertEquals(served, counted, "printed API calls = calls the sandbox served");
  }

  @Test
  void review_withThrottleFirst_retriesEveryListingOnceAndCompletes() throws Exception {
    CliRun run = CliRun.of("review", "--sandbox", "--no-rate-limits", "--throttle-first", "1",
        "--store", dir.resolve("out").toString(), "--json");

    assertEquals(0, run.exitCode(), run.err());
    JsonNode answer = Json.mapper().readTree(run.out());
    assertEquals("COMPLETED", answer.get("status").asText());
    assertEveryComponentOk(answer.get("components"));
    Set<String> listings = new java.util.TreeSet<>();
    answer.get("sandboxServed").fieldNames().forEachRemaining(key -> {
      String operation = key.substring(key.indexOf(':') + 1);
      if (operation.startsWith("List") || operation.startsWith("Search")) {
        listings.add(key);
      }
    });
    Map<String, Long> throttled = new java.util.TreeMap<>();
    answer.get("sandboxThrottled").fields().forEachRemaining(e -> throttled.put(e.getKey(), e.getValue().asLong()));
    assertTrue(listings.containsAll(Set.of("Connect:ListUsers", "ServiceQuotas:ListServiceQuotas",
        "CloudWatch:ListMetrics")), listings::toString);
    // With rate limits off, the only throttling answers are the first call of each listing.
    assertEquals(listings, throttled.keySet());
    throttled.forEach((operation, count) -> assertEquals(1L, count, operation));
  }

  @Test
  void review_whenConnectDeniesAccess_exitsWithTheFailureInTheReport() throws Exception {
    Path store = dir.resolve("out");

    CliRun run = CliRun.of("review", "--sandbox", "--store", store.toString(), "--review-id", "denied",
        "--fault", "Connect:DescribeInstance=ACCESS_DENIED");

    // The instance analyzer fails, the others carry on: completed with a failed component.
    assertEquals(1, run.exitCode(), run.err());
    assertTrue(run.err().contains("[instance] FAILED"), run.err());
    assertTrue(run.err().contains("AccessDeniedException"), run.err());
    Path html = store.resolve("reviews/denied/artifacts/report.html");
    assertTrue(Files.readString(html).contains("failure-card"));
  }

  @Test
  void reviews_listAndShow_readTheStore() {
    Path store = dir.resolve("out");
    assertEquals(0, CliRun.of("review", "--sandbox", "--store", store.toString(), "--review-id", "one", "-q").exitCode());
    assertEquals(0, CliRun.of("review", "--sandbox", "--store", store.toString(), "--review-id", "two", "-q").exitCode());

    CliRun list = CliRun.of("reviews", "list", "--store", store.toString());
    CliRun show = CliRun.of("reviews", "show", "one", "--store", store.toString());
    CliRun missing = CliRun.of("reviews", "show", "nope", "--store", store.toString());

    assertEquals(0, list.exitCode(), list.err());
    int two = list.out().indexOf("two");
    int one = list.out().indexOf("one ");
    assertTrue(two > 0 && one > two, "newest first: " + list.out());
    assertEquals(0, show.exitCode(), show.err());
    assertTrue(show.out().contains("COMPLETED") && show.out().contains("instance") && show.out().contains("report.html"),
        show.out());
    assertEquals(2, missing.exitCode());
    assertEquals(1, missing.errLines().size(), missing.err());
  }

  @Test
  void everyRegistryAnalyzer_hasALocalFactory() {
    assertEquals(Set.copyOf(AnalyzerRegistry.names()), LocalAnalyzers.FACTORIES.keySet());
  }
}
