package com.connectopsreview.shared.sections;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The {@code data} payload of the {@code quota} component: every quota row (measured or not), the
 * concurrency rows with their daily peaks, the growth per concurrency quota and the account's API
 * rate quotas. The shape is documented in docs/checks.md (section "quota", "Data") for the report.
 */
public record QuotaSection(
    Thresholds thresholds,
    List<QuotaRow> quotas,
    List<ConcurrencyRow> concurrency,
    List<Growth> growth,
    List<RateQuota> rateQuotas,
    List<OtherQuota> otherQuotas,
    Summary summary) implements Section {

  public static final int SCHEMA_VERSION = 1;

  @Override
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }

  /**
   * Usage bands in percent of the limit: below {@code warn} normal, from {@code warn} a warning
   * (MEDIUM, HIGH from {@code high}), from {@code critical} critical.
   */
  public record Thresholds(BigDecimal warnPercent, BigDecimal highPercent, BigDecimal criticalPercent) {}

  /**
   * One instance-level quota.
   *
   * @param consoleUrl the quota's page in Service Quotas, where an increase is requested
   * @param limit null when unknown
   * @param limitSource null when the limit is unknown
   * @param usage null when not measured
   * @param percentage usage / limit · 100, 1 dp; null when either is unknown or the limit is 0
   * @param usageSource the call that counted the usage, null for limit-only quotas
   * @param note why a value is missing, null when nothing is
   */
  public record QuotaRow(String key, String label, String quotaCode, String consoleUrl, BigDecimal limit,
      LimitSource limitSource, Long usage, BigDecimal percentage, RowStatus status, String usageSource,
      String note) {}

  /**
   * One concurrency quota against its peak over the window.
   *
   * @param consoleUrl the quota's page in Service Quotas, where an increase is requested
   * @param usage the highest daily Maximum of the count metric; null without datapoints
   * @param peakDay start of the day of that peak
   * @param publishedPeakPercent highest daily Maximum of Connect's percentage metric, in percent (calls
   *     are published as a fraction and scaled ×100 here), 1 dp; null without datapoints
   * @param percentage usage / limit · 100 (1 dp) when the limit is known and not 0, otherwise the
   *     published percentage
   * @param daily the count metric's daily Maximum, oldest first (for the report's chart)
   */
  public record ConcurrencyRow(String key, String label, String quotaCode, String consoleUrl, BigDecimal limit,
      LimitSource limitSource, String metricGroup, String metric, BigDecimal usage, Instant peakDay,
      String percentMetric, BigDecimal publishedPeakPercent, BigDecimal percentage, RowStatus status,
      String note, List<DailyPoint> daily) {}

  public record DailyPoint(Instant day, BigDecimal value) {}

  /**
   * First half vs second half of the window, over the daily peaks of one concurrency metric.
   *
   * @param growthPercent (second − first) / first · 100, 1 dp; null when the first half's mean is 0
   * @param trend RISING, FLAT or DECLINING; null when a half has no datapoints
   * @param weeksUntilLimit at the linear trend between the halves, from the window's end; only when
   *     RISING and the limit is known (0 when already at or above it)
   * @param note why growth could not be computed, null otherwise
   */
  public record Growth(String key, String label, String metric, int firstHalfDays, int secondHalfDays,
      BigDecimal firstHalfMean, BigDecimal secondHalfMean, BigDecimal growthPercent, Trend trend,
      BigDecimal weeksUntilLimit, String note) {}

  public enum Trend { RISING, FLAT, DECLINING }

  /**
   * One account-level API rate quota ("Rate of …").
   *
   * @param appliedValue null when no applied value is listed (the default is in effect)
   * @param modified applied value present and different from the default
   */
  public record RateQuota(String quotaCode, String name, BigDecimal defaultValue, BigDecimal appliedValue,
      String unit, boolean modified) {}

  /**
   * A Connect quota outside the catalog (not an API rate): its limit is listed, its usage is not
   * measured, so it is kept in the data rather than dropped.
   *
   * @param appliedValue the account's applied value (ListServiceQuotas), null when only the default is listed
   */
  public record OtherQuota(String quotaCode, String name, BigDecimal defaultValue, BigDecimal appliedValue,
      String unit, RowStatus status) {}

  /** Counts of quota and concurrency rows per status, then of the rate and other quotas. */
  public record Summary(int rows, int normal, int warning, int critical, int notMeasured, int limitUnknown,
      int noData, int rateQuotas, int rateQuotasModified, int otherQuotas) {}

  /** The state of one quota row. */
  public enum RowStatus {
    /** Usage below the warning threshold. */
    NORMAL,
    /** Usage from the warning threshold up to the critical one. */
    WARNING,
    /** Usage at or above the critical threshold, or anything used of a limit of 0. */
    CRITICAL,
    /** The limit is known, the usage is not (no count API, or counting failed). */
    NOT_MEASURED,
    /** The limit could not be read, or the quota does not exist in the Region. */
    LIMIT_UNKNOWN,
    /** Concurrency only: CloudWatch has no datapoints in the window (nothing of that channel happened). */
    NO_DATA
  }

  /** Where a quota's limit came from, most specific first. */
  public enum LimitSource {
    /** GetServiceQuota with the instance ARN as ContextId: the value applied to this instance. */
    INSTANCE,
    /** GetServiceQuota without context: the value applied to the account in the Region. */
    ACCOUNT,
    /** GetAWSDefaultServiceQuota: the AWS default, nothing applied. */
    DEFAULT
  }

  /**
   * Every checkId the quota analyzer emits: {@code QUOTA.<KEY>.<VARIANT>} with the keys of the quota
   * analyzer's catalog, plus the account's API rate quotas. Stable once released; documented in
   * {@code docs/checks.md} (section "quota").
   */
  public static final class CheckIds {

    public static final String CRITICAL = "CRITICAL";
    public static final String NEAR_LIMIT = "NEAR_LIMIT";
    public static final String WITHIN_LIMIT = "WITHIN_LIMIT";
    public static final String NOT_MEASURED = "NOT_MEASURED";
    public static final String NO_DATA = "NO_DATA";
    public static final String GROWTH = "GROWTH";
    public static final String DECLINE = "DECLINE";

    public static final String API_RATE_CUSTOM = "QUOTA.API_RATE.CUSTOM";
    public static final String OTHER_QUOTAS_NOT_MEASURED = "QUOTA.OTHER_QUOTAS.NOT_MEASURED";

    private CheckIds() {}

    /** {@code QUOTA.<key>.<variant>}, e.g. {@code QUOTA.USERS.NEAR_LIMIT}. */
    public static String of(String key, String variant) {
      return "QUOTA." + key + "." + variant;
    }
  }
}
