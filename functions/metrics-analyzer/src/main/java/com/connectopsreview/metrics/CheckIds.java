package com.connectopsreview.metrics;

/**
 * Every checkId the metrics analyzer emits. Stable once released; each one is documented in
 * {@code docs/checks.md} (section "metrics") with its pillar, severity rule, evidence and
 * recommendation.
 */
public final class CheckIds {

  public static final String CONCURRENT_CALLS_PEAK = "METRICS.CONCURRENT_CALLS.PEAK";
  public static final String CONCURRENT_CALLS_NO_DATA = "METRICS.CONCURRENT_CALLS.NO_DATA";

  public static final String MISSED_CALLS_SPIKE = "METRICS.MISSED_CALLS.SPIKE";
  public static final String MISSED_CALLS_ABOVE_THRESHOLD = "METRICS.MISSED_CALLS.ABOVE_THRESHOLD";
  public static final String MISSED_CALLS_WITHIN_THRESHOLD = "METRICS.MISSED_CALLS.WITHIN_THRESHOLD";
  public static final String MISSED_CALLS_NO_DATA = "METRICS.MISSED_CALLS.NO_DATA";

  /** {@code METRICS.THROTTLED_CALLS.<band>}: NONE, LOW, MODERATE, HIGH or CRITICAL (see {@link ThrottleBand}). */
  public static final String THROTTLED_CALLS_PREFIX = "METRICS.THROTTLED_CALLS.";

  public static final String QUEUE_SIZE_HOT_QUEUE = "METRICS.QUEUE_SIZE.HOT_QUEUE";
  public static final String QUEUE_SIZE_NO_QUEUES = "METRICS.QUEUE_SIZE.NO_QUEUES";

  public static final String CALLS_PER_INTERVAL_SUMMARY = "METRICS.CALLS_PER_INTERVAL.SUMMARY";
  public static final String CALLS_PER_INTERVAL_NO_DATA = "METRICS.CALLS_PER_INTERVAL.NO_DATA";

  private CheckIds() {}

  public static String throttledCalls(ThrottleBand band) {
    return THROTTLED_CALLS_PREFIX + band.name();
  }
}
