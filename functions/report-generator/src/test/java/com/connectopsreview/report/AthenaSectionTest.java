package com.connectopsreview.report;

import static com.connectopsreview.report.Fixtures.REVIEW_ID;
import static com.connectopsreview.report.Fixtures.entries;
import static com.connectopsreview.report.Fixtures.entry;
import static com.connectopsreview.report.Fixtures.instanceData;
import static com.connectopsreview.report.Fixtures.manifest;
import static com.connectopsreview.report.Fixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.ReportRequest;
import com.connectopsreview.shared.sections.AthenaSection;
import com.connectopsreview.shared.sections.AthenaSection.Readiness;
import com.connectopsreview.shared.sections.SectionContract;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data-lake KPI section, rendered from fixtures/athena-data.json (written by hand to AthenaSection
 * v2: four queues, one under the minimum and one with a script in its name, three days, a broken
 * resource link, a Lake Formation denial, a missing link target, a results bucket without lifecycle)
 * through the whole generator.
 */
class AthenaSectionTest {

  @TempDir Path dir;

  private SectionReview review;

  @BeforeEach
  void setUp() {
    review = new SectionReview(dir);
  }

  @Test
  void fixture_isTheSectionRecordAtVersion2() throws Exception {
    SectionContract.assertCurrent(fixture(), AthenaSection.class);
    AthenaSection section = Json.mapper().treeToValue(fixture(), AthenaSection.class);
    assertEquals(2, section.schemaVersion());
    assertEquals(4, section.kpis().byQueue().size());
    assertEquals(Readiness.LAKE_FORMATION_DENIED, section.tables().get(3).readiness());
    assertEquals(20, section.settings().thresholds().serviceLevelSeconds());
  }

  @Test
  void summary_windowQueuesOutcomesThresholdAndCost() {
    String summary = HtmlScan.elementById(render(ComponentStatus.OK, fixture()), "p", "athena-summary");

    assertEquals("<p id=\"athena-summary\" class=\"kpi-summary\">Window 2026-11-09 09:00:00 UTC – 2026-11-23 09:00:00 UTC: "
        + "4 queues, <strong>665</strong> contacts queued; abandonment <strong>7.8 %</strong> (5.5 % excluding short "
        + "abandons, under 10 s); service level <strong>80.3 %</strong> answered within 20 s; average handle time "
        + "<strong>4:36</strong>; transfers <strong>14.0 %</strong> of answered contacts. 3 queries scanned 100.0 MB, "
        + "cost $0.0005.</p>", summary);
  }

  @Test
  void byQueue_valuesWithThresholdMarkers_busiestFirst_andTheTotal() {
    String table = HtmlScan.elementById(render(ComponentStatus.OK, fixture()), "table", "athena-by-queue");

    assertEquals(List.of("a1b2c3d4-0001-4000-8000-00000000aaaa", "a1b2c3d4-0002-4000-8000-00000000bbbb",
        "a1b2c3d4-0003-4000-8000-00000000cccc", "a1b2c3d4-0004-4000-8000-00000000dddd"),
        HtmlScan.attributeValues(table, "data-queue-id"));
    String sales = SectionReview.row(table, ">Sales<");
    assertTrue(sales.contains("<td class=\"num\">400</td><td class=\"num\">360</td><td class=\"num\">40 "
        + "<span class=\"row-note\">10 short</span></td><td class=\"num\">10.0 %</td>"
        + "<td class=\"num kpi-over\">7.7 %<span class=\"kpi-marker\">▲ over 5.0 %</span></td>"
        + "<td class=\"num kpi-under\">75.0 %<span class=\"kpi-marker\">▼ under 80.0 %</span></td>"
        + "<td class=\"num\">5:16</td><td class=\"num\">4:00</td><td class=\"num\">0:30</td><td class=\"num\">0:46</td>"
        + "<td class=\"num kpi-over\">20.0 %<span class=\"kpi-marker\">▲ over 15.0 %</span></td>"), sales);
    assertTrue(sales.contains("<span class=\"row-note\"><code>a1b2c3d4-0001-4000-8000-00000000aaaa</code></span>"), sales);
    String support = SectionReview.row(table, "a1b2c3d4-0002-4000-8000-00000000bbbb</code>");
    assertTrue(support.contains("<td class=\"num\">0.8 %</td><td class=\"num\">92.0 %</td>"), support);
    assertFalse(support.contains("kpi-marker"), "within every threshold: " + support);
    String total = table.substring(table.indexOf("<tfoot>"));
    assertTrue(total.contains("<th scope=\"row\">All queues</th><td class=\"num\">665</td><td class=\"num\">613</td>"), total);
    assertTrue(total.contains("<td class=\"num kpi-over\">5.5 %<span class=\"kpi-marker\">▲ over 5.0 %</span></td>"
        + "<td class=\"num\">80.3 %</td><td class=\"num\">4:36</td>"), total);
  }

