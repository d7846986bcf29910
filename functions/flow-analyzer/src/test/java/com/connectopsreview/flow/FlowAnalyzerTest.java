package com.connectopsreview.flow;

import static com.connectopsreview.flow.Fixtures.ACCESS_URL;
import static com.connectopsreview.flow.Fixtures.INSTANCE_ID;
import static com.connectopsreview.flow.Fixtures.NOW;
import static com.connectopsreview.flow.Fixtures.REVIEW_ID;
import static com.connectopsreview.flow.Fixtures.content;
import static com.connectopsreview.flow.Fixtures.flow;
import static com.connectopsreview.flow.Fixtures.flowArn;
import static com.connectopsreview.flow.Fixtures.only;
import static com.connectopsreview.flow.Fixtures.withCheckId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.hash.Sha256;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.connectopsreview.shared.testing.SdkMocks;
import com.connectopsreview.shared.testing.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.Attribute;
import software.amazon.awssdk.services.connect.model.ContactFlow;
import software.amazon.awssdk.services.connect.model.ContactFlowModule;
import software.amazon.awssdk.services.connect.model.ContactFlowModuleSummary;
import software.amazon.awssdk.services.connect.model.ContactFlowSummary;
import software.amazon.awssdk.services.connect.model.DescribeContactFlowModuleRequest;
import software.amazon.awssdk.services.connect.model.DescribeContactFlowModuleResponse;
import software.amazon.awssdk.services.connect.model.DescribeContactFlowRequest;
import software.amazon.awssdk.services.connect.model.DescribeContactFlowResponse;
import software.amazon.awssdk.services.connect.model.DescribeInstanceAttributeRequest;
import software.amazon.awssdk.services.connect.model.DescribeInstanceAttributeResponse;
import software.amazon.awssdk.services.connect.model.DescribeInstanceRequest;
import software.amazon.awssdk.services.connect.model.DescribeInstanceResponse;
import software.amazon.awssdk.services.connect.model.Instance;
import software.amazon.awssdk.services.connect.model.ListContactFlowModulesRequest;
import software.amazon.awssdk.services.connect.model.ListContactFlowModulesResponse;
import software.amazon.awssdk.services.connect.model.ListContactFlowsRequest;
import software.amazon.awssdk.services.connect.model.ListContactFlowsResponse;
import software.amazon.awssdk.services.connect.model.SearchContactFlowModulesRequest;
import software.amazon.awssdk.services.connect.model.SearchContactFlowModulesResponse;
import software.amazon.awssdk.services.connect.model.SearchContactFlowsRequest;
import software.amazon.awssdk.services.connect.model.SearchContactFlowsResponse;

/** The analyzer over a mocked Connect client, storing into a real local-directory store (result and cache). */
class FlowAnalyzerTest {

  private static final Instant T1 = Instant.parse("2026-10-01T12:00:00Z");
  private static final Instant T2 = Instant.parse("2026-11-20T08:30:00Z");

  @TempDir Path storeDir;

  private final ConnectClient connect = SdkMocks.client(ConnectClient.class);
  private LocalDirectoryResultStore store;
  private final TestClock clock = new TestClock(NOW);

  @BeforeEach
  void setUp() {
    store = new LocalDirectoryResultStore(storeDir);
    when(connect.describeInstance(any(DescribeInstanceRequest.class))).thenReturn(DescribeInstanceResponse.builder()
        .instance(Instance.builder().id(INSTANCE_ID).instanceAccessUrl(ACCESS_URL).build()).build());
    instanceFlowLogs("false");
    modules();
  }

  // ---- logging ----

