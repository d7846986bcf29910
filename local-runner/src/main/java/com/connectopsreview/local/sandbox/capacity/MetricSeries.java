package com.connectopsreview.local.sandbox.capacity;

import com.connectopsreview.local.sandbox.SandboxSize;
import com.connectopsreview.local.sandbox.Seeded;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The instance's CloudWatch metrics (namespace {@code AWS/Connect}): raw samples every 5 minutes,
 * at epoch seconds divisible by 300, for every bucket start in {@code [end - RETENTION, end)}.
 * A sample is a pure function of (seed, metric, dimensions, bucket start, {@link #end()}), so tests
 * recompute any statistic from {@link #value} independently of the server.
 *
 * <p>Days are counted from the UTC day of {@link #end()}: day 0 is that (partial) day, day -1 the
 * day before. Planted patterns (all sizes, every seed):
 * <ul>
 *   <li>ConcurrentCalls peaks at exactly 70 % of the concurrent-calls quota, once, on day -1 at
 *       17:30 UTC; its level is flat up to day -7 and rises linearly to 1.6× from day -7 to day -1
 *       (rising trend in the second half of a 14-day window). ConcurrentCallsPercentage is
 *       ConcurrentCalls / quota (a fraction 0–1).</li>
 *   <li>MissedCalls: one spike day (day -5): between 12:00 and 16:00 UTC the day gets about nine
 *       normal days' worth of extra missed calls, about 10× the median daily total.</li>
 *   <li>ThrottledCalls: zero except three bursts ({@link #THROTTLE_BURSTS}), 37 in total.</li>
 *   <li>QueueSize / LongestQueueWaitTime: one hot queue ({@link #hotQueueName()}) far above the
 *       others.</li>
 * </ul>
 */
public final class MetricSeries {

  public static final String NAMESPACE = "AWS/Connect";
  /** Raw sample spacing. */
  public static final long RESOLUTION_SECONDS = 300;
  /** How far back samples exist (CloudWatch keeps hourly data 455 days; the sandbox keeps 5-minute data as long). */
  public static final Duration RETENTION = Duration.ofDays(455);
  public static final int SPIKE_DAY = -5;
  public static final int PEAK_DAY = -1;
  /** ConcurrentCalls' one peak: minute of day 17:30 UTC on {@link #PEAK_DAY}. */
  public static final int PEAK_MINUTE = 17 * 60 + 30;
  /** Share of the concurrent-calls quota reached at the peak. */
  public static final double PEAK_SHARE = 0.70;

  /** A ThrottledCalls burst: consecutive 5-minute samples from {@code minuteOfDay} of {@code day}. */
  public record Burst(int day, int minuteOfDay, List<Integer> values) {
    public int total() {
      return values.stream().mapToInt(Integer::intValue).sum();
    }
  }

  public static final List<Burst> THROTTLE_BURSTS = List.of(
      new Burst(-2, 17 * 60, List.of(3, 5, 2)),
      new Burst(-6, 18 * 60 + 30, List.of(4, 6, 4, 1)),
      new Burst(-11, 16 * 60 + 15, List.of(2, 7, 3)));

  /** One published metric: a name and its dimensions (InstanceId, MetricGroup, QueueName when a queue metric). */
  public record Metric(String name, Map<String, String> dimensions) {
    public Metric {
      dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
    }

    public String group() {
      return dimensions.get("MetricGroup");
    }
  }

  /** One metric's raw samples. */
  @FunctionalInterface
  public interface Series {
    /** The sample at {@code epochSecond} (a multiple of 300), or NaN when there is none. */
    double sample(long epochSecond);
  }

  private static final List<String> VOICE = List.of("ConcurrentCalls", "ConcurrentCallsPercentage", "MissedCalls",
      "ThrottledCalls", "CallsPerInterval", "CallsBreachingConcurrencyQuota");
  private static final List<String> QUEUE = List.of("QueueSize", "LongestQueueWaitTime",
      "QueueCapacityExceededError");

  private final long seed;
  private final String instanceId;
  private final Instant end;
  private final long endSecond;
  private final long firstSecond;
  private final long dayZero;
  private final int callsQuota;
  private final int chatsQuota;
  private final int tasksQuota;
  private final int emailsQuota;
  private final double missedPerSample;
  private final double expectedMissedPerDay;
  private final List<String> queueNames;
  private final int hotQueue;
  private final List<Metric> metrics;

  MetricSeries(long seed, SandboxSize size, String instanceId, Instant end, List<String> queueNames) {
    this.seed = seed;
    this.instanceId = instanceId;
    this.end = end.truncatedTo(ChronoUnit.MINUTES);
    this.endSecond = Math.floorDiv(this.end.getEpochSecond() + RESOLUTION_SECONDS - 1, RESOLUTION_SECONDS)
        * RESOLUTION_SECONDS;
    this.firstSecond = endSecond - RETENTION.toSeconds();
    this.dayZero = this.end.truncatedTo(ChronoUnit.DAYS).getEpochSecond();
    this.callsQuota = SandboxQuotas.concurrentCalls(size);
    this.chatsQuota = SandboxQuotas.concurrentChats(size);
    this.tasksQuota = SandboxQuotas.concurrentTasks(size);
    this.emailsQuota = SandboxQuotas.concurrentEmails(size);
    this.missedPerSample = size == SandboxSize.SMALL ? 0.5 : 5;
    double dailyShape = 0;
    for (int minute = 0; minute < 1440; minute += 5) {
      dailyShape += diurnal(minute);
    }
    this.expectedMissedPerDay = missedPerSample * dailyShape;
    this.queueNames = List.copyOf(queueNames);
    this.hotQueue = queueNames.isEmpty() ? -1 : Seeded.pick(seed, "hot-queue", 0, queueNames.size());
    List<Metric> all = new ArrayList<>();
    VOICE.forEach(m -> all.add(metric(m, "VoiceCalls", null)));
    all.add(metric("ConcurrentActiveChats", "Chats", null));
    all.add(metric("ConcurrentActiveChatsPercentage", "Chats", null));
    all.add(metric("ConcurrentTasks", "Tasks", null));
    all.add(metric("ConcurrentTasksPercentage", "Tasks", null));
    all.add(metric("ConcurrentEmails", "Email", null));
    all.add(metric("ConcurrentEmailsPercentage", "Email", null));
    for (String queue : queueNames) {
      QUEUE.forEach(m -> all.add(metric(m, "Queue", queue)));
    }
    this.metrics = List.copyOf(all);
  }

  /** The end of the data: samples exist strictly before it (the sandbox's start, to the minute). */
  public Instant end() {
    return end;
  }

  /** Midnight UTC of day {@code day} (0 = the day of {@link #end()}). */
  public Instant dayStart(int day) {
    return Instant.ofEpochSecond(dayZero + day * 86_400L);
  }

  public LocalDate date(int day) {
    return LocalDate.ofInstant(dayStart(day), ZoneOffset.UTC);
  }

  /** Every published metric (the ListMetrics universe), instance metrics first, then queue metrics. */
  public List<Metric> metrics() {
    return metrics;
  }

  /** The STANDARD queue whose QueueSize and LongestQueueWaitTime are far above the others. */
  public String hotQueueName() {
    return hotQueueName(hotQueue);
  }

  private String hotQueueName(int index) {
    return index < 0 ? null : queueNames.get(index);
  }

  /** The ConcurrentCalls peak: {@code PEAK_SHARE} of the concurrent-calls quota. */
  public int concurrentCallsPeak() {
    return (int) Math.round(callsQuota * PEAK_SHARE);
  }

  public int concurrentCallsQuota() {
    return callsQuota;
  }

  /** The instant of the ConcurrentCalls peak. */
  public Instant concurrentCallsPeakTime() {
    return dayStart(PEAK_DAY).plusSeconds(PEAK_MINUTE * 60L);
  }

  /** The sum of every ThrottledCalls sample (all bursts). */
  public static int throttledCallsTotal() {
    return THROTTLE_BURSTS.stream().mapToInt(Burst::total).sum();
  }

  /** The sample of {@code metric} with exactly these dimensions at {@code bucketStart}, if there is one. */
  public Optional<Double> value(String metric, Map<String, String> dimensions, Instant bucketStart) {
    return series(metric, dimensions).map(s -> s.sample(bucketStart.getEpochSecond()))
        .filter(v -> !Double.isNaN(v));
  }

  /** The raw series of a published metric whose dimensions equal {@code dimensions} exactly. */
  public Optional<Series> series(String metric, Map<String, String> dimensions) {
    if (!instanceId.equals(dimensions.get("InstanceId"))) {
      return Optional.empty();
    }
    String group = dimensions.get("MetricGroup");
    String queue = dimensions.get("QueueName");
    int expectedSize = queue == null ? 2 : 3;
    if (dimensions.size() != expectedSize || group == null) {
      return Optional.empty();
    }
    if ("Queue".equals(group)) {
      int index = queue == null ? -1 : queueNames.indexOf(queue);
      if (index < 0 || !QUEUE.contains(metric)) {
        return Optional.empty();
      }
      return Optional.of(bounded(queueSeries(metric, index)));
    }
    if (queue != null) {
      return Optional.empty();
    }
    Series s = switch (group + "/" + metric) {
      case "VoiceCalls/ConcurrentCalls" -> this::concurrentCalls;
      case "VoiceCalls/ConcurrentCallsPercentage" -> t -> concurrentCalls(t) / callsQuota;
      case "VoiceCalls/MissedCalls" -> this::missedCalls;
      case "VoiceCalls/ThrottledCalls" -> this::throttledCalls;
      case "VoiceCalls/CallsPerInterval" -> t -> Math.floor(concurrentCalls(t) * 1.5 + unit("calls-interval", t));
      case "VoiceCalls/CallsBreachingConcurrencyQuota" -> t -> 0;
      case "Chats/ConcurrentActiveChats" -> t -> level("chats", t, chatsQuota * 0.30);
      case "Chats/ConcurrentActiveChatsPercentage" -> t -> level("chats", t, chatsQuota * 0.30) / chatsQuota * 100;
      case "Tasks/ConcurrentTasks" -> t -> level("tasks", t, tasksQuota * 0.20);
      case "Tasks/ConcurrentTasksPercentage" -> t -> level("tasks", t, tasksQuota * 0.20) / tasksQuota * 100;
      case "Email/ConcurrentEmails" -> t -> level("emails", t, emailsQuota * 0.10);
      case "Email/ConcurrentEmailsPercentage" -> t -> level("emails", t, emailsQuota * 0.10) / emailsQuota * 100;
      default -> null;
    };
    return Optional.ofNullable(s).map(this::bounded);
  }

  /** Whether a sample exists at {@code epochSecond}. */
  public boolean hasSample(long epochSecond) {
    return epochSecond % RESOLUTION_SECONDS == 0 && epochSecond >= firstSecond && epochSecond < end.getEpochSecond();
  }

  private Series bounded(Series s) {
    return t -> hasSample(t) ? s.sample(t) : Double.NaN;
  }

  // ---- the shapes ----

  private int day(long t) {
    return (int) Math.floorDiv(t - dayZero, 86_400L);
  }

  private int minuteOfDay(long t) {
    return (int) (Math.floorMod(t - dayZero, 86_400L) / 60);
  }

  /** 0.15 at night, 1.0 at 17:30 UTC, a half sine between 12:00 and 23:00. */
  static double diurnal(int minuteOfDay) {
    double hour = minuteOfDay / 60.0;
    double day = hour >= 12 && hour <= 23 ? Math.sin(Math.PI * (hour - 12) / 11) : 0;
    return 0.15 + 0.85 * Math.max(0, day);
  }

  /** Flat 1/1.6 until day -7, then a linear rise to 1.0 on day -1 and after. */
  private static double ramp(int day) {
    double low = 1 / 1.6;
    if (day <= -7) {
      return low;
    }
    if (day >= PEAK_DAY) {
      return 1;
    }
    return low + (1 - low) * (day + 7) / 6.0;
  }

  /** A uniform value in [0, 1) from (seed, kind, t). */
  private double unit(String kind, long t) {
    return (Seeded.hash(seed, kind, t) >>> 11) * 0x1.0p-53;
  }

  private double concurrentCalls(long t) {
    int day = day(t);
    int minute = minuteOfDay(t);
    int peak = concurrentCallsPeak();
    if (day == PEAK_DAY && minute == PEAK_MINUTE) {
      return peak;
    }
    // Jitter stays below 1, so no other sample reaches the peak.
    double jitter = 0.9 + 0.0999 * unit("calls", t);
    return Math.floor(peak * ramp(day) * diurnal(minute) * jitter);
  }

  private double level(String kind, long t, double peak) {
    return Math.floor(peak * diurnal(minuteOfDay(t)) * (0.85 + 0.15 * unit(kind, t)));
  }

  private double missedCalls(long t) {
    int minute = minuteOfDay(t);
    double expected = missedPerSample * diurnal(minute) * (0.5 + unit("missed-scale", t));
    double value = Math.floor(expected + unit("missed-round", t));
    if (day(t) == SPIKE_DAY && minute >= 12 * 60 && minute < 16 * 60) {
      value += Math.round(9 * expectedMissedPerDay / 48);
    }
    return value;
  }

  private double throttledCalls(long t) {
    int day = day(t);
    int minute = minuteOfDay(t);
    for (Burst burst : THROTTLE_BURSTS) {
      int i = (minute - burst.minuteOfDay()) / 5;
      if (burst.day() == day && minute >= burst.minuteOfDay() && i < burst.values().size()) {
        return burst.values().get(i);
      }
    }
    return 0;
  }

  private Series queueSeries(String metric, int index) {
    boolean hot = index == hotQueue;
    String kind = metric + "#" + index;
    return switch (metric) {
      case "QueueSize" -> t -> hot
          ? Math.floor(40 * diurnal(minuteOfDay(t)) * (0.8 + 0.4 * unit(kind, t)))
          : Math.floor(3 * diurnal(minuteOfDay(t)) * unit(kind, t) + 0.5);
      case "LongestQueueWaitTime" -> t -> hot
          ? Math.floor(600 * diurnal(minuteOfDay(t)) * (0.8 + 0.4 * unit(kind, t)))
          : Math.floor(45 * diurnal(minuteOfDay(t)) * unit(kind, t));
      default -> t -> 0;
    };
  }

  private Metric metric(String name, String group, String queue) {
    Map<String, String> dims = new LinkedHashMap<>();
    dims.put("InstanceId", instanceId);
    dims.put("MetricGroup", group);
    if (queue != null) {
      dims.put("QueueName", queue);
    }
    return new Metric(name, dims);
  }

  /** Dimensions for a lookup, e.g. {@code dims("MetricGroup", "VoiceCalls")} plus this instance's id. */
  public Map<String, String> dimensions(String... keyValues) {
    Map<String, String> dims = new TreeMap<>();
    dims.put("InstanceId", instanceId);
    for (int i = 0; i < keyValues.length; i += 2) {
      dims.put(keyValues[i], keyValues[i + 1]);
    }
    return dims;
  }
}