  @Test
  void byQueue_queuesUnderTheMinimumAreShownNotJudged_andNullRatesAreDashes() {
    String table = HtmlScan.elementById(render(ComponentStatus.OK, fixture()), "table", "athena-by-queue");

    String billing = SectionReview.row(table, ">Billing<");
    assertTrue(billing.startsWith("<tr class=\"kpi-row kpi-not-judged\""), billing);
    assertTrue(billing.contains("<span class=\"kpi-judgement\">○ not judged (n &lt; 30)</span>"), billing);
    assertTrue(billing.contains("<td class=\"num\">33.3 %</td><td class=\"num\">33.3 %</td>"), billing);
    assertFalse(billing.contains("kpi-over") || billing.contains("kpi-marker"), "over every threshold, but n = 12");
    String afterHours = SectionReview.row(table, ">After hours<");
    assertTrue(afterHours.contains("not judged (n &lt; 30)"), afterHours);
    assertTrue(afterHours.contains("<td class=\"num\">100.0 %</td><td class=\"num\"><span class=\"missing\">—</span></td>"
        + "<td class=\"num\">0.0 %</td><td class=\"num\"><span class=\"missing\">—</span></td>"), afterHours);
    assertEquals(2, HtmlScan.count(table, "kpi-not-judged"));
  }

  @Test
  void byDay_tableMarksTheBadDay_theChartDrawsEveryDayWithATextAlternative() {
    String html = render(ComponentStatus.OK, fixture());

    String table = HtmlScan.elementById(html, "table", "athena-by-day");
    assertEquals(List.of("2026-11-20", "2026-11-21", "2026-11-22"), HtmlScan.attributeValues(table, "data-day"));
    String bad = SectionReview.row(table, ">2026-11-21<");
    assertTrue(bad.contains("<td class=\"num kpi-over\">7.5 %<span class=\"kpi-marker\">▲ over 5.0 %</span></td>"
        + "<td class=\"num kpi-under\">76.7 %<span class=\"kpi-marker\">▼ under 80.0 %</span></td>"
        + "<td class=\"num\">4:45</td>"), bad);
    assertFalse(SectionReview.row(table, ">2026-11-22<").contains("kpi-over"), "5.0 % is not over 5.0 %");
    String svg = HtmlScan.elementById(html, "svg", "athena-queued-chart");
    assertNotNull(svg, "the chart");
    assertEquals(3, HtmlScan.count(svg, "<rect "));
    assertEquals(1, HtmlScan.count(svg, "<rect class=\"bar bar-spike\""));
    assertEquals(1, HtmlScan.count(svg, "class=\"kpi-bar-marker\""));
    assertTrue(svg.contains("<title>2026-11-21 · 300 queued · abandonment 10.0 % (7.5 % excl. short)</title>"), svg);
    assertTrue(svg.contains("aria-describedby=\"athena-chart-text\""));
    assertEquals("<p id=\"athena-chart-text\" class=\"section-note\">2026-11-20: 200 queued, abandonment 5.0 % (3.1 % "
        + "excl. short); 2026-11-21: 300 queued, abandonment 10.0 % (7.5 % excl. short); 2026-11-22: 165 queued, "
        + "abandonment 7.3 % (5.0 % excl. short). Abandonment over the threshold on 2026-11-21.</p>",
        HtmlScan.elementById(html, "p", "athena-chart-text"));
  }