  @Test
  void run_reportsEveryFlowWithoutAnEnabledLoggingBlock_mediumWhileInstanceFlowLogsAreOff() {
    flows(flow("f-1", "Main IVR", "CONTACT_FLOW", content("clean/inbound"), T1),
        flow("f-2", "Default agent hold", "AGENT_HOLD", content("logging/absent"), T1),
        flow("f-3", "Card payment", "CONTACT_FLOW", content("logging/disabled-only"), T1));

    AnalyzerResult result = run();

    assertEquals(ComponentStatus.OK, result.status(), () -> String.valueOf(result.errors()));
    List<Finding> missing = withCheckId(result.findings(), "FLOW.LOGGING.MISSING");
    assertEquals(List.of(flowArn("f-2"), flowArn("f-3")), missing.stream().map(Finding::resource).toList());
    missing.forEach(f -> assertEquals(Severity.MEDIUM, f.severity()));
    missing.forEach(f -> assertEquals(Pillar.OPERATIONAL_EXCELLENCE, f.pillar()));
    Finding defaultFlow = missing.get(0);
    assertEquals(true, defaultFlow.evidence().get("defaultFlow"));
    assertEquals("ABSENT", defaultFlow.evidence().get("logging"));
    assertEquals(false, defaultFlow.evidence().get("instanceFlowLogs"));
    assertEquals(false, defaultFlow.evidence().get("dependsOnInstanceSetting"));
    assertEquals("https://contoso.my.connect.aws/contact-flows/edit?id="
        + flowArn("f-2").replace(":", "%3A").replace("/", "%2F") + "&tab=designer", defaultFlow.consoleUrl());
    assertEquals(false, missing.get(1).evidence().get("defaultFlow"));
    assertEquals("DISABLED", missing.get(1).evidence().get("logging"));
    assertTrue(withCheckId(result.findings(), "FLOW.LOGGING.COMPLIANT").isEmpty());

    Finding summary = only(result.findings(), "FLOW.LOGGING.SUMMARY");
    assertEquals(Severity.INFO, summary.severity());
    assertEquals(new java.math.BigDecimal("33.3"), summary.evidence().get("loggingCompliancePercent"));
    assertEquals(Map.of("AGENT_HOLD", 1, "CONTACT_FLOW", 2), summary.evidence().get("flowsByType"));
    assertEquals(Map.of("AGENT_HOLD", 1, "CONTACT_FLOW", 1), summary.evidence().get("withoutLoggingByType"));

    JsonNode data = result.data();
    assertFalse(data.get("instanceFlowLogs").asBoolean());
    assertEquals("SEARCH", data.get("contentSource").asText());
    assertEquals(3, data.get("totalFlows").asInt());
    assertEquals("33.3", data.get("loggingCompliancePercent").decimalValue().toPlainString());
    assertEquals(2, data.at("/flowsByType/CONTACT_FLOW").asInt());
    JsonNode row = data.at("/flows/1");
    assertEquals("f-2", row.get("id").asText());
    assertEquals("AGENT_HOLD", row.get("type").asText());
    assertEquals("ACTIVE", row.get("state").asText());
    assertEquals("PUBLISHED", row.get("status").asText());
    assertTrue(row.get("defaultFlow").asBoolean());
    assertEquals("ABSENT", row.get("logging").asText());
    assertEquals(defaultFlow.consoleUrl(), row.get("editUrl").asText());
    assertEquals(1, data.at("/flows/2/lintCount").asInt());
    assertEquals("FLOW.LINT.LOGGING_NOT_REENABLED", data.at("/lint/0/checkId").asText());
    assertEquals("Card payment", data.at("/lint/0/flowName").asText());
    assertEquals("log-off", data.at("/lint/0/blockId").asText());
    assertEquals(0, data.at("/analysis/describeCalls").asInt());
    assertEquals(2, data.at("/analysis/searchPages").asInt());
    assertEquals(3, data.at("/analysis/analyzed").asInt());
  }

  @Test
  void run_whileInstanceFlowLogsAreOn_aFlowWithoutBlockDependsOnIt_butAnExplicitDisableStaysMedium() {
    instanceFlowLogs("true");
    flows(flow("f-2", "Sales whisper", "AGENT_WHISPER", content("logging/absent"), T1),
        flow("f-3", "Card payment", "CONTACT_FLOW", content("logging/disabled-only"), T1));

    AnalyzerResult result = run();

    List<Finding> missing = withCheckId(result.findings(), "FLOW.LOGGING.MISSING");
    assertEquals(Severity.LOW, missing.get(0).severity());
    assertEquals(true, missing.get(0).evidence().get("dependsOnInstanceSetting"));
    assertEquals(true, missing.get(0).evidence().get("instanceFlowLogs"));
    assertEquals(Severity.MEDIUM, missing.get(1).severity());
    assertEquals(false, missing.get(1).evidence().get("dependsOnInstanceSetting"));
    assertTrue(result.data().at("/flows/0/dependsOnInstanceSetting").asBoolean());
    assertTrue(result.data().get("instanceFlowLogs").asBoolean());
  }

