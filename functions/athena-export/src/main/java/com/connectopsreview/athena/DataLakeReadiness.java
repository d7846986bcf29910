package com.connectopsreview.athena;

import com.connectopsreview.shared.analyzer.Outcome;
import com.connectopsreview.shared.analyzer.ReadLog;
import com.connectopsreview.shared.aws.AwsErrors;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.sections.AthenaSection.DatabaseFacts;
import com.connectopsreview.shared.sections.AthenaSection.Readiness;
import com.connectopsreview.shared.sections.AthenaSection.TableRow;
import com.connectopsreview.shared.sections.AthenaSection.Target;
import com.connectopsreview.shared.sections.AthenaSection.Workgroup;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.GetWorkGroupRequest;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.DatabaseIdentifier;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetDatabaseRequest;
import software.amazon.awssdk.services.glue.model.GetTableRequest;
import software.amazon.awssdk.services.glue.model.GetTablesRequest;
import software.amazon.awssdk.services.glue.model.GetTablesResponse;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableIdentifier;

/**
 * Can Athena in this account read the data lake? Calls, in the instance's Region: Athena
 * {@code GetWorkGroup(WorkGroup)}; Glue {@code GetDatabase(Name)}; Glue {@code GetTables(DatabaseName)}
 * (every page); for each resource-link table, Glue {@code GetTable(CatalogId, DatabaseName, Name)} on
 * its target, in the target's Region; for a table Lake Formation refuses, Lake Formation
 * {@code ListPermissions} ({@link LakeFormationGrants}) to name what is missing. A read that fails goes
 * to errors[] (PARTIAL), except a Lake Formation denial and a missing database or link target, which
 * are findings.
 */
final class DataLakeReadiness {

  /** What was found. */
  record Facts(Workgroup workgroup, DatabaseFacts database, List<TableRow> tables, boolean tablesComplete,
      List<String> missingTables) {}

  private final ServiceClients clients;
  private final AthenaSettings settings;
  private final ReadLog log;
  private final AthenaReadinessRules rules;
  private final LakeFormationGrants grants;
  private final InstanceRef ref;
  private final List<Finding> findings;

  DataLakeReadiness(ServiceClients clients, AthenaSettings settings, ReadLog log, AthenaReadinessRules rules,
      LakeFormationGrants grants, InstanceRef ref, List<Finding> findings) {
    this.clients = clients;
    this.settings = settings;
    this.log = log;
    this.rules = rules;
    this.grants = grants;
    this.ref = ref;
    this.findings = findings;
  }

  Facts check() {
    Region region = Region.of(ref.region());
    Workgroup workgroup = readWorkgroup(region);
    GlueClient glue = clients.client(GlueClient.class, region);
    DatabaseFacts database = readDatabase(glue);
    List<TableRow> rows = new ArrayList<>();
    boolean complete = false;
    List<String> missing = List.of();
    if (database != null && database.found()) {
      complete = readTables(glue, rows);
      if (complete) {
        missing = missingTables(rows);
        if (!missing.isEmpty()) {
          findings.add(rules.tablesMissing(settings.database(), missing));
        } else if (rows.stream().allMatch(row -> row.readiness() == Readiness.READY)) {
          findings.add(rules.tablesReady(settings.database(), rows.size()));
        }
      }
    }
    return new Facts(workgroup, database, rows, complete, missing);
  }

  private Workgroup readWorkgroup(Region region) {
    AthenaClient athena = clients.client(AthenaClient.class, region);
    String what = "Athena workgroup " + settings.workgroup();
    Outcome<Workgroup> read = log.attempt(what, () -> AthenaReadinessRules.workgroup(athena.getWorkGroup(
        GetWorkGroupRequest.builder().workGroup(settings.workgroup()).build()).workGroup(), settings));
    if (!read.isOk()) {
      if (!read.isOutOfTime()) {
        log.error(what + " not read (Athena GetWorkGroup: " + read.reason() + "); its readiness was not checked");
      }
      return null;
    }
    findings.addAll(rules.workgroupFindings(read.get()));
    return read.get();
  }

  private DatabaseFacts readDatabase(GlueClient glue) {
    String database = settings.database();
    String what = "Glue database " + database;
    Outcome<Database> read = log.attempt(what, () -> glue.getDatabase(GetDatabaseRequest.builder()
        .name(database).build()).database());
    if (read.isOk()) {
      DatabaseIdentifier target = read.get().targetDatabase();
      return new DatabaseFacts(database, true, target != null, target == null ? null
          : new Target(target.catalogId(), target.databaseName(), null, target.region()));
    }
    if (AwsErrors.isNotFound(read.error()) || isEntityNotFound(read.error())) {
      findings.add(rules.databaseNotFound(database));
      return new DatabaseFacts(database, false, false, null);
    }
    if (AthenaReadinessRules.isLakeFormationDenial(read.error())) {
      findings.add(rules.lakeFormationDenied("Glue GetDatabase", "DESCRIBE", "database " + database,
          rules.databaseArn(ref.region(), ref.accountId(), database), read.reason(), null));
    } else if (!read.isOutOfTime()) {
      log.error(what + " not read (Glue GetDatabase: " + read.reason() + "); its tables were not checked");
    }
    return null;
  }

