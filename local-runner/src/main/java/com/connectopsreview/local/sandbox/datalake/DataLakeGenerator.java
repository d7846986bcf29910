package com.connectopsreview.local.sandbox.datalake;

import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.ScenarioBasis;
import com.connectopsreview.local.sandbox.SandboxSize;
import com.connectopsreview.local.sandbox.Seeded;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.ActiveQueue;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.Column;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.DataLakeTable;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.Grant;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.LinkState;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.QueuePlant;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.Workgroup;
import com.connectopsreview.local.sandbox.entities.EntitiesDomain;
import com.connectopsreview.local.sandbox.flows.FlowsDomain;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link DataLakeDomain}: the data lake's tables (columns as the Connect admin guide's data
 * type definitions name them, only those the sandbox serves), their links and Lake Formation grants,
 * the workgroup, and the contact rows ({@link ContactRows}) over the entities domain's STANDARD queues
 * and the flows domain's flows. Tables, states and plants are the same for every seed and size.
 */
public final class DataLakeGenerator {

  /** Queues the contacts are routed to: the first STANDARD queues; plants at indexes 1, 2 and 3. */
  static final int SMALL_QUEUES = 8;
  static final int LARGE_QUEUES = 40;
  static final int ABANDONMENT_QUEUE = 1;
  static final int SERVICE_LEVEL_QUEUE = 2;
  static final int TRANSFER_QUEUE = 3;

  private DataLakeGenerator() {}

  public static DataLakeDomain generate(ScenarioBasis basis, Scenario earlier) {
    EntitiesDomain entities = EntitiesDomain.of(earlier);
    FlowsDomain flows = FlowsDomain.of(earlier);
    Instant created = basis.created().plus(Duration.ofDays(20));
    List<DataLakeTable> tables = tables(created);
    int active = Math.min(basis.size() == SandboxSize.SMALL ? SMALL_QUEUES : LARGE_QUEUES, entities.standardQueues());
    List<ActiveQueue> queues = new ArrayList<>();
    for (int i = 0; i < active; i++) {
      EntitiesDomain.Queue q = entities.queues().get(i);
      QueuePlant plant = switch (i) {
        case ABANDONMENT_QUEUE -> QueuePlant.HIGH_ABANDONMENT;
        case SERVICE_LEVEL_QUEUE -> QueuePlant.LOW_SERVICE_LEVEL;
        case TRANSFER_QUEUE -> QueuePlant.HIGH_TRANSFER_RATE;
        default -> QueuePlant.NONE;
      };
      queues.add(new ActiveQueue(q.id(), q.name(), plant));
    }
    Workgroup workgroup = new Workgroup(DataLakeDomain.WORKGROUP, "ENABLED",
        "s3://" + DataLakeDomain.RESULTS_BUCKET + "/athena/", "SSE_S3", true, created);
    Instant end = basis.end().truncatedTo(ChronoUnit.MILLIS);
    String otherInstance = Seeded.uuid(basis.seed(), "datalake-other-instance", 0);
    ContactRows rows = new ContactRows(basis.seed(), basis.size(), end, basis.instance().id(), otherInstance,
        queues, flows);
    return new DataLakeDomain(end, tables, grants(tables), workgroup, queues, otherInstance, rows::generate);
  }