  @Test
  void run_whenEveryFlowLogs_passesOnce() {
    flows(flow("f-1", "Main IVR", "CONTACT_FLOW", content("clean/inbound"), T1),
        flow("f-2", "PIN entry", "CONTACT_FLOW", content("logging/disabled-then-reenabled"), T1));

    AnalyzerResult result = run();

    Finding pass = only(result.findings(), "FLOW.LOGGING.COMPLIANT");
    assertEquals(Severity.PASS, pass.severity());
    assertEquals(2L, number(pass.evidence().get("totalFlows")));
    assertEquals(List.of("FLOW.LOGGING.SUMMARY", "FLOW.LOGGING.COMPLIANT"),
        result.findings().stream().map(Finding::checkId).toList());
    // The shared mapper's JSON tree keeps numbers in their shortest form: 100.0 is stored as 100.
    assertEquals(0, new java.math.BigDecimal("100").compareTo(
        result.data().get("loggingCompliancePercent").decimalValue()));
  }

  @Test
  void run_withoutFlows_saysSoOnce() {
    flows();

    AnalyzerResult result = run();

    assertEquals(ComponentStatus.OK, result.status());
    assertEquals(List.of("FLOW.FLOWS.NONE"), result.findings().stream().map(Finding::checkId).toList());
    assertEquals(0, result.data().get("totalFlows").asInt());
    assertTrue(result.data().get("loggingCompliancePercent").isNull());
  }

  // ---- lint, modules, unparsable ----

  @Test
  void run_lintsFlowsAndModules_oneFindingPerOffendingBlock() {
    flows(flow("f-1", "Orders", "CONTACT_FLOW", content("lint/lambda-timeout-positive"), T1));
    modules(Fixtures.module("m-1", "Account lookup", content("lint/unreachable-positive")),
        Fixtures.module("m-2", "Hold music", content("clean/module")));

    AnalyzerResult result = run();

    List<Finding> timeouts = withCheckId(result.findings(), "FLOW.LINT.LAMBDA_TIMEOUT");
    assertEquals(4, timeouts.size());
    Finding first = timeouts.get(0);
    assertEquals(Severity.MEDIUM, first.severity());
    assertEquals(flowArn("f-1"), first.resource());
    assertEquals("no-timeout", first.evidence().get("blockId"));
    assertEquals("InvokeLambdaFunction", first.evidence().get("actionType"));
    assertEquals("Orders", first.evidence().get("flowName"));
    assertEquals("InvocationTimeLimitSeconds is not set", first.detail());
    List<Finding> unreachable = withCheckId(result.findings(), "FLOW.LINT.UNREACHABLE");
    assertEquals(List.of("old-promo", "old-survey"), unreachable.stream().map(f -> f.evidence().get("blockId")).toList());
    assertEquals(Fixtures.moduleArn("m-1"), unreachable.get(0).resource());
    assertEquals(true, unreachable.get(0).evidence().get("module"));
    assertEquals("https://contoso.my.connect.aws/contact-flows", unreachable.get(0).consoleUrl());
    assertEquals(2, result.data().get("totalModules").asInt());
    assertEquals(2, result.data().at("/modules/0/lintCount").asInt());
    assertEquals(0, result.data().at("/modules/1/lintCount").asInt());
    assertEquals(6, result.data().get("lint").size());
  }

  @Test
  void run_withUnparsableContent_reportsItAndCarriesOn() {
    flows(flow("f-1", "Broken import", "CONTACT_FLOW", content("unparsable/truncated"), T1),
        flow("f-2", "Main IVR", "CONTACT_FLOW", content("clean/inbound"), T1));

    AnalyzerResult result = run();

    assertEquals(ComponentStatus.OK, result.status(), () -> String.valueOf(result.errors()));
    Finding unparsable = only(result.findings(), "FLOW.CONTENT.UNPARSABLE");
    assertEquals(Severity.INFO, unparsable.severity());
    assertEquals(flowArn("f-1"), unparsable.resource());
    assertTrue(unparsable.detail().startsWith("not JSON: "), unparsable.detail());
    assertFalse(unparsable.evidence().containsKey("blockId"));
    assertTrue(result.data().at("/flows/0/logging").isNull());
    Finding summary = only(result.findings(), "FLOW.LOGGING.SUMMARY");
    assertEquals(1L, number(summary.evidence().get("flowsNotEvaluated")));
    assertEquals(new java.math.BigDecimal("100.0"), summary.evidence().get("loggingCompliancePercent"));
    // A flow that could not be evaluated never counts towards a PASS.
    assertTrue(withCheckId(result.findings(), "FLOW.LOGGING.COMPLIANT").isEmpty());
  }

