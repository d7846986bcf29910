package com.connectopsreview.report;

import static com.connectopsreview.report.Fixtures.REVIEW_ID;
import static com.connectopsreview.report.Fixtures.entries;
import static com.connectopsreview.report.Fixtures.entry;
import static com.connectopsreview.report.Fixtures.finding;
import static com.connectopsreview.report.Fixtures.instanceData;
import static com.connectopsreview.report.Fixtures.manifest;
import static com.connectopsreview.report.Fixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.ReportRequest;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A check with more than three findings in one component is one group row with a native details list. */
class FindingGroupsTest {

  private static final String NUMBER_ARN = "arn:aws:connect:eu-west-2:123456789012:phone-number/";
  private static final String NUMBERS_PAGE = "https://contoso.my.connect.aws/numbers#/";

  @TempDir Path dir;

  private LocalDirectoryResultStore store;
  private ReportGenerator generator;

  @BeforeEach
  void setUp() {
    store = new LocalDirectoryResultStore(dir);
    generator = new ReportGenerator(store, Clock.fixed(Instant.parse("2026-11-23T09:05:07Z"), ZoneOffset.UTC));
  }

  @Test
  void manyFindingsOfOneCheck_becomeOneRowInPlace_andTheOtherRowsKeepTheirOrder() {
    List<Finding> findings = new ArrayList<>();
    findings.add(finding("PHONE.CARRIER.SINGLE", Severity.HIGH));
    findings.addAll(unused(5));
    findings.add(finding("PHONE.TOLL_FREE.NONE", Severity.MEDIUM));
    findings.addAll(List.of(finding("PHONE.NUMBER.FAILED", Severity.HIGH), finding("PHONE.NUMBER.FAILED", Severity.HIGH),
        finding("PHONE.NUMBER.FAILED", Severity.HIGH)));
    findings.add(finding("PHONE.INVENTORY.SUMMARY", Severity.INFO));

    String html = renderPhone(findings);

    String table = HtmlScan.elementById(html, "section", "component-phone");
    // Sorted by severity as before; the five LOW findings are one row where the first of them was.
    assertEquals(List.of("PHONE.CARRIER.SINGLE", "PHONE.NUMBER.FAILED", "PHONE.NUMBER.FAILED", "PHONE.NUMBER.FAILED",
        "PHONE.TOLL_FREE.NONE", "PHONE.NUMBER.UNUSED", "PHONE.INVENTORY.SUMMARY"),
        HtmlScan.attributeValues(table, "data-check-id"));
    assertEquals(1, HtmlScan.count(table, "<tr class=\"finding-group sev-low\" data-severity=\"LOW\" "
        + "data-check-id=\"PHONE.NUMBER.UNUSED\" data-count=\"5\">"));
    assertEquals(6, HtmlScan.count(table, "<tr class=\"finding "), "three FAILED stay single rows");
    String group = groupRow(table, "PHONE.NUMBER.UNUSED");
    assertEquals(1, HtmlScan.count(group, "<details class=\"finding-group-list\">"));
    assertTrue(group.contains("<summary>Show the 5 findings</summary>"), group);
    assertEquals(5, HtmlScan.count(group, "<li>"));
    for (int i = 1; i <= 5; i++) {
      assertTrue(group.contains("<strong>+4420794600" + i + "0 is not answered by any flow</strong> "
          + "<code>" + NUMBER_ARN + "n-" + i + "</code>"), group);
    }
    assertFalse(group.contains("<dl class=\"evidence\">"), "evidence stays in report.json");
    assertNull(HtmlScan.balanceProblem(html), HtmlScan.balanceProblem(html));
  }

  @Test
  void sharedRecommendationDetailAndLink_areShownOnceInTheGroupRow() {
    String table = HtmlScan.elementById(renderPhone(unused(4)), "section", "component-phone");

    String group = groupRow(table, "PHONE.NUMBER.UNUSED");
    assertEquals(1, HtmlScan.count(group, "Release it to stop the daily charge."));
    assertTrue(group.contains("<td class=\"recommendation\">Release it to stop the daily charge.</td>"), group);
    assertEquals(1, HtmlScan.count(group, "A daily fee is charged per claimed number."));
    assertEquals(1, HtmlScan.count(group, "href=\"" + NUMBERS_PAGE + "\""), "one link for all four");
    assertEquals(0, HtmlScan.count(group.substring(group.indexOf("<details"), group.indexOf("</details>")), "console-link"));
    assertTrue(group.contains("<td><span class=\"badge sev-low\">LOW</span></td>"), "one severity, no split");
  }

