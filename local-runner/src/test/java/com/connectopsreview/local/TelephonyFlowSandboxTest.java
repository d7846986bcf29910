package com.connectopsreview.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.telephony.TelephonyDomain;
import com.connectopsreview.local.sandbox.flows.FlowsDomain;
import com.connectopsreview.local.sandbox.Sandbox;
import com.connectopsreview.local.sandbox.SandboxOptions;
import com.connectopsreview.local.sandbox.SandboxSize;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.orchestrator.ReviewOutcome;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The telephony and flow bar on the sandbox: every planted telephony and flow problem is reported on the exact
 * number, flow and block the scenario planted it on, the clean flows raise no lint finding, the
 * large instance's 2,000 flows are analyzed from a handful of calls with rate limits on, and a
 * second review reuses the carrier and flow caches. Expectations come from the scenario model.
 */
class TelephonyFlowSandboxTest {

  @TempDir Path dir;

  @Test
  void smallSandbox_reportsEveryPlantOnItsNumberFlowAndBlock_andASecondReviewReusesTheCaches() {
    try (Sandbox box = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL))) {
      Scenario scenario = box.scenario();
      FlowsDomain flowsDomain = FlowsDomain.of(scenario);
      TelephonyDomain telephony = TelephonyDomain.of(scenario);
      LocalDirectoryResultStore store = new LocalDirectoryResultStore(dir);

      review(box, store, "first", "phone", "flow");
      AnalyzerResult phone = store.getResult("first", "phone").orElseThrow();
      AnalyzerResult flow = store.getResult("first", "flow").orElseThrow();

      assertEquals(ComponentStatus.OK, phone.status(), phone.errors().toString());
      assertEquals(ComponentStatus.OK, flow.status(), flow.errors().toString());

      // Telephony: unused and failed numbers by ARN, carriers per number.
      assertEquals(arns(telephony.unusedPhoneNumbers()), resources(phone, "PHONE.NUMBER.UNUSED"));
      assertEquals(arns(telephony.phoneNumbersWithStatus("FAILED")), resources(phone, "PHONE.NUMBER.FAILED"));
      assertEquals(arns(telephony.phoneNumbersWithStatus("IN_PROGRESS")), resources(phone, "PHONE.NUMBER.IN_PROGRESS"));
      Map<String, String> carriers = new HashMap<>();
      phone.data().get("numbers").forEach(n -> carriers.put(n.get("phoneNumberId").asText(), n.get("carrier").asText()));
      telephony.phoneNumbers().stream().forEach(n -> assertEquals(n.carrier(), carriers.get(n.id()), n.number()));
      assertEquals(Set.of("US"), resources(phone, "PHONE.CARRIER.SINGLE_IN_COUNTRY"));

      // Flows: lint exactly on the planted blocks, nothing on the clean flows; logging on the planted flows.
      Set<String> expectedLint = flowsDomain.lintPlantDetails().stream()
          .map(p -> p.checkId() + " " + p.flowArn() + " " + p.blockId()).collect(Collectors.toCollection(TreeSet::new));
      Set<String> lint = flow.findings().stream().filter(f -> f.checkId().startsWith("FLOW.LINT."))
          .map(f -> f.checkId() + " " + f.resource() + " " + f.evidence().get("blockId"))
          .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(expectedLint, lint);
      assertEquals(5, lint.size(), "one plant per rule");
      Set<String> withoutLogging = flow.findings().stream().filter(f -> f.checkId().equals("FLOW.LOGGING.MISSING"))
          .map(f -> String.valueOf(f.evidence().get("flowId"))).collect(Collectors.toCollection(TreeSet::new));
      assertEquals(new TreeSet<>(flowsDomain.flowIdsWithoutLogging()), withoutLogging);
      assertEquals(flowsDomain.flows().size(), flow.data().get("totalFlows").asInt());

      // Second review of the same instance into the same store: no carrier lookups, no flow re-analyzed.
      review(box, store, "second", "phone", "flow");
      AnalyzerResult phone2 = store.getResult("second", "phone").orElseThrow();
      AnalyzerResult flow2 = store.getResult("second", "flow").orElseThrow();
      assertEquals(null, phone2.apiCalls().get("Pinpoint:PhoneNumberValidate"), phone2.apiCalls().toString());
      assertEquals(telephony.phoneNumbers().size(), phone2.data().at("/lookups/cacheHits").asInt());
      assertEquals(0, flow2.data().at("/analysis/analyzed").asInt());
      assertEquals(flowsDomain.flows().size() + flowsDomain.flowModules().size(),
          flow2.data().at("/analysis/reusedFromCache").asInt());
      assertEquals(checkIds(flow), checkIds(flow2), "the cached analyses give the same findings");
    }
  }

  @Test
  void largeSandbox_withRateLimits_analyzesAll2000FlowsFromTheSearchPages() {
    try (Sandbox box = Sandbox.start(SandboxOptions.defaults(SandboxSize.LARGE).withRateLimits(true))) {
      Scenario scenario = box.scenario();
      FlowsDomain flowsDomain = FlowsDomain.of(scenario);
      LocalDirectoryResultStore store = new LocalDirectoryResultStore(dir);

      review(box, store, "large", "flow");
      AnalyzerResult flow = store.getResult("large", "flow").orElseThrow();

      assertEquals(ComponentStatus.OK, flow.status(), flow.errors().toString());
      assertEquals(2_000, flowsDomain.flows().size());
      assertEquals(2_000, flow.data().get("totalFlows").asInt());
      JsonNode analysis = flow.data().get("analysis");
      assertEquals(flowsDomain.flows().size() + flowsDomain.flowModules().size(), analysis.get("analyzed").asInt());
      long flowPages = flow.apiCalls().getOrDefault("Connect:SearchContactFlows", 0L);
      long describes = flow.apiCalls().getOrDefault("Connect:DescribeContactFlow", 0L)
          + flow.apiCalls().getOrDefault("Connect:DescribeContactFlowModule", 0L);
      assertEquals(20, flowPages, "2,000 flows at 100 per page");
      assertTrue(describes <= flowsDomain.flows().size() / 100, "describes " + describes + " within ~1 % of the flows");
      assertEquals(Map.of(), box.throttledCalls(), "the review paced itself under the sandbox's limits");
      Set<String> lint = flow.findings().stream().filter(f -> f.checkId().startsWith("FLOW.LINT."))
          .map(f -> f.checkId() + " " + f.resource()).collect(Collectors.toCollection(TreeSet::new));
      assertEquals(flowsDomain.lintPlantDetails().stream().map(p -> p.checkId() + " " + p.flowArn())
          .collect(Collectors.toCollection(TreeSet::new)), lint);
    }
  }

  private static void review(Sandbox box, LocalDirectoryResultStore store, String reviewId, String... analyzers) {
    ReviewOutcome outcome = SandboxReviews.run(box, store, reviewId, analyzers);
    assertEquals(analyzers.length, outcome.components().size(), outcome.toString());
  }

  private static Set<String> arns(List<TelephonyDomain.PhoneNumber> numbers) {
    return numbers.stream().map(TelephonyDomain.PhoneNumber::arn).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> resources(AnalyzerResult result, String checkId) {
    return result.findings().stream().filter(f -> f.checkId().equals(checkId)).map(Finding::resource)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<String> checkIds(AnalyzerResult result) {
    return result.findings().stream().map(Finding::checkId).sorted().toList();
  }
}
