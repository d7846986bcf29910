package com.connectopsreview.report;

import static com.connectopsreview.report.HtmlReportModel.map;

import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.sections.Section;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reading a component's {@code data} for a report section: the data is bound to the component's
 * section record (shared-lib {@code sections}), whose fields the section models read. A field the
 * payload leaves out or sets to null is null in the record, which the templates show as a dash.
 */
final class SectionData {

  /** The version a payload without {@code schemaVersion} has: it was stored before versions were written. */
  static final int UNVERSIONED = 1;

  private SectionData() {}

  /**
   * A component's section record, or why there is none.
   *
   * @param section null when the section cannot be drawn
   * @param reason why it cannot; null when it can
   * @param unreadable the component stored data this report cannot read (a newer schema, another shape),
   *     which the section says; otherwise the component's status already says why there is no data
   */
  record SectionRead<T>(T section, String reason, boolean unreadable) {

    static <T> SectionRead<T> of(T section) {
      return new SectionRead<>(section, null, false);
    }

    static <T> SectionRead<T> absent(String reason) {
      return new SectionRead<>(null, reason, false);
    }

    static <T> SectionRead<T> unreadable(String reason) {
      return new SectionRead<>(null, reason, true);
    }

    boolean available() {
      return section != null;
    }
  }

  /** The only field read before binding: a payload's version decides whether it can be bound. */
  record StoredVersion(Integer schemaVersion) {}

  /**
   * The component's data as {@code type}: absent when the component was not part of the review, FAILED
   * (its data is not presented as a result) or stored no data; unreadable when the data was written
   * with a newer schema than {@code readableVersion} or does not bind to {@code type}.
   */
  static <T extends Section> SectionRead<T> read(ComponentReport component, Class<T> type, int readableVersion) {
    if (component == null) {
      return SectionRead.absent("the component was not part of this review");
    }
    if (component.status() == ComponentStatus.FAILED) {
      return SectionRead.absent("the component FAILED");
    }
    JsonNode data = component.data();
    if (data == null || !data.isObject() || data.isEmpty()) {
      return SectionRead.absent("the component stored no data");
    }
    return bind(data, type, readableVersion);
  }

  /** {@link #read} without the component's status: the stored data alone. */
  static <T extends Section> SectionRead<T> bind(JsonNode data, Class<T> type, int readableVersion) {
    int version;
    try {
      Integer stored = Json.mapper().treeToValue(data, StoredVersion.class).schemaVersion();
      version = stored == null ? UNVERSIONED : stored;
    } catch (JsonProcessingException e) {
      return SectionRead.unreadable("data not readable at schemaVersion");
    }
    if (version > readableVersion) {
      return SectionRead.unreadable("written by a newer version: schemaVersion " + version
          + ", this report reads up to " + readableVersion);
    }
    try {
      return SectionRead.of(Json.mapper().treeToValue(data, type));
    } catch (JsonProcessingException e) {
      return SectionRead.unreadable("data not readable at " + where(e));
    }
  }

  /** Where binding failed, as a path into the payload ({@code quotas[0].limit}); no stored value is quoted. */
  private static String where(JsonProcessingException e) {
    if (!(e instanceof JsonMappingException mapping) || mapping.getPath().isEmpty()) {
      return "its top level";
    }
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : mapping.getPath()) {
      if (ref.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  /**
   * The model of a section that cannot be drawn: the templates then show one line saying why
   * (the component's status and a link to its card, or that it was not part of the review, and
   * what in its data could not be read).
   */
  static Map<String, Object> unavailable(ComponentReport component, SectionRead<?> read) {
    return map(
        "available", false,
        "componentName", component == null ? null : component.name(),
        "componentStatus", component == null ? null : component.status().name(),
        "componentAnchor", component == null ? null : "component-" + HtmlReportModel.anchor(component.name()),
        "reason", read.unreadable() ? read.reason() : null);
  }

  /** How an available section points at its component: status, link, and whether it is PARTIAL. */
  static void describeComponent(Map<String, Object> model, ComponentReport component) {
    model.put("componentName", component.name());
    model.put("componentStatus", component.status().name());
    model.put("componentAnchor", "component-" + HtmlReportModel.anchor(component.name()));
    model.put("partial", component.status() == ComponentStatus.PARTIAL);
  }

  /** Display text; null (a dash) when absent or blank. */
  static String text(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** An enum's name; null when absent. */
  static String text(Enum<?> value) {
    return value == null ? null : value.name();
  }

  /** A number as exact display text (never scientific notation); null when absent. */
  static String number(Number value) {
    return Formats.value(value);
  }

  /** A list of the payload, empty when absent; a null element (a JSON null in the array) is left out. */
  static <T> List<T> listed(List<T> list) {
    return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
  }
}