  // ---- errors and fallback ----

  @Test
  void run_whenSearchIsDenied_fallsBackToListAndDescribeForFlowsAndModules() {
    when(connect.searchContactFlows(any(SearchContactFlowsRequest.class)))
        .thenThrow(Fixtures.connectDenied("SearchContactFlows"));
    when(connect.searchContactFlowModules(any(SearchContactFlowModulesRequest.class)))
        .thenThrow(Fixtures.connectDenied("SearchContactFlowModules"));
    when(connect.listContactFlows(any(ListContactFlowsRequest.class))).thenReturn(ListContactFlowsResponse.builder()
        .contactFlowSummaryList(summary("f-1", "Main IVR"), summary("f-2", "Sales whisper")).build());
    describes(flow("f-1", "Main IVR", "CONTACT_FLOW", content("clean/inbound"), T1),
        flow("f-2", "Sales whisper", "AGENT_WHISPER", content("logging/absent"), T1));
    when(connect.listContactFlowModules(any(ListContactFlowModulesRequest.class)))
        .thenReturn(ListContactFlowModulesResponse.builder().contactFlowModulesSummaryList(
            ContactFlowModuleSummary.builder().id("m-1").arn(Fixtures.moduleArn("m-1")).name("Hold").state("ACTIVE")
                .build()).build());
    when(connect.describeContactFlowModule(any(DescribeContactFlowModuleRequest.class)))
        .thenReturn(DescribeContactFlowModuleResponse.builder()
            .contactFlowModule(Fixtures.module("m-1", "Hold", content("clean/module"))).build());

    AnalyzerResult result = run();

    assertEquals(ComponentStatus.OK, result.status(), () -> String.valueOf(result.errors()));
    verify(connect).listContactFlows(argThat((ListContactFlowsRequest r) -> r.maxResults() == 1000
        && INSTANCE_ID.equals(r.instanceId()) && !r.hasContactFlowTypes()));
    verify(connect).listContactFlowModules(argThat((ListContactFlowModulesRequest r) -> r.maxResults() == 1000));
    verify(connect, times(2)).describeContactFlow(any(DescribeContactFlowRequest.class));
    JsonNode data = result.data();
    assertEquals("DESCRIBE", data.get("contentSource").asText());
    assertEquals(3, data.at("/analysis/describeCalls").asInt());
    assertEquals(2, data.at("/analysis/listPages").asInt());
    assertEquals(0, data.at("/analysis/searchPages").asInt());
    assertEquals(3, data.at("/analysis/analyzed").asInt());
    assertEquals("ENABLED", data.at("/flows/0/logging").asText());
    assertEquals("PUBLISHED", data.at("/flows/0/status").asText());
    assertEquals(flowArn("f-2"), only(result.findings(), "FLOW.LOGGING.MISSING").resource());
  }

  @Test
  void run_whenOneDescribeFails_countsThatFlowAndIsPartialNamingIt() {
    flows(flow("f-1", "Main IVR", "CONTACT_FLOW", null, T1),
        flow("f-2", "Broken", "CONTACT_FLOW", null, T1),
        flow("f-3", "Sales whisper", "AGENT_WHISPER", content("clean/inbound"), T1));
    when(connect.describeContactFlow(any(DescribeContactFlowRequest.class))).thenAnswer(call -> {
      DescribeContactFlowRequest r = call.getArgument(0);
      if (r.contactFlowId().equals("f-2")) {
        throw Fixtures.throttled();
      }
      return DescribeContactFlowResponse.builder()
          .contactFlow(flow("f-1", "Main IVR", "CONTACT_FLOW", content("clean/inbound"), T1)).build();
    });

    AnalyzerResult result = run();

    assertEquals(ComponentStatus.PARTIAL, result.status());
    assertEquals(List.of("content of 1 flow(s)/module(s) not read: flow 'Broken' (f-2): ThrottlingException from "
        + "Connect (HTTP 429): Rate exceeded"), result.errors());
    JsonNode data = result.data();
    assertEquals(3, data.get("totalFlows").asInt());
    assertEquals("Broken", data.at("/flows/1/name").asText());
    assertTrue(data.at("/flows/1/logging").isNull());
    assertEquals("MIXED", data.get("contentSource").asText());
    assertEquals(2, data.at("/analysis/describeCalls").asInt());
    assertEquals(1L, number(only(result.findings(), "FLOW.LOGGING.SUMMARY").evidence().get("flowsNotEvaluated")));
    assertTrue(withCheckId(result.findings(), "FLOW.LOGGING.COMPLIANT").isEmpty());
    assertTrue(withCheckId(result.findings(), "FLOW.LOGGING.MISSING").isEmpty());
  }

