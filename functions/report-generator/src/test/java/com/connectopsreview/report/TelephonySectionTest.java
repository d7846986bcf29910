package com.connectopsreview.report;

import static com.connectopsreview.report.Fixtures.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.model.ComponentStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The telephony section, rendered from fixtures/phone-data.json (the small sandbox's phone data with a
 * few hostile and missing values planted) through the whole generator.
 */
class TelephonySectionTest {

  @TempDir Path dir;

  private SectionReview review;

  @BeforeEach
  void setUp() {
    review = new SectionReview(dir);
  }

  @Test
  void keyFigures_showTotalTypesCountriesDiversitySharesAndFlags() {
    String figures = HtmlScan.elementById(renderWithPhone(ComponentStatus.OK, fixture()), "table", "telephony-figures");

    assertTrue(figures.contains("<th scope=\"row\">Phone numbers</th><td>12</td>"), figures);
    assertTrue(figures.contains("<th scope=\"row\">By type</th><td>DID 9 · TOLL_FREE 3</td>"), figures);
    assertTrue(figures.contains("<th scope=\"row\">Countries</th><td>2 (GB 1 · US 11)</td>"), figures);
    assertTrue(figures.contains("<th scope=\"row\">Carrier diversity score</th><td>3 <span class=\"row-note\">"
        + "distinct known carriers</span></td>"), figures);
    assertTrue(figures.contains("<th scope=\"row\">Toll-free share</th><td>25.0 %</td>"));
    assertTrue(figures.contains("<th scope=\"row\">DID share</th><td>75.0 %</td>"));
    assertTrue(figures.contains("<th scope=\"row\">UIFN / short code / third party</th><td>No / No / No</td>"));
  }

  @Test
  void keyFigures_countUnknownCarriers_andShowDashesForMissingValues() {
    ObjectNode data = fixture();
    ((ObjectNode) data.path("byCarrier")).put("Unknown", 2);
    data.remove("tollFreePercent");
    data.putNull("hasUifn");

    String figures = HtmlScan.elementById(renderWithPhone(ComponentStatus.OK, data), "table", "telephony-figures");

    assertTrue(figures.contains("distinct known carriers; 2 numbers with an unknown carrier</span>"), figures);
    assertTrue(figures.contains("<th scope=\"row\">Toll-free share</th><td><span class=\"missing\">—</span></td>"));
    assertTrue(figures.contains("<td><span class=\"missing\">—</span> / No / No</td>"), figures);
  }

  @Test
  void diversityTable_listsCountryCarrierAndCount_escapingTheCarrier() {
    String html = renderWithPhone(ComponentStatus.OK, fixture());

    String table = HtmlScan.elementById(html, "table", "telephony-diversity");
    assertEquals(3, HtmlScan.count(table, "<tr class=\"diversity-row\">"));
    assertTrue(table.contains("<tr class=\"diversity-row\"><td>US</td><td>Northwind Telecom</td><td class=\"num\">8</td></tr>"));
    assertTrue(table.contains("<td>GB</td><td>Fabrikam &lt;b&gt;UK&lt;/b&gt;</td><td class=\"num\">1</td>"), table);
    assertFalse(table.contains("+12095550101"), "the numbers of a row stay in the data");
  }

  @Test
  void insightsAndRecommendations_carryTypeAndPriorityBadges() {
    String html = renderWithPhone(ComponentStatus.OK, fixture());

    String insights = HtmlScan.elementById(html, "ul", "telephony-insights");
    assertEquals(3, HtmlScan.count(insights, "<li "));
    assertTrue(insights.contains("<li class=\"insight insight-warning\"><span class=\"badge insight-warning\">warning</span> "
        + "<strong>Toll-free share above 70 %</strong></li>"), insights);
    assertTrue(insights.contains("<span class=\"badge insight-positive\">positive</span> <strong>International presence "
        + "in 2 countries</strong> <span class=\"row-note\">Numbers in GB, US.</span>"), insights);
    String recommendations = HtmlScan.elementById(html, "ul", "telephony-recommendations");
    assertTrue(recommendations.contains("<span class=\"badge prio-medium\">medium</span> <span class=\"category\">"
        + "Resilience:</span> <strong>Prefer toll-free numbers for the main US entry points</strong>"), recommendations);
    assertTrue(recommendations.contains("<span class=\"badge prio-low\">low</span>"));
  }

