package com.connectopsreview.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.connectopsreview.logs.InsightsQueryRunner.Result;
import com.connectopsreview.shared.analyzer.ReadLog;
import com.connectopsreview.shared.testing.SdkMocks;
import com.connectopsreview.shared.testing.TestClock;
import com.connectopsreview.shared.time.TimeBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatistics;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.StopQueryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StopQueryResponse;

class InsightsQueryRunnerTest {

  private final TestClock clock = new TestClock(Fixtures.NOW);
  private final List<Duration> slept = new ArrayList<>();
  private final CloudWatchLogsClient logs = SdkMocks.client(CloudWatchLogsClient.class);

  private InsightsQueryRunner runner(Duration budget) {
    ReadLog log = new ReadLog(new TimeBudget(clock, Fixtures.NOW.plus(budget)));
    return new InsightsQueryRunner(logs, log, d -> {
      slept.add(d);
      clock.advance(d);
    });
  }

  @Test
  void run_pollsWithAGrowingPauseUntilComplete_andSendsTheRangeAndLimit() {
    when(logs.startQuery(any(StartQueryRequest.class))).thenReturn(StartQueryResponse.builder().queryId("q-1").build());
    when(logs.getQueryResults(any(GetQueryResultsRequest.class))).thenReturn(
        response(QueryStatus.SCHEDULED), response(QueryStatus.RUNNING), response(QueryStatus.RUNNING),
        GetQueryResultsResponse.builder().status(QueryStatus.COMPLETE)
            .results(List.of(List.of(Fixtures.field("errors", "3"))))
            .statistics(QueryStatistics.builder().recordsMatched(3.0).recordsScanned(120.0).bytesScanned(4096.0)
                .build()).build());
    InsightsQueryRunner runner = runner(Duration.ofMinutes(2));

    Result result = runner.run("/aws/connect/contoso", "stats count(*) as errors", 100, 199, 10_000);

    assertTrue(result.isComplete());
    assertEquals("3", result.rows().get(0).get("errors"));
    assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(750), Duration.ofMillis(1125),
        Duration.ofMillis(1687)), slept);
    ArgumentCaptor<StartQueryRequest> started = ArgumentCaptor.forClass(StartQueryRequest.class);
    verify(logs).startQuery(started.capture());
    assertEquals(List.of("/aws/connect/contoso"), started.getValue().logGroupNames());
    assertEquals(100L, started.getValue().startTime());
    assertEquals(199L, started.getValue().endTime());
    assertEquals(10_000, started.getValue().limit());
    assertEquals(4, runner.stats().polls());
    assertEquals(1, runner.stats().queriesRun());
    assertEquals(120, runner.stats().recordsScanned());
  }

  @Test
  void run_atTheConcurrentQueryLimit_waitsAndStartsAgain() {
    when(logs.startQuery(any(StartQueryRequest.class))).thenThrow(Fixtures.limitExceeded(), Fixtures.limitExceeded())
        .thenReturn(StartQueryResponse.builder().queryId("q-2").build());
    when(logs.getQueryResults(any(GetQueryResultsRequest.class))).thenReturn(complete(List.of()));

    Result result = runner(Duration.ofMinutes(2)).run("/g", "fields @message", 0, 10, 20);

    assertTrue(result.isComplete());
    verify(logs, times(3)).startQuery(any(StartQueryRequest.class));
    assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofMillis(500)), slept);
  }

  @Test
  void run_whenTheQueryFails_saysSoWithoutRows() {
    when(logs.startQuery(any(StartQueryRequest.class))).thenReturn(StartQueryResponse.builder().queryId("q-3").build());
    when(logs.getQueryResults(any(GetQueryResultsRequest.class))).thenReturn(response(QueryStatus.FAILED));

    Result result = runner(Duration.ofMinutes(2)).run("/g", "fields @message", 0, 10, 20);

    assertFalse(result.isComplete());
    assertEquals(QueryStatus.FAILED, result.status());
    assertTrue(result.reason().endsWith("ended Failed"), result.reason());
  }

  @Test
  void run_whenTimeRunsOutWhileRunning_stopsTheQueryAndThrowsOutOfTime() {
    when(logs.startQuery(any(StartQueryRequest.class))).thenReturn(StartQueryResponse.builder().queryId("q-4").build());
    when(logs.getQueryResults(any(GetQueryResultsRequest.class))).thenReturn(response(QueryStatus.RUNNING));
    when(logs.stopQuery(any(StopQueryRequest.class))).thenReturn(StopQueryResponse.builder().success(true).build());

    InsightsQueryRunner runner = runner(Duration.ofSeconds(12));
    assertThrows(TimeBudget.BudgetExceededException.class, () -> runner.run("/g", "fields @message", 0, 10, 20));

    ArgumentCaptor<StopQueryRequest> stopped = ArgumentCaptor.forClass(StopQueryRequest.class);
    verify(logs).stopQuery(stopped.capture());
    assertEquals("q-4", stopped.getValue().queryId());
  }

  @Test
  void runAll_whenRowsReachTheCap_splitsTheRangeInHalvesAndKeepsEveryRow() {
    when(logs.startQuery(any(StartQueryRequest.class))).thenAnswer(call -> {
      StartQueryRequest r = call.getArgument(0);
      return StartQueryResponse.builder().queryId(r.startTime() + "-" + r.endTime()).build();
    });
    when(logs.getQueryResults(any(GetQueryResultsRequest.class))).thenAnswer(call -> {
      String id = ((GetQueryResultsRequest) call.getArgument(0)).queryId();
      // The whole range is capped; each half is not.
      return complete(id.equals("0-1000") ? rows(InsightsQueryRunner.RESULT_CAP, "all")
          : rows(id.equals("0-500") ? 7_000 : 6_000, id));
    });
    InsightsQueryRunner runner = runner(Duration.ofMinutes(5));

    Result result = runner.runAll("/g", FlowErrorQueries.STATS, 0, 1000);

    assertTrue(result.isComplete());
    assertEquals(13_000, result.rows().size());
    assertEquals(1, runner.stats().splits());
    ArgumentCaptor<StartQueryRequest> started = ArgumentCaptor.forClass(StartQueryRequest.class);
    verify(logs, times(3)).startQuery(started.capture());
    assertEquals(List.of("0-1000", "0-500", "501-1000"), started.getAllValues().stream()
        .map(r -> r.startTime() + "-" + r.endTime()).toList());
  }

  private static GetQueryResultsResponse response(QueryStatus status) {
    return GetQueryResultsResponse.builder().status(status).build();
  }

  private static GetQueryResultsResponse complete(List<List<ResultField>> rows) {
    return GetQueryResultsResponse.builder().status(QueryStatus.COMPLETE).results(rows).build();
  }

  private static List<List<ResultField>> rows(int n, String tag) {
    List<List<ResultField>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(List.of(Fixtures.field("k", tag + i), Fixtures.field("errors", "1")));
    }
    return rows;
  }
}
