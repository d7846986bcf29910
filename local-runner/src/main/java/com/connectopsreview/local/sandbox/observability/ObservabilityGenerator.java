package com.connectopsreview.local.sandbox.observability;

import com.connectopsreview.local.sandbox.PlantedProblems;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.ScenarioBasis;
import com.connectopsreview.local.sandbox.SandboxSize;
import com.connectopsreview.local.sandbox.Seeded;
import com.connectopsreview.local.sandbox.flows.FlowsDomain;
import com.connectopsreview.local.sandbox.flows.FlowsDomain.ContactFlow;
import com.connectopsreview.local.sandbox.instance.InstanceConfigDomain;
import com.connectopsreview.local.sandbox.observability.ObservabilityDomain.FlowErrorPlant;
import com.connectopsreview.local.sandbox.observability.ObservabilityDomain.LogEvent;
import com.connectopsreview.local.sandbox.observability.ObservabilityDomain.LogGroup;
import com.connectopsreview.local.sandbox.observability.ObservabilityDomain.MetricAlarm;
import com.connectopsreview.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the {@link ObservabilityDomain}: flow-log records in Amazon Connect's shape for flows of the
 * flows domain (their real ids and names), the log groups under {@code /aws/connect/}, and the
 * account's metric alarms. The plants are the same for every seed and size (large adds flows with a
 * few errors each, more filler records, groups and alarms); the seed changes ids and times.
 */
public final class ObservabilityGenerator {

  /** Customer data in the records (Ofcom's drama range for phones; typed digits; attribute values). */
  static final String CUSTOMER_PHONE = "+447700900461";
  static final String CALLER_PHONE = "+447700900872";
  static final String TYPED_ACCOUNT = "7731904826";
  static final String TYPED_REFERENCE = "5519203377";
  static final String CUSTOMER_NAME = "Avery Quinlan";
  static final String CUSTOMER_EMAIL = "avery.quinlan@example.net";

  /** Flows 9 and 11 are lint plants; 14, 16 and 18 generated inbound flows that log (every seed and size). */
  static final int LAMBDA_FLOW = 9;
  static final int TIMEOUT_FLOW = 11;
  static final int LEX_FLOW = 14;
  static final int PROMPT_FLOW = 16;
  static final int INPUT_FLOW = 18;

  /** Always three digits of milliseconds, as in Connect's records. */
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
      .withZone(ZoneOffset.UTC);

  private final ScenarioBasis basis;
  private final long seed;
  private final String alias;
  private final String instanceArn;
  private final List<LogEvent> events = new ArrayList<>();
  private final List<FlowErrorPlant> plants = new ArrayList<>();
  private int contacts;

  private ObservabilityGenerator(ScenarioBasis basis, String alias) {
    this.basis = basis;
    this.seed = basis.seed();
    this.alias = alias;
    this.instanceArn = basis.instance().arn();
  }

  public static ObservabilityDomain generate(ScenarioBasis basis, Scenario earlier) {
    InstanceConfigDomain config = InstanceConfigDomain.of(earlier);
    return new ObservabilityGenerator(basis, config.instance().alias()).generate(FlowsDomain.of(earlier), config);
  }