  private static List<DataLakeTable> tables(Instant created) {
    Column instance = new Column("instance_id", "string");
    Column contact = new Column("contact_id", "string");
    Column user = new Column("user_id", "string");
    Column processed = new Column("data_lake_last_processed_timestamp", "timestamp");
    return List.of(
        new DataLakeTable("contact_record", List.of(contact, instance,
            new Column("initiation_timestamp", "timestamp"), new Column("disconnect_timestamp", "timestamp"),
            new Column("channel", "string"), new Column("initiation_method", "string"),
            new Column("disconnect_reason", "string"), new Column("queue_id", "string"),
            new Column("queue_name", "string"), new Column("queue_enqueue_timestamp", "timestamp"),
            new Column("queue_duration_ms", "bigint"), new Column("agent_connected_to_agent_timestamp", "timestamp"),
            new Column("transfer_completed_timestamp", "timestamp"),
            new Column("agent_interaction_duration_ms", "bigint"),
            new Column("agent_customer_hold_duration_ms", "bigint"),
            new Column("agent_after_contact_work_duration_ms", "bigint"), processed),
            LinkState.READY, created),
        new DataLakeTable("contact_flow_events", List.of(contact, instance, new Column("flow_resource_id", "string"),
            new Column("flow_type", "string"), new Column("start_timestamp", "timestamp"),
            new Column("end_timestamp", "timestamp")), LinkState.READY, created),
        new DataLakeTable("contact_statistic_record", List.of(contact, instance, new Column("queue_id", "string"),
            new Column("is_queued", "int"), new Column("is_abandoned", "int"),
            new Column("disconnect_timestamp", "timestamp")), LinkState.READY, created),
        new DataLakeTable("agent_statistic_record", List.of(instance, user, new Column("interval_start_time",
            "timestamp"), new Column("interval_end_time", "timestamp")), LinkState.READY, created),
        new DataLakeTable("users", List.of(instance, user, new Column("username", "string"), processed),
            LinkState.READY, created),
        new DataLakeTable("routing_profiles", List.of(instance, new Column("routing_profile_id", "string"),
            new Column("name", "string"), processed), LinkState.READY, created),
        new DataLakeTable("agent_queue_statistic_record", List.of(new Column("aqsr_statistic_id", "string"),
            instance, user, new Column("queue_id", "string"), new Column("interval_start_time", "timestamp")),
            LinkState.NO_STORAGE_DESCRIPTOR, created),
        new DataLakeTable("contact_evaluation_record", List.of(instance, contact,
            new Column("evaluation_id", "string")), LinkState.LAKE_FORMATION_DENIED, created));
  }

  /**
   * The local role: DESCRIBE on both databases and on every link (links take DESCRIBE only); DESCRIBE
   * and SELECT on every READY target; DESCRIBE alone on the broken link's target (its columns are not
   * granted, so GetTable answers no StorageDescriptor); nothing on the denied target. The administrator:
   * ALL, grantable, on the consumer database.
   */
  private static List<Grant> grants(List<DataLakeTable> tables) {
    String local = DataLakeDomain.LOCAL_ROLE_ARN;
    String consumer = Scenario.ACCOUNT_ID;
    String producer = DataLakeDomain.PRODUCER_ACCOUNT;
    List<Grant> grants = new ArrayList<>();
    grants.add(new Grant(local, consumer, DataLakeDomain.CONSUMER_DATABASE, null, List.of("DESCRIBE"), List.of()));
    grants.add(new Grant(DataLakeDomain.ADMIN_ROLE_ARN, consumer, DataLakeDomain.CONSUMER_DATABASE, null,
        List.of("ALL"), List.of("ALL")));
    grants.add(new Grant(local, producer, DataLakeDomain.PRODUCER_DATABASE, null, List.of("DESCRIBE"), List.of()));
    for (DataLakeTable t : tables) {
      grants.add(new Grant(local, consumer, DataLakeDomain.CONSUMER_DATABASE, t.linkName(), List.of("DESCRIBE"),
          List.of()));
      switch (t.state()) {
        case READY -> grants.add(new Grant(local, producer, DataLakeDomain.PRODUCER_DATABASE, t.name(),
            List.of("DESCRIBE", "SELECT"), List.of()));
        case NO_STORAGE_DESCRIPTOR -> grants.add(new Grant(local, producer, DataLakeDomain.PRODUCER_DATABASE,
            t.name(), List.of("DESCRIBE"), List.of()));
        case LAKE_FORMATION_DENIED -> { }
      }
    }
    return grants;
  }
}
