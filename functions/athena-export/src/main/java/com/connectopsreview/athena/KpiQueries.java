package com.connectopsreview.athena;

import com.connectopsreview.shared.analyzer.ReadLog;
import com.connectopsreview.shared.exception.StoreException;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.AthenaSection.CheckIds;
import com.connectopsreview.shared.sections.AthenaSection.Export;
import com.connectopsreview.shared.sections.AthenaSection.QueryRun;
import com.connectopsreview.shared.sections.AthenaSection.Readiness;
import com.connectopsreview.shared.sections.AthenaSection.TableRow;
import com.connectopsreview.shared.time.TimeBudget;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.athena.AthenaClient;

/**
 * The named KPI queries of one run: each bound to the tables the readiness found and to the review's
 * window, instance and thresholds; run; each success exported; each failure a finding and an entry in
 * errors[] that names it.
 */
final class KpiQueries {

  /** Athena bills at least 10 MB per query. */
  static final long MIN_BILLED_BYTES = 10L * 1024 * 1024;
  /** Athena's TB is 2^40 bytes. */
  static final double BYTES_PER_TB = 1024.0 * 1024 * 1024 * 1024;

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

  /** What one run produced. */
  record Run(List<QueryRun> queries, Map<String, AthenaQueryRunner.Result> succeeded) {
    boolean anySucceeded() {
      return !succeeded.isEmpty();
    }
  }

  private final AthenaClient athena;
  private final ReadLog log;
  private final Clock clock;
  private final AthenaQueryRunner.Sleeper sleeper;
  private final AthenaSettings settings;
  private final AthenaReadinessRules rules;
  private final LakeFormationGrants grants;
  private final ExportWriter exports;

  KpiQueries(AthenaClient athena, ReadLog log, Clock clock, AthenaQueryRunner.Sleeper sleeper,
      AthenaSettings settings, AthenaReadinessRules rules, LakeFormationGrants grants, ExportWriter exports) {
    this.athena = athena;
    this.log = log;
    this.clock = clock;
    this.sleeper = sleeper;
    this.settings = settings;
    this.rules = rules;
    this.grants = grants;
    this.exports = exports;
  }

  Run run(AnalyzerRequest request, TimeBudget budget, DataLakeReadiness.Facts facts, List<Finding> findings) {
    List<NamedQuery> queries = NamedQuery.all();
    String blocked = blockedBecause(facts);
    Map<String, String> tables = tableNames(facts);
    Map<String, String> values = values(request);
    List<NamedQuery.Bound> runnable = new ArrayList<>();
    Map<String, QueryRun> notRun = new LinkedHashMap<>();
    for (NamedQuery query : queries) {
      List<String> unreadable = query.tables().stream().filter(t -> !tables.containsKey(t)).toList();
      String reason = blocked != null ? blocked
          : !unreadable.isEmpty() ? "table(s) " + String.join(", ", unreadable) + " not queryable in database "
              + settings.database() + " (see the readiness findings)"
          : null;
      if (reason != null) {
        // Not an error of its own: the readiness finding or error that blocks it already says why.
        notRun.put(query.name(), new QueryRun(query.name(), query.tables(), null, "NOT_STARTED", reason, null, null,
            null, null, null));
      } else {
        runnable.add(query.bind(settings.database(), tables, values));
      }
    }
    List<AthenaQueryRunner.Result> results = runnable.isEmpty() ? List.of()
        : new AthenaQueryRunner(athena, log, clock, sleeper, settings.workgroup(), ownOutputLocation(facts),
            settings.database(), settings.thresholds().maxConcurrentQueries()).run(runnable, pollDeadline(budget));
    Map<String, AthenaQueryRunner.Result> byName = new LinkedHashMap<>();
    results.forEach(r -> byName.put(r.name(), r));
    List<QueryRun> runs = new ArrayList<>();
    Map<String, AthenaQueryRunner.Result> succeeded = new LinkedHashMap<>();
    for (NamedQuery query : queries) {
      if (notRun.containsKey(query.name())) {
        runs.add(notRun.get(query.name()));
        continue;
      }
      AthenaQueryRunner.Result result = byName.get(query.name());
      List<String> tablesRead = query.tables().stream().map(tables::get).toList();
      Double cost = result.dataScannedBytes() == null ? null : round(cost(result.dataScannedBytes()));
      Export export = null;
      if (result.succeeded()) {
        succeeded.put(query.name(), result);
        export = export(request.reviewId(), result);
      } else {
        failed(query, result, facts, findings);
      }
      runs.add(new QueryRun(query.name(), tablesRead, result.executionId(), result.state(), result.reason(),
          result.dataScannedBytes(), cost, result.engineMillis(), result.succeeded() ? result.rows().size() : null,
          export));
    }
    return new Run(runs, succeeded);
  }

  private Export export(String reviewId, AthenaQueryRunner.Result result) {
    try {
      return exports.write(reviewId, result);
    } catch (StoreException | IllegalArgumentException e) {
      log.error("results of Athena query " + result.name() + " not exported: " + e.getMessage());
      return null;
    }
  }

