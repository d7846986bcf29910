package com.connectopsreview.local.sandbox;

import com.connectopsreview.local.sandbox.Scenario.ContactFlow;
import com.connectopsreview.local.sandbox.Scenario.FlowLogging;
import com.connectopsreview.local.sandbox.Scenario.FlowModule;
import com.connectopsreview.shared.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The Amazon Connect Flow Language documents of the scenario's flows and flow modules
 * (Version 2019-10-30: StartAction, Actions with Identifier / Type / Parameters / Transitions,
 * Metadata), as DescribeContactFlow and DescribeContactFlowModule return them in {@code Content}.
 *
 * <p>All content is generated here, from the flow's type, index and logging setting, so later
 * issues that plant flow problems (missing error branches, loops, deprecated blocks...) extend this
 * one class. Action identifiers are deterministic UUIDs.
 */
public final class FlowContent {

  public static final String VERSION = "2019-10-30";

  private FlowContent() {}

  public static String of(Scenario scenario, ContactFlow flow) {
    Document doc = new Document(scenario.seed(), "flow-action:" + flow.index());
    Refs refs = new Refs(scenario, flow.index());
    doc.logging(flow.logging());
    switch (flow.type()) {
      case "CONTACT_FLOW" -> inbound(doc, refs, flow.index());
      case "CUSTOMER_QUEUE", "CUSTOMER_HOLD", "AGENT_HOLD" -> loopPrompts(doc, refs);
      case "CUSTOMER_WHISPER", "AGENT_WHISPER", "OUTBOUND_WHISPER" -> whisper(doc, flow.name());
      default -> transfer(doc, refs); // AGENT_TRANSFER, QUEUE_TRANSFER
    }
    return doc.toJson();
  }

  public static String of(Scenario scenario, FlowModule module) {
    Document doc = new Document(scenario.seed(), "module-action:" + module.index());
    doc.logging(module.logging());
    String end = doc.nextId(1);
    doc.add("MessageParticipant", params("Text", "Please hold while we look up your account."), end,
        errors(end, "NoMatchingError"));
    doc.addFinal("EndFlowModuleExecution");
    return doc.toJson();
  }

  // ---- templates ----

  /** Hours check, greeting, a two-option menu, queue, transfer; closed message outside hours. */
  private static void inbound(Document doc, Refs refs, int index) {
    boolean invokesModule = refs.moduleId != null && index % 4 == 1;
    String recording = doc.nextId(0);
    String hours = doc.nextId(1);
    String module = doc.nextId(2);
    String greeting = doc.nextId(3);
    String menu = doc.nextId(4);
    String queueA = doc.nextId(5);
    String queueB = doc.nextId(6);
    String transfer = doc.nextId(7);
    String closed = doc.nextId(8);
    String disconnect = doc.nextId(9);
    doc.addWithId(recording, "UpdateContactRecordingBehavior",
        Json.mapper().createObjectNode().set("RecordingBehavior", Json.mapper().createObjectNode()
            .set("RecordedParticipants", Json.mapper().createArrayNode().add("Agent").add("Customer"))),
        hours, null);
    ObjectNode hoursTransitions = transitions(null, errors(closed, "NoMatchingError"));
    hoursTransitions.set("Conditions", Json.mapper().createArrayNode()
        .add(condition(invokesModule ? module : greeting, "True"))
        .add(condition(closed, "False")));
    doc.addRaw(hours, "CheckHoursOfOperation", params("HoursOfOperationId", refs.hoursArn), hoursTransitions);
    if (invokesModule) {
      doc.addWithId(module, "InvokeFlowModule", params("FlowModuleId", refs.moduleId), greeting,
          errors(greeting, "NoMatchingError"));
    }
    doc.addWithId(greeting, "MessageParticipant", params("PromptId", refs.promptArn), menu,
        errors(menu, "NoMatchingError"));
    ObjectNode menuParams = params("Text", "For new orders press 1. For anything else press 2.")
        .put("StoreInput", "False").put("InputTimeLimitSeconds", "5");
    ObjectNode menuTransitions = transitions(null, errors(queueA, "InputTimeLimitExceeded",
        queueA, "NoMatchingCondition", disconnect, "NoMatchingError"));
    menuTransitions.set("Conditions", Json.mapper().createArrayNode()
        .add(condition(queueA, "1")).add(condition(queueB, "2")));
    doc.addRaw(menu, "GetParticipantInput", menuParams, menuTransitions);
    doc.addWithId(queueA, "UpdateContactTargetQueue", params("QueueId", refs.queueArn), transfer,
        errors(disconnect, "NoMatchingError"));
    doc.addWithId(queueB, "UpdateContactTargetQueue", params("QueueId", refs.otherQueueArn), transfer,
        errors(disconnect, "NoMatchingError"));
    doc.addWithId(transfer, "TransferContactToQueue", Json.mapper().createObjectNode(), disconnect,
        errors(disconnect, "QueueAtCapacity", disconnect, "NoMatchingError"));
    doc.addWithId(closed, "MessageParticipant",
        params("Text", "We are closed. Please call again during business hours."), disconnect,
        errors(disconnect, "NoMatchingError"));
    doc.addFinalWithId(disconnect, "DisconnectParticipant");
  }

