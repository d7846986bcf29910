package com.connectopsreview.cloudtrail;

import com.connectopsreview.shared.analyzer.AnalysisOutput;
import com.connectopsreview.shared.analyzer.Analyzer;
import com.connectopsreview.shared.analyzer.Outcome;
import com.connectopsreview.shared.analyzer.ReadLog;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.privacy.RedactionPolicy;
import com.connectopsreview.shared.sections.CloudTrailSection;
import com.connectopsreview.shared.sections.CloudTrailSection.ApiRow;
import com.connectopsreview.shared.sections.CloudTrailSection.CallerRow;
import com.connectopsreview.shared.sections.CloudTrailSection.Totals;
import com.connectopsreview.shared.sections.CloudTrailSection.Window;
import com.connectopsreview.shared.time.TimeBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

/**
 * The {@code cloudtrail} component: which Amazon Connect API calls were throttled over the window,
 * from the CloudTrail event history of the instance's Region (upstream-spec §1.9, §4.8), grouped by
 * API, caller and UTC day.
 *
 * <p>Calls: CloudTrail {@code LookupEvents} in the instance's Region with
 * {@code LookupAttributes=[EventSource=connect.amazonaws.com]}, StartTime/EndTime the window (its start
 * moved up to now − 90 days, all the event history holds), {@code MaxResults=50}, every page through
 * the SDK paginator, newest first, paced at LookupEvents' 2 requests/s ({@code ApiRateLimiter}).
 * The time budget is checked before each page; when it runs out, what was read is kept and the
 * component is PARTIAL, "analyzed back to" the oldest event read. Denied or failed before any page is
 * FAILED; after some pages, PARTIAL.
 */
public final class CloudTrailAnalyzer implements Analyzer {

  private static final Logger LOG = LoggerFactory.getLogger(CloudTrailAnalyzer.class);

  /** The LookupEvents attribute value: Amazon Connect's event source. */
  static final String EVENT_SOURCE = "connect.amazonaws.com";
  /** LookupEvents' maximum (and default) page size. */
  static final int PAGE_SIZE = 50;
  /** How far back LookupEvents reaches. */
  static final Duration EVENT_HISTORY = Duration.ofDays(90);

  private final ServiceClients clients;
  private final Clock clock;

  public CloudTrailAnalyzer(ServiceClients clients, Clock clock) {
    this.clients = clients;
    this.clock = clock;
  }

