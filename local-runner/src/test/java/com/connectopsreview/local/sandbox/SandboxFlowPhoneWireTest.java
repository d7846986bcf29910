package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.telephony.TelephonyGenerator;
import com.connectopsreview.local.sandbox.telephony.TelephonyDomain;
import com.connectopsreview.local.sandbox.flows.FlowsDomain;
import com.connectopsreview.shared.aws.AwsErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ClaimedPhoneNumberSummary;
import software.amazon.awssdk.services.connect.model.ContactFlow;
import software.amazon.awssdk.services.connect.model.ContactFlowModule;
import software.amazon.awssdk.services.connect.model.ContactFlowType;
import software.amazon.awssdk.services.connect.model.InvalidParameterException;
import software.amazon.awssdk.services.connect.model.ListPhoneNumbersSummary;
import software.amazon.awssdk.services.connect.model.PhoneNumberWorkflowStatus;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;
import software.amazon.awssdk.services.connect.model.SearchContactFlowsResponse;
import software.amazon.awssdk.services.connect.model.StringComparisonType;
import software.amazon.awssdk.services.connect.model.ThrottlingException;
import software.amazon.awssdk.services.pinpoint.PinpointClient;
import software.amazon.awssdk.services.pinpoint.model.BadRequestException;
import software.amazon.awssdk.services.pinpoint.model.NumberValidateResponse;
import software.amazon.awssdk.services.pinpoint.model.PinpointException;
import software.amazon.awssdk.services.pinpoint.model.TooManyRequestsException;

/**
 * The phone and flow analyzers' operations through the real SDK 2.40.2 clients (ConnectClient, PinpointClient, built by
 * shared-lib's AwsClients) against the SMALL sandbox: SearchContactFlows, SearchContactFlowModules,
 * DescribeContactFlowModule, DescribePhoneNumber, Pinpoint PhoneNumberValidate; pagination, errors,
 * rate limits, faults and routing by signing name.
 */
@ExtendWith(LoopbackGuardExtension.class)
class SandboxFlowPhoneWireTest {

  private static Sandbox sandbox;
  private static Scenario scenario;
  private static String instanceId;
  private SandboxClients clients;
  private ConnectClient connect;

