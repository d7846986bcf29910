package com.connectopsreview.athena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.verifyNoInteractions;

import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.exception.InvalidRequestException;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.connectopsreview.shared.testing.SdkMocks;
import com.connectopsreview.shared.testing.TestEvents;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import com.connectopsreview.shared.model.ReviewManifest;
import com.connectopsreview.shared.model.TimeWindow;
import com.connectopsreview.shared.sections.AthenaSection;
import com.connectopsreview.shared.sections.SectionContract;
import java.time.Instant;
import software.amazon.awssdk.services.glue.model.Database;
import software.amazon.awssdk.services.glue.model.GetDatabaseRequest;
import software.amazon.awssdk.services.glue.model.GetDatabaseResponse;
import software.amazon.awssdk.services.glue.model.GetTablesRequest;
import software.amazon.awssdk.services.glue.model.GetTablesResponse;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.athena.model.GetWorkGroupRequest;
import software.amazon.awssdk.services.athena.model.GetWorkGroupResponse;
import software.amazon.awssdk.services.athena.model.ManagedQueryResultsConfiguration;
import software.amazon.awssdk.services.athena.model.WorkGroup;
import software.amazon.awssdk.services.athena.model.WorkGroupConfiguration;
import software.amazon.awssdk.services.athena.model.WorkGroupState;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;

class AthenaExportHandlerTest {

  private static final String REVIEW_ID = "20261123T090000Z-abcdef";

  @TempDir Path storeDir;

  private final AthenaClient athena = SdkMocks.client(AthenaClient.class);
  private final GlueClient glue = SdkMocks.client(GlueClient.class);
  private final S3Client s3 = SdkMocks.client(S3Client.class);

  @Test
  void handleRequest_withTheSampleEventAndNoDatabase_storesSkippedWithTheReason() throws IOException {
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    handler(store, AthenaSettings.off()).handleRequest(TestEvents.open("analyzer-request-athena.json"), output, null);

    AnalyzerResponse response = Json.fromBytes(output.toByteArray(), AnalyzerResponse.class);
    assertEquals(REVIEW_ID, response.reviewId());
    assertEquals("athena", response.component());
    assertEquals(ComponentStatus.SKIPPED, response.status());
    AnalyzerResult stored = store.getResult(REVIEW_ID, "athena").orElseThrow();
    assertEquals(ComponentStatus.SKIPPED, stored.status());
    assertEquals(List.of(AthenaExportAnalyzer.SKIP_REASON), stored.errors());
    assertTrue(stored.findings().isEmpty());
    verifyNoInteractions(athena, glue);
  }

  @Test
  void handleRequest_forAnotherComponent_isRejectedAndNothingStored() throws IOException {
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);
    ObjectNode request = (ObjectNode) Json.mapper().readTree(TestEvents.open("analyzer-request-athena.json"));
    request.put("component", "flow");

    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> handler(store, Fixtures.SETTINGS)
        .handleRequest(new ByteArrayInputStream(Json.toBytes(request)), new ByteArrayOutputStream(), null));

    assertTrue(e.getMessage().contains("component: must be 'athena'"), e.getMessage());
    assertTrue(store.listComponents(REVIEW_ID).isEmpty());
  }

  @Test
  void handleRequest_exportOnly_runsTheQueriesOverYesterday_asAReviewOfOneComponent() throws IOException {
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Fixtures.queriesSucceedEmpty(athena);
    when(athena.getWorkGroup(any(GetWorkGroupRequest.class))).thenReturn(GetWorkGroupResponse.builder().workGroup(
        WorkGroup.builder().name("connect_wg").state(WorkGroupState.ENABLED).configuration(WorkGroupConfiguration
            .builder().managedQueryResultsConfiguration(ManagedQueryResultsConfiguration.builder().enabled(true)
                .build()).build()).build()).build());
    when(glue.getDatabase(any(GetDatabaseRequest.class))).thenReturn(GetDatabaseResponse.builder()
        .database(Database.builder().name("connect_consumer").build()).build());
    when(glue.getTables(any(GetTablesRequest.class))).thenReturn(GetTablesResponse.builder().tableList(
        Table.builder().name("contact_record").storageDescriptor(Fixtures.storage()).build(),
        Table.builder().name("contact_flow_events").storageDescriptor(Fixtures.storage()).build()).build());

    handler(store, Fixtures.SETTINGS).handleRequest(TestEvents.open("athena-export-only.json"), output, null);

    AnalyzerResponse response = Json.fromBytes(output.toByteArray(), AnalyzerResponse.class);
    assertEquals("athena", response.component());
    ReviewManifest manifest = store.getManifest(response.reviewId()).orElseThrow();
    assertEquals(new TimeWindow(Instant.parse("2026-11-22T00:00:00Z"), Instant.parse("2026-11-23T00:00:00Z")),
        manifest.window(), "the last complete UTC day");
    assertEquals(List.of("athena"), List.copyOf(manifest.components().keySet()));
    assertEquals(response.status(), manifest.components().get("athena").status());
    AthenaSection data = SectionContract.assertCurrent(
        store.getResult(response.reviewId(), "athena").orElseThrow().data(), AthenaSection.class);
    assertTrue(data.exportOnly());
    assertEquals(ComponentStatus.OK, response.status(), String.valueOf(response.errors()));
    assertEquals(null, data.resultsBucket(), "managed query results: no bucket of ours to check");
    assertEquals(List.of("SUCCEEDED", "SUCCEEDED", "SUCCEEDED"),
        data.queries().stream().map(AthenaSection.QueryRun::state).toList());
    assertTrue(store.getArtifact(response.reviewId(), "athena-queue_kpis.csv").isPresent());
  }

  @Test
  void handleRequest_exportOnlyWithBadInput_namesTheField_andStoresNothing() {
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);
    for (String body : List.of("{\"exportOnly\":true}",
        "{\"exportOnly\":true,\"instanceArn\":\"arn:aws:connect:us-east-1:123456789012:instance/x\",\"daysBack\":0}",
        "{\"exportOnly\":true,\"instanceArn\":\"nope\"}")) {
      InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> handler(store, Fixtures.SETTINGS)
          .handleRequest(new ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
              new ByteArrayOutputStream(), null));
      assertTrue(e.getMessage().contains("instanceArn") || e.getMessage().contains("daysBack"), e.getMessage());
    }
    assertTrue(store.listReviews(Fixtures.INSTANCE.id(), 10).isEmpty());
  }

  private AthenaExportHandler handler(LocalDirectoryResultStore store, AthenaSettings settings) {
    Clock clock = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
    return new AthenaExportHandler(new AnalyzerRunner(AthenaExportFactory.withSettings(settings).create(
        SdkMocks.inRegion(Region.US_EAST_1, athena, glue, s3), store, clock), store,
        new ApiCallCounter(ApiRateLimiter.unlimited()), clock), clock);
  }
}
