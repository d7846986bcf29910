package com.connectopsreview.cloudtrail;

import com.connectopsreview.shared.links.ConsoleLinks;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.CloudTrailSection.CallerRow;
import com.connectopsreview.shared.sections.CloudTrailSection.CheckIds;
import com.connectopsreview.shared.sections.CloudTrailSection.Totals;
import com.connectopsreview.shared.sections.CloudTrailSection.Window;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the tally into findings. Throttling is Reliability: a throttled Connect API call is an agent,
 * admin or integration operation the service refused. Links go to CloudTrail's event history for the
 * analysed window, filtered to the event source, or to the API's event name.
 */
final class CloudTrailFindings {

  static final String BEST_PRACTICES =
      "https://docs.aws.amazon.com/connect/latest/APIReference/best-practices-connect-apis.html";
  /** Callers named in an API's finding; the callers finding names {@link #TOP_CALLERS}. */
  static final int CALLERS_PER_API = 3;
  static final int TOP_CALLERS = 5;

  private final InstanceRef instance;
  private final ConsoleLinks links;
  private final Window window;

  CloudTrailFindings(InstanceRef instance, Window window) {
    this.instance = instance;
    this.links = ConsoleLinks.forInstance(instance);
    this.window = window;
  }

  /** Event history: every Connect event of the analysed window. */
  String eventsUrl() {
    return links.cloudTrailEvents("EventSource", CloudTrailAnalyzer.EVENT_SOURCE, window.lookupStart(),
        window.lookupEnd());
  }

  /** Event history of one API over the window (the console filters by one attribute: the event name). */
  String apiUrl(String eventName) {
    return links.cloudTrailEvents("EventName", eventName, window.lookupStart(), window.lookupEnd());
  }

  Finding throttledApi(EventTally.Api api, Severity severity, Map<String, Long> topCallers) {
    long accountLevel = api.throttled - api.throttledThisInstance;
    return Finding.builder(CheckIds.apiThrottled(severity), severity, Pillar.RELIABILITY)
        .title(api.eventName + ": " + api.throttled + " of " + api.events + " calls throttled ("
            + ThrottlingRules.percent(api.throttled, api.events).toPlainString() + " %)")
        .detail("Amazon Connect refused these " + api.eventName + " calls with a throttling error (HTTP 429) "
            + span() + ". " + api.throttledThisInstance + " name this instance, " + accountLevel
            + " name no instance (Connect's API rate limits are per account and Region, so they draw on the "
            + "same quota). Most throttled callers: " + named(topCallers) + ".")
        .recommendation("Have the callers retry with exponential backoff and jitter (the AWS SDKs' standard "
            + "retry mode), cache List and Describe results instead of repeating them, and spread batch jobs "
            + "over time. If the steady rate is needed, request an increase of the Amazon Connect quota '"
            + ThrottlingRules.quotaName(api.eventName) + "' in Service Quotas. See " + BEST_PRACTICES)
        .resource(api.eventName)
        .consoleUrl(apiUrl(api.eventName))
        .evidence("eventName", api.eventName)
        .evidence("events", api.events)
        .evidence("throttled", api.throttled)
        .evidence("throttledPercent", ThrottlingRules.percent(api.throttled, api.events))
        .evidence("errorRatePercent", ThrottlingRules.percent(api.errors, api.events))
        .evidence("throttledThisInstance", api.throttledThisInstance)
        .evidence("throttledAccountLevel", accountLevel)
        .evidence("topCallers", topCallers)
        .evidence("quotaName", ThrottlingRules.quotaName(api.eventName))
        .evidence("complete", window.complete())
        .build();
  }

  /** The callers behind the throttling (INFO: the API findings rate it, this says who). */
  Finding callers(List<CallerRow> rows, long throttled) {
    List<CallerRow> top = rows.stream().filter(r -> r.throttled() > 0).limit(TOP_CALLERS).toList();
    Map<String, Long> byCaller = new java.util.LinkedHashMap<>();
    top.forEach(r -> byCaller.put(r.caller(), r.throttled()));
    String described = top.stream().map(r -> r.caller() + " (" + r.throttled() + " throttled: "
            + r.throttledByApi().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "))
            + (r.userAgents().isEmpty() ? "" : "; user agent " + r.userAgents().get(0).value()) + ")")
        .collect(Collectors.joining("; "));
    CallerRow first = top.get(0);
    return Finding.builder(CheckIds.THROTTLING_CALLERS, Severity.INFO, Pillar.RELIABILITY)
        .title("Throttled Connect API calls come from " + top.size() + " caller" + (top.size() == 1 ? "" : "s")
            + ", most from " + first.caller())
        .detail(throttled + " throttled calls " + span() + ": " + described + ".")
        .recommendation("Start with the first caller: find the integration or tool behind it (the role's "
            + "owner, its user agent) and make it back off, cache and spread its calls.")
        .resource(first.caller())
        .consoleUrl(eventsUrl())
        .evidence("throttledByCaller", byCaller)
        .evidence("topCallerUserAgent", first.userAgents().isEmpty() ? null : first.userAgents().get(0).value())
        .evidence("topCallerSessionNames", first.sessionNames())
        .build();
  }

