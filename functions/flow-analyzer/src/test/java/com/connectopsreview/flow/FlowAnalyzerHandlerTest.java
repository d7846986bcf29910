package com.connectopsreview.flow;

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
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.Attribute;
import software.amazon.awssdk.services.connect.model.DescribeInstanceAttributeRequest;
import software.amazon.awssdk.services.connect.model.DescribeInstanceAttributeResponse;
import software.amazon.awssdk.services.connect.model.DescribeInstanceRequest;
import software.amazon.awssdk.services.connect.model.DescribeInstanceResponse;
import software.amazon.awssdk.services.connect.model.Instance;
import software.amazon.awssdk.services.connect.model.SearchContactFlowModulesRequest;
import software.amazon.awssdk.services.connect.model.SearchContactFlowModulesResponse;
import software.amazon.awssdk.services.connect.model.SearchContactFlowsRequest;
import software.amazon.awssdk.services.connect.model.SearchContactFlowsResponse;

class FlowAnalyzerHandlerTest {

  private static final String REVIEW_ID = "20261123T090000Z-abcdef";
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:05Z");

  @TempDir Path storeDir;

  private final ConnectClient connect = SdkMocks.client(ConnectClient.class);
  private LocalDirectoryResultStore store;
  private FlowAnalyzerHandler handler;

  @BeforeEach
  void setUp() {
    when(connect.describeInstance(any(DescribeInstanceRequest.class))).thenReturn(DescribeInstanceResponse.builder()
        .instance(Instance.builder().instanceAccessUrl(Fixtures.ACCESS_URL).build()).build());
    when(connect.describeInstanceAttribute(any(DescribeInstanceAttributeRequest.class))).thenReturn(
        DescribeInstanceAttributeResponse.builder().attribute(Attribute.builder().value("false").build()).build());
    when(connect.searchContactFlows(any(SearchContactFlowsRequest.class))).thenReturn(SearchContactFlowsResponse
        .builder().contactFlows(Fixtures.flow("f-1", "Sample inbound flow", "CONTACT_FLOW",
            Fixtures.content("logging/absent"), NOW)).build());
    when(connect.searchContactFlowModules(any(SearchContactFlowModulesRequest.class)))
        .thenReturn(SearchContactFlowModulesResponse.builder().build());
    store = new LocalDirectoryResultStore(storeDir);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    handler = new FlowAnalyzerHandler(new AnalyzerRunner(FlowAnalyzerFactory.create(
        SdkMocks.inRegion(Region.US_EAST_1, connect), store, clock), store, new ApiCallCounter(ApiRateLimiter.unlimited()),
        clock), clock);
  }

  @Test
  void handleRequest_withTheSampleEvent_storesTheFlowResultAndAnswersItsSummary() throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    handler.handleRequest(event(), output, null);

    AnalyzerResponse response = Json.fromBytes(output.toByteArray(), AnalyzerResponse.class);
    assertEquals(REVIEW_ID, response.reviewId());
    assertEquals("flow", response.component());
    assertEquals(ComponentStatus.OK, response.status(), () -> String.valueOf(response.errors()));
    assertEquals(List.of("flow"), store.listComponents(REVIEW_ID));
    AnalyzerResult stored = store.getResult(REVIEW_ID, "flow").orElseThrow();
    assertEquals(response.findingCount(), stored.findings().size());
    assertEquals(Severity.MEDIUM, Fixtures.only(stored.findings(), "FLOW.LOGGING.MISSING").severity());
    assertEquals(true, Fixtures.only(stored.findings(), "FLOW.LOGGING.MISSING").evidence().get("defaultFlow"));
    assertTrue(store.getCache("flow", Fixtures.INSTANCE_ID).isPresent());
  }

  @Test
  void handleRequest_whenLambdaTimeIsShorterThanTheDeadline_keepsToLambdaTime() throws IOException {
    Context context = mock(Context.class);
    when(context.getRemainingTimeInMillis()).thenReturn(1_000);

    handler.handleRequest(event(), new ByteArrayOutputStream(), context);

    // One second left is inside the runner's store reserve: nothing is called.
    AnalyzerResult stored = store.getResult(REVIEW_ID, "flow").orElseThrow();
    assertEquals(ComponentStatus.PARTIAL, stored.status());
    assertTrue(stored.errors().get(0).startsWith("time budget spent (time budget spent before Connect"),
        stored.errors().get(0));
    verify(connect, never()).searchContactFlows(any(SearchContactFlowsRequest.class));
  }

  @Test
  void handleRequest_forAnotherComponent_isRejectedAndNothingStored() throws IOException {
    ObjectNode request = (ObjectNode) Json.mapper().readTree(event());
    request.put("component", "quota");

    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> handler.handleRequest(
        new ByteArrayInputStream(Json.toBytes(request)), new ByteArrayOutputStream(), null));

    assertTrue(e.getMessage().contains("component: must be 'flow'"), e.getMessage());
    assertTrue(store.listComponents(REVIEW_ID).isEmpty());
  }

  private static InputStream event() {
    return TestEvents.open("analyzer-request-flow.json");
  }
}
