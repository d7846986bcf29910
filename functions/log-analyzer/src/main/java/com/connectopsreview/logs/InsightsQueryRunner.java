package com.connectopsreview.logs;

import com.connectopsreview.shared.analyzer.Outcome;
import com.connectopsreview.shared.analyzer.ReadLog;
import com.connectopsreview.shared.sections.LogsSection.QueryStats;
import com.connectopsreview.shared.time.TimeBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LimitExceededException;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatistics;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResultField;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StopQueryRequest;

/**
 * Runs Logs Insights queries one at a time: StartQuery, then GetQueryResults polled with a growing
 * pause until the status is Complete, Failed, Cancelled, Timeout or Unknown, all inside the time
 * budget. One query at a time keeps the review to one of the account's concurrent Logs Insights
 * queries (30 per account and Region in the API reference, dashboards included); when the account
 * is at that limit anyway, StartQuery answers LimitExceededException, which the SDK does not retry,
 * so the runner waits and starts again while there is time.
 *
 * <p>A query returns at most {@link #RESULT_CAP} rows. An aggregating query whose rows reach the cap
 * ({@link #runAll}) is not cut: its time range is split in halves and each half run again, down to
 * one minute.
 */
final class InsightsQueryRunner {

  private static final Logger LOG = LoggerFactory.getLogger(InsightsQueryRunner.class);

  /** Rows a Logs Insights query returns at most (the StartQuery limit's maximum). */
  static final int RESULT_CAP = 10_000;
  static final Duration FIRST_POLL = Duration.ofMillis(500);
  static final Duration LONGEST_POLL = Duration.ofSeconds(5);
  static final Duration FIRST_START_RETRY = Duration.ofSeconds(2);
  static final Duration LONGEST_START_RETRY = Duration.ofSeconds(15);
  /** Kept back when time runs out mid-query, to stop the query (it would otherwise run on, and be billed). */
  static final Duration STOP_MARGIN = Duration.ofSeconds(2);
  /** A range this short is not split further. */
  static final long SHORTEST_SPLIT_SECONDS = 60;

  /** What a query produced: its rows (each field → value) or why there are none. */
  record Result(QueryStatus status, List<Map<String, String>> rows, String reason) {

    boolean isComplete() {
      return status == QueryStatus.COMPLETE;
    }

    static Result failed(QueryStatus status, String reason) {
      return new Result(status, List.of(), reason);
    }
  }

  private final CloudWatchLogsClient logs;
  private final ReadLog log;
  private final Sleeper sleeper;
  private int queriesRun;
  private int splits;
  private int polls;
  private long recordsMatched;
  private long recordsScanned;
  private long bytesScanned;

  InsightsQueryRunner(CloudWatchLogsClient logs, ReadLog log, Sleeper sleeper) {
    this.logs = logs;
    this.log = log;
    this.sleeper = sleeper;
  }

  QueryStats stats() {
    return new QueryStats(queriesRun, splits, polls, recordsMatched, recordsScanned, bytesScanned);
  }

  /**
   * Every row of an aggregating query over [start, end] (epoch seconds, both included), splitting the
   * range while a part's rows reach the cap. Not complete as soon as one part is not.
   */
  Result runAll(String logGroup, String query, long start, long end) {
    Result result = run(logGroup, query, start, end, RESULT_CAP);
    if (!result.isComplete() || result.rows().size() < RESULT_CAP) {
      return result;
    }
    if (end - start < SHORTEST_SPLIT_SECONDS) {
      log.error("Logs Insights: more than " + RESULT_CAP + " result rows between " + start + " and " + end
          + " (epoch seconds) even for this short a range; counted the first " + RESULT_CAP);
      return result;
    }
    splits++;
    long middle = start + (end - start) / 2;
    LOG.info("Logs Insights rows reached the cap of {}: splitting {}..{} at {}", RESULT_CAP, start, end, middle);
    Result first = runAll(logGroup, query, start, middle);
    if (!first.isComplete()) {
      return first;
    }
    Result second = runAll(logGroup, query, middle + 1, end);
    if (!second.isComplete()) {
      return second;
    }
    List<Map<String, String>> rows = new ArrayList<>(first.rows());
    rows.addAll(second.rows());
    return new Result(QueryStatus.COMPLETE, rows, null);
  }