  private void failed(NamedQuery query, AthenaQueryRunner.Result result, DataLakeReadiness.Facts facts,
      List<Finding> findings) {
    String id = result.executionId() == null ? "" : " (" + result.executionId() + ")";
    log.error("Athena query " + query.name() + id + " " + result.state() + ": " + result.reason()
        + "; its KPIs are missing");
    if (result.reason() != null && result.reason().toLowerCase(Locale.ROOT).contains("lake formation")) {
      for (TableRow table : readTables(query, facts)) {
        String catalog = table.target() == null ? null : table.target().catalogId();
        String database = table.target() == null ? settings.database() : table.target().databaseName();
        String name = table.target() == null ? table.name() : table.target().name();
        LakeFormationGrants.Held held = catalog == null ? null : grants.onTable(catalog, database, name);
        findings.add(rules.lakeFormationDenied("Athena query " + query.name(), "SELECT",
            "table " + database + "." + name + (catalog == null ? "" : " in catalog " + catalog),
            rules.tableArn(regionOf(table), catalog == null ? rules.accountId() : catalog, database, name),
            result.reason(), held));
      }
      return;
    }
    boolean timedOut = "TIMED_OUT".equals(result.state()) || "NOT_STARTED".equals(result.state());
    findings.add(Finding.builder(timedOut ? CheckIds.QUERY_TIMED_OUT : CheckIds.QUERY_FAILED,
            timedOut ? Severity.LOW : Severity.MEDIUM, Pillar.OPERATIONAL_EXCELLENCE)
        .title("Athena query " + query.name() + " " + (timedOut ? "did not finish in time" : "failed")
            + ": its KPIs are missing")
        .detail(result.reason())
        .recommendation(timedOut
            ? "Give the athena function more time (its timeout and the review's deadline), or review a shorter "
                + "window; the query scans the window's partitions of " + String.join(", ", query.tables()) + "."
            : "Run the query from the Athena console (its execution id is in the evidence) to see the full "
                + "error; check the table's columns against the Connect data lake documentation.")
        .resource(rules.workgroupArn(settings.workgroup()))
        .evidence("query", query.name())
        .evidence("state", result.state())
        .evidence("executionId", result.executionId()).build());
  }

  private List<TableRow> readTables(NamedQuery query, DataLakeReadiness.Facts facts) {
    Map<String, String> names = tableNames(facts);
    return facts.tables().stream().filter(row -> query.tables().stream()
        .anyMatch(t -> row.name().equals(names.get(t)))).toList();
  }

  private String regionOf(TableRow table) {
    return table != null && table.target() != null && table.target().region() != null ? table.target().region()
        : rules.region();
  }

  /** Why no query can run at all, or null. */
  private static String blockedBecause(DataLakeReadiness.Facts facts) {
    if (facts.workgroup() != null && !"ENABLED".equals(facts.workgroup().state())) {
      return "workgroup " + facts.workgroup().name() + " is " + facts.workgroup().state();
    }
    if (facts.workgroup() != null && facts.workgroup().effectiveOutputLocation() == null
        && !facts.workgroup().managedQueryResults()) {
      return "workgroup " + facts.workgroup().name() + " has no query result location";
    }
    if (facts.database() == null || !facts.database().found()) {
      return "database not readable";
    }
    return null;
  }

  /**
   * Each data lake table's name in the database: the table of that name, or a resource link to it, if
   * READY; when the listing was incomplete, an unlisted table is tried under its own name.
   */
  static Map<String, String> tableNames(DataLakeReadiness.Facts facts) {
    Map<String, String> names = new LinkedHashMap<>();
    for (String required : AthenaReadinessRules.REQUIRED_TABLES) {
      for (TableRow row : facts.tables()) {
        boolean matches = row.name().equals(required) || row.target() != null && required.equals(row.target().name());
        if (matches && row.readiness() == Readiness.READY) {
          names.putIfAbsent(required, row.name());
        }
      }
      boolean listed = facts.tables().stream().anyMatch(row -> row.name().equals(required)
          || row.target() != null && required.equals(row.target().name()));
      if (!facts.tablesComplete() && !listed) {
        names.putIfAbsent(required, required);
      }
    }
    return names;
  }

  private Map<String, String> values(AnalyzerRequest request) {
    Map<String, String> values = new LinkedHashMap<>();
    values.put("instance_id", NamedQuery.string(request.instance().id()));
    values.put("window_start", NamedQuery.string(TIMESTAMP.format(request.window().start())));
    values.put("window_end", NamedQuery.string(TIMESTAMP.format(request.window().end())));
    values.put("service_level_ms", Long.toString(settings.thresholds().serviceLevelSeconds() * 1000L));
    values.put("short_abandon_ms", Long.toString(settings.thresholds().shortAbandonSeconds() * 1000L));
    return values;
  }

  /** Our ATHENA_OUTPUT_LOCATION, only when the workgroup has none of its own (an enforced one wins anyway). */
  private String ownOutputLocation(DataLakeReadiness.Facts facts) {
    if (facts.workgroup() != null && facts.workgroup().outputLocation() != null) {
      return null;
    }
    return settings.outputLocation();
  }

  /**
   * Polling stops a fifth of the remaining budget (at least 5 s, at most 30 s) before its end: time to
   * stop what still runs, read the results, export them and store the result.
   */
  private Instant pollDeadline(TimeBudget budget) {
    Duration remaining = budget.remaining();
    long reserveMillis = Math.max(5_000, Math.min(30_000, remaining.toMillis() / 5));
    return budget.deadline().minusMillis(reserveMillis);
  }

  private double cost(long scannedBytes) {
    return Math.max(scannedBytes, MIN_BILLED_BYTES) / BYTES_PER_TB * settings.thresholds().pricePerTerabyteUsd();
  }

  static double round(double usd) {
    return BigDecimal.valueOf(usd).setScale(6, RoundingMode.HALF_UP).doubleValue();
  }
}
