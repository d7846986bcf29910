package com.connectopsreview.shared.sections;

import com.connectopsreview.shared.model.Severity;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} payload of the {@code cloudtrail} component: the Amazon Connect API calls CloudTrail
 * recorded over the window (LookupEvents, event source {@code connect.amazonaws.com}), which were
 * throttled, grouped by API, caller and UTC day. The shape is documented in docs/checks.md (section
 * "cloudtrail", "Data payload").
 *
 * @param window what was asked for and how far back the events were read
 * @param eventSource the LookupEvents attribute value, {@code connect.amazonaws.com}
 * @param region the Region whose event history was read (the instance's)
 * @param throttlingErrorCodes the {@code errorCode} values counted as throttled
 * @param totals the counts over every event read
 * @param byApi one row per eventName with events in scope, most events first
 * @param byCaller one row per caller with events in scope, most throttled first, then most events
 * @param callersNotListed callers beyond the listed rows (their events are in the totals)
 * @param byDay one row per UTC day with events in scope, newest first
 * @param throttledSamples the most recent throttled events in scope, newest first, request
 *     parameters and error message redacted by {@code redactionPolicy}
 * @param consoleUrl CloudTrail event history filtered to the event source and the analysed window
 * @param redactionPolicy the policy applied to the samples ({@code RedactionPolicy.describe()})
 */
public record CloudTrailSection(
    Window window,
    String eventSource,
    String region,
    List<String> throttlingErrorCodes,
    Totals totals,
    List<ApiRow> byApi,
    List<CallerRow> byCaller,
    int callersNotListed,
    List<DayRow> byDay,
    List<Sample> throttledSamples,
    String consoleUrl,
    String redactionPolicy) implements Section {

  public static final int SCHEMA_VERSION = 1;

  @Override
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }

  /**
   * @param requestedStart the review window's start
   * @param requestedEnd the review window's end
   * @param clamped true when the requested start was older than the 90 days LookupEvents covers
   * @param lookupStart the StartTime sent (the requested start, or now − 90 days when clamped)
   * @param lookupEnd the EndTime sent
   * @param analyzedFrom how far back events were read: {@code lookupStart} when complete, else the
   *     oldest event time read ({@code lookupEnd} when none was read)
   * @param analyzedTo {@code lookupEnd}
   * @param complete true when every page up to {@code lookupStart} was read
   * @param pages LookupEvents pages read
   */
  public record Window(Instant requestedStart, Instant requestedEnd, boolean clamped, Instant lookupStart,
      Instant lookupEnd, Instant analyzedFrom, Instant analyzedTo, boolean complete, int pages) {}

  /**
   * Counts over every event LookupEvents returned.
   *
   * @param eventsRead events returned
   * @param unparsedEvents events whose {@code CloudTrailEvent} is not a JSON object (not analysed)
   * @param excludedOtherRegion events whose {@code awsRegion} is not the instance's
   * @param throttledOtherRegion throttled ones among them
   * @param excludedOtherInstance events whose request parameters name another instance
   * @param throttledOtherInstance throttled ones among them
   * @param eventsAnalyzed events in scope: this Region, this instance or no instance named
   * @param errors events in scope with any {@code errorCode}, throttling included
   * @param throttled events in scope with a throttling {@code errorCode}
   * @param throttledThisInstance throttled events whose request parameters name this instance
   * @param throttledAccountLevel throttled events naming no instance (account-level calls, or
   *     parameters CloudTrail did not record); Connect's rate limits are per account and Region
   */
  public record Totals(long eventsRead, long unparsedEvents, long excludedOtherRegion, long throttledOtherRegion,
      long excludedOtherInstance, long throttledOtherInstance, long eventsAnalyzed, long errors, long throttled,
      long throttledThisInstance, long throttledAccountLevel) {}

  /**
   * One Connect API (eventName).
   *
   * @param errorRatePercent {@code errors / events × 100}, 1 dp half up
   * @param throttledPercent {@code throttled / events × 100}, 1 dp half up
   * @param severity the severity of its throttling finding; null when not throttled
   * @param quotaName the Service Quotas name of the API's rate quota ("Rate of X API requests")
   * @param consoleUrl CloudTrail event history filtered to this event name and the window
   */
  public record ApiRow(String eventName, long events, long errors, long throttled, long throttledThisInstance,
      BigDecimal errorRatePercent, BigDecimal throttledPercent, Severity severity, String quotaName,
      String consoleUrl) {}

  /**
   * One caller: the principal's ARN, for an assumed role the role's (the session issuer's).
   *
   * @param callerType the {@code userIdentity.type} (AssumedRole, IAMUser, Root, AWSService, ...)
   * @param sessionNames role session names seen (at most {@link #LISTED_VALUES})
   * @param userAgents most frequent user agents first (at most {@link #LISTED_VALUES})
   * @param sourceIps most frequent source IP addresses (or service names) first (at most {@link #LISTED_VALUES})
   * @param throttledByApi eventName → throttled calls of this caller, most first
   */
  public record CallerRow(String caller, String callerType, long events, long throttled, List<String> sessionNames,
      List<Count> userAgents, List<Count> sourceIps, Map<String, Long> throttledByApi) {}

  /** A value and how often it was seen. */
  public record Count(String value, long count) {}

  /** One UTC day. */
  public record DayRow(LocalDate day, long events, long throttled) {}

  /**
   * A throttled event, as stored: what CloudTrail recorded, its request parameters through the
   * redaction policy.
   *
   * @param namesThisInstance true when the request parameters name this instance, false when they
   *     name none (account level)
   */
  public record Sample(Instant eventTime, String eventName, String eventId, String caller, String sessionName,
      String userAgent, String sourceIp, String errorCode, String errorMessage, boolean namesThisInstance,
      JsonNode requestParameters) {}

  /** Values listed per caller (session names, user agents, source IPs). */
  public static final int LISTED_VALUES = 5;

  /**
   * Every checkId the cloudtrail analyzer emits. Stable once released; documented in {@code docs/checks.md}
   * (section "cloudtrail").
   */
  public static final class CheckIds {

    /** An API throttled in the window, one checkId per severity (the variant is the severity). */
    public static final String API_THROTTLED_HIGH = "CLOUDTRAIL.API_THROTTLED.HIGH";
    public static final String API_THROTTLED_MEDIUM = "CLOUDTRAIL.API_THROTTLED.MEDIUM";
    public static final String API_THROTTLED_LOW = "CLOUDTRAIL.API_THROTTLED.LOW";
    public static final String THROTTLING_CALLERS = "CLOUDTRAIL.THROTTLING.CALLERS";
    public static final String THROTTLING_NONE = "CLOUDTRAIL.THROTTLING.NONE";
    public static final String THROTTLING_NONE_SO_FAR = "CLOUDTRAIL.THROTTLING.NONE_SO_FAR";
    public static final String EVENTS_SUMMARY = "CLOUDTRAIL.EVENTS.SUMMARY";

    private CheckIds() {}

    /** The API-throttling checkId of {@code severity} (HIGH, MEDIUM or LOW). */
    public static String apiThrottled(Severity severity) {
      return switch (severity) {
        case HIGH -> API_THROTTLED_HIGH;
        case MEDIUM -> API_THROTTLED_MEDIUM;
        case LOW -> API_THROTTLED_LOW;
        default -> throw new IllegalArgumentException("no API-throttling check of severity " + severity);
      };
    }
  }
}
