package com.connectopsreview.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every lint rule on hand-written Flow Language fixtures (src/test/resources/flows/lint/): the
 * positive fixture triggers exactly the listed blocks and nothing else, the negative fixture
 * triggers no rule at all.
 */
class FlowLintCatalogTest {

  @Test
  void everyRule_hasAPositiveAndANegativeFixture_andADistinctCheckId() {
    for (FlowLintCatalog.Rule rule : FlowLintCatalog.RULES) {
      assertTrue(Fixtures.exists(positive(rule)), "missing fixture " + positive(rule));
      assertTrue(Fixtures.exists(negative(rule)), "missing fixture " + negative(rule));
    }
    assertEquals(FlowLintCatalog.RULES.size(),
        FlowLintCatalog.RULES.stream().map(FlowLintCatalog.Rule::checkId).distinct().count());
  }

  @Test
  void catalog_hasTheFixedCheckIdsSeveritiesAndPillar() {
    assertEquals(List.of("FLOW.LINT.NO_ERROR_BRANCH:MEDIUM", "FLOW.LINT.UNREACHABLE:LOW",
            "FLOW.LINT.LAMBDA_TIMEOUT:MEDIUM", "FLOW.LINT.HARDCODED_PHONE:LOW",
            "FLOW.LINT.LOGGING_NOT_REENABLED:MEDIUM"),
        FlowLintCatalog.RULES.stream().map(r -> r.checkId() + ":" + r.severity()).toList());
    assertEquals(Severity.INFO, FlowLintCatalog.rule("FLOW.CONTENT.UNPARSABLE").severity());
    FlowLintCatalog.RULES.forEach(r -> assertEquals(Pillar.OPERATIONAL_EXCELLENCE, r.pillar(), r.checkId()));
    assertThrows(IllegalArgumentException.class, () -> FlowLintCatalog.rule("FLOW.LINT.NOPE"));
  }

  @Test
  void failingActionTypes_areTheContractMinimum_withoutAttributesOrHours() {
    assertEquals(Set.of("InvokeLambdaFunction", "ConnectParticipantWithLexBot", "GetParticipantInput",
        "TransferContactToQueue", "TransferParticipantToThirdParty", "TransferToFlow", "InvokeFlowModule",
        "CreateTask", "StartMediaStreaming"), FlowLintCatalog.FAILING_ACTION_TYPES);
  }

  @Test
  void noErrorBranch_flagsMissingEmptyAndNextActionLessErrors() {
    List<LintHit> hits = lint("lint/no-error-branch-positive");

    assertEquals(List.of("FLOW.LINT.NO_ERROR_BRANCH lookup-customer InvokeLambdaFunction",
        "FLOW.LINT.NO_ERROR_BRANCH menu GetParticipantInput",
        "FLOW.LINT.NO_ERROR_BRANCH to-support TransferToFlow"), keys(hits));
    assertEquals("GetParticipantInput has an Errors entry without NextAction (NoMatchingError)",
        hits.get(1).message());
    assertEquals("TransferToFlow has no Errors transition", hits.get(2).message());
  }

  @Test
  void unreachable_flagsEveryBlockNotReachableFromTheStart() {
    List<LintHit> hits = lint("lint/unreachable-positive");

    // old-survey is reachable from old-promo, but old-promo itself is not reachable: both are flagged.
    assertEquals(List.of("FLOW.LINT.UNREACHABLE old-promo MessageParticipant",
        "FLOW.LINT.UNREACHABLE old-survey UpdateContactAttributes"), keys(hits));
    assertEquals("MessageParticipant is not reachable from StartAction log-on", hits.get(0).message());
  }

