package com.connectopsreview.athena;

import static com.connectopsreview.athena.Fixtures.INSTANCE;
import static com.connectopsreview.athena.Fixtures.NOW;
import static com.connectopsreview.athena.Fixtures.REVIEW_ID;
import static com.connectopsreview.athena.Fixtures.WINDOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.model.ComponentEntry;
import com.connectopsreview.shared.model.ReviewManifest;
import com.connectopsreview.shared.model.ReviewStatus;
import com.connectopsreview.shared.sections.AthenaSection.Export;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportWriterTest {

  private static final List<String> COLUMNS = List.of("queue_id", "queue_name", "contacts");
  private static final List<List<String>> ROWS = List.of(
      List.of("q-1", "Sales, East", "12"),
      Arrays.asList("q-2", null, "0"),
      List.of("q-3", "say \"hi\"", "3"),
      List.of("q-4", "two\nlines", "4"),
      List.of("q-5", "carriage\rreturn", ""));

  @TempDir Path dir;

  @Test
  void csv_isRfc4180_headerCrlfQuotedFieldsAndNullEmpty() {
    assertEquals("queue_id,queue_name,contacts\r\n"
        + "q-1,\"Sales, East\",12\r\n"
        + "q-2,,0\r\n"
        + "q-3,\"say \"\"hi\"\"\",3\r\n"
        + "q-4,\"two\nlines\",4\r\n"
        + "q-5,\"carriage\rreturn\",\r\n", ExportWriter.csv(COLUMNS, ROWS));
  }

  @Test
  void csv_withNoRows_isTheHeaderAlone() {
    assertEquals("queue_id,queue_name,contacts\r\n", ExportWriter.csv(COLUMNS, List.of()));
  }

  @Test
  void jsonLines_isOneObjectPerRow_keyedByColumn_nullAsNull() throws Exception {
    String text = ExportWriter.jsonLines(COLUMNS, ROWS);

    assertTrue(text.endsWith("\n"), "every line ends with a line feed");
    List<String> lines = List.of(text.substring(0, text.length() - 1).split("\n", -1));
    assertEquals(ROWS.size(), lines.size(), "a value's line break is escaped, not a new line");
    ObjectMapper jackson = new ObjectMapper();
    for (int i = 0; i < ROWS.size(); i++) {
      JsonNode object = jackson.readTree(lines.get(i));
      assertTrue(object.isObject(), lines.get(i));
      assertEquals(COLUMNS, names(object), "keys in column order");
      for (int c = 0; c < COLUMNS.size(); c++) {
        JsonNode value = object.get(COLUMNS.get(c));
        String expected = ROWS.get(i).get(c);
        if (expected == null) {
          assertTrue(value.isNull(), lines.get(i));
        } else {
          assertTrue(value.isTextual(), "values as Athena answered them, text: " + lines.get(i));
          assertEquals(expected, value.asText());
        }
      }
    }
    assertEquals("", ExportWriter.jsonLines(COLUMNS, List.of()));
  }

  @Test
  void write_storesBothFilesUnderTheReview_withTheRowCount() throws Exception {
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(dir);
    store.putManifest(new ReviewManifest(REVIEW_ID, INSTANCE, WINDOW, ReviewStatus.RUNNING, NOW, NOW,
        Map.of("athena", ComponentEntry.pending()), null, null, null));
    AthenaQueryRunner.Result result = new AthenaQueryRunner.Result("contact_volume", "exec-1", "SUCCEEDED", null,
        1024L, 50L, COLUMNS, ROWS);

    Export export = new ExportWriter(store).write(REVIEW_ID, result);

    Path artifacts = dir.resolve("reviews").resolve(REVIEW_ID).resolve("artifacts");
    assertEquals(artifacts.resolve("athena-contact_volume.csv").toString(), export.csv());
    assertEquals(artifacts.resolve("athena-contact_volume.jsonl").toString(), export.jsonLines());
    assertEquals(ROWS.size(), export.rows());
    assertEquals(ExportWriter.csv(COLUMNS, ROWS),
        new String(store.getArtifact(REVIEW_ID, "athena-contact_volume.csv").orElseThrow(), StandardCharsets.UTF_8));
    String jsonLines = Files.readString(Path.of(export.jsonLines()));
    assertEquals(ExportWriter.jsonLines(COLUMNS, ROWS), jsonLines);
    assertEquals(export.rows(), jsonLines.lines().count());
  }

  @Test
  void write_noRows_isAHeaderOnlyCsv_andZeroRows() throws Exception {
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(dir);
    AthenaQueryRunner.Result result = new AthenaQueryRunner.Result("flow_disconnects", "exec-2", "SUCCEEDED", null,
        0L, 10L, List.of("flow_resource_id"), List.of());

    Export export = new ExportWriter(store).write(REVIEW_ID, result);

    assertEquals(0, export.rows());
    assertEquals("flow_resource_id\r\n", Files.readString(Path.of(export.csv())));
    assertEquals("", Files.readString(Path.of(export.jsonLines())));
  }

  private static List<String> names(JsonNode object) {
    List<String> names = new ArrayList<>();
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    return names;
  }
}
