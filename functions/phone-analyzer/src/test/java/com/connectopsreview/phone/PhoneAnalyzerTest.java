package com.connectopsreview.phone;

import static com.connectopsreview.phone.Fixtures.INSTANCE_ARN;
import static com.connectopsreview.phone.Fixtures.INSTANCE_ID;
import static com.connectopsreview.phone.Fixtures.NOW;
import static com.connectopsreview.phone.Fixtures.PHONE_NUMBERS_URL;
import static com.connectopsreview.phone.Fixtures.REVIEW_ID;
import static com.connectopsreview.phone.Fixtures.TELEPHONY_URL;
import static com.connectopsreview.phone.Fixtures.all;
import static com.connectopsreview.phone.Fixtures.checkIds;
import static com.connectopsreview.phone.Fixtures.listed;
import static com.connectopsreview.phone.Fixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.connectopsreview.shared.analyzer.AnalysisOutput;
import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.sections.PhoneSection.CheckIds;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.connectopsreview.shared.testing.SdkMocks;
import com.connectopsreview.shared.testing.TestClock;
import com.connectopsreview.shared.time.TimeBudget;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.AccessDeniedException;
import software.amazon.awssdk.services.connect.model.ClaimedPhoneNumberSummary;
import software.amazon.awssdk.services.connect.model.DescribeInstanceRequest;
import software.amazon.awssdk.services.connect.model.DescribeInstanceResponse;
import software.amazon.awssdk.services.connect.model.DescribePhoneNumberRequest;
import software.amazon.awssdk.services.connect.model.DescribePhoneNumberResponse;
import software.amazon.awssdk.services.connect.model.FlowAssociationSummary;
import software.amazon.awssdk.services.connect.model.Instance;
import software.amazon.awssdk.services.connect.model.ListFlowAssociationsRequest;
import software.amazon.awssdk.services.connect.model.ListFlowAssociationsResponse;
import software.amazon.awssdk.services.connect.model.ListPhoneNumbersSummary;
import software.amazon.awssdk.services.connect.model.ListPhoneNumbersV2Request;
import software.amazon.awssdk.services.connect.model.ListPhoneNumbersV2Response;
import software.amazon.awssdk.services.connect.model.PhoneNumberStatus;
import software.amazon.awssdk.services.pinpoint.PinpointClient;
import software.amazon.awssdk.services.pinpoint.model.BadRequestException;
import software.amazon.awssdk.services.pinpoint.model.NumberValidateResponse;
import software.amazon.awssdk.services.pinpoint.model.PhoneNumberValidateRequest;
import software.amazon.awssdk.services.pinpoint.model.PhoneNumberValidateResponse;
import software.amazon.awssdk.services.pinpoint.model.PinpointException;

/**
 * The analyzer over mocked clients answering with SDK objects, and a real local store, so the carrier
 * cache is carried from one run to the next exactly as between two reviews.
 */
class PhoneAnalyzerTest {

  @TempDir Path storeDir;

  private final ConnectClient connect = SdkMocks.client(ConnectClient.class);
  private final PinpointClient pinpoint = SdkMocks.client(PinpointClient.class);
  private LocalDirectoryResultStore store;

  /** The inventory ListPhoneNumbersV2 answers, one page. */
  private final List<ListPhoneNumbersSummary> inventory = new ArrayList<>();
  /** Carrier per E.164 number as Pinpoint names it (absent: Pinpoint names none). */
  private final Map<String, String> carriers = new HashMap<>();
  /** Status per phone-number id (absent: CLAIMED). */
  private final Map<String, PhoneNumberStatus> statuses = new HashMap<>();

  @BeforeEach
  void setUp() {
    store = new LocalDirectoryResultStore(storeDir);
    when(connect.listPhoneNumbersV2(any(ListPhoneNumbersV2Request.class))).thenAnswer(call ->
        ListPhoneNumbersV2Response.builder().listPhoneNumbersSummaryList(inventory).build());
    // A flow answers every number that has a target (the fixtures' "used" numbers).
    when(connect.listFlowAssociations(any(ListFlowAssociationsRequest.class))).thenAnswer(call ->
        ListFlowAssociationsResponse.builder().flowAssociationSummaryList(inventory.stream()
            .filter(n -> n.targetArn() != null)
            .map(n -> FlowAssociationSummary.builder().resourceId(n.phoneNumberId()).flowId("flow-" + n.phoneNumberId())
                .resourceType("VOICE_PHONE_NUMBER").build())
            .toList()).build());
    when(connect.describeInstance(any(DescribeInstanceRequest.class))).thenReturn(DescribeInstanceResponse.builder()
        .instance(Instance.builder().id(INSTANCE_ID).instanceAccessUrl(Fixtures.ACCESS_URL).build()).build());
    when(connect.describePhoneNumber(any(DescribePhoneNumberRequest.class))).thenAnswer(call -> {
      DescribePhoneNumberRequest r = call.getArgument(0);
      return describeAnswer(r.phoneNumberId());
    });
    when(pinpoint.phoneNumberValidate(any(PhoneNumberValidateRequest.class))).thenAnswer(call -> {
      PhoneNumberValidateRequest r = call.getArgument(0);
      return validateAnswer(r);
    });
  }

