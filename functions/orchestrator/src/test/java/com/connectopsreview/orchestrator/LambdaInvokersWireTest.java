package com.connectopsreview.orchestrator;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.ReportRequest;
import com.connectopsreview.shared.model.ReportResponse;
import com.connectopsreview.shared.model.TimeWindow;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.registry.AnalyzerRegistry;
import com.connectopsreview.shared.registry.AnalyzerSpec;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/** The Lambda adapters against a WireMock endpoint speaking the Lambda Invoke REST protocol. */
class LambdaInvokersWireTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String PATH = "/2015-03-31/functions/review-instance-analyzer/invocations";
  final AnalyzerSpec spec = AnalyzerRegistry.require("instance");
  ApiCallCounter counter;
  LambdaFunctionCaller caller;

  @BeforeEach
  void setUp() {
    counter = new ApiCallCounter(ApiRateLimiter.unlimited());
    AwsClients clients = new AwsClients(counter, OrchestratorFactory.lambdaTimeouts()
        .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
        .withEndpoint(URI.create(wm.baseUrl())));
    LambdaClient lambda = clients.client(LambdaClient.class, Region.US_EAST_1, LambdaClient::builder);
    caller = new LambdaFunctionCaller(lambda);
  }

  private AnalyzerRequest request() {
    InstanceRef instance = InstanceRef.parse(Fixtures.INSTANCE_ARN);
    return new AnalyzerRequest("r-1", "instance", instance, TimeWindow.lastDays(Fixtures.NOW, 7),
        Fixtures.NOW.plusSeconds(120), Map.of());
  }

  @Test
  void invoke_sendsRequestSynchronouslyAndReadsTheAnswer() {
    AnalyzerResponse answer = new AnalyzerResponse("r-1", "instance", ComponentStatus.PARTIAL, 1234,
        Map.of("Connect:DescribeInstance", 1L), 3, List.of("stream x could not be described"));
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(Json.toBytes(answer))));

    AnalyzerResponse got = new LambdaAnalyzerInvoker(caller, Map.of("instance", "review-instance-analyzer"))
        .invoke(spec, request(), Duration.ofSeconds(10));

    assertEquals(answer, got);
    wm.verify(postRequestedFor(urlEqualTo(PATH))
        .withHeader("X-Amz-Invocation-Type", equalTo("RequestResponse"))
        .withRequestBody(matchingJsonPath("$.reviewId", equalTo("r-1")))
        .withRequestBody(matchingJsonPath("$.instance.id", equalTo(Fixtures.INSTANCE_ID)))
        .withRequestBody(matchingJsonPath("$.deadline", equalTo("2026-11-23T12:02:00Z"))));
    assertEquals(Map.of("Lambda:Invoke", 1L), counter.snapshot());
  }

  @Test
  void invoke_whenFunctionErrors_reportsLambdasErrorTypeAndMessage() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200)
        .withHeader("X-Amz-Function-Error", "Unhandled")
        .withHeader("Content-Type", "application/json")
        .withBody("{\"errorType\":\"Sandbox.Timedout\",\"errorMessage\":\"Task timed out after 180.00 seconds\"}")));

    InvocationException e = assertThrows(InvocationException.class, () -> new LambdaAnalyzerInvoker(caller,
        Map.of("instance", "review-instance-analyzer")).invoke(spec, request(), Duration.ofSeconds(10)));

    assertTrue(e.getMessage().contains("Sandbox.Timedout: Task timed out after 180.00 seconds"), e.getMessage());
  }

  @Test
  void invoke_whenAnswerSlowerThanTimeout_givesUpAtTheTimeout() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withFixedDelay(5_000)
        .withBody("{}")));

    assertThrows(SdkException.class, () -> new LambdaAnalyzerInvoker(caller,
        Map.of("instance", "review-instance-analyzer")).invoke(spec, request(), Duration.ofMillis(800)));
  }

  @Test
  void invoke_whenFunctionAnswersForAnotherComponent_refusesTheAnswer() {
    AnalyzerResponse wrong = new AnalyzerResponse("r-1", "quota", ComponentStatus.OK, 1, Map.of(), 0, List.of());
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(200).withBody(Json.toBytes(wrong))));

    assertThrows(InvocationException.class, () -> new LambdaAnalyzerInvoker(caller,
        Map.of("instance", "review-instance-analyzer")).invoke(spec, request(), Duration.ofSeconds(10)));
  }

  @Test
  void render_invokesTheReportFunction() {
    ReportResponse answer = new ReportResponse("r-1", "s3://b/reports/x/r-1/report.html",
        "s3://b/reports/x/r-1/report.json", 4);
    wm.stubFor(post(urlEqualTo("/2015-03-31/functions/review-report/invocations"))
        .willReturn(aResponse().withStatus(200).withBody(Json.toBytes(answer))));

    assertEquals(answer, new LambdaReportInvoker(caller, "review-report")
        .render(new ReportRequest("r-1"), Duration.ofSeconds(10)));
  }

  @Test
  void lambdaTimeouts_outlastTheLongestAnalyzerAndTheReport() {
    AwsClients.Options options = OrchestratorFactory.lambdaTimeouts();

    assertTrue(options.socketTimeout().compareTo(AnalyzerRegistry.longestTimeout()) > 0);
    assertTrue(options.socketTimeout().compareTo(AnalyzerRegistry.REPORT_TIMEOUT) > 0);
    assertTrue(options.apiCallTimeout().compareTo(options.socketTimeout()) > 0);
  }
}
