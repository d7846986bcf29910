package com.connectopsreview.local.sandbox.datalake;

import java.time.Instant;
import java.util.List;

/**
 * One started query and its lifecycle as GetQueryExecution reveals it: QUEUED on the first poll,
 * RUNNING on the next, then its final state (SUCCEEDED or FAILED) on a later poll once
 * {@link DataLakeDomain#QUERY_RUN_TIME} has passed since it started; a slow query stays RUNNING.
 * StopQueryExecution turns a query that has not ended into CANCELLED; on an ended one it changes nothing.
 */
final class QueryExecution {

  /** Statistics every execution reports (ms): time queued, and Athena's own pre- and post-processing. */
  static final long QUEUE_MILLIS = 45;
  static final long SERVICE_MILLIS = 60;

  /** The state as last revealed, and what an ended execution reports. */
  record Snapshot(String state, Instant completed, QueryFailure failure, long scannedBytes, long engineMillis) {}

  private final String id;
  private final String query;
  private final String workgroup;
  private final String database;
  private final String catalog;
  private final List<String> parameters;
  private final String fingerprint;
  private final AthenaEngine.Outcome outcome;
  private final Instant submitted = Instant.now();
  private final long startedNanos = System.nanoTime();
  private int polls;
  private String state = "QUEUED";
  private Instant completed;
  private long cancelledAfterMillis;

  QueryExecution(String id, String query, String workgroup, String database, String catalog, List<String> parameters,
      String fingerprint, AthenaEngine.Outcome outcome) {
    this.id = id;
    this.query = query;
    this.workgroup = workgroup;
    this.database = database;
    this.catalog = catalog;
    this.parameters = List.copyOf(parameters);
    this.fingerprint = fingerprint;
    this.outcome = outcome;
  }

  /** One GetQueryExecution: advances the lifecycle by at most one step. */
  synchronized Snapshot poll() {
    polls++;
    if (!ended()) {
      if (polls >= 2) {
        state = "RUNNING";
      }
      if (polls >= 3 && !outcome.slow() && elapsedNanos() >= DataLakeDomain.QUERY_RUN_TIME.toNanos()) {
        state = outcome.failure() == null ? "SUCCEEDED" : "FAILED";
        completed = Instant.now();
      }
    }
    return snapshot();
  }

  /** StopQueryExecution. */
  synchronized void stop() {
    if (!ended()) {
      state = "CANCELLED";
      completed = Instant.now();
      cancelledAfterMillis = Math.max(1, elapsedNanos() / 1_000_000);
    }
  }

  synchronized String state() {
    return state;
  }

  /** Queued or running, for the account's active-query quota (an unpolled quick query ends on its own time). */
  synchronized boolean active() {
    return !ended() && (outcome.slow() || elapsedNanos() < DataLakeDomain.QUERY_RUN_TIME.toNanos());
  }

  private Snapshot snapshot() {
    return switch (state) {
      case "SUCCEEDED" -> new Snapshot(state, completed, null, outcome.scannedBytes(), outcome.engineMillis());
      case "FAILED" -> new Snapshot(state, completed, outcome.failure(), outcome.scannedBytes(), outcome.engineMillis());
      case "CANCELLED" -> new Snapshot(state, completed, null, outcome.scannedBytes() / 4, cancelledAfterMillis);
      default -> new Snapshot(state, null, null, 0, 0);
    };
  }

  private boolean ended() {
    return completed != null;
  }

  private long elapsedNanos() {
    return System.nanoTime() - startedNanos;
  }

  String id() {
    return id;
  }

  String query() {
    return query;
  }

  String workgroup() {
    return workgroup;
  }

  String database() {
    return database;
  }

  String catalog() {
    return catalog;
  }

  List<String> parameters() {
    return parameters;
  }

  String fingerprint() {
    return fingerprint;
  }

  Instant submitted() {
    return submitted;
  }

  AthenaEngine.Outcome outcome() {
    return outcome;
  }
}
