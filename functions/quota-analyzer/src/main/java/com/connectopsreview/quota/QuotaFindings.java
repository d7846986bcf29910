package com.connectopsreview.quota;

import com.connectopsreview.shared.links.ConsoleLinks;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.QuotaSection.CheckIds;
import com.connectopsreview.shared.sections.QuotaSection.ConcurrencyRow;
import com.connectopsreview.shared.sections.QuotaSection.Growth;
import com.connectopsreview.shared.sections.QuotaSection.OtherQuota;
import com.connectopsreview.shared.sections.QuotaSection.QuotaRow;
import com.connectopsreview.shared.sections.QuotaSection.RateQuota;
import com.connectopsreview.shared.sections.QuotaSection.RowStatus;
import com.connectopsreview.shared.sections.QuotaSection.Thresholds;
import com.connectopsreview.shared.sections.QuotaSection.Trend;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Turns quota rows into findings. Resource quotas are Operational Excellence (running out blocks
 * changes); concurrency and its growth are Reliability (contacts above the limit are rejected).
 * Every finding links to the quota's page in Service Quotas, where an increase is requested.
 */
public final class QuotaFindings {

  /** Growth above this (percent, second half vs first) is worth acting on even far from the limit. */
  static final BigDecimal SIGNIFICANT_GROWTH = BigDecimal.valueOf(20);
  static final BigDecimal SIGNIFICANT_DECLINE = BigDecimal.valueOf(-20);
  /** A rising trend reaching the limit within this many weeks is HIGH; within {@link #WEEKS_MEDIUM} MEDIUM. */
  static final BigDecimal WEEKS_HIGH = BigDecimal.valueOf(4);
  static final BigDecimal WEEKS_MEDIUM = BigDecimal.valueOf(13);

  private final InstanceRef instance;
  private final ConsoleLinks links;
  private final Thresholds thresholds;

  public QuotaFindings(InstanceRef instance, Thresholds thresholds) {
    this.instance = instance;
    this.links = ConsoleLinks.forInstance(instance);
    this.thresholds = thresholds;
  }

  /** The finding of an instance quota row; none when its limit is unknown (the row and errors say why). */
  public Optional<Finding> of(QuotaRow row) {
    return switch (row.status()) {
      case CRITICAL, WARNING, NORMAL -> Optional.of(banded(row.key(), row.label(), row.quotaCode(), row.status(),
          row.percentage(), row.usage(), row.limit(), Pillar.OPERATIONAL_EXCELLENCE,
          "in use", row.usageSource())
          .evidence("limitSource", row.limitSource()).build());
      case NOT_MEASURED -> Optional.of(base(row.key(), CheckIds.NOT_MEASURED, Severity.INFO,
          Pillar.OPERATIONAL_EXCELLENCE, row.quotaCode())
          .title(row.label() + ": limit " + row.limit() + ", usage not measured")
          .detail(row.note())
          .recommendation("Compare the limit with the number in use in the Connect admin website.")
          .evidence("limit", row.limit()).evidence("limitSource", row.limitSource()).build());
      case LIMIT_UNKNOWN, NO_DATA -> Optional.empty();
    };
  }

  /** The finding of a concurrency row; NO_DATA is INFO (nothing of that channel happened). */
  public Optional<Finding> of(ConcurrencyRow row) {
    return switch (row.status()) {
      case CRITICAL, WARNING, NORMAL -> Optional.of(banded(row.key(), row.label(), row.quotaCode(), row.status(),
          row.percentage(), row.usage(), row.limit(),
          Pillar.RELIABILITY, "at the peak", row.metric() + " daily Maximum")
          .evidence("limitSource", row.limitSource()).evidence("peakDay", row.peakDay())
          .evidence("publishedPeakPercent", row.publishedPeakPercent())
          .evidence("percentMetric", row.percentMetric()).build());
      case NO_DATA -> Optional.of(base(row.key(), CheckIds.NO_DATA, Severity.INFO, Pillar.RELIABILITY,
          row.quotaCode())
          .title(row.label() + ": no " + row.metric() + " datapoints in the review window")
          .detail("CloudWatch publishes " + row.metric() + " (MetricGroup " + row.metricGroup()
              + ") only while contacts of that channel are active.")
          .evidence("limit", row.limit()).evidence("metric", row.metric()).build());
      case NOT_MEASURED -> Optional.of(base(row.key(), CheckIds.NOT_MEASURED, Severity.INFO, Pillar.RELIABILITY,
          row.quotaCode())
          .title(row.label() + ": limit " + row.limit() + ", peak not measured")
          .detail(row.note()).evidence("limit", row.limit()).build());
      case LIMIT_UNKNOWN -> Optional.empty();
    };
  }

