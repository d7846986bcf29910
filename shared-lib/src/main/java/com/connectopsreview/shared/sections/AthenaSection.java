package com.connectopsreview.shared.sections;

import java.util.List;

/**
 * The {@code data} payload of the {@code athena} component: whether the Amazon Connect analytics data
 * lake can be queried from this account through Athena: the workgroup, the Glue database (often a
 * resource link to the producer account's database) and its tables, each with its readiness. The
 * shape is documented in docs/checks.md (section "athena", "Data payload").
 *
 * @param settings the function's settings as read from its environment
 * @param workgroup what GetWorkGroup answered; null when off or not read
 * @param database what GetDatabase answered; null when off or not read
 * @param tables one row per table GetTables listed, in the order listed
 * @param tablesComplete true when every GetTables page was read
 * @param requiredTables the data lake tables the KPI queries need
 * @param missingTables required tables neither listed nor the target of a listed resource link
 *     (empty when the listing is incomplete: absence is then not known)
 */
public record AthenaSection(
    Settings settings,
    Workgroup workgroup,
    DatabaseFacts database,
    List<TableRow> tables,
    boolean tablesComplete,
    List<String> requiredTables,
    List<String> missingTables) implements Section {

  public static final int SCHEMA_VERSION = 1;

  @Override
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }

  /**
   * @param enabled false when no database is configured (the component is SKIPPED)
   * @param database ATHENA_DATABASE
   * @param workgroup ATHENA_WORKGROUP
   * @param outputLocation ATHENA_OUTPUT_LOCATION, null when unset
   * @param dataLakeRoleArn DATALAKE_ROLE_ARN, null when unset (not assumed yet)
   */
  public record Settings(boolean enabled, String database, String workgroup, String outputLocation,
      String dataLakeRoleArn) {}

  /**
   * @param name the workgroup
   * @param state ENABLED or DISABLED, as GetWorkGroup spells it
   * @param outputLocation the workgroup's ResultConfiguration.OutputLocation, null when none
   * @param encryptionOption SSE_S3, SSE_KMS or CSE_KMS; null when the results are not encrypted
   * @param enforceWorkGroupConfiguration whether the workgroup's settings override the client's
   * @param managedQueryResults whether Athena manages the results itself (no output location needed)
   * @param effectiveOutputLocation where query results go: the workgroup's location, else (when not
   *     enforced) ATHENA_OUTPUT_LOCATION; null when none
   */
  public record Workgroup(String name, String state, String outputLocation, String encryptionOption,
      boolean enforceWorkGroupConfiguration, boolean managedQueryResults, String effectiveOutputLocation) {}

  /**
   * @param name the database named by ATHENA_DATABASE
   * @param found false when Glue answered EntityNotFoundException
   * @param resourceLink true when the database is a resource link (TargetDatabase present)
   * @param target the linked database, null when not a link
   */
  public record DatabaseFacts(String name, boolean found, boolean resourceLink, Target target) {}

  /** A resource link's target (Glue DatabaseIdentifier / TableIdentifier). */
  public record Target(String catalogId, String databaseName, String name, String region) {}

  /**
   * @param name the table as listed
   * @param resourceLink true when the table is a resource link (TargetTable present)
   * @param target the linked table, null when not a link
   * @param readiness whether Athena can read its metadata
   * @param reason one line on why it is not READY, null when READY
   */
  public record TableRow(String name, boolean resourceLink, Target target, Readiness readiness, String reason) {}

  /** Whether a table's metadata is usable by Athena. */
  public enum Readiness {
    /** Columns and location known (StorageDescriptor present). */
    READY,
    /** The table (or a link's target) has no StorageDescriptor: Athena fails with "Table StorageDescriptor is null". */
    NO_STORAGE_DESCRIPTOR,
    /** Lake Formation refused the table's metadata to this role. */
    LAKE_FORMATION_DENIED,
    /** The link's target table does not exist. */
    TARGET_NOT_FOUND,
    /** Not read (error or time budget; see errors[]). */
    NOT_EXAMINED
  }

  /** Check ids of the {@code athena} component (docs/checks.md). */
  public static final class CheckIds {

    public static final String WORKGROUP_DISABLED = "ATHENA.WORKGROUP.DISABLED";
    public static final String WORKGROUP_NO_RESULT_LOCATION = "ATHENA.WORKGROUP.NO_RESULT_LOCATION";
    public static final String WORKGROUP_RESULTS_NOT_ENCRYPTED = "ATHENA.WORKGROUP.RESULTS_NOT_ENCRYPTED";
    public static final String WORKGROUP_READY = "ATHENA.WORKGROUP.READY";
    public static final String DATABASE_NOT_FOUND = "ATHENA.DATABASE.NOT_FOUND";
    public static final String RESOURCE_LINK_NO_STORAGE_DESCRIPTOR = "ATHENA.RESOURCE_LINK.NO_STORAGE_DESCRIPTOR";
    public static final String RESOURCE_LINK_TARGET_NOT_FOUND = "ATHENA.RESOURCE_LINK.TARGET_NOT_FOUND";
    public static final String LAKE_FORMATION_DENIED = "ATHENA.LAKE_FORMATION.DENIED";
    public static final String TABLES_MISSING = "ATHENA.TABLES.MISSING";
    public static final String TABLES_READY = "ATHENA.TABLES.READY";

    private CheckIds() {}
  }
}
