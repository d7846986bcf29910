package com.connectopsreview.quota;

import static com.connectopsreview.quota.Fixtures.INSTANCE_ARN;
import static com.connectopsreview.quota.Fixtures.INSTANCE_ID;
import static com.connectopsreview.quota.Fixtures.NOW;
import static com.connectopsreview.quota.Fixtures.checkIds;
import static com.connectopsreview.quota.Fixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.connectopsreview.shared.analyzer.AnalysisOutput;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.links.ConsoleLinks;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.QuotaSection.CheckIds;
import com.connectopsreview.shared.sections.QuotaSection.ConcurrencyRow;
import com.connectopsreview.shared.sections.QuotaSection.Growth;
import com.connectopsreview.shared.sections.QuotaSection.LimitSource;
import com.connectopsreview.shared.sections.QuotaSection.QuotaRow;
import com.connectopsreview.shared.sections.QuotaSection.RowStatus;
import com.connectopsreview.shared.testing.SdkMocks;
import com.connectopsreview.shared.testing.TestClock;
import com.connectopsreview.shared.time.TimeBudget;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.AccessDeniedException;
import software.amazon.awssdk.services.connect.model.ListAgentStatusesRequest;
import software.amazon.awssdk.services.connect.model.ListAgentStatusesResponse;
import software.amazon.awssdk.services.connect.model.ListBotsRequest;
import software.amazon.awssdk.services.connect.model.ListBotsResponse;
import software.amazon.awssdk.services.connect.model.ListContactFlowModulesRequest;
import software.amazon.awssdk.services.connect.model.ListContactFlowModulesResponse;
import software.amazon.awssdk.services.connect.model.ListContactFlowsRequest;
import software.amazon.awssdk.services.connect.model.ListContactFlowsResponse;
import software.amazon.awssdk.services.connect.model.ListHoursOfOperationsRequest;
import software.amazon.awssdk.services.connect.model.ListHoursOfOperationsResponse;
import software.amazon.awssdk.services.connect.model.ListIntegrationAssociationsRequest;
import software.amazon.awssdk.services.connect.model.ListIntegrationAssociationsResponse;
import software.amazon.awssdk.services.connect.model.ListLambdaFunctionsRequest;
import software.amazon.awssdk.services.connect.model.ListLambdaFunctionsResponse;
import software.amazon.awssdk.services.connect.model.ListPhoneNumbersV2Request;
import software.amazon.awssdk.services.connect.model.ListPhoneNumbersV2Response;
import software.amazon.awssdk.services.connect.model.ListPredefinedAttributesRequest;
import software.amazon.awssdk.services.connect.model.ListPredefinedAttributesResponse;
import software.amazon.awssdk.services.connect.model.ListPromptsRequest;
import software.amazon.awssdk.services.connect.model.ListPromptsResponse;
import software.amazon.awssdk.services.connect.model.ListQueuesRequest;
import software.amazon.awssdk.services.connect.model.ListQueuesResponse;
import software.amazon.awssdk.services.connect.model.ListQuickConnectsRequest;
import software.amazon.awssdk.services.connect.model.ListQuickConnectsResponse;
import software.amazon.awssdk.services.connect.model.ListRoutingProfilesRequest;
import software.amazon.awssdk.services.connect.model.ListRoutingProfilesResponse;
import software.amazon.awssdk.services.connect.model.ListSecurityProfilesRequest;
import software.amazon.awssdk.services.connect.model.ListSecurityProfilesResponse;
import software.amazon.awssdk.services.connect.model.ListUserHierarchyGroupsRequest;
import software.amazon.awssdk.services.connect.model.ListUserHierarchyGroupsResponse;
import software.amazon.awssdk.services.connect.model.ListUsersRequest;
import software.amazon.awssdk.services.connect.model.ListUsersResponse;
import software.amazon.awssdk.services.connect.model.QueueSummary;
import software.amazon.awssdk.services.connect.model.QueueType;
import software.amazon.awssdk.services.connect.model.UserSummary;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.servicequotas.model.GetAwsDefaultServiceQuotaRequest;
import software.amazon.awssdk.services.servicequotas.model.GetAwsDefaultServiceQuotaResponse;
import software.amazon.awssdk.services.servicequotas.model.GetServiceQuotaRequest;
import software.amazon.awssdk.services.servicequotas.model.GetServiceQuotaResponse;
import software.amazon.awssdk.services.servicequotas.model.IllegalArgumentException;
import software.amazon.awssdk.services.servicequotas.model.ListAwsDefaultServiceQuotasRequest;
import software.amazon.awssdk.services.servicequotas.model.ListAwsDefaultServiceQuotasResponse;
import software.amazon.awssdk.services.servicequotas.model.ListServiceQuotasRequest;
import software.amazon.awssdk.services.servicequotas.model.ListServiceQuotasResponse;
import software.amazon.awssdk.services.servicequotas.model.ServiceQuota;

