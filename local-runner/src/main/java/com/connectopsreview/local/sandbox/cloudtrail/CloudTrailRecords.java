package com.connectopsreview.local.sandbox.cloudtrail;

import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.Seeded;
import com.connectopsreview.local.sandbox.cloudtrail.CloudTrailDomain.Caller;
import com.connectopsreview.local.sandbox.cloudtrail.CloudTrailDomain.Kind;
import com.connectopsreview.local.sandbox.cloudtrail.CloudTrailDomain.Target;
import com.connectopsreview.local.sandbox.server.Payload;
import com.connectopsreview.shared.json.Json;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The records of the history, computed from (seed, index) when served: the LookupEvents event with its
 * summary fields (EventId, EventName, ReadOnly, AccessKeyId, EventTime, EventSource, Username,
 * Resources) and the record itself as the {@code CloudTrailEvent} JSON string, in CloudTrail's record
 * shape (eventVersion 1.11, userIdentity with sessionContext.sessionIssuer for roles, eventTime,
 * eventSource, eventName, awsRegion, sourceIPAddress, userAgent, errorCode / errorMessage,
 * requestParameters, responseElements, requestID, eventID, readOnly, eventType, managementEvent,
 * recipientAccountId, eventCategory, tlsDetails).
 */
final class CloudTrailRecords {

  /** Customers dialled by StartOutboundVoiceContact (fictional 555-01xx numbers, area code 425). */
  static final List<String> DESTINATION_NUMBERS =
      IntStream.range(0, 20).mapToObj(i -> String.format("+1425555%04d", 100 + i)).toList();
  /** Callback numbers customers typed in, stored as a contact attribute. */
  static final List<String> CALLBACK_NUMBERS =
      IntStream.range(0, 20).mapToObj(i -> String.format("+1425555%04d", 150 + i)).toList();
  static final List<String> CUSTOMER_NAMES = List.of("Jordan Rivera", "Avery Whitfield", "Morgan Castellano",
      "Riley Osei", "Casey Lindqvist", "Taylor Brennan", "Jamie Alcott", "Parker Delacroix", "Reese Montague",
      "Skyler Thornbury");
  static final List<String> ACCOUNT_NUMBERS =
      IntStream.range(0, 20).mapToObj(i -> "ACCT-" + (40_117 + 37 * i)).toList();

  /** The background's APIs, with their caller and whether they only read. */
  private record BackgroundCall(String eventName, Caller caller, boolean readOnly) {}

  private static final List<BackgroundCall> BACKGROUND = List.of(
      new BackgroundCall("ListQueues", Caller.REPORTING_ROLE, true),
      new BackgroundCall("DescribeQueue", Caller.REPORTING_ROLE, true),
      new BackgroundCall("GetMetricDataV2", Caller.REPORTING_ROLE, true),
      new BackgroundCall("ListRoutingProfiles", Caller.REPORTING_ROLE, true),
      new BackgroundCall("DescribeContact", Caller.AGENT_DESKTOP_ROLE, true),
      new BackgroundCall("UpdateContactAttributes", Caller.AGENT_DESKTOP_ROLE, false),
      new BackgroundCall("GetContactAttributes", Caller.AGENT_DESKTOP_ROLE, true),
      new BackgroundCall("ListContactFlows", Caller.CI_USER, true),
      new BackgroundCall("DescribeContactFlow", Caller.CI_USER, true),
      new BackgroundCall("DescribeRoutingProfile", Caller.CI_USER, true),
      new BackgroundCall("UpdateContactFlowContent", Caller.CI_USER, false),
      new BackgroundCall("ListHoursOfOperations", Caller.REPORTING_ROLE, true));

  /** One event as LookupEvents returns it, with the fields its attributes filter on. */
  record Served(int index, String eventId, String eventName, boolean readOnly, String accessKeyId, Instant time,
      String eventSource, String username, String resourceType, String resourceName, String cloudTrailEvent) {

    ObjectNode toPayload() {
      return Payload.object("EventId", eventId, "EventName", eventName, "ReadOnly", String.valueOf(readOnly),
          "AccessKeyId", accessKeyId, "EventTime", time, "EventSource", eventSource, "Username", username,
          "Resources", resourceName == null ? List.of()
              : List.of(Payload.object("ResourceType", resourceType, "ResourceName", resourceName)),
          "CloudTrailEvent", cloudTrailEvent);
    }
  }