  private DescribePhoneNumberResponse describeAnswer(String id) {
    return DescribePhoneNumberResponse.builder().claimedPhoneNumberSummary(ClaimedPhoneNumberSummary.builder()
        .phoneNumberId(id).targetArn(INSTANCE_ARN).phoneNumberStatus(statuses.getOrDefault(id,
            PhoneNumberStatus.builder().status("CLAIMED").build())).build()).build();
  }

  private PhoneNumberValidateResponse validateAnswer(PhoneNumberValidateRequest r) {
    String number = r.numberValidateRequest().phoneNumber();
    return PhoneNumberValidateResponse.builder().numberValidateResponse(NumberValidateResponse.builder()
        .carrier(carriers.get(number)).phoneType("LANDLINE").countryCodeIso2(r.numberValidateRequest().isoCountryCode())
        .cleansedPhoneNumberE164(number).build()).build();
  }

  /** {@code n} US numbers n01.. with alternating carriers A/B; the last {@code tollFree} are toll-free. */
  private void numbers(int n, int tollFree) {
    for (int i = 1; i <= n; i++) {
      String id = "n%02d".formatted(i);
      String number = "+1202555%04d".formatted(i);
      inventory.add(listed(id, number, "US", i > n - tollFree ? "TOLL_FREE" : "DID", true));
      carriers.put(number, i % 2 == 0 ? "Carrier B" : "Carrier A");
    }
  }

  private AnalysisOutput analyze(Clock clock, Instant deadline) {
    return new PhoneAnalyzer(SdkMocks.inRegion(Region.US_EAST_1, connect, pinpoint), store, clock)
        .analyze(Fixtures.request(deadline), new TimeBudget(clock, deadline));
  }

  private AnalysisOutput analyze() {
    return analyze(Clock.fixed(NOW, ZoneOffset.UTC), NOW.plusSeconds(600));
  }

  private JsonNode cache() {
    return Json.mapper().valueToTree(Json.fromBytes(store.getCache("phone", INSTANCE_ID).orElseThrow(), Map.class));
  }

  private static JsonNode number(JsonNode data, String id) {
    for (JsonNode n : data.get("numbers")) {
      if (n.get("phoneNumberId").asText().equals(id)) {
        return n;
      }
    }
    throw new AssertionError("no number " + id);
  }

  // ---- inventory, data, findings ----

