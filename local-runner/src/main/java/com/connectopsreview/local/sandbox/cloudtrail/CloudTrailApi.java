package com.connectopsreview.local.sandbox.cloudtrail;

import static com.connectopsreview.local.sandbox.server.Payload.object;

import com.connectopsreview.local.sandbox.server.ApiError;
import com.connectopsreview.local.sandbox.server.AwsService;
import com.connectopsreview.local.sandbox.server.Call;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.local.sandbox.server.Pager;
import com.connectopsreview.local.sandbox.server.Pager.Page;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter.Limit;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * CloudTrail over JSON 1.1 ({@code com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.*}):
 * {@code LookupEvents} over {@link CloudTrailDomain}'s history, newest first, as the API reference
 * describes it: at most one lookup attribute (EventId, EventName, ReadOnly, Username, ResourceType,
 * ResourceName, EventSource, AccessKeyId), StartTime and EndTime inclusive, MaxResults 1 to 50 (50 when
 * absent), NextToken valid only with the parameters that issued it. Errors in CloudTrail's vocabulary:
 * InvalidLookupAttributesException, InvalidTimeRangeException, InvalidMaxResultsException,
 * InvalidNextTokenException, InvalidEventCategoryException; throttling ThrottlingException.
 */
final class CloudTrailApi {

  static final AwsService CLOUDTRAIL = AwsService.awsJson("CloudTrail", "cloudtrail", "cloudtrail",
      "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101",
      new AwsService.Errors("ThrottlingException", 400, operation -> "Rate exceeded", "InternalFailure",
          "The request processing has failed because of an unknown error, exception or failure.",
          "ResourceNotFoundException", 400, "InvalidParameterException", "InvalidNextTokenException"),
      scenario -> "*");

  /** Documented: "the rate of lookup requests is limited to two per second, per account, per Region". */
  static final Limit LOOKUP_EVENTS = new Limit(2, 2);

  static final int PAGE_MAX = 50;
  private static final Set<String> ATTRIBUTE_KEYS = Set.of("EventId", "EventName", "ReadOnly", "Username",
      "ResourceType", "ResourceName", "EventSource", "AccessKeyId");

  private final CloudTrailDomain domain;
  private final CloudTrailRecords records;
  private final Pager pager;

  CloudTrailApi(CloudTrailDomain domain, CloudTrailRecords records, Pager pager) {
    this.domain = domain;
    this.records = records;
    this.pager = pager;
  }

  void register(OperationRegistry r) {
    r.rpc(CLOUDTRAIL, "LookupEvents", LOOKUP_EVENTS, this::lookupEvents);
  }

  private JsonNode lookupEvents(Call call) {
    JsonNode attributes = call.input().get("LookupAttributes");
    String key = null;
    String value = null;
    if (attributes != null && !attributes.isNull()) {
      if (!attributes.isArray() || attributes.size() > 1) {
        throw error("InvalidLookupAttributesException", "You cannot specify more than one lookup attribute.");
      }
      if (attributes.size() == 1) {
        key = text(attributes.get(0), "AttributeKey");
        value = text(attributes.get(0), "AttributeValue");
        if (key == null || !ATTRIBUTE_KEYS.contains(key)) {
          throw error("InvalidLookupAttributesException", "The attribute key " + key + " is not valid; use one of "
              + "EventId, EventName, ReadOnly, Username, ResourceType, ResourceName, EventSource, AccessKeyId.");
        }
        if (value == null) {
          throw error("InvalidLookupAttributesException", "The attribute value must not be empty.");
        }
      }
    }
    Instant start = time(call, "StartTime");
    Instant end = time(call, "EndTime");
    if (start != null && end != null && start.isAfter(end)) {
      throw error("InvalidTimeRangeException", "The start time must not be after the end time.");
    }
    String category = call.string("EventCategory");
    if (category != null && !category.equals("insight")) {
      throw error("InvalidEventCategoryException", "The event category " + category + " is not valid; the only "
          + "value is insight.");
    }
    Integer max = call.integer("MaxResults");
    if (max != null && (max < 1 || max > PAGE_MAX)) {
      throw error("InvalidMaxResultsException", "MaxResults " + max + " is not valid; possible values are 1 through "
          + PAGE_MAX + ".");
    }
    // The history holds management events only: a lookup of Insights events finds none.
    IntPredicate include = category != null ? i -> false : matching(key, value, start, end);
    String scope = key + "=" + value + "|" + start + "|" + end + "|" + category;
    Page page = pager.page(call, scope, domain.size(), include, max, "MaxResults", call.string("NextToken"),
        PAGE_MAX, PAGE_MAX);
    List<JsonNode> events = page.indexes().stream().map(i -> (JsonNode) records.served(i).toPayload()).toList();
    return object("Events", events, "NextToken", page.nextToken());
  }

  private IntPredicate matching(String key, String value, Instant start, Instant end) {
    IntPredicate inTime = i -> (start == null || !domain.time(i).isBefore(start))
        && (end == null || !domain.time(i).isAfter(end));
    if (key == null) {
      return inTime;
    }
    IntPredicate attribute = switch (key) {
      case "EventSource" -> i -> domain.kind(i).eventSource().equals(value);
      case "EventName" -> i -> records.eventName(i).equals(value);
      case "EventId" -> i -> records.eventId(i).equals(value);
      case "ReadOnly" -> i -> String.valueOf(records.readOnly(i)).equals(value);
      case "Username" -> i -> records.username(i).equals(value);
      case "AccessKeyId" -> i -> records.accessKeyId(i).equals(value);
      case "ResourceName" -> i -> value.equals(records.resourceName(i));
      case "ResourceType" -> i -> records.resourceName(i) != null && value.equals("AWS::Connect::Instance");
      default -> throw new IllegalStateException(key);
    };
    return i -> inTime.test(i) && attribute.test(i);
  }

  /** A timestamp member: epoch seconds with a fraction, as the JSON protocols send it. */
  private static Instant time(Call call, String member) {
    JsonNode value = call.input().get(member);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber()) {
      throw call.service().invalidParameter("Value '" + value + "' at '" + member + "' is not a timestamp");
    }
    return Instant.ofEpochMilli(Math.round(value.asDouble() * 1000));
  }

  private static String text(JsonNode node, String member) {
    JsonNode value = node == null ? null : node.get(member);
    return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
  }

  private static ApiError error(String code, String message) {
    return new ApiError(code, 400, message);
  }
}