  private final CloudTrailDomain domain;
  private final Scenario scenario;

  CloudTrailRecords(CloudTrailDomain domain, Scenario scenario) {
    this.domain = domain;
    this.scenario = scenario;
  }

  /** Event {@code index}'s LookupEvents summary (its record is built only by {@link #served}). */
  String eventName(int index) {
    Kind kind = domain.kind(index);
    return kind == Kind.BACKGROUND ? background(index).eventName() : kind.eventName();
  }

  Caller caller(int index) {
    Kind kind = domain.kind(index);
    return kind == Kind.BACKGROUND ? background(index).caller() : kind.caller();
  }

  boolean readOnly(int index) {
    Kind kind = domain.kind(index);
    if (kind == Kind.BACKGROUND) {
      return background(index).readOnly();
    }
    return !kind.eventName().startsWith("Start");
  }

  String eventId(int index) {
    return Seeded.uuid(domain.seed(), "cloudtrail-event", index);
  }

  String username(int index) {
    Caller caller = caller(index);
    return caller.sessionPrefix() == null ? caller.arn().substring(caller.arn().lastIndexOf('/') + 1)
        : session(caller, index);
  }

  String accessKeyId(int index) {
    Caller caller = caller(index);
    String key = Seeded.hex(domain.seed(), "access-key-" + caller.name(), 0, 16).toUpperCase(Locale.ROOT);
    return (caller.sessionPrefix() == null ? "AKIA" : "ASIA") + key;
  }

  /** The resource a request names, as LookupEvents' Resources lists it: the instance it is about. */
  String resourceName(int index) {
    Target target = domain.kind(index).target();
    return switch (target) {
      case THIS_INSTANCE -> scenario.instanceRef().arn();
      case OTHER_INSTANCE -> otherInstanceArn();
      case NONE -> null;
    };
  }

  Served served(int index) {
    Kind kind = domain.kind(index);
    Caller caller = caller(index);
    String eventName = eventName(index);
    Instant time = domain.time(index);
    ObjectNode record = Json.mapper().createObjectNode();
    record.put("eventVersion", "1.11");
    ObjectNode identity = record.putObject("userIdentity");
    identity.put("type", caller.type());
    String principal = "AID" + Seeded.hex(domain.seed(), "principal-" + caller.name(), 0, 17).toUpperCase(
        Locale.ROOT);
    if (caller.sessionPrefix() != null) {
      String role = caller.arn().substring(caller.arn().lastIndexOf('/') + 1);
      String session = session(caller, index);
      identity.put("principalId", "AROA" + principal.substring(3) + ":" + session)
          .put("arn", "arn:aws:sts::" + Scenario.ACCOUNT_ID + ":assumed-role/" + role + "/" + session)
          .put("accountId", Scenario.ACCOUNT_ID).put("accessKeyId", accessKeyId(index));
      ObjectNode context = identity.putObject("sessionContext");
      context.putObject("sessionIssuer").put("type", "Role").put("principalId", "AROA" + principal.substring(3))
          .put("arn", caller.arn()).put("accountId", Scenario.ACCOUNT_ID).put("userName", role);
      context.putObject("attributes").put("creationDate", time.minusSeconds(600).toString())
          .put("mfaAuthenticated", "false");
    } else {
      identity.put("principalId", principal).put("arn", caller.arn()).put("accountId", Scenario.ACCOUNT_ID)
          .put("accessKeyId", accessKeyId(index)).put("userName", username(index));
    }
    record.put("eventTime", time.truncatedTo(ChronoUnit.SECONDS).toString());
    record.put("eventSource", kind.eventSource());
    record.put("eventName", eventName);
    record.put("awsRegion", kind.region() == null ? Scenario.REGION : kind.region());
    record.put("sourceIPAddress", caller.sourceIp());
    record.put("userAgent", caller.userAgent());
    if (kind.errorCode() != null) {
      record.put("errorCode", kind.errorCode());
      record.put("errorMessage", errorMessage(kind));
    }
    record.set("requestParameters", parameters(kind, eventName, index));
    record.putNull("responseElements");
    record.put("requestID", Seeded.uuid(domain.seed(), "cloudtrail-request", index));
    record.put("eventID", eventId(index));
    record.put("readOnly", readOnly(index));
    record.put("eventType", "AwsApiCall");
    record.put("managementEvent", true);
    record.put("recipientAccountId", Scenario.ACCOUNT_ID);
    record.put("eventCategory", "Management");
    record.putObject("tlsDetails").put("tlsVersion", "TLSv1.3").put("cipherSuite", "TLS_AES_128_GCM_SHA256")
        .put("clientProvidedHostHeader", kind.eventSource().replace(".amazonaws.com", "") + "."
            + (kind.region() == null ? Scenario.REGION : kind.region()) + ".amazonaws.com");
    String resource = resourceName(index);
    return new Served(index, eventId(index), eventName, readOnly(index), accessKeyId(index), time,
        kind.eventSource(), username(index), resource == null ? null : "AWS::Connect::Instance", resource,
        Json.toString(record));
  }

