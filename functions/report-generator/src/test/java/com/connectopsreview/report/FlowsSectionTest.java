package com.connectopsreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.model.ComponentStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flows section, rendered from fixtures/flow-data.json (the small sandbox's flow data with a
 * hostile flow name, a javascript: edit URL, a DISABLED and a not-evaluated flow planted) through the
 * whole generator.
 */
class FlowsSectionTest {

  private static final String HOSTILE_NAME = "Escalations <img src=x onerror=alert(1)> 0014";

  @TempDir Path dir;

  private SectionReview review;

  @BeforeEach
  void setUp() {
    review = new SectionReview(dir);
  }

  @Test
  void keyFigures_showFlowsModulesComplianceInstanceLogsSourceAndCacheUse() {
    String figures = HtmlScan.elementById(renderWithFlow(ComponentStatus.OK, fixture()), "table", "flows-figures");

    assertTrue(figures.contains("<th scope=\"row\">Flows</th><td>24</td>"), figures);
    assertTrue(figures.contains("<th scope=\"row\">Modules</th><td>4</td>"));
    assertTrue(figures.contains("<th scope=\"row\">Logging compliance</th><td>54.2 % <span class=\"row-note\">"));
    assertTrue(figures.contains("<th scope=\"row\">Instance flow logs (CONTACTFLOW_LOGS)</th><td>Disabled</td>"));
    assertTrue(figures.contains("<th scope=\"row\">Content source</th><td>SEARCH</td>"));
    assertTrue(figures.contains("<th scope=\"row\">Analyzed / reused from cache</th><td>28 / 0 "
        + "<span class=\"row-note\">0 Describe calls</span></td>"), figures);
  }

  @Test
  void keyFigures_whenInstanceLogsUnknownAndNothingEvaluated_showDashes() {
    ObjectNode data = fixture();
    data.putNull("instanceFlowLogs");
    data.putNull("loggingCompliancePercent");
    data.remove("analysis");

    String figures = HtmlScan.elementById(renderWithFlow(ComponentStatus.OK, data), "table", "flows-figures");

    assertTrue(figures.contains("<th scope=\"row\">Instance flow logs (CONTACTFLOW_LOGS)</th><td><span class=\"missing\">—</span></td>"));
    assertTrue(figures.contains("<th scope=\"row\">Logging compliance</th><td><span class=\"missing\">—</span> "));
    assertTrue(figures.contains("<td><span class=\"missing\">—</span> / <span class=\"missing\">—</span></td>"), figures);
  }

  @Test
  void byTypeTable_givesFlowsAndThoseWithoutLoggingPerType() {
    String table = HtmlScan.elementById(renderWithFlow(ComponentStatus.OK, fixture()), "table", "flows-by-type");

    assertEquals(9, HtmlScan.count(table, "<tr class=\"type-row\">"));
    assertTrue(table.contains("<td><code>CONTACT_FLOW</code></td><td class=\"num\">12</td><td class=\"num\">2</td>"), table);
    assertTrue(table.contains("<td><code>QUEUE_TRANSFER</code></td><td class=\"num\">2</td><td class=\"num\">2</td>"));
    assertTrue(table.contains("<td><code>AGENT_WHISPER</code></td><td class=\"num\">2</td><td class=\"num\">1</td>"));
  }

  @Test
  void lintTable_listsEveryHitWithItsBlock_escapingTheMessage() {
    String html = renderWithFlow(ComponentStatus.OK, fixture());

    String table = HtmlScan.elementById(html, "table", "flows-lint");
    assertEquals(List.of("FLOW.LINT.NO_ERROR_BRANCH", "FLOW.LINT.UNREACHABLE", "FLOW.LINT.LAMBDA_TIMEOUT",
        "FLOW.LINT.HARDCODED_PHONE", "FLOW.LINT.LOGGING_NOT_REENABLED"), HtmlScan.attributeValues(table, "data-check-id"));
    assertTrue(table.contains("<td>Planted lint: CRM lookup with a 30 s Lambda timeout</td>"
        + "<td><code>35d7b43e-7d59-4eea-9997-ebb9c82badf2</code></td><td>InvokeLambdaFunction</td>"
        + "<td>InvocationTimeLimitSeconds 30 is outside 1..8</td>"), table);
    assertTrue(table.contains("<td>&lt;script&gt;alert(&#39;lint&#39;)&lt;/script&gt; is not reachable</td>"));
    assertFalse(html.contains("id=\"flows-lint-more\""));
  }

