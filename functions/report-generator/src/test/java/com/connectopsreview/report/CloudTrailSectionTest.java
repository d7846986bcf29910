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

import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.ReportRequest;
import com.connectopsreview.shared.sections.CloudTrailSection;
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
 * The API-throttling section, rendered from fixtures/cloudtrail-data.json (the small sandbox's
 * cloudtrail data, with a hostile caller ARN, a javascript: event-history URL and a script in a sample's
 * error message planted) through the whole generator.
 */
class CloudTrailSectionTest {

  @TempDir Path dir;

  private SectionReview review;

  @BeforeEach
  void setUp() {
    review = new SectionReview(dir);
  }

  @Test
  void fixture_isTheSectionRecord() {
    SectionContract.assertRoundTrip(fixture(), CloudTrailSection.class);
  }

  @Test
  void keyFigures_showTheWindowTotalsExclusionsAndThePolicy() {
    String figures = HtmlScan.elementById(render(ComponentStatus.OK, fixture()), "table", "cloudtrail-figures");

    assertTrue(figures.contains("<td id=\"cloudtrail-window\">2026-11-20 01:50:15 UTC – 2026-12-04 01:50:15 UTC "
        + "<span class=\"row-note\">complete</span></td>"), figures);
    assertTrue(figures.contains("<td>1000 <span class=\"row-note\">in 20 LookupEvents pages"), figures);
    assertTrue(figures.contains("<td id=\"cloudtrail-throttled\">167 <span class=\"row-note\">165 name this instance, "
        + "2 name no instance (account level)</span></td>"), figures);
    assertTrue(figures.contains("<th scope=\"row\">Excluded: other Regions</th><td>40 <span class=\"row-note\">40 "
        + "throttled</span></td>"), figures);
    assertTrue(figures.contains("<th scope=\"row\">Excluded: other instances</th><td>50 <span class=\"row-note\">20 "
        + "throttled</span></td>"), figures);
    assertTrue(figures.contains("<td id=\"cloudtrail-policy\">allow-list: mandatory fields + Results"), figures);
    assertFalse(figures.contains("Requested start"), "the window was not cut");
  }

  @Test
  void byApi_listsThrottledApisFirstWithSeverityAndTheQuotaTheQuotaComponentListed() {
    String table = HtmlScan.elementById(renderWithQuota(), "table", "cloudtrail-by-api");

    assertEquals(List.of("GetCurrentMetricData", "ListUsers", "DescribeUser", "StartOutboundVoiceContact",
        "SearchContacts", "ListInstances"), HtmlScan.attributeValues(table, "data-api").subList(0, 6));
    String gcmd = SectionReview.row(table, "<code>GetCurrentMetricData</code>");
    assertTrue(gcmd.contains("<td class=\"num\">200</td><td class=\"num\">120</td><td class=\"num\">60.0 %</td>"
        + "<td class=\"num\">120</td><td class=\"num\">60.0 %</td>"), gcmd);
    assertTrue(gcmd.contains("sev-high"), gcmd);
    String outbound = SectionReview.row(table, "<code>StartOutboundVoiceContact</code>");
    assertTrue(outbound.contains("Rate of StartOutboundVoiceContact API requests <a href=\"https://eu-west-2.console"
        + ".aws.amazon.com/servicequotas/home/services/connect/quotas/L-99D954BC\""), outbound);
    assertTrue(outbound.contains("<span class=\"row-note\">applied 10/s</span>"), outbound);
    assertTrue(SectionReview.row(table, "<code>DescribeUser</code>").contains("sev-medium"));
    assertTrue(SectionReview.row(table, "<code>ListInstances</code>").contains("Rate of ListInstances API requests</td>"),
        "no code where the quota component listed none");
    String quiet = SectionReview.row(table, "<code>ListQueues</code>");
    assertTrue(quiet.contains("<td><span class=\"missing\">—</span></td><td><span class=\"missing\">—</span></td>"),
        "no severity and no quota for an API without throttling: " + quiet);
  }

  @Test
  void byCaller_namesTheRoleWithSessionsUserAgentAndIp_mostThrottledFirst() {
    String table = HtmlScan.elementById(render(ComponentStatus.OK, fixture()), "table", "cloudtrail-by-caller");

    List<String> callers = HtmlScan.attributeValues(table, "data-caller");
    assertEquals("arn:aws:iam::123456789012:role/CrmIntegrationRole", callers.get(0));
    assertEquals("arn:aws:iam::123456789012:user/ops-admin", callers.get(1));
    String crm = SectionReview.row(table, "CrmIntegrationRole</code>");
    assertTrue(crm.contains("<td class=\"num\">560</td><td class=\"num\">137</td>"
        + "<td>GetCurrentMetricData 120, DescribeUser 12, StartOutboundVoiceContact 5</td>"), crm);
    assertTrue(crm.contains("AssumedRole; sessions crm-sync-0"), crm);
    assertTrue(crm.contains("CrmConnector/3.2</code> (560)"), crm);
    assertTrue(crm.contains("198.51.100.23 (560)"), crm);
  }