  private ObjectNode parameters(Kind kind, String eventName, int index) {
    ObjectNode p = Json.mapper().createObjectNode();
    long seed = domain.seed();
    switch (kind.target()) {
      case THIS_INSTANCE -> p.put("InstanceId", kind == Kind.GCMD_THROTTLED && index % 4 == 0
          ? scenario.instanceRef().arn() : scenario.instanceRef().id());
      case OTHER_INSTANCE -> p.put("InstanceId", domain.otherInstanceId());
      case NONE -> { }
    }
    switch (eventName) {
      case "GetCurrentMetricData" -> {
        p.putObject("Filters").putArray("Channels").add("VOICE");
        p.putArray("CurrentMetrics").addObject().put("Name", "AGENTS_ONLINE").put("Unit", "COUNT");
      }
      case "DescribeUser" -> p.put("UserId", Seeded.uuid(seed, "user", index % 40));
      case "StartOutboundVoiceContact" -> {
        p.put("ContactFlowId", Seeded.uuid(seed, "flow", 14));
        p.put("DestinationPhoneNumber", DESTINATION_NUMBERS.get(index % DESTINATION_NUMBERS.size()));
        p.put("QueueId", Seeded.uuid(seed, "queue", 1));
        ObjectNode attributes = p.putObject("Attributes");
        attributes.put("customerName", CUSTOMER_NAMES.get(index % CUSTOMER_NAMES.size()));
        attributes.put("accountNumber", ACCOUNT_NUMBERS.get(index % ACCOUNT_NUMBERS.size()));
        p.put("ClientToken", Seeded.uuid(seed, "client-token", index));
      }
      case "UpdateContactAttributes" -> {
        p.put("InitialContactId", Seeded.uuid(seed, "contact", index));
        ObjectNode attributes = p.putObject("Attributes");
        attributes.put("callbackNumber", CALLBACK_NUMBERS.get(index % CALLBACK_NUMBERS.size()));
        attributes.put("lastIntent", "CheckBalance");
      }
      case "ListUsers", "ListQueues", "ListRoutingProfiles", "ListContactFlows", "ListHoursOfOperations" ->
          p.put("MaxResults", 100);
      case "ListInstances" -> p.put("maxResults", 10);
      case "SearchContacts" -> {
        ObjectNode range = p.putObject("TimeRange");
        range.put("Type", "INITIATION_TIMESTAMP").put("StartTime", domain.time(index).minusSeconds(86_400).toString())
            .put("EndTime", domain.time(index).toString());
        p.put("MaxResults", 100);
      }
      case "DescribeContact", "GetContactAttributes" -> p.put("ContactId", Seeded.uuid(seed, "contact", index));
      default -> p.put("ResourceId", Seeded.uuid(seed, "resource-" + eventName, index % 50));
    }
    return p;
  }

  private static String errorMessage(Kind kind) {
    return switch (kind.errorCode()) {
      case "TooManyRequestsException", "ThrottlingException", "Throttling" -> "Rate exceeded";
      case "ResourceNotFoundException" -> "User not found for userId";
      case "AccessDeniedException" -> "User is not authorized to perform connect:SearchContacts";
      default -> kind.errorCode();
    };
  }

  private String otherInstanceArn() {
    return "arn:" + Scenario.PARTITION + ":connect:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID + ":instance/"
        + domain.otherInstanceId();
  }

  private BackgroundCall background(int index) {
    return BACKGROUND.get(Seeded.pick(domain.seed(), "cloudtrail-background", index, BACKGROUND.size()));
  }

  private static String session(Caller caller, int index) {
    return caller.sessionPrefix() + "-" + (index % 4);
  }
}