  /** Lists the tables and checks each; true when every page was read. */
  private boolean readTables(GlueClient glue, List<TableRow> rows) {
    String database = settings.database();
    List<Table> tables = new ArrayList<>();
    Outcome<Void> listed = log.attempt("tables of Glue database " + database, () -> {
      for (GetTablesResponse page : log.pages("Glue GetTables",
          glue.getTablesPaginator(GetTablesRequest.builder().databaseName(database).build()))) {
        tables.addAll(page.tableList());
      }
      return null;
    });
    if (!listed.isOk()) {
      if (AthenaReadinessRules.isLakeFormationDenial(listed.error())) {
        findings.add(rules.lakeFormationDenied("Glue GetTables", "DESCRIBE", "the tables of database " + database,
            rules.databaseArn(ref.region(), ref.accountId(), database), listed.reason(), null));
      } else if (!listed.isOutOfTime()) {
        log.error("tables of Glue database " + database + " not all listed (Glue GetTables: " + listed.reason()
            + "); " + tables.size() + " read, missing tables not judged");
      }
    }
    for (Table table : tables) {
      rows.add(checkTable(table));
    }
    return listed.isOk();
  }

  private TableRow checkTable(Table table) {
    String database = settings.database();
    TableIdentifier link = table.targetTable();
    if (link == null) {
      if (table.storageDescriptor() == null) {
        findings.add(rules.noStorageDescriptor(database, table.name(), null));
        return new TableRow(table.name(), false, null, Readiness.NO_STORAGE_DESCRIPTOR, "no StorageDescriptor");
      }
      return new TableRow(table.name(), false, null, Readiness.READY, null);
    }
    String targetRegion = link.region() == null ? ref.region() : link.region();
    Target target = new Target(link.catalogId(), link.databaseName(), link.name(), link.region());
    GlueClient targetGlue = clients.client(GlueClient.class, Region.of(targetRegion));
    String what = "target of resource link " + database + "." + table.name();
    Outcome<Table> read = log.attempt(what, () -> targetGlue.getTable(GetTableRequest.builder()
        .catalogId(link.catalogId()).databaseName(link.databaseName()).name(link.name()).build()).table());
    if (read.isOk()) {
      if (read.get().storageDescriptor() == null) {
        findings.add(rules.noStorageDescriptor(database, table.name(), target));
        return new TableRow(table.name(), true, target, Readiness.NO_STORAGE_DESCRIPTOR,
            "GetTable on the target answers no StorageDescriptor");
      }
      return new TableRow(table.name(), true, target, Readiness.READY, null);
    }
    if (AthenaReadinessRules.isLakeFormationDenial(read.error())) {
      LakeFormationGrants.Held held = grants.onTable(link.catalogId(), link.databaseName(), link.name());
      findings.add(rules.lakeFormationDenied("Glue GetTable", "DESCRIBE", AthenaReadinessRules.describe(target),
          rules.tableArn(targetRegion, link.catalogId(), link.databaseName(), link.name()), read.reason(), held));
      return new TableRow(table.name(), true, target, Readiness.LAKE_FORMATION_DENIED, read.reason());
    }
    if (isEntityNotFound(read.error())) {
      findings.add(rules.targetNotFound(database, table.name(), target));
      return new TableRow(table.name(), true, target, Readiness.TARGET_NOT_FOUND, read.reason());
    }
    if (!read.isOutOfTime()) {
      log.error(what + " not read (Glue GetTable: " + read.reason() + ")");
    }
    return new TableRow(table.name(), true, target, Readiness.NOT_EXAMINED, read.reason());
  }

  /** Required tables neither listed by name nor the target of a listed resource link. */
  static List<String> missingTables(List<TableRow> rows) {
    Set<String> present = new HashSet<>();
    for (TableRow row : rows) {
      present.add(row.name());
      if (row.target() != null && row.target().name() != null) {
        present.add(row.target().name());
      }
    }
    return AthenaReadinessRules.REQUIRED_TABLES.stream().filter(name -> !present.contains(name)).toList();
  }

  /** Glue's "no such database/table" is EntityNotFoundException, not ResourceNotFoundException. */
  static boolean isEntityNotFound(RuntimeException error) {
    return error instanceof EntityNotFoundException || error instanceof AwsServiceException aws
        && aws.awsErrorDetails() != null && "EntityNotFoundException".equals(aws.awsErrorDetails().errorCode());
  }
}
