package com.connectopsreview.report;

import static com.connectopsreview.report.HtmlReportModel.blankToNull;
import static com.connectopsreview.report.HtmlReportModel.map;

import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Severity;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The rows of a component's findings table. A check that fired more than {@link #GROUP_ABOVE} times
 * (406 flows without logging, 166 unused numbers) becomes one group row, placed where its first
 * finding would be, with its findings listed in a closed {@code <details>}: title, resource and
 * console link each, without the evidence that made the page megabytes. Every other finding keeps
 * its own row, in the same order. Only the HTML is grouped; report.json and every count are per finding.
 */
final class FindingRows {

  /** A check with more findings than this is grouped. */
  static final int GROUP_ABOVE = 3;

  private FindingRows() {}

  /** Rows in the findings' order (already most severe first): {@code group} false = one finding. */
  static List<Map<String, Object>> of(List<Finding> findings) {
    Map<String, List<Finding>> byCheck = new LinkedHashMap<>();
    for (Finding finding : findings) {
      byCheck.computeIfAbsent(finding.checkId(), k -> new ArrayList<>()).add(finding);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    Set<String> grouped = new HashSet<>();
    for (Finding finding : findings) {
      List<Finding> sameCheck = byCheck.get(finding.checkId());
      if (sameCheck.size() <= GROUP_ABOVE) {
        rows.add(HtmlReportModel.finding(finding));
      } else if (grouped.add(finding.checkId())) {
        rows.add(group(sameCheck));
      }
    }
    return rows;
  }

  /**
   * One row for findings of one check. What they all share (recommendation, detail, console link) is
   * said once; only what differs is repeated per finding. The findings are sorted, so the first is
   * the most severe and gives the row its severity; when severities differ each finding shows its own.
   */
  private static Map<String, Object> group(List<Finding> findings) {
    Finding first = findings.getFirst();
    String recommendation = common(findings, f -> blankToNull(f.recommendation()));
    boolean recommendationVaries = recommendation == null
        && findings.stream().anyMatch(f -> blankToNull(f.recommendation()) != null);
    String detail = common(findings, f -> blankToNull(f.detail()));
    String consoleUrl = common(findings, f -> blankToNull(f.consoleUrl()));
    Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
    findings.forEach(f -> bySeverity.merge(f.severity(), 1L, Long::sum));
    boolean mixed = bySeverity.size() > 1;
    List<Map<String, Object>> split = new ArrayList<>();
    if (mixed) {
      bySeverity.forEach((severity, n) -> split.add(map(
          "severity", severity.name(), "css", HtmlReportModel.severityCss(severity), "count", String.valueOf(n))));
    }
    List<Map<String, Object>> members = new ArrayList<>();
    for (Finding f : findings) {
      String href = consoleUrl == null ? SafeLinks.httpOrNull(f.consoleUrl()) : null;
      members.add(map(
          "severity", mixed ? f.severity().name() : null,
          "css", HtmlReportModel.severityCss(f.severity()),
          "title", f.title(),
          "detail", detail == null ? blankToNull(f.detail()) : null,
          "resource", blankToNull(f.resource()),
          "consoleHref", href,
          "consoleText", consoleUrl == null && href == null ? blankToNull(f.consoleUrl()) : null,
          "recommendation", recommendationVaries ? blankToNull(f.recommendation()) : null));
    }
    String commonHref = SafeLinks.httpOrNull(consoleUrl);
    return map(
        "group", true,
        "checkId", first.checkId(),
        "severity", first.severity().name(),
        "css", HtmlReportModel.severityCss(first.severity()),
        "severitySplit", split,
        "pillar", first.pillar().displayName(),
        "count", String.valueOf(findings.size()),
        "detail", detail,
        "recommendation", recommendation,
        "recommendationVaries", recommendationVaries,
        "consoleHref", commonHref,
        "consoleText", commonHref == null ? consoleUrl : null,
        "members", members);
  }

  /** The value every finding has, or null when they differ or none has one. */
  private static String common(List<Finding> findings, Function<Finding, String> field) {
    String value = field.apply(findings.getFirst());
    for (Finding f : findings) {
      if (!Objects.equals(value, field.apply(f))) {
        return null;
      }
    }
    return value;
  }
}
