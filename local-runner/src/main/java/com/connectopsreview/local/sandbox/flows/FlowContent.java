package com.connectopsreview.local.sandbox.flows;

import static com.connectopsreview.local.sandbox.flows.FlowDocument.condition;
import static com.connectopsreview.local.sandbox.flows.FlowDocument.errors;
import static com.connectopsreview.local.sandbox.flows.FlowDocument.params;
import static com.connectopsreview.local.sandbox.flows.FlowDocument.transitions;

import com.connectopsreview.local.sandbox.EntityList;
import com.connectopsreview.local.sandbox.Seeded;
import com.connectopsreview.local.sandbox.entities.EntitiesDomain;
import com.connectopsreview.local.sandbox.flows.FlowsDomain.ContactFlow;
import com.connectopsreview.local.sandbox.flows.FlowsDomain.FlowLogging;
import com.connectopsreview.local.sandbox.flows.FlowsDomain.FlowModule;
import com.connectopsreview.local.sandbox.flows.FlowsDomain.LintRule;
import com.connectopsreview.shared.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
 * sensitive block enabling it again. Each lint plant ({@link FlowsDomain#lintPlantDetails()}) breaks
 * exactly one rule in exactly one action. Action identifiers are deterministic UUIDs.
 */
final class FlowContent {

  public static final String VERSION = "2019-10-30";
  /** Connect's maximum for a synchronous Lambda invocation in a flow; clean flows use it as their longest timeout. */
  static final String MAX_LAMBDA_TIMEOUT = "8";
  /** The hard-coded number of the HARDCODED_PHONE plant (a fictional 555-01xx number). */
  static final String HARDCODED_NUMBER = "+12025550143";

  private final long seed;
  private final EntitiesDomain entities;
  private final EntityList<FlowModule> modules;

  /** Content whose flows refer to {@code entities} and invoke {@code modules}. */
  FlowContent(long seed, EntitiesDomain entities, EntityList<FlowModule> modules) {
    this.seed = seed;
    this.entities = entities;
    this.modules = modules;
  }

  String of(ContactFlow flow) {
    FlowDocument doc = new FlowDocument(seed, "flow-action:" + flow.index());
    Refs refs = new Refs(entities, modules, flow.index());
    doc.logging(flow.logging());
    if (flow.lintPlant() != null) {
      plant(doc, refs, flow.lintPlant(), plantBlockId(seed, flow));
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
  String of(FlowModule module) {
    FlowDocument doc = new FlowDocument(seed, "module-action:" + module.index());
    Refs refs = new Refs(entities, modules, module.index());
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
  static String plantBlockId(long seed, ContactFlow flow) {
    return Seeded.uuid(seed, "flow-plant:" + flow.index(), 0);
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
  private static void inbound(FlowDocument doc, Refs refs, int index, boolean pauseLogging) {
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

  private static void loopPrompts(FlowDocument doc, Refs refs) {
    String loop = doc.newId();
    String end = doc.newId();
    ObjectNode parameters = Json.mapper().createObjectNode();
    parameters.set("Messages", Json.mapper().createArrayNode().add(params("PromptId", refs.promptArn)));
    parameters.put("InterruptFrequencySeconds", "60");
    doc.add(loop, "MessageParticipantIteratively", parameters, null, errors(end, "NoMatchingError"));
    doc.addFinal(end, "EndFlowExecution");
  }

  private static void whisper(FlowDocument doc, String name) {
    String message = doc.newId();
    String end = doc.newId();
    doc.add(message, "MessageParticipant", params("Text", name), end, errors(end, "NoMatchingError"));
    doc.addFinal(end, "EndFlowExecution");
  }

  private static void transfer(FlowDocument doc, Refs refs) {
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
  private static void plant(FlowDocument doc, Refs refs, LintRule rule, String offending) {
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

  private static void queueAndTransfer(FlowDocument doc, Refs refs, String queue, String transfer, String disconnect) {
    doc.add(queue, "UpdateContactTargetQueue", params("QueueId", refs.queueArn), transfer,
        errors(disconnect, "NoMatchingError"));
    doc.add(transfer, "TransferContactToQueue", Json.mapper().createObjectNode(), disconnect,
        errors(disconnect, "QueueAtCapacity", disconnect, "NoMatchingError"));
  }

  // ---- building blocks ----

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

  /** ARNs the flow refers to, chosen by the flow's index among the scenario's entities. */
  private static final class Refs {
    final String queueArn;
    final String otherQueueArn;
    final String promptArn;
    final String hoursArn;
    final String moduleId;
    final String lambdaArn;

    Refs(EntitiesDomain e, EntityList<FlowModule> modules, int index) {
      int queues = e.standardQueues();
      this.queueArn = e.queues().get(index % queues).arn();
      this.otherQueueArn = e.queues().get((index + 1) % queues).arn();
      this.promptArn = e.prompts().get(index % e.prompts().size()).arn();
      this.hoursArn = e.hoursOfOperations().get(index % e.hoursOfOperations().size()).arn();
      this.moduleId = modules.size() == 0 ? null : modules.id(index % modules.size());
      this.lambdaArn = e.lambdaFunctions().get(index % e.lambdaFunctions().size()).arn();
    }
  }
}
