package com.connectopsreview.shared.aws;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Proves, for the pinned SDK, that clients built by AwsClients follow the SDK's standard endpoint
 * settings: {@code AWS_ENDPOINT_URL} and the service-specific {@code AWS_ENDPOINT_URL_<SERVICE>}
 * (which wins). Environment variables can only be set for a new process, so each case runs
 * {@link EndpointProbe} in a child JVM.
 */
class AwsClientsEndpointTest {

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @BeforeEach
  void stub() {
    wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("DynamoDB_20120810.ListTables"))
        .willReturn(okForContentType("application/x-amz-json-1.0", "{\"TableNames\":[\"from-wiremock\"]}")));
  }

  @Test
  void globalEndpointVariable_redirectsTheClient() throws Exception {
    String out = runProbe(Map.of("AWS_ENDPOINT_URL", wm.baseUrl()));

    assertTrue(out.contains("tables=[from-wiremock]"), out);
    wm.verify(1, postRequestedFor(urlEqualTo("/")));
  }

  @Test
  void serviceSpecificVariable_winsOverTheGlobalOne() throws Exception {
    // The global one points at a port nobody listens on; only the service-specific one can work.
    String out = runProbe(Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9",
        "AWS_ENDPOINT_URL_DYNAMODB", wm.baseUrl()));

    assertTrue(out.contains("tables=[from-wiremock]"), out);
    wm.verify(1, postRequestedFor(urlEqualTo("/")));
  }

  private static String runProbe(Map<String, String> endpointEnv) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        "-Dorg.springframework.boot.logging.LoggingSystem=none", EndpointProbe.class.getName());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_"));
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "AKIDTEST");
    env.put("AWS_SECRET_ACCESS_KEY", "secret");
    env.put("AWS_CONFIG_FILE", "/nonexistent/config");
    env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials");
    env.put("LOG_LEVEL", "ERROR");
    env.putAll(endpointEnv);
    pb.redirectErrorStream(true);
    Process process = pb.start();
    byte[] output = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(60, TimeUnit.SECONDS), "probe finished");
    String text = new String(output, StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), text);
    return text;
  }
}
