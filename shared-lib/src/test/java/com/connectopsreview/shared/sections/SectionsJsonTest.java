package com.connectopsreview.shared.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.connectopsreview.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How every section record is written and read: schemaVersion first, and not a field to bind. */
class SectionsJsonTest {

  private static final List<Section> EMPTY_SECTIONS = List.of(
      new InstanceSection(null, null, null, null, null, null, null),
      new QuotaSection(null, null, null, null, null, null, null),
      new MetricsSection(null, null, null, null, null, null, null, null),
      new PhoneSection(0, null, null, null, 0, 0, null, null, null, null, null, null, null, null, null, null, null),
      new FlowSection(null, null, 0, 0, null, null, null, null, null, null),
      new CloudTrailSection(null, null, null, null, null, null, null, 0, null, null, null, null));

  @Test
  void everySection_writesSchemaVersionOneFirst() {
    for (Section section : EMPTY_SECTIONS) {
      JsonNode written = Json.tree(section);

      assertEquals(1, section.schemaVersion(), section.getClass().getSimpleName());
      assertEquals("schemaVersion", written.fieldNames().next(), section.getClass().getSimpleName());
      assertEquals(1, written.get("schemaVersion").intValue(), section.getClass().getSimpleName());
    }
  }

  @Test
  void schemaVersion_isReadByNoRecord_evenStrictly() {
    JsonNode stored = Json.tree(Map.of("schemaVersion", 7, "attributes", Map.of("CONTACT_LENS", "true")));

    InstanceSection section = SectionContract.bindStrictly(stored, InstanceSection.class);

    assertEquals(Map.of("CONTACT_LENS", "true"), section.attributes());
    assertNull(section.instance());
    assertEquals(InstanceSection.SCHEMA_VERSION, section.schemaVersion(), "the record's own version, not the payload's");
  }
}
