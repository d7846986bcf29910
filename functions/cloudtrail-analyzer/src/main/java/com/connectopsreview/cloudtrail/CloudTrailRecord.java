package com.connectopsreview.cloudtrail;

import com.connectopsreview.shared.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cloudtrail.model.Event;

/**
 * What the analyzer reads of one CloudTrail record: the {@code CloudTrailEvent} JSON string of a
 * LookupEvents event, in the fields of CloudTrail's record contents (eventTime, eventName, awsRegion,
 * sourceIPAddress, userAgent, errorCode, errorMessage, requestParameters, userIdentity, eventID).
 *
 * @param caller who called: the principal's ARN; for an assumed or federated role the role's
 *     ({@code userIdentity.sessionContext.sessionIssuer.arn}), since the session changes with every
 *     assumption; for an AWS service the service ({@code invokedBy})
 * @param callerType {@code userIdentity.type}
 * @param sessionName the role session name (the last part of an assumed-role ARN); null otherwise
 * @param instanceIds the Connect instance ids the request parameters name (InstanceId, InstanceArn or a
 *     Connect ARN under a key ending in Arn), empty when they name none
 */
record CloudTrailRecord(
    Instant eventTime, String eventName, String eventId, String awsRegion, String sourceIp, String userAgent,
    String errorCode, String errorMessage, JsonNode requestParameters, String caller, String callerType,
    String sessionName, Set<String> instanceIds) {

  /** Whose instance a request was about, for the scope rules. */
  enum Mention {
    /** The request parameters name this instance (and maybe others). */
    THIS_INSTANCE,
    /** They name only other instances: not this instance's call. */
    OTHER_INSTANCE,
    /** They name no instance: an account-level call, or parameters CloudTrail did not record. */
    NONE
  }

  /** A caller CloudTrail did not identify. */
  static final String UNKNOWN_CALLER = "unknown";

  private static final Pattern INSTANCE_ID = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern CONNECT_ARN = Pattern.compile(
      "^arn:aws[a-z-]*:connect:[a-z0-9-]*:\\d{12}:instance/(" + INSTANCE_ID.pattern() + ")(?:/.*)?$");

  /** The record is not a JSON object: counted as unparsed, never analysed. */
  static final class UnparsableException extends Exception {
    private static final long serialVersionUID = 1L;

    UnparsableException(String message) {
      super(message);
    }
  }

  /**
   * Parses the event's {@code CloudTrailEvent}; the top-level fields of LookupEvents (EventTime,
   * EventName, EventId, Username) fill what the record leaves out.
   *
   * @throws UnparsableException when there is no record or it is not a JSON object
   */
  static CloudTrailRecord parse(Event event) throws UnparsableException {
    String raw = event.cloudTrailEvent();
    if (raw == null || raw.isBlank()) {
      throw new UnparsableException("no CloudTrailEvent");
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(raw);
    } catch (JsonProcessingException e) {
      throw new UnparsableException("CloudTrailEvent is not JSON");
    }
    if (root == null || !root.isObject()) {
      throw new UnparsableException("CloudTrailEvent is not a JSON object");
    }
    JsonNode identity = root.path("userIdentity");
    String type = text(identity, "type");
    String arn = text(identity, "arn");
    String issuer = text(identity.path("sessionContext").path("sessionIssuer"), "arn");
    String caller;
    String session = null;
    if ("AssumedRole".equals(type) || "FederatedUser".equals(type)) {
      caller = firstOf(issuer, arn, text(identity, "principalId"));
      if (arn != null && arn.lastIndexOf('/') > 0) {
        session = arn.substring(arn.lastIndexOf('/') + 1);
      }
    } else if ("AWSService".equals(type)) {
      caller = firstOf(text(identity, "invokedBy"), text(identity, "principalId"));
    } else {
      caller = firstOf(arn, text(identity, "principalId"), text(identity, "accountId"), event.username());
    }
    JsonNode parameters = root.get("requestParameters");
    return new CloudTrailRecord(
        firstOf(time(text(root, "eventTime")), event.eventTime()),
        firstOf(text(root, "eventName"), event.eventName()),
        firstOf(text(root, "eventID"), event.eventId()),
        text(root, "awsRegion"),
        text(root, "sourceIPAddress"),
        text(root, "userAgent"),
        text(root, "errorCode"),
        text(root, "errorMessage"),
        parameters == null || parameters.isNull() ? null : parameters,
        caller == null ? UNKNOWN_CALLER : caller,
        type,
        session,
        instanceIds(parameters));
  }

  /** Whose instance the request was about, for the instance with id {@code instanceId}. */
  Mention mention(String instanceId) {
    if (instanceIds.isEmpty()) {
      return Mention.NONE;
    }
    return instanceIds.contains(instanceId) ? Mention.THIS_INSTANCE : Mention.OTHER_INSTANCE;
  }

  boolean isThrottled() {
    return ThrottlingRules.isThrottling(errorCode);
  }

  boolean isError() {
    return errorCode != null;
  }

  /**
   * The instances the top-level request parameters name: {@code InstanceId} / {@code instanceId} /
   * {@code InstanceArn} as an id or an ARN, and Connect ARNs under keys ending in {@code Arn}
   * ({@code TargetArn}, {@code ResourceArn}). A value that is neither (CloudTrail's
   * HIDDEN_DUE_TO_SECURITY_REASONS, say) names nothing.
   */
  private static Set<String> instanceIds(JsonNode parameters) {
    Set<String> ids = new TreeSet<>();
    if (parameters == null || !parameters.isObject()) {
      return ids;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = parameters.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!field.getValue().isTextual()) {
        continue;
      }
      String key = field.getKey().toLowerCase(Locale.ROOT);
      String value = field.getValue().asText().trim().toLowerCase(Locale.ROOT);
      Matcher arn = CONNECT_ARN.matcher(value);
      if (arn.matches() && (key.endsWith("arn") || key.equals("instanceid"))) {
        ids.add(arn.group(1));
      } else if (key.equals("instanceid") && INSTANCE_ID.matcher(value).matches()) {
        ids.add(value);
      }
    }
    return ids;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
  }

  private static Instant time(String iso) {
    if (iso == null) {
      return null;
    }
    try {
      return Instant.parse(iso);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  @SafeVarargs
  private static <T> T firstOf(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
