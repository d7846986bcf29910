package com.connectopsreview.cloudtrail;

import com.connectopsreview.shared.analyzer.Percent;
import com.connectopsreview.shared.model.Severity;
import java.math.BigDecimal;
import java.util.List;

/**
 * What counts as a throttled Connect call and how bad a throttled API is (docs/checks.md, section
 * "cloudtrail"). Every throttled call CloudTrail records is a request Amazon Connect refused with HTTP
 * 429 (best practices for Connect APIs): an agent, admin or integration operation that failed unless
 * its caller retried it.
 */
final class ThrottlingRules {

  /**
   * The {@code errorCode} values of a throttled Connect call: {@code ThrottlingException} is the code
   * the Connect API reference documents (HTTP 429); {@code TooManyRequestsException} is the code the
   * Connect API gateway answers and CloudTrail records for most throttled calls (the one upstream
   * filters on). {@code LimitExceededException} is not here: it is a resource quota (too many
   * users, numbers...), not a rate.
   */
  static final List<String> ERROR_CODES = List.of("ThrottlingException", "TooManyRequestsException");

  /** HIGH at this many throttled calls of one API over the window. */
  static final long HIGH_COUNT = 100;
  /**
   * HIGH when this share of an API's calls is throttled: a success rate below 95 %, upstream's
   * (G2b) "fail" line.
   */
  static final BigDecimal HIGH_PERCENT = BigDecimal.valueOf(5);
  /** MEDIUM from this many throttled calls (recurring, not a one-off burst). */
  static final long MEDIUM_COUNT = 10;
  /**
   * The share rule needs at least this many throttled calls: one throttled call of an API called twice
   * in the window is 50 %, but it is a single refused request the SDK most likely retried.
   */
  static final long SHARE_MINIMUM = 5;

  private ThrottlingRules() {}

  static boolean isThrottling(String errorCode) {
    return errorCode != null && ERROR_CODES.contains(errorCode);
  }

  /**
   * HIGH from {@link #HIGH_COUNT} throttled calls, or from {@link #HIGH_PERCENT} of the API's calls
   * when at least {@link #SHARE_MINIMUM} were throttled; MEDIUM from {@link #MEDIUM_COUNT}, LOW below;
   * null when nothing was throttled.
   */
  static Severity severity(long throttled, long events) {
    if (throttled <= 0) {
      return null;
    }
    if (throttled >= HIGH_COUNT
        || throttled >= SHARE_MINIMUM && percent(throttled, events).compareTo(HIGH_PERCENT) >= 0) {
      return Severity.HIGH;
    }
    return throttled >= MEDIUM_COUNT ? Severity.MEDIUM : Severity.LOW;
  }

  /** {@code part / whole × 100}, 1 dp half up; 0 for an empty whole. */
  static BigDecimal percent(long part, long whole) {
    if (whole <= 0) {
      return BigDecimal.ZERO.setScale(1);
    }
    return Percent.of(part, whole);
  }

  /** The Service Quotas name of the API's rate quota, as Amazon Connect lists it. */
  static String quotaName(String eventName) {
    return "Rate of " + eventName + " API requests";
  }
}
