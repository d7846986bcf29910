package com.connectopsreview.local;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code AWS_ENDPOINT_URL=http://127.0.0.1:<port> … review --instance-arn <arn>}: the CLI against a
 * fake of the user's own (here a WireMock the test starts), in a child JVM because only a new
 * process can be given environment variables.
 */
class ExternalEndpointTest {

  static final String ID = "22222222-3333-4444-5555-666666666666";
  static final String ARN = "arn:aws:connect:eu-west-2:123456789012:instance/" + ID;

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance()
      .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")).build();

  @TempDir Path dir;

  @Test
  void review_followsAwsEndpointUrlToAnyFake() throws Exception {
    WM.stubFor(get(urlPathEqualTo("/instance/" + ID)).willReturn(okJson("""
        {"Instance":{"Id":"%s","Arn":"%s","IdentityManagementType":"SAML","InstanceAlias":"my-own-fake",
          "CreatedTime":1709288130,"InstanceStatus":"ACTIVE","InboundCallsEnabled":true,"OutboundCallsEnabled":true}}"""
        .formatted(ID, ARN))));
    WM.stubFor(get(urlPathEqualTo("/instance/" + ID + "/attributes")).willReturn(okJson("""
        {"Attributes":[{"AttributeType":"CONTACTFLOW_LOGS","Value":"true"},{"AttributeType":"CONTACT_LENS","Value":"true"}]}""")));
    WM.stubFor(get(urlPathEqualTo("/instance/" + ID + "/storage-configs")).willReturn(okJson("{\"StorageConfigs\":[]}")));
    Path store = dir.resolve("reviews");

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
        ConnectOpsReviewCli.class.getName(), "review", "--instance-arn", ARN, "--days", "7", "--analyzers", "instance",
        "--store", store.toString(), "--json"));
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_"));
    env.put("AWS_ENDPOINT_URL", WM.baseUrl());
    env.put("AWS_ACCESS_KEY_ID", "AKIDFAKE");
    env.put("AWS_SECRET_ACCESS_KEY", "fake");
    env.put("AWS_CONFIG_FILE", "/nonexistent/config");
    env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    pb.redirectError(dir.resolve("stderr.txt").toFile());
    Process process = pb.start();
    byte[] stdout = process.getInputStream().readAllBytes();
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), "CLI finished");
    String err = Files.readString(dir.resolve("stderr.txt"));

    assertEquals(0, process.exitValue(), "stderr: " + err + " stdout: " + new String(stdout, StandardCharsets.UTF_8));
    JsonNode answer = Json.mapper().readTree(stdout);
    assertEquals("COMPLETED", answer.get("status").asText());
    assertEquals(1, answer.at("/apiCalls/instance/Connect:DescribeInstance").asLong());
    assertTrue(Files.isRegularFile(Path.of(answer.at("/report/html").asText())));
    WM.verify(1, getRequestedFor(urlPathEqualTo("/instance/" + ID)));
  }
}
