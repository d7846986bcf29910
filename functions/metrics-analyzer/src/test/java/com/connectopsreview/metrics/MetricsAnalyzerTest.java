package com.connectopsreview.metrics;

import static com.connectopsreview.metrics.Fixtures.INSTANCE_ID;
import static com.connectopsreview.metrics.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.connectopsreview.shared.analyzer.AnalysisOutput;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.testing.SdkMocks;
import com.connectopsreview.shared.testing.TestClock;
import com.connectopsreview.shared.time.TimeBudget;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.DescribeInstanceRequest;
import software.amazon.awssdk.services.connect.model.DescribeInstanceResponse;

/** The analyzer over mocked SDK clients: batching beyond 500 queries, the time budget between pages. */
class MetricsAnalyzerTest {

  private final CloudWatchClient cloudWatch = SdkMocks.client(CloudWatchClient.class);
  private final ConnectClient connect = SdkMocks.client(ConnectClient.class);
  private final ServiceClients clients = SdkMocks.inRegion(Region.US_EAST_1, cloudWatch, connect);

  @Test
  void analyze_with300Queues_sends607QueriesInTwoRequestsOf500And107() {
    List<Metric> metrics = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      metrics.add(queueMetric("Queue %03d".formatted(i)));
    }
    when(cloudWatch.listMetrics(any(ListMetricsRequest.class)))
        .thenReturn(ListMetricsResponse.builder().metrics(metrics.subList(0, 200)).nextToken("p2").build())
        .thenReturn(ListMetricsResponse.builder().metrics(metrics.subList(200, 300)).build());
    when(cloudWatch.getMetricData(any(GetMetricDataRequest.class))).thenAnswer(call -> complete(call.getArgument(0)));
    when(connect.describeInstance(any(DescribeInstanceRequest.class))).thenReturn(DescribeInstanceResponse.builder()
        .instance(i -> i.instanceAccessUrl("https://cc.my.connect.aws")).build());

    AnalysisOutput output = new MetricsAnalyzer(clients).analyze(Fixtures.request(NOW.plusSeconds(600)),
        new TimeBudget(Clock.fixed(NOW, ZoneOffset.UTC), NOW.plusSeconds(600)));

    assertEquals(ComponentStatus.OK, output.status(), () -> output.errors().toString());
    ArgumentCaptor<GetMetricDataRequest> sent = ArgumentCaptor.forClass(GetMetricDataRequest.class);
    verify(cloudWatch, times(2)).getMetricData(sent.capture());
    assertEquals(List.of(500, 107), sent.getAllValues().stream().map(r -> r.metricDataQueries().size()).toList());
    // Query index 7 + 2k is q<k>_avg: index 499 is q246_avg, and q246_max opens the second request.
    assertEquals("q246_avg", sent.getAllValues().get(0).metricDataQueries().get(499).id());
    assertEquals("q246_max", sent.getAllValues().get(1).metricDataQueries().get(0).id());
    assertEquals("q299_max", sent.getAllValues().get(1).metricDataQueries().get(106).id());
    assertTrue(sent.getAllValues().stream().flatMap(r -> r.metricDataQueries().stream())
        .allMatch(q -> q.expression() == null && q.metricStat() != null));
    assertEquals(300, output.data().at("/queueSize/queueCount").asInt());
    assertEquals(MetricsAnalyzer.QUEUE_SERIES_KEPT, output.data().at("/queueSize/hourlySeriesKeptFor").asInt());
    assertTrue(output.data().at("/queueSize/queues/10/hourly").isNull());
    assertEquals(607, output.data().at("/batching/queries").asInt());
    assertEquals(2, output.data().at("/batching/getMetricDataCalls").asInt());
    assertEquals(2, output.data().at("/batching/listMetricsCalls").asInt());
    verify(cloudWatch, times(2)).listMetrics(any(ListMetricsRequest.class));
  }

  @Test
  void analyze_whenTheBudgetRunsOutBetweenPages_isPartialAndNamesWhatIsMissing() {
    TestClock clock = new TestClock(NOW);
    when(cloudWatch.listMetrics(any(ListMetricsRequest.class))).thenReturn(ListMetricsResponse.builder().build());
    when(cloudWatch.getMetricData(any(GetMetricDataRequest.class))).thenAnswer(call -> {
      clock.set(NOW.plusSeconds(120)); // this page took the rest of the budget
      GetMetricDataRequest request = call.getArgument(0);
      List<MetricDataResult> results = new ArrayList<>();
      for (MetricDataQuery q : request.metricDataQueries()) {
        results.add(MetricDataResult.builder().id(q.id())
            .statusCode(q.id().equals("missed_sum") ? StatusCode.PARTIAL_DATA : StatusCode.COMPLETE).build());
      }
      return GetMetricDataResponse.builder().metricDataResults(results).nextToken("more").build();
    });

    AnalysisOutput output = new MetricsAnalyzer(clients).analyze(Fixtures.request(NOW.plusSeconds(60)),
        new TimeBudget(clock, NOW.plusSeconds(60)));

    assertEquals(ComponentStatus.PARTIAL, output.status());
    assertEquals(1, output.errors().size(), () -> output.errors().toString());
    assertTrue(output.errors().get(0).startsWith("missed calls not evaluated: series missed_sum incomplete "
        + "(GetMetricData stopped before this series was complete: timed out: time budget spent before CloudWatch "
        + "GetMetricData"), output.errors().get(0));
    assertTrue(output.data().get("missedCalls").isNull());
    assertTrue(output.data().at("/links/note").asText().contains("time budget spent before Connect DescribeInstance"));
    verify(cloudWatch, times(1)).getMetricData(any(GetMetricDataRequest.class));
  }

  private static Metric queueMetric(String name) {
    return Metric.builder().namespace("AWS/Connect").metricName("QueueSize").dimensions(
        Dimension.builder().name("InstanceId").value(INSTANCE_ID).build(),
        Dimension.builder().name("MetricGroup").value("Queue").build(),
        Dimension.builder().name("QueueName").value(name).build()).build();
  }

  private static GetMetricDataResponse complete(GetMetricDataRequest request) {
    return GetMetricDataResponse.builder().metricDataResults(request.metricDataQueries().stream()
        .map(q -> MetricDataResult.builder().id(q.id()).statusCode(StatusCode.COMPLETE)
            .timestamps(Instant.parse("2026-11-20T10:00:00Z")).values(q.id().startsWith("q1_") ? 40.0 : 1.0).build())
        .toList()).build();
  }

}
