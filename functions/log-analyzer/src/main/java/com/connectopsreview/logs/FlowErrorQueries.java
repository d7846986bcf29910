package com.connectopsreview.logs;

import com.connectopsreview.shared.sections.LogsSection.ErrorCategory;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Logs Insights queries over Amazon Connect flow logs, and the rule that files an error record
 * under one category.
 *
 * <p>A flow-log record is one JSON object per block a contact runs through ({@code ContactId},
 * {@code ContactFlowId} (the flow ARN), {@code ContactFlowName}, {@code ContactFlowModuleType} (the
 * block type), {@code Identifier}, {@code Timestamp}, {@code Parameters}, and {@code Results} /
 * {@code ExternalResults} where the block has an outcome). A block that fails says so in
 * {@code Results}, in words such as "Error", "Timeout", "The Lambda Function Returned An Error.",
 * "Status Code: 403; Error Code: AccessDeniedException" or "Instance has reached concurrent Lambda
 * thread access limit"; there is no level field. The filter is case-insensitive on {@code Results}
 * with the fragments the AWS Knowledge Center uses to find failed blocks (error, failed, timeout,
 * exception, no prompt provided, concurrent Lambda thread access limit, unsupported, invalid, not
 * found, execution limit reached), plus "NoMatchingCondition" of a Get customer input block (the
 * customer's entry matched no option). A NoMatchingCondition of other blocks (Check contact
 * attributes, ...) is an ordinary branch, not an error.
 */
final class FlowErrorQueries {

  /** The failure filter, shared by both queries so their counts and samples agree. */
  static final String FAILURE_FILTER = "Results like /(?i)(error|fail|time ?out|timed out|exception|invalid"
      + "|not found|unsupported|no prompt provided|thread access limit|execution limit reached)/"
      + " or (ContactFlowModuleType = \"GetUserInput\" and Results = \"NoMatchingCondition\")";

  /** Error records by flow, block type, result and whether the block talked to a Lex V2 bot. */
  static final String STATS = "filter " + FAILURE_FILTER + "\n"
      + "| fields ContactFlowId, ContactFlowName, ContactFlowModuleType, Results,"
      + " ispresent(Parameters.BotAliasArn) as lexBot\n"
      + "| stats count(*) as errors by ContactFlowId, ContactFlowName, ContactFlowModuleType, Results, lexBot\n"
      + "| limit " + InsightsQueryRunner.RESULT_CAP;

  /** Error records kept as samples, newest first. */
  static final int SAMPLES = 20;

  static final String RECENT = "filter " + FAILURE_FILTER + "\n"
      + "| fields @timestamp, @message\n"
      + "| sort @timestamp desc\n"
      + "| limit " + SAMPLES;

  /** Block types that invoke a Lambda function (flow logs name the Flow Language InvokeLambdaFunction so). */
  private static final Set<String> LAMBDA_BLOCKS = Set.of("InvokeExternalResource", "InvokeLambdaFunction");
  private static final Set<String> LEX_BLOCKS = Set.of("ConnectParticipantWithLexBot");
  private static final Pattern TIMEOUT = Pattern.compile("time ?out|timed out");
  private static final Pattern LEX = Pattern.compile("\\blex\\b");
  private static final Pattern INVALID = Pattern.compile("invalid|nomatchingcondition|no match");
  private static final Pattern NOT_FOUND = Pattern.compile("not ?found");

  private FlowErrorQueries() {}

  /**
   * The category of an error record, the first rule that holds: a timeout (whatever timed out, the
   * remedy is the same); a Lambda block or a result naming Lambda; a block that talked to a Lex bot
   * (a {@code Parameters.BotAliasArn}) or names Lex; invalid input or no match; not found; other.
   */
  static ErrorCategory categorize(String blockType, String results, boolean lexBot) {
    String r = results == null ? "" : results.toLowerCase(Locale.ROOT);
    if (TIMEOUT.matcher(r).find()) {
      return ErrorCategory.TIMEOUT;
    }
    if (blockType != null && LAMBDA_BLOCKS.contains(blockType) || r.contains("lambda")) {
      return ErrorCategory.LAMBDA;
    }
    if (lexBot || blockType != null && LEX_BLOCKS.contains(blockType) || LEX.matcher(r).find()) {
      return ErrorCategory.LEX;
    }
    if (INVALID.matcher(r).find()) {
      return ErrorCategory.INVALID_INPUT;
    }
    if (NOT_FOUND.matcher(r).find()) {
      return ErrorCategory.NOT_FOUND;
    }
    return ErrorCategory.OTHER;
  }

  /** The flow id of a ContactFlowId (the flow ARN, {@code .../contact-flow/<id>}), or the value itself. */
  static String flowId(String contactFlowId) {
    if (contactFlowId == null) {
      return null;
    }
    int marker = contactFlowId.lastIndexOf("/contact-flow/");
    return marker < 0 ? contactFlowId : contactFlowId.substring(marker + "/contact-flow/".length());
  }
}
