package com.connectopsreview.athena;

import static com.connectopsreview.athena.Fixtures.NOW;
import static com.connectopsreview.athena.Fixtures.SETTINGS;
import static com.connectopsreview.athena.Fixtures.ids;
import static com.connectopsreview.athena.Fixtures.link;
import static com.connectopsreview.athena.Fixtures.only;
import static com.connectopsreview.athena.Fixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.connectopsreview.shared.analyzer.AnalysisOutput;
import com.connectopsreview.shared.sections.SectionContract;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.AthenaSection;
import com.connectopsreview.shared.sections.AthenaSection.CheckIds;
import com.connectopsreview.shared.sections.AthenaSection.Readiness;
import com.connectopsreview.shared.testing.SdkMocks;
import com.connectopsreview.shared.time.TimeBudget;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.EncryptionConfiguration;
import software.amazon.awssdk.services.athena.model.EncryptionOption;
import software.amazon.awssdk.services.athena.model.GetWorkGroupRequest;
import software.amazon.awssdk.services.athena.model.GetWorkGroupResponse;
import software.amazon.awssdk.services.athena.model.ResultConfiguration;
import software.amazon.awssdk.services.athena.model.WorkGroup;
import software.amazon.awssdk.services.athena.model.WorkGroupConfiguration;
import software.amazon.awssdk.services.athena.model.WorkGroupState;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.DatabaseIdentifier;
import software.amazon.awssdk.services.glue.model.EntityNotFoundException;
import software.amazon.awssdk.services.glue.model.GetDatabaseRequest;
import software.amazon.awssdk.services.glue.model.GetDatabaseResponse;
import software.amazon.awssdk.services.glue.model.GetTableRequest;
import software.amazon.awssdk.services.glue.model.GetTableResponse;
import software.amazon.awssdk.services.glue.model.GetTablesRequest;
import software.amazon.awssdk.services.glue.model.GetTablesResponse;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.lakeformation.model.ListPermissionsRequest;
import software.amazon.awssdk.services.lakeformation.model.ListPermissionsResponse;
import software.amazon.awssdk.services.lakeformation.model.PrincipalResourcePermissions;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;

class AthenaExportAnalyzerTest {

  private final AthenaClient athena = SdkMocks.client(AthenaClient.class);
  private final GlueClient glue = SdkMocks.client(GlueClient.class);
  private final S3Client s3 = SdkMocks.client(S3Client.class);
  private final LakeFormationClient lakeFormation = SdkMocks.client(LakeFormationClient.class);
  private final StsClient sts = SdkMocks.client(StsClient.class);
  private final LocalDirectoryResultStore store = new LocalDirectoryResultStore(java.nio.file.Path.of(
      System.getProperty("java.io.tmpdir"), "athena-analyzer-test-" + System.nanoTime()));

  @BeforeEach
  void setUp() {
    when(athena.getWorkGroup(any(GetWorkGroupRequest.class))).thenReturn(GetWorkGroupResponse.builder()
        .workGroup(WorkGroup.builder().name("connect_wg").state(WorkGroupState.ENABLED)
            .configuration(WorkGroupConfiguration.builder().resultConfiguration(ResultConfiguration.builder()
                .outputLocation("s3://wg-results/").encryptionConfiguration(EncryptionConfiguration.builder()
                    .encryptionOption(EncryptionOption.SSE_S3).build()).build()).build()).build()).build());
    when(glue.getDatabase(any(GetDatabaseRequest.class))).thenReturn(GetDatabaseResponse.builder()
        .database(Database.builder().name("connect_consumer").targetDatabase(DatabaseIdentifier.builder()
            .catalogId(Fixtures.PRODUCER).databaseName("connect_datalake").region("us-east-1").build()).build())
        .build());
    when(s3.getBucketLifecycleConfiguration(any(GetBucketLifecycleConfigurationRequest.class))).thenReturn(
        GetBucketLifecycleConfigurationResponse.builder().rules(LifecycleRule.builder().id("expire")
            .status(ExpirationStatus.ENABLED).filter(LifecycleRuleFilter.builder().prefix("").build())
            .expiration(LifecycleExpiration.builder().days(30).build()).build()).build());
    Fixtures.queriesSucceedEmpty(athena);
    when(sts.getCallerIdentity()).thenReturn(GetCallerIdentityResponse.builder()
        .arn("arn:aws:sts::123456789012:assumed-role/AthenaExportRole/session").build());
    when(lakeFormation.listPermissions(any(ListPermissionsRequest.class))).thenReturn(ListPermissionsResponse.builder()
        .principalResourcePermissions(PrincipalResourcePermissions.builder().permissionsWithStrings("DESCRIBE")
            .build()).build());
  }

