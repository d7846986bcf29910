package com.connectopsreview.report;

import static com.connectopsreview.report.Fixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.model.ComponentStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The capacity section, rendered from fixtures/quota-data.json through the whole generator. */
class CapacitySectionTest {

  private static final String HOSTILE = "<img src=x onerror=alert(1)>";

  @TempDir Path dir;

  private SectionReview review;

  @BeforeEach
  void setUp() {
    review = new SectionReview(dir);
  }

  @Test
  void quotaTable_putsCriticalFirstThenWarningThenTheRestInDataOrder() {
    String table = HtmlScan.elementById(renderWithQuota(ComponentStatus.OK, fixture()), "table", "capacity-quotas");

    assertEquals(List.of("CRITICAL", "CRITICAL", "WARNING", "NORMAL", "NOT_MEASURED", "LIMIT_UNKNOWN"),
        HtmlScan.attributeValues(table, "data-status"));
    // Within the critical band the data order stays: QUEUES (3rd in data) before PROMPTS (4th).
    assertTrue(table.indexOf("L-19A87C94") < table.indexOf("L-0865B754"));
    assertTrue(table.indexOf("Users per instance") < table.indexOf("Contact flows per instance"));
  }

  @Test
  void quotaTable_showsValuesAPercentageWithOneDecimalAndAClampedInlineBar() {
    String table = HtmlScan.elementById(renderWithQuota(ComponentStatus.OK, fixture()), "table", "capacity-quotas");

    String users = row(table, "L-9A46857E");
    assertTrue(users.contains("<td class=\"num\">47</td><td>INSTANCE</td><td class=\"num\">40</td>"), users);
    assertTrue(users.contains("style=\"width: 85.1%\""), users);
    assertTrue(users.contains("<span class=\"pct\">85.1 %</span>"), users);
    assertTrue(users.contains("<span class=\"badge qs-warning\">WARNING</span>"), users);
    String flows = row(table, "L-22922690");
    assertTrue(flows.contains("<span class=\"pct\">24.0 %</span>"), "stored 24 shown as 24.0");
    // Above the limit (a lowered quota): the figure says so, the bar stops at its track's end.
    String prompts = row(table, "L-0865B754");
    assertTrue(prompts.contains("<span class=\"pct\">120.0 %</span>"), prompts);
    assertTrue(prompts.contains("style=\"width: 100.0%\""), prompts);
  }

  @Test
  void quotaTable_linksTheCodeOnlyToAnHttpUrlInTheData() {
    String html = renderWithQuota(ComponentStatus.OK, fixture());
    String table = HtmlScan.elementById(html, "table", "capacity-quotas");

    assertTrue(row(table, "L-19A87C94").contains("<a class=\"quota-link\" href=\"https://eu-west-2.console.aws.amazon.com/"
        + "servicequotas/home/services/connect/quotas/L-19A87C94\" target=\"_blank\" rel=\"noopener\"><code>L-19A87C94</code></a>"));
    assertTrue(row(table, "L-0865B754").contains("<td><code>L-0865B754</code></td>"), "javascript: URL not linked");
    assertTrue(row(table, "L-9A46857E").contains("<td><code>L-9A46857E</code></td>"), "no URL, plain code");
    assertEquals(1, HtmlScan.count(table, "<a "));
    assertFalse(html.contains("javascript:"));
  }

  @Test
  void quotaTable_saysUsageNotMeasuredWithTheNote() {
    String table = HtmlScan.elementById(renderWithQuota(ComponentStatus.OK, fixture()), "table", "capacity-quotas");

    String row = row(table, "L-50375162");
    assertTrue(row.contains("<td colspan=\"2\" class=\"not-measured\">usage not measured"
        + "<span class=\"row-note\">no API counts this quota&#39;s usage</span></td>"), row);
    assertTrue(row.contains("<td class=\"num\">10</td><td>DEFAULT</td>"), row);
    assertTrue(row.contains("<span class=\"badge qs-not-measured\">NOT_MEASURED</span>"), row);
  }

  @Test
  void quotaTable_whenFieldsAreNullOrMissing_showsDashes() {
    String table = HtmlScan.elementById(renderWithQuota(ComponentStatus.OK, fixture()), "table", "capacity-quotas");

    String row = table.substring(table.indexOf("data-status=\"LIMIT_UNKNOWN\""));
    row = row.substring(0, row.indexOf("</tr>"));
    // Code, limit, limit source, usage and percentage are all absent.
    assertEquals(5, HtmlScan.count(row, "<span class=\"missing\">—</span>"), row);
    assertTrue(row.contains("limit not readable: AccessDenied"));
  }

  @Test
  void quotaLabel_withMarkup_isEscaped() {
    String html = renderWithQuota(ComponentStatus.OK, fixture());

    assertFalse(html.contains(HOSTILE));
    assertTrue(HtmlScan.elementById(html, "table", "capacity-quotas")
        .contains("&lt;img src=x onerror=alert(1)&gt;"));
    assertNull(HtmlScan.balanceProblem(html), HtmlScan.balanceProblem(html));
  }

  @Test
  void concurrencyTable_showsPeakDayLimitAndPublishedPercent_andDashesWithoutData() {
    String table = HtmlScan.elementById(renderWithQuota(ComponentStatus.OK, fixture()), "table", "capacity-concurrency");

    assertEquals(List.of("NORMAL", "NO_DATA"), HtmlScan.attributeValues(table, "data-status"));
    String calls = row(table, "L-12AB7C57");
    assertTrue(calls.contains("<td><code>ConcurrentCalls</code></td><td class=\"num\">70</td><td>2026-11-20</td>"
        + "<td class=\"num\">100</td>"), calls);
    assertTrue(calls.contains("<span class=\"pct\">70.0 %</span>"));
    assertTrue(calls.contains("<td class=\"num\">70.0 %</td>"), "published peak");
    String emails = row(table, "L-B117F12F");
    assertTrue(emails.contains("no datapoints in the window"));
    assertEquals(4, HtmlScan.count(emails, "<span class=\"missing\">—</span>"), "peak, day, %, published");
  }