  @Test
  void run_whenTheFirstSearchPageIsThrottled_isPartialWithoutClaimingThereAreNoFlows() {
    when(connect.searchContactFlows(any(SearchContactFlowsRequest.class))).thenThrow(Fixtures.throttled());

    AnalyzerResult result = run();

    assertEquals(ComponentStatus.PARTIAL, result.status());
    assertEquals(List.of("flows listed incompletely (0 read): ThrottlingException from Connect (HTTP 429): "
        + "Rate exceeded"), result.errors());
    assertTrue(result.findings().isEmpty(), () -> String.valueOf(result.findings()));
    verify(connect, never()).listContactFlows(any(ListContactFlowsRequest.class));
  }

  @Test
  void run_whenSearchAndListAreBothDenied_failsNamingBoth() {
    when(connect.searchContactFlows(any(SearchContactFlowsRequest.class)))
        .thenThrow(Fixtures.connectDenied("SearchContactFlows"));
    when(connect.listContactFlows(any(ListContactFlowsRequest.class)))
        .thenThrow(Fixtures.connectDenied("ListContactFlows"));

    AnalyzerResult result = run();

    assertEquals(ComponentStatus.FAILED, result.status());
    String error = result.errors().get(0);
    assertTrue(error.contains("flows not listed: Search refused (AccessDeniedException from Connect (HTTP 403): "
        + "not authorized to perform: connect:SearchContactFlows), List failed (AccessDeniedException"), error);
  }

  @Test
  void run_whenTheInstanceAttributeAndTheAccessUrlCannotBeRead_linksFallBackAndOnlyTheAttributeIsAnError() {
    when(connect.describeInstanceAttribute(any(DescribeInstanceAttributeRequest.class)))
        .thenThrow(Fixtures.connectDenied("DescribeInstanceAttribute"));
    when(connect.describeInstance(any(DescribeInstanceRequest.class)))
        .thenThrow(Fixtures.connectDenied("DescribeInstance"));
    flows(flow("f-2", "Sales whisper", "AGENT_WHISPER", content("logging/absent"), T1));

    AnalyzerResult result = run();

    assertEquals(ComponentStatus.PARTIAL, result.status());
    assertEquals(1, result.errors().size());
    assertTrue(result.errors().get(0).startsWith("instance attribute CONTACTFLOW_LOGS not read: AccessDenied"));
    Finding missing = only(result.findings(), "FLOW.LOGGING.MISSING");
    assertEquals(Severity.MEDIUM, missing.severity());
    assertEquals("https://us-east-1.console.aws.amazon.com/connect/v2/app/instances/" + INSTANCE_ID
        + "/flows?region=us-east-1", missing.consoleUrl());
    assertTrue(result.data().get("instanceFlowLogs").isNull());
    assertTrue(result.data().at("/flows/0/editUrl").isNull());
  }

  @Test
  void run_whenTimeRunsOutAfterTheListing_countsEveryFlowAndKeepsWhatWasLearnedForTheNextReview() {
    List<ContactFlow> listed = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      listed.add(flow("f-" + i, "Flow " + i, "CONTACT_FLOW", i == 1 ? content("clean/inbound") : null, T1));
    }
    when(connect.searchContactFlows(any(SearchContactFlowsRequest.class))).thenAnswer(call -> {
      clock.advance(Duration.ofMinutes(10));
      return SearchContactFlowsResponse.builder().contactFlows(listed).build();
    });

    AnalyzerResult result = run(NOW.plusSeconds(60));

