package com.connectopsreview.report;

import static com.connectopsreview.report.HtmlReportModel.map;
import static com.connectopsreview.report.SectionData.decimal;
import static com.connectopsreview.report.SectionData.elements;
import static com.connectopsreview.report.SectionData.number;
import static com.connectopsreview.report.SectionData.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The capacity section's model, from the {@code quota} component's data (docs/checks.md, "## quota",
 * "### Data"): {@code thresholds}, {@code quotas}, {@code concurrency}, {@code growth},
 * {@code rateQuotas}, {@code otherQuotas}, {@code summary}. Any of them may be missing or null; the
 * section then shows what it has.
 */
final class CapacitySectionModel {

  static final String NOT_MEASURED = "NOT_MEASURED";
  static final String USAGE_NOT_MEASURED = "usage not measured";

  /** Rows that need action come first; the rest keep the analyzer's (catalog) order. */
  private static final Comparator<Map<String, Object>> ATTENTION_FIRST =
      Comparator.comparingInt(row -> switch (Objects.toString(row.get("status"), "")) {
        case "CRITICAL" -> 0;
        case "WARNING" -> 1;
        default -> 2;
      });

  private CapacitySectionModel() {}

  static Map<String, Object> of(ComponentReport component) {
    JsonNode data = SectionData.usableData(component);
    boolean available = data != null && (data.path("quotas").isArray()
        || data.path("concurrency").isArray() || data.path("growth").isArray()
        || data.path("rateQuotas").isArray() || data.path("otherQuotas").isArray());
    if (!available) {
      return SectionData.unavailable(component);
    }
    List<Map<String, Object>> rateQuotas = new ArrayList<>();
    int rateQuotaCount = 0;
    for (JsonNode rate : elements(data.path("rateQuotas"))) {
      rateQuotaCount++;
      if (differsFromDefault(rate)) {
        rateQuotas.add(rateQuota(rate));
      }
    }
    Map<String, Object> model = map(
        "available", true,
        "thresholds", thresholds(data.path("thresholds")),
        "quotas", quotas(data.path("quotas")),
        "concurrency", concurrency(data.path("concurrency")),
        "growth", growth(data.path("growth")),
        "rateQuotasListed", data.path("rateQuotas").isArray(),
        "rateQuotaCount", String.valueOf(rateQuotaCount),
        "rateQuotas", rateQuotas,
        "otherQuotasListed", data.path("otherQuotas").isArray(),
        "otherQuotas", otherQuotas(data.path("otherQuotas")));
    SectionData.describeComponent(model, component);
    return model;
  }

  private static Map<String, Object> thresholds(JsonNode thresholds) {
    if (!thresholds.isObject()) {
      return null;
    }
    return map(
        "warn", Formats.percent(decimal(thresholds.path("warnPercent"))),
        "high", Formats.percent(decimal(thresholds.path("highPercent"))),
        "critical", Formats.percent(decimal(thresholds.path("criticalPercent"))));
  }

