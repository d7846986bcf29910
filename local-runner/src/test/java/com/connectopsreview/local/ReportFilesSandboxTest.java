package com.connectopsreview.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.Sandbox;
import com.connectopsreview.local.sandbox.SandboxOptions;
import com.connectopsreview.local.sandbox.SandboxSize;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files a small-sandbox review leaves beside its report, read as their consumers read them:
 * report.json validated against docs/report.schema.json (the documented contract), findings.csv
 * parsed by a CSV library (one record per finding, fields equal to report.json's), and the summary's
 * fix-first list starting with the CRITICAL findings.
 */
class ReportFilesSandboxTest {

  @TempDir static Path dir;

  private static JsonNode report;
  private static String csv;
  private static String html;

  @BeforeAll
  static void review() {
    try (Sandbox box = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL))) {
      LocalDirectoryResultStore store = new LocalDirectoryResultStore(dir);
      SandboxReviews.run(box, store, "files", "instance", "quota", "metrics", "phone", "flow", "cloudtrail", "logs",
          "athena");
      report = Json.fromBytes(store.getArtifact("files", "report.json").orElseThrow(), JsonNode.class);
      csv = new String(store.getArtifact("files", "findings.csv").orElseThrow(), StandardCharsets.UTF_8);
      html = new String(store.getArtifact("files", "report.html").orElseThrow(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void reportJson_validatesAgainstTheDocumentedSchema() throws Exception {
    Path schemaFile = Path.of("..", "docs", "report.schema.json");
    Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
        .getSchema(Files.readString(schemaFile));

    assertEquals(List.of(), schema.validate(report).stream().map(Object::toString).toList());
    assertTrue(report.path("findings").size() > 100, "the sandbox's findings are all there");
    // The schema is strict enough to fail: an unknown severity and a missing title are refused.
    JsonNode broken = report.deepCopy();
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("findings").get(0)).put("severity", "URGENT");
    ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("findings").get(1)).remove("title");
    assertEquals(2, schema.validate(broken).size(), schema.validate(broken).toString());
  }

  @Test
  void findingsCsv_hasOneRecordPerFinding_equalToReportJson() throws Exception {
    List<CSVRecord> records = new ArrayList<>();
    CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
        .forEach(records::add);
    JsonNode findings = report.path("findings");

    assertEquals(findings.size(), records.size());
    for (int i = 0; i < records.size(); i++) {
      JsonNode f = findings.get(i);
      CSVRecord r = records.get(i);
      assertEquals(f.path("component").asText(), r.get("component"), "row " + i);
      assertEquals(f.path("checkId").asText(), r.get("checkId"), "row " + i);
      assertEquals(f.path("severity").asText(), r.get("severity"), "row " + i);
      assertEquals(f.path("title").asText(), r.get("title"), "row " + i);
      assertEquals(f.path("detail").asText(""), r.get("detail"), "row " + i);
      assertEquals(f.path("recommendation").asText(""), r.get("recommendation"), "row " + i);
      if (!f.path("evidence").isEmpty()) {
        JsonNode read = Json.mapper().readTree(r.get("evidence"));
        assertTrue(f.path("evidence").equals(ReportFilesSandboxTest::sameValue, read), "row " + i + ": " + read);
      }
    }
    assertTrue(records.stream().anyMatch(r -> r.get("title").contains(",")), "a title with a comma survived");
    assertTrue(records.stream().anyMatch(r -> r.get("recommendation").contains("\"")), "a quote survived");
  }

  @Test
  void fixFirst_startsWithTheCriticalFindings_oneItemPerCheck() {
    JsonNode fixes = report.path("fixFirst");
    long critical = report.path("summary").path("CRITICAL").asLong();
    long criticalChecks = new java.util.TreeSet<>(findingsOf("CRITICAL")).size();

    assertTrue(critical >= 1, "the sandbox plants a CRITICAL finding");
    for (int i = 0; i < criticalChecks; i++) {
      assertEquals("CRITICAL", fixes.get(i).path("severity").asText(), "item " + i);
    }
    assertEquals("HIGH", fixes.get((int) criticalChecks).path("severity").asText());
    List<String> keys = new ArrayList<>();
    fixes.forEach(x -> keys.add(x.path("component").asText() + "/" + x.path("checkId").asText()));
    assertEquals(keys.size(), new java.util.HashSet<>(keys).size(), "one item per check");
    // The page opens with them: the fix-first list comes before the review's facts and every section.
    int fixFirst = html.indexOf("<ol id=\"fix-first\"");
    assertTrue(fixFirst > 0 && fixFirst < html.indexOf("id=\"review-facts\""), "fix first, then the facts");
    assertTrue(html.indexOf("data-severity=\"CRITICAL\"", fixFirst) < html.indexOf("data-severity=\"HIGH\"", fixFirst));
    assertEquals(fixes.get(0).path("checkId").asText(), html.substring(html.indexOf("data-check-id=\"", fixFirst) + 15)
        .split("\"")[0]);
  }

  /** Equal nodes, numbers by value (0 and 0.0 are one number). */
  private static int sameValue(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return a.equals(b) ? 0 : 1;
  }

  private static List<String> findingsOf(String severity) {
    List<String> checks = new ArrayList<>();
    report.path("findings").forEach(f -> {
      if (severity.equals(f.path("severity").asText())) {
        checks.add(f.path("component").asText() + "/" + f.path("checkId").asText());
      }
    });
    return checks;
  }
}
