package com.connectopsreview.cloudtrail;

import com.connectopsreview.cloudtrail.CloudTrailRecord.Mention;
import com.connectopsreview.shared.privacy.RedactionPolicy;
import com.connectopsreview.shared.sections.CloudTrailSection;
import com.connectopsreview.shared.sections.CloudTrailSection.CallerRow;
import com.connectopsreview.shared.sections.CloudTrailSection.Count;
import com.connectopsreview.shared.sections.CloudTrailSection.DayRow;
import com.connectopsreview.shared.sections.CloudTrailSection.Sample;
import com.connectopsreview.shared.sections.CloudTrailSection.Totals;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudtrail.model.Event;

/**
 * The events of one run, counted as they are read (newest first, as LookupEvents returns them): the
 * scope rules (this Region; this instance or none named), and the groups by API, caller and UTC day.
 * Only counts and a few redacted samples are kept, so 50,000 events take no more memory than 50.
 */
final class EventTally {

  /** Throttled events kept as samples: the most recent ones, since events come newest first. */
  static final int SAMPLES = 10;
  /** Callers counted one by one; further ones are counted together as {@link #OTHER_CALLERS}. */
  static final int TRACKED_CALLERS = 1_000;
  /** Callers listed in the data, most throttled first. */
  static final int LISTED_CALLERS = 50;
  /** Distinct user agents and source IPs counted per caller (the first seen). */
  static final int TRACKED_VALUES = 100;
  /** The one row callers beyond {@link #TRACKED_CALLERS} share. */
  static final String OTHER_CALLERS = "(other callers)";

  private final String region;
  private final String instanceId;
  private final RedactionPolicy policy;

  private long eventsRead;
  private long unparsed;
  private long otherRegion;
  private long throttledOtherRegion;
  private long otherInstance;
  private long throttledOtherInstance;
  private long analyzed;
  private long errors;
  private long throttled;
  private long throttledThisInstance;
  private Instant oldest;
  private final Map<String, Api> apis = new HashMap<>();
  private final Map<String, Caller> callers = new HashMap<>();
  private final TreeMap<LocalDate, long[]> days = new TreeMap<>();
  private final List<Sample> samples = new ArrayList<>();

  /** One API's counts. */
  static final class Api {
    final String eventName;
    long events;
    long errors;
    long throttled;
    long throttledThisInstance;

    Api(String eventName) {
      this.eventName = eventName;
    }
  }

  private static final class Caller {
    final String caller;
    String type;
    long events;
    long throttled;
    final Set<String> sessions = new LinkedHashSet<>();
    final Map<String, Long> userAgents = new HashMap<>();
    final Map<String, Long> sourceIps = new HashMap<>();
    final Map<String, Long> throttledByApi = new HashMap<>();

    Caller(String caller) {
      this.caller = caller;
    }
  }

  EventTally(String region, String instanceId, RedactionPolicy policy) {
    this.region = region;
    this.instanceId = instanceId;
    this.policy = policy;
  }

  /** Counts one event LookupEvents returned. */
  void add(Event event) {
    eventsRead++;
    older(event.eventTime());
    CloudTrailRecord record;
    try {
      record = CloudTrailRecord.parse(event);
    } catch (CloudTrailRecord.UnparsableException e) {
      unparsed++;
      return;
    }
    older(record.eventTime());
    boolean isThrottled = record.isThrottled();
    // Event history is per Region; a record without awsRegion came from this Region's history.
    if (record.awsRegion() != null && !record.awsRegion().equals(region)) {
      otherRegion++;
      throttledOtherRegion += isThrottled ? 1 : 0;
      return;
    }
    Mention mention = record.mention(instanceId);
    if (mention == Mention.OTHER_INSTANCE) {
      otherInstance++;
      throttledOtherInstance += isThrottled ? 1 : 0;
      return;
    }
    analyzed++;
    Api api = apis.computeIfAbsent(record.eventName() == null ? "unknown" : record.eventName(), Api::new);
    api.events++;
    if (record.isError()) {
      errors++;
      api.errors++;
    }
    Caller caller = caller(record.caller());
    caller.type = caller.type == null ? record.callerType() : caller.type;
    caller.events++;
    if (record.sessionName() != null && caller.sessions.size() < CloudTrailSection.LISTED_VALUES) {
      caller.sessions.add(record.sessionName());
    }
    countValue(caller.userAgents, record.userAgent());
    countValue(caller.sourceIps, record.sourceIp());
    long[] day = record.eventTime() == null ? null
        : days.computeIfAbsent(LocalDate.ofInstant(record.eventTime(), ZoneOffset.UTC), d -> new long[2]);
    if (day != null) {
      day[0]++;
    }
    if (isThrottled) {
      throttled++;
      api.throttled++;
      caller.throttled++;
      caller.throttledByApi.merge(api.eventName, 1L, Long::sum);
      if (day != null) {
        day[1]++;
      }
      if (mention == Mention.THIS_INSTANCE) {
        throttledThisInstance++;
        api.throttledThisInstance++;
      }
      if (samples.size() < SAMPLES) {
        samples.add(sample(record, mention));
      }
    }
  }

