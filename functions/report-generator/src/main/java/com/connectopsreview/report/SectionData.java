package com.connectopsreview.report;

import static com.connectopsreview.report.HtmlReportModel.map;

import com.connectopsreview.shared.model.ComponentStatus;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Reading a component's {@code data} for a report section: every field may be missing, null or of
 * the wrong type (an analyzer that ran partly, an older payload), and each reader then answers null,
 * which the templates show as a dash.
 */
final class SectionData {

  private SectionData() {}

  /** The component's data when a section can be drawn from it; null when it did not run or FAILED. */
  static JsonNode usableData(ComponentReport component) {
    if (component == null || component.status() == ComponentStatus.FAILED || component.data() == null
        || !component.data().isObject()) {
      return null;
    }
    return component.data();
  }

  /**
   * The model of a section that cannot be drawn: the templates then show one line saying why
   * (the component's status and a link to its card, or that it was not part of the review).
   */
  static Map<String, Object> unavailable(ComponentReport component) {
    return map(
        "available", false,
        "componentName", component == null ? null : component.name(),
        "componentStatus", component == null ? null : component.status().name(),
        "componentAnchor", component == null ? null : "component-" + HtmlReportModel.anchor(component.name()));
  }

  /** How an available section points at its component: status, link, and whether it is PARTIAL. */
  static void describeComponent(Map<String, Object> model, ComponentReport component) {
    model.put("componentName", component.name());
    model.put("componentStatus", component.status().name());
    model.put("componentAnchor", "component-" + HtmlReportModel.anchor(component.name()));
    model.put("partial", component.status() == ComponentStatus.PARTIAL);
  }

  static String text(JsonNode node) {
    return InstanceSectionModel.text(node);
  }

  static Boolean bool(JsonNode node) {
    return InstanceSectionModel.bool(node);
  }

  /** A JSON number as an exact decimal; null for anything else (text is never taken for a number). */
  static BigDecimal decimal(JsonNode node) {
    return node != null && node.isNumber() ? node.decimalValue() : null;
  }

  /** A JSON number as exact display text. */
  static String number(JsonNode node) {
    return Formats.value(decimal(node));
  }

  static Iterable<JsonNode> elements(JsonNode node) {
    return node != null && node.isArray() ? node : List.of();
  }
}