  @Test
  void analyze_withNoDatabase_isSkippedWithTheReason_andCallsNothing() {
    AnalysisOutput output = analyzer(AthenaSettings.off()).analyze(Fixtures.request(NOW.plusSeconds(60)), budget());

    assertEquals(ComponentStatus.SKIPPED, output.status());
    assertEquals(List.of("no Athena database configured: set the AthenaDatabase parameter (ATHENA_DATABASE)"),
        output.errors());
    assertTrue(output.findings().isEmpty(), "nothing that could read as PASS");
    AthenaSection data = SectionContract.assertCurrent(output.data(), AthenaSection.class);
    assertFalse(data.settings().enabled());
    verifyNoInteractions(athena, glue);
  }

  @Test
  void analyze_linksWithAndWithoutStorage_findsTheBrokenLinkAndRecordsTheDatabaseLink() {
    tables(link("contact_record_link", "contact_record"), link("contact_flow_events_link", "contact_flow_events"));
    target("contact_record", true);
    target("contact_flow_events", false);

    AnalysisOutput output = analyzer(SETTINGS).analyze(Fixtures.request(NOW.plusSeconds(60)), budget());

    assertEquals(ComponentStatus.OK, output.status(), output.errors().toString());
    assertEquals(List.of(CheckIds.WORKGROUP_READY, CheckIds.RESOURCE_LINK_NO_STORAGE_DESCRIPTOR), ids(output.findings()));
    Finding broken = only(output.findings(), CheckIds.RESOURCE_LINK_NO_STORAGE_DESCRIPTOR);
    assertEquals(Severity.HIGH, broken.severity());
    assertEquals("contact_flow_events", broken.evidence().get("targetTable"));
    AthenaSection data = SectionContract.assertCurrent(output.data(), AthenaSection.class);
    assertTrue(data.database().resourceLink());
    assertEquals(Fixtures.PRODUCER, data.database().target().catalogId());
    assertEquals(List.of(Readiness.READY, Readiness.NO_STORAGE_DESCRIPTOR),
        data.tables().stream().map(AthenaSection.TableRow::readiness).toList());
    assertTrue(data.missingTables().isEmpty(), "links count by their target's name");
  }

  @Test
  void analyze_targetDeniedByLakeFormation_isAFindingNamingThePermission_notAnError() {
    tables(link("contact_record", "contact_record"), link("contact_flow_events", "contact_flow_events"));
    target("contact_record", true);
    when(glue.getTable(argThat((GetTableRequest r) -> r != null && "contact_flow_events".equals(r.name()))))
        .thenThrow(Fixtures.glueError(400, "AccessDeniedException",
            "Insufficient Lake Formation permission(s) on contact_flow_events"));

    AnalysisOutput output = analyzer(SETTINGS).analyze(Fixtures.request(NOW.plusSeconds(60)), budget());

    assertEquals(ComponentStatus.OK, output.status(), output.errors().toString());
    Finding denied = only(output.findings(), CheckIds.LAKE_FORMATION_DENIED);
    assertEquals(Severity.HIGH, denied.severity());
    assertTrue(denied.title().contains("DESCRIBE on table connect_datalake.contact_flow_events in catalog 111111111111"),
        denied.title());
    assertEquals("arn:aws:glue:us-east-1:111111111111:table/connect_datalake/contact_flow_events", denied.resource());
    assertFalse(ids(output.findings()).contains(CheckIds.TABLES_READY));
  }

