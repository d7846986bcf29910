package com.connectopsreview.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.capacity.CapacityDomain;
import com.connectopsreview.local.sandbox.Counts;
import com.connectopsreview.local.sandbox.capacity.MetricSeries;
import com.connectopsreview.local.sandbox.PlantedProblems;
import com.connectopsreview.local.sandbox.Sandbox;
import com.connectopsreview.local.sandbox.SandboxOptions;
import com.connectopsreview.local.sandbox.capacity.SandboxQuotas;
import com.connectopsreview.local.sandbox.SandboxSize;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.orchestrator.ReviewOutcome;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.TimeWindow;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The capacity statistics' bar: a review of the sandbox stores statistics equal to values derived here, independently,
 * from the scenario's raw 5-minute samples ({@link MetricSeries#value}) and its Service Quotas values and
 * entity counts. Nothing below calls analyzer code: CloudWatch's bucketing and every statistic are
 * recomputed from their definitions in docs/checks.md.
 */
class CapacityStatisticsTest {

  private static final long HOUR = 3600;
  private static final long SAMPLE = MetricSeries.RESOLUTION_SECONDS;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = SandboxSize.class, names = {"SMALL", "LARGE"})
  void storedStatistics_equalTheValuesDerivedFromTheScenario(SandboxSize size) {
    try (Sandbox box = Sandbox.start(SandboxOptions.defaults(size))) {
      LocalDirectoryResultStore store = new LocalDirectoryResultStore(dir);

      ReviewOutcome outcome = SandboxReviews.run(box, store, "capacity", "quota", "metrics");

      assertEquals(Map.of("quota", ComponentStatus.OK, "metrics", ComponentStatus.OK), outcome.components());
      AnalyzerResult metrics = store.getResult("capacity", "metrics").orElseThrow();
      AnalyzerResult quota = store.getResult("capacity", "quota").orElseThrow();
      Scenario scenario = box.scenario();
      TimeWindow window = store.getManifest("capacity").orElseThrow().window();

      new MetricsExpectations(scenario, window, metrics.data()).verify();
      new QuotaExpectations(scenario, window, quota.data()).verify();
      assertSeverities(PlantedProblems.metrics(), metrics.findings());
      assertSeverities(PlantedProblems.quota(), quota.findings());
    }
  }

  private static void assertSeverities(PlantedProblems.Expectations expected, List<Finding> findings) {
    expected.expectedSeverities().forEach((checkId, severity) -> {
      List<Finding> matching = findings.stream().filter(f -> f.checkId().equals(checkId)).toList();
      assertFalse(matching.isEmpty(), checkId + " reported");
      matching.forEach(f -> assertEquals(severity, f.severity(), checkId + ": " + f.title()));
    });
    expected.unexpectedCheckIds().forEach(checkId ->
        assertTrue(findings.stream().noneMatch(f -> f.checkId().equals(checkId)), checkId + " not reported"));
  }

  // ---- the metrics component ----

  /** The metrics component's data against the scenario's series. */
  private static final class MetricsExpectations {

    private final MetricSeries m;
    private final JsonNode data;
    private final Instant windowStart;
    private final Instant windowEnd;
    private final Instant from;
    private final Map<String, String> voice;

    MetricsExpectations(Scenario scenario, TimeWindow window, JsonNode data) {
      this.m = CapacityDomain.of(scenario).metrics();
      this.data = data;
      this.windowStart = window.start();
      this.windowEnd = window.end();
      this.from = windowStart.truncatedTo(ChronoUnit.HOURS);
      this.voice = m.dimensions("MetricGroup", "VoiceCalls");
    }

    void verify() {
      assertEquals(Duration.ofDays(14), Duration.between(windowStart, windowEnd), "the default window");
      assertEquals(windowStart.toString(), data.at("/coverage/windowStart").asText());
      assertEquals(from.toString(), data.at("/coverage/hourlyFrom").asText());
      concurrentCalls();
      missedCalls();
      throttledCalls();
      queues();
      callsPerInterval();
    }

    private void concurrentCalls() {
      TreeMap<Instant, Bucket> hours = hourly("ConcurrentCalls", voice);
      JsonNode c = data.get("concurrentCalls");
      assertEquals(hours.size(), c.get("dataPoints").asInt());
      assertSeries(hours, c.get("hourly"), "hour", Map.of("average", Bucket::average, "maximum", Bucket::max));
      assertNumber(mean2(hours.values().stream().map(Bucket::average).toList()), c.get("periodAverage"));
      Map.Entry<Instant, Bucket> peak = firstMax(hours, Bucket::max);
      assertNumber(peak.getValue().max(), c.get("absolutePeak"));
      assertEquals(peak.getKey().toString(), c.get("peakHour").asText());
      // The plant: the peak is the one sample at 70 % of the quota, in the hour of its time.
      assertNumber(BigDecimal.valueOf(m.concurrentCallsPeak()), c.get("absolutePeak"));
      assertEquals(m.concurrentCallsPeakTime().truncatedTo(ChronoUnit.HOURS).toString(), c.get("peakHour").asText());
    }

    private void missedCalls() {
      TreeMap<Instant, Bucket> hours = hourly("MissedCalls", voice);
      TreeMap<LocalDate, BigDecimal> byDay = new TreeMap<>();
      hours.forEach((h, b) -> byDay.merge(LocalDate.ofInstant(h, ZoneOffset.UTC), b.sum(), BigDecimal::add));
      JsonNode missed = data.get("missedCalls");

      assertNumber(sum(hours.values().stream().map(Bucket::sum).toList()), missed.get("total"));
      List<Map.Entry<LocalDate, BigDecimal>> completeDays = new ArrayList<>();
      int i = 0;
      for (Map.Entry<LocalDate, BigDecimal> day : byDay.entrySet()) {
        JsonNode stored = missed.get("daily").get(i++);
        Instant start = day.getKey().atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean complete = !start.isBefore(from) && !start.plus(Duration.ofDays(1)).isAfter(windowEnd);
        assertEquals(day.getKey().toString(), stored.get("date").asText());
        assertNumber(day.getValue(), stored.get("count"));
        assertEquals(complete, stored.get("complete").asBoolean(), day.getKey() + " complete");
        if (complete) {
          completeDays.add(day);
        }
      }
      assertEquals(byDay.size(), missed.get("daily").size());
      assertEquals(completeDays.size(), missed.get("completeDays").asInt());
      List<BigDecimal> counts = completeDays.stream().map(Map.Entry::getValue).toList();
      assertNumber(mean2(counts), missed.get("mean"));
      BigDecimal median = median(counts);
      assertNumber(median, missed.get("median"));
      Map.Entry<LocalDate, BigDecimal> highest = completeDays.stream()
          .max(Comparator.comparing((Map.Entry<LocalDate, BigDecimal> e) -> e.getValue())
              .thenComparing(Map.Entry::getKey, Comparator.reverseOrder())).orElseThrow();
      Map.Entry<LocalDate, BigDecimal> lowest = completeDays.stream()
          .min(Comparator.comparing((Map.Entry<LocalDate, BigDecimal> e) -> e.getValue())
              .thenComparing(Map.Entry::getKey)).orElseThrow();
      assertEquals(highest.getKey().toString(), missed.at("/highest/date").asText());
      assertEquals(lowest.getKey().toString(), missed.at("/lowest/date").asText());

      Instant lastWeekEnd = windowEnd.truncatedTo(ChronoUnit.HOURS);
      Instant lastWeekStart = lastWeekEnd.minus(Duration.ofDays(7));
      BigDecimal lastWeek = sumBetween(hours, lastWeekStart, lastWeekEnd);
      BigDecimal previousWeek = sumBetween(hours, lastWeekStart.minus(Duration.ofDays(7)), lastWeekStart);
      JsonNode wow = missed.get("weekOverWeek");
      assertNumber(previousWeek, wow.get("previousWeek"));
      assertNumber(lastWeek, wow.get("lastWeek"));
      assertNumber(lastWeek.subtract(previousWeek).multiply(BigDecimal.valueOf(100))
          .divide(previousWeek, 1, RoundingMode.HALF_UP), wow.get("changePercent"));

      BigDecimal threshold = median.multiply(BigDecimal.valueOf(3)).max(BigDecimal.TEN);
      List<String> spikes = completeDays.stream().filter(d -> d.getValue().compareTo(threshold) >= 0)
          .map(d -> d.getKey().toString()).toList();
      List<String> stored = new ArrayList<>();
      missed.get("spikeDays").forEach(d -> stored.add(d.get("date").asText()));
      assertEquals(spikes, stored);
      // The plant: one spike day, day -5, and it is the peak day.
      assertEquals(List.of(m.date(MetricSeries.SPIKE_DAY).toString()), stored);
      assertEquals(m.date(MetricSeries.SPIKE_DAY), highest.getKey());
    }

    private void throttledCalls() {
      TreeMap<Instant, Bucket> hours = hourly("ThrottledCalls", voice);
      JsonNode t = data.get("throttledCalls");
      BigDecimal total = sum(hours.values().stream().map(Bucket::sum).toList());
      assertNumber(total, t.get("total"));
      assertNumber(BigDecimal.valueOf(MetricSeries.throttledCallsTotal()), t.get("total")); // the plant: 37
      assertEquals("MODERATE", t.get("band").asText()); // 10 ≤ 37 < 100
      assertEquals(hours.size(), t.get("hoursAnalyzed").asInt());
      assertEquals(hours.values().stream().filter(b -> b.sum().signum() > 0).count(), t.get("hoursWithThrottling").asLong());
      assertNumber(total.divide(BigDecimal.valueOf(hours.size()), 2, RoundingMode.HALF_UP), t.get("avgHourly"));
      List<String> peaks = hours.entrySet().stream().filter(e -> e.getValue().sum().signum() > 0)
          .sorted(Comparator.comparing((Map.Entry<Instant, Bucket> e) -> e.getValue().sum()).reversed()
              .thenComparing(Map.Entry::getKey))
          .limit(5).map(e -> e.getKey() + "=" + e.getValue().sum().stripTrailingZeros().toPlainString()).toList();
      List<String> stored = new ArrayList<>();
      t.get("peakHours").forEach(p -> stored.add(p.get("hour").asText() + "="
          + p.get("count").decimalValue().stripTrailingZeros().toPlainString()));
      assertEquals(peaks, stored);
      assertEquals(3, stored.size(), "three bursts, each within one hour");
    }

    private void queues() {
      List<String> names = m.metrics().stream()
          .filter(x -> x.name().equals("QueueSize") && "Queue".equals(x.group()))
          .map(x -> x.dimensions().get("QueueName")).sorted().toList();
      JsonNode q = data.get("queueSize");
      assertEquals(names.size(), q.get("queueCount").asInt());
      Map<String, JsonNode> stored = new TreeMap<>();
      q.get("queues").forEach(n -> stored.put(n.get("queueName").asText(), n));
      assertEquals(names, List.copyOf(stored.keySet()));
      for (String name : names) {
        TreeMap<Instant, Bucket> hours = hourly("QueueSize", m.dimensions("MetricGroup", "Queue", "QueueName", name));
        JsonNode queue = stored.get(name);
        assertNumber(mean2(hours.values().stream().map(Bucket::average).toList()), queue.get("average"));
        Map.Entry<Instant, Bucket> peak = firstMax(hours, Bucket::max);
        assertNumber(peak.getValue().max(), queue.get("maximum"));
        assertEquals(peak.getKey().toString(), queue.get("peakHour").asText(), name);
        assertEquals(name.equals(m.hotQueueName()), queue.get("hot").asBoolean(), name + " hot");
      }
      assertEquals(m.hotQueueName(), q.at("/queues/0/queueName").asText(), "the hot queue is ranked first");
    }

    private void callsPerInterval() {
      TreeMap<Instant, Bucket> hours = hourly("CallsPerInterval", voice);
      JsonNode c = data.get("callsPerInterval");
      BigDecimal total = sum(hours.values().stream().map(Bucket::sum).toList());
      assertNumber(total, c.get("total"));
      assertNumber(total.divide(BigDecimal.valueOf(hours.size()), 2, RoundingMode.HALF_UP), c.get("averagePerHour"));
      Map.Entry<Instant, Bucket> peak = firstMax(hours, Bucket::sum);
      assertNumber(peak.getValue().sum(), c.get("peakPerHour"));
      assertEquals(peak.getKey().toString(), c.get("peakHour").asText());
      assertEquals(hours.size(), c.get("dataPoints").asInt());
    }

    private TreeMap<Instant, Bucket> hourly(String metric, Map<String, String> dimensions) {
      return buckets(m, metric, dimensions, from, windowEnd, HOUR);
    }
  }

  // ---- the quota component ----

  /** The quota component's data against the scenario's quotas, counts and series. */
  private static final class QuotaExpectations {

    private final Scenario scenario;
    private final MetricSeries m;
    private final Instant windowStart;
    private final Instant windowEnd;
    private final JsonNode data;

    QuotaExpectations(Scenario scenario, TimeWindow window, JsonNode data) {
      this.scenario = scenario;
      this.m = CapacityDomain.of(scenario).metrics();
      this.windowStart = window.start();
      this.windowEnd = window.end();
      this.data = data;
    }

    void verify() {
      Counts c = scenario.counts();
      Map<String, Integer> usage = Map.ofEntries(
          Map.entry("L-22922690", c.flows()), Map.entry("L-19755C7E", c.flowModules()),
          Map.entry(SandboxQuotas.USERS, c.users()), Map.entry(SandboxQuotas.QUEUES, c.standardQueues()),
          Map.entry("L-D3E7BE26", c.routingProfiles()), Map.entry("L-F325A715", c.securityProfiles()),
          Map.entry("L-20CD02F7", c.hoursOfOperations()), Map.entry("L-0865B754", c.prompts()),
          Map.entry("L-68BBE2E8", c.quickConnects()), Map.entry("L-D945C9A8", c.agentStatuses()),
          Map.entry("L-8F812903", c.phoneNumbers()), Map.entry(SandboxQuotas.LEX_BOTS_V1, c.lexBotsV1()),
          Map.entry("L-CCEA7427", c.lexV2BotAliases()), Map.entry("L-D68AAAE4", c.userHierarchyGroups()),
          Map.entry("L-E3D2F503", c.lambdaFunctions()), Map.entry("L-3828FBF0", c.predefinedAttributes()),
          Map.entry("L-FC6A5030", c.applicationIntegrations()));

      int measured = 0;
      for (JsonNode row : data.get("quotas")) {
        String code = row.get("quotaCode").asText();
        CapacityDomain.Quota q = CapacityDomain.of(scenario).quota(code)
            .orElseThrow(() -> new AssertionError("unknown quota " + code));
        BigDecimal limit = BigDecimal.valueOf(q.instanceValue() != null ? q.instanceValue()
            : q.accountValue() != null ? q.accountValue() : q.defaultValue());
        String source = q.instanceValue() != null ? "INSTANCE" : q.accountValue() != null ? "ACCOUNT" : "DEFAULT";
        assertNumber(limit, row.get("limit"));
        assertEquals(source, row.get("limitSource").asText(), code);
        Integer used = usage.get(code);
        if (used == null) {
          assertTrue(row.get("usage").isNull(), code + " has no usage count");
          assertEquals("NOT_MEASURED", row.get("status").asText(), code);
          continue;
        }
        measured++;
        assertEquals(used.longValue(), row.get("usage").asLong(), code + " usage");
        BigDecimal percent = BigDecimal.valueOf(used).multiply(BigDecimal.valueOf(100))
            .divide(limit, 1, RoundingMode.HALF_UP);
        assertNumber(percent, row.get("percentage"));
        assertEquals(band(percent), row.get("status").asText(), code);
      }
      assertEquals(usage.size(), measured, "every countable quota measured");
      assertTrue(measured >= 15);
      JsonNode proficiencies = row("quotas", "PROFICIENCIES_PER_AGENT");
      assertNumber(BigDecimal.valueOf(50), proficiencies.get("limit"));
      assertEquals("NOT_MEASURED", proficiencies.get("status").asText());

      concurrency("CONCURRENT_CALLS", SandboxQuotas.CONCURRENT_CALLS, "VoiceCalls", "ConcurrentCalls",
          "ConcurrentCallsPercentage", true);
      concurrency("CONCURRENT_CHATS", SandboxQuotas.CONCURRENT_CHATS, "Chats", "ConcurrentActiveChats",
          "ConcurrentActiveChatsPercentage", false);
      concurrency("CONCURRENT_TASKS", SandboxQuotas.CONCURRENT_TASKS, "Tasks", "ConcurrentTasks",
          "ConcurrentTasksPercentage", false);
      concurrency("CONCURRENT_EMAILS", SandboxQuotas.CONCURRENT_EMAILS, "Email", "ConcurrentEmails",
          "ConcurrentEmailsPercentage", false);
      JsonNode calls = row("concurrency", "CONCURRENT_CALLS");
      assertNumber(BigDecimal.valueOf(m.concurrentCallsPeak()), calls.get("usage")); // the plant: 70 %
      assertNumber(new BigDecimal("70.0"), calls.get("percentage"));
      assertEquals(m.dayStart(MetricSeries.PEAK_DAY).toString(), calls.get("peakDay").asText());

      JsonNode rate = null;
      for (JsonNode r : data.get("rateQuotas")) {
        if (r.get("name").asText().contains(SandboxQuotas.MODIFIED_RATE_API)) {
          rate = r;
        }
      }
      assertNotNull(rate, "the modified API rate quota is listed");
      // Every other quota Service Quotas lists is kept, limit only: none is dropped.
      java.util.Set<String> inRows = new java.util.HashSet<>();
      data.get("quotas").forEach(r -> inRows.add(r.get("quotaCode").asText()));
      data.get("concurrency").forEach(r -> inRows.add(r.get("quotaCode").asText()));
      List<String> expectedOthers = CapacityDomain.of(scenario).quotas().stream()
          .filter(q -> !q.isRateQuota() && !inRows.contains(q.code())).map(CapacityDomain.Quota::code).toList();
      List<String> others = new ArrayList<>();
      data.get("otherQuotas").forEach(o -> {
        others.add(o.get("quotaCode").asText());
        CapacityDomain.Quota q = CapacityDomain.of(scenario).quota(o.get("quotaCode").asText()).orElseThrow();
        assertNumber(BigDecimal.valueOf(q.defaultValue()), o.get("defaultValue"));
        assertEquals("NOT_MEASURED", o.get("status").asText());
      });
      assertFalse(expectedOthers.isEmpty());
      assertEquals(expectedOthers, others);
      assertNumber(BigDecimal.valueOf(SandboxQuotas.MODIFIED_RATE_VALUE), rate.get("appliedValue"));
      assertTrue(rate.get("modified").asBoolean());
    }

    /** Daily Maximum from 00:00 of the window's first day; usage, percentages and growth. */
    private void concurrency(String key, String code, String group, String metric, String percentMetric,
        boolean percentIsFraction) {
      Instant dayFrom = windowStart.truncatedTo(ChronoUnit.DAYS);
      Map<String, String> dims = m.dimensions("MetricGroup", group);
      TreeMap<Instant, Bucket> days = buckets(m, metric, dims, dayFrom, windowEnd, 86_400);
      TreeMap<Instant, Bucket> percentDays = buckets(m, percentMetric, dims, dayFrom, windowEnd, 86_400);
      JsonNode row = row("concurrency", key);
      CapacityDomain.Quota quota = CapacityDomain.of(scenario).quota(code).orElseThrow();
      BigDecimal limit = BigDecimal.valueOf(quota.instanceValue());

      Map.Entry<Instant, Bucket> peak = firstMax(days, Bucket::max);
      assertNumber(peak.getValue().max(), row.get("usage"));
      assertEquals(peak.getKey().toString(), row.get("peakDay").asText(), key);
      assertNumber(peak.getValue().max().multiply(BigDecimal.valueOf(100)).divide(limit, 1, RoundingMode.HALF_UP),
          row.get("percentage"));
      BigDecimal published = firstMax(percentDays, Bucket::max).getValue().max();
      assertNumber((percentIsFraction ? published.multiply(BigDecimal.valueOf(100)) : published)
          .setScale(1, RoundingMode.HALF_UP), row.get("publishedPeakPercent"));
      assertEquals(days.size(), row.get("daily").size());
      int i = 0;
      for (Map.Entry<Instant, Bucket> day : days.entrySet()) {
        assertEquals(day.getKey().toString(), row.get("daily").get(i).get("day").asText());
        assertNumber(day.getValue().max(), row.get("daily").get(i++).get("value"));
      }

      // Growth over the whole UTC days of the window, split at its midpoint.
      Instant mid = windowStart.plus(Duration.between(windowStart, windowEnd).dividedBy(2));
      List<BigDecimal> first = new ArrayList<>();
      List<BigDecimal> second = new ArrayList<>();
      days.forEach((day, b) -> {
        if (!day.isBefore(windowStart) && !day.plus(Duration.ofDays(1)).isAfter(windowEnd)) {
          (day.isBefore(mid) ? first : second).add(b.max());
        }
      });
      JsonNode growth = row("growth", key);
      assertEquals(first.size(), growth.get("firstHalfDays").asInt(), key);
      assertEquals(second.size(), growth.get("secondHalfDays").asInt(), key);
      BigDecimal m1 = sum(first).divide(BigDecimal.valueOf(first.size()), MathContext.DECIMAL64);
      BigDecimal m2 = sum(second).divide(BigDecimal.valueOf(second.size()), MathContext.DECIMAL64);
      assertNumber(m1.setScale(2, RoundingMode.HALF_UP), growth.get("firstHalfMean"));
      assertNumber(m2.setScale(2, RoundingMode.HALF_UP), growth.get("secondHalfMean"));
      BigDecimal percent = m2.subtract(m1).multiply(BigDecimal.valueOf(100)).divide(m1, 1, RoundingMode.HALF_UP);
      assertNumber(percent, growth.get("growthPercent"));
      String trend = percent.compareTo(BigDecimal.valueOf(5)) > 0 ? "RISING"
          : percent.compareTo(BigDecimal.valueOf(-5)) < 0 ? "DECLINING" : "FLAT";
      assertEquals(trend, growth.get("trend").asText(), key);
      if (key.equals("CONCURRENT_CALLS")) {
        assertEquals("RISING", trend, "the planted ramp");
        BigDecimal halfDays = BigDecimal.valueOf(Duration.between(windowStart, windowEnd).toSeconds())
            .divide(BigDecimal.valueOf(2 * 86_400), MathContext.DECIMAL64);
        BigDecimal perDay = m2.subtract(m1).divide(halfDays, MathContext.DECIMAL64);
        BigDecimal atEnd = m2.add(perDay.multiply(halfDays).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64));
        assertNumber(limit.subtract(atEnd).divide(perDay.multiply(BigDecimal.valueOf(7)), 1, RoundingMode.HALF_UP),
            growth.get("weeksUntilLimit"));
      } else {
        assertEquals("FLAT", trend, key + " has no planted trend");
      }
    }

    private JsonNode row(String list, String key) {
      for (JsonNode r : data.get(list)) {
        if (r.get("key").asText().equals(key)) {
          return r;
        }
      }
      throw new AssertionError("no " + key + " in " + list);
    }
  }

  // ---- CloudWatch, recomputed ----

  /** One bucket's Sum, Maximum and Average, as CloudWatch computes them from the raw samples. */
  private record Bucket(BigDecimal sum, BigDecimal max, BigDecimal average) {}

  /** Buckets of {@code period} seconds from {@code from} to {@code to}; a bucket without samples is absent. */
  private static TreeMap<Instant, Bucket> buckets(MetricSeries m, String metric, Map<String, String> dimensions,
      Instant from, Instant to, long period) {
    TreeMap<Instant, Bucket> buckets = new TreeMap<>();
    for (long b = from.getEpochSecond(); b < to.getEpochSecond(); b += period) {
      double sum = 0;
      double max = Double.NEGATIVE_INFINITY;
      int count = 0;
      long end = Math.min(b + period, to.getEpochSecond());
      for (long t = Math.floorDiv(b + SAMPLE - 1, SAMPLE) * SAMPLE; t < end; t += SAMPLE) {
        var v = m.value(metric, dimensions, Instant.ofEpochSecond(t));
        if (v.isPresent()) {
          sum += v.get();
          max = Math.max(max, v.get());
          count++;
        }
      }
      if (count > 0) {
        buckets.put(Instant.ofEpochSecond(b),
            new Bucket(BigDecimal.valueOf(sum), BigDecimal.valueOf(max), BigDecimal.valueOf(sum / count)));
      }
    }
    return buckets;
  }

  /** A stored series equals the buckets: the same times, in order, and each named value. */
  private static void assertSeries(TreeMap<Instant, Bucket> buckets, JsonNode stored, String timeField,
      Map<String, Function<Bucket, BigDecimal>> values) {
    assertEquals(buckets.size(), stored.size());
    int i = 0;
    for (Map.Entry<Instant, Bucket> e : buckets.entrySet()) {
      JsonNode point = stored.get(i++);
      assertEquals(e.getKey().toString(), point.get(timeField).asText());
      values.forEach((field, value) -> assertNumber(value.apply(e.getValue()), point.get(field)));
    }
  }

  // ---- arithmetic ----

  private static Map.Entry<Instant, Bucket> firstMax(TreeMap<Instant, Bucket> buckets,
      Function<Bucket, BigDecimal> value) {
    Map.Entry<Instant, Bucket> best = null;
    for (Map.Entry<Instant, Bucket> e : buckets.entrySet()) {
      if (best == null || value.apply(e.getValue()).compareTo(value.apply(best.getValue())) > 0) {
        best = e;
      }
    }
    return best;
  }

  private static BigDecimal sumBetween(TreeMap<Instant, Bucket> hours, Instant from, Instant to) {
    return sum(hours.subMap(from, true, to, false).values().stream().map(Bucket::sum).toList());
  }

  private static BigDecimal sum(List<BigDecimal> values) {
    return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  private static BigDecimal mean2(List<BigDecimal> values) {
    return sum(values).divide(BigDecimal.valueOf(values.size()), 2, RoundingMode.HALF_UP);
  }

  private static BigDecimal median(List<BigDecimal> values) {
    List<BigDecimal> sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2)
        : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2));
  }

  private static String band(BigDecimal percent) {
    return percent.compareTo(BigDecimal.valueOf(98)) >= 0 ? "CRITICAL"
        : percent.compareTo(BigDecimal.valueOf(80)) >= 0 ? "WARNING" : "NORMAL";
  }

  private static void assertNumber(BigDecimal expected, JsonNode actual) {
    assertTrue(actual != null && actual.isNumber(), () -> "expected " + expected + ", got " + actual);
    assertEquals(0, expected.compareTo(actual.decimalValue()), () -> expected + " != " + actual);
  }
}
