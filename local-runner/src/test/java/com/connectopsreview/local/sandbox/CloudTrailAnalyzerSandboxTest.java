package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.cloudtrail.CloudTrailAnalyzerFactory;
import com.connectopsreview.local.sandbox.cloudtrail.CloudTrailDomain;
import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.TimeWindow;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.sections.CloudTrailSection;
import com.connectopsreview.shared.sections.CloudTrailSection.ApiRow;
import com.connectopsreview.shared.sections.CloudTrailSection.Totals;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real cloudtrail analyzer against the SMALL sandbox with rate limits on: the planted throttling
 * by API and caller, the other Region and the other instance excluded, the samples redacted, and a
 * budget too short for the window giving PARTIAL with an honest "analyzed back to".
 */
@ExtendWith(LoopbackGuardExtension.class)
class CloudTrailAnalyzerSandboxTest {

  private static final String REVIEW_ID = "20261123T090000Z-ctrail";
  private static final String CRM = "arn:aws:iam::123456789012:role/CrmIntegrationRole";
  private static final String ADMIN = "arn:aws:iam::123456789012:user/ops-admin";

  @TempDir java.nio.file.Path storeDir;

  @Test
  void cloudTrailAnalyzer_withRateLimitsOn_reportsThePlantedThrottlingAndExcludesTheRest() throws Exception {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL).withRateLimits(true))) {
      LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);
      AwsClients clients = new AwsClients(new ApiCallCounter(ApiRateLimiter.standard()), sandbox.clientOptions());
      AnalyzerRunner runner = AnalyzerRunner.of(CloudTrailAnalyzerFactory::create, store, clients, Clock.systemUTC());

      AnalyzerResponse response = runner.run(request(sandbox, Duration.ofMinutes(2)));

      assertEquals(ComponentStatus.OK, response.status(), () -> String.valueOf(response.errors()));
      assertEquals(Map.of("CloudTrail:LookupEvents", 20L), response.apiCalls());
      assertEquals(sandbox.servedCalls(), response.apiCalls());
      assertEquals(Map.of(), sandbox.throttledCalls(), "paced at 2/s, the review never draws a throttle");

      AnalyzerResult stored = store.getResult(REVIEW_ID, "cloudtrail").orElseThrow();
      CloudTrailSection data = Json.mapper().treeToValue(stored.data(), CloudTrailSection.class);
      assertEquals(new Totals(1_000, 0, 40, 40, 50, 20, 910, 174, 167, 165, 2), data.totals());
      Map<String, ApiRow> apis = data.byApi().stream().collect(Collectors.toMap(ApiRow::eventName, a -> a));
      assertThrottled(apis.get("GetCurrentMetricData"), 200, 120, "HIGH");
      assertThrottled(apis.get("ListUsers"), 100, 25, "HIGH");
      assertThrottled(apis.get("StartOutboundVoiceContact"), 60, 5, "HIGH");
      assertThrottled(apis.get("DescribeUser"), 300, 12, "MEDIUM");
      assertThrottled(apis.get("SearchContacts"), 80, 3, "LOW");
      assertThrottled(apis.get("ListInstances"), 50, 2, "LOW");
      assertEquals(0, apis.get("ListInstances").throttledThisInstance(), "account level");
      assertEquals(6, data.byApi().stream().filter(a -> a.throttled() > 0).count());
      assertEquals(CRM, data.byCaller().get(0).caller());
      assertEquals(137, data.byCaller().get(0).throttled());
      assertEquals(ADMIN, data.byCaller().get(1).caller());
      assertEquals(30, data.byCaller().get(1).throttled());
      assertFalse(data.byApi().stream().anyMatch(a -> a.eventName().equals("ListUsers") && a.events() > 100),
          "IAM's ListUsers is not a Connect event");

      Set<String> found = stored.findings().stream().map(Finding::checkId).collect(Collectors.toSet());
      PlantedProblems.Expectations expected = PlantedProblems.cloudtrail();
      assertTrue(found.containsAll(expected.expectedCheckIds()), found.toString());
      expected.unexpectedCheckIds().forEach(id -> assertFalse(found.contains(id), id));
      expected.expectedSeverities().forEach((checkId, severity) -> stored.findings().stream()
          .filter(f -> f.checkId().equals(checkId)).forEach(f -> assertEquals(severity, f.severity(), checkId)));
      assertEquals(List.of("GetCurrentMetricData", "ListUsers", "StartOutboundVoiceContact"), stored.findings().stream()
          .filter(f -> f.checkId().equals("CLOUDTRAIL.API_THROTTLED.HIGH")).map(Finding::resource).toList());

      assertEquals(10, data.throttledSamples().size());
      assertEquals(5, data.throttledSamples().stream()
          .filter(s -> s.eventName().equals("StartOutboundVoiceContact")).count());
      String storedJson = Json.toString(stored);
      for (String customerValue : CloudTrailDomain.of(sandbox.scenario()).plantedCustomerData()) {
        assertFalse(storedJson.contains(customerValue), customerValue + " reached the store");
      }
    }
  }

  @Test
  void cloudTrailAnalyzer_whenTheBudgetEndsBeforeTheWindowStart_isPartialAnalyzedBackToTheOldestEventRead()
      throws Exception {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL).withRateLimits(true))) {
      LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);
      AwsClients clients = new AwsClients(new ApiCallCounter(ApiRateLimiter.standard()), sandbox.clientOptions());
      AnalyzerRunner runner = AnalyzerRunner.of(CloudTrailAnalyzerFactory::create, store, clients, Clock.systemUTC());

      // 5 s kept to store: about 3 s of paging at 2 pages/s, far fewer than the 20 pages.
      AnalyzerResponse response = runner.run(request(sandbox, Duration.ofSeconds(8)));

      assertEquals(ComponentStatus.PARTIAL, response.status());
      AnalyzerResult stored = store.getResult(REVIEW_ID, "cloudtrail").orElseThrow();
      CloudTrailSection data = Json.mapper().treeToValue(stored.data(), CloudTrailSection.class);
      assertFalse(data.window().complete());
      assertTrue(data.window().pages() > 0 && data.window().pages() < 20, "pages " + data.window().pages());
      assertEquals(data.window().pages() * 50L, data.totals().eventsRead());
      String oldest = data.window().analyzedFrom().toString();
      assertTrue(stored.errors().get(0).contains("analyzed back to " + oldest), stored.errors().get(0));
      assertTrue(data.window().analyzedFrom().isAfter(data.window().lookupStart()));
      assertFalse(stored.findings().stream().anyMatch(f -> f.checkId().equals("CLOUDTRAIL.THROTTLING.NONE")));
    }
  }

  private static void assertThrottled(ApiRow row, long events, long throttled, String severity) {
    assertEquals(events, row.events(), row.eventName());
    assertEquals(throttled, row.throttled(), row.eventName());
    assertEquals(severity, row.severity().name(), row.eventName());
  }

  private static AnalyzerRequest request(Sandbox sandbox, Duration deadline) {
    Instant now = Instant.now();
    return new AnalyzerRequest(REVIEW_ID, "cloudtrail", sandbox.instance(),
        new TimeWindow(now.minus(Duration.ofDays(14)), now), now.plus(deadline), Map.of());
  }
}
