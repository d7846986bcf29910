package com.connectopsreview.report;

import static com.connectopsreview.report.HtmlReportModel.map;
import static com.connectopsreview.report.SectionData.listed;
import static com.connectopsreview.report.SectionData.number;
import static com.connectopsreview.report.SectionData.text;

import com.connectopsreview.report.SectionData.SectionRead;
import com.connectopsreview.shared.sections.QuotaSection;
import com.connectopsreview.shared.sections.QuotaSection.ConcurrencyRow;
import com.connectopsreview.shared.sections.QuotaSection.Growth;
import com.connectopsreview.shared.sections.QuotaSection.OtherQuota;
import com.connectopsreview.shared.sections.QuotaSection.QuotaRow;
import com.connectopsreview.shared.sections.QuotaSection.RateQuota;
import com.connectopsreview.shared.sections.QuotaSection.Thresholds;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The capacity section's model, from the {@code quota} component's data ({@link QuotaSection};
 * docs/checks.md, "## quota", "### Data"). Any part may be missing or null; the section then shows
 * what it has.
 */
final class CapacitySectionModel {

  static final String NOT_MEASURED = "NOT_MEASURED";
  static final String USAGE_NOT_MEASURED = "usage not measured";

  /** Rows that need action come first; the rest keep the analyzer's (catalog) order. */
  private static final Comparator<QuotaRow> ATTENTION_FIRST =
      Comparator.comparingInt(row -> row.status() == null ? 2 : switch (row.status()) {
        case CRITICAL -> 0;
        case WARNING -> 1;
        default -> 2;
      });

  private CapacitySectionModel() {}

  static Map<String, Object> of(ComponentReport component) {
    SectionRead<QuotaSection> read = SectionData.read(component, QuotaSection.class, QuotaSection.SCHEMA_VERSION);
    QuotaSection data = read.section();
    if (data == null || (data.quotas() == null && data.concurrency() == null && data.growth() == null
        && data.rateQuotas() == null && data.otherQuotas() == null)) {
      return SectionData.unavailable(component, read);
    }
    List<Map<String, Object>> rateQuotas = new ArrayList<>();
    int rateQuotaCount = 0;
    for (RateQuota rate : listed(data.rateQuotas())) {
      rateQuotaCount++;
      if (rate.modified()) {
        rateQuotas.add(rateQuota(rate));
      }
    }
    Map<String, Object> model = map(
        "available", true,
        "thresholds", thresholds(data.thresholds()),
        "quotas", quotas(data.quotas()),
        "concurrency", concurrency(data.concurrency()),
        "growth", growth(data.growth()),
        "rateQuotasListed", data.rateQuotas() != null,
        "rateQuotaCount", String.valueOf(rateQuotaCount),
        "rateQuotas", rateQuotas,
        "otherQuotasListed", data.otherQuotas() != null,
        "otherQuotas", otherQuotas(data.otherQuotas()));
    SectionData.describeComponent(model, component);
    return model;
  }

  private static Map<String, Object> thresholds(Thresholds thresholds) {
    if (thresholds == null) {
      return null;
    }
    return map(
        "warn", Formats.percent(thresholds.warnPercent()),
        "high", Formats.percent(thresholds.highPercent()),
        "critical", Formats.percent(thresholds.criticalPercent()));
  }

  private static List<Map<String, Object>> quotas(List<QuotaRow> quotas) {
    List<Map<String, Object>> rows = new ArrayList<>();
    // A stable sort: within a band the catalog order stays.
    for (QuotaRow quota : listed(quotas).stream().sorted(ATTENTION_FIRST).toList()) {
      String status = text(quota.status());
      BigDecimal percentage = quota.percentage();
      rows.add(map(
          "key", text(quota.key()),
          "label", text(quota.label()),
          "quotaCode", text(quota.quotaCode()),
          // The quota's Service Quotas page (ConsoleLinks.serviceQuota); payloads stored before it have none.
          "href", SafeLinks.httpOrNull(text(quota.consoleUrl())),
          "limit", number(quota.limit()),
          "limitSource", text(quota.limitSource()),
          "usage", number(quota.usage()),
          "usageSource", text(quota.usageSource()),
          "notMeasured", NOT_MEASURED.equals(status),
          "percentage", Formats.percent(percentage),
          "barWidth", barWidth(percentage),
          "status", status,
          "statusCss", statusCss(status),
          "note", text(quota.note())));
    }
    return rows;
  }

  private static List<Map<String, Object>> concurrency(List<ConcurrencyRow> concurrency) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (ConcurrencyRow row : listed(concurrency)) {
      String status = text(row.status());
      BigDecimal percentage = row.percentage();
      rows.add(map(
          "key", text(row.key()),
          "label", text(row.label()),
          "quotaCode", text(row.quotaCode()),
          "href", SafeLinks.httpOrNull(text(row.consoleUrl())),
          "metric", text(row.metric()),
          "peak", number(row.usage()),
          "peakDay", Formats.day(row.peakDay()),
          "limit", number(row.limit()),
          "limitSource", text(row.limitSource()),
          "percentage", Formats.percent(percentage),
          "barWidth", barWidth(percentage),
          "publishedPeakPercent", Formats.percent(row.publishedPeakPercent()),
          "status", status,
          "statusCss", statusCss(status),
          "note", text(row.note())));
    }
    return rows;
  }

  private static List<Map<String, Object>> growth(List<Growth> growth) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Growth row : listed(growth)) {
      String trend = text(row.trend());
      rows.add(map(
          "label", text(row.label()),
          "metric", text(row.metric()),
          "firstHalfMean", Formats.fixed(row.firstHalfMean(), 2),
          "firstHalfDays", number(row.firstHalfDays()),
          "secondHalfMean", Formats.fixed(row.secondHalfMean(), 2),
          "secondHalfDays", number(row.secondHalfDays()),
          "growthPercent", Formats.signedPercent(row.growthPercent()),
          "trend", trend,
          "trendCss", trend == null ? "trend-none" : "trend-" + cssWord(trend),
          "weeksUntilLimit", Formats.fixed(row.weeksUntilLimit(), 1),
          "note", text(row.note())));
    }
    return rows;
  }

  private static Map<String, Object> rateQuota(RateQuota rate) {
    return map(
        "name", text(rate.name()),
        "quotaCode", text(rate.quotaCode()),
        "defaultValue", number(rate.defaultValue()),
        "appliedValue", number(rate.appliedValue()),
        "unit", unit(text(rate.unit())));
  }

  private static List<Map<String, Object>> otherQuotas(List<OtherQuota> others) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (OtherQuota other : listed(others)) {
      String applied = number(other.appliedValue());
      String defaultValue = number(other.defaultValue());
      rows.add(map(
          "name", text(other.name()),
          "quotaCode", text(other.quotaCode()),
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

  /** A status word as a CSS class part: lower case, anything but letters and digits as '-'. */
  static String cssWord(String word) {
    StringBuilder sb = new StringBuilder();
    for (char c : word.toLowerCase(Locale.ROOT).toCharArray()) {
      sb.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c : '-');
    }
    return sb.toString();
  }
}