/** The analyzer over mocked clients that answer with SDK objects built by their builders. */
class QuotaAnalyzerTest {

  private final ConnectClient connect = SdkMocks.client(ConnectClient.class);
  private final ServiceQuotasClient quotas = SdkMocks.client(ServiceQuotasClient.class);
  private final CloudWatchClient cloudWatch = SdkMocks.client(CloudWatchClient.class);

  /** Limit per "code" (instance context) or "code@account" / "code@default"; absent = NoSuchResource. */
  private final Map<String, Double> limits = new HashMap<>();
  private final List<MetricDataResult> metricResults = new ArrayList<>();

  @BeforeEach
  void setUp() {
    for (QuotaCatalog.InstanceQuota q : QuotaCatalog.INSTANCE_QUOTAS) {
      limits.put(q.code(), 1000.0);
    }
    for (QuotaCatalog.ConcurrencyQuota q : QuotaCatalog.CONCURRENCY_QUOTAS) {
      limits.put(q.code(), 100.0);
    }
    when(quotas.getServiceQuota(any(GetServiceQuotaRequest.class))).thenAnswer(call -> {
      GetServiceQuotaRequest r = call.getArgument(0);
      String key = r.contextId() == null ? r.quotaCode() + "@account" : r.quotaCode();
      if (r.contextId() != null && !INSTANCE_ARN.equals(r.contextId())) {
        throw new AssertionError("context " + r.contextId());
      }
      Double value = limits.get(key);
      if (value == null) {
        throw Fixtures.noSuchResource();
      }
      return GetServiceQuotaResponse.builder().quota(quota(r.quotaCode(), "q", value)).build();
    });
    when(quotas.getAWSDefaultServiceQuota(any(GetAwsDefaultServiceQuotaRequest.class))).thenAnswer(call -> {
      GetAwsDefaultServiceQuotaRequest r = call.getArgument(0);
      Double value = limits.get(r.quotaCode() + "@default");
      if (value == null) {
        throw Fixtures.noSuchResource();
      }
      return GetAwsDefaultServiceQuotaResponse.builder().quota(quota(r.quotaCode(), "q", value)).build();
    });
    when(quotas.listAWSDefaultServiceQuotas(any(ListAwsDefaultServiceQuotasRequest.class)))
        .thenReturn(ListAwsDefaultServiceQuotasResponse.builder().build());
    when(quotas.listServiceQuotas(any(ListServiceQuotasRequest.class)))
        .thenReturn(ListServiceQuotasResponse.builder().build());
    when(cloudWatch.getMetricData(any(GetMetricDataRequest.class)))
        .thenAnswer(call -> Fixtures.metricData(call.getArgument(0), metricResults));
    emptyConnect(connect);
  }

  // ---- links ----

  @Test
  void rows_linkEachQuotaToItsServiceQuotasPage() {
    AnalysisOutput output = analyze();

    assertEquals("https://us-east-1.console.aws.amazon.com/servicequotas/home/services/connect/quotas/L-9A46857E",
        quotaRow(output, "USERS").consoleUrl());
    ConsoleLinks links = ConsoleLinks.forInstance(Fixtures.INSTANCE);
    for (QuotaRow row : rows(output)) {
      assertEquals(links.serviceQuota(row.quotaCode()), row.consoleUrl(), row.key());
    }
    for (ConcurrencyRow row : concurrencyRows(output)) {
      assertEquals(links.serviceQuota(row.quotaCode()), row.consoleUrl(), row.key());
    }
  }

  // ---- limits: the fallback chain ----

