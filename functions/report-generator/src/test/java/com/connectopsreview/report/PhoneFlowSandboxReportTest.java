package com.connectopsreview.report;

import static com.connectopsreview.report.Fixtures.REVIEW_ID;
import static com.connectopsreview.report.Fixtures.entries;
import static com.connectopsreview.report.Fixtures.entry;
import static com.connectopsreview.report.Fixtures.manifest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.ReportRequest;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a real local-runner review of the large sandbox with the phone and flow analyzers
 * (1,000 numbers, 2,000 flows): sandbox/phone.json.gz and sandbox/flow.json.gz are the results it
 * stored, unchanged, only gzipped ({@code review-local.sh --sandbox large --analyzers phone,flow}).
 * Rendered one finding per row, that review's report.html was 993,407 bytes.
 */
class PhoneFlowSandboxReportTest {

  /** The same review's report.html rendered one finding per row (before grouping). */
  private static final int UNGROUPED_BYTES = 993_407;

  @TempDir static Path dir;

  private static String html;
  private static JsonNode json;

  @BeforeAll
  static void render() throws IOException {
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(dir);
    store.putManifest(manifest(REVIEW_ID, entries(
        "phone", entry(ComponentStatus.OK, null),
        "flow", entry(ComponentStatus.OK, null))));
    store.putResult(Fixtures.sandboxResult("phone"));
    store.putResult(Fixtures.sandboxResult("flow"));
    new ReportGenerator(store, Clock.fixed(Instant.parse("2026-11-23T23:05:00Z"), ZoneOffset.UTC))
        .generate(new ReportRequest(REVIEW_ID));
    html = new String(store.getArtifact(REVIEW_ID, "report.html").orElseThrow(), StandardCharsets.UTF_8);
    json = Json.mapper().readTree(store.getArtifact(REVIEW_ID, "report.json").orElseThrow());
  }

  @Test
  void sandboxFixtures_areTheLargeScenario() {
    AnalyzerResult phone = Fixtures.sandboxResult("phone");
    AnalyzerResult flow = Fixtures.sandboxResult("flow");
    assertEquals(1000, phone.data().path("numbers").size());
    assertEquals(173, phone.findings().size());
    assertEquals(2000, flow.data().path("flows").size());
    assertEquals(412, flow.findings().size());
  }

  @Test
  void findings_manyOfOneCheckAreOneRowEach_withEveryFindingInTheirDetails() {
    String flow = HtmlScan.elementById(html, "section", "component-flow");
    String missing = FindingGroupsTest.groupRow(flow, "FLOW.LOGGING.MISSING");
    assertTrue(missing.contains("data-count=\"406\""));
    assertEquals(406, HtmlScan.count(missing, "<li>"));
    assertEquals(6, HtmlScan.count(flow, "<tr class=\"finding "), "summary and five lint findings stay rows");

    String phone = HtmlScan.elementById(html, "section", "component-phone");
    String unused = FindingGroupsTest.groupRow(phone, "PHONE.NUMBER.UNUSED");
    assertTrue(unused.contains("data-count=\"166\""));
    assertEquals(166, HtmlScan.count(unused, "<li>"));
    assertEquals(7, HtmlScan.count(phone, "<tr class=\"finding "));
  }

  @Test
  void countsAndReportJson_stayPerFinding() {
    assertTrue(html.contains("<span id=\"finding-total\">585</span>"));
    assertTrue(html.contains("· 412 findings</p>") && html.contains("· 173 findings</p>"));
    assertEquals(585, json.path("findings").size());
    assertEquals(406, countCheck("FLOW.LOGGING.MISSING"));
    assertEquals(166, countCheck("PHONE.NUMBER.UNUSED"));
  }

  @Test
  void sections_listTheProblemNumbersAndUnloggedFlowsWithinTheirLimits() {
    String numbers = HtmlScan.elementById(html, "table", "telephony-numbers");
    assertEquals(50, HtmlScan.count(numbers, "<tr class=\"number-row"));
    assertTrue(numbers.startsWith("<table id=\"telephony-numbers\""));
    assertTrue(html.contains("168 numbers: 1 FAILED, 1 IN_PROGRESS, 166 not answered by any flow."));
    assertTrue(html.contains("118 more numbers not shown"));
    assertEquals(4, HtmlScan.count(HtmlScan.elementById(html, "table", "telephony-diversity"), "<tr class=\"diversity-row\">"));
    assertTrue(HtmlScan.elementById(html, "p", "telephony-lookups").contains("Status checked: 93, not checked this review: 907"));

    String unlogged = HtmlScan.elementById(html, "table", "flows-unlogged");
    assertEquals(50, HtmlScan.count(unlogged, "<tr class=\"unlogged-row\""));
    assertTrue(html.contains("406 flows without an Enabled logging block.</p>"), "none only disables logging");
    assertTrue(html.contains("356 more flows without logging not shown"));
    assertEquals(5, HtmlScan.count(HtmlScan.elementById(html, "table", "flows-lint"), "<tr class=\"lint-row\""));
    assertTrue(HtmlScan.elementById(html, "table", "flows-figures").contains("<td>79.7 % "));
  }

  @Test
  void page_isBalancedSelfContainedAndAFractionOfTheUngroupedSize() {
    assertNull(HtmlScan.balanceProblem(html), HtmlScan.balanceProblem(html));
    assertFalse(html.contains("<script") || html.contains("<link") || html.contains(" src="));
    // 368,507 bytes when written; one finding per row it was 993,407. The 406 + 166 grouped findings
    // still list title, resource ARN and designer link each, which is most of what is left.
    int bytes = html.getBytes(StandardCharsets.UTF_8).length;
    assertTrue(bytes < UNGROUPED_BYTES / 2, "report.html is " + bytes + " bytes, ungrouped " + UNGROUPED_BYTES);
  }

  private static int countCheck(String checkId) {
    int n = 0;
    for (JsonNode finding : json.path("findings")) {
      n += checkId.equals(finding.path("checkId").asText()) ? 1 : 0;
    }
    return n;
  }
}
