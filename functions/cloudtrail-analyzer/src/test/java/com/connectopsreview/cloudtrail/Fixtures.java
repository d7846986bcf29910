package com.connectopsreview.cloudtrail;

import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.TimeWindow;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.cloudtrail.model.Event;

/**
 * Shared test data: the instance of the request fixture, and CloudTrail events in the shape
 * LookupEvents returns them (the record as the {@code CloudTrailEvent} JSON string, the summary
 * fields beside it).
 */
final class Fixtures {

  static final String INSTANCE_ID = "11111111-2222-3333-4444-555555555555";
  static final String INSTANCE_ARN = "arn:aws:connect:us-east-1:123456789012:instance/" + INSTANCE_ID;
  static final InstanceRef INSTANCE = InstanceRef.parse(INSTANCE_ARN);
  static final String OTHER_INSTANCE_ID = "99999999-8888-7777-6666-555555555555";
  static final String REVIEW_ID = "20261123T090000Z-abcdef";
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final TimeWindow WINDOW = new TimeWindow(NOW.minusSeconds(14 * 86_400L), NOW);

  static final String CRM_ROLE = "arn:aws:iam::123456789012:role/CrmIntegrationRole";
  static final String ADMIN_USER = "arn:aws:iam::123456789012:user/ops-admin";

  private Fixtures() {}

  static AnalyzerRequest request(Instant deadline) {
    return request(WINDOW, deadline);
  }

  static AnalyzerRequest request(TimeWindow window, Instant deadline) {
    return new AnalyzerRequest(REVIEW_ID, "cloudtrail", INSTANCE, window, deadline, null);
  }

  /** A CloudTrail record of a Connect call: this Region, this instance, the CRM role, no error. */
  static Record record(String eventName, Instant time) {
    return new Record(eventName, time);
  }

  /** A record under construction; {@link #event()} gives the LookupEvents event. */
  static final class Record {
    private final ObjectNode root = Json.mapper().createObjectNode();
    private final ObjectNode parameters;
    private final Instant time;
    private final String eventName;

    Record(String eventName, Instant time) {
      this.time = time;
      this.eventName = eventName;
      root.put("eventVersion", "1.11");
      assumedRole(CRM_ROLE, "crm-sync-1");
      root.put("eventTime", time.toString());
      root.put("eventSource", "connect.amazonaws.com");
      root.put("eventName", eventName);
      root.put("awsRegion", "us-east-1");
      root.put("sourceIPAddress", "198.51.100.23");
      root.put("userAgent", "aws-sdk-java/2.25.0 CrmConnector/3.2");
      parameters = root.putObject("requestParameters");
      parameters.put("InstanceId", INSTANCE_ID);
      root.putNull("responseElements");
      root.put("requestID", UUID.nameUUIDFromBytes((eventName + time).getBytes()).toString());
      root.put("eventID", UUID.nameUUIDFromBytes((time + eventName).getBytes()).toString());
      root.put("readOnly", true);
      root.put("eventType", "AwsApiCall");
      root.put("managementEvent", true);
      root.put("recipientAccountId", "123456789012");
      root.put("eventCategory", "Management");
    }

    Record assumedRole(String roleArn, String session) {
      String role = roleArn.substring(roleArn.lastIndexOf('/') + 1);
      ObjectNode identity = root.putObject("userIdentity");
      identity.put("type", "AssumedRole").put("principalId", "AROAEXAMPLE:" + session)
          .put("arn", "arn:aws:sts::123456789012:assumed-role/" + role + "/" + session)
          .put("accountId", "123456789012").put("accessKeyId", "ASIAEXAMPLE");
      ObjectNode context = identity.putObject("sessionContext");
      context.putObject("sessionIssuer").put("type", "Role").put("principalId", "AROAEXAMPLE").put("arn", roleArn)
          .put("accountId", "123456789012").put("userName", role);
      context.putObject("attributes").put("creationDate", time.toString()).put("mfaAuthenticated", "false");
      return this;
    }

    Record user(String userArn) {
      root.putObject("userIdentity").put("type", "IAMUser").put("principalId", "AIDAEXAMPLE").put("arn", userArn)
          .put("accountId", "123456789012").put("userName", userArn.substring(userArn.lastIndexOf('/') + 1));
      return this;
    }

    Record from(String ip, String userAgent) {
      root.put("sourceIPAddress", ip);
      root.put("userAgent", userAgent);
      return this;
    }

    Record error(String code, String message) {
      root.put("errorCode", code);
      root.put("errorMessage", message);
      return this;
    }

    Record throttled() {
      return error("TooManyRequestsException", "Rate exceeded");
    }

    Record region(String region) {
      root.put("awsRegion", region);
      return this;
    }

    Record parameter(String name, String value) {
      parameters.put(name, value);
      return this;
    }

    Record parameter(String name, Map<String, String> values) {
      ObjectNode object = parameters.putObject(name);
      values.forEach(object::put);
      return this;
    }

    Record withoutParameter(String name) {
      parameters.remove(name);
      return this;
    }

    Event event() {
      return Event.builder().eventId(root.path("eventID").asText()).eventName(eventName).readOnly("true")
          .eventTime(time).eventSource("connect.amazonaws.com").username("crm-sync-1")
          .cloudTrailEvent(Json.toString(root)).build();
    }
  }

  /** An event whose CloudTrailEvent is not JSON. */
  static Event unparsable(Instant time) {
    return Event.builder().eventId("broken").eventName("DescribeUser").eventTime(time)
        .eventSource("connect.amazonaws.com").cloudTrailEvent("{\"eventVersion\": \"1.11\", \"userIdent").build();
  }

  static Finding only(List<Finding> findings, String checkId) {
    List<Finding> matching = withCheckId(findings, checkId);
    if (matching.size() != 1) {
      throw new AssertionError("expected one " + checkId + ", got " + matching.size() + ": " + findings);
    }
    return matching.get(0);
  }

  static List<Finding> withCheckId(List<Finding> findings, String checkId) {
    return findings.stream().filter(f -> f.checkId().equals(checkId)).toList();
  }
}