  @Test
  void volume_totalsPerChannelBusiestFirst_andPerDay() {
    String html = render(ComponentStatus.OK, fixture());

    String channels = HtmlScan.elementById(html, "table", "athena-by-channel");
    assertEquals(List.of("VOICE", "CHAT", "TASK", "EMAIL"), HtmlScan.attributeValues(channels, "data-channel"));
    assertTrue(SectionReview.row(channels, ">VOICE<").contains("<td class=\"num\">593</td><td class=\"num\">564</td>"
        + "<td class=\"num\">11</td><td class=\"num\">14</td><td class=\"num\">4</td>"), channels);
    assertTrue(channels.contains("<th scope=\"row\">All channels</th><td class=\"num\">749</td>"), channels);
    String days = HtmlScan.elementById(html, "table", "athena-volume-by-day");
    assertTrue(SectionReview.row(days, ">2026-11-21<").contains("<td class=\"num\">218</td><td class=\"num\">80</td>"
        + "<td class=\"num\">25</td><td class=\"num\">0</td><td class=\"num\">323</td>"), days);
    assertTrue(days.contains("<th scope=\"row\">All days</th><td class=\"num\">593</td><td class=\"num\">116</td>"
        + "<td class=\"num\">25</td><td class=\"num\">15</td><td class=\"num\">749</td>"), days);
  }

  @Test
  void flowDisconnects_withoutTheFlowComponent_showIds() {
    String html = render(ComponentStatus.OK, fixture());

    String table = HtmlScan.elementById(html, "table", "athena-flow-disconnects");
    assertTrue(SectionReview.row(table, "54de5377-1bff-44ce-a5dd-d91a52b1baf9</code>").contains(
        "<td>CONTACT_FLOW</td><td class=\"num\">30</td><td class=\"num\">12</td><td class=\"num\">16</td>"
        + "<td class=\"num\">2</td>"), table);
    assertTrue(HtmlScan.elementById(html, "section", "athena").contains("Flow names are not available"));
  }

  @Test
  void flowDisconnects_nameTheFlowsTheFlowComponentListed_escaped() {
    String html = renderWithFlows(fixture());

    String table = HtmlScan.elementById(html, "table", "athena-flow-disconnects");
    assertTrue(table.contains("<td>Planted lint: order lookup without error branch<span class=\"row-note\">"
        + "<code>54de5377-1bff-44ce-a5dd-d91a52b1baf9</code></span></td>"), table);
    assertTrue(table.contains("Escalations &lt;img src=x onerror=alert(1)&gt; 0014"), table);
    assertTrue(table.contains("<td><code>0c0ffee0-0000-4000-8000-000000000001</code></td>"), "unknown id: " + table);
    assertFalse(HtmlScan.elementById(html, "section", "athena").contains("Flow names are not available"));
  }

