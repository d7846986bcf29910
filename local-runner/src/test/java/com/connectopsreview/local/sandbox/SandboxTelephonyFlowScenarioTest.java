package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.telephony.TelephonyGenerator;
import com.connectopsreview.local.sandbox.telephony.TelephonyDomain;
import com.connectopsreview.local.sandbox.instance.InstanceConfigDomain;
import com.connectopsreview.local.sandbox.flows.FlowsGenerator;
import com.connectopsreview.local.sandbox.flows.FlowsDomain;
import com.connectopsreview.local.sandbox.FlowLintChecker.Finding;
import com.connectopsreview.local.sandbox.flows.FlowsDomain.ContactFlow;
import com.connectopsreview.local.sandbox.flows.FlowsDomain.FlowLogging;
import com.connectopsreview.local.sandbox.flows.FlowsDomain.LintPlant;
import com.connectopsreview.local.sandbox.flows.FlowsDomain.LintRule;
import com.connectopsreview.local.sandbox.telephony.TelephonyDomain.PhoneNumber;
import com.connectopsreview.shared.model.Severity;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The sandbox's telephony and flow data, judged from the scenario itself: sizes, the planted
 * numbers and flows, and (with a lint checker written from the contract, {@link FlowLintChecker})
 * that each lint plant breaks exactly its rule once while every other flow and module is clean.
 */
class SandboxTelephonyFlowScenarioTest {

  @ParameterizedTest
  @EnumSource(value = SandboxSize.class, names = {"SMALL", "LARGE"})
  void lint_eachPlantBreaksExactlyItsRuleOnce_everyOtherFlowAndModuleIsClean(SandboxSize size) {
    Scenario s = new ScenarioGenerator(42, size).generate();
    FlowsDomain flowsDomain = FlowsDomain.of(s);
    Map<String, LintPlant> plants = flowsDomain.lintPlantDetails().stream()
        .collect(Collectors.toMap(LintPlant::flowId, p -> p));

    Map<String, List<Finding>> dirtyCleanFlows = new TreeMap<>();
    for (int i = 0; i < flowsDomain.flows().size(); i++) {
      ContactFlow flow = flowsDomain.flows().get(i);
      List<Finding> findings = FlowLintChecker.lint(flowsDomain.flowContent(flow));
      LintPlant plant = plants.get(flow.id());
      if (plant == null) {
        if (!findings.isEmpty()) {
          dirtyCleanFlows.put(flow.name(), findings);
        }
      } else {
        assertEquals(List.of(new Finding(plant.checkId(), plant.blockId(), plant.actionType())), findings,
            flow.name());
      }
    }
    assertEquals(Map.of(), dirtyCleanFlows, "clean flows with lint findings");
    for (int i = 0; i < flowsDomain.flowModules().size(); i++) {
      assertEquals(List.of(), FlowLintChecker.lint(flowsDomain.flowModuleContent(flowsDomain.flowModules().get(i))),
          flowsDomain.flowModules().get(i).name());
    }
    assertEquals(5, plants.size());
  }

  @ParameterizedTest
  @EnumSource(SandboxSize.class)
  void lintPlants_oneNamedFlowPerRule_sameIndexesForEverySize(SandboxSize size) {
    Scenario s = new ScenarioGenerator(7, size).generate();
    FlowsDomain flowsDomain = FlowsDomain.of(s);

    List<LintPlant> plants = flowsDomain.lintPlantDetails();

    assertEquals(Arrays.stream(LintRule.values()).map(LintRule::checkId).toList(),
        plants.stream().map(LintPlant::checkId).toList());
    for (int k = 0; k < plants.size(); k++) {
      ContactFlow flow = flowsDomain.flows().get(FlowsGenerator.FIRST_LINT_PLANT_INDEX + k);
      assertEquals(flow.id(), plants.get(k).flowId());
      assertTrue(flow.name().startsWith("Planted lint: "), flow.name());
      assertEquals("CONTACT_FLOW", flow.type());
      assertEquals("ACTIVE", flow.state());
    }
    assertEquals(plants.stream().map(LintPlant::checkId).toList(), List.copyOf(flowsDomain.lintPlants().values()));
    assertEquals(Set.of("FLOW.LINT.NO_ERROR_BRANCH", "FLOW.LINT.UNREACHABLE", "FLOW.LINT.LAMBDA_TIMEOUT",
        "FLOW.LINT.HARDCODED_PHONE", "FLOW.LINT.LOGGING_NOT_REENABLED"),
        new HashSet<>(flowsDomain.lintPlants().values()));
  }