  private ObservabilityDomain generate(FlowsDomain flows, InstanceConfigDomain config) {
    String group = "/aws/connect/" + alias;
    String lambda = "arn:aws:lambda:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID + ":function:" + alias;
    String bot = "arn:aws:lex:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID + ":bot-alias/"
        + Seeded.hex(seed, "bot", 0, 10).toUpperCase(Locale.ROOT) + "/TSTALIASID";
    ContactFlow orders = flows.flows().get(LAMBDA_FLOW);
    errors(orders, 120, "InvokeExternalResource", "The Lambda Function Returned An Error.", "LAMBDA",
        lambdaParameters(lambda + "-order-lookup"), false);
    errors(orders, 30, "InvokeExternalResource", "Status Code: 403; Error Code: AccessDeniedException", "LAMBDA",
        lambdaParameters(lambda + "-order-lookup"), true);
    errors(flows.flows().get(TIMEOUT_FLOW), 28, "InvokeExternalResource", "Timeout", "TIMEOUT",
        lambdaParameters(lambda + "-crm-lookup"), false);
    ContactFlow lex = flows.flows().get(LEX_FLOW);
    errors(lex, 10, "GetUserInput", "Error", "LEX", Json.mapper().createObjectNode().put("BotAliasArn", bot)
        .put("Text", "How can I help you today?").set("CustomerEndpoint", Json.mapper().createObjectNode()
            .put("Address", CALLER_PHONE).put("Type", "TELEPHONE_NUMBER")), false);
    errors(lex, 12, "GetUserInput", "NoMatchingCondition", "INVALID_INPUT", Json.mapper().createObjectNode()
        .put("Text", "Please enter your ten-digit reference number").put("Timeout", "5").put("MaxDigits", "10")
        .put("CustomerInput", TYPED_REFERENCE), false);
    ContactFlow prompts = flows.flows().get(PROMPT_FLOW);
    errors(prompts, 4, "PlayPrompt", "Prompt not found", "NOT_FOUND", Json.mapper().createObjectNode()
        .put("PromptArn", instanceArn + "/prompt/" + Seeded.uuid(seed, "missing-prompt", 0)), false);
    errors(prompts, 1, "SetAttributes", "Error", "OTHER", Json.mapper().createObjectNode()
        .put("Key", "CustomerName").put("Value", CUSTOMER_NAME), false);
    errors(prompts, 1, "SetAttributes", "Error", "OTHER", Json.mapper().createObjectNode()
        .put("Key", "CustomerEmail").put("Value", CUSTOMER_EMAIL), false);
    errors(flows.flows().get(INPUT_FLOW), 5, "GetUserInput", "Timeout", "TIMEOUT", Json.mapper().createObjectNode()
        .put("Text", "Press 1 for billing, 2 for support").put("Timeout", "8"), false);
    if (basis.size() != SandboxSize.SMALL) {
      // More flows with a few Lambda errors each: sporadic, the same category as flow 9's.
      for (int i = 20; i < flows.flows().size(); i += 40) {
        ContactFlow flow = flows.flows().get(i);
        if (flow.type().equals("CONTACT_FLOW") && flow.logging().enablesLogging() && flow.lintPlant() == null) {
          errors(flow, 2, "InvokeExternalResource", "The Lambda Function Returned An Error.", "LAMBDA",
              lambdaParameters(lambda + "-customer-lookup"), false);
        }
      }
    }
    int fillers = basis.size() == SandboxSize.SMALL ? 40 : 800;
    for (int i = 0; i < fillers; i++) {
      filler(flows.flows().get(LEX_FLOW + (i % 2) * 2));
    }
    events.sort(Comparator.comparing(LogEvent::timestamp));
    long bytes = events.stream().mapToLong(e -> e.message().getBytes(StandardCharsets.UTF_8).length).sum();
    List<LogGroup> groups = new ArrayList<>();
    groups.add(new LogGroup(group, basis.created(), null, bytes));
    groups.add(new LogGroup(group + "-dev", basis.created().plus(Duration.ofDays(3)), 30, 18_432));
    if (basis.size() != SandboxSize.SMALL) {
      for (int i = 1; i <= 60; i++) {
        groups.add(new LogGroup(String.format(Locale.ROOT, "%s-branch-%02d", group, i),
            basis.created().plus(Duration.ofDays(i)), 90, 4_096L * i));
      }
    }
    groups.sort(Comparator.comparing(LogGroup::name));
    return new ObservabilityDomain(end(), group, groups, events, plants, alarms(config),
        List.of(CUSTOMER_PHONE, CALLER_PHONE, TYPED_ACCOUNT, TYPED_REFERENCE, CUSTOMER_NAME, CUSTOMER_EMAIL));
  }

  /** {@code n} contacts that each fail in this block, with a logging block before it. */
  private void errors(ContactFlow flow, int n, String blockType, String results, String category, ObjectNode parameters,
      boolean requestId) {
    plants.add(new FlowErrorPlant(flow.id(), flow.arn(), flow.name(), blockType, results, category, n));
    for (int k = 0; k < n; k++) {
      String contact = Seeded.uuid(seed, "contact", contacts);
      Instant at = time(contacts++);
      event(flow, contact, at.minusMillis(900), "SetLoggingBehavior", null,
          Json.mapper().createObjectNode().put("LoggingBehavior", "Enable"));
      event(flow, contact, at, blockType, requestId ? results + "; RequestId: " + Seeded.uuid(seed, "request", contacts)
          : results, parameters);
    }
  }

