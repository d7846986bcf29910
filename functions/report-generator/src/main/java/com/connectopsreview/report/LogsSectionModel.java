package com.connectopsreview.report;

import static com.connectopsreview.report.HtmlReportModel.map;
import static com.connectopsreview.report.SectionData.listed;
import static com.connectopsreview.report.SectionData.number;
import static com.connectopsreview.report.SectionData.text;

import com.connectopsreview.report.SectionData.SectionRead;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.sections.LogsSection;
import com.connectopsreview.shared.sections.LogsSection.AlarmRow;
import com.connectopsreview.shared.sections.LogsSection.Alarms;
import com.connectopsreview.shared.sections.LogsSection.ErrorCategory;
import com.connectopsreview.shared.sections.LogsSection.FlowErrors;
import com.connectopsreview.shared.sections.LogsSection.FlowErrorsStatus;
import com.connectopsreview.shared.sections.LogsSection.FlowRow;
import com.connectopsreview.shared.sections.LogsSection.LogGroupRow;
import com.connectopsreview.shared.sections.LogsSection.RecommendedAlarm;
import com.connectopsreview.shared.sections.LogsSection.Retention;
import com.connectopsreview.shared.sections.LogsSection.Sample;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The observability section's model, from the {@code logs} component's data ({@link LogsSection};
 * docs/checks.md, "## logs", "### Data payload"): flow errors by flow, block type and category, the
 * samples (stored already redacted), the Logs Insights link, the alarm coverage table and the
 * retention table. Any part may be missing or null; the section then says so for that part.
 */
final class LogsSectionModel {

  /** Flows with errors listed; the payload keeps them all. */
  static final int FLOW_ROWS = 50;
  /** Log groups listed; the payload keeps them all. */
  static final int GROUP_ROWS = 100;

  private LogsSectionModel() {}

  static Map<String, Object> of(ComponentReport component) {
    SectionRead<LogsSection> read = SectionData.read(component, LogsSection.class, LogsSection.SCHEMA_VERSION);
    LogsSection data = read.section();
    if (data == null) {
      return SectionData.unavailable(component, read);
    }
    Map<String, Object> model = map(
        "available", true,
        "redactionPolicy", text(data.redactionPolicy()),
        "flowErrors", flowErrors(data.flowErrors()),
        "alarms", alarms(data.alarms()),
        "retention", retention(data.retention()));
    SectionData.describeComponent(model, component);
    return model;
  }

