package com.connectopsreview.quota;

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
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ListUsersRequest;
import software.amazon.awssdk.services.connect.model.ListUsersResponse;
import software.amazon.awssdk.services.connect.model.UserSummary;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.servicequotas.model.GetServiceQuotaRequest;
import software.amazon.awssdk.services.servicequotas.model.GetServiceQuotaResponse;
import software.amazon.awssdk.services.servicequotas.model.ListAwsDefaultServiceQuotasRequest;
import software.amazon.awssdk.services.servicequotas.model.ListAwsDefaultServiceQuotasResponse;
import software.amazon.awssdk.services.servicequotas.model.ListServiceQuotasRequest;
import software.amazon.awssdk.services.servicequotas.model.ListServiceQuotasResponse;
import software.amazon.awssdk.services.servicequotas.model.ServiceQuota;

class QuotaAnalyzerHandlerTest {

  private static final String REVIEW_ID = "20261123T090000Z-abcdef";
  private static final Instant NOW = Instant.parse("2026-11-23T09:00:05Z");

  @TempDir Path storeDir;

  private final ConnectClient connect = SdkMocks.client(ConnectClient.class);
  private final ServiceQuotasClient quotas = SdkMocks.client(ServiceQuotasClient.class);
  private final CloudWatchClient cloudWatch = SdkMocks.client(CloudWatchClient.class);
  private LocalDirectoryResultStore store;
  private QuotaAnalyzerHandler handler;

  @BeforeEach
  void setUp() {
    QuotaAnalyzerTest.emptyConnect(connect);
    when(connect.listUsers(any(ListUsersRequest.class))).thenReturn(ListUsersResponse.builder()
        .userSummaryList(UserSummary.builder().id("u1").build(), UserSummary.builder().id("u2").build()).build());
    when(quotas.getServiceQuota(any(GetServiceQuotaRequest.class))).thenAnswer(call -> {
      GetServiceQuotaRequest r = call.getArgument(0);
      return GetServiceQuotaResponse.builder().quota(ServiceQuota.builder().quotaCode(r.quotaCode())
          .value(r.quotaCode().equals("L-9A46857E") ? 2.0 : 500.0).build()).build();
    });
    when(quotas.listAWSDefaultServiceQuotas(any(ListAwsDefaultServiceQuotasRequest.class)))
        .thenReturn(ListAwsDefaultServiceQuotasResponse.builder().build());
    when(quotas.listServiceQuotas(any(ListServiceQuotasRequest.class)))
        .thenReturn(ListServiceQuotasResponse.builder().build());
    when(cloudWatch.getMetricData(any(GetMetricDataRequest.class)))
        .thenAnswer(call -> Fixtures.metricData(call.getArgument(0), List.of()));
    store = new LocalDirectoryResultStore(storeDir);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    ServiceClients clients = SdkMocks.inRegion(Region.US_EAST_1, connect, quotas, cloudWatch);
    handler = new QuotaAnalyzerHandler(new AnalyzerRunner(QuotaAnalyzerFactory.create(clients, store, clock), store,
        new ApiCallCounter(ApiRateLimiter.unlimited()), clock), clock);
  }

  @Test
  void handleRequest_withTheSampleEvent_storesTheQuotaResultAndAnswersItsSummary() throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    handler.handleRequest(event(), output, null);

    AnalyzerResponse response = Json.fromBytes(output.toByteArray(), AnalyzerResponse.class);
    assertEquals(REVIEW_ID, response.reviewId());
    assertEquals("quota", response.component());
    assertEquals(ComponentStatus.OK, response.status(), () -> String.valueOf(response.errors()));
    assertEquals(List.of("quota"), store.listComponents(REVIEW_ID));
    AnalyzerResult stored = store.getResult(REVIEW_ID, "quota").orElseThrow();
    assertEquals(NOW, stored.startedAt());
    assertEquals(response.findingCount(), stored.findings().size());
    assertEquals(com.connectopsreview.shared.model.Severity.CRITICAL,
        Fixtures.only(stored.findings(), "QUOTA.USERS.CRITICAL").severity());
    assertEquals(19, stored.data().get("quotas").size());
    assertEquals(4, stored.data().get("concurrency").size());
    assertEquals(4, stored.data().get("growth").size());
    assertEquals(100, stored.data().at("/quotas/2/percentage").asInt());
    assertEquals("USERS", stored.data().at("/quotas/2/key").asText());
    assertEquals(80, stored.data().at("/thresholds/warnPercent").asInt());
  }

  // Repeated: the reads start at once, and whichever finds the budget spent first must not decide
  // whether the component is PARTIAL (it once was FAILED when the limits read lost that race).
  @RepeatedTest(20)
  void handleRequest_whenLambdaTimeIsShorterThanTheDeadline_keepsToLambdaTime() throws IOException {
    Context context = mock(Context.class);
    when(context.getRemainingTimeInMillis()).thenReturn(1_000);

    handler.handleRequest(event(), new ByteArrayOutputStream(), context);

    // One second left is inside the runner's store reserve: nothing is called, every row is kept.
    AnalyzerResult stored = store.getResult(REVIEW_ID, "quota").orElseThrow();
    assertEquals(ComponentStatus.PARTIAL, stored.status());
    // The reads start at once; whichever finds the budget spent first names it.
    assertTrue(stored.errors().get(0).startsWith("time budget spent (time budget spent before "),
        stored.errors().get(0));
    assertEquals(19, stored.data().get("quotas").size());
    verify(quotas, never()).getServiceQuota(any(GetServiceQuotaRequest.class));
    verify(quotas, never()).listAWSDefaultServiceQuotas(any(ListAwsDefaultServiceQuotasRequest.class));
    verify(connect, never()).listUsers(any(ListUsersRequest.class));
    verify(cloudWatch, never()).getMetricData(any(GetMetricDataRequest.class));
  }

  @Test
  void handleRequest_forAnotherComponent_isRejectedAndNothingStored() throws IOException {
    ObjectNode request = (ObjectNode) Json.mapper().readTree(event());
    request.put("component", "instance");

    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> handler.handleRequest(
        new ByteArrayInputStream(Json.toBytes(request)), new ByteArrayOutputStream(), null));

    assertTrue(e.getMessage().contains("component: must be 'quota'"), e.getMessage());
    assertTrue(store.listComponents(REVIEW_ID).isEmpty());
  }

  @Test
  void handleRequest_withABadThresholdOption_storesFailedNamingTheOption() throws IOException {
    ObjectNode request = (ObjectNode) Json.mapper().readTree(event());
    ((ObjectNode) request.get("options")).put("criticalPercent", "high");

    handler.handleRequest(new ByteArrayInputStream(Json.toBytes(request)), new ByteArrayOutputStream(), null);

    AnalyzerResult stored = store.getResult(REVIEW_ID, "quota").orElseThrow();
    assertEquals(ComponentStatus.FAILED, stored.status());
    assertEquals(List.of("IllegalArgumentException: option criticalPercent must be a positive number of percent "
        + "(got 'high')"), stored.errors());
  }

  private static InputStream event() {
    return TestEvents.open("analyzer-request-quota.json");
  }
}
