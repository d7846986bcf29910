package com.connectopsreview.athena;

import com.connectopsreview.shared.analyzer.Outcome;
import com.connectopsreview.shared.analyzer.ReadLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.Datum;
import software.amazon.awssdk.services.athena.model.GetQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionContext;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.QueryExecutionStatistics;
import software.amazon.awssdk.services.athena.model.ResultConfiguration;
import software.amazon.awssdk.services.athena.model.Row;
import software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest;
import software.amazon.awssdk.services.athena.model.StopQueryExecutionRequest;

/**
 * Runs bound queries on Athena: at most {@code maxConcurrent} at a time (the account's active-query
 * quota is shared with everyone else's queries), each polled with GetQueryExecution on a backoff
 * (0.5 s growing to 4 s: Athena's API quotas are per account too), results read with GetQueryResults
 * (every page, 1,000 rows each). A query still running when the poll deadline comes is stopped
 * (StopQueryExecution: a forgotten query keeps scanning, and billing) and reported TIMED_OUT; the
 * others' results are kept.
 */
final class AthenaQueryRunner {

  /** Waits between polls; tests pass one that advances a fake clock. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  static final Duration FIRST_POLL = Duration.ofMillis(500);
  static final Duration MAX_POLL = Duration.ofSeconds(4);
  /** GetQueryResults' largest page. */
  static final int PAGE_SIZE = 1000;

  /**
   * How one query ended.
   *
   * @param state SUCCEEDED, FAILED, CANCELLED, TIMED_OUT or NOT_STARTED
   * @param columns the result's column names (ResultSetMetadata), empty unless SUCCEEDED
   * @param rows the result rows without the header row; a NULL value is null
   */
  record Result(String name, String executionId, String state, String reason, Long dataScannedBytes,
      Long engineMillis, List<String> columns, List<List<String>> rows) {

    boolean succeeded() {
      return "SUCCEEDED".equals(state);
    }
  }

  private final AthenaClient athena;
  private final ReadLog log;
  private final Clock clock;
  private final Sleeper sleeper;
  private final String workgroup;
  private final String outputLocation;
  private final String database;
  private final int maxConcurrent;

  /**
   * @param outputLocation where results go when the workgroup does not say (null: the workgroup's own)
   */
  AthenaQueryRunner(AthenaClient athena, ReadLog log, Clock clock, Sleeper sleeper, String workgroup,
      String outputLocation, String database, int maxConcurrent) {
    this.athena = athena;
    this.log = log;
    this.clock = clock;
    this.sleeper = sleeper;
    this.workgroup = workgroup;
    this.outputLocation = outputLocation;
    this.database = database;
    this.maxConcurrent = Math.max(1, maxConcurrent);
  }

  /** Runs every query until it ends or {@code pollDeadline} passes; results in the order given. */
  List<Result> run(List<NamedQuery.Bound> queries, Instant pollDeadline) {
    Map<String, Result> done = new LinkedHashMap<>();
    Deque<NamedQuery.Bound> pending = new ArrayDeque<>(queries);
    Map<String, Started> running = new LinkedHashMap<>();
    Duration wait = FIRST_POLL;
    while (!pending.isEmpty() || !running.isEmpty()) {
      while (running.size() < maxConcurrent && !pending.isEmpty() && clock.instant().isBefore(pollDeadline)) {
        NamedQuery.Bound query = pending.poll();
        Outcome<String> started = start(query);
        if (started.isOk()) {
          running.put(query.name(), new Started(query, started.get(), clock.instant()));
        } else {
          done.put(query.name(), notRun(query, started.isOutOfTime() ? "NOT_STARTED" : "FAILED",
              "StartQueryExecution: " + started.reason()));
        }
      }
      boolean progressed = false;
      for (Started query : List.copyOf(running.values())) {
        Outcome<QueryExecution> polled = log.attempt(() -> athena.getQueryExecution(
            GetQueryExecutionRequest.builder().queryExecutionId(query.executionId()).build()).queryExecution());
        if (!polled.isOk()) {
          // A failed poll is not the query's end: it is retried next round, until the deadline.
          continue;
        }
        QueryExecution execution = polled.get();
        QueryExecutionState state = execution.status() == null ? null : execution.status().state();
        if (state == QueryExecutionState.SUCCEEDED || state == QueryExecutionState.FAILED
            || state == QueryExecutionState.CANCELLED) {
          running.remove(query.bound().name());
          done.put(query.bound().name(), finished(query, execution, state));
          progressed = true;
        }
      }
      if (running.isEmpty() && (pending.isEmpty() || !clock.instant().isBefore(pollDeadline))) {
        break;
      }
      if (!clock.instant().isBefore(pollDeadline)) {
        break;
      }
      if (!progressed) {
        Duration left = Duration.between(clock.instant(), pollDeadline);
        sleep(left.compareTo(wait) < 0 ? left : wait);
        wait = min(MAX_POLL, Duration.ofMillis((long) (wait.toMillis() * 1.5)));
      }
    }
    for (Started query : running.values()) {
      stop(query);
      long seconds = Duration.between(query.startedAt(), clock.instant()).toSeconds();
      done.put(query.bound().name(), new Result(query.bound().name(), query.executionId(), "TIMED_OUT",
          "still running after " + seconds + " s, at the end of the time budget; stopped (StopQueryExecution)",
          null, null, List.of(), List.of()));
    }
    for (NamedQuery.Bound query : pending) {
      done.put(query.name(), notRun(query, "NOT_STARTED", "the time budget ran out before it could start"));
    }
    List<Result> ordered = new ArrayList<>();
    for (NamedQuery.Bound query : queries) {
      ordered.add(Objects.requireNonNull(done.get(query.name()), query.name()));
    }
    return ordered;
  }

