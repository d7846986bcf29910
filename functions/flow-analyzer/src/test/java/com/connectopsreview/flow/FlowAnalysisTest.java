package com.connectopsreview.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.sections.FlowSection.LoggingBehavior;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Logging detection and unparsable content on the fixtures under src/test/resources/flows/. */
class FlowAnalysisTest {

  @ParameterizedTest
  @CsvSource({
      "logging/enabled, ENABLED",
      "logging/disabled-only, DISABLED",
      "logging/absent, ABSENT",
      "logging/disabled-then-reenabled, ENABLED",
      "lint/logging-not-reenabled-positive, ENABLED",
      "clean/inbound, ENABLED"})
  void logging_followsTheSetLoggingBehaviorBlocks(String fixture, LoggingBehavior expected) {
    FlowAnalysis analysis = FlowAnalysis.of(Fixtures.content(fixture));

    assertTrue(analysis.parsable());
    assertEquals(expected, analysis.logging());
  }

  @Test
  void lowerCaseEnabled_isNotTheDocumentedValue_soTheFlowDoesNotLog() {
    String content = Fixtures.content("logging/enabled").replace("\"Enabled\"", "\"enabled\"");

    assertEquals(LoggingBehavior.ABSENT, FlowAnalysis.of(content).logging());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "unparsable/truncated | not JSON: ",
      "unparsable/no-actions | Actions is missing or not an array",
      "unparsable/start-action-unknown | StartAction 'deleted-block' names no action",
      "unparsable/transitions-wrong-type | Actions[0].Transitions.Errors is not an array"})
  void unparsableContent_isOneUnparsableHitNamingTheProblem_neverAnException(String fixture, String reason) {
    FlowAnalysis analysis = FlowAnalysis.of(Fixtures.content(fixture));

    assertFalse(analysis.parsable());
    assertNull(analysis.logging());
    assertTrue(analysis.parseError().startsWith(reason), analysis.parseError());
    assertEquals(1, analysis.lint().size());
    LintHit hit = analysis.lint().get(0);
    assertEquals("FLOW.CONTENT.UNPARSABLE", hit.checkId());
    assertNull(hit.blockId());
    assertEquals(analysis.parseError(), hit.message());
  }

  @Test
  void emptyContent_isUnparsable() {
    assertEquals(List.of("content is empty"),
        FlowAnalysis.of("  ").lint().stream().map(LintHit::message).toList());
  }
}
