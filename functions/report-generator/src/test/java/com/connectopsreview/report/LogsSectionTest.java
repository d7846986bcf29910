package com.connectopsreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.sections.LogsSection;
import com.connectopsreview.shared.sections.SectionContract;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flow errors, alarms and retention section, rendered from fixtures/logs-data.json (the small
 * sandbox's logs data with a hostile flow name and a sample that is not JSON planted) through the
 * whole generator.
 */
class LogsSectionTest {

  @TempDir Path dir;

  private SectionReview review;

  @BeforeEach
  void setUp() {
    review = new SectionReview(dir);
  }

  @Test
  void theFixtureIsTheSectionsRecord() {
    SectionContract.assertRoundTrip(fixture(), LogsSection.class);
  }

  @Test
  void flowFigures_groupWindowTotalPolicy_andTheLogsInsightsLink() {
    String html = render(ComponentStatus.OK, fixture());

    String figures = HtmlScan.elementById(html, "table", "logs-flow-figures");
    assertTrue(figures.contains("<code>/aws/connect/river-juniper-ff8a</code> <span class=\"row-note\">DISCOVERED</span>"),
        figures);
    assertTrue(figures.contains("<td id=\"logs-flow-total\">211 <span class=\"row-note\">in 5 flows</span></td>"), figures);
    assertTrue(figures.contains("<td id=\"logs-policy\">allow-list: mandatory fields + Results"), figures);
    assertTrue(html.contains("<a id=\"logs-insights-link\" href=\"https://us-east-1.console.aws.amazon.com/cloudwatch/"
        + "home?region=us-east-1#logsV2:logs-insights$3FqueryDetail$3D~(end~&#39;"), html);
  }

  @Test
  void categoriesAndFlows_everyCategory_flowsWithTheirSeverityBand_namesEscaped() {
    String html = render(ComponentStatus.OK, fixture());

    String categories = HtmlScan.elementById(html, "table", "logs-by-category");
    assertEquals(List.of("TIMEOUT", "LAMBDA", "LEX", "INVALID_INPUT", "NOT_FOUND", "OTHER"),
        HtmlScan.attributeValues(categories, "data-category"));
    assertTrue(categories.contains("<td>Lambda failure</td><td class=\"num\">150</td>"), categories);
    String flows = HtmlScan.elementById(html, "table", "logs-by-flow");
    assertEquals(5, HtmlScan.count(flows, "<tr class=\"flow-row\">"));
    String orders = SectionReview.row(flows, "Planted lint: order lookup without error branch");
    assertTrue(orders.contains("<td class=\"num\">150</td><td class=\"num\">10.71</td><td><span class=\"badge sev-high\">"
        + "HIGH</span></td><td>Lambda failure 150</td><td>InvokeExternalResource 150</td>"), orders);
    assertTrue(flows.contains("Billing &lt;img src=x onerror=alert(1)&gt; 0006"));
    assertFalse(html.contains("<img src=x"));
    assertTrue(SectionReview.row(flows, "Technical inbound 0010").contains("badge sev-low"));
  }

  @Test
  void samples_areShownAsStored_redacted_andEscaped() {
    String table = HtmlScan.elementById(render(ComponentStatus.OK, fixture()), "table", "logs-samples");

    assertEquals(3, HtmlScan.count(table, "<tr class=\"sample-row\">"));
    assertTrue(table.contains("&quot;CustomerNumber&quot;:&quot;[redacted]&quot;"), table);
    assertTrue(table.contains("<code>not json: &lt;script&gt;x&lt;/script&gt; call [phone]</code>"), table);
  }

  @Test
  void alarms_everyRecommendedAlarm_foundOrMissing_withState() {
    String html = render(ComponentStatus.OK, fixture());

    String table = HtmlScan.elementById(html, "table", "logs-alarms");
    List<String> found = HtmlScan.attributeValues(table, "data-found");
    assertEquals(15, found.size());
    assertEquals(6, found.stream().filter("true"::equals).count());
    assertTrue(SectionReview.row(table, "<code>ChatsBreachingActiveChatQuota</code>").contains("<strong>missing</strong>"));
    assertTrue(SectionReview.row(table, "<code>ThrottledCalls</code>").contains("river-juniper-ff8a-throttled-calls "
        + "<span class=\"row-note\">ALARM; Sum GreaterThanThreshold 0.0 over 300 s</span>"), table);
    assertTrue(SectionReview.row(table, "<code>ContactFlowErrors</code>").contains("OK, no actions"), table);
    assertTrue(html.contains("6 of 15 recommended alarms exist (coverage 40.0 %); 1 in ALARM, 1 without actions"), html);
  }

  @Test
  void retention_everyGroup_theFlowLogGroupMarkedAndNeverExpiring() {
    String table = HtmlScan.elementById(render(ComponentStatus.OK, fixture()), "table", "logs-retention");

    assertEquals(List.of("never", "30 days"), HtmlScan.attributeValues(table, "data-retention"));
    assertTrue(SectionReview.row(table, "<code>/aws/connect/river-juniper-ff8a</code>")
        .contains("<span class=\"row-note\">the flow-log group</span></td><td><strong>Never expire</strong></td>"), table);
  }

  @Test
  void noFlowLogGroup_saysWhyAndDrawsNoFlowTables_theOtherPartsStay() {
    ObjectNode data = fixture();
    ObjectNode flowErrors = (ObjectNode) data.get("flowErrors");
    flowErrors.put("status", "NO_LOG_GROUP").put("note", "/aws/connect/river-juniper-ff8a does not exist")
        .putNull("logGroup").put("source", "NONE").put("totalErrors", 0);
    for (String part : List.of("byCategory", "byBlockType", "flows", "samples", "insightsUrl", "queries")) {
      flowErrors.putNull(part);
    }

    String html = render(ComponentStatus.OK, data);

    String status = HtmlScan.elementById(html, "td", "logs-flow-status");
    assertTrue(status.contains("NO_LOG_GROUP <span class=\"row-note\">/aws/connect/river-juniper-ff8a does not exist"),
        status);
    assertFalse(html.contains("id=\"logs-by-flow\""));
    assertFalse(html.contains("id=\"logs-insights-link\""));
    assertTrue(html.contains("id=\"logs-alarms\""));
  }

  @Test
  void partial_withAlarmsNotRead_saysSoForThatPart() {
    ObjectNode data = fixture();
    data.putNull("alarms");

    String html = review.render("logs", ComponentStatus.PARTIAL, data, List.of("CloudWatch alarms not read"));

    assertTrue(html.contains("<p id=\"logs-alarms\" class=\"empty\">The CloudWatch alarms could not be read.</p>"));
    assertTrue(HtmlScan.elementById(html, "section", "logs").contains("<strong>Partial results.</strong>"));
  }

  @Test
  void whenLogsFailed_orWasNotPartOfTheReview_saysSo() {
    String failed = HtmlScan.elementById(review.renderUnavailable("logs", ComponentStatus.FAILED, "boom", null,
        List.of()), "section", "logs");
    assertTrue(failed.contains("<a href=\"#component-logs\">logs</a>: FAILED)"), failed);
    assertFalse(failed.contains("<table"));

    String absent = HtmlScan.elementById(new SectionReview(dir.resolve("other")).renderWithoutComponent(), "section",
        "logs");
    assertTrue(absent.contains("(the logs component was not part of this review)"), absent);
  }

  private String render(ComponentStatus status, JsonNode data) {
    return review.render("logs", status, data, List.of("flow-error samples not read"));
  }

  private static ObjectNode fixture() {
    return (ObjectNode) Fixtures.json("fixtures/logs-data.json").deepCopy();
  }
}
