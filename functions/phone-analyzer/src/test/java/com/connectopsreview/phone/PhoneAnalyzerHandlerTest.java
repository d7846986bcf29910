package com.connectopsreview.phone;

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
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.exception.InvalidRequestException;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.sections.PhoneSection.CheckIds;
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
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.DescribeInstanceRequest;
import software.amazon.awssdk.services.connect.model.DescribeInstanceResponse;
import software.amazon.awssdk.services.connect.model.ListPhoneNumbersV2Request;
import software.amazon.awssdk.services.connect.model.ListPhoneNumbersV2Response;
import software.amazon.awssdk.services.pinpoint.PinpointClient;

class PhoneAnalyzerHandlerTest {

  private static final String REVIEW_ID = "20261123T090000Z-abcdef";
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:05Z");

  @TempDir Path storeDir;

  private final ConnectClient connect = SdkMocks.client(ConnectClient.class);
  private final PinpointClient pinpoint = SdkMocks.client(PinpointClient.class);
  private LocalDirectoryResultStore store;
  private PhoneAnalyzerHandler handler;

  @BeforeEach
  void setUp() {
    when(connect.listPhoneNumbersV2(any(ListPhoneNumbersV2Request.class)))
        .thenReturn(ListPhoneNumbersV2Response.builder().build());
    when(connect.describeInstance(any(DescribeInstanceRequest.class)))
        .thenReturn(DescribeInstanceResponse.builder().build());
    store = new LocalDirectoryResultStore(storeDir);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    ServiceClients clients = SdkMocks.inRegion(Region.US_EAST_1, connect, pinpoint);
    handler = new PhoneAnalyzerHandler(new AnalyzerRunner(PhoneAnalyzerFactory.create(clients, store, clock), store,
        new ApiCallCounter(ApiRateLimiter.unlimited()), clock), clock);
  }

  @Test
  void handleRequest_withTheSampleEvent_storesThePhoneResultAndAnswersItsSummary() throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    handler.handleRequest(event(), output, null);

    AnalyzerResponse response = Json.fromBytes(output.toByteArray(), AnalyzerResponse.class);
    assertEquals(REVIEW_ID, response.reviewId());
    assertEquals("phone", response.component());
    assertEquals(ComponentStatus.OK, response.status(), () -> String.valueOf(response.errors()));
    assertEquals(List.of("phone"), store.listComponents(REVIEW_ID));
    AnalyzerResult stored = store.getResult(REVIEW_ID, "phone").orElseThrow();
    assertEquals(NOW, stored.startedAt());
    assertEquals(List.of(CheckIds.NUMBERS_NONE), Fixtures.checkIds(stored.findings()));
    assertEquals(0, stored.data().get("totalNumbers").asLong());
    assertTrue(store.getCache("phone", Fixtures.INSTANCE_ID).isPresent());
  }

  @Test
  void handleRequest_whenLambdaTimeIsShorterThanTheDeadline_keepsToLambdaTime() throws IOException {
    Context context = mock(Context.class);
    when(context.getRemainingTimeInMillis()).thenReturn(1_000);

    handler.handleRequest(event(), new ByteArrayOutputStream(), context);

    // One second left is inside the runner's store reserve: the inventory cannot be read.
    AnalyzerResult stored = store.getResult(REVIEW_ID, "phone").orElseThrow();
    assertEquals(ComponentStatus.FAILED, stored.status());
    assertTrue(stored.errors().get(0).startsWith("timed out: time budget spent before Connect ListPhoneNumbersV2"),
        stored.errors().get(0));
    verify(connect, never()).listPhoneNumbersV2(any(ListPhoneNumbersV2Request.class));
  }

  @Test
  void handleRequest_forAnotherComponent_isRejectedAndNothingStored() throws IOException {
    ObjectNode request = (ObjectNode) Json.mapper().readTree(event());
    request.put("component", "quota");

    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> handler.handleRequest(
        new ByteArrayInputStream(Json.toBytes(request)), new ByteArrayOutputStream(), null));

    assertTrue(e.getMessage().contains("component: must be 'phone'"), e.getMessage());
    assertTrue(store.listComponents(REVIEW_ID).isEmpty());
  }

  private static InputStream event() {
    return TestEvents.open("analyzer-request-phone.json");
  }
}
