package com.connectopsreview.report;

import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.ReviewStatus;
import com.connectopsreview.shared.model.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a {@link ReviewReport} into the data model of {@code report.ftlh}: plain Maps, Lists and
 * preformatted Strings (numbers exact, times in UTC), so the template only lays things out. A null
 * value means "absent" and the template shows a dash. Nothing here is HTML: the template escapes.
 */
final class HtmlReportModel {

  static final String TITLE = "Amazon Connect operational review";

  private HtmlReportModel() {}

  static Map<String, Object> of(ReviewReport report) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", TITLE);
    model.put("review", review(report));
    model.put("instance", instance(report));
    model.put("severityCounts", severityCounts(report));
    model.put("findingCount", String.valueOf(report.findingCount()));
    List<Map<String, Object>> components = new ArrayList<>();
    for (ComponentReport component : report.components()) {
      components.add(component(component));
    }
    model.put("components", components);
    model.put("fixFirst", fixFirst(report));
    model.put("pillarScores", pillarScores(report));
    model.put("instanceSection", InstanceSectionModel.of(
        report.component(ReviewReportReader.INSTANCE_COMPONENT).orElse(null)));
    model.put("capacitySection", CapacitySectionModel.of(
        report.component(ReviewReportReader.QUOTA_COMPONENT).orElse(null)));
    model.put("metricsSection", MetricsSectionModel.of(
        report.component(ReviewReportReader.METRICS_COMPONENT).orElse(null)));
    model.put("telephonySection", TelephonySectionModel.of(
        report.component(ReviewReportReader.PHONE_COMPONENT).orElse(null)));
    model.put("flowsSection", FlowsSectionModel.of(
        report.component(ReviewReportReader.FLOW_COMPONENT).orElse(null)));
    model.put("cloudTrailSection", CloudTrailSectionModel.of(report.component(ReviewReportReader.CLOUDTRAIL_COMPONENT)
        .orElse(null), report.component(ReviewReportReader.QUOTA_COMPONENT).orElse(null), report.instance()));
    model.put("logsSection", LogsSectionModel.of(report.component(ReviewReportReader.LOGS_COMPONENT).orElse(null)));
    model.put("athenaSection", AthenaSectionModel.of(report.component(ReviewReportReader.ATHENA_COMPONENT).orElse(null),
        report.component(ReviewReportReader.FLOW_COMPONENT).orElse(null), report.window(), report.instance()));
    return model;
  }

  private static Map<String, Object> review(ReviewReport report) {
    return map(
        "id", report.reviewId(),
        "status", report.status().name(),
        "statusCss", reviewStatusCss(report.status()),
        "generatedAt", Formats.utc(report.generatedAt()),
        "windowStart", Formats.utc(report.window().start()),
        "windowEnd", Formats.utc(report.window().end()),
        "redactionPolicy", report.redactionPolicy());
  }

  private static Map<String, Object> instance(ReviewReport report) {
    return map(
        "label", report.instanceLabel(),
        "alias", report.alias(),
        "id", report.instance().id(),
        "arn", report.instance().arn(),
        "region", report.instance().region(),
        "accountId", report.instance().accountId());
  }

  private static List<Map<String, Object>> severityCounts(ReviewReport report) {
    List<Map<String, Object>> counts = new ArrayList<>();
    report.severityCounts().forEach((severity, count) -> counts.add(map(
        "severity", severity.name(),
        "css", severityCss(severity),
        "count", String.valueOf(count))));
    return counts;
  }

  /** The summary's fix-first list: the {@link FixFirst#TOP} most urgent fixes, each linked to its section. */
  private static Map<String, Object> fixFirst(ReviewReport report) {
    List<FixFirst.Item> items = FixFirst.items(report.components());
    Map<String, String> titles = new java.util.HashMap<>();
    report.components().forEach(c -> titles.put(c.name(), c.title()));
    List<Map<String, Object>> rows = new ArrayList<>();
    for (FixFirst.Item item : items.subList(0, Math.min(FixFirst.TOP, items.size()))) {
      rows.add(map(
          "severity", item.severity().name(),
          "css", severityCss(item.severity()),
          "checkId", item.checkId(),
          "pillar", item.pillar().displayName(),
          "title", item.title(),
          "resources", item.resources() > 1 ? item.resources() + " resources" : null,
          "resource", item.resources() == 1 ? blankToNull(item.resource()) : null,
          "recommendation", item.recommendation(),
          "consoleHref", SafeLinks.httpOrNull(item.consoleUrl()),
          "href", "#findings-" + anchor(item.component()),
          "component", titles.getOrDefault(item.component(), item.component())));
    }
    return map("items", rows, "total", String.valueOf(items.size()),
        "more", items.size() > FixFirst.TOP ? String.valueOf(items.size() - FixFirst.TOP) : null);
  }

  private static List<Map<String, Object>> pillarScores(ReviewReport report) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (FixFirst.PillarScore p : FixFirst.pillars(report.components())) {
      List<Map<String, Object>> counts = new ArrayList<>();
      p.findings().forEach((severity, n) -> counts.add(map("severity", severity.name(), "css", severityCss(severity),
          "count", String.valueOf(n))));
      rows.add(map(
          "pillar", p.pillar().displayName(),
          "score", String.valueOf(p.score()),
          "band", p.score() >= 90 ? "good" : p.score() >= 60 ? "fair" : "poor",
          "failingChecks", String.valueOf(p.failingChecks()),
          "passes", String.valueOf(p.passes()),
          "counts", counts));
    }
    return rows;
  }

  private static Map<String, Object> component(ComponentReport component) {
    boolean stored = component.data() != null;
    return map(
        "name", component.name(),
        "key", anchor(component.name()),
        "anchor", "component-" + anchor(component.name()),
        "title", component.title(),
        "status", component.status().name(),
        "statusCss", statusCss(component.status()),
        "duration", Formats.duration(component.durationMs()),
        "apiCalls", stored ? String.valueOf(component.apiCallCount()) : null,
        "findingCount", String.valueOf(component.findings().size()),
        "errors", component.errors(),
        // Rows, not findings: a check with many findings is one group row (FindingRows).
        "findingRows", FindingRows.of(component.findings()));
  }

  static Map<String, Object> finding(Finding finding) {
    List<Map<String, Object>> evidence = new ArrayList<>();
    finding.evidence().forEach((key, value) -> evidence.add(map("key", key, "value", Formats.value(value))));
    String href = SafeLinks.httpOrNull(finding.consoleUrl());
    return map(
        "group", false,
        "severity", finding.severity().name(),
        "css", severityCss(finding.severity()),
        "checkId", finding.checkId(),
        "pillar", finding.pillar().displayName(),
        "title", finding.title(),
        "detail", blankToNull(finding.detail()),
        "recommendation", blankToNull(finding.recommendation()),
        "resource", blankToNull(finding.resource()),
        "consoleHref", href,
        // A URL that may not be a link is still shown, as text, so nothing is hidden.
        "consoleText", href == null ? blankToNull(finding.consoleUrl()) : null,
        "evidence", evidence);
  }

  static String severityCss(Severity severity) {
    return "sev-" + severity.name().toLowerCase(Locale.ROOT);
  }

  static String statusCss(ComponentStatus status) {
    return "status-" + status.name().toLowerCase(Locale.ROOT);
  }

  static String reviewStatusCss(ReviewStatus status) {
    return "review-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** A component name as an HTML id fragment (stored names already fit; manifest names may not). */
  static String anchor(String name) {
    StringBuilder sb = new StringBuilder();
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      sb.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ? c : '-');
    }
    return sb.toString();
  }

  static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  /** A LinkedHashMap from alternating keys and values; null values are kept (absent in templates). */
  static Map<String, Object> map(Object... keysAndValues) {
    Map<String, Object> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
