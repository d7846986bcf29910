package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.datalake.DataLakeDomain;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.DataLakeTable;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.LinkState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.EncryptionOption;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.WorkGroup;
import software.amazon.awssdk.services.athena.model.WorkGroupState;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetTablesResponse;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.ListPermissionsResponse;
import software.amazon.awssdk.services.lakeformation.model.Permission;
import software.amazon.awssdk.services.lakeformation.model.PrincipalResourcePermissions;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * The data lake's catalog side through the real SDK clients: Glue (JSON 1.1) GetDatabase, GetTables
 * (paged), GetTable on the ready, broken and denied links' targets; Lake Formation (REST-JSON)
 * ListPermissions; Athena GetWorkGroup; STS (query) GetCallerIdentity; S3 (REST-XML, path-style)
 * GetBucketLifecycleConfiguration. The query executions are in {@link SandboxAthenaWireTest}.
 */
@ExtendWith(LoopbackGuardExtension.class)
class SandboxDataLakeWireTest {

  private static Sandbox sandbox;
  private static SandboxClients clients;
  private static DataLakeDomain lake;

  @BeforeAll
  static void startSandbox() {
    sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL));
    clients = SandboxClients.unlimited(sandbox);
    lake = DataLakeDomain.of(sandbox.scenario());
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  private static GlueClient glue() {
    return clients.aws().client(GlueClient.class, SandboxClients.REGION, GlueClient::builder);
  }

  @Test
  void getTables_pagesThroughEveryLinkWithItsTarget() {
    List<String> names = new ArrayList<>();
    int pages = 0;
    for (GetTablesResponse page : glue().getTablesPaginator(b -> b.databaseName(DataLakeDomain.CONSUMER_DATABASE)
        .maxResults(3))) {
      pages++;
      assertTrue(page.tableList().size() <= 3);
      for (Table t : page.tableList()) {
        names.add(t.name());
        assertEquals(DataLakeDomain.PRODUCER_ACCOUNT, t.targetTable().catalogId(), t.name());
        assertEquals(DataLakeDomain.PRODUCER_DATABASE, t.targetTable().databaseName());
        assertEquals(t.name(), t.targetTable().name() + "_link");
        assertEquals(Scenario.REGION, t.targetTable().region());
        assertNull(t.storageDescriptor(), "a link has no StorageDescriptor of its own");
      }
    }
    assertEquals(lake.tables().stream().map(DataLakeTable::linkName).toList(), names);
    assertEquals((names.size() + 2) / 3, pages, "NextToken followed");
    assertTrue(names.containsAll(List.of("contact_record_link", "contact_flow_events_link",
        "agent_queue_statistic_record_link", "contact_evaluation_record_link")), names::toString);
    // Without MaxResults: Glue's default page of 100 holds them all.
    GetTablesResponse all = glue().getTables(b -> b.databaseName(DataLakeDomain.CONSUMER_DATABASE));
    assertEquals(names.size(), all.tableList().size());
    assertNull(all.nextToken());
    assertThrows(GlueException.class, () -> glue().getTables(b -> b.databaseName(DataLakeDomain.CONSUMER_DATABASE)
        .maxResults(101)));
  }

  @Test
  void getTable_onTheTargets_readyBrokenAndDenied() {
    Table ready = glue().getTable(b -> b.catalogId(DataLakeDomain.PRODUCER_ACCOUNT)
        .databaseName(DataLakeDomain.PRODUCER_DATABASE).name("contact_record")).table();
    List<String> columns = ready.storageDescriptor().columns().stream().map(c -> c.name()).toList();
    assertTrue(columns.containsAll(List.of("contact_id", "instance_id", "initiation_timestamp", "queue_id",
        "queue_enqueue_timestamp", "agent_connected_to_agent_timestamp", "data_lake_last_processed_timestamp")),
        columns::toString);
    assertEquals("timestamp", ready.storageDescriptor().columns().stream()
        .filter(c -> c.name().equals("initiation_timestamp")).findFirst().orElseThrow().type());
    assertNotNull(glue().getTable(b -> b.catalogId(DataLakeDomain.PRODUCER_ACCOUNT)
        .databaseName(DataLakeDomain.PRODUCER_DATABASE).name("contact_flow_events")).table().storageDescriptor());

    DataLakeTable broken = lake.tablesIn(LinkState.NO_STORAGE_DESCRIPTOR).get(0);
    assertEquals("agent_queue_statistic_record", broken.name());
    Table brokenTarget = glue().getTable(b -> b.catalogId(DataLakeDomain.PRODUCER_ACCOUNT)
        .databaseName(DataLakeDomain.PRODUCER_DATABASE).name(broken.name())).table();
    assertNull(brokenTarget.storageDescriptor(), "the broken link's target answers no StorageDescriptor");

    DataLakeTable denied = lake.tablesIn(LinkState.LAKE_FORMATION_DENIED).get(0);
    assertEquals("contact_evaluation_record", denied.name());
    GlueException lf = assertThrows(GlueException.class, () -> glue().getTable(b -> b
        .catalogId(DataLakeDomain.PRODUCER_ACCOUNT).databaseName(DataLakeDomain.PRODUCER_DATABASE)
        .name(denied.name())));
    assertEquals("AccessDeniedException", lf.awsErrorDetails().errorCode());
    assertEquals(400, lf.statusCode());
    assertTrue(lf.awsErrorDetails().errorMessage().toLowerCase(Locale.ROOT).contains("lake formation"),
        lf.getMessage());

    Table link = glue().getTable(b -> b.databaseName(DataLakeDomain.CONSUMER_DATABASE).name("contact_record_link"))
        .table();
    assertEquals("contact_record", link.targetTable().name());
    assertThrows(EntityNotFoundException.class, () -> glue().getTable(b -> b
        .databaseName(DataLakeDomain.CONSUMER_DATABASE).name("no_such_link")));
  }

  @Test
  void getDatabase_consumerAndProducer_andAnUnknownOne() {
    assertEquals(Scenario.ACCOUNT_ID, glue().getDatabase(b -> b.name(DataLakeDomain.CONSUMER_DATABASE)).database()
        .catalogId());
    assertNull(glue().getDatabase(b -> b.name(DataLakeDomain.CONSUMER_DATABASE)).database().targetDatabase());
    assertEquals(DataLakeDomain.PRODUCER_ACCOUNT, glue().getDatabase(b -> b.name(DataLakeDomain.PRODUCER_DATABASE)
        .catalogId(DataLakeDomain.PRODUCER_ACCOUNT)).database().catalogId());
    EntityNotFoundException missing = assertThrows(EntityNotFoundException.class,
        () -> glue().getDatabase(b -> b.name("nope")));
    assertEquals(400, missing.statusCode());
    // The producer's listing leaves out the table Lake Formation denies.
    List<String> producerTables = glue().getTables(b -> b.catalogId(DataLakeDomain.PRODUCER_ACCOUNT)
        .databaseName(DataLakeDomain.PRODUCER_DATABASE)).tableList().stream().map(Table::name).toList();
    assertFalse(producerTables.contains("contact_evaluation_record"), producerTables::toString);
    assertTrue(producerTables.contains("agent_queue_statistic_record"));
  }

  @Test
  void listPermissions_readyTablesGrantDescribeAndSelect_theDeniedOneNothing() {
    LakeFormationClient lf = clients.aws().client(LakeFormationClient.class, SandboxClients.REGION,
        LakeFormationClient::builder);
    String principal = DataLakeDomain.LOCAL_ROLE_ARN;

    ListPermissionsResponse ready = lf.listPermissions(b -> b.principal(p -> p.dataLakePrincipalIdentifier(principal))
        .resource(r -> r.table(t -> t.catalogId(DataLakeDomain.PRODUCER_ACCOUNT)
            .databaseName(DataLakeDomain.PRODUCER_DATABASE).name("contact_record"))));
    assertEquals(1, ready.principalResourcePermissions().size());
    PrincipalResourcePermissions grant = ready.principalResourcePermissions().get(0);
    assertEquals(List.of(Permission.DESCRIBE, Permission.SELECT), grant.permissions());
    assertEquals(List.of(), grant.permissionsWithGrantOption());
    assertEquals(principal, grant.principal().dataLakePrincipalIdentifier());
    assertEquals("contact_record", grant.resource().table().name());
    assertEquals(DataLakeDomain.PRODUCER_ACCOUNT, grant.resource().table().catalogId());

    ListPermissionsResponse denied = lf.listPermissions(b -> b.principal(p -> p.dataLakePrincipalIdentifier(principal))
        .resource(r -> r.table(t -> t.catalogId(DataLakeDomain.PRODUCER_ACCOUNT)
            .databaseName(DataLakeDomain.PRODUCER_DATABASE).name("contact_evaluation_record"))));
    assertEquals(List.of(), denied.principalResourcePermissions());

    ListPermissionsResponse database = lf.listPermissions(b -> b.resource(r -> r.database(d -> d
        .name(DataLakeDomain.CONSUMER_DATABASE))));
    assertEquals(List.of(principal, DataLakeDomain.ADMIN_ROLE_ARN), database.principalResourcePermissions().stream()
        .map(p -> p.principal().dataLakePrincipalIdentifier()).toList(), "without Principal: every principal's");
    assertEquals(List.of(Permission.ALL), database.principalResourcePermissions().get(1).permissionsWithGrantOption());

    List<String> links = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListPermissionsResponse page = lf.listPermissions(b -> b.principal(p -> p.dataLakePrincipalIdentifier(principal))
          .resource(r -> r.table(t -> t.databaseName(DataLakeDomain.CONSUMER_DATABASE).tableWildcard(w -> { })))
          .maxResults(3).nextToken(next));
      page.principalResourcePermissions().forEach(p -> links.add(p.resource().table().name()));
      token = page.nextToken();
    } while (token != null);
    assertEquals(lake.tables().stream().map(DataLakeTable::linkName).toList(), links, "DESCRIBE on every link");
  }

  @Test
  void getWorkGroup_primaryIsEnabledEncryptedAndEnforced() {
    AthenaClient athena = clients.aws().client(AthenaClient.class, SandboxClients.REGION, AthenaClient::builder);

    WorkGroup w = athena.getWorkGroup(b -> b.workGroup("primary")).workGroup();

    assertEquals(WorkGroupState.ENABLED, w.state());
    assertEquals("s3://connect-ops-review-athena-results-" + Scenario.ACCOUNT_ID + "/athena/",
        w.configuration().resultConfiguration().outputLocation());
    assertEquals(EncryptionOption.SSE_S3, w.configuration().resultConfiguration().encryptionConfiguration()
        .encryptionOption());
    assertTrue(w.configuration().enforceWorkGroupConfiguration());
    assertThrows(InvalidRequestException.class, () -> athena.getWorkGroup(b -> b.workGroup("analysts")));
  }

  @Test
  void getCallerIdentity_isASessionOfTheLocalRole() {
    StsClient sts = clients.aws().client(StsClient.class, SandboxClients.REGION, StsClient::builder);

    GetCallerIdentityResponse me = sts.getCallerIdentity();

    assertEquals("arn:aws:sts::" + Scenario.ACCOUNT_ID + ":assumed-role/ConnectOpsReviewLocal/local", me.arn());
    assertEquals(Scenario.ACCOUNT_ID, me.account());
    assertTrue(me.userId().endsWith(":local"), me.userId());
  }

  @Test
  void resultsBucket_hasNoLifecycleConfiguration_otherBucketsDoNotExist() {
    S3Client s3 = clients.aws().client(S3Client.class, SandboxClients.REGION, S3Client::builder);

    S3Exception none = assertThrows(S3Exception.class, () -> s3.getBucketLifecycleConfiguration(b -> b
        .bucket(DataLakeDomain.RESULTS_BUCKET)));
    assertEquals(404, none.statusCode());
    assertEquals("NoSuchLifecycleConfiguration", none.awsErrorDetails().errorCode());
    assertEquals("The lifecycle configuration does not exist", none.awsErrorDetails().errorMessage());
    assertThrows(NoSuchBucketException.class, () -> s3.getBucketLifecycleConfiguration(b -> b.bucket("someone-else")));

    assertEquals(2, sandbox.servedCalls().get("S3:GetBucketLifecycleConfiguration"));
    assertEquals(clients.counter().snapshot().get("S3:GetBucketLifecycleConfiguration"),
        sandbox.servedCalls().get("S3:GetBucketLifecycleConfiguration"), "the SDK's service name is the sandbox's");

    // Another S3 request is answered in S3's XML, which the client reads as an error code.
    S3Exception unrouted = assertThrows(S3Exception.class, () -> s3.getBucketAcl(b -> b
        .bucket(DataLakeDomain.RESULTS_BUCKET)));
    assertEquals(404, unrouted.statusCode());
    assertEquals("UnknownOperationException", unrouted.awsErrorDetails().errorCode());
    assertTrue(sandbox.unroutedRequests().getLast().startsWith("GET /" + DataLakeDomain.RESULTS_BUCKET),
        sandbox.unroutedRequests().toString());
  }
}