  @Test
  void analyze_readsEveryPageByTargetArn_looksUpEachCarrier_andDescribesEachNumber() {
    ListPhoneNumbersSummary unused = listed("n9", "+442071234567", "GB", "DID", false);
    when(connect.listPhoneNumbersV2(any(ListPhoneNumbersV2Request.class))).thenAnswer(call -> {
      ListPhoneNumbersV2Request r = call.getArgument(0);
      return r.nextToken() == null
          ? ListPhoneNumbersV2Response.builder().listPhoneNumbersSummaryList(inventory).nextToken("page-2").build()
          : ListPhoneNumbersV2Response.builder().listPhoneNumbersSummaryList(unused).build();
    });
    numbers(3, 1);
    carriers.put("+442071234567", "BT");
    statuses.put("n02", PhoneNumberStatus.builder().status("FAILED").message("port-in rejected").build());

    AnalysisOutput out = analyze();

    assertEquals(ComponentStatus.OK, out.status(), () -> String.valueOf(out.errors()));
    ArgumentCaptor<ListPhoneNumbersV2Request> lists = ArgumentCaptor.forClass(ListPhoneNumbersV2Request.class);
    verify(connect, times(2)).listPhoneNumbersV2(lists.capture());
    for (ListPhoneNumbersV2Request r : lists.getAllValues()) {
      assertEquals(INSTANCE_ARN, r.targetArn());
      assertNull(r.instanceId());
      assertEquals(1000, r.maxResults());
    }
    assertEquals("page-2", lists.getAllValues().get(1).nextToken());
    ArgumentCaptor<PhoneNumberValidateRequest> lookups = ArgumentCaptor.forClass(PhoneNumberValidateRequest.class);
    verify(pinpoint, times(4)).phoneNumberValidate(lookups.capture());
    assertEquals("+442071234567", lookups.getAllValues().get(3).numberValidateRequest().phoneNumber());
    assertEquals("GB", lookups.getAllValues().get(3).numberValidateRequest().isoCountryCode());
    verify(connect, times(4)).describePhoneNumber(any(DescribePhoneNumberRequest.class));

    JsonNode data = out.data();
    assertEquals(4, data.get("totalNumbers").asLong());
    assertEquals(3, data.at("/byType/DID").asLong());
    assertEquals(1, data.at("/byType/TOLL_FREE").asLong());
    assertEquals(3, data.at("/byCountry/US").asLong());
    assertEquals(2, data.at("/byCarrier/Carrier A").asLong());
    assertEquals(3, data.get("carrierDiversityScore").asInt());
    assertEquals(2, data.get("countriesCount").asInt());
    assertEquals(0, new java.math.BigDecimal("25").compareTo(data.get("tollFreePercent").decimalValue()));
    assertEquals(0, new java.math.BigDecimal("75").compareTo(data.get("didPercent").decimalValue()));
    assertFalse(data.get("hasUifn").asBoolean());
    JsonNode n02 = number(data, "n02");
    assertEquals("+12025550002", n02.get("number").asText());
    assertEquals("Carrier B", n02.get("carrier").asText());
    assertEquals("LOOKUP", n02.get("carrierSource").asText());
    assertEquals("FAILED", n02.get("status").asText());
    assertEquals("port-in rejected", n02.get("statusMessage").asText());
    assertEquals(INSTANCE_ARN, n02.get("targetArn").asText());
    assertFalse(n02.get("unused").asBoolean());
    assertEquals("desc n02", n02.get("description").asText());
    JsonNode n9 = number(data, "n9");
    assertTrue(n9.get("unused").asBoolean());
    assertTrue(n9.get("targetArn").isNull());
    assertEquals(Fixtures.arn("n9"), n9.get("arn").asText());
    assertEquals(4, data.at("/lookups/carrierLookups").asLong());
    assertEquals(0, data.at("/lookups/cacheHits").asLong());
    assertEquals(4, data.at("/lookups/statusChecked").asLong());
    assertEquals(0, data.at("/lookups/statusNotChecked").asLong());
    assertEquals(PHONE_NUMBERS_URL, data.at("/links/phoneNumbers").asText());
    assertEquals(TELEPHONY_URL, data.at("/links/telephony").asText());
    assertEquals(3, data.get("diversityTable").size());
    assertEquals("US", data.at("/diversityTable/0/country").asText());
    assertEquals("Carrier A", data.at("/diversityTable/0/carrier").asText());
    assertEquals(2, data.at("/diversityTable/0/count").asLong());
    assertEquals("+12025550001", data.at("/diversityTable/0/numbers/0").asText());
    assertTrue(data.get("insights").isArray());
    assertTrue(data.get("recommendations").isArray());

    Finding failed = only(out.findings(), CheckIds.NUMBER_FAILED);
    assertEquals(Fixtures.arn("n02"), failed.resource());
    assertEquals(PHONE_NUMBERS_URL, failed.consoleUrl());
    Finding unusedFinding = only(out.findings(), CheckIds.NUMBER_UNUSED);
    assertEquals(Fixtures.arn("n9"), unusedFinding.resource());
    assertEquals(Severity.MEDIUM, only(out.findings(), CheckIds.TOLL_FREE_FEWER_THAN_DID).severity());
    assertTrue(all(out.findings(), CheckIds.CARRIER_SINGLE).isEmpty());
    assertTrue(all(out.findings(), CheckIds.STATUS_PARTIAL_CHECK).isEmpty());
  }

  @Test
  void analyze_withoutNumbers_reportsNumbersNoneAndCallsNothingPerNumber() {
    AnalysisOutput out = analyze();

    assertEquals(ComponentStatus.OK, out.status(), () -> String.valueOf(out.errors()));
    assertEquals(List.of(CheckIds.NUMBERS_NONE), checkIds(out.findings()));
    assertEquals(0, out.data().get("totalNumbers").asLong());
    assertTrue(out.data().get("tollFreePercent").isNull());
    assertEquals(0, out.data().get("numbers").size());
    verify(pinpoint, never()).phoneNumberValidate(any(PhoneNumberValidateRequest.class));
    verify(connect, never()).describePhoneNumber(any(DescribePhoneNumberRequest.class));
    assertEquals(1, cache().get("version").asInt());
    assertEquals(0, cache().get("numbers").size());
  }