  @Test
  void logging_flowsWithoutLoggingAreTheDefaultsAndEveryFifthGeneratedFlow() {
    Scenario s = new ScenarioGenerator(42, SandboxSize.LARGE).generate();
    FlowsDomain flowsDomain = FlowsDomain.of(s);

    List<String> withoutEnabled = new ArrayList<>();
    Set<FlowLogging> kinds = new HashSet<>();
    for (int i = 0; i < flowsDomain.flows().size(); i++) {
      ContactFlow flow = flowsDomain.flows().get(i);
      kinds.add(flow.logging());
      if (!FlowLintChecker.enablesLogging(flowsDomain.flowContent(flow))) {
        withoutEnabled.add(flow.id());
      }
    }

    assertEquals(withoutEnabled, flowsDomain.flowIdsWithoutLogging());
    // 9 default flows + every fifth of the other 1,991 (g % 5 == 3: 398), less the lint plant at g == 3
    // (lint plants always enable logging).
    assertEquals(9 + 398 - 1, withoutEnabled.size());
    for (int i = 0; i < 9; i++) {
      assertTrue(flowsDomain.flows().get(i).isDefault());
      assertTrue(withoutEnabled.contains(flowsDomain.flows().id(i)));
    }
    assertEquals(Set.of(FlowLogging.values()), kinds, "every logging pattern occurs");
    assertEquals(List.of(flowsDomain.flows().id(FlowsGenerator.FIRST_LINT_PLANT_INDEX + 4)),
        flowsDomain.flows().stream().filter(f -> f.logging() == FlowLogging.DISABLED).map(ContactFlow::id).toList());
    assertEquals("false", InstanceConfigDomain.of(s).attributes().get("CONTACTFLOW_LOGS"),
        "missing logging stays MEDIUM");
  }

  @Test
  void large_has2000FlowsWithFlowLanguageContentAnd1000Numbers() {
    Scenario s = new ScenarioGenerator(42, SandboxSize.LARGE).generate();
    FlowsDomain flowsDomain = FlowsDomain.of(s);

    assertEquals(2_000, flowsDomain.flows().size());
    assertEquals(1_000, TelephonyDomain.of(s).phoneNumbers().size());
    Set<String> versions = new HashSet<>();
    flowsDomain.flows().stream().forEach(f -> versions.add(flowsDomain.flowContent(f).substring(0, 24)));
    assertEquals(Set.of("{\"Version\":\"2019-10-30\","), versions);
  }

