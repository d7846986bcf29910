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
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;

class AthenaExportHandlerTest {

  private static final String REVIEW_ID = "20261123T090000Z-abcdef";

  @TempDir Path storeDir;

  private final AthenaClient athena = SdkMocks.client(AthenaClient.class);
  private final GlueClient glue = SdkMocks.client(GlueClient.class);

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

  private AthenaExportHandler handler(LocalDirectoryResultStore store, AthenaSettings settings) {
    Clock clock = Clock.fixed(Fixtures.NOW, ZoneOffset.UTC);
    return new AthenaExportHandler(new AnalyzerRunner(AthenaExportFactory.withSettings(settings).create(
        SdkMocks.inRegion(Region.US_EAST_1, athena, glue), store, clock), store,
        new ApiCallCounter(ApiRateLimiter.unlimited()), clock), clock);
  }
}