  /** One query: started (waiting while the account is at its concurrent-query limit) and polled to its end. */
  Result run(String logGroup, String query, long start, long end, int limit) {
    StartQueryRequest request = StartQueryRequest.builder().logGroupNames(logGroup).startTime(start).endTime(end)
        .queryString(query).limit(limit).build();
    String queryId = start(request);
    if (queryId == null) {
      return Result.failed(null, "StartQuery: the account stayed at its concurrent Logs Insights query limit"
          + " (LimitExceededException) until the time budget ran out");
    }
    return poll(queryId);
  }

  /** The query id; null when only LimitExceededException came back until the budget ran out. */
  private String start(StartQueryRequest request) {
    TimeBudget budget = log.budget();
    Duration wait = FIRST_START_RETRY;
    while (true) {
      try {
        return logs.startQuery(request).queryId();
      } catch (LimitExceededException e) {
        if (budget.remaining().compareTo(wait.plus(STOP_MARGIN)) <= 0) {
          return null;
        }
        LOG.info("Logs Insights at the concurrent-query limit; starting again in {} ms", wait.toMillis());
        sleeper.sleep(wait);
        wait = longer(wait, LONGEST_START_RETRY);
      }
    }
  }

  private Result poll(String queryId) {
    TimeBudget budget = log.budget();
    Duration wait = FIRST_POLL;
    while (true) {
      if (budget.remaining().compareTo(wait.plus(STOP_MARGIN)) <= 0) {
        stop(queryId);
        throw new TimeBudget.BudgetExceededException("time budget spent while Logs Insights query " + queryId
            + " was still running (stopped)");
      }
      sleeper.sleep(wait);
      polls++;
      GetQueryResultsResponse response = logs.getQueryResults(GetQueryResultsRequest.builder().queryId(queryId)
          .build());
      QueryStatus status = response.status();
      if (status == QueryStatus.SCHEDULED || status == QueryStatus.RUNNING) {
        wait = longer(wait, LONGEST_POLL);
        continue;
      }
      if (status != QueryStatus.COMPLETE) {
        return Result.failed(status, "Logs Insights query " + queryId + " ended " + response.statusAsString());
      }
      queriesRun++;
      add(response.statistics());
      List<Map<String, String>> rows = new ArrayList<>();
      for (List<ResultField> row : response.results()) {
        Map<String, String> fields = new LinkedHashMap<>();
        row.forEach(f -> fields.put(f.field(), f.value()));
        rows.add(fields);
      }
      return new Result(QueryStatus.COMPLETE, rows, null);
    }
  }

  /** Best effort: a query left running costs money and holds one of the account's concurrent queries. */
  private void stop(String queryId) {
    Outcome<Boolean> stopped = log.attempt(() -> logs.stopQuery(StopQueryRequest.builder().queryId(queryId).build())
        .success());
    if (!stopped.isOk()) {
      LOG.info("Logs Insights query {} not stopped: {}", queryId, stopped.reason());
    }
  }

  private void add(QueryStatistics statistics) {
    if (statistics == null) {
      return;
    }
    recordsMatched += whole(statistics.recordsMatched());
    recordsScanned += whole(statistics.recordsScanned());
    bytesScanned += whole(statistics.bytesScanned());
  }

  private static long whole(Double value) {
    return value == null ? 0 : Math.round(value);
  }

  private static Duration longer(Duration wait, Duration longest) {
    Duration next = Duration.ofMillis(wait.toMillis() * 3 / 2);
    return next.compareTo(longest) > 0 ? longest : next;
  }
}