  @Test
  void threeFindingsOfOneCheck_stayRows_fourBecomeAGroup() {
    List<Finding> findings = new ArrayList<>(unused(4));
    for (int i = 0; i < 3; i++) {
      findings.add(finding("PHONE.NUMBER.IN_PROGRESS", Severity.LOW));
    }

    String table = HtmlScan.elementById(renderPhone(findings), "section", "component-phone");

    assertEquals(1, HtmlScan.count(table, "<tr class=\"finding-group "));
    assertEquals(3, HtmlScan.count(table, "<tr class=\"finding sev-low\" data-severity=\"LOW\" "
        + "data-check-id=\"PHONE.NUMBER.IN_PROGRESS\">"));
  }

  @Test
  void countsStayPerFinding_andReportJsonListsEveryFinding() throws IOException {
    List<Finding> findings = new ArrayList<>(unused(7));
    findings.add(finding("PHONE.CARRIER.SINGLE", Severity.HIGH));

    String html = renderPhone(findings);

    assertTrue(html.contains("<span id=\"finding-total\">8</span>"));
    String counts = HtmlScan.elementById(html, "ul", "severity-counts");
    assertTrue(counts.contains("data-severity=\"LOW\"><span class=\"badge sev-low\">LOW</span> <span class=\"count\">7</span>"),
        counts);
    assertTrue(HtmlScan.elementById(html, "table", "components-table").contains("<td>8</td></tr>"));
    assertTrue(HtmlScan.elementById(html, "section", "component-phone").contains("· 8 findings</p>"));
    JsonNode json = Json.mapper().readTree(artifact("report.json"));
    assertEquals(8, json.path("findings").size());
    assertEquals(7L, json.path("summary").path("LOW").longValue());
    assertEquals("PHONE.CARRIER.SINGLE", json.path("findings").get(0).path("checkId").asText());
    for (int i = 1; i <= 7; i++) {
      JsonNode f = json.path("findings").get(i);
      assertEquals("PHONE.NUMBER.UNUSED", f.path("checkId").asText());
      assertEquals(NUMBER_ARN + "n-" + i, f.path("resource").asText());
      assertEquals("+4420794600" + i + "0", f.path("evidence").path("number").asText(), "evidence kept");
    }
  }

  @Test
  void insideTheDetails_everyValueIsEscaped_andOnlyHttpUrlsAreLinks() {
    List<Finding> findings = new ArrayList<>();
    for (int i = 1; i <= 4; i++) {
      findings.add(Finding.builder("FLOW.LOGGING.MISSING", Severity.MEDIUM, Pillar.OPERATIONAL_EXCELLENCE)
          .title("Flow '<img src=x onerror=alert(" + i + ")>' does not log")
          .detail("<script>alert('detail " + i + "')</script>")
          .resource("<svg onload=alert(" + i + ")>")
          .consoleUrl(i == 1 ? "javascript:alert(1)" : "https://contoso.my.connect.aws/contact-flows/edit?id=" + i + "&tab=designer")
          .recommendation(i == 1 ? "<b>different</b>" : "Add a Set logging behavior block.")
          .build());
    }

    String html = renderComponent("flow", findings);

    String group = groupRow(HtmlScan.elementById(html, "section", "component-flow"), "FLOW.LOGGING.MISSING");
    assertFalse(html.contains("<img") || html.contains("<svg") || html.contains("<b>") || html.contains("<script"));
    assertTrue(group.contains("<strong>Flow &#39;&lt;img src=x onerror=alert(1)&gt;&#39; does not log</strong>"), group);
    assertTrue(group.contains("<span class=\"member-detail\">&lt;script&gt;alert(&#39;detail 2&#39;)&lt;/script&gt;</span>"));
    assertTrue(group.contains("<code>&lt;svg onload=alert(3)&gt;</code>"));
    assertTrue(group.contains("<span class=\"unlinked-url\">javascript:alert(1)</span>"));
    assertTrue(group.contains("href=\"https://contoso.my.connect.aws/contact-flows/edit?id=4&amp;tab=designer\""), group);
    assertEquals(3, HtmlScan.count(group, "class=\"console-link\""));
    // Recommendations differ: each finding carries its own, the column says so.
    assertTrue(group.contains("<td class=\"recommendation\">Differs per finding (see the list).</td>"));
    assertTrue(group.contains("<span class=\"member-recommendation\">&lt;b&gt;different&lt;/b&gt;</span>"));
    for (String href : HtmlScan.attributeValues(html, "href")) {
      assertTrue(href.startsWith("#") || href.startsWith("https://"), "unexpected href " + href);
    }
    assertNull(HtmlScan.balanceProblem(html), HtmlScan.balanceProblem(html));
  }