  @Test
  void numbersTable_listsOnlyProblemNumbers_failedFirst() {
    String html = renderWithPhone(ComponentStatus.OK, fixture());

    String table = HtmlScan.elementById(html, "table", "telephony-numbers");
    // Listing order: +12095550103 IN_PROGRESS, +12095550104 unused, +12095550107 FAILED, +18005550110 unused (not checked).
    assertEquals(List.of("FAILED", "IN_PROGRESS", "CLAIMED", ""), HtmlScan.attributeValues(table, "data-status"));
    assertTrue(table.indexOf("+12095550104") < table.indexOf("+18005550110"), "listing order within a band");
    assertFalse(table.contains("+12095550101"), "a used, CLAIMED number is not a problem");
    String failed = row(table, "+12095550107");
    assertTrue(failed.contains("<span class=\"badge ps-failed\">FAILED</span><span class=\"row-note\">The phone number "
        + "could not be claimed: the carrier rejected the order."), failed);
    assertTrue(failed.contains("<td>2026-11-23 23:05:15 UTC</td><td>No</td><td>Retention direct line</td>"), failed);
    assertTrue(row(table, "+18005550110").contains("<span class=\"not-measured\">not checked</span></td>"
        + "<td><span class=\"missing\">—</span></td><td>Yes</td>"));
    assertTrue(row(table, "+12095550104").contains("<td>&lt;img src=x onerror=alert(1)&gt;</td>"), "description escaped");
    assertTrue(html.contains("4 numbers: 1 FAILED, 1 IN_PROGRESS, 2 not answered by any flow. FAILED first."));
    assertFalse(html.contains("id=\"telephony-numbers-more\""));
  }

  @Test
  void numbersTable_stopsAtFiftyAndSaysHowManyMore() {
    ObjectNode data = fixture();
    ArrayNode numbers = (ArrayNode) data.path("numbers");
    for (int i = 0; i < 60; i++) {
      numbers.addObject().put("number", String.format("+1303555%04d", i)).put("type", "DID").put("country", "US")
          .put("carrier", "Northwind Telecom").putNull("status").put("unused", true);
    }

    String html = renderWithPhone(ComponentStatus.OK, data);

    String table = HtmlScan.elementById(html, "table", "telephony-numbers");
    assertEquals(50, HtmlScan.count(table, "<tr class=\"number-row"));
    assertTrue(table.contains("+12095550107"), "the FAILED number is among the fifty");
    assertTrue(table.contains("+13035550045") && !table.contains("+13035550046"), "46 of the added numbers fit");
    assertTrue(html.contains("<p id=\"telephony-numbers-more\" class=\"section-note\">14 more numbers not shown;"));
    assertTrue(html.contains("64 numbers: 1 FAILED, 1 IN_PROGRESS, 62 not answered by any flow."));
  }

  @Test
  void numbersTable_whenNoNumberHasAProblem_saysSo() {
    ObjectNode data = fixture();
    for (JsonNode n : data.path("numbers")) {
      ((ObjectNode) n).put("status", "CLAIMED").put("unused", false);
    }

    String html = renderWithPhone(ComponentStatus.OK, data);

    assertTrue(html.contains("<p id=\"telephony-numbers\" class=\"empty\">No number is FAILED, IN_PROGRESS or unused.</p>"));
  }

  @Test
  void lookupsLine_givesLookupsCacheHitsAndStatusChecks_andTheCacheNoteEscaped() {
    ObjectNode data = fixture();
    ((ObjectNode) data.path("lookups")).put("cacheHits", 9).put("carrierLookups", 3).put("statusNotChecked", 5)
        .put("unusedRule", "NO_TARGET");

    String html = renderWithPhone(ComponentStatus.OK, data);

    String line = HtmlScan.elementById(html, "p", "telephony-lookups");
    assertTrue(line.contains("Carrier lookups: 3 sent (0 failed, 0 not looked up), 9 from the cache · "
        + "Status checked: 12, not checked this review: 5"), line);
    assertTrue(line.contains("<span class=\"cache-note\">cache ignored: version 0 &lt;unknown&gt;</span>"), line);
    assertTrue(html.contains("(judged by a missing TargetArn: the flow associations could not be read)"));
  }

