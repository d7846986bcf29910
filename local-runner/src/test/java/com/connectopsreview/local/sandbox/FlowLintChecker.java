package com.connectopsreview.local.sandbox;

import com.connectopsreview.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small lint checker written from the flow lint rules' text (docs/checks.md), for the sandbox's scenario
 * tests only: it proves that each planted flow breaks exactly its rule and the clean flows break
 * none, without depending on the flow analyzer (which is checked against the same scenario end to end).
 */
final class FlowLintChecker {

  /** One offending action. */
  record Finding(String checkId, String blockId, String actionType) {}

  /** The contract's minimum list of actions that can fail. */
  static final Set<String> FAILING_ACTIONS = Set.of("InvokeLambdaFunction", "ConnectParticipantWithLexBot",
      "GetParticipantInput", "TransferContactToQueue", "TransferParticipantToThirdParty", "TransferToFlow",
      "InvokeFlowModule", "CreateTask", "StartMediaStreaming");
  /** Actions that end the flow or hand the contact over (for the strict logging rule). */
  static final Set<String> ENDS_OR_TRANSFERS = Set.of("DisconnectParticipant", "TransferContactToQueue",
      "TransferToFlow", "TransferParticipantToThirdParty", "EndFlowExecution", "EndFlowModuleExecution");
  static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{7,14}");
  static final int MAX_LAMBDA_TIMEOUT = 8;

  private FlowLintChecker() {}

  static List<Finding> lint(String content) {
    JsonNode flow;
    try {
      flow = Json.mapper().readTree(content);
    } catch (IOException e) {
      throw new UncheckedIOException("not JSON: " + content, e);
    }
    Map<String, JsonNode> actions = new LinkedHashMap<>();
    flow.get("Actions").forEach(a -> actions.put(a.get("Identifier").asText(), a));
    Set<String> reachable = reachableFrom(flow.get("StartAction").asText(), actions, Set.of());
    List<Finding> findings = new ArrayList<>();
    for (JsonNode action : actions.values()) {
      String id = action.get("Identifier").asText();
      String type = action.get("Type").asText();
      JsonNode parameters = action.path("Parameters");
      if (FAILING_ACTIONS.contains(type) && !hasErrorBranch(action)) {
        findings.add(new Finding("FLOW.LINT.NO_ERROR_BRANCH", id, type));
      }
      if (!reachable.contains(id)) {
        findings.add(new Finding("FLOW.LINT.UNREACHABLE", id, type));
      }
      if (type.equals("InvokeLambdaFunction") && !timeoutWithinLimit(parameters.get("InvocationTimeLimitSeconds"))) {
        findings.add(new Finding("FLOW.LINT.LAMBDA_TIMEOUT", id, type));
      }
      if (holdsE164(parameters)) {
        findings.add(new Finding("FLOW.LINT.HARDCODED_PHONE", id, type));
      }
      if (isLogging(action, "Disabled") && loggingNotReenabled(id, actions)) {
        findings.add(new Finding("FLOW.LINT.LOGGING_NOT_REENABLED", id, type));
      }
    }
    return findings;
  }

  /** Whether the content has an UpdateFlowLoggingBehavior Enabled action. */
  static boolean enablesLogging(String content) {
    try {
      for (JsonNode action : Json.mapper().readTree(content).get("Actions")) {
        if (isLogging(action, "Enabled")) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hasErrorBranch(JsonNode action) {
    JsonNode errors = action.path("Transitions").get("Errors");
    if (errors == null || !errors.isArray() || errors.isEmpty()) {
      return false;
    }
    for (JsonNode e : errors) {
      if (!e.hasNonNull("NextAction") || e.get("NextAction").asText().isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static boolean timeoutWithinLimit(JsonNode value) {
    if (value == null || value.isNull()) {
      return false;
    }
    try {
      int seconds = Integer.parseInt(value.asText().trim());
      return seconds >= 1 && seconds <= MAX_LAMBDA_TIMEOUT;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean holdsE164(JsonNode node) {
    if (node.isTextual()) {
      return E164.matcher(node.asText()).find();
    }
    for (JsonNode child : node) {
      if (holdsE164(child)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isLogging(JsonNode action, String behavior) {
    return action.get("Type").asText().equals("UpdateFlowLoggingBehavior")
        && behavior.equals(action.path("Parameters").path("FlowLoggingBehavior").asText());
  }

  /**
   * Both readings of the contract's rule: no Enabled action is reachable from the Disabled one
   * (the simplest acceptable rule), or some path from it reaches an action that ends or transfers the
   * contact without passing an Enabled action (the strict rule).
   */
  private static boolean loggingNotReenabled(String disabledId, Map<String, JsonNode> actions) {
    Set<String> all = reachableFrom(disabledId, actions, Set.of());
    boolean noEnabledReachable = all.stream().noneMatch(id -> isLogging(actions.get(id), "Enabled"));
    Set<String> enabledIds = new HashSet<>();
    actions.forEach((id, a) -> {
      if (isLogging(a, "Enabled")) {
        enabledIds.add(id);
      }
    });
    Set<String> withoutEnabled = reachableFrom(disabledId, actions, enabledIds);
    boolean endsWhileDisabled = withoutEnabled.stream()
        .anyMatch(id -> ENDS_OR_TRANSFERS.contains(actions.get(id).get("Type").asText()));
    return noEnabledReachable || endsWhileDisabled;
  }

  /** Actions reachable from {@code start} through NextAction, Conditions and Errors, not passing {@code stops}. */
  private static Set<String> reachableFrom(String start, Map<String, JsonNode> actions, Set<String> stops) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>(List.of(start));
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (!actions.containsKey(id) || stops.contains(id) || !seen.add(id)) {
        continue;
      }
      JsonNode transitions = actions.get(id).path("Transitions");
      if (transitions.hasNonNull("NextAction")) {
        todo.push(transitions.get("NextAction").asText());
      }
      for (String list : List.of("Conditions", "Errors")) {
        transitions.path(list).forEach(t -> {
          if (t.hasNonNull("NextAction")) {
            todo.push(t.get("NextAction").asText());
          }
        });
      }
    }
    return seen;
  }
}
