package com.connectopsreview.shared.cloudwatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.connectopsreview.shared.cloudwatch.MetricDataReader.Datapoint;
import com.connectopsreview.shared.cloudwatch.MetricDataReader.Query;
import com.connectopsreview.shared.testing.SdkMocks;
import com.connectopsreview.shared.testing.TestClock;
import com.connectopsreview.shared.time.TimeBudget;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

class MetricDataReaderTest {

  private static final Instant T0 = Instant.parse("2026-11-20T00:00:00Z");
  private static final Instant T1 = T0.plusSeconds(3600);

  private final TestClock clock = TestClock.at("2026-11-23T09:00:00Z");
  private final CloudWatchClient cloudWatch = SdkMocks.client(CloudWatchClient.class);
  private final MetricDataReader reader =
      new MetricDataReader(cloudWatch, new TimeBudget(clock, clock.instant().plusSeconds(60)));

  private static Query query(String id) {
    return new Query(id, "ConcurrentCalls", Map.of("InstanceId", "i-1"), 3600, "Maximum");
  }

  private static MetricDataResult result(String id, StatusCode status, Instant t, double value) {
    return MetricDataResult.builder().id(id).statusCode(status).timestamps(t).values(value).build();
  }

  private static CloudWatchException throttled() {
    return (CloudWatchException) CloudWatchException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails
        .builder().errorCode("Throttling").serviceName("CloudWatch").errorMessage("Rate exceeded").build()).build();
  }

  @Test
  void read_mergesASeriesSplitAcrossPagesAndTakesTheLastPagesStatus() {
    when(cloudWatch.getMetricData(any(GetMetricDataRequest.class))).thenAnswer(call -> {
      GetMetricDataRequest r = call.getArgument(0);
      return r.nextToken() == null
          ? GetMetricDataResponse.builder().nextToken("p2").metricDataResults(
              result("a", StatusCode.PARTIAL_DATA, T0, 12.0), result("b", StatusCode.COMPLETE, T0, 0.5)).build()
          : GetMetricDataResponse.builder().metricDataResults(
              result("a", StatusCode.COMPLETE, T1, 7.0), result("b", StatusCode.PARTIAL_DATA, T1, 1.5)).build();
    });

    MetricDataReader.Result read = reader.read(List.of(query("a"), query("b"), query("c")), T0, T1.plusSeconds(3600));

    assertEquals(2, read.calls());
    assertEquals(List.of(new Datapoint(T0, new BigDecimal("12")), new Datapoint(T1, new BigDecimal("7"))),
        read.series().get("a"));
    assertFalse(read.incomplete().containsKey("a"));
    assertEquals("GetMetricData status PartialData on the last page", read.incomplete().get("b"));
    assertEquals("GetMetricData did not answer for this query", read.incomplete().get("c"));
    assertEquals(List.of(), read.series().get("c"));
  }

  @Test
  void read_sendsAtMost500QueriesPerRequest_andAFailureAfterTheFirstKeepsWhatWasRead() {
    List<Query> queries = new ArrayList<>();
    for (int i = 0; i < 501; i++) {
      queries.add(query("q" + i));
    }
    List<Integer> sizes = new ArrayList<>();
    when(cloudWatch.getMetricData(any(GetMetricDataRequest.class))).thenAnswer(call -> {
      GetMetricDataRequest r = call.getArgument(0);
      sizes.add(r.metricDataQueries().size());
      if (sizes.size() == 2) {
        throw throttled();
      }
      List<MetricDataResult> results = new ArrayList<>();
      for (MetricDataQuery q : r.metricDataQueries()) {
        results.add(result(q.id(), StatusCode.COMPLETE, T0, 1.0));
      }
      return GetMetricDataResponse.builder().metricDataResults(results).build();
    });

    MetricDataReader.Result read = reader.read(queries, T0, T1);

    assertEquals(List.of(500, 1), sizes);
    assertEquals(1, read.calls());
    assertEquals(1, read.incomplete().size());
    assertTrue(read.incomplete().get("q500").startsWith("GetMetricData stopped before this series was complete: "
        + "Throttling from CloudWatch (HTTP 400)"), read.incomplete().get("q500"));
    assertEquals(1, read.series().get("q499").size());
  }

  @Test
  void read_whenNotEvenTheFirstRequestSucceeds_letsTheErrorEscape() {
    when(cloudWatch.getMetricData(any(GetMetricDataRequest.class))).thenThrow(throttled());

    assertThrows(CloudWatchException.class, () -> reader.read(List.of(query("a")), T0, T1));
  }

  @Test
  void exact_isTheShortestDecimalWithoutExponent() {
    assertEquals("12", MetricDataReader.exact(12.0).toPlainString());
    assertEquals("0.1", MetricDataReader.exact(0.1).toPlainString());
    assertEquals("1200", MetricDataReader.exact(1.2e3).toPlainString());
  }
}
