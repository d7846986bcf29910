package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.entities.EntitiesDomain;
import com.connectopsreview.local.sandbox.capacity.MetricSeries;
import com.connectopsreview.local.sandbox.capacity.CapacityDomain;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.InternalServiceException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudwatch.model.InvalidParameterValueException;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * CloudWatch (query protocol, XML) through the real CloudWatchClient: GetMetricData statistics equal
 * the ones recomputed here from {@link MetricSeries#value}, pagination, ListMetrics, errors,
 * throttling and faults.
 */
@ExtendWith(LoopbackGuardExtension.class)
class SandboxCloudWatchWireTest {

  private static Sandbox sandbox;
  private static MetricSeries metrics;
  private static String instanceId;
  private static Instant hourEnd;

  @BeforeAll
  static void startSandbox() {
    sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL));
    metrics = CapacityDomain.of(sandbox.scenario()).metrics();
    instanceId = sandbox.instance().id();
    hourEnd = metrics.end().truncatedTo(ChronoUnit.HOURS);
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @Test
  void getMetricData_hourlyStatistics_equalTheScenarioSeries() {
    CloudWatchClient cw = SandboxClients.unlimited(sandbox).cloudWatch();
    Instant start = hourEnd.minus(Duration.ofDays(14));
    String hot = metrics.hotQueueName();
    List<MetricDataQuery> queries = List.of(
        query("calls", "ConcurrentCalls", voice(), 3600, "Maximum"),
        query("callspct", "ConcurrentCallsPercentage", voice(), 3600, "Maximum"),
        query("missed", "MissedCalls", voice(), 3600, "Sum"),
        query("throttled", "ThrottledCalls", voice(), 3600, "Sum"),
        query("perinterval", "CallsPerInterval", voice(), 3600, "Average"),
        query("chats", "ConcurrentActiveChats", group("Chats"), 3600, "Minimum"),
        query("hot", "QueueSize", queue(hot), 3600, "Maximum"),
        query("hotwait", "LongestQueueWaitTime", queue(hot), 3600, "SampleCount"));

    GetMetricDataResponse response = cw.getMetricData(b -> b.metricDataQueries(queries).startTime(start)
        .endTime(hourEnd).scanBy(ScanBy.TIMESTAMP_ASCENDING));

    assertNull(response.nextToken());
    assertEquals(queries.size(), response.metricDataResults().size());
    for (int i = 0; i < queries.size(); i++) {
      MetricDataQuery q = queries.get(i);
      MetricDataResult r = response.metricDataResults().get(i);
      assertEquals(q.id(), r.id());
      assertEquals(StatusCode.COMPLETE, r.statusCode());
      assertEquals(14 * 24, r.timestamps().size(), q.id());
      for (int k = 0; k < r.timestamps().size(); k++) {
        Instant bucket = start.plus(Duration.ofHours(k));
        assertEquals(bucket, r.timestamps().get(k));
        assertEquals(expected(q, bucket), r.values().get(k), 1e-9, q.id() + " at " + bucket);
      }
    }
    assertEquals(MetricSeries.throttledCallsTotal(),
        response.metricDataResults().get(3).values().stream().mapToDouble(Double::doubleValue).sum());
    assertEquals(3, response.metricDataResults().get(3).values().stream().filter(v -> v > 0).count(),
        "ThrottledCalls > 0 in exactly three hours");
  }

  @Test
  void getMetricData_daily_showsThePlantedPeakAndSpike() {
    CloudWatchClient cw = SandboxClients.unlimited(sandbox).cloudWatch();
    Instant start = metrics.dayStart(-14);
    Instant end = metrics.dayStart(0);

    GetMetricDataResponse response = cw.getMetricData(b -> b.startTime(start).endTime(end)
        .scanBy(ScanBy.TIMESTAMP_ASCENDING).metricDataQueries(
            query("peak", "ConcurrentCalls", voice(), 86_400, "Maximum"),
            query("pct", "ConcurrentCallsPercentage", voice(), 86_400, "Maximum"),
            query("missed", "MissedCalls", voice(), 86_400, "Sum")));

    List<Double> peaks = response.metricDataResults().get(0).values();
    List<Double> missed = response.metricDataResults().get(2).values();
    assertEquals(14, peaks.size());
    assertEquals(70.0, peaks.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    assertEquals(70.0, peaks.get(13), "the peak is on day -1");
    assertEquals(0.70, response.metricDataResults().get(1).values().stream().mapToDouble(Double::doubleValue).max()
        .orElseThrow(), 1e-12);
    int spike = missed.indexOf(missed.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
    assertEquals(metrics.dayStart(MetricSeries.SPIKE_DAY), response.metricDataResults().get(2).timestamps().get(spike));
    List<Double> others = new ArrayList<>(missed);
    others.remove(spike);
    double median = others.stream().sorted().toList().get(others.size() / 2);
    double ratio = missed.get(spike) / median;
    assertTrue(ratio >= 8 && ratio <= 12, "spike / median = " + ratio);
  }

  @Test
  void getMetricData_paginatesOverDatapoints_andScansDescendingByDefault() {
    CloudWatchClient cw = SandboxClients.unlimited(sandbox).cloudWatch();
    Instant start = hourEnd.minus(Duration.ofDays(7));
    List<MetricDataQuery> queries = IntStream.range(0, 20)
        .mapToObj(i -> query("q" + i, "QueueSize", queue(EntitiesDomain.of(sandbox.scenario()).queues().get(i).name()),
            3600, "Average"))
        .toList();
    GetMetricDataRequest request = GetMetricDataRequest.builder().metricDataQueries(queries).startTime(start)
        .endTime(hourEnd).maxDatapoints(500).build();

    List<GetMetricDataResponse> pages = cw.getMetricDataPaginator(request).stream().toList();
    GetMetricDataResponse whole = cw.getMetricData(request.toBuilder().maxDatapoints(null).build());

    assertEquals((20 * 7 * 24 + 499) / 500, pages.size());
    assertNotNull(pages.get(0).nextToken());
    assertTrue(pages.get(0).metricDataResults().stream().anyMatch(r -> r.statusCode() == StatusCode.PARTIAL_DATA));
    Map<String, List<Double>> merged = new LinkedHashMap<>();
    Map<String, List<Instant>> mergedTimes = new LinkedHashMap<>();
    for (GetMetricDataResponse page : pages) {
      assertTrue(page.metricDataResults().stream().mapToInt(r -> r.values().size()).sum() <= 500);
      for (MetricDataResult r : page.metricDataResults()) {
        merged.computeIfAbsent(r.id(), k -> new ArrayList<>()).addAll(r.values());
        mergedTimes.computeIfAbsent(r.id(), k -> new ArrayList<>()).addAll(r.timestamps());
      }
    }
    for (MetricDataResult r : whole.metricDataResults()) {
      assertEquals(r.values(), merged.get(r.id()), r.id());
      assertEquals(r.timestamps(), mergedTimes.get(r.id()), r.id());
      assertEquals(hourEnd.minus(Duration.ofHours(1)), r.timestamps().get(0), "TimestampDescending by default");
    }
  }

  @Test
  void getMetricData_unknownMetricOrDimensions_isCompleteWithoutData() {
    CloudWatchClient cw = SandboxClients.unlimited(sandbox).cloudWatch();

    GetMetricDataResponse response = cw.getMetricData(b -> b.startTime(hourEnd.minus(Duration.ofDays(1)))
        .endTime(hourEnd).metricDataQueries(
            query("nosuch", "NoSuchMetric", voice(), 3600, "Sum"),
            query("nogroup", "ConcurrentCalls", Map.of("InstanceId", instanceId), 3600, "Sum"),
            query("other", "ConcurrentCalls", Map.of("InstanceId", "other", "MetricGroup", "VoiceCalls"), 3600,
                "Sum")));

    for (MetricDataResult r : response.metricDataResults()) {
      assertEquals(List.of(), r.values(), r.id());
      assertEquals(StatusCode.COMPLETE, r.statusCode());
    }
  }

  @Test
  void getMetricData_rejectsWhatCloudWatchRejects() {
    CloudWatchClient cw = SandboxClients.unlimited(sandbox).cloudWatch();
    Instant start = hourEnd.minus(Duration.ofDays(1));
    List<MetricDataQuery> tooMany = IntStream.range(0, 501)
        .mapToObj(i -> query("q" + i, "ConcurrentCalls", voice(), 3600, "Sum")).toList();

    InvalidParameterValueException many = assertThrows(InvalidParameterValueException.class,
        () -> cw.getMetricData(b -> b.startTime(start).endTime(hourEnd).metricDataQueries(tooMany)));
    assertTrue(many.awsErrorDetails().errorMessage().contains("500"), many.getMessage());
    assertThrows(InvalidParameterValueException.class, () -> cw.getMetricData(b -> b.startTime(start)
        .endTime(hourEnd).metricDataQueries(MetricDataQuery.builder().id("e1").expression("SUM(METRICS())").build())));
    assertThrows(InvalidParameterValueException.class, () -> cw.getMetricData(b -> b.startTime(hourEnd)
        .endTime(start).metricDataQueries(query("a", "ConcurrentCalls", voice(), 3600, "Sum"))));
    assertThrows(InvalidParameterValueException.class, () -> cw.getMetricData(b -> b.startTime(start)
        .endTime(hourEnd).metricDataQueries(query("a", "ConcurrentCalls", voice(), 90, "Sum"))));
    assertThrows(InvalidParameterValueException.class, () -> cw.getMetricData(b -> b.startTime(start)
        .endTime(hourEnd).metricDataQueries(query("a", "ConcurrentCalls", voice(), 3600, "p99"))));
    assertThrows(InvalidNextTokenException.class, () -> cw.getMetricData(b -> b.startTime(start).endTime(hourEnd)
        .nextToken("forged").metricDataQueries(query("a", "ConcurrentCalls", voice(), 3600, "Sum"))));
  }

  @Test
  void listMetrics_queueDimensionFilter_findsEveryStandardQueue() {
    CloudWatchClient cw = SandboxClients.unlimited(sandbox).cloudWatch();

    Set<String> names = cw.listMetricsPaginator(b -> b.namespace("AWS/Connect").metricName("QueueSize").dimensions(
            f -> f.name("InstanceId").value(instanceId), f -> f.name("MetricGroup").value("Queue")))
        .metrics().stream()
        .map(m -> m.dimensions().stream().filter(d -> d.name().equals("QueueName")).findFirst().orElseThrow().value())
        .collect(Collectors.toSet());

    Set<String> expected = IntStream.range(0, sandbox.scenario().counts().standardQueues())
        .mapToObj(i -> EntitiesDomain.of(sandbox.scenario()).queues().get(i).name()).collect(Collectors.toSet());
    assertEquals(99, expected.size());
    assertEquals(expected, names);
    assertEquals(List.of(), cw.listMetrics(b -> b.namespace("AWS/Lambda")).metrics());
  }

  @Test
  void listMetrics_large_paginatesBy500() {
    try (Sandbox large = Sandbox.start(SandboxOptions.defaults(SandboxSize.LARGE))) {
      CloudWatchClient cw = SandboxClients.unlimited(large).cloudWatch();

      List<ListMetricsResponse> pages = cw.listMetricsPaginator(b -> b.namespace("AWS/Connect")).stream().toList();

      assertEquals(2, pages.size());
      assertEquals(500, pages.get(0).metrics().size());
      assertEquals(12 + 3 * 200, pages.stream().mapToInt(p -> p.metrics().size()).sum());
      assertEquals(CapacityDomain.of(large.scenario()).metrics().metrics().size(), 612);
    }
  }

  @Test
  void rateLimits_cloudWatchAnswersThrottling() throws Exception {
    try (Sandbox limited = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL).withRateLimits(true))) {
      CloudWatchClient cw = SandboxClients.unlimited(limited).withoutRetries(CloudWatchClient.builder());
      ExecutorService pool = Executors.newFixedThreadPool(8);
      List<Future<?>> calls = new ArrayList<>();
      for (int i = 0; i < 80; i++) {
        calls.add(pool.submit(() -> cw.listMetrics(b -> b.namespace("AWS/Connect").metricName("ThrottledCalls"))));
      }
      List<CloudWatchException> throttled = new ArrayList<>();
      for (Future<?> call : calls) {
        try {
          call.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throttled.add(assertInstanceOf(CloudWatchException.class, e.getCause()));
        }
      }
      pool.shutdown();

      assertTrue(throttled.size() >= 1, "80 calls at once exceed ListMetrics' 25/s, burst 25");
      assertEquals("Throttling", throttled.get(0).awsErrorDetails().errorCode());
      assertEquals(400, throttled.get(0).statusCode());
      assertTrue(throttled.get(0).isThrottlingException());
      assertEquals((long) throttled.size(), limited.throttledCalls().get("CloudWatch:ListMetrics"));
    }
  }

  @Test
  void faults_inTheQueryProtocol() {
    SandboxOptions options = SandboxOptions.defaults(SandboxSize.SMALL)
        .withFault("CloudWatch:GetMetricData", SandboxFault.ACCESS_DENIED)
        .withFault("CloudWatch:ListMetrics", SandboxFault.MALFORMED_BODY);
    try (Sandbox faulty = Sandbox.start(options)) {
      CloudWatchClient cw = SandboxClients.unlimited(faulty).withoutRetries(CloudWatchClient.builder());

      CloudWatchException denied = assertThrows(CloudWatchException.class, () -> cw.getMetricData(b -> b
          .startTime(hourEnd.minus(Duration.ofHours(2))).endTime(hourEnd)
          .metricDataQueries(query("a", "ConcurrentCalls", voice(), 3600, "Sum"))));
      assertEquals(403, denied.statusCode());
      assertEquals("AccessDenied", denied.awsErrorDetails().errorCode());
      assertTrue(denied.awsErrorDetails().errorMessage().contains("cloudwatch:GetMetricData"), denied.getMessage());
      assertThrows(SdkClientException.class, () -> cw.listMetrics(b -> b.namespace("AWS/Connect")));
    }
    try (Sandbox failing = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL)
        .withFault("CloudWatch:ListMetrics", SandboxFault.SERVER_ERROR))) {
      CloudWatchClient cw = SandboxClients.unlimited(failing).withoutRetries(CloudWatchClient.builder());
      InternalServiceException error = assertThrows(InternalServiceException.class,
          () -> cw.listMetrics(b -> b.namespace("AWS/Connect")));
      assertEquals(500, error.statusCode());
    }
  }

  // ---- expected values, recomputed from the raw series ----

  private static double expected(MetricDataQuery q, Instant bucket) {
    Map<String, String> dims = new TreeMap<>();
    q.metricStat().metric().dimensions().forEach(d -> dims.put(d.name(), d.value()));
    List<Double> samples = new ArrayList<>();
    for (int s = 0; s < q.metricStat().period(); s += 300) {
      metrics.value(q.metricStat().metric().metricName(), dims, bucket.plusSeconds(s)).ifPresent(samples::add);
    }
    double sum = 0;
    for (double v : samples) {
      sum += v;
    }
    return switch (q.metricStat().stat()) {
      case "Sum" -> sum;
      case "Average" -> sum / samples.size();
      case "Maximum" -> samples.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
      case "Minimum" -> samples.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
      default -> samples.size();
    };
  }

  private static MetricDataQuery query(String id, String metric, Map<String, String> dims, int period, String stat) {
    List<Dimension> dimensions = dims.entrySet().stream()
        .map(e -> Dimension.builder().name(e.getKey()).value(e.getValue()).build()).toList();
    return MetricDataQuery.builder().id(id).metricStat(s -> s.period(period).stat(stat)
        .metric(m -> m.namespace("AWS/Connect").metricName(metric).dimensions(dimensions))).build();
  }

  private static Map<String, String> voice() {
    return group("VoiceCalls");
  }

  private static Map<String, String> group(String group) {
    return Map.of("InstanceId", instanceId, "MetricGroup", group);
  }

  private static Map<String, String> queue(String name) {
    return Map.of("InstanceId", instanceId, "MetricGroup", "Queue", "QueueName", name);
  }
}