  private static void loopPrompts(Document doc, Refs refs) {
    String end = doc.nextId(1);
    ObjectNode parameters = Json.mapper().createObjectNode();
    parameters.set("Messages", Json.mapper().createArrayNode().add(params("PromptId", refs.promptArn)));
    parameters.put("InterruptFrequencySeconds", "60");
    doc.add("MessageParticipantIteratively", parameters, null, errors(end, "NoMatchingError"));
    doc.addFinal("EndFlowExecution");
  }

  private static void whisper(Document doc, String name) {
    String end = doc.nextId(1);
    doc.add("MessageParticipant", params("Text", name), end, errors(end, "NoMatchingError"));
    doc.addFinal("EndFlowExecution");
  }

  private static void transfer(Document doc, Refs refs) {
    String transfer = doc.nextId(1);
    String disconnect = doc.nextId(2);
    doc.add("UpdateContactTargetQueue", params("QueueId", refs.queueArn), transfer,
        errors(disconnect, "NoMatchingError"));
    doc.addWithId(transfer, "TransferContactToQueue", Json.mapper().createObjectNode(), disconnect,
        errors(disconnect, "QueueAtCapacity", disconnect, "NoMatchingError"));
    doc.addFinalWithId(disconnect, "DisconnectParticipant");
  }

  // ---- building blocks ----

  private static ObjectNode params(String key, String value) {
    return Json.mapper().createObjectNode().put(key, value);
  }

  /** Pairs of (next action, error type). */
  private static ArrayNode errors(String... nextAndType) {
    ArrayNode errors = Json.mapper().createArrayNode();
    for (int i = 0; i + 1 < nextAndType.length; i += 2) {
      errors.add(Json.mapper().createObjectNode().put("NextAction", nextAndType[i]).put("ErrorType", nextAndType[i + 1]));
    }
    return errors;
  }

  private static ObjectNode condition(String next, String operand) {
    ObjectNode condition = Json.mapper().createObjectNode();
    condition.put("NextAction", next);
    ObjectNode test = condition.putObject("Condition");
    test.put("Operator", "Equals");
    test.putArray("Operands").add(operand);
    return condition;
  }

  private static ObjectNode transitions(String next, ArrayNode errors) {
    ObjectNode transitions = Json.mapper().createObjectNode();
    if (next != null) {
      transitions.put("NextAction", next);
    }
    if (errors != null && !errors.isEmpty()) {
      transitions.set("Errors", errors);
    }
    return transitions;
  }

  /** ARNs the flow refers to, chosen by the flow's index among the scenario's entities. */
  private static final class Refs {
    final String queueArn;
    final String otherQueueArn;
    final String promptArn;
    final String hoursArn;
    final String moduleId;

    Refs(Scenario s, int index) {
      int queues = s.counts().standardQueues();
      this.queueArn = s.queues().get(index % queues).arn();
      this.otherQueueArn = s.queues().get((index + 1) % queues).arn();
      this.promptArn = s.prompts().get(index % s.prompts().size()).arn();
      this.hoursArn = s.hoursOfOperations().get(index % s.hoursOfOperations().size()).arn();
      this.moduleId = s.flowModules().size() == 0 ? null : s.flowModules().id(index % s.flowModules().size());
    }
  }

  /** A Flow Language document under construction; the first action added is the StartAction. */
  private static final class Document {
    private final long seed;
    private final String kind;
    private final List<ObjectNode> actions = new ArrayList<>();

    Document(long seed, String kind) {
      this.seed = seed;
      this.kind = kind;
    }

    /** The identifier of the action {@code n} positions after the current one. */
    String nextId(int n) {
      return Seeded.uuid(seed, kind, actions.size() + n);
    }

    /** The logging action, first in the flow, unless the flow never sets logging. */
    void logging(FlowLogging logging) {
      if (logging == FlowLogging.ABSENT) {
        return;
      }
      String next = nextId(1);
      add("UpdateFlowLoggingBehavior",
          params("FlowLoggingBehavior", logging == FlowLogging.ENABLED ? "Enabled" : "Disabled"), next, null);
    }

    void add(String type, ObjectNode parameters, String next, ArrayNode errors) {
      addWithId(nextId(0), type, parameters, next, errors);
    }

    void addWithId(String id, String type, ObjectNode parameters, String next, ArrayNode errors) {
      addRaw(id, type, parameters, transitions(next, errors));
    }

    void addFinal(String type) {
      addFinalWithId(nextId(0), type);
    }

    void addFinalWithId(String id, String type) {
      addRaw(id, type, Json.mapper().createObjectNode(), Json.mapper().createObjectNode());
    }

    void addRaw(String id, String type, ObjectNode parameters, ObjectNode transitions) {
      ObjectNode action = Json.mapper().createObjectNode();
      action.put("Identifier", id);
      action.put("Type", type);
      action.set("Parameters", parameters);
      action.set("Transitions", transitions);
      actions.add(action);
    }

    String toJson() {
      ObjectNode root = Json.mapper().createObjectNode();
      root.put("Version", VERSION);
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
  }
}