  @Test
  void limit_fallsBackFromInstanceToAccountToDefault_andKeepsAQuotaFoundNowhere() {
    limits.remove("L-9A46857E");
    limits.put("L-9A46857E@account", 500.0);
    limits.remove("L-19A87C94");
    limits.put("L-19A87C94@default", 50.0);
    limits.remove("L-22922690");

    AnalysisOutput output = analyze();

    QuotaRow users = quotaRow(output, "USERS");
    assertDecimal("500", users.limit());
    assertEquals(LimitSource.ACCOUNT, users.limitSource());
    QuotaRow queues = quotaRow(output, "QUEUES");
    assertDecimal("50", queues.limit());
    assertEquals(LimitSource.DEFAULT, queues.limitSource());
    QuotaRow flows = quotaRow(output, "CONTACT_FLOWS");
    assertNull(flows.limit());
    assertNull(flows.limitSource());
    assertEquals(RowStatus.LIMIT_UNKNOWN, flows.status());
    assertEquals(0L, flows.usage(), "usage is still counted without a limit");
    assertTrue(flows.note().contains("L-22922690 not found"), flows.note());
    assertEquals(LimitSource.INSTANCE, quotaRow(output, "PROMPTS").limitSource());
    // A quota that does not exist at any level is a fact about the Region, not a failure.
    assertEquals(ComponentStatus.OK, output.status(), () -> String.valueOf(output.errors()));
    verify(quotas, times(2)).getAWSDefaultServiceQuota(any(GetAwsDefaultServiceQuotaRequest.class));
    verify(quotas, times(23 + 3)).getServiceQuota(any(GetServiceQuotaRequest.class));
  }

  @Test
  void limit_whenTheQuotaTakesNoContext_usesTheAccountValue() {
    when(quotas.getServiceQuota(any(GetServiceQuotaRequest.class))).thenAnswer(call -> {
      GetServiceQuotaRequest r = call.getArgument(0);
      if (r.contextId() != null) {
        throw (IllegalArgumentException) IllegalArgumentException.builder().message("context not supported")
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("IllegalArgumentException").build()).build();
      }
      return GetServiceQuotaResponse.builder().quota(quota(r.quotaCode(), "q", 10.0)).build();
    });

    AnalysisOutput output = analyze();