  /** A contact whose blocks all succeed, including outcomes that look like failures but are not. */
  private void filler(ContactFlow flow) {
    String contact = Seeded.uuid(seed, "contact", contacts);
    Instant at = time(contacts++);
    event(flow, contact, at.minusMillis(2_400), "SetLoggingBehavior", null,
        Json.mapper().createObjectNode().put("LoggingBehavior", "Enable"));
    // A typed entry is the block's Results: an outcome, not an error, and customer data.
    event(flow, contact, at.minusMillis(1_200), "StoreUserInput", TYPED_ACCOUNT, Json.mapper().createObjectNode()
        .put("Text", "Please enter your account number").put("MaxDigits", "10"));
    // No match of Check contact attributes is an ordinary branch.
    event(flow, contact, at.minusMillis(600), "CheckAttribute", "NoMatchingCondition", Json.mapper().createObjectNode()
        .put("Namespace", "User Defined").put("Attribute", "Tier"));
    event(flow, contact, at, "SetQueue", null, Json.mapper().createObjectNode()
        .put("Queue", instanceArn + "/queue/" + Seeded.uuid(seed, "queue", 0)));
  }

  private ObjectNode lambdaParameters(String functionArn) {
    ObjectNode parameters = Json.mapper().createObjectNode().put("FunctionArn", functionArn).put("TimeLimit", "3000");
    parameters.putObject("Parameters").put("CustomerNumber", CUSTOMER_PHONE).put("AccountNumber", TYPED_ACCOUNT);
    return parameters;
  }

  /** The scenario's end to the millisecond, as Connect writes Timestamp. */
  private Instant end() {
    return basis.end().truncatedTo(ChronoUnit.MILLIS);
  }

  /** Within the last seven days before the scenario's end, an hour or more before it. */
  private Instant time(int contact) {
    long seconds = Seeded.pick(seed, "flow-log-time", contact, 6 * 86_400);
    return end().minus(Duration.ofHours(1)).minusSeconds(seconds)
        .minusMillis(Seeded.pick(seed, "flow-log-ms", contact, 1000));
  }

  private void event(ContactFlow flow, String contact, Instant at, String blockType, String results,
      JsonNode parameters) {
    ObjectNode record = Json.mapper().createObjectNode();
    if (results != null) {
      record.put("Results", results);
    }
    record.put("ContactId", contact).put("ContactFlowId", flow.arn()).put("ContactFlowName", flow.name())
        .put("ContactFlowModuleType", blockType)
        .put("Identifier", Seeded.uuid(seed, "block:" + blockType, flow.index()))
        .put("Timestamp", TIMESTAMP.format(at));
    record.set("Parameters", parameters);
    Map<String, String> fields = new LinkedHashMap<>();
    flatten("", record, fields);
    fields.put("@logStream", TIMESTAMP.format(at).substring(0, 10) + "/" + contact);
    String message = Json.toString(record);
    fields.put("@message", message);
    events.add(new LogEvent("/aws/connect/" + alias, fields.get("@logStream"), at, message, fields));
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
    if (node.isObject()) {
      node.fields().forEachRemaining(e -> flatten(prefix + e.getKey() + ".", e.getValue(), into));
    } else if (!node.isNull()) {
      into.put(prefix.substring(0, prefix.length() - 1), node.asText());
    }
  }

