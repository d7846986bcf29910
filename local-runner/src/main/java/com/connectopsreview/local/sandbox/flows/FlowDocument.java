package com.connectopsreview.local.sandbox.flows;

import com.connectopsreview.local.sandbox.Seeded;
import com.connectopsreview.local.sandbox.flows.FlowsDomain.FlowLogging;
import com.connectopsreview.shared.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A Flow Language document under construction, and the JSON building blocks of its actions. The
 * first action added is the StartAction; a logging action, when there is one, is added first and
 * leads to the action added after it.
 */
final class FlowDocument {

  private final long seed;
  private final String kind;
  private final List<ObjectNode> actions = new ArrayList<>();
  private int ids;
  private ObjectNode leadsToNext;

  FlowDocument(long seed, String kind) {
    this.seed = seed;
    this.kind = kind;
  }

  /** A new deterministic action identifier. */
  String newId() {
    return Seeded.uuid(seed, kind, ids++);
  }

  /** The logging action, first in the flow, unless the flow never sets logging. */
  void logging(FlowLogging logging) {
    if (logging == FlowLogging.ABSENT) {
      return;
    }
    // PAUSED and DISABLED flows enable logging first too; their Disabled action comes later.
    addRaw(newId(), "UpdateFlowLoggingBehavior", params("FlowLoggingBehavior", "Enabled"),
        Json.mapper().createObjectNode());
    leadsToNext = actions.get(actions.size() - 1);
  }

  void add(String id, String type, ObjectNode parameters, String next, ArrayNode errors) {
    addRaw(id, type, parameters, transitions(next, errors));
  }

  void addFinal(String id, String type) {
    addRaw(id, type, Json.mapper().createObjectNode(), Json.mapper().createObjectNode());
  }

  void addRaw(String id, String type, ObjectNode parameters, ObjectNode transitions) {
    if (leadsToNext != null) {
      ((ObjectNode) leadsToNext.get("Transitions")).put("NextAction", id);
      leadsToNext = null;
    }
    ObjectNode action = Json.mapper().createObjectNode();
    action.put("Identifier", id);
    action.put("Type", type);
    action.set("Parameters", parameters);
    action.set("Transitions", transitions);
    actions.add(action);
  }

  String toJson() {
    ObjectNode root = Json.mapper().createObjectNode();
    root.put("Version", FlowContent.VERSION);
    root.put("StartAction", actions.get(0).get("Identifier").asText());
    ObjectNode metadata = root.putObject("Metadata");
    metadata.putObject("entryPointPosition").put("x", 40).put("y", 40);
    ObjectNode positions = metadata.putObject("ActionMetadata");
    ArrayNode list = root.putArray("Actions");
    for (int i = 0; i < actions.size(); i++) {
      ObjectNode action = actions.get(i);
      list.add(action);
      positions.putObject(action.get("Identifier").asText()).putObject("position")
          .put("x", 160 + 240 * (i % 5)).put("y", 40 + 200 * (i / 5));
    }
    return Json.toString(root);
  }

  static ObjectNode params(String key, String value) {
    return Json.mapper().createObjectNode().put(key, value);
  }

  /** Pairs of (next action, error type). */
  static ArrayNode errors(String... nextAndType) {
    ArrayNode errors = Json.mapper().createArrayNode();
    for (int i = 0; i + 1 < nextAndType.length; i += 2) {
      errors.add(Json.mapper().createObjectNode().put("NextAction", nextAndType[i]).put("ErrorType", nextAndType[i + 1]));
    }
    return errors;
  }

  static ObjectNode condition(String next, String operand) {
    ObjectNode condition = Json.mapper().createObjectNode();
    condition.put("NextAction", next);
    ObjectNode test = condition.putObject("Condition");
    test.put("Operator", "Equals");
    test.putArray("Operands").add(operand);
    return condition;
  }

  static ObjectNode transitions(String next, ArrayNode errors) {
    ObjectNode transitions = Json.mapper().createObjectNode();
    if (next != null) {
      transitions.put("NextAction", next);
    }
    if (errors != null && !errors.isEmpty()) {
      transitions.set("Errors", errors);
    }
    return transitions;
  }
}
