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
 * @param resultsBucket the query results bucket's lifecycle facts; null when not read or not applicable
 * @param queries one entry per named KPI query, in the order they are defined; empty when none ran
 * @param kpis the contact outcomes computed from the queries' results; null when no query succeeded
 * @param dataScannedBytes data scanned by every query of this run (Athena bills by it)
 * @param costUsd the scan's cost at {@link Thresholds#pricePerTerabyteUsd} (10 MB minimum per query)
 * @param exportOnly true for an export run (the scheduled export): no KPI threshold findings
 */
public record AthenaSection(
    Settings settings,
    Workgroup workgroup,
    DatabaseFacts database,
    List<TableRow> tables,
    boolean tablesComplete,
    List<String> requiredTables,
    List<String> missingTables,
    ResultsBucket resultsBucket,
    List<QueryRun> queries,
    Kpis kpis,
    long dataScannedBytes,
    double costUsd,
    boolean exportOnly) implements Section {

  public static final int SCHEMA_VERSION = 2;

  @Override
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }

  /**
   * @param enabled false when no database is configured (the component is SKIPPED)
   * @param database ATHENA_DATABASE
   * @param workgroup ATHENA_WORKGROUP
   * @param outputLocation ATHENA_OUTPUT_LOCATION, null when unset
   * @param dataLakeRoleArn DATALAKE_ROLE_ARN, the role assumed for Glue, Lake Formation and Athena; null when unset
   * @param thresholds what the KPIs are judged against
   */
  public record Settings(boolean enabled, String database, String workgroup, String outputLocation,
      String dataLakeRoleArn, Thresholds thresholds) {}

  /**
   * The configurable KPI thresholds (environment ATHENA_*; docs/checks.md, section "athena").
   *
   * @param serviceLevelSeconds a contact answered within this many seconds in queue counts toward service level
   * @param serviceLevelTargetPct below this service level a queue gets a finding
   * @param shortAbandonSeconds an abandon sooner than this is "short" (a misdial, an instant hang-up)
   * @param abandonmentRateMaxPct above this abandonment rate (short abandons excluded) a queue gets a finding
   * @param transferRateMaxPct above this share of answered contacts transferred a queue gets a finding
   * @param minQueuedContacts a queue with fewer contacts queued in the window is not judged (too few to mean anything)
   * @param maxConcurrentQueries queries running at once (Athena's active-query quota is per account and shared)
   * @param pricePerTerabyteUsd Athena's price per TB scanned, for the cost estimate
   */
  public record Thresholds(int serviceLevelSeconds, double serviceLevelTargetPct, int shortAbandonSeconds,
      double abandonmentRateMaxPct, double transferRateMaxPct, int minQueuedContacts, int maxConcurrentQueries,
      double pricePerTerabyteUsd) {}

  /**
   * @param bucket the bucket of the effective output location
   * @param lifecycleRules enabled lifecycle rules (GetBucketLifecycleConfiguration), 0 when none
   * @param expiresObjects true when an enabled rule expires current objects
   */
  public record ResultsBucket(String bucket, int lifecycleRules, boolean expiresObjects) {}

  /**
   * One named query's execution.
   *
   * @param name the query's name (its resource file, e.g. {@code queue_kpis})
   * @param tables the data lake tables it reads, as resolved in the database (a link's own name)
   * @param executionId Athena's QueryExecutionId; null when never started
   * @param state Athena's QueryExecutionState (QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED) or
   *     NOT_STARTED (a table was not queryable) or TIMED_OUT (stopped at the time budget)
   * @param stateReason Athena's StateChangeReason or ours; null when SUCCEEDED
   * @param dataScannedBytes Statistics.DataScannedInBytes; null when unknown
   * @param costUsd the scan's cost; null when unknown
   * @param engineMillis Statistics.EngineExecutionTimeInMillis; null when unknown
   * @param rows result rows (header excluded); null when the results were not read
   * @param export where the rows were exported; null when not exported
   */
  public record QueryRun(String name, List<String> tables, String executionId, String state, String stateReason,
      Long dataScannedBytes, Double costUsd, Long engineMillis, Integer rows, Export export) {}

  /**
   * @param csv the CSV export's location (RFC 4180, header row)
   * @param jsonLines the JSON Lines export's location (one object per row, keys the column names)
   * @param rows rows in each export (equal to the query's result rows)
   */
  public record Export(String csv, String jsonLines, int rows) {}

  /**
   * Contact outcomes over the review window, from the {@code queue_kpis}, {@code contact_volume} and
   * {@code flow_disconnects} results. A list is empty when its query did not succeed.
   *
   * @param byQueue one row per queue (day null), busiest first
   * @param byDay one row per UTC day (queue null), in date order
   * @param total every queue and day together; null when queue_kpis did not succeed
   * @param volume contacts per day, queue and channel, as queried
   * @param flowDisconnects contacts that ended in a flow, per flow, most first
   */
  public record Kpis(List<KpiRow> byQueue, List<KpiRow> byDay, KpiRow total, List<VolumeRow> volume,
      List<FlowDisconnectRow> flowDisconnects) {}

  /**
   * Queue KPIs for one queue, one day, or all. Rates are percentages with one decimal; null when their
   * denominator is 0. Durations are average seconds per answered contact.
   *
   * @param abandonmentRatePct abandoned / queued
   * @param abandonmentRateExShortPct (abandoned - short abandoned) / (queued - short abandoned)
   * @param serviceLevelPct answered within the threshold / queued (Connect's "Service level X", and the data
   *     lake's reference query)
   * @param transferRatePct transferred / answered
   * @param averageHandleSeconds talk + hold + after-contact work
   */
  public record KpiRow(String day, String queueId, String queueName, long queued, long answered,
      long answeredInThreshold, long abandoned, long shortAbandoned, long transferred, Double abandonmentRatePct,
      Double abandonmentRateExShortPct, Double serviceLevelPct, Double transferRatePct, Double averageTalkSeconds,
      Double averageHoldSeconds, Double averageAfterContactWorkSeconds, Double averageHandleSeconds) {}

  /** One row of {@code contact_volume}: contacts of one day, queue ("" = none) and channel. */
  public record VolumeRow(String day, String queueId, String queueName, String channel, long contacts, long inbound,
      long outbound, long transfers, long callbacks) {}

  /** One row of {@code flow_disconnects}: contacts whose last flow was this one and that never reached a queue. */
  public record FlowDisconnectRow(String flowId, String flowType, long contactsEndedInFlow, long customerDisconnects,
      long flowDisconnects, long otherDisconnects) {}

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
    public static final String RESULTS_BUCKET_NO_LIFECYCLE = "ATHENA.RESULTS_BUCKET.NO_LIFECYCLE";
    public static final String QUERY_FAILED = "ATHENA.QUERY.FAILED";
    public static final String QUERY_TIMED_OUT = "ATHENA.QUERY.TIMED_OUT";
    public static final String KPI_ABANDONMENT_HIGH = "ATHENA.KPI.ABANDONMENT_HIGH";
    public static final String KPI_SERVICE_LEVEL_LOW = "ATHENA.KPI.SERVICE_LEVEL_LOW";
    public static final String KPI_TRANSFER_RATE_HIGH = "ATHENA.KPI.TRANSFER_RATE_HIGH";
    public static final String KPI_WITHIN_THRESHOLDS = "ATHENA.KPI.WITHIN_THRESHOLDS";

    private CheckIds() {}
  }
}
