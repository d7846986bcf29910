package com.connectopsreview.athena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.connectopsreview.shared.analyzer.ReadLog;
import com.connectopsreview.shared.testing.SdkMocks;
import com.connectopsreview.shared.testing.TestClock;
import com.connectopsreview.shared.time.TimeBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.AthenaError;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatistics;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatus;
import software.amazon.awssdk.services.athena.model.ResultSet;
import software.amazon.awssdk.services.athena.model.ResultSetMetadata;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionResponse;
import software.amazon.awssdk.services.athena.model.StopQueryExecutionRequest;

class AthenaQueryRunnerTest {

  private static final Instant START = Instant.parse("2026-11-23T09:00:00Z");
  private static final String OUTPUT = "s3://results-bucket/athena/";

  private final AthenaClient athena = SdkMocks.client(AthenaClient.class);
  private final TestClock clock = new TestClock(START);
  private final List<Duration> sleeps = new ArrayList<>();
  private final AthenaQueryRunner.Sleeper sleeper = duration -> {
    sleeps.add(duration);
    clock.advance(duration);
  };
  private final ReadLog log = new ReadLog(new TimeBudget(clock, START.plus(Duration.ofHours(1))), 1);

  /** Per execution id, the states GetQueryExecution answers in turn (the last one repeats). */
  private final Map<String, List<QueryExecutionStatus>> scripts = new HashMap<>();
  private final Map<String, Integer> polls = new HashMap<>();
  private final Set<String> ended = new HashSet<>();
  private int started;
  private int running;
  private int maxRunning;

  @Test
  void run_neverHasMoreThanMaxConcurrentQueriesRunning_andRunsThemAll() {
    fakeAthena();
    for (int i = 1; i <= 5; i++) {
      script("q" + i, running(i % 3 + 1), succeeded());
    }

    List<AthenaQueryRunner.Result> results = runner(OUTPUT, 2).run(queries("q1", "q2", "q3", "q4", "q5"),
        START.plusSeconds(600));

    assertEquals(List.of("q1", "q2", "q3", "q4", "q5"), results.stream().map(AthenaQueryRunner.Result::name).toList());
    assertTrue(results.stream().allMatch(AthenaQueryRunner.Result::succeeded), results.toString());
    assertEquals(5, started);
    assertEquals(2, maxRunning, "two at a time, never more");
    assertEquals(0, running);
  }

  @Test
  void run_pollingBacksOff_from500MillisUpToTheCap() {
    fakeAthena();
    script("slow", running(12), succeeded());

    AthenaQueryRunner.Result result = runner(OUTPUT, 3).run(queries("slow"), START.plusSeconds(600)).get(0);

    assertTrue(result.succeeded(), result.toString());
    assertEquals(12, sleeps.size(), "one wait after each RUNNING answer: " + sleeps);
    assertEquals(AthenaQueryRunner.FIRST_POLL, sleeps.get(0));
    assertEquals(Duration.ofMillis(500), AthenaQueryRunner.FIRST_POLL);
    assertEquals(Duration.ofSeconds(4), AthenaQueryRunner.MAX_POLL);
    for (int i = 1; i < sleeps.size(); i++) {
      Duration previous = sleeps.get(i - 1);
      Duration current = sleeps.get(i);
      assertTrue(current.compareTo(AthenaQueryRunner.MAX_POLL) <= 0, "capped: " + sleeps);
      assertTrue(previous.equals(AthenaQueryRunner.MAX_POLL) ? current.equals(previous)
          : current.compareTo(previous) > 0, "grows until the cap: " + sleeps);
    }
    assertEquals(AthenaQueryRunner.MAX_POLL, sleeps.get(sleeps.size() - 1));
  }