    assertEquals(ComponentStatus.PARTIAL, result.status());
    assertEquals(1, result.errors().size());
    assertTrue(result.errors().get(0).startsWith("time budget spent (time budget spent before Connect "
        + "SearchContactFlowModules"), result.errors().get(0));
    assertTrue(result.errors().get(0).endsWith("; not examined: content of 4 flow(s)/module(s) (the next review "
        + "continues)"), result.errors().get(0));
    assertEquals(5, result.data().get("totalFlows").asInt());
    verify(connect, never()).describeContactFlow(any(DescribeContactFlowRequest.class));
    JsonNode cache = cache();
    assertEquals(List.of("f-1"), fieldNames(cache.get("flows")));
  }

  // ---- cache across reviews ----

  @Test
  void secondRun_withOneFlowChanged_reanalyzesOnlyThatFlow() {
    List<ContactFlow> first = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      first.add(flow("f-" + i, "Flow " + i, "CONTACT_FLOW", content(i % 2 == 0 ? "clean/inbound" : "logging/absent"),
          T1));
    }
    flows(first.toArray(ContactFlow[]::new));
    AnalyzerResult firstResult = run();
    assertEquals(6, firstResult.data().at("/analysis/analyzed").asInt());
    assertEquals(0, firstResult.data().at("/analysis/reusedFromCache").asInt());

    List<ContactFlow> second = new ArrayList<>(first);
    second.set(2, flow("f-3", "Flow 3", "CONTACT_FLOW", content("lint/hardcoded-phone-positive"), T2));
    flows(second.toArray(ContactFlow[]::new));
    AnalyzerResult secondResult = run();

    assertEquals(1, secondResult.data().at("/analysis/analyzed").asInt());
    assertEquals(5, secondResult.data().at("/analysis/reusedFromCache").asInt());
    assertEquals(4, withCheckId(secondResult.findings(), "FLOW.LINT.HARDCODED_PHONE").size());
    // Reused analyses give the same findings as fresh ones.
    assertEquals(2, withCheckId(secondResult.findings(), "FLOW.LOGGING.MISSING").size());
    assertEquals(Sha256.hex(content("lint/hardcoded-phone-positive")), cache().at("/flows/f-3/contentSha256")
        .asText());
  }

  @Test
  void secondRun_withoutContentInSearch_describesOnlyTheFlowWhoseLastModifiedTimeChanged() {
    List<ContactFlow> listed = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      listed.add(flow("f-" + i, "Flow " + i, "CONTACT_FLOW", null, T1));
    }
    flows(listed.toArray(ContactFlow[]::new));
    when(connect.describeContactFlow(any(DescribeContactFlowRequest.class))).thenAnswer(call -> {
      DescribeContactFlowRequest r = call.getArgument(0);
      boolean changed = r.contactFlowId().equals("f-4") && clock.instant().isAfter(NOW);
      return DescribeContactFlowResponse.builder().contactFlow(flow(r.contactFlowId(), "x", "CONTACT_FLOW",
          content(changed ? "lint/no-error-branch-positive" : "clean/inbound"), changed ? T2 : T1)).build();
    });
    AnalyzerResult firstResult = run();
    assertEquals(5, firstResult.data().at("/analysis/describeCalls").asInt());
    assertEquals("DESCRIBE", firstResult.data().get("contentSource").asText());

    clock.advance(Duration.ofDays(7));
    listed.set(3, flow("f-4", "Flow 4", "CONTACT_FLOW", null, T2));
    flows(listed.toArray(ContactFlow[]::new));
    AnalyzerResult secondResult = run(clock.instant().plusSeconds(600));

    assertEquals(ComponentStatus.OK, secondResult.status(), () -> String.valueOf(secondResult.errors()));
    assertEquals(1, secondResult.data().at("/analysis/describeCalls").asInt());
    assertEquals(1, secondResult.data().at("/analysis/analyzed").asInt());
    assertEquals(4, secondResult.data().at("/analysis/reusedFromCache").asInt());
    assertEquals("MIXED", secondResult.data().get("contentSource").asText());
    verify(connect, times(2)).describeContactFlow(argThat((DescribeContactFlowRequest r) ->
        r.contactFlowId().equals("f-4")));
    verify(connect, times(1)).describeContactFlow(argThat((DescribeContactFlowRequest r) ->
        r.contactFlowId().equals("f-1")));
    assertEquals(3, withCheckId(secondResult.findings(), "FLOW.LINT.NO_ERROR_BRANCH").size());
    assertEquals(T2.toString(), cache().at("/flows/f-4/lastModifiedTime").asText());
  }

  @Test
  void cacheOfOtherRulesVersionOrUnreadable_isIgnoredAndReplaced() {
    flows(flow("f-1", "Main IVR", "CONTACT_FLOW", content("clean/inbound"), T1));
    String hash = Sha256.hex(content("clean/inbound"));
    // Same content hash, but analysed by other rules: not reused.
    store.putCache("flow", INSTANCE_ID, ("{\"version\":1,\"rulesVersion\":\"0\",\"flows\":{\"f-1\":{\"contentSha256\":\""
        + hash + "\",\"analysis\":{\"parsable\":true,\"logging\":\"ABSENT\",\"lint\":[]}}}}")
        .getBytes(StandardCharsets.UTF_8));

    AnalyzerResult otherRules = run();

    assertEquals(1, otherRules.data().at("/analysis/analyzed").asInt());
    assertEquals(0, otherRules.data().at("/analysis/reusedFromCache").asInt());
    assertTrue(withCheckId(otherRules.findings(), "FLOW.LOGGING.MISSING").isEmpty());
    assertEquals(FlowLintCatalog.VERSION, cache().get("rulesVersion").asText());
    assertEquals(FlowCache.VERSION, cache().get("version").asInt());

    store.putCache("flow", INSTANCE_ID, "not json".getBytes(StandardCharsets.UTF_8));
    AnalyzerResult unreadable = run();
    assertEquals(ComponentStatus.OK, unreadable.status());
    assertEquals(1, unreadable.data().at("/analysis/analyzed").asInt());
    assertEquals(hash, cache().at("/flows/f-1/contentSha256").asText());
  }

  // ---- helpers ----

  private AnalyzerResult run() {
    return run(clock.instant().plusSeconds(600));
  }

  private AnalyzerResult run(Instant deadline) {
    new AnalyzerRunner(FlowAnalyzerFactory.create(SdkMocks.inRegion(Region.US_EAST_1, connect), store, clock), store,
        new ApiCallCounter(ApiRateLimiter.unlimited()), clock).run(Fixtures.request(deadline));
    return store.getResult(REVIEW_ID, "flow").orElseThrow();
  }

  private JsonNode cache() {
    try {
      return Json.mapper().readTree(store.getCache("flow", INSTANCE_ID).orElseThrow());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Evidence numbers come back from the stored JSON as Integer or Long. */
  private static long number(Object value) {
    return ((Number) value).longValue();
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private void instanceFlowLogs(String value) {
    when(connect.describeInstanceAttribute(any(DescribeInstanceAttributeRequest.class))).thenReturn(
        DescribeInstanceAttributeResponse.builder().attribute(Attribute.builder().attributeType("CONTACTFLOW_LOGS")
            .value(value).build()).build());
  }

  private void flows(ContactFlow... flows) {
    when(connect.searchContactFlows(any(SearchContactFlowsRequest.class)))
        .thenReturn(SearchContactFlowsResponse.builder().contactFlows(flows).build());
  }

  private void modules(ContactFlowModule... modules) {
    when(connect.searchContactFlowModules(any(SearchContactFlowModulesRequest.class)))
        .thenReturn(SearchContactFlowModulesResponse.builder().contactFlowModules(modules).build());
  }

  private void describes(ContactFlow... flows) {
    when(connect.describeContactFlow(any(DescribeContactFlowRequest.class))).thenAnswer(call -> {
      DescribeContactFlowRequest r = call.getArgument(0);
      for (ContactFlow f : flows) {
        if (f.id().equals(r.contactFlowId())) {
          return DescribeContactFlowResponse.builder().contactFlow(f).build();
        }
      }
      throw new AssertionError("unexpected DescribeContactFlow " + r.contactFlowId());
    });
  }

  private static ContactFlowSummary summary(String id, String name) {
    return ContactFlowSummary.builder().id(id).arn(flowArn(id)).name(name).contactFlowType("CONTACT_FLOW")
        .contactFlowState("ACTIVE").build();
  }

}
