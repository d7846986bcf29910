package com.connectopsreview.phone;

import static com.connectopsreview.phone.Fixtures.INSTANCE_ARN;
import static com.connectopsreview.phone.Fixtures.INSTANCE_ID;
import static com.connectopsreview.phone.Fixtures.NOW;
import static com.connectopsreview.phone.Fixtures.REVIEW_ID;
import static com.connectopsreview.phone.Fixtures.only;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.sections.PhoneSection;
import com.connectopsreview.shared.sections.PhoneSection.CheckIds;
import com.connectopsreview.shared.sections.SectionContract;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The real SDK 2.40.2 clients, built through {@link AwsClients} (so counted and paced), against
 * WireMock speaking Connect's and Pinpoint's REST-JSON: the exact request shapes of
 * ListPhoneNumbersV2, DescribePhoneNumber and PhoneNumberValidate, and the carrier cache across two runs.
 */
class PhoneAnalyzerWireTest {

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path storeDir;

  @Test
  void run_sendsTheDocumentedRequestShapes_andTheSecondRunMakesNoCarrierLookup() {
    stubConnect();
    stubPinpoint();
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);

    AnalyzerResponse response = runner(store).run(Fixtures.request(NOW.plusSeconds(120)));

    assertEquals(ComponentStatus.OK, response.status(), () -> String.valueOf(response.errors()));
    assertEquals(Map.of("Connect:ListPhoneNumbersV2", 2L, "Connect:ListFlowAssociations", 1L,
        "Connect:DescribeInstance", 1L, "Connect:DescribePhoneNumber", 3L, "Pinpoint:PhoneNumberValidate", 3L),
        response.apiCalls());
    // ListFlowAssociations: GET /flow-associations-summary/{InstanceId}, voice numbers, the largest page.
    WM.verify(1, getRequestedFor(urlPathEqualTo("/flow-associations-summary/" + INSTANCE_ID))
        .withQueryParam("ResourceType", equalTo("VOICE_PHONE_NUMBER"))
        .withQueryParam("maxResults", equalTo("1000")));

    // ListPhoneNumbersV2: POST /phone-number/list, the instance as TargetArn, the largest page, NextToken followed.
    WM.verify(1, postRequestedFor(urlEqualTo("/phone-number/list"))
        .withHeader("Content-Type", containing("application/json"))
        .withHeader("Authorization", containing("/us-east-1/connect/aws4_request"))
        .withRequestBody(equalToJson("{\"TargetArn\":\"" + INSTANCE_ARN + "\",\"MaxResults\":1000}")));
    WM.verify(1, postRequestedFor(urlEqualTo("/phone-number/list"))
        .withRequestBody(equalToJson("{\"TargetArn\":\"" + INSTANCE_ARN + "\",\"MaxResults\":1000,"
            + "\"NextToken\":\"page-2\"}")));
    // DescribePhoneNumber: GET /phone-number/{PhoneNumberId}, once per number.
    for (String id : new String[] {"pn-1", "pn-2", "pn-3"}) {
      WM.verify(1, getRequestedFor(urlEqualTo("/phone-number/" + id)));
    }
    WM.verify(1, getRequestedFor(urlEqualTo("/instance/" + INSTANCE_ID)));
    // PhoneNumberValidate: POST /v1/phone/number/validate, the NumberValidateRequest as the JSON body.
    WM.verify(1, postRequestedFor(urlEqualTo("/v1/phone/number/validate"))
        .withHeader("Content-Type", containing("application/json"))
        .withHeader("Authorization", containing("/us-east-1/mobiletargeting/aws4_request"))
        .withRequestBody(equalToJson("{\"PhoneNumber\":\"+12025550101\",\"IsoCountryCode\":\"US\"}")));
    WM.verify(1, postRequestedFor(urlEqualTo("/v1/phone/number/validate"))
        .withRequestBody(equalToJson("{\"PhoneNumber\":\"+18005550199\",\"IsoCountryCode\":\"US\"}")));
    WM.verify(1, postRequestedFor(urlEqualTo("/v1/phone/number/validate"))
        .withRequestBody(equalToJson("{\"PhoneNumber\":\"+442071234567\",\"IsoCountryCode\":\"GB\"}")));