  @Test
  void run_failedQueries_keepTheirReason_andTheOthersSucceed() {
    fakeAthena();
    script("good", running(1), succeeded());
    script("bad", running(1), QueryExecutionStatus.builder().state("FAILED")
        .stateChangeReason("TABLE_NOT_FOUND: line 5:8: Table 'awsdatacatalog.connect_consumer.contact_record' "
            + "does not exist").build());
    script("denied", QueryExecutionStatus.builder().state("FAILED")
        .athenaError(AthenaError.builder().errorCategory(2).errorType(1005)
            .errorMessage("Insufficient Lake Formation permission(s) on contact_record").build()).build());
    script("cancelled", QueryExecutionStatus.builder().state("CANCELLED").build());

    List<AthenaQueryRunner.Result> results = runner(OUTPUT, 4).run(queries("good", "bad", "denied", "cancelled"),
        START.plusSeconds(600));

    assertEquals(List.of("SUCCEEDED", "FAILED", "FAILED", "CANCELLED"),
        results.stream().map(AthenaQueryRunner.Result::state).toList());
    assertNull(results.get(0).reason());
    assertEquals(List.of("day", "contacts"), results.get(0).columns());
    assertEquals(List.of(List.of("2026-11-10", "7")), results.get(0).rows());
    assertEquals("TABLE_NOT_FOUND: line 5:8: Table 'awsdatacatalog.connect_consumer.contact_record' does not exist",
        results.get(1).reason());
    assertEquals("exec-bad", results.get(1).executionId());
    assertEquals(2048L, results.get(1).dataScannedBytes(), "a failed query's scan is billed too");
    assertEquals("Insufficient Lake Formation permission(s) on contact_record", results.get(2).reason());
    assertEquals("no reason given", results.get(3).reason());
    assertTrue(results.get(1).rows().isEmpty());
    verify(athena, times(1)).getQueryResults(any(GetQueryResultsRequest.class));
    assertTrue(log.errors().isEmpty(), log.errors().toString());
  }

  @Test
  void run_resultsOverTwoPages_skipTheHeaderOnlyOnTheFirst_andKeepNullAsNull() {
    fakeAthena();
    script("paged", succeeded());
    List<ColumnInfo> columns = List.of(column("queue_id"), column("queue_name"), column("contacts"));
    when(athena.getQueryResults(argThat((GetQueryResultsRequest r) -> r != null && r.nextToken() == null)))
        .thenReturn(page(columns, "token-2", row("queue_id", "queue_name", "contacts"), row("q-1", "Sales", "3"),
            row("q-2", null, "4")));
    when(athena.getQueryResults(argThat((GetQueryResultsRequest r) -> r != null && "token-2".equals(r.nextToken()))))
        .thenReturn(page(columns, null, row("q-3", "Support", "5"), row("q-4", "", null)));

    AthenaQueryRunner.Result result = runner(OUTPUT, 1).run(queries("paged"), START.plusSeconds(600)).get(0);

    assertTrue(result.succeeded(), result.toString());
    assertEquals(List.of("queue_id", "queue_name", "contacts"), result.columns());
    assertEquals(List.of(List.of("q-1", "Sales", "3"), Arrays.asList("q-2", null, "4"), List.of("q-3", "Support", "5"),
        Arrays.asList("q-4", "", null)), result.rows());
    ArgumentCaptor<GetQueryResultsRequest> requests = ArgumentCaptor.forClass(GetQueryResultsRequest.class);
    verify(athena, times(2)).getQueryResults(requests.capture());
    for (GetQueryResultsRequest request : requests.getAllValues()) {
      assertEquals("exec-paged", request.queryExecutionId());
      assertEquals(1000, request.maxResults());
    }
  }