  @Test
  void lintTable_stopsAtAHundredAndSaysHowManyMore() {
    ObjectNode data = fixture();
    ArrayNode lint = (ArrayNode) data.path("lint");
    for (int i = 0; i < 120; i++) {
      lint.addObject().put("checkId", "FLOW.LINT.UNREACHABLE").put("flowName", "Generated " + i)
          .put("blockId", "block-" + i).put("actionType", "MessageParticipant").put("message", "unreachable");
    }

    String html = renderWithFlow(ComponentStatus.OK, data);

    String table = HtmlScan.elementById(html, "table", "flows-lint");
    assertEquals(100, HtmlScan.count(table, "<tr class=\"lint-row\""));
    assertTrue(table.contains("<td>Generated 94</td>") && !table.contains("<td>Generated 95</td>"));
    assertTrue(html.contains("<p id=\"flows-lint-more\" class=\"section-note\">25 more lint hits not shown (125 in all);"));
  }

  @Test
  void lintTable_whenNoHits_saysSo() {
    ObjectNode data = fixture();
    data.putArray("lint");

    assertTrue(renderWithFlow(ComponentStatus.OK, data).contains("<p id=\"flows-lint\" class=\"empty\">No lint hits.</p>"));
  }

  @Test
  void unloggedTable_listsDisabledFirstThenAbsent_withFlagsAndSafeEditLinks() {
    String html = renderWithFlow(ComponentStatus.OK, fixture());

    String table = HtmlScan.elementById(html, "table", "flows-unlogged");
    List<String> logging = HtmlScan.attributeValues(table, "data-logging");
    assertEquals(11, logging.size());
    assertEquals("DISABLED", logging.getFirst());
    assertEquals(10, Collections.frequency(logging, "ABSENT"));
    assertTrue(row(table, "Onboarding transfer 0009").contains("<td><code>QUEUE_TRANSFER</code></td><td>ARCHIVED</td>"
        + "<td>SAVED</td><td>DISABLED</td><td>No</td>"));
    assertFalse(table.contains("Returns inbound 0011"), "not evaluated is not 'without logging'");
    assertFalse(table.contains("Billing inbound 0006"), "logs");
    String hold = row(table, "Default agent hold");
    assertTrue(hold.contains("<span class=\"row-note\">relies on the instance's flow logs</span>"), hold);
    assertTrue(hold.contains("<td>Yes</td><td><span class=\"missing\">—</span></td>"), "default flow, no edit URL");
    String hostile = row(table, "Escalations &lt;img src=x onerror=alert(1)&gt; 0014");
    assertTrue(hostile.contains("<td>No</td><td><span class=\"missing\">—</span></td>"), "javascript: URL not linked");
    assertTrue(row(table, "Default customer queue").contains("<a class=\"console-link\" href=\"https://river-juniper-ff8a"
        + ".my.connect.aws/contact-flows/edit?id=arn%3Aaws%3Aconnect"), "designer link");
    assertEquals(9, HtmlScan.count(table, "Edit »</a>"));
    assertTrue(html.contains("11 flows without an Enabled logging block: 1 only disable logging (listed first), "
        + "10 have no logging block; 1 not evaluated (content not read or not Flow Language)."));
  }