  private static List<Map<String, Object>> quotas(JsonNode quotas) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode quota : elements(quotas)) {
      String status = text(quota.path("status"));
      BigDecimal percentage = decimal(quota.path("percentage"));
      // The quota's Service Quotas page (ConsoleLinks.serviceQuota); payloads stored before it have none.
      String url = firstText(quota, "consoleUrl", "url");
      rows.add(map(
          "key", text(quota.path("key")),
          "label", text(quota.path("label")),
          "quotaCode", text(quota.path("quotaCode")),
          "href", SafeLinks.httpOrNull(url),
          "limit", number(quota.path("limit")),
          "limitSource", text(quota.path("limitSource")),
          "usage", number(quota.path("usage")),
          "usageSource", text(quota.path("usageSource")),
          "notMeasured", NOT_MEASURED.equals(status),
          "percentage", Formats.percent(percentage),
          "barWidth", barWidth(percentage),
          "status", status,
          "statusCss", statusCss(status),
          "note", text(quota.path("note"))));
    }
    // List.sort is stable: within a band the catalog order stays.
    rows.sort(ATTENTION_FIRST);
    return rows;
  }

  private static List<Map<String, Object>> concurrency(JsonNode concurrency) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode row : elements(concurrency)) {
      String status = text(row.path("status"));
      BigDecimal percentage = decimal(row.path("percentage"));
      rows.add(map(
          "key", text(row.path("key")),
          "label", text(row.path("label")),
          "quotaCode", text(row.path("quotaCode")),
          "href", SafeLinks.httpOrNull(firstText(row, "consoleUrl", "url")),
          "metric", text(row.path("metric")),
          "peak", number(row.path("usage")),
          "peakDay", Formats.day(text(row.path("peakDay"))),
          "limit", number(row.path("limit")),
          "limitSource", text(row.path("limitSource")),
          "percentage", Formats.percent(percentage),
          "barWidth", barWidth(percentage),
          "publishedPeakPercent", Formats.percent(decimal(row.path("publishedPeakPercent"))),
          "status", status,
          "statusCss", statusCss(status),
          "note", text(row.path("note"))));
    }
    return rows;
  }

  private static List<Map<String, Object>> growth(JsonNode growth) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode row : elements(growth)) {
      String trend = text(row.path("trend"));
      rows.add(map(
          "label", text(row.path("label")),
          "metric", text(row.path("metric")),
          "firstHalfMean", Formats.fixed(decimal(row.path("firstHalfMean")), 2),
          "firstHalfDays", number(row.path("firstHalfDays")),
          "secondHalfMean", Formats.fixed(decimal(row.path("secondHalfMean")), 2),
          "secondHalfDays", number(row.path("secondHalfDays")),
          "growthPercent", Formats.signedPercent(decimal(row.path("growthPercent"))),
          "trend", trend,
          "trendCss", trend == null ? "trend-none" : "trend-" + cssWord(trend),
          "weeksUntilLimit", Formats.fixed(decimal(row.path("weeksUntilLimit")), 1),
          "note", text(row.path("note"))));
    }
    return rows;
  }

  /** Applied value listed and unlike the default (the analyzer's {@code modified} when it has one). */
  private static boolean differsFromDefault(JsonNode rate) {
    Boolean modified = SectionData.bool(rate.path("modified"));
    if (modified != null) {
      return modified;
    }
    BigDecimal applied = decimal(rate.path("appliedValue"));
    BigDecimal defaultValue = decimal(rate.path("defaultValue"));
    return applied != null && (defaultValue == null || applied.compareTo(defaultValue) != 0);
  }

  private static Map<String, Object> rateQuota(JsonNode rate) {
    return map(
        "name", text(rate.path("name")),
        "quotaCode", text(rate.path("quotaCode")),
        "defaultValue", number(rate.path("defaultValue")),
        "appliedValue", number(rate.path("appliedValue")),
        "unit", unit(text(rate.path("unit"))));
  }

  private static List<Map<String, Object>> otherQuotas(JsonNode others) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode other : elements(others)) {
      String applied = number(other.path("appliedValue"));
      String defaultValue = number(other.path("defaultValue"));
      rows.add(map(
          "name", text(other.path("name")),
          "quotaCode", text(other.path("quotaCode")),
          "limit", applied != null ? applied : defaultValue,
          "limitSource", applied != null ? "ACCOUNT" : defaultValue != null ? "DEFAULT" : null));
    }
    return rows;
  }

  /** Width of the inline bar in percent of its track, 0–100 with one decimal; null without a percentage. */
  static String barWidth(BigDecimal percentage) {
    if (percentage == null) {
      return null;
    }
    BigDecimal clamped = percentage.max(BigDecimal.ZERO).min(BigDecimal.valueOf(100));
    return clamped.setScale(1, RoundingMode.HALF_UP).toPlainString();
  }

  static String statusCss(String status) {
    return status == null ? "qs-unknown" : "qs-" + cssWord(status);
  }

  /** Service Quotas says "None" for a plain count: no unit to show. */
  private static String unit(String unit) {
    return unit == null || unit.equalsIgnoreCase("None") ? null : unit;
  }

  private static String firstText(JsonNode node, String... fields) {
    for (String field : fields) {
      String value = text(node.path(field));
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** A status word as a CSS class part: lower case, anything but letters and digits as '-'. */
  static String cssWord(String word) {
    StringBuilder sb = new StringBuilder();
    for (char c : word.toLowerCase(Locale.ROOT).toCharArray()) {
      sb.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '-');
    }
    return sb.toString();
  }
}
