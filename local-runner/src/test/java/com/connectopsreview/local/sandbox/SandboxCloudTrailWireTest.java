package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.cloudtrail.CloudTrailDomain;
import com.connectopsreview.local.sandbox.cloudtrail.CloudTrailDomain.Kind;
import com.connectopsreview.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.CloudTrailException;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.InvalidLookupAttributesException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidMaxResultsException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidTimeRangeException;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttribute;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.cloudtrail.model.ThrottlingException;

/** CloudTrail LookupEvents (JSON 1.1) through the real CloudTrailClient: paging, filters, errors, limit. */
@ExtendWith(LoopbackGuardExtension.class)
class SandboxCloudTrailWireTest {

  private static Sandbox sandbox;
  private static CloudTrailDomain history;

  @BeforeAll
  static void startSandbox() {
    sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL));
    history = CloudTrailDomain.of(sandbox.scenario());
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @Test
  void lookupEvents_onConnectsEventSource_pagesEveryConnectEventNewestFirst_inPagesOf50() {
    SandboxClients clients = SandboxClients.unlimited(sandbox);
    CloudTrailClient cloudTrail = client(clients);

    List<LookupEventsResponse> pages = new ArrayList<>();
    cloudTrail.lookupEventsPaginator(connect().maxResults(50).build()).forEach(pages::add);

    List<Event> events = pages.stream().flatMap(p -> p.events().stream()).toList();
    assertEquals(CloudTrailDomain.connectEvents(SandboxSize.SMALL), events.size());
    assertEquals(20, pages.size());
    assertTrue(pages.stream().allMatch(p -> p.events().size() == 50));
    assertEquals(20L, clients.counter().snapshot().get("CloudTrail:LookupEvents"));
    for (int i = 1; i < events.size(); i++) {
      assertTrue(events.get(i).eventTime().isBefore(events.get(i - 1).eventTime()), "newest first at " + i);
    }
    assertTrue(events.stream().allMatch(e -> "connect.amazonaws.com".equals(e.eventSource())));
    long throttled = events.stream().filter(e -> List.of("TooManyRequestsException", "ThrottlingException")
        .contains(record(e).path("errorCode").asText())).count();
    assertEquals(167 + 40 + 20, throttled, "in scope, other Region, other instance");
    assertEquals(1_010, history.size(), "the 10 IAM events are in the history, not in the answer");
  }

  @Test
  void lookupEvents_eventsCarryTheRecordShape_withTheSessionIssuerAndCustomerDataInParameters() {
    CloudTrailClient cloudTrail = client(SandboxClients.unlimited(sandbox));

    LookupEventsResponse newest = cloudTrail.lookupEvents(connect().maxResults(10).build());

    Event first = newest.events().get(0);
    assertEquals(Kind.OUTBOUND_THROTTLED, history.kind(0));
    assertEquals("StartOutboundVoiceContact", first.eventName());
    assertEquals("false", first.readOnly());
    assertEquals(history.time(0), first.eventTime());
    assertTrue(first.accessKeyId().startsWith("ASIA"));
    assertEquals("crm-sync-0", first.username());
    assertEquals("AWS::Connect::Instance", first.resources().get(0).resourceType());
    assertEquals(sandbox.instance().arn(), first.resources().get(0).resourceName());
    JsonNode r = record(first);
    assertEquals("1.11", r.get("eventVersion").asText());
    assertEquals("AssumedRole", r.at("/userIdentity/type").asText());
    assertEquals("arn:aws:iam::123456789012:role/CrmIntegrationRole",
        r.at("/userIdentity/sessionContext/sessionIssuer/arn").asText());
    assertEquals("TooManyRequestsException", r.get("errorCode").asText());
    assertEquals("us-east-1", r.get("awsRegion").asText());
    assertEquals(sandbox.instance().id(), r.at("/requestParameters/InstanceId").asText());
    assertTrue(history.plantedCustomerData().contains(r.at("/requestParameters/DestinationPhoneNumber").asText()));
    assertTrue(history.plantedCustomerData().contains(r.at("/requestParameters/Attributes/customerName").asText()));
    assertEquals(first.eventId(), r.get("eventID").asText());
    long sampledThrottles = newest.events().stream().map(SandboxCloudTrailWireTest::record)
        .filter(e -> List.of("TooManyRequestsException", "ThrottlingException").contains(e.path("errorCode").asText()))
        .filter(e -> e.path("awsRegion").asText().equals("us-east-1"))
        .filter(e -> !e.at("/requestParameters/InstanceId").asText().equals(history.otherInstanceId()))
        .count();
    assertEquals(5, sampledThrottles, "the five outbound throttles are the only throttles in scope among the ten newest");
  }

  @Test
  void lookupEvents_filtersByEventNameAndTimeRange_andTheIamEventsOnlyWithoutTheSourceFilter() {
    CloudTrailClient cloudTrail = client(SandboxClients.unlimited(sandbox));

    List<Event> gcmd = cloudTrail.lookupEventsPaginator(b -> b.lookupAttributes(attribute(
        LookupAttributeKey.EVENT_NAME, "GetCurrentMetricData"))).events().stream().toList();
    List<Event> all = cloudTrail.lookupEventsPaginator(b -> b.maxResults(50)).events().stream().toList();
    Instant to = history.time(99);
    Instant from = history.time(199);
    List<Event> window = cloudTrail.lookupEventsPaginator(connect().startTime(from).endTime(to).build())
        .events().stream().toList();

    assertEquals(120 + 80 + 40, gcmd.size(), "this Region's and the other Region's");
    assertEquals(1_010, all.size());
    assertEquals(10, all.stream().filter(e -> "iam.amazonaws.com".equals(e.eventSource())).count());
    long connectInWindow = java.util.stream.IntStream.rangeClosed(99, 199)
        .filter(i -> history.kind(i).eventSource().equals("connect.amazonaws.com")).count();
    assertEquals(connectInWindow, window.size(), "StartTime and EndTime are inclusive");
    assertEquals(120, history.counts().get(Kind.GCMD_THROTTLED));
  }

  @Test
  void lookupEvents_rejectsWhatTheRealServiceRejects() {
    CloudTrailClient cloudTrail = SandboxClients.unlimited(sandbox).withoutRetries(CloudTrailClient.builder());

    InvalidMaxResultsException tooMany = assertThrows(InvalidMaxResultsException.class,
        () -> cloudTrail.lookupEvents(connect().maxResults(51).build()));
    assertEquals(400, tooMany.statusCode());
    assertThrows(InvalidMaxResultsException.class, () -> cloudTrail.lookupEvents(connect().maxResults(0).build()));
    assertThrows(InvalidTimeRangeException.class, () -> cloudTrail.lookupEvents(connect()
        .startTime(Instant.parse("2026-01-02T00:00:00Z")).endTime(Instant.parse("2026-01-01T00:00:00Z")).build()));
    assertThrows(InvalidLookupAttributesException.class, () -> cloudTrail.lookupEvents(b -> b.lookupAttributes(
        attribute(LookupAttributeKey.EVENT_SOURCE, "connect.amazonaws.com"),
        attribute(LookupAttributeKey.EVENT_NAME, "ListUsers"))));
    assertThrows(InvalidLookupAttributesException.class, () -> cloudTrail.lookupEvents(b -> b.lookupAttributes(
        LookupAttribute.builder().attributeKey("Region").attributeValue("us-east-1").build())));
    assertThrows(InvalidNextTokenException.class, () -> cloudTrail.lookupEvents(connect().nextToken("forged").build()));
    String token = cloudTrail.lookupEvents(connect().build()).nextToken();
    assertThrows(InvalidNextTokenException.class, () -> cloudTrail.lookupEvents(b -> b.nextToken(token)
        .lookupAttributes(attribute(LookupAttributeKey.EVENT_NAME, "ListUsers"))), "a token of another filter");
    assertFalse(cloudTrail.lookupEvents(connect().nextToken(token).build()).events().isEmpty());
    assertTrue(cloudTrail.lookupEvents(connect().eventCategory("insight").build()).events().isEmpty());
  }

  @Test
  void lookupEvents_withRateLimits_throttlesBeyondTwoPerSecondWithCloudTrailsThrottlingException() {
    try (Sandbox limited = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL).withRateLimits(true))) {
      CloudTrailClient cloudTrail = SandboxClients.unlimited(limited).withoutRetries(CloudTrailClient.builder());
      List<RuntimeException> errors = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        try {
          cloudTrail.lookupEvents(connect().maxResults(1).build());
        } catch (CloudTrailException e) {
          errors.add(e);
        }
      }

      assertFalse(errors.isEmpty(), "six calls at once exceed 2/s with a burst of 2");
      ThrottlingException throttled = (ThrottlingException) errors.get(0);
      assertEquals(400, throttled.statusCode());
      assertEquals("ThrottlingException", throttled.awsErrorDetails().errorCode());
      assertEquals(errors.size(), limited.throttledCalls().get("CloudTrail:LookupEvents").intValue());
    }
  }

  // ---- helpers ----

  private static CloudTrailClient client(SandboxClients clients) {
    return clients.aws().client(CloudTrailClient.class, SandboxClients.REGION, CloudTrailClient::builder);
  }

  private static LookupEventsRequest.Builder connect() {
    return LookupEventsRequest.builder().lookupAttributes(attribute(LookupAttributeKey.EVENT_SOURCE,
        "connect.amazonaws.com"));
  }

  private static LookupAttribute attribute(LookupAttributeKey key, String value) {
    return LookupAttribute.builder().attributeKey(key).attributeValue(value).build();
  }

  private static JsonNode record(Event event) {
    try {
      return Json.mapper().readTree(event.cloudTrailEvent());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