  private List<MetricAlarm> alarms(InstanceConfigDomain config) {
    String topic = "arn:aws:sns:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID + ":" + alias
        + "-contact-center-oncall";
    Instant updated = end().minus(Duration.ofHours(2));
    List<MetricAlarm> alarms = new ArrayList<>();
    alarms.add(connect(alias + "-throttled-calls", "ThrottledCalls", "VoiceCalls", "Sum", "GreaterThanThreshold", 0,
        "ALARM", updated, List.of(topic)));
    alarms.add(connect(alias + "-contact-flow-errors", "ContactFlowErrors", "ContactFlow", "Sum",
        "GreaterThanThreshold", 0, "OK", updated, List.of()));
    alarms.add(connect(alias + "-concurrent-calls-80pct", "ConcurrentCallsPercentage", "VoiceCalls", "Maximum",
        "GreaterThanOrEqualToThreshold", 0.8, "OK", updated, List.of(topic)));
    alarms.add(connect(alias + "-calls-breaching-quota", "CallsBreachingConcurrencyQuota", "VoiceCalls", "Sum",
        "GreaterThanThreshold", 0, "OK", updated, List.of(topic)));
    alarms.add(connect(alias + "-contact-flow-fatal-errors", "ContactFlowFatalErrors", "ContactFlow", "Sum",
        "GreaterThanThreshold", 0, "OK", updated, List.of(topic)));
    alarms.add(connect(alias + "-missed-calls", "MissedCalls", "VoiceCalls", "Sum", "GreaterThanThreshold", 10, "OK",
        updated, List.of(topic)));
    // Not recommended, on this instance: listed as "extra".
    alarms.add(connect(alias + "-calls-per-interval", "CallsPerInterval", "VoiceCalls", "Maximum",
        "GreaterThanThreshold", 500, "OK", updated, List.of(topic)));
    // An operator chooses alarm names (any UTF-8 but ASCII controls): one carries the hostile texts the report
    // must show as inert text. Not recommended either, so it is one more "extra" and changes no finding.
    alarms.add(connect(PlantedProblems.hostileAlarmName(alias), "LongestQueueWaitTime", "Queue", "Maximum",
        "GreaterThanThreshold", 300, "OK", updated, List.of(topic)));
    // Another instance's alarm does not cover this one.
    alarms.add(alarm("other-instance-throttled-calls", "AWS/Connect", "ThrottledCalls",
        Map.of("InstanceId", Seeded.uuid(seed, "other-instance", 0), "MetricGroup", "VoiceCalls"), "Sum",
        "GreaterThanThreshold", 0, 300, 1, "OK", updated, List.of(topic)));
    // The agent-events stream's iterator age; the Contact Lens stream has no alarm.
    String agentEvents = config.kinesisStreams().stream().map(InstanceConfigDomain.KinesisStream::name)
        .filter(n -> n.endsWith("-agent-events")).findFirst().orElse(alias + "-agent-events");
    alarms.add(alarm(agentEvents + "-iterator-age", "AWS/Kinesis", "GetRecords.IteratorAgeMilliseconds",
        Map.of("StreamName", agentEvents), "Maximum", "GreaterThanThreshold", 60_000, 300, 1, "OK", updated,
        List.of(topic)));
    int lambdaAlarms = basis.size() == SandboxSize.SMALL ? 2 : 150;
    for (int i = 1; i <= lambdaAlarms; i++) {
      String function = String.format(Locale.ROOT, "%s-fn-%03d", alias, i);
      alarms.add(alarm(function + "-errors", "AWS/Lambda", "Errors", Map.of("FunctionName", function), "Sum",
          "GreaterThanThreshold", 0, 60, 1, "OK", updated, List.of(topic)));
    }
    alarms.sort(Comparator.comparing(MetricAlarm::name));
    return alarms;
  }

  private MetricAlarm connect(String name, String metric, String group, String statistic, String comparison,
      double threshold, String state, Instant updated, List<String> actions) {
    Map<String, String> dimensions = new LinkedHashMap<>();
    dimensions.put("InstanceId", basis.instance().id());
    dimensions.put("MetricGroup", group);
    return alarm(name, "AWS/Connect", metric, dimensions, statistic, comparison, threshold, 300, 1, state, updated,
        actions);
  }

  private static MetricAlarm alarm(String name, String namespace, String metric, Map<String, String> dimensions,
      String statistic, String comparison, double threshold, int period, int evaluationPeriods, String state,
      Instant updated, List<String> actions) {
    String reason = switch (state) {
      case "ALARM" -> "Threshold Crossed: 1 datapoint was greater than the threshold (" + threshold + ").";
      case "OK" -> "Threshold Crossed: 1 datapoint was not greater than the threshold (" + threshold + ").";
      default -> "Insufficient Data: 1 datapoint was unknown.";
    };
    return new MetricAlarm(name, namespace, metric, new LinkedHashMap<>(new TreeMap<>(dimensions)),
        statistic, comparison, threshold, period, evaluationPeriods, state, reason, updated, true, actions);
  }
}
