package com.connectopsreview.quota;

/**
 * Every checkId the quota analyzer emits: {@code QUOTA.<KEY>.<VARIANT>} with the keys of
 * {@link QuotaCatalog}, plus the account's API rate quotas. Stable once released; documented in
 * {@code docs/checks.md} (section "quota").
 */
public final class CheckIds {

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