  @Test
  void lambdaTimeout_flagsMissingAboveEightNotANumberAndZero() {
    List<LintHit> hits = lint("lint/lambda-timeout-positive");

    assertEquals(List.of("FLOW.LINT.LAMBDA_TIMEOUT no-timeout InvokeLambdaFunction",
        "FLOW.LINT.LAMBDA_TIMEOUT too-long InvokeLambdaFunction",
        "FLOW.LINT.LAMBDA_TIMEOUT not-a-number InvokeLambdaFunction",
        "FLOW.LINT.LAMBDA_TIMEOUT zero InvokeLambdaFunction"), keys(hits));
    assertEquals(List.of("InvocationTimeLimitSeconds is not set", "InvocationTimeLimitSeconds 10 is outside 1..8",
        "InvocationTimeLimitSeconds 'fast' is not a whole number of seconds",
        "InvocationTimeLimitSeconds 0 is outside 1..8"), hits.stream().map(LintHit::message).toList());
  }

  @Test
  void hardcodedPhone_flagsE164InParametersNestedValuesTextAndCompareOperands() {
    List<LintHit> hits = lint("lint/hardcoded-phone-positive");

    assertEquals(List.of("FLOW.LINT.HARDCODED_PHONE vip-check Compare",
        "FLOW.LINT.HARDCODED_PHONE notice MessageParticipant",
        "FLOW.LINT.HARDCODED_PHONE set-fallback UpdateContactAttributes",
        "FLOW.LINT.HARDCODED_PHONE partner TransferParticipantToThirdParty"), keys(hits));
    assertEquals("E.164 number in Conditions.Operands[0] (+442071838750)", hits.get(0).message());
    assertEquals("E.164 number in Parameters.Text (+18005550199)", hits.get(1).message());
    assertEquals("E.164 number in Parameters.Attributes.FallbackNumber (+61290000000)", hits.get(2).message());
    assertEquals("E.164 number in Parameters.ThirdPartyPhoneNumber (+14155550123)", hits.get(3).message());
  }

  @Test
  void loggingNotReenabled_flagsTheDisabledBlockWhenNoEnabledBlockFollows() {
    List<LintHit> hits = lint("lint/logging-not-reenabled-positive");

    // The flow has an Enabled block, but only before the Disabled one.
    assertEquals(List.of("FLOW.LINT.LOGGING_NOT_REENABLED log-off UpdateFlowLoggingBehavior"), keys(hits));
  }

  @ParameterizedTest
  @ValueSource(strings = {"no-error-branch", "unreachable", "lambda-timeout", "hardcoded-phone",
      "logging-not-reenabled"})
  void negativeFixture_triggersNoRule(String rule) {
    assertEquals(List.of(), keys(lint("lint/" + rule + "-negative")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"clean/inbound", "clean/module", "logging/enabled", "logging/absent",
      "logging/disabled-then-reenabled"})
  void cleanFlows_triggerNoRule(String fixture) {
    assertEquals(List.of(), keys(lint(fixture)));
  }

  @Test
  void disabledOnlyFlow_isFlaggedAsNeverReenabled() {
    assertEquals(List.of("FLOW.LINT.LOGGING_NOT_REENABLED log-off UpdateFlowLoggingBehavior"),
        keys(lint("logging/disabled-only")));
  }

  @Test
  void positiveFixtures_triggerOnlyTheirOwnRule() {
    for (FlowLintCatalog.Rule rule : FlowLintCatalog.RULES) {
      List<LintHit> hits = lint(positive(rule));
      assertFalse(hits.isEmpty(), positive(rule));
      hits.forEach(h -> assertEquals(rule.checkId(), h.checkId(), positive(rule) + ": " + h));
    }
  }

  private static List<LintHit> lint(String fixture) {
    try {
      return FlowLintCatalog.lint(FlowParser.parse(Fixtures.content(fixture)));
    } catch (UnparsableFlowException e) {
      throw new AssertionError(fixture + " does not parse: " + e.getMessage(), e);
    }
  }

  private static List<String> keys(List<LintHit> hits) {
    return hits.stream().map(h -> h.checkId() + " " + h.blockId() + " " + h.actionType()).toList();
  }

  private static String positive(FlowLintCatalog.Rule rule) {
    return "lint/" + fixtureKey(rule) + "-positive";
  }

  private static String negative(FlowLintCatalog.Rule rule) {
    return "lint/" + fixtureKey(rule) + "-negative";
  }

  private static String fixtureKey(FlowLintCatalog.Rule rule) {
    return rule.checkId().substring("FLOW.LINT.".length()).toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