    assertEquals(LimitSource.ACCOUNT, quotaRow(output, "USERS").limitSource());
    assertEquals(ComponentStatus.OK, output.status());
  }

  @Test
  void limit_deniedOnce_isReportedOnceAndNotRetriedPerQuota() {
    when(quotas.getServiceQuota(any(GetServiceQuotaRequest.class))).thenThrow(Fixtures.serviceQuotasDenied());

    AnalysisOutput output = analyze();

    verify(quotas, times(1)).getServiceQuota(any(GetServiceQuotaRequest.class));
    assertEquals(ComponentStatus.PARTIAL, output.status());
    assertTrue(output.errors().get(0).startsWith("limits of Contact flows per instance,"), output.errors().get(0));
    assertTrue(output.errors().get(0).contains("Concurrent active emails per instance not read: Service Quotas denied"),
        output.errors().get(0));
    assertEquals(RowStatus.LIMIT_UNKNOWN, quotaRow(output, "USERS").status());
  }

  // ---- usage ----

  @Test
  void usage_isCountedOverEveryPage_withTheLargestPageSize() {
    when(connect.listUsers(any(ListUsersRequest.class))).thenAnswer(call -> {
      ListUsersRequest r = call.getArgument(0);
      assertEquals(1000, r.maxResults());
      return r.nextToken() == null
          ? ListUsersResponse.builder().userSummaryList(users(1000)).nextToken("p2").build()
          : ListUsersResponse.builder().userSummaryList(users(3)).build();
    });
    when(connect.listQueues(any(ListQueuesRequest.class))).thenReturn(ListQueuesResponse.builder().queueSummaryList(
        QueueSummary.builder().id("q1").queueType(QueueType.STANDARD).build(),
        QueueSummary.builder().id("q2").queueType(QueueType.STANDARD).build(),
        QueueSummary.builder().id("agent").queueType(QueueType.AGENT).build()).build());

    AnalysisOutput output = analyze();

    assertEquals(1003L, quotaRow(output, "USERS").usage());
    assertEquals(new BigDecimal("100.3"), quotaRow(output, "USERS").percentage());
    assertEquals(RowStatus.CRITICAL, quotaRow(output, "USERS").status());
    assertEquals(2L, quotaRow(output, "QUEUES").usage(), "agent queues do not count");
    ArgumentCaptor<ListQueuesRequest> queues = ArgumentCaptor.forClass(ListQueuesRequest.class);
    verify(connect).listQueues(queues.capture());
    assertEquals(List.of(QueueType.STANDARD), queues.getValue().queueTypes());
    ArgumentCaptor<ListBotsRequest> bots = ArgumentCaptor.forClass(ListBotsRequest.class);
    verify(connect, times(2)).listBots(bots.capture());
    // Both versions are counted, each its own read (in whichever order the two reads run).
    assertEquals(List.of("V1", "V2"),
        bots.getAllValues().stream().map(ListBotsRequest::lexVersionAsString).sorted().toList());
    assertTrue(bots.getAllValues().stream().allMatch(r -> r.maxResults() == 25));
    assertEquals(Severity.CRITICAL, only(output.findings(), "QUOTA.USERS.CRITICAL").severity());
  }

  @Test
  void unmeasurableQuotas_stayAsRowsWithTheirLimit() {
    AnalysisOutput output = analyze();

    assertEquals(19, rows(output).size());
    long measured = rows(output).stream().filter(r -> r.usage() != null).count();
    assertTrue(measured >= 15, "measured rows: " + measured);
    for (String key : List.of("PROFICIENCIES_PER_AGENT", "CAMPAIGNS")) {
      QuotaRow row = quotaRow(output, key);
      assertDecimal("1000", row.limit());
      assertNull(row.usage());
      assertNull(row.percentage());
      assertNull(row.usageSource());
      assertEquals(RowStatus.NOT_MEASURED, row.status());
      assertEquals("no API counts this quota's usage", row.note());
      assertEquals(Severity.INFO, only(output.findings(), "QUOTA." + key + ".NOT_MEASURED").severity());
    }
  }

  @Test
  void usage_thatCannotBeCounted_isNotMeasuredAndNamedInErrors() {
    when(connect.listUsers(any(ListUsersRequest.class))).thenThrow(AccessDeniedException.builder().statusCode(403)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").serviceName("Connect")
            .errorMessage("not authorized to perform: connect:ListUsers").build()).build());

    AnalysisOutput output = analyze();

    assertEquals(ComponentStatus.PARTIAL, output.status());
    assertEquals(List.of("usage of Users per instance (ListUsers) could not be read: AccessDeniedException from "
        + "Connect (HTTP 403): not authorized to perform: connect:ListUsers"), output.errors());
    assertEquals(RowStatus.NOT_MEASURED, quotaRow(output, "USERS").status());
    assertTrue(output.findings().stream().noneMatch(f -> f.checkId().equals("QUOTA.USERS.WITHIN_LIMIT")));
  }

  @Test
  void thresholdOptions_changeTheBands() {
    when(connect.listUsers(any(ListUsersRequest.class)))
        .thenReturn(ListUsersResponse.builder().userSummaryList(users(600)).build());

    AnalysisOutput output = new QuotaAnalyzer(clients()).analyze(
        Fixtures.request(NOW.plusSeconds(600), Map.of("warnPercent", "50", "criticalPercent", "70")),
        budget(Clock.fixed(NOW, ZoneOffset.UTC)));

    assertEquals(RowStatus.WARNING, quotaRow(output, "USERS").status());
    // HIGH would start at 90, kept at the critical threshold (70): 60 % stays MEDIUM.
    assertEquals(Severity.MEDIUM, only(output.findings(), "QUOTA.USERS.NEAR_LIMIT").severity());
    assertDecimal("50", output.data().at("/thresholds/warnPercent").decimalValue());
    assertDecimal("70", output.data().at("/thresholds/highPercent").decimalValue());
  }

  // ---- concurrency ----

  @Test
  void concurrency_oneGetMetricDataCall_metricStatQueriesWithBothDimensions() {
    AnalysisOutput output = analyze();

    ArgumentCaptor<GetMetricDataRequest> captor = ArgumentCaptor.forClass(GetMetricDataRequest.class);
    verify(cloudWatch, times(1)).getMetricData(captor.capture());
    GetMetricDataRequest request = captor.getValue();
    assertEquals(Instant.parse("2026-11-09T00:00:00Z"), request.startTime());
    assertEquals(NOW, request.endTime());
    assertEquals("TimestampAscending", request.scanByAsString());
    assertEquals(8, request.metricDataQueries().size());
    for (MetricDataQuery q : request.metricDataQueries()) {
      assertNull(q.expression(), q.id());
      assertEquals("AWS/Connect", q.metricStat().metric().namespace());
      assertEquals(86_400, q.metricStat().period());
      assertEquals("Maximum", q.metricStat().stat());
      var dims = q.metricStat().metric().dimensions();
      assertEquals(2, dims.size(), q.id());
      assertEquals("InstanceId", dims.get(0).name());
      assertEquals(INSTANCE_ID, dims.get(0).value());
      assertEquals("MetricGroup", dims.get(1).name());
    }
    assertEquals(List.of("VoiceCalls", "VoiceCalls", "Chats", "Chats", "Tasks", "Tasks", "Email", "Email"),
        request.metricDataQueries().stream().map(q -> q.metricStat().metric().dimensions().get(1).value()).toList());
    assertEquals(4, output.data().get("concurrency").size());
  }

  @Test
  void concurrency_withoutDatapoints_isNoDataWithoutGrowth() {
    AnalysisOutput output = analyze();

    for (ConcurrencyRow row : concurrencyRows(output)) {
      assertEquals(RowStatus.NO_DATA, row.status(), row.key());
      assertNull(row.usage());
      assertNull(row.percentage());
      assertTrue(row.daily().isEmpty());
    }
    for (Growth growth : growths(output)) {
      assertNull(growth.trend());
      assertEquals("no datapoints in the window", growth.note());
    }
    assertEquals(Severity.INFO, only(output.findings(), "QUOTA.CONCURRENT_EMAILS.NO_DATA").severity());
    assertEquals(ComponentStatus.OK, output.status());
  }

  @Test
  void concurrency_peakAgainstQuota_publishedFractionScaled_singleDayHasNoGrowth() {
    metricResults.add(result("concurrent_calls_peak", List.of(day(20)), List.of(85.0)));
    metricResults.add(result("concurrent_calls_percent", List.of(day(20)), List.of(0.85)));
    metricResults.add(result("concurrent_chats_percent", List.of(day(20)), List.of(12.5)));

    AnalysisOutput output = analyze();

    ConcurrencyRow calls = concurrencyRow(output, "CONCURRENT_CALLS");
    assertDecimal("85", calls.usage());
    assertEquals(day(20), calls.peakDay());
    assertDecimal("85.0", calls.percentage());
    assertDecimal("85.0", calls.publishedPeakPercent());
    assertEquals(RowStatus.WARNING, calls.status());
    assertEquals(Severity.MEDIUM, only(output.findings(), "QUOTA.CONCURRENT_CALLS.NEAR_LIMIT").severity());
    assertEquals("datapoints in only one half of the window (1 whole day)", growths(output).get(0).note());
    // Chats: no count datapoints, Connect's percentage (already in %) still bands the row.
    ConcurrencyRow chats = concurrencyRow(output, "CONCURRENT_CHATS");
    assertDecimal("12.5", chats.publishedPeakPercent());
    assertEquals(RowStatus.NORMAL, chats.status());
  }

  @Test
  void concurrency_limitZero_withAPeak_isCritical() {
    limits.put("L-60553137", 0.0);
    metricResults.add(result("concurrent_tasks_peak", List.of(day(12)), List.of(2.0)));

    AnalysisOutput output = analyze();

    ConcurrencyRow tasks = concurrencyRow(output, "CONCURRENT_TASKS");
    assertEquals(RowStatus.CRITICAL, tasks.status());
    assertNull(tasks.percentage());
    assertEquals("Concurrent active tasks per instance: quota is 0 but in use",
        only(output.findings(), "QUOTA.CONCURRENT_TASKS.CRITICAL").title());
  }

  @Test
  void concurrency_seriesWithAnErrorStatus_isNotMeasuredAndNamed() {
    metricResults.add(MetricDataResult.builder().id("concurrent_calls_peak").statusCode(StatusCode.INTERNAL_ERROR)
        .build());

    AnalysisOutput output = analyze();

    assertEquals(RowStatus.NOT_MEASURED, concurrencyRow(output, "CONCURRENT_CALLS").status());
    assertEquals("peaks not measured", growths(output).get(0).note());
    assertEquals(ComponentStatus.PARTIAL, output.status());
    assertEquals(List.of("peak of Concurrent active calls per instance (ConcurrentCalls) incomplete: "
        + "GetMetricData status InternalError"), output.errors());
  }

  @Test
  void concurrency_whenGetMetricDataFails_keepsTheRowsWithTheirLimits() {
    when(cloudWatch.getMetricData(any(GetMetricDataRequest.class))).thenThrow(
        software.amazon.awssdk.services.cloudwatch.model.CloudWatchException.builder().statusCode(403)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").serviceName("CloudWatch")
                .errorMessage("not authorized to perform: cloudwatch:GetMetricData").build()).build());

    AnalysisOutput output = analyze();

    assertEquals(4, concurrencyRows(output).size());
    for (ConcurrencyRow row : concurrencyRows(output)) {
      assertEquals(RowStatus.NOT_MEASURED, row.status());
      assertDecimal("100", row.limit());
    }
    assertEquals(1, output.errors().size());
    assertTrue(output.errors().get(0).startsWith("concurrency peaks (CloudWatch GetMetricData) could not be read: "
        + "AccessDenied from CloudWatch (HTTP 403)"), output.errors().get(0));
  }

  // ---- rate quotas ----

  @Test
  void rateQuotas_onlyRateOf_andOnlyThoseThatDifferAreFindings() {
    when(quotas.listAWSDefaultServiceQuotas(any(ListAwsDefaultServiceQuotasRequest.class))).thenAnswer(call -> {
      ListAwsDefaultServiceQuotasRequest r = call.getArgument(0);
      assertEquals(100, r.maxResults());
      return r.nextToken() == null
          ? ListAwsDefaultServiceQuotasResponse.builder().quotas(quota("L-R1", "Rate of ListUsers API requests", 2.0),
              quota("L-9A46857E", "Users per instance", 500.0)).nextToken("n").build()
          : ListAwsDefaultServiceQuotasResponse.builder().quotas(quota("L-R2", "Rate of GetMetricData API", 5.0),
              quota("L-R3", "Rate of DescribeUser API requests", 2.0)).build();
    });
    when(quotas.listServiceQuotas(any(ListServiceQuotasRequest.class))).thenReturn(ListServiceQuotasResponse.builder()
        .quotas(quota("L-R1", "Rate of ListUsers API requests", 10.0), quota("L-R2", "Rate of GetMetricData API", 5.0),
            quota("L-9A46857E", "Users per instance", 9999.0)).build());

    AnalysisOutput output = analyze();

    var rates = output.data().get("rateQuotas");
    assertEquals(3, rates.size());
    assertEquals("L-R1", rates.get(0).get("quotaCode").asText());
    assertTrue(rates.get(0).get("modified").asBoolean());
    assertTrue(!rates.get(1).get("modified").asBoolean());
    assertTrue(rates.get(2).get("appliedValue").isNull());
    assertEquals("arn:aws:servicequotas:us-east-1:123456789012:connect/L-R1",
        only(output.findings(), CheckIds.API_RATE_CUSTOM).resource());
    assertEquals(1, output.data().at("/summary/rateQuotasModified").asInt());
  }

  @Test
  void otherQuotas_outsideTheCatalog_areKeptAsLimitOnlyRows_withOneInfoFinding() {
    when(quotas.listAWSDefaultServiceQuotas(any(ListAwsDefaultServiceQuotasRequest.class))).thenReturn(
        ListAwsDefaultServiceQuotasResponse.builder().quotas(quota("L-R1", "Rate of ListUsers API requests", 2.0),
            quota("L-9A46857E", "Users per instance", 500.0), quota("L-D492D362", "Data tables per instance", 100.0),
            quota("L-6402A996", "Workspaces per instance", 50.0)).build());
    when(quotas.listServiceQuotas(any(ListServiceQuotasRequest.class))).thenReturn(ListServiceQuotasResponse.builder()
        .quotas(quota("L-D492D362", "Data tables per instance", 150.0)).build());

    AnalysisOutput output = analyze();

    var others = output.data().get("otherQuotas");
    assertEquals(2, others.size(), "catalogued (Users) and rate quotas are not repeated here");
    assertEquals("L-D492D362", others.get(0).get("quotaCode").asText());
    assertDecimal("150", others.get(0).get("appliedValue").decimalValue());
    assertDecimal("100", others.get(0).get("defaultValue").decimalValue());
    assertEquals("NOT_MEASURED", others.get(0).get("status").asText());
    assertTrue(others.get(1).get("appliedValue").isNull());
    assertEquals(2, output.data().at("/summary/otherQuotas").asInt());
    var finding = only(output.findings(), CheckIds.OTHER_QUOTAS_NOT_MEASURED);
    assertEquals(com.connectopsreview.shared.model.Severity.INFO, finding.severity());
    assertTrue(finding.detail().contains("Data tables per instance (L-D492D362): 150 applied"), finding.detail());
    assertTrue(finding.detail().contains("Workspaces per instance (L-6402A996): 50 default"), finding.detail());
  }

  @Test
  void otherQuotas_none_noFinding() {
    AnalysisOutput output = analyze();

    assertEquals(0, output.data().get("otherQuotas").size());
    assertTrue(output.findings().stream().noneMatch(f -> f.checkId().equals(CheckIds.OTHER_QUOTAS_NOT_MEASURED)));
  }

  // ---- time budget ----

  @Test
  void timeBudget_spentMidway_storesWhatWasReadAsPartial_andCallsNothingMore() {
    TestClock clock = new TestClock(NOW);
    when(connect.listUsers(any(ListUsersRequest.class))).thenAnswer(call -> {
      clock.advance(Duration.ofMinutes(10));
      return ListUsersResponse.builder().userSummaryList(users(7)).build();
    });

    // One read after another, in the order they are made: every limit, then each usage list.
    AnalysisOutput output = new QuotaAnalyzer(clients(), 1)
        .analyze(Fixtures.request(NOW.plusSeconds(300)), new TimeBudget(clock, NOW.plusSeconds(300)));

    assertEquals(ComponentStatus.PARTIAL, output.status());
    assertEquals(7L, quotaRow(output, "USERS").usage());
    assertEquals(19, rows(output).size(), "rows not reached are kept");
    assertDecimal("1000", quotaRow(output, "QUEUES").limit());
    assertNull(quotaRow(output, "QUEUES").usage());
    assertEquals("not examined: time budget spent", quotaRow(output, "QUEUES").note());
    verify(connect, never()).listQueues(any(ListQueuesRequest.class));
    verify(cloudWatch, never()).getMetricData(any(GetMetricDataRequest.class));
    verify(quotas, never()).listAWSDefaultServiceQuotas(any(ListAwsDefaultServiceQuotasRequest.class));
    String error = output.errors().get(0);
    assertTrue(error.startsWith("time budget spent (time budget spent before Connect ListQueues"), error);
    assertTrue(error.contains("not examined: usage of Queues per instance (ListQueues(QueueTypes=STANDARD)); "
        + "usage of Routing profiles per instance (ListRoutingProfiles)"), error);
    assertTrue(error.endsWith("; concurrency peaks (CloudWatch GetMetricData); "
        + "API rate and other quotas (ListAWSDefaultServiceQuotas, ListServiceQuotas)"), error);
    assertTrue(checkIds(output.findings()).contains("QUOTA.CONTACT_FLOWS.WITHIN_LIMIT"));
  }

  @Test
  void timeBudget_spentDuringTheLimits_leavesTheRestOfThemUnreadAndSaysSo() {
    TestClock clock = new TestClock(NOW);
    when(quotas.getServiceQuota(any(GetServiceQuotaRequest.class))).thenAnswer(call -> {
      clock.advance(Duration.ofMinutes(10));
      GetServiceQuotaRequest r = call.getArgument(0);
      return GetServiceQuotaResponse.builder().quota(quota(r.quotaCode(), "q", 1000.0)).build();
    });

    AnalysisOutput output = new QuotaAnalyzer(clients(), 1)
        .analyze(Fixtures.request(NOW.plusSeconds(300)), new TimeBudget(clock, NOW.plusSeconds(300)));

    assertDecimal("1000", quotaRow(output, "CONTACT_FLOWS").limit());
    assertNull(quotaRow(output, "FLOW_MODULES").limit());
    assertEquals("not examined: time budget spent", quotaRow(output, "FLOW_MODULES").note());
    verify(quotas, times(1)).getServiceQuota(any(GetServiceQuotaRequest.class));
    verify(connect, never()).listUsers(any(ListUsersRequest.class));
    String error = output.errors().get(0);
    assertTrue(error.startsWith("time budget spent (time budget spent before ServiceQuotas GetServiceQuota"), error);
    assertTrue(error.contains("not examined: limit of Flow modules per instance; limit of Users per instance"), error);
  }

  // ---- reading at once ----

  @Test
  void usageLists_ofDifferentApis_areReadAtTheSameTime() {
    // Each list waits for the other two to be in flight: read one after another, they would time out.
    CyclicBarrier allInFlight = new CyclicBarrier(3);
    when(connect.listUsers(any(ListUsersRequest.class))).thenAnswer(call -> {
      allInFlight.await(30, TimeUnit.SECONDS);
      return ListUsersResponse.builder().userSummaryList(users(3)).build();
    });
    when(connect.listPrompts(any(ListPromptsRequest.class))).thenAnswer(call -> {
      allInFlight.await(30, TimeUnit.SECONDS);
      return ListPromptsResponse.builder().build();
    });
    when(quotas.listAWSDefaultServiceQuotas(any(ListAwsDefaultServiceQuotasRequest.class))).thenAnswer(call -> {
      allInFlight.await(30, TimeUnit.SECONDS);
      return ListAwsDefaultServiceQuotasResponse.builder().build();
    });

    AnalysisOutput output = analyze();

    assertEquals(ComponentStatus.OK, output.status(), () -> String.valueOf(output.errors()));
    assertEquals(3L, quotaRow(output, "USERS").usage());
    assertEquals(0L, quotaRow(output, "PROMPTS").usage());
  }

  // ---- helpers ----

  /** Data numbers compare by value: the stored JSON keeps no trailing zeros (85.0 reads back as 85). */
  private static void assertDecimal(String expected, BigDecimal actual) {
    assertTrue(actual != null && new BigDecimal(expected).compareTo(actual) == 0, expected + " vs " + actual);
  }

  private AnalysisOutput analyze() {
    return new QuotaAnalyzer(clients()).analyze(Fixtures.request(NOW.plusSeconds(600)),
        budget(Clock.fixed(NOW, ZoneOffset.UTC)));
  }

  private ServiceClients clients() {
    return SdkMocks.inRegion(Region.US_EAST_1, connect, quotas, cloudWatch);
  }

  private static TimeBudget budget(Clock clock) {
    return new TimeBudget(clock, NOW.plusSeconds(600));
  }

  private static List<QuotaRow> rows(AnalysisOutput output) {
    return List.of(Json.mapper().convertValue(output.data().get("quotas"), QuotaRow[].class));
  }

  private static QuotaRow quotaRow(AnalysisOutput output, String key) {
    return rows(output).stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
  }

  private static List<ConcurrencyRow> concurrencyRows(AnalysisOutput output) {
    return List.of(Json.mapper().convertValue(output.data().get("concurrency"), ConcurrencyRow[].class));
  }

  private static ConcurrencyRow concurrencyRow(AnalysisOutput output, String key) {
    return concurrencyRows(output).stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
  }

  private static List<Growth> growths(AnalysisOutput output) {
    return List.of(Json.mapper().convertValue(output.data().get("growth"), Growth[].class));
  }

  private static ServiceQuota quota(String code, String name, double value) {
    return ServiceQuota.builder().serviceCode("connect").quotaCode(code).quotaName(name).value(value).build();
  }

  private static Instant day(int novemberDay) {
    return Instant.parse("2026-11-%02dT00:00:00Z".formatted(novemberDay));
  }

  private static MetricDataResult result(String id, List<Instant> timestamps, List<Double> values) {
    return MetricDataResult.builder().id(id).timestamps(timestamps).values(values).statusCode(StatusCode.COMPLETE)
        .build();
  }

  private static List<UserSummary> users(int n) {
    List<UserSummary> users = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      users.add(UserSummary.builder().id("u" + i).build());
    }
    return users;
  }

  /** Every count API answers an empty last page. */
  static void emptyConnect(ConnectClient connect) {
    when(connect.listContactFlows(any(ListContactFlowsRequest.class)))
        .thenReturn(ListContactFlowsResponse.builder().build());
    when(connect.listContactFlowModules(any(ListContactFlowModulesRequest.class)))
        .thenReturn(ListContactFlowModulesResponse.builder().build());
    when(connect.listUsers(any(ListUsersRequest.class))).thenReturn(ListUsersResponse.builder().build());
    when(connect.listQueues(any(ListQueuesRequest.class))).thenReturn(ListQueuesResponse.builder().build());
    when(connect.listRoutingProfiles(any(ListRoutingProfilesRequest.class)))
        .thenReturn(ListRoutingProfilesResponse.builder().build());
    when(connect.listSecurityProfiles(any(ListSecurityProfilesRequest.class)))
        .thenReturn(ListSecurityProfilesResponse.builder().build());
    when(connect.listHoursOfOperations(any(ListHoursOfOperationsRequest.class)))
        .thenReturn(ListHoursOfOperationsResponse.builder().build());
    when(connect.listPrompts(any(ListPromptsRequest.class))).thenReturn(ListPromptsResponse.builder().build());
    when(connect.listQuickConnects(any(ListQuickConnectsRequest.class)))
        .thenReturn(ListQuickConnectsResponse.builder().build());
    when(connect.listAgentStatuses(any(ListAgentStatusesRequest.class)))
        .thenReturn(ListAgentStatusesResponse.builder().build());
    when(connect.listPhoneNumbersV2(any(ListPhoneNumbersV2Request.class)))
        .thenReturn(ListPhoneNumbersV2Response.builder().build());
    when(connect.listBots(any(ListBotsRequest.class))).thenReturn(ListBotsResponse.builder().build());
    when(connect.listUserHierarchyGroups(any(ListUserHierarchyGroupsRequest.class)))
        .thenReturn(ListUserHierarchyGroupsResponse.builder().build());
    when(connect.listLambdaFunctions(any(ListLambdaFunctionsRequest.class)))
        .thenReturn(ListLambdaFunctionsResponse.builder().build());
    when(connect.listPredefinedAttributes(any(ListPredefinedAttributesRequest.class)))
        .thenReturn(ListPredefinedAttributesResponse.builder().build());
    when(connect.listIntegrationAssociations(any(ListIntegrationAssociationsRequest.class)))
        .thenReturn(ListIntegrationAssociationsResponse.builder().build());
  }

}
