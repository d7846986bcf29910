package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.observability.ObservabilityDomain;
import com.connectopsreview.local.sandbox.observability.ObservabilityDomain.FlowErrorPlant;
import com.connectopsreview.logs.LogAnalyzerFactory;
import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.model.TimeWindow;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real log analyzer, end to end against the sandbox with its rate limits on: every planted logs
 * problem with its severity, the exact error counts of every planted flow, the calls counted equal
 * the calls served, and no planted customer data in what it stored.
 */
@ExtendWith(LoopbackGuardExtension.class)
class LogAnalyzerSandboxTest {

  private static final String REVIEW_ID = "20261123T090000Z-logsbx";

  @TempDir Path storeDir;

  @Test
  void small_findsEveryPlant_countsEveryPlantedError_andStoresNoCustomerData() {
    review(SandboxSize.SMALL);
  }

  @Test
  void large_sameCategoriesMoreFlows_everyPageOfGroupsAndAlarms() {
    JsonNode data = review(SandboxSize.LARGE);

    assertEquals(62, data.at("/retention/logGroups").asInt());
    assertEquals(150 + 10, data.at("/alarms/metricAlarmsRead").asInt(), "150 Lambda alarms and the 10 others");
  }

  private JsonNode review(SandboxSize size) {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(size).withRateLimits(true))) {
      ObservabilityDomain domain = ObservabilityDomain.of(sandbox.scenario());
      LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);
      AwsClients clients = new AwsClients(new ApiCallCounter(ApiRateLimiter.standard()), sandbox.clientOptions());
      Instant end = Instant.now();
      AnalyzerResponse response = AnalyzerRunner.of(LogAnalyzerFactory::create, store, clients, Clock.systemUTC())
          .run(new AnalyzerRequest(REVIEW_ID, "logs", sandbox.instance(), TimeWindow.lastDays(end, 14),
              end.plus(Duration.ofMinutes(2)), Map.of()));

      assertEquals(ComponentStatus.OK, response.status(), () -> String.valueOf(response.errors()));
      assertEquals(sandbox.servedCalls(), response.apiCalls());
      AnalyzerResult stored = store.getResult(REVIEW_ID, "logs").orElseThrow();
      Set<String> found = stored.findings().stream().map(Finding::checkId).collect(Collectors.toSet());
      PlantedProblems.Expectations expected = PlantedProblems.logs();
      for (String checkId : expected.expectedCheckIds()) {
        assertTrue(found.contains(checkId), checkId + " missing from " + found);
      }
      for (String checkId : expected.unexpectedCheckIds()) {
        assertFalse(found.contains(checkId), checkId + " must not be reported: " + found);
      }
      for (Map.Entry<String, Severity> e : expected.expectedSeverities().entrySet()) {
        stored.findings().stream().filter(f -> f.checkId().equals(e.getKey()))
            .forEach(f -> assertEquals(e.getValue(), f.severity(), f.checkId() + " " + f.resource()));
      }

      // Every planted error counted under its flow and category, nothing else.
      Map<String, Long> plantedByFlow = new HashMap<>();
      Map<String, Long> plantedByCategory = new HashMap<>();
      for (FlowErrorPlant p : domain.flowErrors()) {
        plantedByFlow.merge(p.flowArn(), (long) p.records(), Long::sum);
        plantedByCategory.merge(p.category(), (long) p.records(), Long::sum);
      }
      JsonNode data = stored.data();
      Map<String, Long> countedByFlow = new HashMap<>();
      data.at("/flowErrors/flows").forEach(f -> countedByFlow.put(f.get("flowArn").asText(), f.get("errors").asLong()));
      assertEquals(plantedByFlow, countedByFlow);
      plantedByCategory.forEach((category, n) ->
          assertEquals(n, data.at("/flowErrors/byCategory/" + category).asLong(), category));
      assertEquals(plantedByFlow.size(), stored.findings().stream()
          .filter(f -> f.checkId().startsWith("LOGS.FLOW_ERRORS.") && f.resource() != null).count());
      assertEquals(domain.flowLogGroup(), data.at("/flowErrors/logGroup").asText());
      assertEquals("DISCOVERED", data.at("/flowErrors/source").asText());
      assertEquals(20, data.at("/flowErrors/samples").size());
      assertEquals("40.0", data.at("/alarms/coveragePercent").decimalValue().setScale(1).toPlainString());
      assertEquals(1, data.at("/retention/withoutRetention").asInt());

      String everything = Json.toString(stored);
      for (String customerData : domain.plantedCustomerData()) {
        assertFalse(everything.contains(customerData), customerData + " was stored");
      }
      return data;
    }
  }
}
