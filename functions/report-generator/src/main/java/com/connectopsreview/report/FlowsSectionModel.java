package com.connectopsreview.report;

import static com.connectopsreview.report.HtmlReportModel.map;
import static com.connectopsreview.report.SectionData.decimal;
import static com.connectopsreview.report.SectionData.elements;
import static com.connectopsreview.report.SectionData.number;
import static com.connectopsreview.report.SectionData.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flows section's model, from the {@code flow} component's data (docs/checks.md, "## flow",
 * "### Data payload"): {@code instanceFlowLogs}, {@code contentSource}, {@code totalFlows},
 * {@code totalModules}, {@code flowsByType}, {@code loggingCompliancePercent}, {@code flows},
 * {@code lint}, {@code analysis}. Any of them may be missing or null; the section then shows what it has.
 */
final class FlowsSectionModel {

  /** Lint hits listed; the payload (and report.json's findings) keep them all. */
  static final int LINT_ROWS = 100;
  /** Flows without logging listed; the payload keeps every flow. */
  static final int UNLOGGED_ROWS = 50;

  private FlowsSectionModel() {}

  static Map<String, Object> of(ComponentReport component) {
    JsonNode data = SectionData.usableData(component);
    boolean available = data != null && (data.has("totalFlows") || data.path("flows").isArray());
    if (!available) {
      return SectionData.unavailable(component);
    }
    JsonNode analysis = data.path("analysis");
    Boolean instanceLogs = SectionData.bool(data.path("instanceFlowLogs"));
    Map<String, Object> model = map(
        "available", true,
        "totalFlows", number(data.path("totalFlows")),
        "totalModules", number(data.path("totalModules")),
        "compliance", Formats.percent(decimal(data.path("loggingCompliancePercent"))),
        "instanceFlowLogs", instanceLogs == null ? null : instanceLogs ? "Enabled" : "Disabled",
        "contentSource", text(data.path("contentSource")),
        "analyzed", number(analysis.path("analyzed")),
        "reusedFromCache", number(analysis.path("reusedFromCache")),
        "describeCalls", number(analysis.path("describeCalls")),
        "byType", byType(data.path("flowsByType"), data.path("flows")),
        "lint", lint(data.path("lint")),
        "unlogged", unlogged(data.path("flows")));
    SectionData.describeComponent(model, component);
    return model;
  }

  /**
   * {@code flowsByType} in data order, with how many of each type do not log (counted from
   * {@code flows}; null when the payload has no flow list).
   */
  private static List<Map<String, Object>> byType(JsonNode flowsByType, JsonNode flows) {
    Map<String, Long> withoutLogging = new LinkedHashMap<>();
    for (JsonNode flow : elements(flows)) {
      if (logsNot(flow)) {
        String type = text(flow.path("type"));
        withoutLogging.merge(type == null ? "UNKNOWN" : type, 1L, Long::sum);
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    if (flowsByType.isObject()) {
      flowsByType.properties().forEach(e -> rows.add(map(
          "type", e.getKey(),
          "count", number(e.getValue()),
          "withoutLogging", flows.isArray() ? String.valueOf(withoutLogging.getOrDefault(e.getKey(), 0L)) : null)));
    }
    return rows;
  }

  private static Map<String, Object> lint(JsonNode lint) {
    if (!lint.isArray()) {
      return null;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode hit : lint) {
      if (rows.size() == LINT_ROWS) {
        break;
      }
      rows.add(map(
          "checkId", text(hit.path("checkId")),
          "flowName", text(hit.path("flowName")),
          "blockId", text(hit.path("blockId")),
          "actionType", text(hit.path("actionType")),
          "message", text(hit.path("message"))));
    }
    return map(
        "count", String.valueOf(lint.size()),
        "rows", rows,
        "more", lint.size() > rows.size() ? String.valueOf(lint.size() - rows.size()) : null);
  }

  /** Flows whose logging is DISABLED or ABSENT: the DISABLED ones first, listing order within. */
  private static Map<String, Object> unlogged(JsonNode flows) {
    if (!flows.isArray()) {
      return null;
    }
    List<JsonNode> disabled = new ArrayList<>();
    List<JsonNode> absent = new ArrayList<>();
    int notEvaluated = 0;
    for (JsonNode flow : flows) {
      String logging = text(flow.path("logging"));
      if ("DISABLED".equals(logging)) {
        disabled.add(flow);
      } else if ("ABSENT".equals(logging)) {
        absent.add(flow);
      } else if (logging == null) {
        notEvaluated++;
      }
    }
    List<JsonNode> all = new ArrayList<>(disabled);
    all.addAll(absent);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode flow : all.subList(0, Math.min(all.size(), UNLOGGED_ROWS))) {
      rows.add(map(
          "name", text(flow.path("name")),
          "type", text(flow.path("type")),
          "state", text(flow.path("state")),
          "status", text(flow.path("status")),
          "logging", text(flow.path("logging")),
          "dependsOnInstance", Boolean.TRUE.equals(SectionData.bool(flow.path("dependsOnInstanceSetting"))),
          "defaultFlow", Boolean.TRUE.equals(SectionData.bool(flow.path("defaultFlow"))),
          // Only a link SafeLinks accepts; the designer is then reachable, anything else is left out.
          "editHref", SafeLinks.httpOrNull(text(flow.path("editUrl")))));
    }
    return map(
        "count", String.valueOf(all.size()),
        "disabled", String.valueOf(disabled.size()),
        "absent", String.valueOf(absent.size()),
        "notEvaluated", String.valueOf(notEvaluated),
        "rows", rows,
        "more", all.size() > rows.size() ? String.valueOf(all.size() - rows.size()) : null);
  }

  private static boolean logsNot(JsonNode flow) {
    String logging = text(flow.path("logging"));
    return "DISABLED".equals(logging) || "ABSENT".equals(logging);
  }
}
