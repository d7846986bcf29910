package com.connectopsreview.cloudtrail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.Context;
import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.exception.InvalidRequestException;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.connectopsreview.shared.testing.SdkMocks;
import com.connectopsreview.shared.testing.TestEvents;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

class CloudTrailAnalyzerHandlerTest {

  private static final String REVIEW_ID = "20261123T090000Z-abcdef";
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:05Z");

  @TempDir Path storeDir;

  private final CloudTrailClient cloudTrail = SdkMocks.client(CloudTrailClient.class);
  private LocalDirectoryResultStore store;
  private CloudTrailAnalyzerHandler handler;

  @BeforeEach
  void setUp() {
    when(cloudTrail.lookupEvents(any(LookupEventsRequest.class))).thenReturn(LookupEventsResponse.builder()
        .events(Fixtures.record("GetCurrentMetricData", NOW.minusSeconds(60)).throttled().event(),
            Fixtures.record("GetCurrentMetricData", NOW.minusSeconds(70)).event())
        .build());
    store = new LocalDirectoryResultStore(storeDir);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    handler = new CloudTrailAnalyzerHandler(new AnalyzerRunner(CloudTrailAnalyzerFactory.create(
        SdkMocks.inRegion(Region.US_EAST_1, cloudTrail), store, clock), store,
        new ApiCallCounter(ApiRateLimiter.unlimited()), clock), clock);
  }

  @Test
  void handleRequest_withTheSampleEvent_storesTheCloudTrailResultAndAnswersItsSummary() throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    handler.handleRequest(event(), output, null);

    AnalyzerResponse response = Json.fromBytes(output.toByteArray(), AnalyzerResponse.class);
    assertEquals(REVIEW_ID, response.reviewId());
    assertEquals("cloudtrail", response.component());
    assertEquals(ComponentStatus.OK, response.status(), () -> String.valueOf(response.errors()));
    assertEquals(List.of("cloudtrail"), store.listComponents(REVIEW_ID));
    AnalyzerResult stored = store.getResult(REVIEW_ID, "cloudtrail").orElseThrow();
    assertEquals(response.findingCount(), stored.findings().size());
    // One throttled call of two: a share of 50 %, but a single refused call is LOW.
    assertEquals(Severity.LOW, Fixtures.only(stored.findings(), "CLOUDTRAIL.API_THROTTLED.LOW").severity());
    assertEquals(2, stored.data().at("/totals/eventsAnalyzed").asInt());
  }

  @Test
  void handleRequest_whenLambdaTimeIsShorterThanTheDeadline_keepsToLambdaTime() throws IOException {
    Context context = mock(Context.class);
    when(context.getRemainingTimeInMillis()).thenReturn(1_000);

    handler.handleRequest(event(), new ByteArrayOutputStream(), context);

    // One second left is inside the runner's store reserve: nothing is called, and it is PARTIAL, not FAILED.
    AnalyzerResult stored = store.getResult(REVIEW_ID, "cloudtrail").orElseThrow();
    assertEquals(ComponentStatus.PARTIAL, stored.status());
    assertTrue(stored.errors().get(0).startsWith("time budget spent (time budget spent before CloudTrail LookupEvents"),
        stored.errors().get(0));
    verify(cloudTrail, never()).lookupEvents(any(LookupEventsRequest.class));
  }

  @Test
  void handleRequest_forAnotherComponent_isRejectedAndNothingStored() throws IOException {
    ObjectNode request = (ObjectNode) Json.mapper().readTree(event());
    request.put("component", "flow");

    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> handler.handleRequest(
        new ByteArrayInputStream(Json.toBytes(request)), new ByteArrayOutputStream(), null));

    assertTrue(e.getMessage().contains("component: must be 'cloudtrail'"), e.getMessage());
    assertTrue(store.listComponents(REVIEW_ID).isEmpty());
  }

  private static InputStream event() {
    return TestEvents.open("analyzer-request-cloudtrail.json");
  }
}