  /**
   * A rising trend is reported with its "weeks until limit": HIGH within 4 weeks, MEDIUM within 13
   * weeks or above +20 % growth, INFO otherwise. A decline beyond −20 % is INFO. Flat or
   * uncomputable growth gives no finding (the data still has it).
   */
  public Optional<Finding> of(Growth growth, ConcurrencyRow row) {
    if (growth.trend() == Trend.RISING) {
      BigDecimal weeks = growth.weeksUntilLimit();
      boolean significant = growth.growthPercent() != null
          && growth.growthPercent().compareTo(SIGNIFICANT_GROWTH) > 0;
      Severity severity = weeks != null && weeks.compareTo(WEEKS_HIGH) < 0 ? Severity.HIGH
          : significant || (weeks != null && weeks.compareTo(WEEKS_MEDIUM) < 0) ? Severity.MEDIUM
          : Severity.INFO;
      String title = growth.label() + " peaks are rising"
          + (growth.growthPercent() == null ? "" : " (+" + growth.growthPercent().toPlainString() + " %)")
          + (weeks == null ? "" : ", limit reached in about " + weeks.toPlainString() + " weeks at this trend");
      return Optional.of(base(growth.key(), CheckIds.GROWTH, severity, Pillar.RELIABILITY, row.quotaCode())
          .title(title)
          .detail("Mean daily peak " + growth.firstHalfMean().toPlainString() + " in the first half of the window, "
              + growth.secondHalfMean().toPlainString() + " in the second; limit "
              + (row.limit() == null ? "unknown" : row.limit().toPlainString()) + ".")
          .recommendation("Request the concurrency increase before the trend reaches the limit; increases can take"
              + " days to be approved.")
          .evidence("firstHalfMean", growth.firstHalfMean()).evidence("secondHalfMean", growth.secondHalfMean())
          .evidence("growthPercent", growth.growthPercent()).evidence("weeksUntilLimit", weeks)
          .evidence("limit", row.limit()).build());
    }
    if (growth.trend() == Trend.DECLINING && growth.growthPercent() != null
        && growth.growthPercent().compareTo(SIGNIFICANT_DECLINE) < 0) {
      return Optional.of(base(growth.key(), CheckIds.DECLINE, Severity.INFO, Pillar.RELIABILITY, row.quotaCode())
          .title(growth.label() + " peaks are declining (" + growth.growthPercent().toPlainString() + " %)")
          .detail("Mean daily peak " + growth.firstHalfMean().toPlainString() + " in the first half of the window, "
              + growth.secondHalfMean().toPlainString() + " in the second.")
          .evidence("firstHalfMean", growth.firstHalfMean()).evidence("secondHalfMean", growth.secondHalfMean())
          .evidence("growthPercent", growth.growthPercent()).build());
    }
    return Optional.empty();
  }

  /** An API rate quota whose applied value differs from the AWS default (INFO). */
  public Finding of(RateQuota rate) {
    return Finding.builder(CheckIds.API_RATE_CUSTOM, Severity.INFO, Pillar.OPERATIONAL_EXCELLENCE)
        .title(rate.name() + ": " + rate.appliedValue().toPlainString() + " applied (default "
            + rate.defaultValue().toPlainString() + ")")
        .detail("This account's API rate quota differs from the AWS default; keep it in mind when sizing"
            + " integrations and when moving to another account or Region.")
        .resource(quotaArn(rate.quotaCode()))
        .consoleUrl(links.serviceQuota(rate.quotaCode()))
        .evidence("quotaCode", rate.quotaCode()).evidence("defaultValue", rate.defaultValue())
        .evidence("appliedValue", rate.appliedValue()).evidence("unit", rate.unit())
        .build();
  }

