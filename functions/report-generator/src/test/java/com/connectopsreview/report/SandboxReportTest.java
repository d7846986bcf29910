package com.connectopsreview.report;

import static com.connectopsreview.report.Fixtures.REVIEW_ID;
import static com.connectopsreview.report.Fixtures.entries;
import static com.connectopsreview.report.Fixtures.entry;
import static com.connectopsreview.report.Fixtures.instanceData;
import static com.connectopsreview.report.Fixtures.manifest;
import static com.connectopsreview.report.Fixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.ReportRequest;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a real local-runner review of the large sandbox (200 queues, 336 hourly points):
 * sandbox/quota.json and sandbox/metrics.json are the results it stored, unchanged
 * ({@code review-local.sh --sandbox=large --from=2026-11-09T09:00:00Z --to=2026-11-23T09:00:00Z}).
 */
class SandboxReportTest {

  @TempDir static Path dir;

  private static String html;

  @BeforeAll
  static void render() {
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(dir);
    store.putManifest(manifest(REVIEW_ID, entries(
        "instance", entry(ComponentStatus.OK, null),
        "quota", entry(ComponentStatus.OK, null),
        "metrics", entry(ComponentStatus.OK, null))));
    store.putResult(result("instance", ComponentStatus.OK, List.of(), instanceData("contoso"), List.of()));
    store.putResult(Fixtures.sandboxResult("quota"));
    store.putResult(Fixtures.sandboxResult("metrics"));
    new ReportGenerator(store, Clock.fixed(Instant.parse("2026-11-23T09:10:00Z"), ZoneOffset.UTC))
        .generate(new ReportRequest(REVIEW_ID));
    html = new String(store.getArtifact(REVIEW_ID, "report.html").orElseThrow(), StandardCharsets.UTF_8);
  }

  @Test
  void sandboxFixtures_areTheLargeScenario() {
    AnalyzerResult metrics = Fixtures.sandboxResult("metrics");
    assertEquals(200, metrics.data().path("queueSize").path("queues").size());
    assertEquals(336, metrics.data().path("concurrentCalls").path("hourly").size());
  }

  @Test
  void capacity_showsEveryQuotaRowCriticalFirst() {
    String quotas = HtmlScan.elementById(html, "table", "capacity-quotas");
    List<String> statuses = HtmlScan.attributeValues(quotas, "data-status");

    assertEquals(19, statuses.size());
    assertEquals(List.of("CRITICAL", "WARNING"), statuses.subList(0, 2));
    assertTrue(quotas.indexOf("Queues per instance") < quotas.indexOf("Users per instance"));
    assertTrue(quotas.indexOf("Users per instance") < quotas.indexOf("Contact flows per instance"));
    assertEquals(2, HtmlScan.count(quotas, "usage not measured"));
    assertEquals(4, HtmlScan.count(HtmlScan.elementById(html, "table", "capacity-concurrency"), "<tr class="));
    assertEquals(4, HtmlScan.count(HtmlScan.elementById(html, "table", "capacity-growth"), "<tr class=\"growth-row\""));
    assertEquals(1, HtmlScan.count(HtmlScan.elementById(html, "table", "capacity-rate-quotas"), "<tr><td>"));
    assertTrue(html.contains("1 of 30 API rate quotas differ from the AWS default."));
    assertEquals(6, HtmlScan.count(HtmlScan.elementById(html, "ul", "capacity-other-quotas"), "<li>"));
  }

  @Test
  void metrics_drawsEveryDayAndHourButListsOnlyTenQueues() {
    String bars = MetricsSectionTest.svg(html, "missed-calls-chart");
    assertEquals(15, HtmlScan.count(bars, "<rect "));
    assertEquals(2, HtmlScan.count(bars, "bar-partial"), "first and last day of the window");
    assertEquals(1, HtmlScan.count(bars, "bar-spike"), "2026-11-18");

    String line = MetricsSectionTest.svg(html, "concurrent-calls-chart");
    List<String> points = HtmlScan.attributeValues(line, "points");
    assertEquals(2, points.size(), "one unbroken line per series");
    assertEquals(336, points.get(1).split(" ").length);

    String queues = HtmlScan.elementById(html, "table", "metrics-queues");
    assertEquals(10, HtmlScan.count(queues, "<tr class=\"queue-row"));
    assertTrue(queues.contains("<td>Retention</td>"));
    assertTrue(html.contains("190 more queues not shown"));
    assertTrue(html.contains("200 queues with QueueSize data, worst first; 1 hot"));
  }

  @Test
  void page_staysBalancedSelfContainedAndSmall() {
    assertNull(HtmlScan.balanceProblem(html), HtmlScan.balanceProblem(html));
    assertFalse(html.contains("<script") || html.contains("<link") || html.contains(" src="));
    // The payload's 200 queues and their hourly series stay out of the page: well under the 310 kB payload.
    assertTrue(html.length() < 150_000, "report.html is " + html.length() + " characters");
  }
}