    AnalyzerResult stored = store.getResult(REVIEW_ID, "phone").orElseThrow();
    SectionContract.assertCurrent(stored.data(), PhoneSection.class);
    JsonNode data = stored.data();
    assertEquals(3, data.get("totalNumbers").asLong());
    assertEquals("Verizon", data.at("/numbers/0/carrier").asText());
    assertEquals("LOOKUP", data.at("/numbers/0/carrierSource").asText());
    assertEquals("CLAIMED", data.at("/numbers/0/status").asText());
    assertEquals("TOLL_FREE", data.at("/numbers/1/type").asText());
    assertEquals("IN_PROGRESS", data.at("/numbers/1/status").asText());
    assertEquals("Claim pending", data.at("/numbers/1/statusMessage").asText());
    assertTrue(data.at("/numbers/2/unused").asBoolean());
    assertTrue(!data.at("/numbers/0/unused").asBoolean() && !data.at("/numbers/1/unused").asBoolean());
    assertEquals("NO_FLOW_ASSOCIATION", data.at("/lookups/unusedRule").asText());
    assertEquals("BT", data.at("/numbers/2/carrier").asText());
    assertEquals(3, data.get("carrierDiversityScore").asInt());
    assertEquals("https://contoso.my.connect.aws/numbers#/", data.at("/links/phoneNumbers").asText());
    assertEquals(Severity.LOW, only(stored.findings(), CheckIds.NUMBER_IN_PROGRESS).severity());
    assertEquals("arn:aws:connect:us-east-1:123456789012:phone-number/pn-3",
        only(stored.findings(), CheckIds.NUMBER_UNUSED).resource());

    // Second review, same store: the carriers come from the cache, nothing is sent to Pinpoint.
    AnalyzerResponse second = runner(store).run(Fixtures.request(NOW.plusSeconds(120)));

