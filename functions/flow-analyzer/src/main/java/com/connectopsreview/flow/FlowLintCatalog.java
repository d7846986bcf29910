package com.connectopsreview.flow;

import com.connectopsreview.flow.FlowDocument.Action;
import com.connectopsreview.flow.FlowDocument.ErrorBranch;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.FlowSection.CheckIds;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every Flow Language lint rule, in one place. A rule is a checkId, a severity, a pillar, the
 * words of its finding and a check over a parsed {@link FlowDocument} that returns one
 * {@link LintHit} per offending block. To add a rule: add a {@link Rule} to {@link #RULES}, bump
 * {@link #VERSION} (cached analyses of the old rules are then dropped), add its positive and negative
 * fixtures under {@code src/test/resources/flows/lint/} and its row in docs/checks.md.
 */
public final class FlowLintCatalog {

  /** Version of the rules; part of the flow cache, so a change re-analyzes every flow once. */
  public static final String VERSION = "1";

  /**
   * Action types that can fail at run time and so need an error branch (Connect routes a contact
   * without one to an implicit disconnect). UpdateContactAttributes and CheckHoursOfOperation are
   * deliberately absent: the designer wires their error branches to the same place anyway.
   */
  public static final Set<String> FAILING_ACTION_TYPES = Set.of(
      "InvokeLambdaFunction", "ConnectParticipantWithLexBot", "GetParticipantInput", "TransferContactToQueue",
      "TransferParticipantToThirdParty", "TransferToFlow", "InvokeFlowModule", "CreateTask",
      "StartMediaStreaming");

  /** Connect's maximum {@code InvocationTimeLimitSeconds} for a Lambda invoked from a flow. */
  public static final int LAMBDA_TIMEOUT_MAX_SECONDS = 8;

  /** An E.164 number written into the flow, not a longer digit run. */
  static final Pattern E164 = Pattern.compile("(?<![0-9+])\\+[1-9]\\d{7,14}(?!\\d)");

  static final String LOGGING_ACTION = "UpdateFlowLoggingBehavior";
  static final String LAMBDA_ACTION = "InvokeLambdaFunction";

  /**
   * One lint rule.
   *
   * @param title what the finding says, before the flow's name (e.g. "Action without error branch")
   */
  public record Rule(String checkId, Severity severity, Pillar pillar, String title, String recommendation,
      Function<FlowDocument, List<LintHit>> check) {

    public List<LintHit> apply(FlowDocument document) {
      return check.apply(document);
    }
  }

  public static final Rule NO_ERROR_BRANCH = new Rule(CheckIds.LINT_NO_ERROR_BRANCH, Severity.MEDIUM,
      Pillar.OPERATIONAL_EXCELLENCE, "Action that can fail has no error branch",
      "Connect the block's Error branch to a message and a fallback (queue, retry or a clean disconnect), so a "
          + "failing Lambda, bot, input or transfer does not drop the contact.",
      FlowLintCatalog::noErrorBranch);

  public static final Rule UNREACHABLE = new Rule(CheckIds.LINT_UNREACHABLE, Severity.LOW,
      Pillar.OPERATIONAL_EXCELLENCE, "Block not reachable from the start of the flow",
      "Connect the block or delete it; unreachable blocks make the flow harder to read and review.",
      FlowLintCatalog::unreachable);

  public static final Rule LAMBDA_TIMEOUT = new Rule(CheckIds.LINT_LAMBDA_TIMEOUT, Severity.MEDIUM,
      Pillar.OPERATIONAL_EXCELLENCE, "Lambda invocation without a valid timeout",
      "Set the block's timeout explicitly to a whole number of seconds from 1 to " + LAMBDA_TIMEOUT_MAX_SECONDS
          + ", and keep the function well under it.",
      FlowLintCatalog::lambdaTimeout);

  public static final Rule HARDCODED_PHONE = new Rule(CheckIds.LINT_HARDCODED_PHONE, Severity.LOW,
      Pillar.OPERATIONAL_EXCELLENCE, "Phone number written into the flow",
      "Keep phone numbers out of flow content: read them from a contact attribute, a Lambda or a quick connect, "
          + "so a number change does not need a flow change in every flow that uses it.",
      FlowLintCatalog::hardcodedPhone);

  public static final Rule LOGGING_NOT_REENABLED = new Rule(CheckIds.LINT_LOGGING_NOT_REENABLED, Severity.MEDIUM,
      Pillar.OPERATIONAL_EXCELLENCE, "Flow logging disabled and never enabled again",
      "After the sensitive part (e.g. card input), add a Set logging behavior block set to Enabled on every "
          + "path, so the rest of the contact is logged.",
      FlowLintCatalog::loggingNotReenabled);

  /** The rules that run over every parsed flow and module, in report order. */
  public static final List<Rule> RULES = List.of(NO_ERROR_BRANCH, UNREACHABLE, LAMBDA_TIMEOUT, HARDCODED_PHONE,
      LOGGING_NOT_REENABLED);

  /** Not a rule over blocks: content that is not Flow Language (counted, never fatal). */
  public static final Rule UNPARSABLE = new Rule(CheckIds.CONTENT_UNPARSABLE, Severity.INFO,
      Pillar.OPERATIONAL_EXCELLENCE, "Flow content is not valid Flow Language",
      "Open the flow in the designer and save it again; if it still fails, export it and check the JSON.",
      document -> List.of());

  private FlowLintCatalog() {}

  /** Every rule's hits on the document, rule by rule, each in document order. */
  public static List<LintHit> lint(FlowDocument document) {
    List<LintHit> hits = new ArrayList<>();
    RULES.forEach(rule -> hits.addAll(rule.apply(document)));
    return hits;
  }

  /** The rule (or {@link #UNPARSABLE}) of a checkId. */
  public static Rule rule(String checkId) {
    if (UNPARSABLE.checkId().equals(checkId)) {
      return UNPARSABLE;
    }
    return RULES.stream().filter(r -> r.checkId().equals(checkId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no lint rule has checkId '" + checkId + "'"));
  }

  // ---- the checks ----

  /** "Has an error branch" = a non-empty {@code Transitions.Errors} whose entries all have a NextAction. */
  private static List<LintHit> noErrorBranch(FlowDocument document) {
    List<LintHit> hits = new ArrayList<>();
    for (Action action : document.actions()) {
      if (!FAILING_ACTION_TYPES.contains(action.type())) {
        continue;
      }
      List<ErrorBranch> errors = action.transitions().errors();
      if (errors.isEmpty()) {
        hits.add(hit(CheckIds.LINT_NO_ERROR_BRANCH, action, action.type() + " has no Errors transition"));
      } else if (errors.stream().anyMatch(e -> e.nextAction() == null)) {
        hits.add(hit(CheckIds.LINT_NO_ERROR_BRANCH, action, action.type() + " has an Errors entry without NextAction"
            + errorTypes(errors)));
      }
    }
    return hits;
  }

  private static List<LintHit> unreachable(FlowDocument document) {
    Set<String> reachable = new FlowGraph(document).reachableFromStart(document);
    return document.actions().stream().filter(a -> !reachable.contains(a.identifier()))
        .map(a -> hit(CheckIds.LINT_UNREACHABLE, a, a.type() + " is not reachable from StartAction " + document.startAction()))
        .toList();
  }

  private static List<LintHit> lambdaTimeout(FlowDocument document) {
    List<LintHit> hits = new ArrayList<>();
    for (Action action : document.actions()) {
      if (!action.isType(LAMBDA_ACTION)) {
        continue;
      }
      JsonNode value = action.parameters().get("InvocationTimeLimitSeconds");
      if (value == null || value.isNull()) {
        hits.add(hit(CheckIds.LINT_LAMBDA_TIMEOUT, action, "InvocationTimeLimitSeconds is not set"));
        continue;
      }
      Integer seconds = wholeSeconds(value);
      if (seconds == null) {
        hits.add(hit(CheckIds.LINT_LAMBDA_TIMEOUT, action, "InvocationTimeLimitSeconds '" + value.asText()
            + "' is not a whole number of seconds"));
      } else if (seconds < 1 || seconds > LAMBDA_TIMEOUT_MAX_SECONDS) {
        hits.add(hit(CheckIds.LINT_LAMBDA_TIMEOUT, action, "InvocationTimeLimitSeconds " + seconds + " is outside 1.."
            + LAMBDA_TIMEOUT_MAX_SECONDS));
      }
    }
    return hits;
  }

  /** E.164 literals in any parameter value (nested too) and in condition operands (Compare blocks). */
  private static List<LintHit> hardcodedPhone(FlowDocument document) {
    List<LintHit> hits = new ArrayList<>();
    for (Action action : document.actions()) {
      Set<String> found = new LinkedHashSet<>();
      collectNumbers(action.parameters(), "Parameters", found);
      for (FlowDocument.ConditionBranch branch : action.transitions().conditions()) {
        if (branch.condition() != null) {
          collectNumbers(branch.condition(), "Conditions", found);
        }
      }
      if (!found.isEmpty()) {
        hits.add(hit(CheckIds.LINT_HARDCODED_PHONE, action, "E.164 number in " + String.join(", ", found)));
      }
    }
    return hits;
  }

  /** A Disabled logging action from which no Enabled logging action can be reached. */
  private static List<LintHit> loggingNotReenabled(FlowDocument document) {
    FlowGraph graph = new FlowGraph(document);
    Map<String, Action> byId = document.byId();
    List<LintHit> hits = new ArrayList<>();
    for (Action action : document.actions()) {
      if (!"Disabled".equals(loggingValue(action))) {
        continue;
      }
      boolean reenabled = graph.reachableAfter(action).stream()
          .anyMatch(id -> "Enabled".equals(loggingValue(byId.get(id))));
      if (!reenabled) {
        hits.add(hit(CheckIds.LINT_LOGGING_NOT_REENABLED, action,
            "FlowLoggingBehavior Disabled with no path to an Enabled logging block"));
      }
    }
    return hits;
  }

  // ---- helpers ----

  /** {@code Enabled}/{@code Disabled} of a logging action, null for any other action. */
  static String loggingValue(Action action) {
    return action != null && action.isType(LOGGING_ACTION) ? action.parameter("FlowLoggingBehavior") : null;
  }

  private static LintHit hit(String checkId, Action action, String message) {
    return new LintHit(checkId, action.identifier(), action.type(), message);
  }

  private static String errorTypes(List<ErrorBranch> errors) {
    List<String> types = errors.stream().filter(e -> e.nextAction() == null)
        .map(e -> e.errorType() == null ? "(no ErrorType)" : e.errorType()).toList();
    return " (" + String.join(", ", types) + ")";
  }

  /** The value as whole seconds ("8", 8, "8.0" is not whole), null when it is none. */
  private static Integer wholeSeconds(JsonNode value) {
    String text = value.isValueNode() ? value.asText().trim() : "";
    if (!text.matches("-?\\d{1,9}")) {
      return null;
    }
    return Integer.valueOf(text);
  }

  private static void collectNumbers(JsonNode node, String path, Set<String> found) {
    if (node.isTextual()) {
      Matcher m = E164.matcher(node.asText());
      while (m.find()) {
        found.add(path + " (" + m.group() + ")");
      }
    } else if (node.isObject()) {
      node.properties().forEach(e -> collectNumbers(e.getValue(), path + "." + e.getKey(), found));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collectNumbers(node.get(i), path + "[" + i + "]", found);
      }
    }
  }
}
