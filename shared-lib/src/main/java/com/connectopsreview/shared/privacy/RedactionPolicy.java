package com.connectopsreview.shared.privacy;

import com.connectopsreview.shared.exception.ConfigurationException;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What of a record the review did not write itself (a flow-log event, a contact record, request
 * parameters) may be stored or rendered.
 *
 * <p>An <b>allow-list</b> keeps the mandatory fields and the listed ones and replaces every other
 * value with {@link #REDACTED}; a <b>deny-list</b> replaces the listed ones and keeps the rest. The
 * mandatory fields ({@link #MANDATORY}: contact ids, flow id and name, block type, queue, agent,
 * system endpoint, timestamps) survive every policy. Every kept value that is not mandatory is also
 * scrubbed of phone numbers, e-mail addresses and card-like digit runs ({@link TextRedactor}).
 *
 * <p>Paths are field names joined by dots, matched without regard to case; {@code *} in a name
 * stands for any characters ({@code Attributes.*}, {@code *Timestamp}); a path covers everything
 * below it; arrays are transparent.
 */
public final class RedactionPolicy {

  /** The value put where a field was removed. */
  public static final String REDACTED = "[redacted]";

  public enum Mode {
    ALLOW_LIST("allow-list"),
    DENY_LIST("deny-list");

    private final String label;

    Mode(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    /** {@code allow-list}, {@code ALLOW_LIST}, {@code allowlist}, or seed 002's {@code WHITELIST}; likewise deny. */
    static Mode parse(String value) {
      String v = value.trim().toUpperCase(Locale.ROOT).replace("-", "_");
      return switch (v) {
        case "ALLOW_LIST", "ALLOWLIST", "WHITELIST" -> ALLOW_LIST;
        case "DENY_LIST", "DENYLIST", "BLACKLIST" -> DENY_LIST;
        default -> throw new ConfigurationException("redaction policy: type must be allow-list or deny-list "
            + "(WHITELIST / BLACKLIST also accepted), not '" + value + "'");
      };
    }
  }

  /**
   * Fields no policy removes: what identifies a contact, a flow and its block, the queue and agent
   * details, the system endpoint and every timestamp (seed 002's mandatory list, in Connect's
   * flow-log and contact-record field names).
   */
  public static final List<String> MANDATORY = List.of(
      "ContactId", "InitialContactId", "PreviousContactId", "NextContactId", "RelatedContactId",
      "ContactFlowId", "ContactFlowName", "ContactFlowModuleType", "Identifier",
      "Queue", "Agent", "SystemEndpoint", "*Timestamp");

  /** Kept by the default policy besides the mandatory fields: outcomes, never what a customer gave. */
  public static final List<String> DEFAULT_ALLOWED = List.of("Results", "Channel", "InitiationMethod");

  private static final List<FieldPath> MANDATORY_PATHS = MANDATORY.stream().map(FieldPath::parse).toList();
  private static final Set<String> POLICY_KEYS = Set.of("type", "mode", "fields");

  private final Mode mode;
  private final List<FieldPath> fields;
  private final List<String> ignored;

  private RedactionPolicy(Mode mode, List<FieldPath> fields, List<String> ignored) {
    this.mode = mode;
    this.fields = List.copyOf(fields);
    this.ignored = List.copyOf(ignored);
  }

  /** An allow-list of {@link #DEFAULT_ALLOWED}: used when nothing is configured. */
  public static RedactionPolicy defaultPolicy() {
    return of(Mode.ALLOW_LIST, DEFAULT_ALLOWED);
  }

  /**
   * A policy of {@code mode} over {@code paths}. A deny-list entry for a mandatory field is ignored
   * (and listed in {@link #describe()}), never honoured.
   *
   * @throws ConfigurationException naming the first malformed path
   */
  public static RedactionPolicy of(Mode mode, List<String> paths) {
    Objects.requireNonNull(mode, "mode");
    List<FieldPath> parsed = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    for (int i = 0; i < paths.size(); i++) {
      String path = paths.get(i);
      if (path == null || path.isBlank()) {
        throw new ConfigurationException("redaction policy: fields[" + i + "] is empty");
      }
      FieldPath field = FieldPath.parse(path.trim());
      if (mode == Mode.DENY_LIST && MANDATORY_PATHS.stream().anyMatch(m -> m.covers(field.names()))) {
        ignored.add(field.text());
      } else {
        parsed.add(field);
      }
    }
    return new RedactionPolicy(mode, parsed, ignored);
  }

  /**
   * Reads {@code {"type": "allow-list", "fields": ["Attributes.Tier"]}} (also {@code mode} for
   * {@code type}), bare or wrapped as in seed 002: {@code {"key": "REDACTION_CONFIG", "value": {...}}}.
   * Blank text means the {@linkplain #defaultPolicy() default}.
   *
   * @throws ConfigurationException naming what is wrong, e.g. an unknown key or a missing type
   */
  public static RedactionPolicy parse(String json) {
    if (json == null || json.isBlank()) {
      return defaultPolicy();
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new ConfigurationException("redaction policy: not valid JSON (" + e.getOriginalMessage() + ")");
    }
    if (root != null && root.isObject() && root.has("value") && root.has("key")) {
      if (!"REDACTION_CONFIG".equals(root.path("key").asText())) {
        throw new ConfigurationException("redaction policy: key must be REDACTION_CONFIG, not '"
            + root.path("key").asText() + "'");
      }
      root = root.get("value");
    }
    if (root == null || !root.isObject()) {
      throw new ConfigurationException("redaction policy: must be a JSON object with type and fields");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!POLICY_KEYS.contains(name)) {
        throw new ConfigurationException("redaction policy: unknown key '" + name + "' (expected type, fields)");
      }
    }
    JsonNode type = root.has("type") ? root.get("type") : root.get("mode");
    if (type == null || !type.isTextual()) {
      throw new ConfigurationException("redaction policy: type is missing (allow-list or deny-list)");
    }
    JsonNode fields = root.get("fields");
    if (fields == null || !fields.isArray()) {
      throw new ConfigurationException("redaction policy: fields must be an array of field paths");
    }
    List<String> paths = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      if (!fields.get(i).isTextual()) {
        throw new ConfigurationException("redaction policy: fields[" + i + "] must be a string, not "
            + fields.get(i).getNodeType().name().toLowerCase(Locale.ROOT));
      }
      paths.add(fields.get(i).asText());
    }
    return of(Mode.parse(type.asText()), paths);
  }

  /** The environment variable (and, through the template, stack parameter) that holds the policy JSON. */
  public static final String ENVIRONMENT_VARIABLE = "REDACTION_POLICY";

  /**
   * The policy in {@link #ENVIRONMENT_VARIABLE}, the default when it is unset or blank.
   *
   * @throws ConfigurationException naming the variable and what is wrong with its value
   */
  public static RedactionPolicy fromEnvironment(Map<String, String> env) {
    try {
      return parse(env.get(ENVIRONMENT_VARIABLE));
    } catch (ConfigurationException e) {
      throw new ConfigurationException(ENVIRONMENT_VARIABLE + ": " + e.getMessage());
    }
  }

  /**
   * The {@link AnalyzerRequest#options()} key under which the orchestrator passes the review's policy
   * ({@link #toJson()}), so every component of one review applies the same policy.
   */
  public static final String OPTION = "redactionPolicy";

  /**
   * The policy the orchestrator put in {@code request}; the default when it put none (a request made
   * by hand, an older orchestrator).
   *
   * @throws ConfigurationException naming the option and what is wrong with its value
   */
  public static RedactionPolicy forRequest(AnalyzerRequest request) {
    try {
      return parse(request.options().get(OPTION));
    } catch (ConfigurationException e) {
      throw new ConfigurationException("option " + OPTION + ": " + e.getMessage());
    }
  }

  /** The policy as JSON that {@link #parse} reads back to an equal policy (ignored entries included). */
  public String toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("type", mode.label());
    ArrayNode list = root.putArray("fields");
    fields.forEach(f -> list.add(f.text()));
    ignored.forEach(list::add);
    return root.toString();
  }

  public Mode mode() {
    return mode;
  }

  /** For the report: which policy applied, e.g. "allow-list: mandatory fields + Results, Channel". */
  public String describe() {
    StringBuilder s = new StringBuilder(mode.label()).append(": ");
    List<String> listed = fields.stream().map(FieldPath::text).toList();
    if (mode == Mode.ALLOW_LIST) {
      s.append("mandatory fields").append(listed.isEmpty() ? "" : " + " + String.join(", ", listed));
    } else {
      s.append(listed.isEmpty() ? "nothing removed" : "removes " + String.join(", ", listed));
    }
    if (!ignored.isEmpty()) {
      s.append("; mandatory, kept despite the policy: ").append(String.join(", ", ignored));
    }
    return s.append("; phone numbers, e-mail addresses and card numbers masked in kept text").toString();
  }

  /** A redacted copy of {@code record}; the argument is not changed. Scalars are treated as free text. */
  public JsonNode apply(JsonNode record) {
    if (record == null) {
      return null;
    }
    return redact(record, new ArrayList<>());
  }

  /** {@code text} with phone numbers, e-mail addresses and card-like numbers masked. */
  public String redactText(String text) {
    return TextRedactor.redact(text);
  }

  private JsonNode redact(JsonNode node, List<String> path) {
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        path.add(field.getKey());
        out.set(field.getKey(), redact(field.getValue(), path));
        path.remove(path.size() - 1);
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> out.add(redact(element, path)));
      return out;
    }
    if (node.isNull() || node.isMissingNode()) {
      return node;
    }
    if (isMandatory(path)) {
      return node;
    }
    boolean listed = fields.stream().anyMatch(f -> f.covers(path));
    boolean kept = mode == Mode.ALLOW_LIST ? listed : !listed;
    if (!kept) {
      return TextNode.valueOf(REDACTED);
    }
    if (node.isTextual()) {
      return TextNode.valueOf(TextRedactor.redact(node.asText()));
    }
    // Numbers hold typed digits as readily as strings do.
    if (node.isNumber()) {
      String masked = TextRedactor.redact(node.asText());
      return masked.equals(node.asText()) ? node : TextNode.valueOf(masked);
    }
    return node;
  }

  private boolean isMandatory(List<String> path) {
    return MANDATORY_PATHS.stream().anyMatch(m -> m.covers(path));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RedactionPolicy other && mode == other.mode && toJson().equals(other.toJson());
  }

  @Override
  public int hashCode() {
    return toJson().hashCode();
  }

  @Override
  public String toString() {
    return describe();
  }
}