    assertEquals(ComponentStatus.OK, second.status(), () -> String.valueOf(second.errors()));
    assertEquals(Map.of("Connect:ListPhoneNumbersV2", 2L, "Connect:ListFlowAssociations", 1L,
        "Connect:DescribeInstance", 1L, "Connect:DescribePhoneNumber", 3L), second.apiCalls());
    WM.verify(3, postRequestedFor(urlEqualTo("/v1/phone/number/validate")));
    AnalyzerResult again = store.getResult(REVIEW_ID, "phone").orElseThrow();
    SectionContract.assertCurrent(again.data(), PhoneSection.class);
    assertEquals("CACHE", again.data().at("/numbers/0/carrierSource").asText());
    assertEquals("Verizon", again.data().at("/numbers/0/carrier").asText());
    assertEquals(3, again.data().at("/lookups/cacheHits").asLong());
  }

  @Test
  void run_whenPinpointIsDenied_storesPartialWithCarriersUnknownAfterOneLookup() {
    stubConnect();
    WM.stubFor(post(urlEqualTo("/v1/phone/number/validate")).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json").withHeader("x-amzn-ErrorType", "AccessDeniedException")
        .withBody("{\"message\":\"User is not authorized to perform: mobiletargeting:PhoneNumberValidate\"}")));
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);

    AnalyzerResponse response = runner(store).run(Fixtures.request(NOW.plusSeconds(120)));

    assertEquals(ComponentStatus.PARTIAL, response.status());
    assertEquals(1L, response.apiCalls().get("Pinpoint:PhoneNumberValidate"));
    assertEquals(1, response.errors().size(), () -> String.valueOf(response.errors()));
    assertTrue(response.errors().get(0).contains("AccessDeniedException from Pinpoint (HTTP 403)"),
        response.errors().get(0));
    AnalyzerResult stored = store.getResult(REVIEW_ID, "phone").orElseThrow();
    SectionContract.assertCurrent(stored.data(), PhoneSection.class);
    assertEquals(3, stored.data().at("/byCarrier/Unknown").asLong());
    assertEquals(3, stored.data().at("/lookups/statusChecked").asLong());
  }

  @Test
  void run_whenListPhoneNumbersIsDenied_storesFailedWithTheReason() {
    WM.stubFor(post(urlEqualTo("/phone-number/list")).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "application/json").withHeader("x-amzn-ErrorType", "AccessDeniedException")
        .withBody("{\"Message\":\"User is not authorized to perform: connect:ListPhoneNumbersV2\"}")));
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);

    AnalyzerResponse response = runner(store).run(Fixtures.request(NOW.plusSeconds(120)));

    assertEquals(ComponentStatus.FAILED, response.status());
    assertEquals(1, response.errors().size());
    assertTrue(response.errors().get(0).startsWith("AccessDeniedException from Connect (HTTP 403)"),
        response.errors().get(0));
    assertEquals(ComponentStatus.FAILED, store.getResult(REVIEW_ID, "phone").orElseThrow().status());
    WM.verify(0, anyRequestedFor(urlEqualTo("/v1/phone/number/validate")));
  }

  // ---- stubs ----

  /** Two pages: a DID and a toll-free number, then a GB DID no flow answers; all target the instance. */
  private static void stubConnect() {
    WM.stubFor(post(urlEqualTo("/phone-number/list")).withRequestBody(notContaining("NextToken"))
        .willReturn(okJson("""
            {"ListPhoneNumbersSummaryList":[
              {"PhoneNumberId":"pn-1","PhoneNumberArn":"arn:aws:connect:us-east-1:123456789012:phone-number/pn-1",
               "PhoneNumber":"+12025550101","PhoneNumberCountryCode":"US","PhoneNumberType":"DID",
               "TargetArn":"%1$s","InstanceId":"%2$s","PhoneNumberDescription":"Main line"},
              {"PhoneNumberId":"pn-2","PhoneNumberArn":"arn:aws:connect:us-east-1:123456789012:phone-number/pn-2",
               "PhoneNumber":"+18005550199","PhoneNumberCountryCode":"US","PhoneNumberType":"TOLL_FREE",
               "TargetArn":"%1$s","InstanceId":"%2$s"}],
             "NextToken":"page-2"}""".formatted(INSTANCE_ARN, INSTANCE_ID))));
    WM.stubFor(post(urlEqualTo("/phone-number/list")).withRequestBody(matchingJsonPath("$.NextToken", equalTo("page-2")))
        .willReturn(okJson("""
            {"ListPhoneNumbersSummaryList":[
              {"PhoneNumberId":"pn-3","PhoneNumberArn":"arn:aws:connect:us-east-1:123456789012:phone-number/pn-3",
               "PhoneNumber":"+442071234567","PhoneNumberCountryCode":"GB","PhoneNumberType":"DID",
               "TargetArn":"%s"}]}""".formatted(INSTANCE_ARN))));
    // A flow answers pn-1 (named by id) and pn-2 (named by ARN); none answers pn-3, though it targets the instance.
    WM.stubFor(get(urlPathEqualTo("/flow-associations-summary/" + INSTANCE_ID)).willReturn(okJson("""
        {"FlowAssociationSummaryList":[
          {"ResourceId":"pn-1","FlowId":"flow-main","ResourceType":"VOICE_PHONE_NUMBER"},
          {"ResourceId":"arn:aws:connect:us-east-1:123456789012:phone-number/pn-2","FlowId":"flow-tf",
           "ResourceType":"VOICE_PHONE_NUMBER"}]}""")));
    WM.stubFor(get(urlEqualTo("/instance/" + INSTANCE_ID)).willReturn(okJson("""
        {"Instance":{"Id":"%s","Arn":"%s","InstanceAccessUrl":"https://contoso.my.connect.aws"}}"""
        .formatted(INSTANCE_ID, INSTANCE_ARN))));
    for (String id : new String[] {"pn-1", "pn-3"}) {
      WM.stubFor(get(urlEqualTo("/phone-number/" + id)).willReturn(okJson("""
          {"ClaimedPhoneNumberSummary":{"PhoneNumberId":"%s","PhoneNumberStatus":{"Status":"CLAIMED"},
           "InstanceId":"%s"}}""".formatted(id, INSTANCE_ID))));
    }
    WM.stubFor(get(urlEqualTo("/phone-number/pn-2")).willReturn(okJson("""
        {"ClaimedPhoneNumberSummary":{"PhoneNumberId":"pn-2",
         "PhoneNumberStatus":{"Status":"IN_PROGRESS","Message":"Claim pending"},"TargetArn":"%s"}}"""
        .formatted(INSTANCE_ARN))));
    WM.stubFor(get(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(404)));
  }

  private static void stubPinpoint() {
    validate("+12025550101", "Verizon", "LANDLINE", "US");
    validate("+18005550199", "Lumen", "TOLLFREE", "US");
    validate("+442071234567", "BT", "LANDLINE", "GB");
  }

  private static void validate(String number, String carrier, String type, String country) {
    WM.stubFor(post(urlEqualTo("/v1/phone/number/validate"))
        .withRequestBody(matchingJsonPath("$.PhoneNumber", equalTo(number)))
        .willReturn(okJson("""
            {"Carrier":"%s","PhoneType":"%s","CountryCodeIso2":"%s","CleansedPhoneNumberE164":"%s"}"""
            .formatted(carrier, type, country, number))));
  }

  // ---- wiring ----

  private AnalyzerRunner runner(LocalDirectoryResultStore store) {
    AwsClients aws = new AwsClients(new ApiCallCounter(ApiRateLimiter.unlimited()), AwsClients.Options.defaults()
        .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWIRETEST", "wire-secret")))
        .withEndpoint(URI.create(WM.baseUrl())));
    return AnalyzerRunner.of(PhoneAnalyzerFactory::create, store, aws, Clock.fixed(NOW, ZoneOffset.UTC));
  }
}
