package com.connectopsreview.report;

import static com.connectopsreview.report.HtmlReportModel.map;
import static com.connectopsreview.report.SectionData.listed;
import static com.connectopsreview.report.SectionData.number;
import static com.connectopsreview.report.SectionData.text;

import com.connectopsreview.report.SectionData.SectionRead;
import com.connectopsreview.shared.sections.FlowSection;
import com.connectopsreview.shared.sections.FlowSection.Analysis;
import com.connectopsreview.shared.sections.FlowSection.FlowRow;
import com.connectopsreview.shared.sections.FlowSection.LintRow;
import com.connectopsreview.shared.sections.FlowSection.LoggingBehavior;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The flows section's model, from the {@code flow} component's data ({@link FlowSection};
 * docs/checks.md, "## flow", "### Data payload"). Any part may be missing or null; the section then
 * shows what it has.
 */
final class FlowsSectionModel {

  /** Lint hits listed; the payload (and report.json's findings) keep them all. */
  static final int LINT_ROWS = 100;
  /** Flows without logging listed; the payload keeps every flow. */
  static final int UNLOGGED_ROWS = 50;

  private FlowsSectionModel() {}

  static Map<String, Object> of(ComponentReport component) {
    SectionRead<FlowSection> read = SectionData.read(component, FlowSection.class, FlowSection.SCHEMA_VERSION);
    FlowSection data = read.section();
    if (data == null) {
      return SectionData.unavailable(component, read);
    }
    Analysis analysis = data.analysis();
    Boolean instanceLogs = data.instanceFlowLogs();
    Map<String, Object> model = map(
        "available", true,
        "totalFlows", number(data.totalFlows()),
        "totalModules", number(data.totalModules()),
        "compliance", Formats.percent(data.loggingCompliancePercent()),
        "instanceFlowLogs", instanceLogs == null ? null : instanceLogs ? "Enabled" : "Disabled",
        "contentSource", text(data.contentSource()),
        "analyzed", analysis == null ? null : number(analysis.analyzed()),
        "reusedFromCache", analysis == null ? null : number(analysis.reusedFromCache()),
        "describeCalls", analysis == null ? null : number(analysis.describeCalls()),
        "byType", byType(data.flowsByType(), data.flows()),
        "lint", lint(data.lint()),
        "unlogged", unlogged(data.flows()));
    SectionData.describeComponent(model, component);
    return model;
  }

  /**
   * {@code flowsByType} in data order, with how many of each type do not log (counted from
   * {@code flows}; null when the payload has no flow list).
   */
  private static List<Map<String, Object>> byType(Map<String, Integer> flowsByType, List<FlowRow> flows) {
    Map<String, Long> withoutLogging = new LinkedHashMap<>();
    for (FlowRow flow : listed(flows)) {
      if (logsNot(flow)) {
        String type = text(flow.type());
        withoutLogging.merge(type == null ? "UNKNOWN" : type, 1L, Long::sum);
      }
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    if (flowsByType != null) {
      flowsByType.forEach((type, count) -> rows.add(map(
          "type", type,
          "count", number(count),
          "withoutLogging", flows != null ? String.valueOf(withoutLogging.getOrDefault(type, 0L)) : null)));
    }
    return rows;
  }

  private static Map<String, Object> lint(List<LintRow> lint) {
    if (lint == null) {
      return null;
    }
    List<LintRow> hits = listed(lint);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (LintRow hit : hits.subList(0, Math.min(hits.size(), LINT_ROWS))) {
      rows.add(map(
          "checkId", text(hit.checkId()),
          "flowName", text(hit.flowName()),
          "blockId", text(hit.blockId()),
          "actionType", text(hit.actionType()),
          "message", text(hit.message())));
    }
    return map(
        "count", String.valueOf(hits.size()),
        "rows", rows,
        "more", hits.size() > rows.size() ? String.valueOf(hits.size() - rows.size()) : null);
  }

  /** Flows whose logging is DISABLED or ABSENT: the DISABLED ones first, listing order within. */
  private static Map<String, Object> unlogged(List<FlowRow> flows) {
    if (flows == null) {
      return null;
    }
    List<FlowRow> disabled = new ArrayList<>();
    List<FlowRow> absent = new ArrayList<>();
    int notEvaluated = 0;
    for (FlowRow flow : listed(flows)) {
      if (flow.logging() == LoggingBehavior.DISABLED) {
        disabled.add(flow);
      } else if (flow.logging() == LoggingBehavior.ABSENT) {
        absent.add(flow);
      } else if (flow.logging() == null) {
        notEvaluated++;
      }
    }
    List<FlowRow> all = new ArrayList<>(disabled);
    all.addAll(absent);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (FlowRow flow : all.subList(0, Math.min(all.size(), UNLOGGED_ROWS))) {
      rows.add(map(
          "name", text(flow.name()),
          "type", text(flow.type()),
          "state", text(flow.state()),
          "status", text(flow.status()),
          "logging", text(flow.logging()),
          "dependsOnInstance", flow.dependsOnInstanceSetting(),
          "defaultFlow", flow.defaultFlow(),
          // Only a link SafeLinks accepts; the designer is then reachable, anything else is left out.
          "editHref", SafeLinks.httpOrNull(text(flow.editUrl()))));
    }
    return map(
        "count", String.valueOf(all.size()),
        "disabled", String.valueOf(disabled.size()),
        "absent", String.valueOf(absent.size()),
        "notEvaluated", String.valueOf(notEvaluated),
        "rows", rows,
        "more", all.size() > rows.size() ? String.valueOf(all.size() - rows.size()) : null);
  }

  private static boolean logsNot(FlowRow flow) {
    return flow.logging() == LoggingBehavior.DISABLED || flow.logging() == LoggingBehavior.ABSENT;
  }
}
