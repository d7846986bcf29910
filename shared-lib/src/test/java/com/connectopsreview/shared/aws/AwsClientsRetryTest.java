package com.connectopsreview.shared.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.AdaptiveRetryStrategy;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ThrottlingException;

/**
 * The retry behaviour every analyzer inherits, against WireMock answering Connect's throttling
 * error (HTTP 429, {@code ThrottlingException}) as the API reference documents it.
 */
class AwsClientsRetryTest {

  private static final String INSTANCE = "11111111-2222-3333-4444-555555555555";
  private static final String QUEUES = "/queues-summary/" + INSTANCE;

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private ConnectClient connect() {
    AwsClients clients = new AwsClients(new ApiCallCounter(ApiRateLimiter.unlimited()), AwsClients.Options.defaults()
        .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
        .withEndpoint(URI.create(wm.baseUrl())));
    return clients.client(ConnectClient.class, Region.US_EAST_1);
  }

  @Test
  void clientsUseTheStandardStrategy_notAdaptiveClientSideRateLimiting() {
    // Adaptive mode would let one throttled operation slow every other operation on the shared client.
    RetryStrategy strategy = connect().serviceClientConfiguration().overrideConfiguration().retryStrategy()
        .orElseThrow();

    assertTrue(strategy instanceof StandardRetryStrategy, strategy.getClass().getName());
    assertFalse(strategy instanceof AdaptiveRetryStrategy, strategy.getClass().getName());
    assertEquals(3, strategy.maxAttempts());
  }

  @Test
  void twoThrottledAnswers_areRetriedAndTheThirdAttemptSucceeds() {
    throttle(Scenario.STARTED, "second");
    throttle("second", "served");
    wm.stubFor(get(urlPathEqualTo(QUEUES)).inScenario("throttle").whenScenarioStateIs("served")
        .willReturn(okJson("{\"QueueSummaryList\":[{\"Id\":\"q-1\",\"Name\":\"Sales\"}]}")));

    var response = connect().listQueues(r -> r.instanceId(INSTANCE));

    assertEquals("Sales", response.queueSummaryList().get(0).name());
    wm.verify(3, getRequestedFor(urlPathEqualTo(QUEUES)));
  }

  @Test
  void throttlingThatOutlastsThreeAttempts_surfacesAsThrottlingException() {
    wm.stubFor(get(urlPathEqualTo(QUEUES)).willReturn(throttled()));

    ThrottlingException e = assertThrows(ThrottlingException.class,
        () -> connect().listQueues(r -> r.instanceId(INSTANCE)));

    assertEquals(429, e.statusCode());
    wm.verify(3, getRequestedFor(urlPathEqualTo(QUEUES)));
  }

  private static void throttle(String state, String next) {
    wm.stubFor(get(urlPathEqualTo(QUEUES)).inScenario("throttle")
        .whenScenarioStateIs(state)
        .willReturn(throttled()).willSetStateTo(next));
  }

  private static ResponseDefinitionBuilder throttled() {
    return aResponse().withStatus(429)
        .withHeader("Content-Type", "application/json")
        .withHeader("x-amzn-ErrorType", "ThrottlingException")
        .withBody("{\"message\":\"Rate exceeded\"}");
  }
}