  @BeforeAll
  static void startSandbox() {
    sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL));
    scenario = sandbox.scenario();
    instanceId = sandbox.instance().id();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @BeforeEach
  void newClients() {
    clients = SandboxClients.unlimited(sandbox);
    connect = clients.connect();
  }

  // ---- flows ----

  @Test
  void searchContactFlows_pagesEveryFlowWithItsContent() throws Exception {
    FlowsDomain flowsDomain = FlowsDomain.of(scenario);
    SearchContactFlowsResponse first = connect.searchContactFlows(b -> b.instanceId(instanceId).maxResults(5));
    assertEquals(5, first.contactFlows().size());
    assertNotNull(first.nextToken());
    assertEquals(flowsDomain.flows().size(), first.approximateTotalCount());

    List<ContactFlow> all = connect.searchContactFlowsPaginator(b -> b.instanceId(sandbox.instance().arn())
        .maxResults(5)).contactFlows().stream().toList();

    assertEquals(flowsDomain.flows().size(), all.size());
    for (int i = 0; i < all.size(); i++) {
      FlowsDomain.ContactFlow planned = flowsDomain.flows().get(i);
      ContactFlow flow = all.get(i);
      assertEquals(planned.id(), flow.id());
      assertEquals(planned.arn(), flow.arn());
      assertEquals(planned.name(), flow.name());
      assertEquals(planned.type(), flow.typeAsString());
      assertEquals(planned.state(), flow.stateAsString());
      assertEquals(planned.status(), flow.statusAsString());
      assertEquals(planned.lastModified(), flow.lastModifiedTime());
      assertEquals(flowsDomain.flowContent(planned), flow.content());
      assertEquals(sha256(flow.content()), flow.flowContentSha256());
    }
    // 1 + 5 pages of 5 (24 flows).
    assertEquals(6L, clients.counter().snapshot().get("Connect:SearchContactFlows"));
  }

  @Test
  void searchContactFlows_criteriaFilterByTypeAndName() {
    FlowsDomain flowsDomain = FlowsDomain.of(scenario);
    List<ContactFlow> queueFlows = connect.searchContactFlowsPaginator(b -> b.instanceId(instanceId)
        .searchCriteria(c -> c.typeCondition(ContactFlowType.CUSTOMER_QUEUE))).contactFlows().stream().toList();
    long expected = flowsDomain.flows().stream().filter(f -> f.type().equals("CUSTOMER_QUEUE")).count();
    assertEquals(expected, queueFlows.size());
    assertTrue(expected >= 2);

    SearchContactFlowsResponse plants = connect.searchContactFlows(b -> b.instanceId(instanceId)
        .searchCriteria(c -> c.stringCondition(s -> s.fieldName("name").value("planted lint")
            .comparisonType(StringComparisonType.CONTAINS))));
    assertEquals(flowsDomain.lintPlants().keySet(),
        plants.contactFlows().stream().map(ContactFlow::id).collect(Collectors.toSet()));
    assertEquals(5L, plants.approximateTotalCount());
    assertNull(plants.nextToken());

    assertThrows(InvalidParameterException.class, () -> connect.searchContactFlows(b -> b.instanceId(instanceId)
        .searchCriteria(c -> c.stringCondition(s -> s.fieldName("content").value("x")
            .comparisonType(StringComparisonType.EXACT)))));
  }

  @Test
  void searchContactFlows_rejectsBadArgumentsLikeConnect() {
    InvalidParameterException tooMany = assertThrows(InvalidParameterException.class,
        () -> connect.searchContactFlows(b -> b.instanceId(instanceId).maxResults(101)));
    assertEquals(400, tooMany.statusCode());
    assertTrue(tooMany.getMessage().contains("less than or equal to 100"), tooMany.getMessage());
    assertThrows(InvalidParameterException.class,
        () -> connect.searchContactFlows(b -> b.instanceId(instanceId).nextToken("forged")));
    String modulesToken = connect.searchContactFlowModules(b -> b.instanceId(instanceId).maxResults(1)).nextToken();
    assertThrows(InvalidParameterException.class,
        () -> connect.searchContactFlows(b -> b.instanceId(instanceId).nextToken(modulesToken)));
    ResourceNotFoundException unknown = assertThrows(ResourceNotFoundException.class,
        () -> connect.searchContactFlows(b -> b.instanceId("00000000-0000-4000-8000-000000000000")));
    assertEquals(404, unknown.statusCode());
  }

  @Test
  void searchContactFlows_withoutMaxResults_pagesOf100() {
    SearchContactFlowsResponse page = connect.searchContactFlows(b -> b.instanceId(instanceId));
    assertEquals(FlowsDomain.of(scenario).flows().size(), page.contactFlows().size());
    assertNull(page.nextToken());
  }

  @Test
  void searchContactFlowModules_andDescribeContactFlowModule_answerContent() throws Exception {
    FlowsDomain flowsDomain = FlowsDomain.of(scenario);
    List<ContactFlowModule> modules = connect.searchContactFlowModulesPaginator(b -> b.instanceId(instanceId)
        .maxResults(3)).contactFlowModules().stream().toList();

    assertEquals(flowsDomain.flowModules().size(), modules.size());
    for (int i = 0; i < modules.size(); i++) {
      FlowsDomain.FlowModule planned = flowsDomain.flowModules().get(i);
      assertEquals(planned.id(), modules.get(i).id());
      assertEquals(planned.name(), modules.get(i).name());
      assertEquals("ACTIVE", modules.get(i).stateAsString());
      assertEquals("PUBLISHED", modules.get(i).statusAsString());
      assertEquals(flowsDomain.flowModuleContent(planned), modules.get(i).content());
    }
    assertEquals(2L, clients.counter().snapshot().get("Connect:SearchContactFlowModules"));

    FlowsDomain.FlowModule planned = flowsDomain.flowModules().get(2);
    ContactFlowModule described = connect.describeContactFlowModule(
        b -> b.instanceId(instanceId).contactFlowModuleId(planned.id())).contactFlowModule();
    assertEquals(planned.arn(), described.arn());
    assertEquals(flowsDomain.flowModuleContent(planned), described.content());
    assertEquals(sha256(described.content()), described.flowModuleContentSha256());
    assertEquals(planned.id(), connect.describeContactFlowModule(
        b -> b.instanceId(instanceId).contactFlowModuleId(planned.arn())).contactFlowModule().id());
    ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class, () -> connect.describeContactFlowModule(
        b -> b.instanceId(instanceId).contactFlowModuleId("00000000-0000-4000-8000-000000000000")));
    assertEquals(404, e.statusCode());
    assertThrows(ResourceNotFoundException.class, () -> connect.describeContactFlowModule(
        b -> b.instanceId("nope").contactFlowModuleId(planned.id())));
  }

  // ---- phone numbers ----

  @Test
  void listPhoneNumbersV2_everyNumberTargetsTheInstance_flowAssociationsNameTheUsedOnes() {
    TelephonyDomain telephony = TelephonyDomain.of(scenario);
    List<ListPhoneNumbersSummary> all = connect.listPhoneNumbersV2Paginator(
        b -> b.targetArn(sandbox.instance().arn()).maxResults(1000)).listPhoneNumbersSummaryList().stream().toList();
    List<software.amazon.awssdk.services.connect.model.FlowAssociationSummary> associations =
        connect.listFlowAssociationsPaginator(b -> b.instanceId(instanceId)
            .resourceType(software.amazon.awssdk.services.connect.model.ListFlowAssociationResourceType
                .VOICE_PHONE_NUMBER).maxResults(3))
            .flowAssociationSummaryList().stream().toList();

    assertEquals(telephony.phoneNumbers().size(), all.size());
    assertTrue(all.stream().allMatch(n -> sandbox.instance().arn().equals(n.targetArn())));
    Set<String> answered = associations.stream().map(a -> a.resourceId()).collect(Collectors.toSet());
    Set<String> unanswered = all.stream().map(ListPhoneNumbersSummary::phoneNumberArn)
        .filter(arn -> !answered.contains(arn)).collect(Collectors.toSet());
    assertEquals(
        telephony.unusedPhoneNumbers().stream().map(TelephonyDomain.PhoneNumber::arn).collect(Collectors.toSet()),
        unanswered);
    assertTrue(unanswered.size() >= 2);
    assertEquals(all.size() - unanswered.size(), associations.size(), "one association per used number, paged by 3");
    assertTrue(associations.stream().allMatch(a -> a.flowId().equals(FlowsDomain.of(scenario).flows().get(0).id())));
    assertTrue(connect.listFlowAssociations(b -> b.instanceId(instanceId).resourceType("INBOUND_EMAIL"))
        .flowAssociationSummaryList().isEmpty());
  }

  @Test
  void describePhoneNumber_answersStatusAndTarget() {
    TelephonyDomain telephony = TelephonyDomain.of(scenario);
    for (TelephonyDomain.PhoneNumber planned : telephony.phoneNumbers().stream().toList()) {
      ClaimedPhoneNumberSummary n = connect.describePhoneNumber(b -> b.phoneNumberId(planned.id()))
          .claimedPhoneNumberSummary();
      assertEquals(planned.number(), n.phoneNumber());
      assertEquals(planned.arn(), n.phoneNumberArn());
      assertEquals(planned.type(), n.phoneNumberTypeAsString());
      assertEquals(planned.countryCode(), n.phoneNumberCountryCodeAsString());
      assertEquals(planned.status(), n.phoneNumberStatus().statusAsString());
      assertEquals(planned.statusMessage(), n.phoneNumberStatus().message());
      assertEquals(sandbox.instance().arn(), n.targetArn());
      assertEquals(instanceId, n.instanceId());
    }
    ClaimedPhoneNumberSummary failed = connect.describePhoneNumber(
        b -> b.phoneNumberId(telephony.phoneNumbers().get(TelephonyGenerator.FAILED_NUMBER_INDEX).arn()))
        .claimedPhoneNumberSummary();
    assertEquals(PhoneNumberWorkflowStatus.FAILED, failed.phoneNumberStatus().status());
    assertEquals(Map.of("Connect:DescribePhoneNumber", (long) telephony.phoneNumbers().size() + 1),
        clients.counter().snapshot());
    ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
        () -> connect.describePhoneNumber(b -> b.phoneNumberId("00000000-0000-4000-8000-000000000000")));
    assertEquals(404, e.statusCode());
    assertTrue(e.getMessage().contains("00000000-0000-4000-8000-000000000000"), e.getMessage());
  }

  // ---- Pinpoint ----

  @Test
  void phoneNumberValidate_answersTheCarrierOfEveryScenarioNumber() {
    TelephonyDomain telephony = TelephonyDomain.of(scenario);
    PinpointClient pinpoint = clients.pinpoint();
    for (TelephonyDomain.PhoneNumber planned : telephony.phoneNumbers().stream().toList()) {
      NumberValidateResponse r = pinpoint.phoneNumberValidate(b -> b.numberValidateRequest(
          v -> v.phoneNumber(planned.number()).isoCountryCode(planned.countryCode()))).numberValidateResponse();
      assertEquals(planned.carrier(), r.carrier(), planned.number());
      assertEquals(planned.number(), r.cleansedPhoneNumberE164());
      assertEquals(planned.countryCode(), r.countryCodeIso2());
      assertEquals(planned.number(), r.originalPhoneNumber());
      assertEquals(planned.type().equals("TOLL_FREE") ? "LANDLINE" : "VOIP", r.phoneType());
      assertEquals(planned.type().equals("TOLL_FREE") ? 1 : 2, r.phoneTypeCode());
    }
    assertEquals(Map.of("Pinpoint:PhoneNumberValidate", (long) telephony.phoneNumbers().size()),
        clients.counter().snapshot());
  }

  @Test
  void phoneNumberValidate_nationalFormatUnknownNumbersAndBadRequests() {
    TelephonyDomain telephony = TelephonyDomain.of(scenario);
    PinpointClient pinpoint = clients.pinpoint();
    TelephonyDomain.PhoneNumber usDid = telephony.phoneNumbers().get(1);
    TelephonyDomain.PhoneNumber uk = telephony.phoneNumbers().get(9);

    NumberValidateResponse national = pinpoint.phoneNumberValidate(b -> b.numberValidateRequest(
        v -> v.phoneNumber(usDid.number().substring(2)).isoCountryCode("US"))).numberValidateResponse();
    assertEquals(usDid.number(), national.cleansedPhoneNumberE164());
    assertEquals(TelephonyGenerator.CARRIER_US_DID, national.carrier());
    NumberValidateResponse gb = pinpoint.phoneNumberValidate(b -> b.numberValidateRequest(
        v -> v.phoneNumber("0" + uk.number().substring(3)).isoCountryCode("GB"))).numberValidateResponse();
    assertEquals(uk.carrier(), gb.carrier());
    assertEquals("44", gb.countryCodeNumeric());

    NumberValidateResponse unknown = pinpoint.phoneNumberValidate(b -> b.numberValidateRequest(
        v -> v.phoneNumber("+19995550100"))).numberValidateResponse();
    assertEquals("INVALID", unknown.phoneType());
    assertNull(unknown.carrier());

    BadRequestException bad = assertThrows(BadRequestException.class,
        () -> pinpoint.phoneNumberValidate(b -> b.numberValidateRequest(v -> v.isoCountryCode("US"))));
    assertEquals(400, bad.statusCode());
    assertEquals("BadRequestException", bad.awsErrorDetails().errorCode());
    assertTrue(bad.awsErrorDetails().errorMessage().contains("PhoneNumber"), bad.awsErrorDetails().errorMessage());
  }

  @Test
  void routing_bySigningName_pinpointPathSignedForConnectIsNotServed() throws IOException {
    String body = "{\"PhoneNumber\":\"" + TelephonyDomain.of(scenario).phoneNumbers().get(1).number() + "\"}";

    Answer asPinpoint = post("/v1/phone/number/validate", "mobiletargeting", body);
    Answer asConnect = post("/v1/phone/number/validate", "connect", body);
    Answer connectPathAsPinpoint = post("/phone-number/list", "mobiletargeting", "{}");

    assertEquals(200, asPinpoint.status(), asPinpoint.body());
    assertTrue(asPinpoint.body().contains(TelephonyGenerator.CARRIER_US_DID), asPinpoint.body());
    assertEquals(404, asConnect.status());
    assertTrue(asConnect.body().contains("signed for connect"), asConnect.body());
    assertEquals(404, connectPathAsPinpoint.status());
    assertEquals(List.of("POST /v1/phone/number/validate (signed for connect)",
        "POST /phone-number/list (signed for mobiletargeting)"), sandbox.unroutedRequests().stream()
        .filter(r -> r.contains("signed for")).toList());
  }

  @Test
  void rateLimits_searchAndDescribeAt2PerSecond_pinpointAt20_answerEachServicesThrottlingError() {
    try (Sandbox limited = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL).withRateLimits(true))) {
      TelephonyDomain telephony = TelephonyDomain.of(limited.scenario());
      SandboxClients own = SandboxClients.unlimited(limited);
      ConnectClient c = own.withoutRetries(ConnectClient.builder());
      PinpointClient p = own.withoutRetries(PinpointClient.builder());
      String id = limited.instance().id();
      String number = telephony.phoneNumbers().get(1).number();
      String numberId = telephony.phoneNumbers().id(1);

      int searchThrottled = 0;
      int describeThrottled = 0;
      int validateThrottled = 0;
      for (int i = 0; i < 12; i++) {
        try {
          c.searchContactFlows(b -> b.instanceId(id).maxResults(1));
        } catch (ThrottlingException e) {
          assertEquals(429, e.statusCode());
          searchThrottled++;
        }
        try {
          c.describePhoneNumber(b -> b.phoneNumberId(numberId));
        } catch (ThrottlingException e) {
          describeThrottled++;
        }
      }
      // Concurrent callers, so Pinpoint's burst of 20 is exceeded however slow the machine is.
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
      try {
        List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
          results.add(pool.submit(() -> {
            try {
              p.phoneNumberValidate(b -> b.numberValidateRequest(v -> v.phoneNumber(number)));
              return false;
            } catch (TooManyRequestsException e) {
              assertEquals(429, e.statusCode());
              assertTrue(e.isThrottlingException());
              return true;
            }
          }));
        }
        for (java.util.concurrent.Future<Boolean> result : results) {
          validateThrottled += result.get(30, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
        }
      } catch (Exception e) {
        throw new IllegalStateException("concurrent validations did not complete", e);
      } finally {
        pool.shutdownNow();
      }

      assertTrue(searchThrottled >= 1 && searchThrottled <= 7, "12 searches exceed 2/s burst 5: " + searchThrottled);
      assertTrue(describeThrottled >= 1 && describeThrottled <= 7, "describes: " + describeThrottled);
      assertTrue(validateThrottled >= 1 && validateThrottled <= 40, "60 validations exceed 20/s: " + validateThrottled);
      assertEquals(Map.of("Connect:SearchContactFlows", (long) searchThrottled,
          "Connect:DescribePhoneNumber", (long) describeThrottled,
          "Pinpoint:PhoneNumberValidate", (long) validateThrottled), limited.throttledCalls());
      assertEquals(60L - validateThrottled, limited.servedCalls().get("Pinpoint:PhoneNumberValidate"));
    }
  }

  @Test
  void faults_pinpointAccessDeniedAndSearchAccessDenied() {
    try (Sandbox faulty = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL)
        .withFault("Pinpoint:PhoneNumberValidate", SandboxFault.ACCESS_DENIED)
        .withFault("Connect:SearchContactFlows", SandboxFault.ACCESS_DENIED)
        .withFault("Connect:DescribePhoneNumber", SandboxFault.SERVER_ERROR))) {
      SandboxClients own = SandboxClients.unlimited(faulty);
      String id = faulty.instance().id();

      PinpointException denied = assertThrows(PinpointException.class, () -> own.withoutRetries(PinpointClient.builder())
          .phoneNumberValidate(b -> b.numberValidateRequest(v -> v.phoneNumber("+12025550101"))));
      assertEquals(403, denied.statusCode());
      assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
      assertTrue(denied.awsErrorDetails().errorMessage().contains("mobiletargeting:PhoneNumberValidate"),
          denied.awsErrorDetails().errorMessage());
      assertTrue(AwsErrors.isAccessDenied(denied));
      var searchDenied = assertThrows(software.amazon.awssdk.services.connect.model.AccessDeniedException.class,
          () -> own.connect().searchContactFlows(b -> b.instanceId(id)));
      assertTrue(AwsErrors.isAccessDenied(searchDenied));
      var failed = assertThrows(software.amazon.awssdk.services.connect.model.InternalServiceException.class,
          () -> own.withoutRetries(ConnectClient.builder()).describePhoneNumber(
              b -> b.phoneNumberId(TelephonyDomain.of(faulty.scenario()).phoneNumbers().id(0))));
      assertEquals(500, failed.statusCode());
      // The fallback the flow analyzer uses still answers.
      assertEquals(FlowsDomain.of(faulty.scenario()).flows().size(), own.connect().listContactFlowsPaginator(
          b -> b.instanceId(id).maxResults(1000)).contactFlowSummaryList().stream().count());
    }
  }

  // ---- helpers ----

  private record Answer(int status, String body) {}

  /** A raw POST whose Authorization header is scoped to {@code signingName} (the sandbox checks scope, not signature). */
  private static Answer post(String path, String signingName, String body) throws IOException {
    HttpURLConnection c = (HttpURLConnection) sandbox.endpoint().resolve(path).toURL().openConnection();
    c.setRequestMethod("POST");
    c.setRequestProperty("Content-Type", "application/json");
    c.setRequestProperty("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDSANDBOX/20250101/us-east-1/"
        + signingName + "/aws4_request, SignedHeaders=host, Signature=00");
    c.setDoOutput(true);
    try (OutputStream out = c.getOutputStream()) {
      out.write(body.getBytes(StandardCharsets.UTF_8));
    }
    int status = c.getResponseCode();
    try (InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream()) {
      return new Answer(status, in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } finally {
      c.disconnect();
    }
  }

  private static String sha256(String content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
  }
}