  @Test
  void run_queryRunningAtTheDeadline_isStoppedAndTimedOut_othersKept_unstartedNotStarted() {
    fakeAthena();
    script("quick", running(1), succeeded());
    script("forever", running(1));
    script("never", succeeded());
    Instant deadline = START.plusSeconds(10);

    List<AthenaQueryRunner.Result> results = runner(OUTPUT, 1).run(queries("quick", "forever", "never"), deadline);

    assertEquals(List.of("SUCCEEDED", "TIMED_OUT", "NOT_STARTED"),
        results.stream().map(AthenaQueryRunner.Result::state).toList());
    assertEquals(List.of(List.of("2026-11-10", "7")), results.get(0).rows(), "the finished query's rows are kept");
    AthenaQueryRunner.Result timedOut = results.get(1);
    assertEquals("exec-forever", timedOut.executionId());
    assertTrue(timedOut.reason().contains("stopped (StopQueryExecution)"), timedOut.reason());
    verify(athena).stopQueryExecution(argThat((StopQueryExecutionRequest r) -> r != null
        && "exec-forever".equals(r.queryExecutionId())));
    verify(athena, times(1)).stopQueryExecution(any(StopQueryExecutionRequest.class));
    assertNull(results.get(2).executionId());
    assertEquals(2, started, "the third never started");
    assertEquals(deadline, clock.instant(), "waits end at the deadline, never past it: " + sleeps);
  }

  @Test
  void run_startRefused_isFailedWithTheReason_andTheOthersRun() {
    fakeAthena();
    script("ok", succeeded());
    when(athena.startQueryExecution(argThat((StartQueryExecutionRequest r) -> r != null
        && r.queryString().startsWith("-- query: refused\n")))).thenThrow(
        software.amazon.awssdk.services.athena.model.InvalidRequestException.builder().statusCode(400)
            .message("Queries of this type are not supported").build());

    List<AthenaQueryRunner.Result> results = runner(OUTPUT, 2).run(queries("refused", "ok"), START.plusSeconds(600));

    assertEquals("FAILED", results.get(0).state());
    assertTrue(results.get(0).reason().startsWith("StartQueryExecution: "), results.get(0).reason());
    assertTrue(results.get(0).reason().contains("Queries of this type are not supported"), results.get(0).reason());
    assertTrue(results.get(1).succeeded());
    verify(athena, never()).stopQueryExecution(any(StopQueryExecutionRequest.class));
  }

  @Test
  void start_requestCarriesQueryParametersWorkgroupDatabaseAndToken_andOutputOnlyWhenGiven() {
    fakeAthena();
    script("one", succeeded());
    script("two", succeeded());
    NamedQuery.Bound one = new NamedQuery.Bound("one", "-- query: one\nSELECT ? AS \"x\", ? AS \"y\"\n",
        List.of("'inst'", "20000"));

    runner(OUTPUT, 2).run(List.of(one, queries("two").get(0)), START.plusSeconds(600));
    runner(null, 2).run(queries("one"), START.plusSeconds(600));

    ArgumentCaptor<StartQueryExecutionRequest> captor = ArgumentCaptor.forClass(StartQueryExecutionRequest.class);
    verify(athena, times(3)).startQueryExecution(captor.capture());
    List<StartQueryExecutionRequest> requests = captor.getAllValues();
    StartQueryExecutionRequest first = requests.get(0);
    assertEquals(one.queryString(), first.queryString());
    assertEquals(List.of("'inst'", "20000"), first.executionParameters());
    assertEquals("connect_wg", first.workGroup());
    assertEquals("connect_consumer", first.queryExecutionContext().database());
    assertEquals("AwsDataCatalog", first.queryExecutionContext().catalog());
    assertEquals(OUTPUT, first.resultConfiguration().outputLocation());
    for (StartQueryExecutionRequest request : requests) {
      assertNotNull(request.clientRequestToken());
      // Athena: ClientRequestToken is 32 to 128 characters.
      assertTrue(request.clientRequestToken().length() >= 32 && request.clientRequestToken().length() <= 128,
          request.clientRequestToken());
    }
    assertNotEquals(requests.get(0).clientRequestToken(), requests.get(1).clientRequestToken());
    assertNull(requests.get(2).resultConfiguration(), "the workgroup's own location when none is given");
  }

