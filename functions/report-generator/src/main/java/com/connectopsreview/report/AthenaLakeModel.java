package com.connectopsreview.report;

import static com.connectopsreview.report.HtmlReportModel.map;
import static com.connectopsreview.report.SectionData.listed;
import static com.connectopsreview.report.SectionData.number;
import static com.connectopsreview.report.SectionData.text;

import com.connectopsreview.shared.links.ConsoleLinks;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.sections.AthenaSection;
import com.connectopsreview.shared.sections.AthenaSection.DatabaseFacts;
import com.connectopsreview.shared.sections.AthenaSection.Export;
import com.connectopsreview.shared.sections.AthenaSection.QueryRun;
import com.connectopsreview.shared.sections.AthenaSection.Readiness;
import com.connectopsreview.shared.sections.AthenaSection.ResultsBucket;
import com.connectopsreview.shared.sections.AthenaSection.TableRow;
import com.connectopsreview.shared.sections.AthenaSection.Target;
import com.connectopsreview.shared.sections.AthenaSection.Workgroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The data lake's readiness (workgroup, database, tables, results bucket) and the query runs behind
 * the KPIs, from the {@code athena} component's data. Console links are built here with
 * {@link ConsoleLinks} and pass {@link SafeLinks}; S3 locations are shown as text, never linked.
 */
final class AthenaLakeModel {

  static final String SUCCEEDED = "SUCCEEDED";

  private AthenaLakeModel() {}

  static Map<String, Object> readiness(AthenaSection data, InstanceRef instance) {
    ConsoleLinks links = instance == null ? null : ConsoleLinks.forInstance(instance);
    Set<String> required = new HashSet<>(listed(data.requiredTables()));
    List<Map<String, Object>> tables = new ArrayList<>();
    for (TableRow t : listed(data.tables())) {
      boolean needed = required.contains(t.name()) || t.target() != null && required.contains(t.target().name());
      tables.add(map(
          "name", text(t.name()),
          "link", t.resourceLink(),
          "target", target(t.target()),
          "readiness", t.readiness() == null ? Readiness.NOT_EXAMINED.name() : t.readiness().name(),
          "readinessCss", readinessCss(t.readiness()),
          "reason", text(t.reason()),
          "required", needed));
    }
    return map(
        "roleArn", data.settings() == null ? null : text(data.settings().dataLakeRoleArn()),
        "workgroup", workgroup(data.workgroup(), links),
        "database", database(data.database()),
        "databaseName", data.settings() == null ? null : text(data.settings().database()),
        "tables", tables,
        "tablesComplete", data.tablesComplete(),
        "requiredTables", String.join(", ", listed(data.requiredTables())),
        "missingTables", listed(data.missingTables()),
        "resultsBucket", resultsBucket(data.resultsBucket()),
        "lakeFormationHref", links == null ? null : SafeLinks.httpOrNull(links.lakeFormationPermissions()));
  }

  private static Map<String, Object> workgroup(Workgroup w, ConsoleLinks links) {
    if (w == null) {
      return null;
    }
    return map(
        "name", text(w.name()),
        "state", text(w.state()),
        "enabled", "ENABLED".equals(w.state()),
        "outputLocation", text(w.outputLocation()),
        "effectiveOutputLocation", text(w.effectiveOutputLocation()),
        "encryption", text(w.encryptionOption()),
        "enforced", Formats.yesNo(w.enforceWorkGroupConfiguration()),
        "managed", w.managedQueryResults(),
        "consoleHref", links == null || text(w.name()) == null ? null
            : SafeLinks.httpOrNull(links.athenaWorkgroup(w.name())));
  }

  private static Map<String, Object> database(DatabaseFacts d) {
    if (d == null) {
      return null;
    }
    return map(
        "name", text(d.name()),
        "found", d.found(),
        "link", d.resourceLink(),
        "target", target(d.target()));
  }

  /** {@code 210987654321 / connect_datalake / contact_record (eu-west-2)}: catalog, database, table, Region. */
  private static String target(Target t) {
    if (t == null) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (String part : new String[] {t.catalogId(), t.databaseName(), t.name()}) {
      if (text(part) != null) {
        sb.append(sb.isEmpty() ? "" : " / ").append(part);
      }
    }
    if (text(t.region()) != null) {
      sb.append(" (").append(t.region()).append(')');
    }
    return sb.isEmpty() ? null : sb.toString();
  }

  private static String readinessCss(Readiness r) {
    if (r == null || r == Readiness.NOT_EXAMINED) {
      return "readiness-unknown";
    }
    return r == Readiness.READY ? "readiness-ready" : "readiness-problem";
  }

  private static Map<String, Object> resultsBucket(ResultsBucket b) {
    if (b == null) {
      return null;
    }
    return map(
        "bucket", text(b.bucket()),
        "rules", String.valueOf(b.lifecycleRules()),
        "noLifecycle", b.lifecycleRules() == 0,
        "expires", b.expiresObjects());
  }

  static Runs runs(List<QueryRun> queries) {
    return new Runs(listed(queries));
  }

  /** The named queries of the run, as the "How these numbers were made" table shows them. */
  record Runs(List<QueryRun> queries) {

    int count() {
      return queries.size();
    }

    /** True when the named query ran and succeeded (its rows are in the KPIs). */
    boolean succeeded(String name) {
      return queries.stream().anyMatch(q -> name.equals(q.name()) && SUCCEEDED.equals(q.state()));
    }

    List<Map<String, Object>> rows() {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (QueryRun q : queries) {
        Export export = q.export();
        rows.add(map(
            "name", text(q.name()),
            "tables", q.tables() == null || q.tables().isEmpty() ? null : String.join(", ", listed(q.tables())),
            "executionId", text(q.executionId()),
            "state", text(q.state()) == null ? "UNKNOWN" : q.state(),
            "stateCss", "query-" + (text(q.state()) == null ? "unknown"
                : q.state().toLowerCase(Locale.ROOT).replace('_', '-')),
            "succeeded", SUCCEEDED.equals(q.state()),
            "reason", text(q.stateReason()),
            "scanned", Formats.bytes(q.dataScannedBytes()),
            "cost", Formats.usd(q.costUsd()),
            "rows", number(q.rows()),
            "engine", Formats.duration(q.engineMillis()),
            "csv", export == null ? null : text(export.csv()),
            "jsonLines", export == null ? null : text(export.jsonLines()),
            "exportRows", export == null ? null : String.valueOf(export.rows())));
      }
      return rows;
    }

    /** Queries that did not succeed, with their state and reason, for the partial banner. */
    List<Map<String, Object>> notCompleted() {
      List<Map<String, Object>> rows = new ArrayList<>();
      for (QueryRun q : queries) {
        if (!SUCCEEDED.equals(q.state())) {
          rows.add(map("name", text(q.name()), "state", text(q.state()) == null ? "UNKNOWN" : q.state(),
              "reason", text(q.stateReason())));
        }
      }
      return rows;
    }
  }
}