  @Test
  void readiness_workgroupDatabaseTablesAndResultsBucket() {
    String html = render(ComponentStatus.OK, fixture());

    String workgroup = HtmlScan.elementById(html, "table", "athena-workgroup");
    assertTrue(workgroup.contains("<code>connect-ops-review</code> <a class=\"console-link\" href=\"https://eu-west-2"
        + ".console.aws.amazon.com/athena/home?region=eu-west-2#/workgroups/details/connect-ops-review\""), workgroup);
    assertTrue(workgroup.contains("<td>SSE_KMS <span class=\"row-note\">workgroup settings enforced: Yes</span></td>"),
        workgroup);
    assertTrue(HtmlScan.elementById(html, "table", "athena-database").contains(
        "yes, to <code>210987654321 / connect_datalake (eu-west-2)</code>"));
    String tables = HtmlScan.elementById(html, "table", "athena-tables");
    assertEquals(List.of("READY", "READY", "NO_STORAGE_DESCRIPTOR", "LAKE_FORMATION_DENIED", "TARGET_NOT_FOUND", "READY"),
        HtmlScan.attributeValues(tables, "data-readiness"));
    String broken = SectionReview.row(tables, "<code>agent_queue_statistic_record_link</code>");
    assertTrue(broken.contains("<code>210987654321 / connect_datalake / agent_queue_statistic_record (eu-west-2)</code>"
        + "</td><td><span class=\"badge readiness-problem\">✗ NO_STORAGE_DESCRIPTOR</span></td>"
        + "<td>GetTable on the target answers no StorageDescriptor</td>"), broken);
    String denied = SectionReview.row(tables, "<code>contact_statistic_record_link</code>");
    assertTrue(denied.contains("✗ LAKE_FORMATION_DENIED</span></td><td>AccessDeniedException: Insufficient Lake "
        + "Formation permission(s) on contact_statistic_record</td>"), denied);
    assertTrue(SectionReview.row(tables, "<code>contact_record_link</code>").contains("needed by the KPI queries"));
    assertTrue(HtmlScan.elementById(html, "table", "athena-results-bucket").contains(
        "<strong class=\"readiness-problem-text\">✗ none</strong>"));
    assertNull(HtmlScan.elementById(html, "p", "athena-missing-tables"), "none missing");

    ObjectNode data = fixture();
    data.putArray("missingTables").add("contact_flow_events");
    String missing = HtmlScan.elementById(new SectionReview(dir.resolve("missing")).render("athena", ComponentStatus.OK,
        data, List.of()), "p", "athena-missing-tables");
    assertTrue(missing.contains("<strong>✗ Missing tables:</strong> <code>contact_flow_events</code>"), missing);
  }

  @Test
  void queries_oneRowEach_withScanCostRowsEngineTimeExports_andWhereTheDefinitionsAre() {
    String html = render(ComponentStatus.OK, fixture());

    String table = HtmlScan.elementById(html, "table", "athena-queries");
    assertEquals(List.of("queue_kpis", "contact_volume", "flow_disconnects"), HtmlScan.attributeValues(table, "data-query"));
    String flows = SectionReview.row(table, "<code>flow_disconnects</code>");
    assertTrue(flows.contains("<td>contact_record_link, contact_flow_events_link</td><td><span class=\"badge "
        + "query-succeeded\">SUCCEEDED</span></td><td class=\"query-reason\"><span class=\"missing\">—</span></td>"
        + "<td class=\"num\">20.0 MB</td><td class=\"num\">$0.0001</td>"
        + "<td class=\"num\">3</td><td class=\"num\">1 min 01 s</td>"), flows);
    assertTrue(flows.contains("CSV <code>s3://contoso-athena-results/connect-ops-review/exports/"
        + "11111111-2222-3333-4444-555555555555/20261123T090000Z-abcdef/flow_disconnects.csv</code>"), flows);
    assertTrue(flows.contains("flow_disconnects.jsonl</code><span class=\"row-note\">3 rows each</span>"), flows);
    assertTrue(HtmlScan.elementById(html, "p", "athena-definitions").contains("docs/checks.md, section “athena”"));
    assertNull(HtmlScan.elementById(html, "div", "athena-partial"), "every query succeeded");
  }