  @Test
  void unloggedTable_stopsAtFiftyAndSaysHowManyMore() {
    ObjectNode data = fixture();
    ArrayNode flows = (ArrayNode) data.path("flows");
    for (int i = 0; i < 45; i++) {
      flows.addObject().put("name", "Generated " + i).put("type", "CONTACT_FLOW").put("state", "ACTIVE")
          .put("status", "PUBLISHED").put("defaultFlow", false).put("logging", "ABSENT");
    }

    String html = renderWithFlow(ComponentStatus.OK, data);

    String table = HtmlScan.elementById(html, "table", "flows-unlogged");
    assertEquals(50, HtmlScan.count(table, "<tr class=\"unlogged-row\""));
    assertTrue(table.contains("<td>Generated 38</td>") && !table.contains("<td>Generated 39</td>"), "11 + 39 = 50");
    assertTrue(html.contains("<p id=\"flows-unlogged-more\" class=\"section-note\">6 more flows without logging not shown;"));
  }

  @Test
  void unloggedTable_whenEveryFlowLogs_saysSo() {
    ObjectNode data = fixture();
    for (JsonNode flow : data.path("flows")) {
      ((ObjectNode) flow).put("logging", "ENABLED");
    }

    String html = renderWithFlow(ComponentStatus.OK, data);

    assertTrue(html.contains("<p id=\"flows-unlogged\" class=\"empty\">Every evaluated flow logs.</p>"));
  }

  @Test
  void hostileValues_areEscapedAndOnlyHttpUrlsAreLinks() {
    String html = renderWithFlow(ComponentStatus.OK, fixture());

    assertFalse(html.contains(HOSTILE_NAME) || html.contains("<script") || html.contains("javascript:"));
    for (String href : HtmlScan.attributeValues(html, "href")) {
      assertTrue(href.startsWith("#") || href.startsWith("https://"), "unexpected href " + href);
    }
    assertNull(HtmlScan.balanceProblem(html), HtmlScan.balanceProblem(html));
  }

  @Test
  void whenPartial_showsABannerAndStillTheTables() {
    String section = HtmlScan.elementById(renderWithFlow(ComponentStatus.PARTIAL, fixture()), "section", "flows");

    assertTrue(section.contains("<strong>Partial results.</strong>"));
    assertTrue(section.contains("<a href=\"#component-flow\">flow</a>"));
    assertTrue(section.contains("id=\"flows-unlogged\""));
  }

  @Test
  void whenFlowFailed_showsOneShortLineAndNoTables() {
    String html = review.renderUnavailable("flow", ComponentStatus.FAILED, "AccessDenied", fixture(),
        List.of("AccessDenied"));

    String section = HtmlScan.elementById(html, "section", "flows");

    assertTrue(section.contains("<p class=\"empty unavailable\">Flow details are not available "
        + "(component <a href=\"#component-flow\">flow</a>: FAILED).</p>"), section);
    assertFalse(section.contains("<table"));
  }

  @Test
  void whenFlowSkipped_showsTheShortLine() {
    String html = review.renderUnavailable("flow", ComponentStatus.SKIPPED, "not requested", null, List.of());

    String section = HtmlScan.elementById(html, "section", "flows");

    assertTrue(section.contains("<a href=\"#component-flow\">flow</a>: SKIPPED)"), section);
    assertFalse(section.contains("<table"));
  }

  @Test
  void whenFlowNotPartOfTheReview_saysSo() {
    String section = HtmlScan.elementById(review.renderWithoutComponent(), "section", "flows");

    assertTrue(section.contains("(the flow component was not part of this review)"), section);
  }

  private String renderWithFlow(ComponentStatus status, JsonNode data) {
    return review.render("flow", status, data, List.of("flow 'Billing inbound 0006' (id): throttled"));
  }

  private static ObjectNode fixture() {
    return (ObjectNode) Fixtures.json("fixtures/flow-data.json").deepCopy();
  }

  private static String row(String table, String marker) {
    return SectionReview.row(table, marker);
  }
}
