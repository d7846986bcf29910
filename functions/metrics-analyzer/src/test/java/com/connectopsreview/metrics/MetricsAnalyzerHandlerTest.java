package com.connectopsreview.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.exception.InvalidRequestException;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.sections.MetricsSection.CheckIds;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.connectopsreview.shared.testing.SdkMocks;
import com.connectopsreview.shared.testing.TestEvents;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.DescribeInstanceRequest;
import software.amazon.awssdk.services.connect.model.DescribeInstanceResponse;

class MetricsAnalyzerHandlerTest {

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:05Z");

  @TempDir Path storeDir;

  private final CloudWatchClient cloudWatch = SdkMocks.client(CloudWatchClient.class);
  private final ConnectClient connect = SdkMocks.client(ConnectClient.class);
  private LocalDirectoryResultStore store;
  private MetricsAnalyzerHandler handler;

  @BeforeEach
  void setUp() {
    when(cloudWatch.listMetrics(any(ListMetricsRequest.class))).thenReturn(ListMetricsResponse.builder().build());
    when(cloudWatch.getMetricData(any(GetMetricDataRequest.class))).thenAnswer(call -> {
      GetMetricDataRequest request = call.getArgument(0);
      return GetMetricDataResponse.builder().metricDataResults(request.metricDataQueries().stream()
          .map(q -> MetricDataResult.builder().id(q.id()).statusCode(StatusCode.COMPLETE)
              .timestamps(Instant.parse("2026-11-20T10:00:00Z")).values(q.id().equals("throttled_sum") ? 3.0 : 12.0)
              .build())
          .toList()).build();
    });
    when(connect.describeInstance(any(DescribeInstanceRequest.class))).thenReturn(DescribeInstanceResponse.builder()
        .instance(i -> i.instanceAccessUrl("https://contact-center.my.connect.aws")).build());
    store = new LocalDirectoryResultStore(storeDir);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    ServiceClients clients = SdkMocks.inRegion(Region.US_EAST_1, cloudWatch, connect);
    handler = new MetricsAnalyzerHandler(new AnalyzerRunner(MetricsAnalyzerFactory.create(clients, store, clock), store,
        new ApiCallCounter(ApiRateLimiter.unlimited()), clock), clock);
  }

  @Test
  void handleRequest_withTheMetricsFixture_storesTheMetricsResultAndAnswersItsSummary() throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    handler.handleRequest(event(), output, null);

    AnalyzerResponse response = Json.fromBytes(output.toByteArray(), AnalyzerResponse.class);
    assertEquals("20261123T090000Z-abcdef", response.reviewId());
    assertEquals("metrics", response.component());
    assertEquals(ComponentStatus.OK, response.status(), () -> String.valueOf(response.errors()));
    assertEquals(List.of("metrics"), store.listComponents("20261123T090000Z-abcdef"));
    AnalyzerResult stored = store.getResult("20261123T090000Z-abcdef", "metrics").orElseThrow();
    assertEquals(NOW, stored.startedAt());
    assertEquals(response.findingCount(), stored.findings().size());
    assertEquals(List.of(CheckIds.CONCURRENT_CALLS_PEAK, CheckIds.MISSED_CALLS_WITHIN_THRESHOLD,
        "METRICS.THROTTLED_CALLS.LOW", CheckIds.QUEUE_SIZE_NO_QUEUES, CheckIds.CALLS_PER_INTERVAL_SUMMARY),
        Fixtures.checkIds(stored.findings()));
    assertEquals("Low", stored.data().at("/throttledCalls/severity").asText());
    assertEquals("https://contact-center.my.connect.aws/historical-metrics/landing",
        stored.data().at("/links/historicalMetrics").asText());
  }

  @Test
  void handleRequest_forAnotherComponent_isRejectedAndNothingStored() throws IOException {
    ObjectNode request = (ObjectNode) Json.mapper().readTree(event());
    request.put("component", "quota");

    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> handler.handleRequest(
        new ByteArrayInputStream(Json.toBytes(request)), new ByteArrayOutputStream(), null));

    assertTrue(e.getMessage().contains("component: must be 'metrics'"), e.getMessage());
    assertTrue(store.listComponents("20261123T090000Z-abcdef").isEmpty());
  }

  private static InputStream event() {
    return TestEvents.open("analyzer-request-metrics.json");
  }
}