  @Test
  void partial_namesTheQueriesThatDidNotComplete_withTheirReasons_andKeepsTheOthers() {
    ObjectNode data = fixture();
    ObjectNode flows = (ObjectNode) data.get("queries").get(2);
    flows.put("state", "FAILED").put("stateReason", "HIVE_METASTORE_ERROR: Table StorageDescriptor is null")
        .putNull("rows").putNull("export");
    ObjectNode volume = (ObjectNode) data.get("queries").get(1);
    volume.put("state", "TIMED_OUT").put("stateReason", "stopped at the time budget after 240 s")
        .putNull("rows").putNull("export");
    ObjectNode kpis = (ObjectNode) data.get("kpis");
    kpis.putArray("flowDisconnects");
    kpis.putArray("volume");

    String section = HtmlScan.elementById(review.render("athena", ComponentStatus.PARTIAL, data,
        List.of("query flow_disconnects FAILED")), "section", "athena");

    String banner = HtmlScan.elementById(section, "div", "athena-partial");
    assertTrue(banner.contains("<li><code>contact_volume</code> TIMED_OUT: stopped at the time budget after 240 s</li>"),
        banner);
    assertTrue(banner.contains("<li><code>flow_disconnects</code> FAILED: HIVE_METASTORE_ERROR: Table StorageDescriptor "
        + "is null</li>"), banner);
    assertFalse(banner.contains("queue_kpis"), banner);
    assertTrue(section.contains("<p id=\"athena-flow-disconnects\" class=\"empty\">Not available: the flow_disconnects "
        + "query did not succeed.</p>"), section);
    assertTrue(section.contains("<p id=\"athena-by-channel\" class=\"empty\">Not available: the contact_volume query"));
    assertTrue(section.contains("id=\"athena-by-queue\""), "queue KPIs kept");
    String queries = HtmlScan.elementById(section, "table", "athena-queries");
    assertTrue(SectionReview.row(queries, "<code>flow_disconnects</code>").contains("<span class=\"badge query-failed\">"
        + "FAILED</span></td><td class=\"query-reason\">HIVE_METASTORE_ERROR: Table StorageDescriptor is null</td>"), queries);
  }

  @Test
  void skipped_saysWhyAndHowToTurnItOn_fromTheStoredResultOrTheManifest() {
    String reason = "no Athena database configured: set the AthenaDatabase parameter (ATHENA_DATABASE)";
    ObjectNode data = fixture();
    ((ObjectNode) data.get("settings")).put("enabled", false).putNull("database");
    for (String part : List.of("workgroup", "database", "resultsBucket", "kpis")) {
      data.putNull(part);
    }
    data.putArray("tables");
    data.putArray("queries");
    data.put("dataScannedBytes", 0).put("costUsd", 0.0).put("tablesComplete", false);

    String stored = HtmlScan.elementById(review.renderUnavailable("athena", ComponentStatus.SKIPPED, reason, data,
        List.of(reason)), "section", "athena");
    String manifestOnly = HtmlScan.elementById(new SectionReview(dir.resolve("manifest")).renderUnavailable("athena",
        ComponentStatus.SKIPPED, reason, null, List.of()), "section", "athena");

    for (String section : List.of(stored, manifestOnly)) {
      String card = HtmlScan.elementById(section, "div", "athena-skipped");
      assertTrue(card.contains("<strong>Not run.</strong> Component <a href=\"#component-athena\">athena</a> was SKIPPED: "
          + reason + ".</p>"), card);
      assertTrue(card.contains("the <code>AthenaDatabase</code> stack parameter (environment <code>ATHENA_DATABASE</code>), "
          + "or <code>--athena-database &lt;database&gt;</code> for the local runner"), card);
      assertFalse(section.contains("<table"), "no tables for a component that did not run");
    }
  }