  @Test
  void unused_isAVoiceNumberNoFlowAnswers_evenWhenItTargetsTheInstance_shortCodesExcluded() {
    inventory.add(listed("n-answered", "+12025550101", "US", "DID", true));
    inventory.add(listed("n-silent", "+12025550102", "US", "DID", true));
    inventory.add(listed("n-sms", "+12025550103", "US", "SHORT_CODE", true));
    when(connect.listFlowAssociations(any(ListFlowAssociationsRequest.class))).thenAnswer(call -> {
      ListFlowAssociationsRequest r = call.getArgument(0);
      assertEquals("VOICE_PHONE_NUMBER", r.resourceTypeAsString());
      assertEquals(INSTANCE_ID, r.instanceId());
      assertEquals(1000, r.maxResults());
      return r.nextToken() == null
          ? ListFlowAssociationsResponse.builder().flowAssociationSummaryList(FlowAssociationSummary.builder()
              .resourceId("n-other").flowId("f-0").build()).nextToken("p2").build()
          // the second page names the number by ARN
          : ListFlowAssociationsResponse.builder().flowAssociationSummaryList(FlowAssociationSummary.builder()
              .resourceId(Fixtures.arn("n-answered")).flowId("f-1").build()).build();
    });

    AnalysisOutput out = analyze();

    assertEquals(ComponentStatus.OK, out.status(), () -> String.valueOf(out.errors()));
    assertEquals(List.of(Fixtures.arn("n-silent")), all(out.findings(), CheckIds.NUMBER_UNUSED).stream()
        .map(f -> f.resource()).toList());
    assertEquals("NO_FLOW_ASSOCIATION", out.data().at("/lookups/unusedRule").asText());
    verify(connect, times(2)).listFlowAssociations(any(ListFlowAssociationsRequest.class));
  }

  @Test
  void unused_whenFlowAssociationsAreDenied_fallsBackToNoTarget_andSaysSo() {
    inventory.add(listed("n-target", "+12025550101", "US", "DID", true));
    inventory.add(listed("n-none", "+12025550102", "US", "DID", false));
    when(connect.listFlowAssociations(any(ListFlowAssociationsRequest.class))).thenThrow(
        software.amazon.awssdk.services.connect.model.AccessDeniedException.builder().statusCode(403)
            .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                .errorCode("AccessDeniedException").serviceName("Connect")
                .errorMessage("not authorized to perform: connect:ListFlowAssociations").build()).build());

    AnalysisOutput out = analyze();

