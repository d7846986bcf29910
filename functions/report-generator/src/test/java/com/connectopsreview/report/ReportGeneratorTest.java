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
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.report.exception.ReviewNotFoundException;
import com.connectopsreview.shared.exception.InvalidRequestException;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.ReportRequest;
import com.connectopsreview.shared.model.ReportResponse;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportGeneratorTest {

  private static final Instant NOW = Instant.parse("2026-11-23T09:05:07.654Z");

  @TempDir Path dir;

  private LocalDirectoryResultStore store;
  private ReportGenerator generator;

  @BeforeEach
  void setUp() {
    store = new LocalDirectoryResultStore(dir);
    generator = new ReportGenerator(store, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Test
  void generate_whenTextIsHostile_escapesItAndLinksOnlyHttpUrls() {
    String alias = "<script>alert(1)</script>";
    Finding hostile = Finding.builder("INSTANCE.HOSTILE.TEXT", Severity.HIGH, Pillar.SECURITY)
        .title("Quote \" and apostrophe ' in a title")
        .detail("<img src=x onerror=alert(1)>")
        .recommendation("<b>bold</b> & more")
        .resource("<svg onload=alert(1)>")
        .consoleUrl("javascript:alert(1)")
        .evidence("<i>key</i>", "<u>value</u>")
        .build();
    Finding upperCase = Finding.builder("INSTANCE.HOSTILE.SCHEME", Severity.LOW, Pillar.SECURITY)
        .title("data URL").consoleUrl("DATA:text/html;base64,PHNjcmlwdD4=").build();
    Finding good = finding("INSTANCE.GOOD.LINK", Severity.INFO);
    store.putManifest(manifest(REVIEW_ID, entries("instance", entry(ComponentStatus.OK, null))));
    store.putResult(result("instance", ComponentStatus.OK, List.of(hostile, upperCase, good),
        instanceData(alias), List.of()));

    String html = render();

    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "alias escaped");
    assertFalse(html.toLowerCase().contains("<script"), "no script element");
    assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "detail escaped");
    assertFalse(html.contains("<img"), "no img element");
    assertFalse(html.contains("<svg") || html.contains("<b>") || html.contains("<i>") || html.contains("<u>"));
    assertTrue(html.contains("&lt;b&gt;bold&lt;/b&gt; &amp; more"));
    assertTrue(html.contains("Quote &quot; and apostrophe &#39; in a title"));
    // Neither the javascript: nor the data: URL becomes an href; both are still shown as text.
    List<String> hrefs = HtmlScan.attributeValues(html, "href");
    for (String href : hrefs) {
      assertTrue(href.startsWith("#") || href.startsWith("https://"), "unexpected href " + href);
    }
    assertTrue(html.contains("<span class=\"unlinked-url\">javascript:alert(1)</span>"));
    assertTrue(html.contains("<span class=\"unlinked-url\">DATA:text/html;base64,PHNjcmlwdD4=</span>"));
    assertTrue(html.contains("href=\"" + good.consoleUrl() + "\" target=\"_blank\" rel=\"noopener\">Open in console »</a>"));
    assertNull(HtmlScan.balanceProblem(html), HtmlScan.balanceProblem(html));
  }

  @Test
  void generate_whenComponentFailed_rendersFailureCardsWithReasonsAndNoFindingsTable() {
    store.putManifest(manifest(REVIEW_ID, entries(
        "instance", entry(ComponentStatus.OK, null),
        "quota", entry(ComponentStatus.FAILED, "AccessDenied"),
        "metrics", entry(ComponentStatus.FAILED, "analyzer timed out after 120 s"))));
    store.putResult(result("instance", ComponentStatus.OK, List.of(finding("INSTANCE.A.B", Severity.LOW)),
        instanceData("contoso"), List.of()));
    // Findings of a failed component are not shown and not counted.
    store.putResult(result("quota", ComponentStatus.FAILED, List.of(finding("QUOTA.USERS.NEAR_LIMIT", Severity.HIGH)),
        null, List.of("AccessDeniedException: not authorized to perform servicequotas:ListServiceQuotas")));
    // "metrics" is listed but never stored.

    ReportResponse response = generator.generate(new ReportRequest(REVIEW_ID));
    String html = artifact("report.html");

    String quota = HtmlScan.elementById(html, "section", "component-quota");
    assertNotNull(quota);
    assertTrue(quota.contains("class=\"failure-card\""));
    assertTrue(quota.contains("not authorized to perform servicequotas:ListServiceQuotas"));
    assertFalse(quota.contains("<table"), "no findings table for a failed component");
    assertFalse(html.contains("QUOTA.USERS.NEAR_LIMIT"));
    String metrics = HtmlScan.elementById(html, "section", "component-metrics");
    assertTrue(metrics.contains("class=\"failure-card\""));
    assertTrue(metrics.contains("<li>no result stored</li>"));
    assertTrue(metrics.contains("<li>analyzer timed out after 120 s</li>"));
    assertTrue(metrics.contains("data-status=\"FAILED\""));
    assertEquals(1, response.findingCount());
    assertTrue(HtmlScan.elementById(html, "td", "review-status").contains("COMPLETED_WITH_ERRORS"));
    assertNull(HtmlScan.balanceProblem(html), HtmlScan.balanceProblem(html));
  }

  @Test
  void generate_whenComponentPartial_rendersBannerWithErrorsAndItsFindings() {
    store.putManifest(manifest(REVIEW_ID, entries("instance", entry(ComponentStatus.PARTIAL, "throttled"))));
    store.putResult(result("instance", ComponentStatus.PARTIAL, List.of(finding("INSTANCE.LOGS.OFF", Severity.MEDIUM)),
        instanceData("contoso"),
        List.of("ListInstanceStorageConfigs throttled: storage configurations incomplete")));

    String html = render();

    String section = HtmlScan.elementById(html, "section", "component-instance");
    assertTrue(section.contains("class=\"banner banner-partial\""));
    assertTrue(section.contains("<li>ListInstanceStorageConfigs throttled: storage configurations incomplete</li>"));
    assertTrue(section.contains("data-check-id=\"INSTANCE.LOGS.OFF\""));
    assertTrue(section.contains("<table class=\"data findings\" id=\"findings-instance\">"));
    assertTrue(section.contains("· 1 finding</p>"), section);
    assertFalse(section.contains("failure-card"));
  }

  @Test
  void generate_sortsFindingsBySeverityAndCountsMatchTheHeader() throws IOException {
    List<Finding> instanceFindings = List.of(
        finding("INSTANCE.I.ONE", Severity.INFO),
        finding("INSTANCE.C.ONE", Severity.CRITICAL),
        finding("INSTANCE.P.ONE", Severity.PASS),
        finding("INSTANCE.M.ONE", Severity.MEDIUM),
        finding("INSTANCE.H.ONE", Severity.HIGH),
        finding("INSTANCE.L.ONE", Severity.LOW),
        finding("INSTANCE.H.TWO", Severity.HIGH));
    List<Finding> quotaFindings = List.of(
        finding("QUOTA.P.ONE", Severity.PASS), finding("QUOTA.H.ONE", Severity.HIGH));
    store.putManifest(manifest(REVIEW_ID, entries(
        "instance", entry(ComponentStatus.OK, null), "quota", entry(ComponentStatus.OK, null))));
    store.putResult(result("instance", ComponentStatus.OK, instanceFindings, instanceData("contoso"), List.of()));
    store.putResult(result("quota", ComponentStatus.OK, quotaFindings, null, List.of()));

    ReportResponse response = generator.generate(new ReportRequest(REVIEW_ID));
    String html = artifact("report.html");

    String instance = HtmlScan.elementById(html, "section", "component-instance");
    assertEquals(List.of("INSTANCE.C.ONE", "INSTANCE.H.ONE", "INSTANCE.H.TWO", "INSTANCE.M.ONE",
        "INSTANCE.L.ONE", "INSTANCE.I.ONE", "INSTANCE.P.ONE"),
        HtmlScan.attributeValues(instance, "data-check-id"));
    Map<String, Integer> expected = Map.of(
        "CRITICAL", 1, "HIGH", 3, "MEDIUM", 1, "LOW", 1, "INFO", 1, "PASS", 2);
    String counts = HtmlScan.elementById(html, "ul", "severity-counts");
    for (Severity severity : Severity.values()) {
      String marker = "data-severity=\"" + severity + "\">";
      int at = counts.indexOf(marker);
      int countStart = counts.indexOf("<span class=\"count\">", at) + "<span class=\"count\">".length();
      String shown = counts.substring(countStart, counts.indexOf('<', countStart));
      assertEquals(String.valueOf(expected.get(severity.name())), shown, severity.name());
      // And the header agrees with the rows actually rendered.
      assertEquals(expected.get(severity.name()),
          HtmlScan.count(html, "<tr class=\"finding sev-" + severity.name().toLowerCase() + "\""));
    }
    assertEquals(9, response.findingCount());
    assertTrue(html.contains("<span id=\"finding-total\">9</span>"));

    JsonNode json = Json.mapper().readTree(artifact("report.json"));
    expected.forEach((severity, n) -> assertEquals(n.longValue(), json.path("summary").path(severity).longValue()));
    assertEquals(9, json.path("findings").size());
    assertEquals(7, json.path("components").path("instance").path("findingCount").intValue());
  }

  @Test
  void generate_reportJsonKeepsNumbersExactAndDescribesTheReview() throws IOException {
    Finding exact = Finding.builder("QUOTA.USERS.NEAR_LIMIT", Severity.CRITICAL, Pillar.RELIABILITY)
        .title("Users near the limit")
        .evidence("ratio", new BigDecimal("0.1"))
        .evidence("precise", new BigDecimal("12345678901234567890.123456789"))
        .evidence("bigCount", 9007199254740993L)
        .evidence("scaled", new BigDecimal("1E+3"))
        .build();
    store.putManifest(manifest(REVIEW_ID, entries(
        "instance", entry(ComponentStatus.OK, null), "quota", entry(ComponentStatus.OK, null))));
    store.putResult(result("instance", ComponentStatus.OK, List.of(), instanceData("contoso"), List.of()));
    store.putResult(result("quota", ComponentStatus.OK, List.of(exact), null, List.of()));

    ReportResponse response = generator.generate(new ReportRequest(REVIEW_ID));
    String raw = artifact("report.json");
    JsonNode json = Json.mapper().readTree(raw);

    assertEquals(REVIEW_ID, json.path("reviewId").asText());
    assertEquals("2026-11-23T09:05:07Z", json.path("generatedAt").asText());
    assertEquals("contoso", json.path("instance").path("alias").asText());
    assertEquals(Fixtures.INSTANCE.id(), json.path("instance").path("id").asText());
    assertEquals("123456789012", json.path("instance").path("accountId").asText());
    assertEquals("2026-11-09T09:00:00Z", json.path("window").path("start").asText());
    assertEquals("COMPLETED", json.path("status").asText());
    JsonNode quota = json.path("components").path("quota");
    assertEquals("OK", quota.path("status").asText());
    assertEquals(1234L, quota.path("durationMs").longValue());
    assertEquals(2L, quota.path("apiCalls").path("connect:ListInstanceAttributes").longValue());
    assertEquals(1, quota.path("findingCount").intValue());
    assertEquals(1L, json.path("summary").path("CRITICAL").longValue());
    assertEquals(response.findingCount(), json.path("findings").size());

    JsonNode finding = json.path("findings").get(0);
    assertEquals("quota", finding.path("component").asText());
    assertEquals("QUOTA.USERS.NEAR_LIMIT", finding.path("checkId").asText());
    assertEquals("Reliability", finding.path("pillar").asText());
    JsonNode evidence = finding.path("evidence");
    assertEquals(new BigDecimal("0.1"), evidence.path("ratio").decimalValue());
    assertEquals(new BigDecimal("12345678901234567890.123456789"), evidence.path("precise").decimalValue());
    assertEquals(BigInteger.valueOf(9007199254740993L), evidence.path("bigCount").bigIntegerValue());
    assertTrue(raw.contains("\"ratio\":0.1,"), raw);
    assertTrue(raw.contains("\"precise\":12345678901234567890.123456789"));
    assertTrue(raw.contains("\"bigCount\":9007199254740993"));
    assertTrue(raw.contains("\"scaled\":1000"), "plain, not 1E+3");

    String html = artifact("report.html");
    assertTrue(html.contains("<dt>ratio</dt><dd>0.1</dd>"));
    assertTrue(html.contains("<dd>12345678901234567890.123456789</dd>"));
    assertTrue(html.contains("<dd>9007199254740993</dd>"));
    assertTrue(html.contains("<dd>1000</dd>"));
  }

  @Test
  void generate_storesBothArtifactsAndReturnsTheirLocations() {
    store.putManifest(manifest(REVIEW_ID, entries("instance", entry(ComponentStatus.OK, null))));
    store.putResult(result("instance", ComponentStatus.OK, List.of(finding("INSTANCE.A.B", Severity.LOW)),
        instanceData("contoso"), List.of()));

    ReportResponse response = generator.generate(new ReportRequest(REVIEW_ID));

    assertEquals(REVIEW_ID, response.reviewId());
    assertEquals(1, response.findingCount());
    byte[] html = store.getArtifact(REVIEW_ID, "report.html").orElseThrow();
    byte[] json = store.getArtifact(REVIEW_ID, "report.json").orElseThrow();
    assertTrue(response.html().endsWith("report.html"), response.html());
    assertTrue(response.json().endsWith("report.json"), response.json());
    assertEquals(new String(html, StandardCharsets.UTF_8), readLocation(response.html()));
    assertEquals(new String(json, StandardCharsets.UTF_8), readLocation(response.json()));
  }

  @Test
  void generate_whenManifestMissing_throwsNamingTheReviewAndWritesNothing() {
    ReviewNotFoundException e = assertThrows(ReviewNotFoundException.class,
        () -> generator.generate(new ReportRequest(REVIEW_ID)));

    assertTrue(e.getMessage().contains(REVIEW_ID), e.getMessage());
    assertEquals(REVIEW_ID, e.reviewId());
    assertTrue(store.getArtifact(REVIEW_ID, "report.html").isEmpty());
  }

  @Test
  void generate_whenReviewIdInvalid_throwsNamingTheField() {
    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> generator.generate(new ReportRequest("../../etc/passwd")));

    assertTrue(e.getMessage().contains("reviewId"), e.getMessage());
  }

  @Test
  void generate_rendersHeaderOnceInUtcAndAsSelfContainedPrintablePage() {
    store.putManifest(manifest(REVIEW_ID, entries("instance", entry(ComponentStatus.OK, null))));
    store.putResult(result("instance", ComponentStatus.OK, List.of(), instanceData("contoso"), List.of()));

    String html = render();

    assertTrue(html.startsWith("<!DOCTYPE html>"), html.substring(0, 40));
    assertTrue(html.contains("<head>\n<meta charset=\"utf-8\">"), "charset first in head");
    assertTrue(html.contains("<h1>Amazon Connect operational review</h1>"));
    assertTrue(html.contains("<td id=\"generated-at\">2026-11-23 09:05:07 UTC</td>"));
    assertFalse(html.contains("UTC UTC"));
    assertTrue(html.contains("<td id=\"review-window\">2026-11-09 09:00:00 UTC – 2026-11-23 09:00:00 UTC</td>"));
    assertTrue(html.contains("<td id=\"redaction-policy\">allow-list: mandatory fields + Results, Channel, "
        + "InitiationMethod; phone numbers, e-mail addresses and card numbers masked in kept text</td>"), html);
    assertTrue(html.contains("<p class=\"subtitle\">contoso</p>"));
    assertTrue(html.contains("<td>eu-west-2</td>") && html.contains("<td>123456789012</td>"));
    assertTrue(html.contains("<code>" + REVIEW_ID + "</code>"));
    String components = HtmlScan.elementById(html, "table", "components-table");
    assertTrue(components.contains("data-component=\"instance\" data-status=\"OK\""));
    assertTrue(components.contains("<td>1.2 s</td>"), components);
    assertTrue(components.contains("<td>3</td>"), "API calls summed");
    assertTrue(html.contains("@media print"));
    assertFalse(html.contains("<link") || html.contains(" src=") || html.contains("<script"), "self-contained");
    assertNull(HtmlScan.balanceProblem(html), HtmlScan.balanceProblem(html));
  }

  @Test
  void generate_rendersInstanceSectionFromTheInstanceComponentData() {
    store.putManifest(manifest(REVIEW_ID, entries("instance", entry(ComponentStatus.OK, null))));
    store.putResult(result("instance", ComponentStatus.OK, List.of(), instanceData("contoso"), List.of()));

    String html = render();

    String details = HtmlScan.elementById(html, "table", "instance-details");
    assertTrue(details.contains("<th scope=\"row\">Alias</th><td>contoso</td>"));
    assertTrue(details.contains("<code>" + Fixtures.INSTANCE.arn() + "</code>"));
    assertTrue(details.contains("<td>SAML</td>"));
    assertTrue(details.contains("<td>ACTIVE</td>"));
    assertTrue(details.contains("AWSServiceRoleForAmazonConnect_abc"));
    assertTrue(details.contains("<td>2025-01-15 10:30:00 UTC</td>"));
    assertTrue(details.contains("<th scope=\"row\">Inbound calls</th><td>Yes</td>"));
    assertTrue(details.contains("<th scope=\"row\">Outbound calls</th><td>No</td>"));
    assertTrue(details.contains("<a href=\"https://contoso.my.connect.aws\" target=\"_blank\" rel=\"noopener\">"
        + "https://contoso.my.connect.aws</a>"));
    String attributes = HtmlScan.elementById(html, "table", "instance-attributes");
    assertTrue(attributes.indexOf("AUTO_RESOLVE_BEST_VOICES") < attributes.indexOf("CONTACTFLOW_LOGS"), "sorted");
    assertTrue(attributes.contains("<tr><td><code>CONTACT_LENS</code></td><td>true</td></tr>"));
    String replication = HtmlScan.elementById(html, "table", "instance-replication-regions");
    assertTrue(replication.contains("<td>eu-central-1</td><td>INSTANCE_REPLICATION_COMPLETE</td>"));
    assertTrue(HtmlScan.elementById(html, "table", "instance-replication").contains("<td>eu-west-2</td>"));
    String storage = HtmlScan.elementById(html, "table", "instance-storage");
    assertTrue(storage.contains("<code>CALL_RECORDINGS</code>"));
    assertTrue(storage.contains("s3://contoso-recordings/connect"));
    assertTrue(storage.contains("<td>24</td>"));
    assertTrue(HtmlScan.elementById(html, "p", "instance-unconfigured")
        .contains("<code>SCREEN_RECORDINGS</code>, <code>EMAIL_MESSAGES</code>"));
    assertFalse(html.contains("No replica configured"));
    String keys = HtmlScan.elementById(html, "table", "instance-kms-keys");
    assertTrue(keys.contains("<tr data-rotation=\"DISABLED\"><td><code>arn:aws:kms:eu-west-2:123456789012:key/abcd-1234"
        + "</code></td><td>CALL_RECORDINGS: s3://contoso-recordings/connect, Kinesis data stream contoso-ctr</td>"
        + "<td>Enabled</td><td>DISABLED</td>"), keys);
    String streams = HtmlScan.elementById(html, "table", "instance-kinesis-streams");
    assertTrue(streams.contains("<td><code>contoso-ctr</code></td><td>CONTACT_TRACE_RECORDS</td><td>168</td>"
        + "<td>1 of 6 (16.7 %)</td><td>ReadProvisionedThroughputExceeded, WriteProvisionedThroughputExceeded</td>"),
        streams);
  }

  @Test
  void generate_whenInstanceDataIsSparse_rendersDashesAndNoReplica() {
    ObjectNode data = Json.mapper().createObjectNode();
    data.putObject("instance").put("id", Fixtures.INSTANCE.id()).putNull("alias");
    data.putNull("replication");
    store.putManifest(manifest(REVIEW_ID, entries("instance", entry(ComponentStatus.OK, null))));
    store.putResult(result("instance", ComponentStatus.OK, List.of(), data, List.of()));

    String html = render();

    assertTrue(html.contains("<p id=\"instance-replication\" class=\"empty\">No replica configured</p>"));
    assertTrue(html.contains("No instance attributes recorded."));
    assertTrue(html.contains("No storage configurations recorded."));
    String details = HtmlScan.elementById(html, "table", "instance-details");
    assertTrue(details.contains("<th scope=\"row\">Alias</th><td><span class=\"missing\">—</span></td>"));
    // Without an alias the instance id names the instance.
    assertTrue(html.contains("<p class=\"subtitle\">" + Fixtures.INSTANCE.id() + "</p>"));
    assertNull(HtmlScan.balanceProblem(html), HtmlScan.balanceProblem(html));
  }

  @Test
  void generate_whenInstanceComponentFailed_saysDetailsAreUnavailable() {
    store.putManifest(manifest(REVIEW_ID, entries("instance", entry(ComponentStatus.FAILED, "AccessDenied"))));

    String html = render();

    String section = HtmlScan.elementById(html, "section", "instance");
    assertTrue(section.contains("Instance details are not available"));
    assertTrue(section.contains("<a href=\"#component-instance\">instance</a>: FAILED"));
  }

  @Test
  void generate_whenStoredResultIsCorrupt_reportsTheComponentFailedAndStillRenders() {
    store.putManifest(manifest(REVIEW_ID, entries(
        "instance", entry(ComponentStatus.OK, null), "quota", entry(ComponentStatus.OK, null))));
    store.putResult(result("instance", ComponentStatus.OK, List.of(), instanceData("contoso"), List.of()));
    store.putComponent(REVIEW_ID, "quota", "{\"not\": json".getBytes(StandardCharsets.UTF_8));

    String html = render();

    String quota = HtmlScan.elementById(html, "section", "component-quota");
    assertTrue(quota.contains("failure-card"));
    assertTrue(quota.contains("stored result could not be read"));
  }

  @Test
  void generate_includesStoredComponentsTheManifestDoesNotList() throws IOException {
    store.putManifest(manifest(REVIEW_ID, entries("instance", entry(ComponentStatus.OK, null))));
    store.putResult(result("instance", ComponentStatus.OK, List.of(), instanceData("contoso"), List.of()));
    store.putResult(result("phone", ComponentStatus.OK, List.of(finding("PHONE.CARRIER.SINGLE", Severity.MEDIUM)),
        null, List.of()));

    String html = render();

    assertTrue(HtmlScan.elementById(html, "section", "component-phone").contains("PHONE.CARRIER.SINGLE"));
    JsonNode json = Json.mapper().readTree(artifact("report.json"));
    List<String> names = new ArrayList<>();
    json.path("components").fieldNames().forEachRemaining(names::add);
    assertEquals(List.of("instance", "phone"), names);
  }

  @Test
  void templateConfiguration_isOneSharedStrictHtmlConfiguration() {
    ReportGenerator other = new ReportGenerator(store, Clock.systemUTC());
    Configuration cfg = generator.templateConfiguration();

    assertSame(cfg, other.templateConfiguration());
    assertTrue(cfg.getIncompatibleImprovements().intValue() >= Configuration.VERSION_2_3_34.intValue());
    assertSame(HTMLOutputFormat.INSTANCE, cfg.getOutputFormat());
    assertSame(TemplateExceptionHandler.RETHROW_HANDLER, cfg.getTemplateExceptionHandler());
    assertSame(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER, cfg.getNewBuiltinClassResolver());
    assertFalse(cfg.getLogTemplateExceptions());
    assertEquals("UTF-8", cfg.getDefaultEncoding());
  }

  private String render() {
    generator.generate(new ReportRequest(REVIEW_ID));
    return artifact("report.html");
  }

  private String artifact(String name) {
    return new String(store.getArtifact(REVIEW_ID, name).orElseThrow(), StandardCharsets.UTF_8);
  }

  private static String readLocation(String location) {
    try {
      return Files.readString(Path.of(location.replaceFirst("^file://", "")));
    } catch (IOException e) {
      throw new AssertionError("cannot read artifact at " + location, e);
    }
  }
}
