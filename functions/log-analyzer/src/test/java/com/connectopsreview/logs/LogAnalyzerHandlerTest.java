package com.connectopsreview.logs;

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
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.QueryStatus;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.StartQueryResponse;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.DescribeInstanceRequest;
import software.amazon.awssdk.services.connect.model.DescribeInstanceResponse;
import software.amazon.awssdk.services.connect.model.Instance;

class LogAnalyzerHandlerTest {

  private static final String REVIEW_ID = "20261123T090000Z-abcdef";
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:05Z");

  @TempDir Path storeDir;

  private final CloudWatchLogsClient logs = SdkMocks.client(CloudWatchLogsClient.class);
  private final CloudWatchClient cloudWatch = SdkMocks.client(CloudWatchClient.class);
  private final ConnectClient connect = SdkMocks.client(ConnectClient.class);
  private LocalDirectoryResultStore store;
  private LogAnalyzerHandler handler;

  @BeforeEach
  void setUp() {
    when(logs.describeLogGroups(any(DescribeLogGroupsRequest.class))).thenReturn(DescribeLogGroupsResponse.builder()
        .logGroups(Fixtures.group(Fixtures.FLOW_LOG_GROUP, null)).build());
    when(cloudWatch.describeAlarms(any(DescribeAlarmsRequest.class))).thenReturn(DescribeAlarmsResponse.builder()
        .build());
    when(connect.describeInstance(any(DescribeInstanceRequest.class))).thenReturn(DescribeInstanceResponse.builder()
        .instance(Instance.builder().instanceAlias(Fixtures.ALIAS).build()).build());
    when(logs.startQuery(any(StartQueryRequest.class))).thenReturn(StartQueryResponse.builder().queryId("q").build());
    when(logs.getQueryResults(any(GetQueryResultsRequest.class))).thenReturn(GetQueryResultsResponse.builder()
        .status(QueryStatus.COMPLETE).results(List.of(Fixtures.statsRow("f-1", "Orders", "InvokeExternalResource",
            "The Lambda Function Returned An Error.", false, 3))).build());
    store = new LocalDirectoryResultStore(storeDir);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    handler = new LogAnalyzerHandler(new AnalyzerRunner(new LogAnalyzer(
        SdkMocks.inRegion(Region.US_EAST_1, logs, cloudWatch, connect), null, d -> { }), store,
        new ApiCallCounter(ApiRateLimiter.unlimited()), clock), clock);
  }

  @Test
  void handleRequest_withTheSampleEvent_storesTheLogsResultAndAnswersItsSummary() throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    handler.handleRequest(event(), output, null);

    AnalyzerResponse response = Json.fromBytes(output.toByteArray(), AnalyzerResponse.class);
    assertEquals(REVIEW_ID, response.reviewId());
    assertEquals("logs", response.component());
    assertEquals(ComponentStatus.OK, response.status(), () -> String.valueOf(response.errors()));
    assertEquals(List.of("logs"), store.listComponents(REVIEW_ID));
    AnalyzerResult stored = store.getResult(REVIEW_ID, "logs").orElseThrow();
    assertEquals(response.findingCount(), stored.findings().size());
    assertEquals(Severity.MEDIUM, Fixtures.only(stored.findings(), "LOGS.ALARMS.MISSING").severity());
    assertEquals(Severity.LOW, Fixtures.only(stored.findings(), "LOGS.RETENTION.NONE").severity());
  }

  @Test
  void handleRequest_whenLambdaTimeIsShorterThanTheDeadline_keepsToLambdaTime() throws IOException {
    Context context = mock(Context.class);
    when(context.getRemainingTimeInMillis()).thenReturn(1_000);

    handler.handleRequest(event(), new ByteArrayOutputStream(), context);

    // One second left is inside the runner's store reserve: nothing is queried.
    AnalyzerResult stored = store.getResult(REVIEW_ID, "logs").orElseThrow();
    assertEquals(ComponentStatus.PARTIAL, stored.status());
    verify(logs, never()).startQuery(any(StartQueryRequest.class));
  }

  @Test
  void handleRequest_forAnotherComponent_isRejectedAndNothingStored() throws IOException {
    ObjectNode request = (ObjectNode) Json.mapper().readTree(event());
    request.put("component", "flow");

    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> handler.handleRequest(
        new ByteArrayInputStream(Json.toBytes(request)), new ByteArrayOutputStream(), null));

    assertTrue(e.getMessage().contains("component: must be 'logs'"), e.getMessage());
    assertTrue(store.listComponents(REVIEW_ID).isEmpty());
  }

  private static InputStream event() {
    return TestEvents.open("analyzer-request-logs.json");
  }
}