  @Test
  void links_onlyHttpUrlsBecomeLinks() {
    String section = HtmlScan.elementById(renderWithPhone(ComponentStatus.OK, fixture()), "section", "telephony");

    assertTrue(section.contains("<a href=\"https://river-juniper-ff8a.my.connect.aws/numbers#/\" target=\"_blank\" "
        + "rel=\"noopener\">Phone numbers (admin website) »</a>"));
    assertFalse(section.contains("javascript:") || section.contains("Telephony (AWS console)"));
  }

  @Test
  void hostileValues_areEscapedAndThePageStaysBalanced() {
    String html = renderWithPhone(ComponentStatus.OK, fixture());

    assertFalse(html.contains("<img") || html.contains("<b>") || html.contains("<unknown>"));
    assertNull(HtmlScan.balanceProblem(html), HtmlScan.balanceProblem(html));
  }

  @Test
  void whenPartial_showsABannerAndStillTheTables() {
    String section = HtmlScan.elementById(renderWithPhone(ComponentStatus.PARTIAL, fixture()), "section", "telephony");

    assertTrue(section.contains("<strong>Partial results.</strong>"));
    assertTrue(section.contains("<a href=\"#component-phone\">phone</a>"));
    assertTrue(section.contains("id=\"telephony-numbers\""));
  }

  @Test
  void whenPhoneFailed_showsOneShortLineAndNoTables() {
    String html = review.renderUnavailable("phone", ComponentStatus.FAILED, "AccessDenied", fixture(),
        List.of("AccessDenied"));

    String section = HtmlScan.elementById(html, "section", "telephony");

    assertTrue(section.contains("<p class=\"empty unavailable\">Telephony details are not available "
        + "(component <a href=\"#component-phone\">phone</a>: FAILED).</p>"), section);
    assertFalse(section.contains("<table"));
  }

  @Test
  void whenPhoneSkipped_showsTheShortLine() {
    String html = review.renderUnavailable("phone", ComponentStatus.SKIPPED, "not requested", null, List.of());

    String section = HtmlScan.elementById(html, "section", "telephony");

    assertTrue(section.contains("<a href=\"#component-phone\">phone</a>: SKIPPED)"), section);
    assertFalse(section.contains("<table"));
  }

  @Test
  void whenPhoneNotPartOfTheReview_saysSo() {
    String section = HtmlScan.elementById(review.renderWithoutComponent(), "section", "telephony");

    assertTrue(section.contains("(the phone component was not part of this review)"), section);
  }

  @Test
  void sections_comeInstanceCapacityMetricsTelephonyFlowsThenTheComponents() {
    String html = renderWithPhone(ComponentStatus.OK, fixture());

    int instance = html.indexOf("<section id=\"instance\"");
    int capacity = html.indexOf("<section id=\"capacity\"");
    int metrics = html.indexOf("<section id=\"contact-center-metrics\"");
    int telephony = html.indexOf("<section id=\"telephony\"");
    int flows = html.indexOf("<section id=\"flows\"");
    int firstComponent = html.indexOf("<section id=\"component-");
    assertTrue(instance > 0 && instance < capacity && capacity < metrics && metrics < telephony
        && telephony < flows && flows < firstComponent);
  }

  private String renderWithPhone(ComponentStatus status, JsonNode data) {
    return review.render("phone", status, data, List.of("PhoneNumberValidate: AccessDenied; 3 numbers stay Unknown"));
  }

  private static ObjectNode fixture() {
    return (ObjectNode) Fixtures.json("fixtures/phone-data.json").deepCopy();
  }

  private static String row(String table, String marker) {
    return SectionReview.row(table, marker);
  }
}