  @ParameterizedTest
  @EnumSource(SandboxSize.class)
  void phone_plantedNumbers(SandboxSize size) {
    Scenario s = new ScenarioGenerator(42, size).generate();
    TelephonyDomain telephony = TelephonyDomain.of(s);
    List<PhoneNumber> numbers = telephony.phoneNumbers().stream().toList();

    List<PhoneNumber> failed = telephony.phoneNumbersWithStatus("FAILED");
    List<PhoneNumber> inProgress = telephony.phoneNumbersWithStatus("IN_PROGRESS");
    assertEquals(1, failed.size());
    assertEquals(1, inProgress.size());
    assertEquals(TelephonyGenerator.FAILED_NUMBER_INDEX, failed.get(0).index());
    assertEquals(TelephonyGenerator.IN_PROGRESS_NUMBER_INDEX, inProgress.get(0).index());
    assertTrue(failed.get(0).statusMessage().contains("could not be claimed"));
    assertEquals(numbers.size() - 2, telephony.phoneNumbersWithStatus("CLAIMED").size());
    assertTrue(numbers.stream().filter(n -> n.status().equals("CLAIMED")).allMatch(n -> n.statusMessage() == null));

    List<PhoneNumber> unused = telephony.unusedPhoneNumbers();
    assertEquals(numbers.stream().filter(n -> n.index() % 6 == 4).toList(), unused);
    assertTrue(unused.size() >= 2, "some numbers without TargetArn");
    assertTrue(failed.get(0).used() && inProgress.get(0).used(), "status plants are not unused as well");

    Map<String, Set<String>> didCarriersByCountry = new TreeMap<>();
    numbers.stream().filter(n -> n.type().equals("DID"))
        .forEach(n -> didCarriersByCountry.computeIfAbsent(n.countryCode(), c -> new LinkedHashSet<>()).add(n.carrier()));
    assertEquals(Set.of(TelephonyGenerator.CARRIER_US_DID), didCarriersByCountry.get("US"));
    Set<String> carriers = numbers.stream().map(PhoneNumber::carrier).collect(Collectors.toSet());
    assertTrue(carriers.size() >= 2, "at least two carriers overall: " + carriers);
    // Only the US has at least two DIDs on a single carrier (GB alternates carriers, or has one DID).
    didCarriersByCountry.forEach((country, set) -> {
      long dids = numbers.stream().filter(n -> n.type().equals("DID") && n.countryCode().equals(country)).count();
      assertEquals(country.equals("US"), dids >= 2 && set.size() == 1, country + " " + set);
    });
    long tollFree = numbers.stream().filter(n -> n.type().equals("TOLL_FREE")).count();
    assertTrue(tollFree > 0 && tollFree < numbers.size() - tollFree, "toll-free fewer than DIDs");
    assertTrue(tollFree * 100 <= 70L * numbers.size(), "toll-free share at most 70 %");
  }

  @Test
  void phone_countsQuotedInPlantedProblems() {
    Scenario small = new ScenarioGenerator(42, SandboxSize.SMALL).generate();
    TelephonyDomain telephonySmall = TelephonyDomain.of(small);
    Scenario large = new ScenarioGenerator(42, SandboxSize.LARGE).generate();
    TelephonyDomain telephonyLarge = TelephonyDomain.of(large);

    assertEquals(8, usDids(small));
    assertEquals(700, usDids(large));
    assertEquals(2, telephonySmall.unusedPhoneNumbers().size());
    assertEquals(166, telephonyLarge.unusedPhoneNumbers().size());
    assertEquals(3, tollFree(small));
    assertEquals(200, tollFree(large));
    assertEquals(11, FlowsDomain.of(small).flowIdsWithoutLogging().size());
    assertEquals(3, telephonySmall.phoneNumbers().stream().map(PhoneNumber::carrier).distinct().count());
    assertEquals(4, telephonyLarge.phoneNumbers().stream().map(PhoneNumber::carrier).distinct().count());
  }

  @Test
  void determinism_sameSeedSameNumbersAndFlows_otherSeedSamePlants() {
    Scenario a = new ScenarioGenerator(5, SandboxSize.LARGE).generate();
    FlowsDomain flowsDomainA = FlowsDomain.of(a);
    TelephonyDomain telephonyA = TelephonyDomain.of(a);
    Scenario b = new ScenarioGenerator(5, SandboxSize.LARGE).generate();
    FlowsDomain flowsDomainB = FlowsDomain.of(b);
    Scenario c = new ScenarioGenerator(6, SandboxSize.LARGE).generate();
    FlowsDomain flowsDomainC = FlowsDomain.of(c);

    assertEquals(telephonyA.phoneNumbers().stream().toList(), TelephonyDomain.of(b).phoneNumbers().stream().toList());
    assertEquals(flowsDomainA.lintPlantDetails(), flowsDomainB.lintPlantDetails());
    assertEquals(flowsDomainA.flowContent(flowsDomainA.flows().get(1_500)),
        flowsDomainB.flowContent(flowsDomainB.flows().get(1_500)));
    assertFalse(flowsDomainA.lintPlants().keySet().equals(flowsDomainC.lintPlants().keySet()), "ids follow the seed");
    assertEquals(List.copyOf(flowsDomainA.lintPlants().values()), List.copyOf(flowsDomainC.lintPlants().values()));
    assertEquals(telephonyA.unusedPhoneNumbers().stream().map(PhoneNumber::index).toList(),
        TelephonyDomain.of(c).unusedPhoneNumbers().stream().map(PhoneNumber::index).toList());
    assertEquals(flowsDomainA.flowIdsWithoutLogging().size(), flowsDomainC.flowIdsWithoutLogging().size());
  }