  /** The whole window was read and nothing was throttled. */
  Finding none(Totals totals) {
    return Finding.builder(CheckIds.THROTTLING_NONE, Severity.PASS, Pillar.RELIABILITY)
        .title("No Amazon Connect API throttling " + span())
        .detail(totals.eventsAnalyzed() + " Connect API calls in the instance's Region analysed; none was throttled.")
        .resource(instance.arn())
        .consoleUrl(eventsUrl())
        .evidence("eventsAnalyzed", totals.eventsAnalyzed())
        .evidence("analyzedFrom", window.analyzedFrom().toString())
        .evidence("analyzedTo", window.analyzedTo().toString())
        .build();
  }

  /**
   * Nothing throttled in what was read, but not everything was read (the window not to its start, or
   * records that are not readable): no PASS.
   */
  Finding noneSoFar(Totals totals) {
    boolean unread = !window.complete();
    return Finding.builder(CheckIds.THROTTLING_NONE_SO_FAR, Severity.INFO, Pillar.RELIABILITY)
        .title(unread ? "No Amazon Connect API throttling back to " + window.analyzedFrom()
            + " (the window was not read to its start)"
            : "No Amazon Connect API throttling in the readable events (" + totals.unparsedEvents()
                + " not readable)")
        .detail(totals.eventsAnalyzed() + " Connect API calls analysed from " + window.analyzedFrom() + " to "
            + window.analyzedTo() + (unread ? "; events before " + window.analyzedFrom() + " were not read"
                : "; " + totals.unparsedEvents() + " events could not be read") + ", so this is not a pass for "
            + "the whole window.")
        .recommendation(unread ? "Review again with a shorter window to cover it completely."
            : "Look at the unreadable events in the CloudTrail console.")
        .resource(instance.arn())
        .consoleUrl(eventsUrl())
        .evidence("eventsAnalyzed", totals.eventsAnalyzed())
        .evidence("analyzedFrom", window.analyzedFrom().toString())
        .evidence("lookupStart", window.lookupStart().toString())
        .build();
  }

  Finding summary(Totals totals, int apis) {
    String clamped = window.clamped() ? " The window was cut to the last 90 days (all LookupEvents covers): "
        + window.requestedStart() + " asked for, " + window.lookupStart() + " read from." : "";
    return Finding.builder(CheckIds.EVENTS_SUMMARY, Severity.INFO, Pillar.RELIABILITY)
        .title("CloudTrail: " + totals.eventsAnalyzed() + " Connect API calls analysed, " + totals.throttled()
            + " throttled")
        .detail(totals.eventsRead() + " events read " + span() + " (" + window.pages() + " pages), "
            + totals.eventsAnalyzed() + " analysed over " + apis + " APIs; excluded: " + totals.excludedOtherRegion()
            + " from other Regions (" + totals.throttledOtherRegion() + " throttled), "
            + totals.excludedOtherInstance() + " naming another instance (" + totals.throttledOtherInstance()
            + " throttled); " + totals.unparsedEvents() + " not readable." + clamped)
        .resource(instance.arn())
        .consoleUrl(eventsUrl())
        .evidence("eventsRead", totals.eventsRead())
        .evidence("eventsAnalyzed", totals.eventsAnalyzed())
        .evidence("throttled", totals.throttled())
        .evidence("throttledThisInstance", totals.throttledThisInstance())
        .evidence("throttledAccountLevel", totals.throttledAccountLevel())
        .evidence("excludedOtherRegion", totals.excludedOtherRegion())
        .evidence("excludedOtherInstance", totals.excludedOtherInstance())
        .evidence("unparsedEvents", totals.unparsedEvents())
        .evidence("analyzedFrom", window.analyzedFrom().toString())
        .evidence("analyzedTo", window.analyzedTo().toString())
        .evidence("complete", window.complete())
        .evidence("clamped", window.clamped())
        .build();
  }

  /** "from A to B", or "back to A (of the window from S to B)" when the window was not read to its start. */
  private String span() {
    return window.complete() ? "from " + window.analyzedFrom() + " to " + window.analyzedTo()
        : "back to " + window.analyzedFrom() + " (of the window from " + window.lookupStart() + " to "
            + window.analyzedTo() + ")";
  }

  private static String named(Map<String, Long> callers) {
    return callers.isEmpty() ? "none recorded" : callers.entrySet().stream()
        .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
  }
}