  @Override
  public AnalysisOutput analyze(AnalyzerRequest request, TimeBudget budget) {
    ReadLog log = new ReadLog(budget);
    InstanceRef ref = request.instance();
    RedactionPolicy policy = RedactionPolicy.forRequest(request);
    Instant now = clock.instant();
    Instant earliest = now.minus(EVENT_HISTORY);
    Instant requestedStart = request.window().start();
    Instant end = request.window().end();
    boolean clamped = requestedStart.isBefore(earliest);
    Instant start = clamped ? earliest : requestedStart;
    if (!start.isBefore(end)) {
      String reason = "the window (" + requestedStart + " to " + end + ") ends before the 90 days of event "
          + "history LookupEvents covers (from " + earliest + "); nothing to analyse";
      Window window = new Window(requestedStart, end, true, start, end, end, end, false, 0);
      return new AnalysisOutput(ComponentStatus.SKIPPED, List.of(), Json.tree(section(window, ref,
          new EventTally(ref.region(), ref.id(), policy), List.of(), policy)), List.of(reason));
    }

    EventTally tally = new EventTally(ref.region(), ref.id(), policy);
    CloudTrailClient cloudTrail = clients.client(CloudTrailClient.class, Region.of(ref.region()));
    LookupEventsRequest lookup = LookupEventsRequest.builder()
        .lookupAttributes(LookupAttribute.builder().attributeKey(LookupAttributeKey.EVENT_SOURCE)
            .attributeValue(EVENT_SOURCE).build())
        .startTime(start)
        .endTime(end)
        .maxResults(PAGE_SIZE)
        .build();
    int[] pages = {0};
    Outcome<Void> read = log.attempt(() -> {
      for (LookupEventsResponse page : log.pages("CloudTrail LookupEvents", cloudTrail.lookupEventsPaginator(lookup))) {
        pages[0]++;
        for (Event event : page.events()) {
          tally.add(event);
        }
      }
      return null;
    });

    boolean complete = read.isOk();
    Instant analyzedFrom = complete ? start : tally.oldest() == null ? end : tally.oldest();
    if (read.isOutOfTime()) {
      log.notExamined("Connect API events from " + start + " to " + analyzedFrom + ": analyzed back to "
          + analyzedFrom + " (" + tally.eventsRead() + " events, " + pages[0] + " pages)");
    } else if (!complete) {
      if (pages[0] == 0) {
        throw new EventsNotReadException("CloudTrail LookupEvents failed: " + read.reason());
      }
      log.error("CloudTrail LookupEvents stopped after " + pages[0] + " pages (" + read.reason()
          + "); analyzed back to " + analyzedFrom);
    }
    if (tally.unparsed() > 0) {
      log.error(tally.unparsed() + " of " + tally.eventsRead() + " events have a CloudTrailEvent that is not a "
          + "JSON object; they were not analysed");
    }
    Window window = new Window(requestedStart, end, clamped, start, end, analyzedFrom, end, complete, pages[0]);
    CloudTrailFindings rules = new CloudTrailFindings(ref, window);
    List<ApiRow> apiRows = new ArrayList<>();
    List<Finding> throttled = new ArrayList<>();
    for (EventTally.Api api : tally.apis()) {
      Severity severity = ThrottlingRules.severity(api.throttled, api.events);
      apiRows.add(new ApiRow(api.eventName, api.events, api.errors, api.throttled, api.throttledThisInstance,
          ThrottlingRules.percent(api.errors, api.events), ThrottlingRules.percent(api.throttled, api.events),
          severity, ThrottlingRules.quotaName(api.eventName), rules.apiUrl(api.eventName)));
      if (severity != null) {
        throttled.add(rules.throttledApi(api, severity,
            tally.topCallers(api.eventName, CloudTrailFindings.CALLERS_PER_API)));
      }
    }
    // Most severe first; within a severity, the order of the API rows (most throttled first).
    throttled.sort(Comparator.comparing(Finding::severity));
    List<Finding> findings = new ArrayList<>(throttled);
    Totals totals = tally.totals();
    List<CallerRow> callers = tally.callerRows();
    if (tally.throttled() > 0) {
      findings.add(rules.callers(callers, tally.throttled()));
    } else if (complete && tally.unparsed() == 0) {
      findings.add(rules.none(totals));
    } else if (tally.eventsRead() > 0 || read.isOutOfTime()) {
      findings.add(rules.noneSoFar(totals));
    }
    findings.add(rules.summary(totals, apiRows.size()));
    LOG.info("cloudtrail: {} events read in {} pages, {} analysed, {} throttled, {} unparsed; complete {}, "
        + "analysed from {}", tally.eventsRead(), pages[0], tally.analyzed(), tally.throttled(), tally.unparsed(),
        complete, analyzedFrom);
    return log.output(findings, section(window, ref, tally, apiRows, policy));
  }

  private static CloudTrailSection section(Window window, InstanceRef ref, EventTally tally, List<ApiRow> apis,
      RedactionPolicy policy) {
    return new CloudTrailSection(window, EVENT_SOURCE, ref.region(), ThrottlingRules.ERROR_CODES, tally.totals(),
        apis, tally.callerRows(), tally.callersNotListed(), tally.dayRows(), tally.samples(),
        new CloudTrailFindings(ref, window).eventsUrl(), policy.describe());
  }

  /** LookupEvents answered no page at all (denied, failed): nothing to review (FAILED). */
  static final class EventsNotReadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    EventsNotReadException(String message) {
      super(message);
    }
  }
}
