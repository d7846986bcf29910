package com.connectopsreview.local.sandbox;

import com.connectopsreview.local.sandbox.Scenario.ContactFlow;
import com.connectopsreview.local.sandbox.Scenario.FlowLogging;
import com.connectopsreview.local.sandbox.Scenario.FlowModule;
import com.connectopsreview.local.sandbox.Scenario.LintRule;
import com.connectopsreview.shared.json.Json;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The Amazon Connect Flow Language documents of the scenario's flows and flow modules
 * (Version 2019-10-30: StartAction, Actions with Identifier / Type / Parameters / Transitions,
 * Metadata), as SearchContactFlows, DescribeContactFlow, SearchContactFlowModules and
 * DescribeContactFlowModule return them in {@code Content}.
 *
 * <p>All content is generated here, from the flow's type, index, logging setting and lint plant.
 * Every flow and module that is not a lint plant is clean under the flow analyzer's lint rules
 * (docs/checks.md, section flow): every action that can fail has an Errors branch, every action is
 * reachable from the StartAction, every Lambda invocation sets a timeout of at most 8 seconds, no
 * parameter holds an E.164 number, and logging is only ever disabled with every path out of the
 * sensitive block enabling it again. Each lint plant ({@link Scenario#lintPlantDetails()}) breaks
 * exactly one rule in exactly one action. Action identifiers are deterministic UUIDs.
 */
public final class FlowContent {

  public static final String VERSION = "2019-10-30";
  /** Connect's maximum for a synchronous Lambda invocation in a flow; clean flows use it as their longest timeout. */
  static final String MAX_LAMBDA_TIMEOUT = "8";
  /** The hard-coded number of the HARDCODED_PHONE plant (a fictional 555-01xx number). */
  static final String HARDCODED_NUMBER = "+12025550143";

  private FlowContent() {}

  public static String of(Scenario scenario, ContactFlow flow) {
    Document doc = new Document(scenario.seed(), "flow-action:" + flow.index());
    Refs refs = new Refs(scenario, flow.index());
    doc.logging(flow.logging());
    if (flow.lintPlant() != null) {
      plant(doc, refs, flow.lintPlant(), plantBlockId(scenario, flow));
      return doc.toJson();
    }
    switch (flow.type()) {
      case "CONTACT_FLOW" -> inbound(doc, refs, flow.index(), flow.logging() == FlowLogging.PAUSED);
      case "CUSTOMER_QUEUE", "CUSTOMER_HOLD", "AGENT_HOLD" -> loopPrompts(doc, refs);
      case "CUSTOMER_WHISPER", "AGENT_WHISPER", "OUTBOUND_WHISPER" -> whisper(doc, flow.name());
      default -> transfer(doc, refs); // AGENT_TRANSFER, QUEUE_TRANSFER
    }
    return doc.toJson();
  }

  /** A module: an account lookup (Lambda, 5 s, with an error branch), a message, the end of the module. */
  public static String of(Scenario scenario, FlowModule module) {
    Document doc = new Document(scenario.seed(), "module-action:" + module.index());
    Refs refs = new Refs(scenario, module.index());
    doc.logging(module.logging());
    String lookup = doc.newId();
    String message = doc.newId();
    String end = doc.newId();
    doc.add(lookup, "InvokeLambdaFunction", lambda(refs.lambdaArn, "5"), message, errors(message, "NoMatchingError"));
    doc.add(message, "MessageParticipant", params("Text", "Please hold while we look up your account."), end,
        errors(end, "NoMatchingError"));
    doc.addFinal(end, "EndFlowModuleExecution");
    return doc.toJson();
  }

  /** The Identifier of the one offending action of a lint plant. */
  static String plantBlockId(Scenario scenario, ContactFlow flow) {
    return Seeded.uuid(scenario.seed(), "flow-plant:" + flow.index(), 0);
  }

  /** The Type of the one offending action of a lint plant. */
  static String plantActionType(LintRule rule) {
    return switch (rule) {
      case NO_ERROR_BRANCH, LAMBDA_TIMEOUT -> "InvokeLambdaFunction";
      case UNREACHABLE -> "MessageParticipant";
      case HARDCODED_PHONE -> "TransferParticipantToThirdParty";
      case LOGGING_NOT_REENABLED -> "UpdateFlowLoggingBehavior";
    };
  }

  // ---- templates ----

  /**
   * Recording, hours check, optional module, optional customer lookup (Lambda), greeting, optional
   * account-number input with logging paused, a two-option menu, queue, transfer; closed message
   * outside hours.
   */
  private static void inbound(Document doc, Refs refs, int index, boolean pauseLogging) {
    boolean invokesModule = refs.moduleId != null && index % 4 == 1;
    boolean invokesLambda = index % 3 == 0;
    String recording = doc.newId();
    String hours = doc.newId();
    String module = doc.newId();
    String lookup = doc.newId();
    String greeting = doc.newId();
    String loggingOff = doc.newId();
    String account = doc.newId();
    String loggingOn = doc.newId();
    String menu = doc.newId();
    String queueA = doc.newId();
    String queueB = doc.newId();
    String transfer = doc.newId();
    String closed = doc.newId();
    String disconnect = doc.newId();
    String afterModule = invokesLambda ? lookup : greeting;
    String afterHours = invokesModule ? module : afterModule;
    String afterGreeting = pauseLogging ? loggingOff : menu;

    doc.add(recording, "UpdateContactRecordingBehavior",
        Json.mapper().createObjectNode().set("RecordingBehavior", Json.mapper().createObjectNode()
            .set("RecordedParticipants", Json.mapper().createArrayNode().add("Agent").add("Customer"))),
        hours, null);
    ObjectNode hoursTransitions = transitions(null, errors(closed, "NoMatchingError"));
    hoursTransitions.set("Conditions", Json.mapper().createArrayNode()
        .add(condition(afterHours, "True"))
        .add(condition(closed, "False")));
    doc.addRaw(hours, "CheckHoursOfOperation", params("HoursOfOperationId", refs.hoursArn), hoursTransitions);
    if (invokesModule) {
      doc.add(module, "InvokeFlowModule", params("FlowModuleId", refs.moduleId), afterModule,
          errors(afterModule, "NoMatchingError"));
    }
    if (invokesLambda) {
      doc.add(lookup, "InvokeLambdaFunction", lambda(refs.lambdaArn, MAX_LAMBDA_TIMEOUT), greeting,
          errors(greeting, "NoMatchingError"));
    }
    doc.add(greeting, "MessageParticipant", params("PromptId", refs.promptArn), afterGreeting,
        errors(afterGreeting, "NoMatchingError"));
    if (pauseLogging) {
      // The account number must not reach the flow logs: logging off for this one input, back on for
      // every way out of it.
      doc.add(loggingOff, "UpdateFlowLoggingBehavior", params("FlowLoggingBehavior", "Disabled"), account, null);
      doc.add(account, "GetParticipantInput", accountNumberInput(), loggingOn,
          errors(loggingOn, "InputTimeLimitExceeded", loggingOn, "NoMatchingError"));
      doc.add(loggingOn, "UpdateFlowLoggingBehavior", params("FlowLoggingBehavior", "Enabled"), menu, null);
    }
    ObjectNode menuParams = params("Text", "For new orders press 1. For anything else press 2.")
        .put("StoreInput", "False").put("InputTimeLimitSeconds", "5");
    ObjectNode menuTransitions = transitions(null, errors(queueA, "InputTimeLimitExceeded",
        queueA, "NoMatchingCondition", disconnect, "NoMatchingError"));
    menuTransitions.set("Conditions", Json.mapper().createArrayNode()
        .add(condition(queueA, "1")).add(condition(queueB, "2")));
    doc.addRaw(menu, "GetParticipantInput", menuParams, menuTransitions);
    doc.add(queueA, "UpdateContactTargetQueue", params("QueueId", refs.queueArn), transfer,
        errors(disconnect, "NoMatchingError"));
    doc.add(queueB, "UpdateContactTargetQueue", params("QueueId", refs.otherQueueArn), transfer,
        errors(disconnect, "NoMatchingError"));
    doc.add(transfer, "TransferContactToQueue", Json.mapper().createObjectNode(), disconnect,
        errors(disconnect, "QueueAtCapacity", disconnect, "NoMatchingError"));
    doc.add(closed, "MessageParticipant",
        params("Text", "We are closed. Please call again during business hours."), disconnect,
        errors(disconnect, "NoMatchingError"));
    doc.addFinal(disconnect, "DisconnectParticipant");
  }

  private static void loopPrompts(Document doc, Refs refs) {
    String loop = doc.newId();
    String end = doc.newId();
    ObjectNode parameters = Json.mapper().createObjectNode();
    parameters.set("Messages", Json.mapper().createArrayNode().add(params("PromptId", refs.promptArn)));
    parameters.put("InterruptFrequencySeconds", "60");
    doc.add(loop, "MessageParticipantIteratively", parameters, null, errors(end, "NoMatchingError"));
    doc.addFinal(end, "EndFlowExecution");
  }

  private static void whisper(Document doc, String name) {
    String message = doc.newId();
    String end = doc.newId();
    doc.add(message, "MessageParticipant", params("Text", name), end, errors(end, "NoMatchingError"));
    doc.addFinal(end, "EndFlowExecution");
  }

  private static void transfer(Document doc, Refs refs) {
    String queue = doc.newId();
    String transfer = doc.newId();
    String disconnect = doc.newId();
    doc.add(queue, "UpdateContactTargetQueue", params("QueueId", refs.queueArn), transfer,
        errors(disconnect, "NoMatchingError"));
    doc.add(transfer, "TransferContactToQueue", Json.mapper().createObjectNode(), disconnect,
        errors(disconnect, "QueueAtCapacity", disconnect, "NoMatchingError"));
    doc.addFinal(disconnect, "DisconnectParticipant");
  }

  /** A lint plant: a small inbound flow (logging enabled first) whose action {@code offending} breaks {@code rule}. */
  private static void plant(Document doc, Refs refs, LintRule rule, String offending) {
    String greeting = doc.newId();
    String queue = doc.newId();
    String transfer = doc.newId();
    String disconnect = doc.newId();
    switch (rule) {
      case NO_ERROR_BRANCH -> {
        // A Lambda invocation with a valid timeout but no Errors: a failing lookup drops the call.
        doc.add(offending, "InvokeLambdaFunction", lambda(refs.lambdaArn, "3"), greeting, null);
        doc.add(greeting, "MessageParticipant", params("Text", "Your order is on its way."), disconnect,
            errors(disconnect, "NoMatchingError"));
      }
      case UNREACHABLE -> {
        doc.add(greeting, "MessageParticipant", params("Text", "Thank you for calling."), disconnect,
            errors(disconnect, "NoMatchingError"));
        // Left over from an edit: nothing leads here any more.
        doc.add(offending, "MessageParticipant", params("Text", "Please stay on the line for a short survey."),
            disconnect, errors(disconnect, "NoMatchingError"));
      }
      case LAMBDA_TIMEOUT -> {
        doc.add(offending, "InvokeLambdaFunction", lambda(refs.lambdaArn, "30"), queue,
            errors(queue, "NoMatchingError"));
        queueAndTransfer(doc, refs, queue, transfer, disconnect);
      }
      case HARDCODED_PHONE -> {
        doc.add(greeting, "MessageParticipant", params("Text", "Connecting you to our partner."), offending,
            errors(offending, "NoMatchingError"));
        doc.add(offending, "TransferParticipantToThirdParty", params("ThirdPartyPhoneNumber", HARDCODED_NUMBER)
                .put("ThirdPartyConnectionTimeLimitSeconds", "30").put("ContinueFlowExecution", "False"),
            disconnect, errors(disconnect, "CallFailed", disconnect, "ConnectionTimeLimitExceeded",
                disconnect, "NoMatchingError"));
      }
      case LOGGING_NOT_REENABLED -> {
        String card = doc.newId();
        doc.add(greeting, "MessageParticipant", params("Text", "To pay by card, please have it ready."), offending,
            errors(offending, "NoMatchingError"));
        // Turned off for the card number and never turned back on: the rest of the call is not logged.
        doc.add(offending, "UpdateFlowLoggingBehavior", params("FlowLoggingBehavior", "Disabled"), card, null);
        doc.add(card, "GetParticipantInput", accountNumberInput(), queue,
            errors(queue, "InputTimeLimitExceeded", queue, "NoMatchingError"));
        queueAndTransfer(doc, refs, queue, transfer, disconnect);
      }
      default -> throw new IllegalArgumentException("no plant for " + rule);
    }
    doc.addFinal(disconnect, "DisconnectParticipant");
  }

  private static void queueAndTransfer(Document doc, Refs refs, String queue, String transfer, String disconnect) {
    doc.add(queue, "UpdateContactTargetQueue", params("QueueId", refs.queueArn), transfer,
        errors(disconnect, "NoMatchingError"));
    doc.add(transfer, "TransferContactToQueue", Json.mapper().createObjectNode(), disconnect,
        errors(disconnect, "QueueAtCapacity", disconnect, "NoMatchingError"));
  }

  // ---- building blocks ----

  private static ObjectNode params(String key, String value) {
    return Json.mapper().createObjectNode().put(key, value);
  }

  private static ObjectNode lambda(String arn, String timeoutSeconds) {
    ObjectNode parameters = params("LambdaFunctionARN", arn).put("InvocationTimeLimitSeconds", timeoutSeconds);
    parameters.putObject("ResponseValidation").put("ResponseType", "STRING_MAP");
    return parameters;
  }

  private static ObjectNode accountNumberInput() {
    ObjectNode parameters = params("Text", "Please enter your account number, then press the pound key.")
        .put("StoreInput", "True").put("InputTimeLimitSeconds", "10");
    parameters.putObject("InputValidation").putObject("CustomValidation").put("MaximumLength", "12");
    return parameters;
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
    final String lambdaArn;

    Refs(Scenario s, int index) {
      int queues = s.counts().standardQueues();
      this.queueArn = s.queues().get(index % queues).arn();
      this.otherQueueArn = s.queues().get((index + 1) % queues).arn();
      this.promptArn = s.prompts().get(index % s.prompts().size()).arn();
      this.hoursArn = s.hoursOfOperations().get(index % s.hoursOfOperations().size()).arn();
      this.moduleId = s.flowModules().size() == 0 ? null : s.flowModules().id(index % s.flowModules().size());
      this.lambdaArn = s.lambdaFunctions().get(index % s.lambdaFunctions().size()).arn();
    }
  }

  /**
   * A Flow Language document under construction. The first action added is the StartAction; a
   * logging action, when there is one, is added first and leads to the action added after it.
   */
  private static final class Document {
    private final long seed;
    private final String kind;
    private final List<ObjectNode> actions = new ArrayList<>();
    private int ids;
    private ObjectNode leadsToNext;

    Document(long seed, String kind) {
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