  // ---- the fake Athena ----

  private AthenaQueryRunner runner(String outputLocation, int maxConcurrent) {
    return new AthenaQueryRunner(athena, log, clock, sleeper, "connect_wg", outputLocation, "connect_consumer",
        maxConcurrent);
  }

  private static List<NamedQuery.Bound> queries(String... names) {
    return Arrays.stream(names).map(n -> new NamedQuery.Bound(n, "-- query: " + n + "\nSELECT 1\n", List.of("'i'")))
        .toList();
  }

  private void script(String name, QueryExecutionStatus... states) {
    scripts.put("exec-" + name, List.of(states));
  }

  /** Starts count as running; a terminal state answered by GetQueryExecution counts as ended, once. */
  private void fakeAthena() {
    when(athena.startQueryExecution(any(StartQueryExecutionRequest.class))).thenAnswer(call -> {
      StartQueryExecutionRequest request = call.getArgument(0);
      String name = request.queryString().substring("-- query: ".length(), request.queryString().indexOf('\n'));
      started++;
      running++;
      maxRunning = Math.max(maxRunning, running);
      return StartQueryExecutionResponse.builder().queryExecutionId("exec-" + name).build();
    });
    when(athena.getQueryExecution(any(GetQueryExecutionRequest.class))).thenAnswer(call -> {
      String id = ((GetQueryExecutionRequest) call.getArgument(0)).queryExecutionId();
      List<QueryExecutionStatus> script = scripts.get(id);
      int n = polls.merge(id, 1, Integer::sum);
      QueryExecutionStatus status = script.get(Math.min(n, script.size()) - 1);
      String state = status.stateAsString();
      if (!state.equals("RUNNING") && !state.equals("QUEUED") && ended.add(id)) {
        running--;
      }
      return GetQueryExecutionResponse.builder().queryExecution(QueryExecution.builder().queryExecutionId(id)
          .status(status).statistics(QueryExecutionStatistics.builder().dataScannedInBytes(2048L)
              .engineExecutionTimeInMillis(120L).build()).build()).build();
    });
    List<ColumnInfo> columns = List.of(column("day"), column("contacts"));
    when(athena.getQueryResults(any(GetQueryResultsRequest.class)))
        .thenReturn(page(columns, null, row("day", "contacts"), row("2026-11-10", "7")));
  }

  /** {@code count} RUNNING answers; the script's next state follows them. */
  private static QueryExecutionStatus[] running(int count) {
    QueryExecutionStatus[] states = new QueryExecutionStatus[count];
    Arrays.fill(states, QueryExecutionStatus.builder().state("RUNNING").build());
    return states;
  }

  private void script(String name, QueryExecutionStatus[] first, QueryExecutionStatus then) {
    List<QueryExecutionStatus> all = new ArrayList<>(Arrays.asList(first));
    all.add(then);
    scripts.put("exec-" + name, all);
  }

  private static QueryExecutionStatus succeeded() {
    return QueryExecutionStatus.builder().state("SUCCEEDED").build();
  }

  private static ColumnInfo column(String name) {
    return ColumnInfo.builder().name(name).type("varchar").build();
  }

  /** A row; a null value is a Datum without VarCharValue (how Athena answers NULL). */
  private static Row row(String... values) {
    return Row.builder().data(Arrays.stream(values)
        .map(v -> v == null ? Datum.builder().build() : Datum.builder().varCharValue(v).build()).toList()).build();
  }

  private static GetQueryResultsResponse page(List<ColumnInfo> columns, String nextToken, Row... rows) {
    return GetQueryResultsResponse.builder().nextToken(nextToken).resultSet(ResultSet.builder().rows(rows)
        .resultSetMetadata(ResultSetMetadata.builder().columnInfo(columns).build()).build()).build();
  }
}