  private Finding.Builder banded(String key, String label, String code, RowStatus status, BigDecimal percentage,
      Object usage, BigDecimal limit, Pillar pillar, String usedWord, String usageSource) {
    String pct = percentage == null ? null : percentage.toPlainString() + " %";
    String used = usage == null ? "unknown" : usage instanceof BigDecimal d ? d.toPlainString() : usage.toString();
    String amount = used + " " + usedWord + " of " + (limit == null ? "an unknown limit" : limit.toPlainString())
        + (pct == null ? "" : " (" + pct + ")");
    Finding.Builder builder = switch (status) {
      case CRITICAL -> base(key, CheckIds.CRITICAL, Severity.CRITICAL, pillar, code)
          .title(label + (percentage == null ? ": quota is 0 but in use"
              : percentage.compareTo(Numbers.HUNDRED) > 0 ? " is above its quota (" + pct + ")"
              : " is at " + pct + " of its quota"))
          .detail(amount + "; critical from " + thresholds.criticalPercent().toPlainString() + " %.")
          .recommendation("Request an increase of \"" + label + "\" (" + code + ") in Service Quotas now, or remove"
              + " what is no longer used; at the limit new ones are refused.");
      case WARNING -> base(key, CheckIds.NEAR_LIMIT,
          percentage.compareTo(thresholds.highPercent()) >= 0 ? Severity.HIGH : Severity.MEDIUM, pillar, code)
          .title(label + " is at " + pct + " of its quota")
          .detail(amount + "; warning from " + thresholds.warnPercent().toPlainString() + " %, critical from "
              + thresholds.criticalPercent().toPlainString() + " %.")
          .recommendation("Request an increase of \"" + label + "\" (" + code + ") in Service Quotas before it is"
              + " reached, or clean up unused ones.");
      default -> base(key, CheckIds.WITHIN_LIMIT, Severity.PASS, pillar, code)
          .title(label + " within its quota" + (pct == null ? "" : " (" + pct + ")"))
          .detail(amount + ".");
    };
    return builder.evidence("limit", limit).evidence("usage", usage).evidence("percentage", percentage)
        .evidence("usageSource", usageSource);
  }

  private Finding.Builder base(String key, String variant, Severity severity, Pillar pillar, String code) {
    return Finding.builder(CheckIds.of(key, variant), severity, pillar)
        .resource(instance.arn())
        .consoleUrl(links.serviceQuota(code))
        .evidence("quotaCode", code);
  }

  private String quotaArn(String code) {
    return "arn:" + instance.partition() + ":servicequotas:" + instance.region() + ":" + instance.accountId()
        + ":" + QuotaCatalog.SERVICE_CODE + "/" + code;
  }

  /** One INFO finding listing the quotas outside the catalog: limits known, usage not measured. */
  public Optional<Finding> of(java.util.List<OtherQuota> others) {
    if (others.isEmpty()) {
      return Optional.empty();
    }
    java.util.List<String> listed = others.stream().map(o -> o.name() + " (" + o.quotaCode() + "): "
        + (o.appliedValue() != null ? o.appliedValue().toPlainString() + " applied"
            : o.defaultValue().toPlainString() + " default")).toList();
    return Optional.of(Finding.builder(CheckIds.OTHER_QUOTAS_NOT_MEASURED, Severity.INFO,
            Pillar.OPERATIONAL_EXCELLENCE)
        .title(others.size() + " more Connect quota" + (others.size() == 1 ? "" : "s")
            + ": limits listed, usage not measured")
        .detail("Service Quotas lists these for Connect and no API counts their usage here, so they are kept with "
            + "their account-level limit instead of being dropped: " + String.join("; ", listed) + ".")
        .recommendation("Compare each limit with what is in use in the Connect admin website; instance-level "
            + "values may differ from the account value shown.")
        .resource(instance.arn())
        .consoleUrl(links.serviceQuotas())
        .evidence("count", (long) others.size())
        .evidence("quotaCodes", others.stream().map(OtherQuota::quotaCode).toList())
        .build());
  }
}