  private static Map<String, Object> flowErrors(FlowErrors f) {
    if (f == null) {
      return null;
    }
    boolean counted = f.status() == FlowErrorsStatus.ANALYZED || f.status() == FlowErrorsStatus.INCOMPLETE;
    List<Map<String, Object>> categories = new ArrayList<>();
    if (f.byCategory() != null) {
      for (ErrorCategory c : ErrorCategory.values()) {
        Long n = f.byCategory().get(c);
        categories.add(map("label", c.label(), "name", c.name(), "count", n == null ? "0" : number(n)));
      }
    }
    List<Map<String, Object>> blocks = new ArrayList<>();
    if (f.byBlockType() != null) {
      f.byBlockType().forEach((type, n) -> blocks.add(map("type", type, "count", number(n))));
    }
    List<FlowRow> flows = listed(f.flows());
    List<Map<String, Object>> flowRows = new ArrayList<>();
    for (FlowRow row : flows.subList(0, Math.min(flows.size(), FLOW_ROWS))) {
      flowRows.add(map(
          "name", text(row.flowName()),
          "id", text(row.flowId()),
          "errors", number(row.errors()),
          "perDay", row.errorsPerDay() == null ? null : Formats.fixed(row.errorsPerDay(), 2),
          "severity", severity(row.errorsPerDay()),
          "severityCss", severity(row.errorsPerDay()) == null ? null
              : "sev-" + severity(row.errorsPerDay()).toLowerCase(Locale.ROOT),
          "categories", row.byCategory() == null ? null : row.byCategory().entrySet().stream()
              .map(e -> e.getKey().label() + " " + e.getValue()).collect(Collectors.joining(", ")),
          "blockTypes", row.byBlockType() == null ? null : row.byBlockType().entrySet().stream()
              .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))));
    }
    List<Map<String, Object>> samples = new ArrayList<>();
    for (Sample s : listed(f.samples())) {
      samples.add(map(
          "time", s.timestamp() == null ? null : Formats.utc(s.timestamp()),
          "flowName", text(s.flowName() != null ? s.flowName() : s.flowId()),
          "blockType", text(s.blockType()),
          "category", s.category() == null ? null : s.category().label(),
          "record", s.record() == null ? null
              : s.record().isTextual() ? s.record().asText() : Json.toString(s.record())));
    }
    return map(
        "counted", counted,
        "status", text(f.status()),
        "note", text(f.note()),
        "logGroup", text(f.logGroup()),
        "source", text(f.source()),
        "windowStart", f.windowStart() == null ? null : Formats.utc(f.windowStart()),
        "windowEnd", f.windowEnd() == null ? null : Formats.utc(f.windowEnd()),
        "total", number(f.totalErrors()),
        "flowCount", String.valueOf(flows.size()),
        "categories", categories,
        "blockTypes", blocks,
        "flows", flowRows,
        "moreFlows", flows.size() > flowRows.size() ? String.valueOf(flows.size() - flowRows.size()) : null,
        "samples", samples,
        "insightsHref", SafeLinks.httpOrNull(text(f.insightsUrl())),
        "query", text(f.statsQuery()),
        "queriesRun", f.queries() == null ? null : number(f.queries().queriesRun()),
        "splits", f.queries() == null ? null : number(f.queries().splits()),
        "recordsScanned", f.queries() == null ? null : number(f.queries().recordsScanned()));
  }

  /** The severity band of the flow-error findings (docs/checks.md), for the table. */
  private static String severity(BigDecimal perDay) {
    if (perDay == null) {
      return null;
    }
    return perDay.compareTo(BigDecimal.TEN) >= 0 ? "HIGH" : perDay.compareTo(BigDecimal.ONE) >= 0 ? "MEDIUM" : "LOW";
  }

  private static Map<String, Object> alarms(Alarms a) {
    if (a == null) {
      return null;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RecommendedAlarm r : listed(a.alarms())) {
      rows.add(map(
          "metric", text(r.metricName()),
          "group", text(r.metricGroup()),
          "recommended", dash(r.statistic()) + " " + dash(r.comparison()) + " "
              + (r.threshold() == null ? "—" : r.threshold().toPlainString()) + " over " + r.period() + " s × "
              + r.evaluationPeriods(),
          "priority", text(r.priority()),
          "found", r.found(),
          "existing", listed(r.existing()).stream().map(LogsSectionModel::alarm).toList()));
    }
    return map(
        "found", number(a.found()),
        "recommended", number(a.recommended()),
        "coverage", Formats.percent(a.coveragePercent()),
        "inAlarm", number(a.inAlarm()),
        "withoutActions", number(a.withoutActions()),
        "read", number(a.metricAlarmsRead()),
        "rows", rows,
        "extra", listed(a.extra()).stream().map(LogsSectionModel::alarm).toList());
  }

  private static Map<String, Object> alarm(AlarmRow a) {
    return map(
        "name", text(a.name()),
        "metric", text(a.metricName()),
        "state", text(a.state()),
        "inAlarm", "ALARM".equals(a.state()),
        "uses", dash(a.statistic()) + " " + dash(a.comparison()) + " " + dash(Formats.value(a.threshold()))
            + " over " + dash(Formats.value(a.period())) + " s",
        "hasActions", a.hasActions());
  }

  private static String dash(String value) {
    return value == null || value.isBlank() ? "—" : value;
  }

  private static Map<String, Object> retention(Retention r) {
    if (r == null) {
      return null;
    }
    List<LogGroupRow> groups = listed(r.groups());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (LogGroupRow g : groups.subList(0, Math.min(groups.size(), GROUP_ROWS))) {
      rows.add(map(
          "name", text(g.name()),
          "retention", g.retentionInDays() == null ? null : g.retentionInDays() + " days",
          "storedBytes", number(g.storedBytes()),
          "flowLogGroup", g.flowLogGroup()));
    }
    return map(
        "count", number(r.logGroups()),
        "withoutRetention", number(r.withoutRetention()),
        "rows", rows,
        "more", groups.size() > rows.size() ? String.valueOf(groups.size() - rows.size()) : null);
  }
}