  @Test
  void escapedAndSelfContained_onlyConsoleLinksLeaveThePage() {
    String html = renderWithFlows(fixture());
    String section = HtmlScan.elementById(html, "section", "athena");

    assertFalse(html.contains("<script") || html.contains("<img src=x"));
    assertTrue(section.contains("Support &lt;script&gt;alert(1)&lt;/script&gt;"), section);
    List<String> hrefs = HtmlScan.attributeValues(section, "href");
    assertFalse(hrefs.isEmpty());
    for (String href : hrefs) {
      assertTrue(href.startsWith("#") || href.startsWith("https://eu-west-2.console.aws.amazon.com/"), href);
      assertTrue(href.startsWith("#") || href.equals(SafeLinks.httpOrNull(href)), href);
    }
    String rest = section.replace(" xmlns=\"http://www.w3.org/2000/svg\"", "");
    for (String href : hrefs) {
      rest = rest.replace(" href=\"" + href + "\"", "");
    }
    assertFalse(rest.contains("http://") || rest.contains("https://"), "a URL outside a console link");
    assertFalse(section.contains("<img") || section.contains("<link") || section.contains("<iframe"));
    assertNull(HtmlScan.balanceProblem(html), HtmlScan.balanceProblem(html));
  }

  @Test
  void withoutThresholds_nothingIsMarkedOrJudged() {
    ObjectNode data = fixture();
    ((ObjectNode) data.get("settings")).putNull("thresholds");

    String section = HtmlScan.elementById(render(ComponentStatus.OK, data), "section", "athena");

    assertFalse(section.contains("kpi-marker") || section.contains("not judged"), section);
    assertNull(HtmlScan.elementById(section, "p", "athena-thresholds"));
    assertTrue(section.contains("<td class=\"num\">7.7 %</td>"), section);
  }

  @Test
  void whenFailed_orNotPartOfTheReview_oneLine() {
    String failed = HtmlScan.elementById(review.renderUnavailable("athena", ComponentStatus.FAILED, "boom", fixture(),
        List.of("Athena GetWorkGroup failed")), "section", "athena");
    assertTrue(failed.contains("Data-lake KPIs are not available (component <a href=\"#component-athena\">athena</a>: "
        + "FAILED).</p>"), failed);
    assertFalse(failed.contains("<table"));

    String absent = HtmlScan.elementById(new SectionReview(dir.resolve("absent")).renderWithoutComponent(), "section",
        "athena");
    assertTrue(absent.contains("(the athena component was not part of this review)"), absent);
  }

  @Test
  void theSectionFollowsTheLogsSection() {
    String html = render(ComponentStatus.OK, fixture());

    int logs = html.indexOf("<section id=\"logs\"");
    int athena = html.indexOf("<section id=\"athena\"");
    assertTrue(logs > 0 && athena > logs, "logs at " + logs + ", athena at " + athena);
    assertTrue(html.indexOf("<section id=\"component-") > athena, "before the component cards");
  }

  private String render(ComponentStatus status, JsonNode data) {
    return review.render("athena", status, data, List.of("query flow_disconnects FAILED"));
  }

  /** The athena and flow components of one review, so the section can name the flows. */
  private String renderWithFlows(JsonNode data) {
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(dir.resolve("with-flows"));
    store.putManifest(manifest(REVIEW_ID, entries("instance", entry(ComponentStatus.OK, null),
        "flow", entry(ComponentStatus.OK, null), "athena", entry(ComponentStatus.OK, null))));
    store.putResult(result("instance", ComponentStatus.OK, List.of(), instanceData("contoso"), List.of()));
    store.putResult(result("flow", ComponentStatus.OK, List.of(), Fixtures.json("fixtures/flow-data.json"), List.of()));
    store.putResult(result("athena", ComponentStatus.OK, List.of(), data, List.of()));
    new ReportGenerator(store, Clock.fixed(Instant.parse("2026-11-23T09:05:07Z"), ZoneOffset.UTC))
        .generate(new ReportRequest(REVIEW_ID));
    return new String(store.getArtifact(REVIEW_ID, "report.html").orElseThrow(), StandardCharsets.UTF_8);
  }

  private static ObjectNode fixture() {
    return (ObjectNode) Fixtures.json("fixtures/athena-data.json").deepCopy();
  }
}