    assertEquals(ComponentStatus.PARTIAL, out.status());
    assertTrue(out.errors().get(0).startsWith("flow associations not read (ListFlowAssociations: "
        + "AccessDeniedException from Connect (HTTP 403)"), out.errors().get(0));
    assertEquals("NO_TARGET", out.data().at("/lookups/unusedRule").asText());
    assertEquals(List.of(Fixtures.arn("n-none")), all(out.findings(), CheckIds.NUMBER_UNUSED).stream()
        .map(f -> f.resource()).toList());
  }

  @Test
  void unused_whenTimeRunsOutBeforeTheFlowAssociations_isPartialLikeAnyOtherReadNotFailed() {
    inventory.add(listed("n-target", "+12025550101", "US", "DID", true));
    inventory.add(listed("n-none", "+12025550102", "US", "DID", false));
    TestClock clock = new TestClock(NOW);
    when(connect.listPhoneNumbersV2(any(ListPhoneNumbersV2Request.class))).thenAnswer(call -> {
      clock.advance(Duration.ofMinutes(20));
      return ListPhoneNumbersV2Response.builder().listPhoneNumbersSummaryList(inventory).build();
    });

    AnalysisOutput out = analyze(clock, NOW.plusSeconds(600));

    // The inventory was read: the component keeps it and says what time left out.
    assertEquals(ComponentStatus.PARTIAL, out.status());
    assertEquals(2, out.data().get("totalNumbers").asLong());
    assertEquals("NO_TARGET", out.data().at("/lookups/unusedRule").asText());
    verify(connect, never()).listFlowAssociations(any(ListFlowAssociationsRequest.class));
    String error = out.errors().get(out.errors().size() - 1);
    assertTrue(error.startsWith("time budget spent (time budget spent before Connect ListFlowAssociations"), error);
    assertTrue(error.contains("not examined: flow associations (ListFlowAssociations; unused = no TargetArn)"), error);
  }

  @Test
  void analyze_withoutTheAccessUrl_linksToTheConsoleTelephonyPageAndStaysOk() {
    numbers(2, 0);
    when(connect.describeInstance(any(DescribeInstanceRequest.class))).thenThrow(connectDenied("DescribeInstance"));

    AnalysisOutput out = analyze();

    assertEquals(ComponentStatus.OK, out.status(), () -> String.valueOf(out.errors()));
    assertTrue(out.data().at("/links/phoneNumbers").isNull());
    assertTrue(out.data().at("/links/note").asText().startsWith("instance access URL unknown (DescribeInstance: "
        + "AccessDeniedException"), out.data().at("/links/note").asText());
    assertTrue(out.findings().stream().allMatch(f -> TELEPHONY_URL.equals(f.consoleUrl())));
  }

  // ---- carrier cache ----

  @Test
  void secondRun_withTheSameStore_makesNoCarrierLookupForKnownNumbers() {
    numbers(6, 2);
    AnalysisOutput first = analyze();
    verify(pinpoint, times(6)).phoneNumberValidate(any(PhoneNumberValidateRequest.class));
    assertEquals(6, first.data().at("/lookups/carrierLookups").asLong());

    clearInvocations(pinpoint);
    AnalysisOutput second = analyze(Clock.fixed(NOW.plus(Duration.ofDays(7)), ZoneOffset.UTC),
        NOW.plus(Duration.ofDays(7)).plusSeconds(600));

    verify(pinpoint, never()).phoneNumberValidate(any(PhoneNumberValidateRequest.class));
    assertEquals(0, second.data().at("/lookups/carrierLookups").asLong());
    assertEquals(6, second.data().at("/lookups/cacheHits").asLong());
    assertEquals("CACHE", number(second.data(), "n03").get("carrierSource").asText());
    assertEquals("Carrier A", number(second.data(), "n03").get("carrier").asText());
    assertEquals(first.data().get("byCarrier"), second.data().get("byCarrier"));
    assertEquals(checkIds(first.findings()), checkIds(second.findings()));

    // A number claimed since the last review is the only one looked up.
    inventory.add(listed("n07", "+12025550007", "US", "DID", true));
    carriers.put("+12025550007", "Carrier C");
    AnalysisOutput third = analyze(Clock.fixed(NOW.plus(Duration.ofDays(8)), ZoneOffset.UTC),
        NOW.plus(Duration.ofDays(8)).plusSeconds(600));
    ArgumentCaptor<PhoneNumberValidateRequest> asked = ArgumentCaptor.forClass(PhoneNumberValidateRequest.class);
    verify(pinpoint, times(1)).phoneNumberValidate(asked.capture());
    assertEquals("+12025550007", asked.getValue().numberValidateRequest().phoneNumber());
    assertEquals(6, third.data().at("/lookups/cacheHits").asLong());
  }

  @Test
  void staleEntries_olderThan180Days_areLookedUpAgain_180DaysExactlyIsStillFresh() {
    numbers(3, 0);
    store.putCache("phone", INSTANCE_ID, ("""
        {"version":1,"numbers":{
          "n01":{"number":"+12025550001","carrier":"Old Carrier","carrierCheckedAt":"%s"},
          "n02":{"number":"+12025550002","carrier":"Kept Carrier","carrierCheckedAt":"%s"},
          "n03":{"number":"+19999999999","carrier":"Other Number","carrierCheckedAt":"%s"}}}"""
        .formatted(NOW.minus(Duration.ofDays(180)).minusSeconds(1), NOW.minus(Duration.ofDays(180)),
            NOW.minus(Duration.ofDays(1)))).getBytes(StandardCharsets.UTF_8));

    AnalysisOutput out = analyze();

    ArgumentCaptor<PhoneNumberValidateRequest> asked = ArgumentCaptor.forClass(PhoneNumberValidateRequest.class);
    verify(pinpoint, times(2)).phoneNumberValidate(asked.capture());
    // n01 is stale, n03's id now holds another number; n02 is exactly 180 days old.
    assertEquals(List.of("+12025550001", "+12025550003"),
        asked.getAllValues().stream().map(r -> r.numberValidateRequest().phoneNumber()).toList());
    assertEquals("Carrier A", number(out.data(), "n01").get("carrier").asText());
    assertEquals("Kept Carrier", number(out.data(), "n02").get("carrier").asText());
    assertEquals("CACHE", number(out.data(), "n02").get("carrierSource").asText());
    assertEquals(1, out.data().at("/lookups/cacheHits").asLong());
    assertEquals(NOW.toString(), cache().at("/numbers/n01/carrierCheckedAt").asText());
    assertEquals("Carrier A", cache().at("/numbers/n01/carrier").asText());
    assertEquals("+12025550003", cache().at("/numbers/n03/number").asText());
  }

  @Test
  void corruptOrOtherVersionCache_isIgnoredNeverFatal_andReplacedByAGoodOne() {
    numbers(2, 0);
    for (String stored : List.of("{not json", "{\"version\":2,\"numbers\":{}}", "[1,2]",
        "{\"version\":1,\"numbers\":{\"n01\":{\"carrierCheckedAt\":\"yesterday\"}}}")) {
      store.putCache("phone", INSTANCE_ID, stored.getBytes(StandardCharsets.UTF_8));
      clearInvocations(pinpoint);

      AnalysisOutput out = analyze();

      assertEquals(ComponentStatus.OK, out.status(), () -> stored + ": " + out.errors());
      verify(pinpoint, times(2)).phoneNumberValidate(any(PhoneNumberValidateRequest.class));
      assertTrue(out.data().at("/lookups/cacheNote").asText().startsWith("cache ignored: "),
          () -> stored + ": " + out.data().at("/lookups/cacheNote"));
      assertEquals(1, cache().get("version").asInt(), stored);
      assertEquals("Carrier A", cache().at("/numbers/n01/carrier").asText(), stored);
    }
  }

  @Test
  void releasedNumbers_leaveTheCache() {
    numbers(3, 0);
    analyze();
    inventory.remove(2);

    analyze();

    assertEquals(Set.of("n01", "n02"), fieldNames(cache().get("numbers")));
  }

  // ---- errors ----

  @Test
  void pinpointAccessDenied_leavesCarriersUnknown_isPartialWithTheReason_andCachesNoCarrier() {
    numbers(4, 0);
    when(pinpoint.phoneNumberValidate(any(PhoneNumberValidateRequest.class))).thenThrow(pinpointDenied());

    AnalysisOutput out = analyze();

    assertEquals(ComponentStatus.PARTIAL, out.status());
    verify(pinpoint, times(1)).phoneNumberValidate(any(PhoneNumberValidateRequest.class));
    assertEquals(1, out.errors().size(), () -> String.valueOf(out.errors()));
    assertTrue(out.errors().get(0).startsWith("carrier lookups (Pinpoint PhoneNumberValidate) stopped: "
        + "AccessDeniedException from Pinpoint (HTTP 403)"), out.errors().get(0));
    assertTrue(out.errors().get(0).endsWith("carrier Unknown for 4 number(s) this review"), out.errors().get(0));
    for (JsonNode n : out.data().get("numbers")) {
      assertEquals("Unknown", n.get("carrier").asText());
      assertEquals("UNKNOWN", n.get("carrierSource").asText());
    }
    assertEquals(4, out.data().at("/byCarrier/Unknown").asLong());
    assertEquals(0, out.data().get("carrierDiversityScore").asInt());
    assertEquals(1, out.data().at("/lookups/carrierLookupFailures").asLong());
    assertEquals(3, out.data().at("/lookups/carriersNotLookedUp").asLong());
    // No carrier claim is made on unknown carriers; the status checks still ran.
    assertTrue(all(out.findings(), CheckIds.CARRIER_SINGLE).isEmpty());
    assertTrue(all(out.findings(), CheckIds.CARRIER_SINGLE_IN_COUNTRY).isEmpty());
    assertEquals(4, out.data().at("/lookups/statusChecked").asLong());
    assertTrue(cache().at("/numbers/n01/carrier").isMissingNode());
    assertTrue(cache().at("/numbers/n01/carrierCheckedAt").isMissingNode());
    assertEquals("+12025550001", cache().at("/numbers/n01/number").asText());

    // Allowed again: the next review looks every number up.
    when(pinpoint.phoneNumberValidate(any(PhoneNumberValidateRequest.class))).thenAnswer(call ->
        validateAnswer(call.getArgument(0)));
    clearInvocations(pinpoint);
    AnalysisOutput next = analyze();
    assertEquals(ComponentStatus.OK, next.status(), () -> String.valueOf(next.errors()));
    verify(pinpoint, times(4)).phoneNumberValidate(any(PhoneNumberValidateRequest.class));
  }

  @Test
  void oneFailedLookup_leavesThatCarrierUnknownAndNamesIt_othersAreLookedUpAndCached() {
    numbers(3, 0);
    when(pinpoint.phoneNumberValidate(any(PhoneNumberValidateRequest.class))).thenAnswer(call -> {
      PhoneNumberValidateRequest r = call.getArgument(0);
      if (r.numberValidateRequest().phoneNumber().equals("+12025550002")) {
        throw BadRequestException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
            .errorCode("BadRequestException").serviceName("Pinpoint").errorMessage("Invalid phone number").build())
            .build();
      }
      return validateAnswer(r);
    });

    AnalysisOutput out = analyze();

    assertEquals(ComponentStatus.PARTIAL, out.status());
    assertEquals(List.of("carrier lookup (Pinpoint PhoneNumberValidate) failed for 1 number(s), carrier Unknown"
        + " this review: BadRequestException from Pinpoint (HTTP 400): Invalid phone number"), out.errors());
    assertEquals("Unknown", number(out.data(), "n02").get("carrier").asText());
    assertEquals("Carrier A", number(out.data(), "n03").get("carrier").asText());
    assertTrue(cache().at("/numbers/n02/carrierCheckedAt").isMissingNode());
    assertEquals("Carrier A", cache().at("/numbers/n03/carrier").asText());
  }

  @Test
  void pinpointAnsweringWithoutCarrier_isUnknownButCached_notAnError() {
    numbers(2, 0);
    carriers.remove("+12025550002");

    AnalysisOutput out = analyze();

    assertEquals(ComponentStatus.OK, out.status(), () -> String.valueOf(out.errors()));
    assertEquals("Unknown", number(out.data(), "n02").get("carrier").asText());
    assertEquals("LOOKUP", number(out.data(), "n02").get("carrierSource").asText());
    assertEquals(NOW.toString(), cache().at("/numbers/n02/carrierCheckedAt").asText());
  }

  @Test
  void listPhoneNumbersDenied_failsTheComponentWithTheReason() {
    when(connect.listPhoneNumbersV2(any(ListPhoneNumbersV2Request.class)))
        .thenThrow(connectDenied("ListPhoneNumbersV2"));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    new AnalyzerRunner(PhoneAnalyzerFactory.create(SdkMocks.inRegion(Region.US_EAST_1, connect, pinpoint), store, clock),
        store, new ApiCallCounter(ApiRateLimiter.unlimited()), clock).run(Fixtures.request(NOW.plusSeconds(120)));

    AnalyzerResult stored = store.getResult(REVIEW_ID, "phone").orElseThrow();
    assertEquals(ComponentStatus.FAILED, stored.status());
    assertEquals(List.of("AccessDeniedException from Connect (HTTP 403): not authorized to perform: "
        + "connect:ListPhoneNumbersV2"), stored.errors());
    verify(pinpoint, never()).phoneNumberValidate(any(PhoneNumberValidateRequest.class));
  }

  @Test
  void describePhoneNumberDenied_stopsAfterOneCall_isPartialWithoutThePartialCheckFinding() {
    numbers(3, 0);
    when(connect.describePhoneNumber(any(DescribePhoneNumberRequest.class)))
        .thenThrow(connectDenied("DescribePhoneNumber"));

    AnalysisOutput out = analyze();

    assertEquals(ComponentStatus.PARTIAL, out.status());
    verify(connect, times(1)).describePhoneNumber(any(DescribePhoneNumberRequest.class));
    assertEquals(List.of("status checks (Connect DescribePhoneNumber) stopped: AccessDeniedException from Connect"
        + " (HTTP 403): not authorized to perform: connect:DescribePhoneNumber; status not checked for 3 number(s)"),
        out.errors());
    assertEquals(3, out.data().at("/lookups/statusNotChecked").asLong());
    assertTrue(all(out.findings(), CheckIds.STATUS_PARTIAL_CHECK).isEmpty());
    assertTrue(number(out.data(), "n01").get("status").isNull());
  }

  @Test
  void aFailedNumber_staysReportedWithItsLastKnownStatus_whenTheNextReviewDoesNotCheckIt() {
    numbers(3, 0);
    statuses.put("n02", PhoneNumberStatus.builder().status("FAILED").message("port-in rejected").build());
    analyze();
    when(connect.describePhoneNumber(any(DescribePhoneNumberRequest.class)))
        .thenThrow(connectDenied("DescribePhoneNumber"));
    Instant later = NOW.plus(java.time.Duration.ofDays(7));

    AnalysisOutput out = analyze(Clock.fixed(later, ZoneOffset.UTC), later.plusSeconds(600));

    Finding failed = only(out.findings(), CheckIds.NUMBER_FAILED);
    assertEquals(NOW.toString(), failed.evidence().get("statusCheckedAt"), "as of the review that found it");
    assertEquals("FAILED", number(out.data(), "n02").get("status").asText());
    assertEquals(NOW.toString(), number(out.data(), "n02").get("statusCheckedAt").asText());
    assertEquals("CLAIMED", number(out.data(), "n01").get("status").asText());
    assertEquals("FAILED", cache().at("/numbers/n02/status").asText(), "kept for the review after");
  }

  // ---- time: status sub-budget, carrier lookups ----

  @Test
  void statusChecks_useAtMostHalfTheTimeLeft_reportPartialCheck_andTheNextRunChecksTheOthersFirst() {
    numbers(8, 0);
    TestClock clock = new TestClock(NOW);
    List<String> described = new ArrayList<>();
    when(connect.describePhoneNumber(any(DescribePhoneNumberRequest.class))).thenAnswer(call -> {
      DescribePhoneNumberRequest r = call.getArgument(0);
      described.add(r.phoneNumberId());
      clock.advance(Duration.ofSeconds(1)); // one paced call per second
      return describeAnswer(r.phoneNumberId());
    });

    // 10 s left after the list: status checks may take 5 s, i.e. 5 numbers at one per second.
    AnalysisOutput first = analyze(clock, clock.instant().plusSeconds(10));

    assertEquals(ComponentStatus.OK, first.status(), () -> String.valueOf(first.errors()));
    assertEquals(List.of("n01", "n02", "n03", "n04", "n05"), described);
    assertEquals(5, first.data().at("/lookups/statusChecked").asLong());
    assertEquals(3, first.data().at("/lookups/statusNotChecked").asLong());
    Finding partial = only(first.findings(), CheckIds.STATUS_PARTIAL_CHECK);
    assertEquals(Severity.INFO, partial.severity());
    assertEquals(3L, partial.evidence().get("statusNotChecked"));
    assertTrue(number(first.data(), "n06").get("status").isNull());
    assertEquals("CLAIMED", number(first.data(), "n05").get("status").asText());

    described.clear();
    AnalysisOutput second = analyze(clock, clock.instant().plusSeconds(10));

    // Never checked first, then the least recently checked.
    assertEquals(List.of("n06", "n07", "n08", "n01", "n02"), described);
    assertEquals(5, second.data().at("/lookups/statusChecked").asLong());

    described.clear();
    analyze(clock, clock.instant().plusSeconds(10));
    assertEquals(List.of("n03", "n04", "n05", "n06", "n07"), described);
  }

  @Test
  void timeSpentDuringCarrierLookups_isPartial_keepsWhatWasLearned_andTheNextRunContinues() {
    numbers(5, 0);
    TestClock clock = new TestClock(NOW);
    when(pinpoint.phoneNumberValidate(any(PhoneNumberValidateRequest.class))).thenAnswer(call -> {
      clock.advance(Duration.ofSeconds(2));
      return validateAnswer(call.getArgument(0));
    });

    AnalysisOutput first = analyze(clock, clock.instant().plusSeconds(4));

    assertEquals(ComponentStatus.PARTIAL, first.status());
    assertEquals(2, first.data().at("/lookups/carrierLookups").asLong());
    assertEquals(3, first.data().at("/lookups/carriersNotLookedUp").asLong());
    assertTrue(first.errors().get(0).startsWith("time budget spent (time budget spent before Pinpoint "
        + "PhoneNumberValidate"), first.errors().get(0));
    assertTrue(first.errors().get(0).endsWith("; not examined: the carrier of 3 number(s) (the next review continues"
        + " from the cache)"), first.errors().get(0));
    assertEquals("Carrier B", cache().at("/numbers/n02/carrier").asText());
    assertTrue(cache().at("/numbers/n03/carrierCheckedAt").isMissingNode());

    clearInvocations(pinpoint);
    AnalysisOutput second = analyze(clock, clock.instant().plusSeconds(600));
    assertEquals(ComponentStatus.OK, second.status(), () -> String.valueOf(second.errors()));
    verify(pinpoint, times(3)).phoneNumberValidate(any(PhoneNumberValidateRequest.class));
    assertEquals(2, second.data().at("/lookups/cacheHits").asLong());
  }

  // ---- helpers ----

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new HashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static AccessDeniedException connectDenied(String operation) {
    return AccessDeniedException.builder().statusCode(403)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").serviceName("Connect")
            .errorMessage("not authorized to perform: connect:" + operation).build())
        .build();
  }

  private static PinpointException pinpointDenied() {
    return (PinpointException) PinpointException.builder().statusCode(403)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").serviceName("Pinpoint")
            .errorMessage("not authorized to perform: mobiletargeting:PhoneNumberValidate").build())
        .build();
  }
}
