package com.connectopsreview.system;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.instance.InstanceAnalyzerFactory;
import com.connectopsreview.orchestrator.InProcessAnalyzerInvoker;
import com.connectopsreview.orchestrator.InProcessReportInvoker;
import com.connectopsreview.orchestrator.Orchestrator;
import com.connectopsreview.orchestrator.OrchestratorConfig;
import com.connectopsreview.orchestrator.OrchestratorFactory;
import com.connectopsreview.orchestrator.ReviewOutcome;
import com.connectopsreview.report.ReportGenerator;
import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.ReviewManifest;
import com.connectopsreview.shared.model.ReviewStatus;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * A whole review in one JVM, wired as the local runner wires it: the real orchestrator, the real
 * instance analyzer talking the Connect REST protocol to WireMock, the real report generator, and
 * the local-directory store.
 */
class InProcessReviewTest {

  static final String INSTANCE_ID = "11111111-2222-3333-4444-555555555555";
  static final String INSTANCE_ARN = "arn:aws:connect:us-east-1:123456789012:instance/" + INSTANCE_ID;
  static final String INSTANCE_PATH = "/instance/" + INSTANCE_ID;
  static final String XSS_ALIAS = "<script>alert(1)</script>";

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path dir;
  LocalDirectoryResultStore store;
  Orchestrator orchestrator;

  @BeforeEach
  void setUp() {
    store = new LocalDirectoryResultStore(dir);
    Clock clock = Clock.systemUTC();
    ApiCallCounter counter = new ApiCallCounter(ApiRateLimiter.standard());
    AwsClients clients = new AwsClients(counter, AwsClients.Options.defaults()
        .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
        .withEndpoint(URI.create(WM.baseUrl())));
    AnalyzerRunner instance = AnalyzerRunner.of(InstanceAnalyzerFactory::create, store, clients, clock);
    ReportGenerator report = new ReportGenerator(store, clock);
    orchestrator = OrchestratorFactory.create(
        new OrchestratorConfig(INSTANCE_ARN, "/aws/connect/example", Map.of(), "unused"),
        store,
        new InProcessAnalyzerInvoker(Map.of("instance", instance::run)),
        new InProcessReportInvoker(report::generate),
        clock);
    WM.stubFor(get(urlPathEqualTo(INSTANCE_PATH + "/attributes")).willReturn(okJson("""
        {"Attributes":[{"AttributeType":"INBOUND_CALLS","Value":"true"},
          {"AttributeType":"OUTBOUND_CALLS","Value":"true"},
          {"AttributeType":"CONTACTFLOW_LOGS","Value":"true"},
          {"AttributeType":"CONTACT_LENS","Value":"false"}]}""")));
    WM.stubFor(get(urlPathEqualTo(INSTANCE_PATH + "/storage-configs")).willReturn(okJson("""
        {"StorageConfigs":[]}""")));
  }

  private ReviewOutcome review(String body) {
    return orchestrator.review(body.getBytes(StandardCharsets.UTF_8), Instant.now().plusSeconds(900));
  }

  @Test
  void review_storesManifestComponentAndReport_withTheAliasEscaped() throws Exception {
    WM.stubFor(get(urlPathEqualTo(INSTANCE_PATH)).willReturn(okJson("""
        {"Instance":{"Id":"%s","Arn":"%s","IdentityManagementType":"SAML","InstanceAlias":"%s",
          "CreatedTime":1709288130,"InstanceStatus":"ACTIVE","InboundCallsEnabled":true,
          "OutboundCallsEnabled":true,"InstanceAccessUrl":"https://cc.my.connect.aws"}}"""
        .formatted(INSTANCE_ID, INSTANCE_ARN, XSS_ALIAS))));

    ReviewOutcome outcome = review("{\"daysBack\":7,\"reviewId\":\"e2e-ok\",\"analyzers\":[\"instance\"]}");

    assertEquals(ReviewStatus.COMPLETED, outcome.status(), () -> String.valueOf(outcome.errors()));
    assertEquals(Map.of("instance", ComponentStatus.OK), outcome.components());

    ReviewManifest manifest = store.getManifest("e2e-ok").orElseThrow();
    assertEquals(ReviewStatus.COMPLETED, manifest.status());
    assertEquals(ComponentStatus.OK, manifest.components().get("instance").status());
    assertEquals(outcome.report(), manifest.report());

    AnalyzerResult instance = store.getResult("e2e-ok", "instance").orElseThrow();
    assertEquals(XSS_ALIAS, instance.data().at("/instance/alias").asText());
    assertEquals(1L, instance.apiCalls().get("Connect:DescribeInstance"));
    assertTrue(instance.findings().stream().anyMatch(f -> f.checkId().equals("INSTANCE.IDENTITY.SAML")));
    assertTrue(instance.findings().stream().anyMatch(f -> f.checkId().equals("INSTANCE.CONTACT_LENS.DISABLED")));

    String html = new String(store.getArtifact("e2e-ok", "report.html").orElseThrow(), StandardCharsets.UTF_8);
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "alias shown escaped");
    assertFalse(html.contains(XSS_ALIAS), "alias never raw");
    assertFalse(html.toLowerCase().contains("<script"), "no script element at all");
    assertTrue(html.contains("INSTANCE.CONTACT_LENS.DISABLED"));

    JsonNode json = Json.mapper().readTree(store.getArtifact("e2e-ok", "report.json").orElseThrow());
    assertEquals("e2e-ok", json.get("reviewId").asText());
    assertEquals(XSS_ALIAS, json.at("/instance/alias").asText());
    assertEquals(instance.findings().size(), json.get("findings").size());
  }

  @Test
  void review_whenConnectDeniesAccess_completesWithErrorsAndShowsAFailureCard() {
    WM.stubFor(get(urlPathEqualTo(INSTANCE_PATH)).willReturn(aResponse().withStatus(403)
        .withHeader("x-amzn-ErrorType", "AccessDeniedException")
        .withHeader("Content-Type", "application/json")
        .withBody("{\"message\":\"User is not authorized to perform: connect:DescribeInstance\"}")));

    ReviewOutcome outcome = review("{\"reviewId\":\"e2e-denied\",\"analyzers\":[\"instance\"]}");

    assertEquals(ReviewStatus.COMPLETED_WITH_ERRORS, outcome.status());
    ReviewManifest manifest = store.getManifest("e2e-denied").orElseThrow();
    assertEquals(ReviewStatus.COMPLETED_WITH_ERRORS, manifest.status());
    assertEquals(ComponentStatus.FAILED, manifest.components().get("instance").status());
    assertTrue(manifest.components().get("instance").reason().contains("AccessDeniedException"),
        manifest.components().get("instance").reason());

    String html = new String(store.getArtifact("e2e-denied", "report.html").orElseThrow(), StandardCharsets.UTF_8);
    assertTrue(html.contains("failure-card"), "failure card rendered");
    assertTrue(html.contains("AccessDeniedException"), "with its reason");
  }

  @Test
  void review_malformedInput_writesNothing() {
    assertThrowsInvalid("{\"daysBack\":0}");
    assertEquals(0, store.listReviews(INSTANCE_ID, 10).size());
    assertEquals(0, WM.getAllServeEvents().size(), "no AWS call made");
  }

  private void assertThrowsInvalid(String body) {
    org.junit.jupiter.api.Assertions.assertThrows(
        com.connectopsreview.shared.exception.InvalidRequestException.class, () -> review(body));
  }
}
