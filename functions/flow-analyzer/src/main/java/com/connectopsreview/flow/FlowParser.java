package com.connectopsreview.flow;

import com.connectopsreview.flow.FlowDocument.Action;
import com.connectopsreview.flow.FlowDocument.ConditionBranch;
import com.connectopsreview.flow.FlowDocument.ErrorBranch;
import com.connectopsreview.flow.FlowDocument.Transitions;
import com.connectopsreview.shared.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads Flow Language JSON into a {@link FlowDocument}, as a Jackson tree so unknown action types
 * and parameters pass through. Strict only where the checks depend on the shape: the document is an
 * object, {@code Actions} an array of objects with a unique, non-blank {@code Identifier} and a
 * {@code Type}, {@code StartAction} names one of them, and {@code Transitions} has the documented
 * field types.
 */
public final class FlowParser {

  private FlowParser() {}

  public static FlowDocument parse(String content) throws UnparsableFlowException {
    if (content == null || content.isBlank()) {
      throw new UnparsableFlowException("content is empty");
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(content);
    } catch (JsonProcessingException e) {
      throw new UnparsableFlowException("not JSON: " + e.getOriginalMessage() + " at line "
          + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr());
    }
    if (root == null || !root.isObject()) {
      throw new UnparsableFlowException("content is not a JSON object");
    }
    JsonNode actionsNode = root.get("Actions");
    if (actionsNode == null || !actionsNode.isArray()) {
      throw new UnparsableFlowException("Actions is missing or not an array");
    }
    List<Action> actions = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < actionsNode.size(); i++) {
      Action action = action(actionsNode.get(i), "Actions[" + i + "]");
      if (!ids.add(action.identifier())) {
        throw new UnparsableFlowException("Actions[" + i + "].Identifier '" + action.identifier()
            + "' is used by another action");
      }
      actions.add(action);
    }
    String start = text(root, "StartAction", "StartAction");
    if (!actions.isEmpty() && (start == null || !ids.contains(start))) {
      throw new UnparsableFlowException(start == null ? "StartAction is missing"
          : "StartAction '" + start + "' names no action");
    }
    return new FlowDocument(text(root, "Version", "Version"), start, actions);
  }

  private static Action action(JsonNode node, String path) throws UnparsableFlowException {
    if (!node.isObject()) {
      throw new UnparsableFlowException(path + " is not an object");
    }
    String id = text(node, "Identifier", path + ".Identifier");
    if (id == null || id.isBlank()) {
      throw new UnparsableFlowException(path + ".Identifier is missing");
    }
    String type = text(node, "Type", path + ".Type");
    if (type == null || type.isBlank()) {
      throw new UnparsableFlowException(path + ".Type is missing");
    }
    JsonNode parameters = node.get("Parameters");
    if (parameters == null || parameters.isNull()) {
      parameters = Json.mapper().createObjectNode();
    } else if (!parameters.isObject()) {
      throw new UnparsableFlowException(path + ".Parameters is not an object");
    }
    return new Action(id, type, parameters, transitions(node.get("Transitions"), path + ".Transitions"));
  }

  private static Transitions transitions(JsonNode node, String path) throws UnparsableFlowException {
    if (node == null || node.isNull()) {
      return Transitions.NONE;
    }
    if (!node.isObject()) {
      throw new UnparsableFlowException(path + " is not an object");
    }
    List<ConditionBranch> conditions = new ArrayList<>();
    for (JsonNode c : array(node, "Conditions", path)) {
      conditions.add(new ConditionBranch(text(c, "NextAction", path + ".Conditions[].NextAction"),
          c.get("Condition")));
    }
    List<ErrorBranch> errors = new ArrayList<>();
    for (JsonNode e : array(node, "Errors", path)) {
      errors.add(new ErrorBranch(text(e, "NextAction", path + ".Errors[].NextAction"),
          text(e, "ErrorType", path + ".Errors[].ErrorType")));
    }
    return new Transitions(text(node, "NextAction", path + ".NextAction"), conditions, errors);
  }

  private static List<JsonNode> array(JsonNode parent, String field, String path) throws UnparsableFlowException {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new UnparsableFlowException(path + "." + field + " is not an array");
    }
    List<JsonNode> items = new ArrayList<>();
    for (JsonNode item : node) {
      if (!item.isObject()) {
        throw new UnparsableFlowException(path + "." + field + "[] holds a value that is not an object");
      }
      items.add(item);
    }
    return items;
  }

  /** The field's text; null when absent, null or blank. */
  private static String text(JsonNode parent, String field, String path) throws UnparsableFlowException {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new UnparsableFlowException(path + " is not a string");
    }
    return value.asText().isBlank() ? null : value.asText();
  }
}