  @Test
  void plantedProblems_phoneAndFlow_areConsistent() {
    for (PlantedProblems.Expectations e : List.of(PlantedProblems.phone(), PlantedProblems.flow())) {
      Set<String> expected = e.expectedCheckIds();
      Set<String> unexpected = e.unexpectedCheckIds();
      assertTrue(expected.stream().noneMatch(unexpected::contains), e.component());
      assertTrue(e.planted().stream().allMatch(c -> c.severity() != null && c.severity() != Severity.PASS));
      assertTrue(e.absent().stream().allMatch(c -> c.severity() == null));
    }
    Scenario s = new ScenarioGenerator(42, SandboxSize.SMALL).generate();
    assertTrue(PlantedProblems.flow().expectedCheckIds().containsAll(FlowsDomain.of(s).lintPlants().values()));
    assertEquals(Severity.MEDIUM, PlantedProblems.flow().expectedSeverities().get("FLOW.LOGGING.MISSING"));
    assertEquals(Severity.HIGH, PlantedProblems.phone().expectedSeverities().get("PHONE.NUMBER.FAILED"));
  }

  @Test
  void checker_catchesEachRuleOnHandWrittenFlows() {
    String clean = flow("""
        {"Identifier":"a","Type":"InvokeLambdaFunction","Parameters":{"LambdaFunctionARN":"arn","InvocationTimeLimitSeconds":"8"},
         "Transitions":{"NextAction":"b","Errors":[{"NextAction":"b","ErrorType":"NoMatchingError"}]}},
        {"Identifier":"b","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}""");
    assertEquals(List.of(), FlowLintChecker.lint(clean));
    assertEquals(List.of(new Finding("FLOW.LINT.NO_ERROR_BRANCH", "a", "InvokeLambdaFunction")),
        FlowLintChecker.lint(clean.replace(",\"Errors\":[{\"NextAction\":\"b\",\"ErrorType\":\"NoMatchingError\"}]", "")));
    assertEquals(List.of(new Finding("FLOW.LINT.LAMBDA_TIMEOUT", "a", "InvokeLambdaFunction")),
        FlowLintChecker.lint(clean.replace("\"8\"", "\"9\"")));
    assertEquals(List.of(new Finding("FLOW.LINT.HARDCODED_PHONE", "a", "InvokeLambdaFunction")),
        FlowLintChecker.lint(clean.replace("\"arn\"", "\"+442079460123\"")));
    assertEquals(List.of(new Finding("FLOW.LINT.UNREACHABLE", "b", "DisconnectParticipant")),
        FlowLintChecker.lint(clean.replace("\"NextAction\":\"b\"", "\"NextAction\":\"a\"")));
    String disabled = flow("""
        {"Identifier":"a","Type":"UpdateFlowLoggingBehavior","Parameters":{"FlowLoggingBehavior":"Disabled"},
         "Transitions":{"NextAction":"b"}},
        {"Identifier":"b","Type":"DisconnectParticipant","Parameters":{},"Transitions":{}}""");
    assertEquals(List.of(new Finding("FLOW.LINT.LOGGING_NOT_REENABLED", "a", "UpdateFlowLoggingBehavior")),
        FlowLintChecker.lint(disabled));
  }

  // ---- helpers ----

  private static String flow(String actions) {
    return "{\"Version\":\"2019-10-30\",\"StartAction\":\"a\",\"Actions\":[" + actions + "]}";
  }

  private static long usDids(Scenario s) {
    return TelephonyDomain.of(s).phoneNumbers().stream()
        .filter(n -> n.countryCode().equals("US") && n.type().equals("DID")).count();
  }

  private static long tollFree(Scenario s) {
    return TelephonyDomain.of(s).phoneNumbers().stream().filter(n -> n.type().equals("TOLL_FREE")).count();
  }
}
