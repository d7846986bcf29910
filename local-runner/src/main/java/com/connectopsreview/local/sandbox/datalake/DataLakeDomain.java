package com.connectopsreview.local.sandbox.datalake;

import com.connectopsreview.local.sandbox.PlantedProblems;
import com.connectopsreview.local.sandbox.SandboxDomain;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.local.sandbox.server.Pager;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The Amazon Connect analytics data lake as a consumer account sees it (seed 000): the producer
 * account's Glue database {@value #PRODUCER_DATABASE} (catalog {@value #PRODUCER_ACCOUNT}), shared
 * into this account's database {@value #CONSUMER_DATABASE} as one resource link per table
 * ({@code <table>_link}); Lake Formation grants on links and targets; the Athena workgroup
 * {@value #WORKGROUP} and its results bucket; and the rows of {@code contact_record} and
 * {@code contact_flow_events} the KPI queries read.
 *
 * <p>Planted ({@link PlantedProblems#athena()}): one link whose target answers no StorageDescriptor,
 * one table Lake Formation denies, a results bucket without a lifecycle rule, and three queues whose
 * contact outcomes break the KPI thresholds ({@link QueuePlant}). The rows are generated when first
 * read (LARGE has about 46,000 contacts): a pure function of the seed, the size and the scenario's end.
 */
public final class DataLakeDomain implements SandboxDomain {

  public static final String PRODUCER_ACCOUNT = "111111111111";
  public static final String PRODUCER_DATABASE = "connect_datalake";
  public static final String CONSUMER_DATABASE = "connect_analytics_consumer";
  public static final String WORKGROUP = "primary";
  /** The role the local runner's identity is a session of (STS GetCallerIdentity); Lake Formation's principal. */
  public static final String LOCAL_ROLE_ARN = "arn:aws:iam::" + Scenario.ACCOUNT_ID + ":role/ConnectOpsReviewLocal";
  public static final String LOCAL_SESSION_ARN =
      "arn:aws:sts::" + Scenario.ACCOUNT_ID + ":assumed-role/ConnectOpsReviewLocal/local";
  /** A data lake administrator, so that an unfiltered ListPermissions answers more than the local role. */
  public static final String ADMIN_ROLE_ARN = "arn:aws:iam::" + Scenario.ACCOUNT_ID + ":role/DataLakeAdmin";
  public static final String RESULTS_BUCKET = "connect-ops-review-athena-results-" + Scenario.ACCOUNT_ID;
  /** How long (real time) a query takes once polled past RUNNING: keeps the sandbox review fast. */
  public static final Duration QUERY_RUN_TIME = Duration.ofMillis(300);

  /** What Glue answers about a link's target table. */
  public enum LinkState {
    /** GetTable on the target answers its StorageDescriptor. */
    READY,
    /** GetTable on the target answers no StorageDescriptor (Athena: "Table StorageDescriptor is null"). */
    NO_STORAGE_DESCRIPTOR,
    /** GetTable on the target is Lake Formation's AccessDeniedException; no grant on it. */
    LAKE_FORMATION_DENIED
  }

  /** The KPI plant a queue carries; {@code NONE} for the others. */
  public enum QueuePlant { NONE, HIGH_ABANDONMENT, LOW_SERVICE_LEVEL, HIGH_TRANSFER_RATE }

  /** A Glue column: name and Hive type ({@code string}, {@code bigint}, {@code timestamp}, {@code int}). */
  public record Column(String name, String type) {}

  /**
   * A table of the producer's data lake database and its resource link in the consumer database.
   *
   * @param name as the Connect admin guide names it ({@code contact_record})
   */
  public record DataLakeTable(String name, List<Column> columns, LinkState state, Instant created) {

    public DataLakeTable {
      columns = List.copyOf(columns);
    }

    /** The resource link's name in {@link #CONSUMER_DATABASE}. */
    public String linkName() {
      return name + "_link";
    }

    /** The table's S3 location in the producer account. */
    public String location() {
      return "s3://connect-datalake-" + PRODUCER_ACCOUNT + "/" + PRODUCER_DATABASE + "/" + name + "/";
    }

    public Optional<Column> column(String columnName) {
      return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }
  }

  /**
   * A Lake Formation grant.
   *
   * @param table null for a grant on the database itself
   */
  public record Grant(String principal, String catalogId, String database, String table, List<String> permissions,
      List<String> grantable) {

    public Grant {
      permissions = List.copyOf(permissions);
      grantable = List.copyOf(grantable);
    }
  }

  /** The Athena workgroup, as GetWorkGroup describes it. */
  public record Workgroup(String name, String state, String outputLocation, String encryptionOption,
      boolean enforceWorkGroupConfiguration, Instant created) {}

  /** A queue the contacts are routed to, with the KPI plant it carries. */
  public record ActiveQueue(String id, String name, QueuePlant plant) {}

  /**
   * One delivered row of {@code contact_record} (the columns the KPI queries read, named as the data
   * lake does). A contact delivered twice has two rows with the same contact id.
   */
  public record ContactRecord(
      String contactId, String instanceId, Instant initiationTimestamp, Instant disconnectTimestamp, String channel,
      String initiationMethod, String disconnectReason, String queueId, String queueName,
      Instant queueEnqueueTimestamp, Long queueDurationMs, Instant agentConnectedToAgentTimestamp,
      Instant transferCompletedTimestamp, Long agentInteractionDurationMs, Long agentCustomerHoldDurationMs,
      Long agentAfterContactWorkDurationMs, Instant dataLakeLastProcessedTimestamp) {}

  /** One row of {@code contact_flow_events}: a contact's pass through a flow. */
  public record FlowEvent(String contactId, String instanceId, String flowResourceId, String flowType,
      Instant startTimestamp, Instant endTimestamp) {}

  /** The rows of the two tables the KPI queries read. */
  public record Rows(List<ContactRecord> contacts, List<FlowEvent> flowEvents) {

    public Rows {
      contacts = List.copyOf(contacts);
      flowEvents = List.copyOf(flowEvents);
    }
  }

  private final Instant end;
  private final List<DataLakeTable> tables;
  private final List<Grant> grants;
  private final Workgroup workgroup;
  private final List<ActiveQueue> queues;
  private final String otherInstanceId;
  private final Supplier<Rows> generateRows;
  private volatile Rows rows;

  DataLakeDomain(Instant end, List<DataLakeTable> tables, List<Grant> grants, Workgroup workgroup,
      List<ActiveQueue> queues, String otherInstanceId, Supplier<Rows> generateRows) {
    this.end = end;
    this.tables = List.copyOf(tables);
    this.grants = List.copyOf(grants);
    this.workgroup = workgroup;
    this.queues = List.copyOf(queues);
    this.otherInstanceId = otherInstanceId;
    this.generateRows = generateRows;
  }

  /** The named queries the sandbox's Athena evaluates (their {@code -- query:} names). */
  public static List<String> queryNames() {
    return java.util.Arrays.stream(KpiQueries.Query.values()).map(q -> q.queryName).toList();
  }

  public static DataLakeDomain of(Scenario scenario) {
    return scenario.domain(DataLakeDomain.class);
  }

  /** Where the contacts end: the scenario's end, to the millisecond; contacts start 30 days (and a few 33) before. */
  public Instant end() {
    return end;
  }

  /** The data lake's tables, in the order GetTables lists their links. */
  public List<DataLakeTable> tables() {
    return tables;
  }

  public Optional<DataLakeTable> table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The table whose resource link is {@code linkName}. */
  public Optional<DataLakeTable> tableOfLink(String linkName) {
    return tables.stream().filter(t -> t.linkName().equals(linkName)).findFirst();
  }

  public List<DataLakeTable> tablesIn(LinkState state) {
    return tables.stream().filter(t -> t.state() == state).toList();
  }

  /** Every Lake Formation grant of the account, databases first. */
  public List<Grant> grants() {
    return grants;
  }

  public Workgroup workgroup() {
    return workgroup;
  }

  /** The queues the contacts are routed to (STANDARD queues of the entities domain), plants among them. */
  public List<ActiveQueue> queues() {
    return queues;
  }

  /** The queue carrying {@code plant}. */
  public ActiveQueue plantedQueue(QueuePlant plant) {
    return queues.stream().filter(q -> q.plant() == plant).findFirst().orElseThrow();
  }

  /** The instance id of the rows that belong to another instance of the account (to be filtered out). */
  public String otherInstanceId() {
    return otherInstanceId;
  }

  /** The rows of contact_record and contact_flow_events (generated on first use). */
  public Rows rows() {
    Rows r = rows;
    if (r == null) {
      synchronized (this) {
        r = rows;
        if (r == null) {
          r = generateRows.get();
          rows = r;
        }
      }
    }
    return r;
  }

  /** The contact records hold ids, timestamps and outcomes only: no customer data is planted here. */
  public List<String> plantedCustomerData() {
    return List.of();
  }

  @Override
  public void register(OperationRegistry registry, Scenario scenario, Pager pager) {
    new GlueApi(this, pager).register(registry);
    new LakeFormationApi(this, pager).register(registry);
    new AthenaApi(this, pager).register(registry);
    new StsApi().register(registry);
    new S3Api().register(registry);
  }

  /** Times are written as milliseconds before the scenario's end, so the dump depends on the seed and size alone. */
  @Override
  public void writeJson(JsonGenerator g) throws IOException {
    g.writeObjectField("dataLakeTables", tables);
    g.writeObjectField("lakeFormationGrants", grants);
    g.writeObjectField("athenaWorkgroup", Map.of("name", workgroup.name(), "state", workgroup.state(),
        "outputLocation", workgroup.outputLocation(), "encryptionOption", workgroup.encryptionOption()));
    g.writeObjectField("dataLakeQueues", queues);
    g.writeArrayFieldStart("contactRecords");
    for (ContactRecord c : rows().contacts()) {
      g.writeStartArray();
      g.writeString(c.contactId());
      g.writeString(c.instanceId());
      writeTime(g, c.initiationTimestamp());
      writeTime(g, c.disconnectTimestamp());
      g.writeString(c.channel());
      g.writeString(c.initiationMethod());
      g.writeString(c.disconnectReason());
      g.writeString(c.queueId());
      writeTime(g, c.queueEnqueueTimestamp());
      writeNumber(g, c.queueDurationMs());
      writeTime(g, c.agentConnectedToAgentTimestamp());
      writeTime(g, c.transferCompletedTimestamp());
      writeNumber(g, c.agentInteractionDurationMs());
      writeNumber(g, c.agentCustomerHoldDurationMs());
      writeNumber(g, c.agentAfterContactWorkDurationMs());
      writeTime(g, c.dataLakeLastProcessedTimestamp());
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("contactFlowEvents");
    for (FlowEvent e : rows().flowEvents()) {
      g.writeStartArray();
      g.writeString(e.contactId());
      g.writeString(e.flowResourceId());
      writeTime(g, e.startTimestamp());
      writeTime(g, e.endTimestamp());
      g.writeEndArray();
    }
    g.writeEndArray();
  }

  private void writeTime(JsonGenerator g, Instant t) throws IOException {
    if (t == null) {
      g.writeNull();
    } else {
      g.writeNumber(Duration.between(t, end).toMillis());
    }
  }

  private static void writeNumber(JsonGenerator g, Long n) throws IOException {
    if (n == null) {
      g.writeNull();
    } else {
      g.writeNumber(n);
    }
  }
}
