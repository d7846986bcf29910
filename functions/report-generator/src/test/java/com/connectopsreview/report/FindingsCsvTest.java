package com.connectopsreview.report;

import static com.connectopsreview.report.Fixtures.REVIEW_ID;
import static com.connectopsreview.report.Fixtures.entries;
import static com.connectopsreview.report.Fixtures.entry;
import static com.connectopsreview.report.Fixtures.manifest;
import static com.connectopsreview.report.Fixtures.result;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.ReportRequest;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** findings.csv read back with Apache Commons CSV: every field survives commas, quotes and line breaks. */
class FindingsCsvTest {

  @TempDir Path dir;

  @Test
  void generate_writesOneRecordPerFinding_thatACsvLibraryReadsBackExactly() throws Exception {
    String hostile = "Queue \"Sales, West\"\r\nline two, =SUM(A1)\n<script>x</script>";
    Finding tricky = Finding.builder("PHONE.NUMBER.UNUSED", Severity.LOW, Pillar.COST).title(hostile)
        .detail("a,b").recommendation("say \"release\"").resource("arn:aws:connect:x,y")
        .evidence("count", 3L).evidence("name", hostile).build();
    Finding plain = Fixtures.finding("PHONE.NUMBER.FAILED", Severity.HIGH);
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(dir);
    store.putManifest(manifest(REVIEW_ID, entries("phone", entry(ComponentStatus.OK, null))));
    store.putResult(result("phone", ComponentStatus.OK, List.of(plain, tricky), null, List.of()));

    new ReportGenerator(store, Clock.fixed(Instant.parse("2026-11-23T09:10:00Z"), ZoneOffset.UTC))
        .generate(new ReportRequest(REVIEW_ID));
    String csv = new String(store.getArtifact(REVIEW_ID, "findings.csv").orElseThrow(), StandardCharsets.UTF_8);
    List<CSVRecord> records = new ArrayList<>();
    CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
        .forEach(records::add);

    assertEquals(2, records.size());
    CSVRecord first = records.get(0);
    assertEquals(List.of("reviewId", "instanceId", "component", "severity", "pillar", "checkId", "title", "detail",
        "recommendation", "resource", "consoleUrl", "evidence"), first.getParser().getHeaderNames());
    assertEquals("HIGH", first.get("severity"), "report order: most severe first");
    CSVRecord r = records.get(1);
    assertEquals(REVIEW_ID, r.get("reviewId"));
    assertEquals(Fixtures.INSTANCE.id(), r.get("instanceId"));
    assertEquals("phone", r.get("component"));
    assertEquals("Cost", r.get("pillar"));
    assertEquals(hostile, r.get("title"));
    assertEquals("a,b", r.get("detail"));
    assertEquals("say \"release\"", r.get("recommendation"));
    assertEquals("arn:aws:connect:x,y", r.get("resource"));
    assertEquals("", r.get("consoleUrl"));
    assertEquals(hostile, com.connectopsreview.shared.json.Json.mapper().readTree(r.get("evidence")).path("name")
        .asText());
  }
}