  long eventsRead() {
    return eventsRead;
  }

  long unparsed() {
    return unparsed;
  }

  long throttled() {
    return throttled;
  }

  long analyzed() {
    return analyzed;
  }

  /** The oldest event time read; null before any event. */
  Instant oldest() {
    return oldest;
  }

  Totals totals() {
    return new Totals(eventsRead, unparsed, otherRegion, throttledOtherRegion, otherInstance, throttledOtherInstance,
        analyzed, errors, throttled, throttledThisInstance, throttled - throttledThisInstance);
  }

  /** Every API with events in scope: most throttled first, then most events, then by name. */
  List<Api> apis() {
    return apis.values().stream()
        .sorted(Comparator.comparingLong((Api a) -> -a.throttled).thenComparingLong(a -> -a.events)
            .thenComparing(a -> a.eventName))
        .toList();
  }

  /** The callers most throttled on {@code eventName}, with their throttled calls, at most {@code limit}. */
  Map<String, Long> topCallers(String eventName, int limit) {
    Map<String, Long> top = new LinkedHashMap<>();
    callers.values().stream()
        .filter(c -> c.throttledByApi.containsKey(eventName))
        .sorted(Comparator.comparingLong((Caller c) -> -c.throttledByApi.get(eventName)).thenComparing(c -> c.caller))
        .limit(limit)
        .forEach(c -> top.put(c.caller, c.throttledByApi.get(eventName)));
    return top;
  }

  /** The listed callers: most throttled first, then most events, then by ARN. */
  List<CallerRow> callerRows() {
    return sortedCallers().stream().limit(LISTED_CALLERS).map(EventTally::row).toList();
  }

  /** Callers with events in scope that {@link #callerRows()} leaves out. */
  int callersNotListed() {
    return Math.max(0, callers.size() - LISTED_CALLERS);
  }

  /** Newest day first. */
  List<DayRow> dayRows() {
    List<DayRow> rows = new ArrayList<>();
    days.descendingMap().forEach((day, counts) -> rows.add(new DayRow(day, counts[0], counts[1])));
    return rows;
  }

  List<Sample> samples() {
    return List.copyOf(samples);
  }

  private List<Caller> sortedCallers() {
    return callers.values().stream()
        .sorted(Comparator.comparingLong((Caller c) -> -c.throttled).thenComparingLong(c -> -c.events)
            .thenComparing(c -> c.caller))
        .toList();
  }

  private Caller caller(String arn) {
    Caller known = callers.get(arn);
    if (known != null) {
      return known;
    }
    String key = callers.size() < TRACKED_CALLERS ? arn : OTHER_CALLERS;
    return callers.computeIfAbsent(key, Caller::new);
  }

  private static void countValue(Map<String, Long> counts, String value) {
    if (value != null && (counts.containsKey(value) || counts.size() < TRACKED_VALUES)) {
      counts.merge(value, 1L, Long::sum);
    }
  }

  private Sample sample(CloudTrailRecord r, Mention mention) {
    return new Sample(r.eventTime(), r.eventName(), r.eventId(), r.caller(), r.sessionName(), r.userAgent(),
        r.sourceIp(), r.errorCode(), r.errorMessage() == null ? null : policy.redactText(r.errorMessage()),
        mention == Mention.THIS_INSTANCE, policy.apply(r.requestParameters()));
  }

  private static CallerRow row(Caller c) {
    Map<String, Long> byApi = new LinkedHashMap<>();
    c.throttledByApi.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> byApi.put(e.getKey(), e.getValue()));
    return new CallerRow(c.caller, c.type, c.events, c.throttled, List.copyOf(c.sessions), top(c.userAgents),
        top(c.sourceIps), byApi);
  }

  private static List<Count> top(Map<String, Long> counts) {
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(CloudTrailSection.LISTED_VALUES)
        .map(e -> new Count(e.getKey(), e.getValue()))
        .toList();
  }

  private void older(Instant time) {
    if (time != null && (oldest == null || time.isBefore(oldest))) {
      oldest = time;
    }
  }
}
