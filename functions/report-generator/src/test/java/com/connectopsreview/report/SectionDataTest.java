package com.connectopsreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.report.SectionData.SectionRead;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.sections.MetricsSection;
import com.connectopsreview.shared.sections.QuotaSection;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a section's payload is read: its schema version, and what the section says when it cannot be read. */
class SectionDataTest {

  @TempDir Path dir;

  @Test
  void bind_withoutSchemaVersion_readsThePayloadAsVersionOne() {
    ObjectNode stored = quotaFixture();
    assertFalse(stored.has("schemaVersion"), "stored before versions were written");

    SectionRead<QuotaSection> read = SectionData.bind(stored, QuotaSection.class, QuotaSection.SCHEMA_VERSION);

    assertTrue(read.available(), read.reason());
    assertEquals(6, read.section().quotas().size());
  }

  @Test
  void bind_withTheVersionItReads_readsThePayload() {
    ObjectNode stored = quotaFixture().put("schemaVersion", 1);

    assertTrue(SectionData.bind(stored, QuotaSection.class, 1).available());
  }

  @Test
  void bind_withANewerSchemaVersion_isUnreadableSayingSo() {
    ObjectNode stored = quotaFixture().put("schemaVersion", 2);

    SectionRead<QuotaSection> read = SectionData.bind(stored, QuotaSection.class, 1);

    assertFalse(read.available());
    assertTrue(read.unreadable());
    assertEquals("written by a newer version: schemaVersion 2, this report reads up to 1", read.reason());
  }

  @Test
  void bind_whenAFieldDoesNotFitTheRecord_isUnreadableNamingWhere() {
    ObjectNode stored = quotaFixture();
    ((ObjectNode) stored.path("quotas").get(1)).put("limit", "forty-seven");

    SectionRead<QuotaSection> read = SectionData.bind(stored, QuotaSection.class, 1);

    assertTrue(read.unreadable());
    assertEquals("data not readable at quotas[1].limit", read.reason());
  }

  @Test
  void read_whenTheComponentGaveNoData_isAbsentNotUnreadable() {
    ComponentReport failed = component(ComponentStatus.FAILED, quotaFixture());
    ComponentReport empty = component(ComponentStatus.OK, quotaFixture().removeAll());

    assertEquals("the component FAILED", read(failed).reason());
    assertEquals("the component stored no data", read(empty).reason());
    assertEquals("the component was not part of this review", read(null).reason());
    assertFalse(read(failed).unreadable() || read(empty).unreadable() || read(null).unreadable());
  }

  @Test
  void section_withANewerSchemaVersion_isNotAvailableAndSaysWhy() {
    String html = new SectionReview(dir).render("quota", ComponentStatus.OK, quotaFixture().put("schemaVersion", 2),
        List.of());

    String section = HtmlScan.elementById(html, "section", "capacity");
    assertTrue(section.contains("<p class=\"empty unavailable\">Capacity details are not available (component "
        + "<a href=\"#component-quota\">quota</a>: OK; written by a newer version: schemaVersion 2, this report "
        + "reads up to 1).</p>"), section);
    assertFalse(section.contains("<table"));
  }

  @Test
  void section_whenTextStandsWhereATimestampBelongs_isNotAvailableAndSaysWhere() {
    ObjectNode metrics = (ObjectNode) Fixtures.json("fixtures/metrics-data.json").deepCopy();
    ((ObjectNode) metrics.path("concurrentCalls")).put("peakHour", "someday");

    String html = new SectionReview(dir).render("metrics", ComponentStatus.OK, metrics, List.of());

    String section = HtmlScan.elementById(html, "section", "contact-center-metrics");
    assertTrue(section.contains("(component <a href=\"#component-metrics\">metrics</a>: OK; "
        + "data not readable at concurrentCalls.peakHour).</p>"), section);
    assertFalse(section.contains("someday"), "the stored text is not shown");
  }

  @Test
  void instanceSection_showsATimestampWithAnOffsetInUtc() {
    ObjectNode data = Fixtures.instanceData("contoso");
    ((ObjectNode) data.path("instance")).put("createdTime", "2025-01-15T10:30:00+01:00");

    String details = HtmlScan.elementById(renderInstance(data), "table", "instance-details");

    assertTrue(details.contains("<th scope=\"row\">Created</th><td>2025-01-15 09:30:00 UTC</td>"), details);
  }

  @Test
  void instanceSection_whenTheCreatedTimeIsNoTimestamp_isNotAvailableAndSaysWhere() {
    ObjectNode data = Fixtures.instanceData("contoso");
    ((ObjectNode) data.path("instance")).put("createdTime", "yesterday");

    String html = renderInstance(data);

    String section = HtmlScan.elementById(html, "section", "instance");
    assertTrue(section.contains("(component <a href=\"#component-instance\">instance</a>: OK; "
        + "data not readable at instance.createdTime).</p>"), section);
    // The alias is read from the same record: without it the instance id names the instance.
    assertTrue(html.contains("<p class=\"subtitle\">" + Fixtures.INSTANCE.id() + "</p>"));
  }

  @Test
  void bind_whenATimestampIsBlank_readsItAsAbsent() {
    ObjectNode metrics = (ObjectNode) Fixtures.json("fixtures/metrics-data.json").deepCopy();
    ((ObjectNode) metrics.path("concurrentCalls")).put("peakHour", " ");

    SectionRead<MetricsSection> read = SectionData.bind(metrics, MetricsSection.class, 1);

    assertNotNull(read.section(), read.reason());
    assertNull(read.section().concurrentCalls().peakHour());
  }

  private String renderInstance(ObjectNode data) {
    return new SectionReview(dir).renderInstance(data);
  }

  private static SectionRead<QuotaSection> read(ComponentReport component) {
    return SectionData.read(component, QuotaSection.class, QuotaSection.SCHEMA_VERSION);
  }

  private static ComponentReport component(ComponentStatus status, ObjectNode data) {
    return new ComponentReport("quota", "Quotas", status, 1L, null, List.of(), List.of(), data);
  }

  private static ObjectNode quotaFixture() {
    return (ObjectNode) Fixtures.json("fixtures/quota-data.json").deepCopy();
  }
}