  @Test
  void analyze_requiredTableAbsent_isMissing_andAllReady_isPass() {
    tables(Table.builder().name("contact_record").storageDescriptor(Fixtures.storage()).build());

    AnalysisOutput output = analyzer(SETTINGS).analyze(Fixtures.request(NOW.plusSeconds(60)), budget());

    Finding missing = only(output.findings(), CheckIds.TABLES_MISSING);
    assertEquals(Severity.MEDIUM, missing.severity());
    assertEquals("contact_flow_events", missing.evidence().get("missingTables"));

    tables(Table.builder().name("contact_record").storageDescriptor(Fixtures.storage()).build(),
        Table.builder().name("contact_flow_events").storageDescriptor(Fixtures.storage()).build());
    AnalysisOutput ready = analyzer(SETTINGS).analyze(Fixtures.request(NOW.plusSeconds(60)), budget());
    assertEquals(Severity.PASS, only(ready.findings(), CheckIds.TABLES_READY).severity());
  }

  @Test
  void analyze_getTablesFailing_isPartial_andJudgesNoTableMissing() {
    when(glue.getTables(any(GetTablesRequest.class))).thenThrow(Fixtures.glueError(500, "InternalServiceException",
        "internal error"));

    AnalysisOutput output = analyzer(SETTINGS).analyze(Fixtures.request(NOW.plusSeconds(60)), budget());

    assertEquals(ComponentStatus.PARTIAL, output.status());
    assertTrue(output.errors().get(0).startsWith("tables of Glue database connect_consumer not all listed"),
        output.errors().get(0));
    assertEquals(List.of(CheckIds.WORKGROUP_READY), ids(output.findings()));
  }

  @Test
  void analyze_databaseNotFound_isAFinding_andNoTablesAreListed() {
    when(glue.getDatabase(any(GetDatabaseRequest.class))).thenThrow(EntityNotFoundException.builder()
        .message("Database connect_consumer not found.").statusCode(400).build());

    AnalysisOutput output = analyzer(SETTINGS).analyze(Fixtures.request(NOW.plusSeconds(60)), budget());

    assertEquals(ComponentStatus.OK, output.status(), output.errors().toString());
    assertEquals(Severity.HIGH, only(output.findings(), CheckIds.DATABASE_NOT_FOUND).severity());
  }

  @Test
  void analyze_workgroupDeniedByIam_isPartialWithNoWorkgroupPass() {
    when(athena.getWorkGroup(any(GetWorkGroupRequest.class))).thenThrow(
        software.amazon.awssdk.services.athena.model.AthenaException.builder().statusCode(400)
            .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                .errorCode("AccessDeniedException").errorMessage("not authorized to perform: athena:GetWorkGroup")
                .serviceName("Athena").build()).build());
    tables(link("contact_record", "contact_record"), link("contact_flow_events", "contact_flow_events"));
    target("contact_record", true);
    target("contact_flow_events", true);

    AnalysisOutput output = analyzer(SETTINGS).analyze(Fixtures.request(NOW.plusSeconds(60)), budget());

    assertEquals(ComponentStatus.PARTIAL, output.status());
    assertTrue(output.errors().get(0).startsWith("Athena workgroup connect_wg not read"), output.errors().get(0));
    assertEquals(List.of(CheckIds.TABLES_READY), ids(output.findings()));
  }

  private void tables(Table... tables) {
    when(glue.getTables(any(GetTablesRequest.class))).thenReturn(GetTablesResponse.builder().tableList(tables).build());
  }

  private void target(String name, boolean withStorage) {
    when(glue.getTable(argThat((GetTableRequest r) -> r != null && name.equals(r.name()))))
        .thenReturn(GetTableResponse.builder().table(Fixtures.target(name, withStorage)).build());
  }

  private AthenaExportAnalyzer analyzer(AthenaSettings settings) {
    return new AthenaExportAnalyzer(SdkMocks.inRegion(Region.US_EAST_1, athena, glue, s3, lakeFormation, sts),
        settings, store, Clock.fixed(NOW, ZoneOffset.UTC), duration -> { });
  }

  private static TimeBudget budget() {
    return new TimeBudget(Clock.fixed(NOW, ZoneOffset.UTC), NOW.plusSeconds(60));
  }
}
