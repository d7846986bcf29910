package com.connectopsreview.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.sections.LogsSection.ErrorCategory;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FlowErrorQueriesTest {

  /** The query's regex, as Logs Insights applies it (a Java regex here, with the same (?i) flag). */
  private static final Pattern FAILURE = Pattern.compile(FlowErrorQueries.FAILURE_FILTER
      .replaceFirst("^Results like /", "").replaceFirst("/ or .*$", ""));

  @Test
  void theFilterMatchesTheResultsConnectWritesForFailedBlocks_inAnyCase() {
    for (String results : new String[] {"Error", "ERROR", "Timeout", "The Lambda Function Returned An Error.",
        "Status Code: 403; Error Code: AccessDeniedException", "Failed", "No prompt provided",
        "Instance has reached concurrent Lambda thread access limit", "Prompt not found", "InvalidInput",
        "Unsupported", "Lambda execution limit reached"}) {
      assertTrue(FAILURE.matcher(results).find(), results);
    }
    for (String ok : new String[] {"Success", "True", "83920174", "NoMatchingCondition", "Fallbackintent"}) {
      assertFalse(FAILURE.matcher(ok).find(), ok);
    }
    assertTrue(FlowErrorQueries.FAILURE_FILTER.contains(
        "(ContactFlowModuleType = \"GetUserInput\" and Results = \"NoMatchingCondition\")"));
  }

  @Test
  void categorize_firstMatchingRuleWins() {
    assertEquals(ErrorCategory.TIMEOUT, FlowErrorQueries.categorize("InvokeExternalResource", "Timeout", false));
    assertEquals(ErrorCategory.TIMEOUT, FlowErrorQueries.categorize("GetUserInput", "timed out", true));
    assertEquals(ErrorCategory.LAMBDA, FlowErrorQueries.categorize("InvokeExternalResource",
        "The Lambda Function Returned An Error.", false));
    assertEquals(ErrorCategory.LAMBDA, FlowErrorQueries.categorize("SetAttributes",
        "Instance has reached concurrent Lambda thread access limit", false));
    assertEquals(ErrorCategory.LEX, FlowErrorQueries.categorize("GetUserInput", "Error", true));
    assertEquals(ErrorCategory.LEX, FlowErrorQueries.categorize("ConnectParticipantWithLexBot", "Error", false));
    assertEquals(ErrorCategory.INVALID_INPUT, FlowErrorQueries.categorize("GetUserInput", "NoMatchingCondition",
        false));
    assertEquals(ErrorCategory.INVALID_INPUT, FlowErrorQueries.categorize("SetQueue", "Invalid queue ARN", false));
    assertEquals(ErrorCategory.NOT_FOUND, FlowErrorQueries.categorize("PlayPrompt", "Prompt not found", false));
    assertEquals(ErrorCategory.OTHER, FlowErrorQueries.categorize("SetAttributes", "Error", false));
    assertEquals(ErrorCategory.OTHER, FlowErrorQueries.categorize(null, null, false));
  }

  @Test
  void flowId_isTheLastSegmentOfTheFlowArn() {
    assertEquals("f-1", FlowErrorQueries.flowId(Fixtures.flowArn("f-1")));
    assertEquals("f-2", FlowErrorQueries.flowId("f-2"));
  }

  @Test
  void theQueriesAreLogsInsightsQlWithinTheResultCap() {
    assertTrue(FlowErrorQueries.STATS.startsWith("filter Results like /(?i)("));
    assertTrue(FlowErrorQueries.STATS.endsWith("| limit 10000"));
    assertTrue(FlowErrorQueries.RECENT.contains("| sort @timestamp desc\n| limit 20"));
  }
}