  @Test
  void byDayAndSamples_areListed_samplesAsStoredAfterRedaction() {
    String html = render(ComponentStatus.OK, fixture());

    assertEquals(15, HtmlScan.count(HtmlScan.elementById(html, "table", "cloudtrail-by-day"), "<tr class=\"day-row\">"));
    String samples = HtmlScan.elementById(html, "table", "cloudtrail-samples");
    assertEquals(10, HtmlScan.count(samples, "<tr class=\"sample-row\">"));
    assertTrue(samples.contains("&quot;DestinationPhoneNumber&quot;:&quot;[redacted]&quot;"), samples);
    assertTrue(samples.contains("<td>this instance</td>"));
  }

  @Test
  void hostileValues_areEscapedAndOnlyHttpUrlsAreLinks() {
    String html = render(ComponentStatus.OK, fixture());

    assertFalse(html.contains("<img src=x") || html.contains("<script") || html.contains("javascript:"));
    assertTrue(html.contains("role/&lt;img src=x onerror=alert(1)&gt;"));
    for (String href : HtmlScan.attributeValues(html, "href")) {
      assertTrue(href.startsWith("#") || href.startsWith("https://"), "unexpected href " + href);
    }
    String row = SectionReview.row(HtmlScan.elementById(html, "table", "cloudtrail-by-api"), "<code>ListQueues</code>");
    assertFalse(row.contains("Events »"), "the javascript: URL is not linked: " + row);
    assertNull(HtmlScan.balanceProblem(html), HtmlScan.balanceProblem(html));
  }

  @Test
  void whenPartial_saysHowFarBackItWasRead() {
    ObjectNode data = fixture();
    ObjectNode window = (ObjectNode) data.get("window");
    window.put("complete", false).put("analyzedFrom", "2026-11-30T12:00:00Z");

    String section = HtmlScan.elementById(render(ComponentStatus.PARTIAL, data), "section", "cloudtrail");

    assertTrue(section.contains("<strong>Partial results.</strong> The event history was analysed back to "
        + "2026-11-30 12:00:00 UTC only."), section);
    assertTrue(section.contains("<strong>partial:</strong> analysed back to 2026-11-30 12:00:00 UTC of the window "
        + "from 2026-11-20 01:50:15 UTC"), section);
  }

  @Test
  void whenTheWindowWasCut_showsTheRequestedStart() {
    ObjectNode data = fixture();
    ((ObjectNode) data.get("window")).put("clamped", true).put("requestedStart", "2026-08-01T00:00:00Z");

    String figures = HtmlScan.elementById(render(ComponentStatus.OK, data), "table", "cloudtrail-figures");

    assertTrue(figures.contains("<th scope=\"row\">Requested start</th><td>2026-08-01 00:00:00 UTC "
        + "<span class=\"row-note\">cut to the last 90 days"), figures);
  }

  @Test
  void whenFailed_showsOneShortLineAndNoTables() {
    String html = review.renderUnavailable("cloudtrail", ComponentStatus.FAILED, "AccessDenied", fixture(),
        List.of("CloudTrail LookupEvents failed: AccessDeniedException"));

    String section = HtmlScan.elementById(html, "section", "cloudtrail");

    assertTrue(section.contains("API throttling details are not available (component <a href=\"#component-cloudtrail\">"
        + "cloudtrail</a>: FAILED).</p>"), section);
    assertFalse(section.contains("<table"));
  }

  @Test
  void whenNotPartOfTheReview_saysSo() {
    String section = HtmlScan.elementById(review.renderWithoutComponent(), "section", "cloudtrail");

    assertTrue(section.contains("(the cloudtrail component was not part of this review)"), section);
  }

  private String render(ComponentStatus status, JsonNode data) {
    return review.render("cloudtrail", status, data, List.of("time budget spent; analyzed back to ..."));
  }

  /** The cloudtrail and quota components of one review, so the section can name the rate quotas. */
  private String renderWithQuota() {
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(dir.resolve("with-quota"));
    store.putManifest(manifest(REVIEW_ID, entries("instance", entry(ComponentStatus.OK, null),
        "quota", entry(ComponentStatus.OK, null), "cloudtrail", entry(ComponentStatus.OK, null))));
    store.putResult(result("instance", ComponentStatus.OK, List.of(), instanceData("contoso"), List.of()));
    store.putResult(result("quota", ComponentStatus.OK, List.of(), Fixtures.json("fixtures/quota-data.json"),
        List.of()));
    store.putResult(result("cloudtrail", ComponentStatus.OK, List.of(), fixture(), List.of()));
    new ReportGenerator(store, Clock.fixed(Instant.parse("2026-12-04T02:00:00Z"), ZoneOffset.UTC))
        .generate(new ReportRequest(REVIEW_ID));
    return new String(store.getArtifact(REVIEW_ID, "report.html").orElseThrow(), StandardCharsets.UTF_8);
  }

  private static ObjectNode fixture() {
    return (ObjectNode) Fixtures.json("fixtures/cloudtrail-data.json").deepCopy();
  }
}