  @Test
  void groupWithMixedSeverities_sitsAtItsMostSevereFinding_andShowsEachSeverity() {
    List<Finding> findings = new ArrayList<>();
    findings.add(finding("FLOW.LOGGING.MISSING", Severity.LOW));
    findings.add(finding("FLOW.LOGGING.MISSING", Severity.LOW));
    findings.add(finding("FLOW.LINT.UNREACHABLE", Severity.LOW));
    findings.add(finding("FLOW.LOGGING.MISSING", Severity.MEDIUM));
    findings.add(finding("FLOW.LOGGING.MISSING", Severity.LOW));
    findings.add(finding("FLOW.LINT.NO_ERROR_BRANCH", Severity.MEDIUM));

    String table = HtmlScan.elementById(renderComponent("flow", findings), "section", "component-flow");

    assertEquals(List.of("FLOW.LOGGING.MISSING", "FLOW.LINT.NO_ERROR_BRANCH", "FLOW.LINT.UNREACHABLE"),
        HtmlScan.attributeValues(table, "data-check-id"));
    String group = groupRow(table, "FLOW.LOGGING.MISSING");
    assertTrue(group.contains("data-severity=\"MEDIUM\""));
    assertTrue(group.contains("<span class=\"severity-split\">1 MEDIUM</span><span class=\"severity-split\">3 LOW</span>"), group);
    assertEquals(1, HtmlScan.count(group, "<li><span class=\"badge sev-medium\">MEDIUM</span>"));
    assertEquals(3, HtmlScan.count(group, "<li><span class=\"badge sev-low\">LOW</span>"));
  }

  /** {@code n} unused-number findings as the phone analyzer writes them: same text, own number and ARN. */
  private static List<Finding> unused(int n) {
    List<Finding> findings = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      findings.add(Finding.builder("PHONE.NUMBER.UNUSED", Severity.LOW, Pillar.COST)
          .title("+4420794600" + i + "0 is not answered by any flow")
          .detail("A daily fee is charged per claimed number.")
          .recommendation("Release it to stop the daily charge.")
          .resource(NUMBER_ARN + "n-" + i)
          .consoleUrl(NUMBERS_PAGE)
          .evidence("number", "+4420794600" + i + "0")
          .build());
    }
    return findings;
  }

  private String renderPhone(List<Finding> findings) {
    return renderComponent("phone", findings);
  }

  private String renderComponent(String component, List<Finding> findings) {
    store.putManifest(manifest(REVIEW_ID, entries(
        "instance", entry(ComponentStatus.OK, null), component, entry(ComponentStatus.OK, null))));
    store.putResult(result("instance", ComponentStatus.OK, List.of(), instanceData("contoso"), List.of()));
    store.putResult(result(component, ComponentStatus.OK, findings, null, List.of()));
    generator.generate(new ReportRequest(REVIEW_ID));
    return artifact("report.html");
  }

  private String artifact(String name) {
    return new String(store.getArtifact(REVIEW_ID, name).orElseThrow(), StandardCharsets.UTF_8);
  }

  /** The group row of a check, from its {@code <tr>} to its end. */
  static String groupRow(String table, String checkId) {
    int at = table.indexOf("<tr class=\"finding-group ");
    while (at >= 0 && !table.startsWith("data-check-id=\"" + checkId + "\"", table.indexOf("data-check-id=", at))) {
      at = table.indexOf("<tr class=\"finding-group ", at + 1);
    }
    assertTrue(at >= 0, "group row of " + checkId);
    return table.substring(at, table.indexOf("</tr>", at) + 5);
  }
}