  private Outcome<String> start(NamedQuery.Bound query) {
    StartQueryExecutionRequest.Builder request = StartQueryExecutionRequest.builder()
        .queryString(query.queryString())
        .queryExecutionContext(QueryExecutionContext.builder().catalog("AwsDataCatalog").database(database).build())
        .workGroup(workgroup)
        .executionParameters(query.executionParameters())
        // Idempotent retries: the SDK retries a throttled start with the same token, so one query runs once.
        .clientRequestToken(UUID.randomUUID().toString());
    if (outputLocation != null) {
      request.resultConfiguration(ResultConfiguration.builder().outputLocation(outputLocation).build());
    }
    return log.attempt(() -> athena.startQueryExecution(request.build()).queryExecutionId());
  }

  private Result finished(Started query, QueryExecution execution, QueryExecutionState state) {
    QueryExecutionStatistics stats = execution.statistics();
    Long scanned = stats == null ? null : stats.dataScannedInBytes();
    Long engine = stats == null ? null : stats.engineExecutionTimeInMillis();
    String name = query.bound().name();
    if (state != QueryExecutionState.SUCCEEDED) {
      String reason = execution.status().stateChangeReason();
      if (reason == null && execution.status().athenaError() != null) {
        reason = execution.status().athenaError().errorMessage();
      }
      return new Result(name, query.executionId(), state.toString(), reason == null ? "no reason given" : reason,
          scanned, engine, List.of(), List.of());
    }
    List<String> columns = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    Outcome<Void> read = log.attempt(() -> {
      boolean first = true;
      for (GetQueryResultsResponse page : log.pages("Athena GetQueryResults", athena.getQueryResultsPaginator(
          GetQueryResultsRequest.builder().queryExecutionId(query.executionId()).maxResults(PAGE_SIZE).build()))) {
        if (columns.isEmpty() && page.resultSet().resultSetMetadata() != null) {
          for (ColumnInfo column : page.resultSet().resultSetMetadata().columnInfo()) {
            columns.add(column.name());
          }
        }
        for (Row row : page.resultSet().rows()) {
          // A SELECT's first row of the first page holds the column labels.
          if (first) {
            first = false;
            continue;
          }
          List<String> values = new ArrayList<>(row.data().size());
          for (Datum datum : row.data()) {
            values.add(datum.varCharValue());
          }
          rows.add(values);
        }
      }
      return null;
    });
    if (!read.isOk()) {
      return new Result(name, query.executionId(), "FAILED", "succeeded, but its results could not be read "
          + "(GetQueryResults: " + read.reason() + ")", scanned, engine, List.of(), List.of());
    }
    return new Result(name, query.executionId(), "SUCCEEDED", null, scanned, engine, List.copyOf(columns),
        List.copyOf(rows));
  }

  private void stop(Started query) {
    Outcome<Void> stopped = log.attempt(() -> {
      athena.stopQueryExecution(StopQueryExecutionRequest.builder().queryExecutionId(query.executionId()).build());
      return null;
    });
    if (!stopped.isOk()) {
      log.error("Athena query " + query.bound().name() + " (" + query.executionId() + ") could not be stopped "
          + "(StopQueryExecution: " + stopped.reason() + "); it may still be running and scanning");
    }
  }

  private void sleep(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Athena queries", e);
    }
  }

  private static Result notRun(NamedQuery.Bound query, String state, String reason) {
    return new Result(query.name(), null, state, reason, null, null, List.of(), List.of());
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private record Started(NamedQuery.Bound bound, String executionId, Instant startedAt) {}
}