  @Test
  void growthTable_showsMeansGrowthTrendAndWeeksUntilLimit() {
    String table = HtmlScan.elementById(renderWithQuota(ComponentStatus.OK, fixture()), "table", "capacity-growth");

    assertTrue(table.contains("<td class=\"num\">50.00 <span class=\"days\">(8 d)</span></td>"
        + "<td class=\"num\">61.43 <span class=\"days\">(7 d)</span></td><td class=\"num\">+22.9 %</td>"
        + "<td><span class=\"trend trend-rising\">RISING</span></td><td class=\"num\">2.9</td>"), table);
    String emails = table.substring(table.indexOf("Concurrent active emails"));
    assertTrue(emails.contains("<span class=\"row-note\">no datapoints</span>"));
    assertEquals(5, HtmlScan.count(emails.substring(0, emails.indexOf("</tr>")), "—"), "2 means, growth, trend, weeks");
  }

  @Test
  void rateQuotas_listOnlyThoseThatDifferFromTheDefault() {
    String html = renderWithQuota(ComponentStatus.OK, fixture());

    String table = HtmlScan.elementById(html, "table", "capacity-rate-quotas");
    assertTrue(html.contains("1 of 3 API rate quotas differ from the AWS default."));
    assertTrue(table.contains("<td>Rate of StartOutboundVoiceContact API requests</td><td><code>L-99D954BC</code></td>"
        + "<td class=\"num\">2</td><td class=\"num\">10</td>"), table);
    assertFalse(table.contains("DescribeInstance") || table.contains("StartChatContact"));
  }

  @Test
  void rateQuotas_whenAllAtDefault_sayItInOneLine() {
    ObjectNode data = fixture();
    ((ObjectNode) data.path("rateQuotas").get(1)).put("modified", false);

    String html = renderWithQuota(ComponentStatus.OK, data);

    assertTrue(html.contains("<p id=\"capacity-rate-quotas\" class=\"empty\">All 3 API rate quotas are at the AWS default.</p>"));
  }

  @Test
  void otherQuotas_listNameCodeLimitAndUsageNotMeasured() {
    String list = HtmlScan.elementById(renderWithQuota(ComponentStatus.OK, fixture()), "ul", "capacity-other-quotas");

    assertEquals(2, HtmlScan.count(list, "<li>"));
    assertTrue(list.contains("<li>Data tables per instance <code>L-D492D362</code> · limit 150 (ACCOUNT) · "
        + "<span class=\"not-measured\">usage not measured</span></li>"), list);
    assertTrue(list.contains("Workspaces per instance <code>L-6402A996</code> · limit 50 (DEFAULT)"), list);
  }

  @Test
  void whenPartial_showsABannerAndStillTheTables() {
    String section = HtmlScan.elementById(renderWithQuota(ComponentStatus.PARTIAL, fixture()), "section", "capacity");

    assertTrue(section.contains("<strong>Partial results.</strong>"));
    assertTrue(section.contains("<a href=\"#component-quota\">quota</a>"));
    assertTrue(section.contains("id=\"capacity-quotas\""));
  }

  @Test
  void whenQuotaFailed_showsOneShortLineAndNoTables() {
    // Even with data stored, a FAILED component's data is not presented as a result.
    String html = review.renderUnavailable("quota", ComponentStatus.FAILED, "AccessDenied", fixture(),
        List.of("AccessDenied"));

    String section = HtmlScan.elementById(html, "section", "capacity");

    assertTrue(section.contains("<p class=\"empty unavailable\">Capacity details are not available "
        + "(component <a href=\"#component-quota\">quota</a>: FAILED).</p>"), section);
    assertFalse(section.contains("<table"));
  }

  @Test
  void whenQuotaNotPartOfTheReview_saysSo() {
    String section = HtmlScan.elementById(review.renderWithoutComponent(), "section", "capacity");

    assertTrue(section.contains("(the quota component was not part of this review)"), section);
    assertFalse(section.contains("<table"));
  }

  @Test
  void whenQuotaSkipped_showsTheShortLine() {
    String html = review.renderUnavailable("quota", ComponentStatus.SKIPPED, "not requested", null, List.of());

    String section = HtmlScan.elementById(html, "section", "capacity");

    assertTrue(section.contains("<a href=\"#component-quota\">quota</a>: SKIPPED)"), section);
  }

  @Test
  void section_comesAfterTheInstanceSectionAndBeforeTheComponents() {
    String html = renderWithQuota(ComponentStatus.OK, fixture());

    int instance = html.indexOf("<section id=\"instance\"");
    int capacity = html.indexOf("<section id=\"capacity\"");
    int metrics = html.indexOf("<section id=\"contact-center-metrics\"");
    int firstComponent = html.indexOf("<section id=\"component-");
    assertTrue(instance > 0 && instance < capacity && capacity < metrics && metrics < firstComponent);
  }

  private String renderWithQuota(ComponentStatus status, JsonNode data) {
    return review.render("quota", status, data, List.of("ListPrompts: throttled"));
  }

  private static ObjectNode fixture() {
    return (ObjectNode) Fixtures.json("fixtures/quota-data.json").deepCopy();
  }

  private static String row(String table, String marker) {
    return SectionReview.row(table, marker);
  }
}
