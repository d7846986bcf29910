package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;

/**
 * The guard refuses connections that would leave the loopback interface before anything is sent.
 * Destinations are in TEST-NET-1 (192.0.2.0/24, RFC 5737: never routed) with tiny timeouts, so even
 * a broken guard could not reach a real host.
 */
class LoopbackGuardTest {

  private static final String TEST_NET = "192.0.2.1";

  @Test
  void sdkClient_toANonLoopbackEndpoint_failsWithTheGuardsExceptionAndIsRecorded() {
    try (LoopbackGuard.Installed guard = LoopbackGuard.install()) {
      AwsClients.Options options = AwsClients.Options.defaults()
          .withEndpoint(URI.create("http://" + TEST_NET + ":8443"))
          .withCredentials(Sandbox.credentials())
          .withSocketTimeout(Duration.ofMillis(200), Duration.ofSeconds(2));
      AwsClients clients = new AwsClients(new ApiCallCounter(ApiRateLimiter.unlimited()), new AwsClients.Options(
          Duration.ofMillis(100), options.socketTimeout(), options.apiCallAttemptTimeout(), options.apiCallTimeout(),
          options.credentials(), options.endpoint()));
      ConnectClient connect = clients.client(ConnectClient.class, Region.US_EAST_1, ConnectClient::builder);

      // The SDK does not wrap or retry it: the call fails at once with the guard's message.
      LoopbackViolationException e = assertThrows(LoopbackViolationException.class,
          () -> connect.describeInstance(b -> b.instanceId("11111111-2222-4333-8444-555555555555")));

      assertEquals("http://" + TEST_NET + ":8443", e.target());
      assertEquals(List.of("http://" + TEST_NET + ":8443"), guard.violations());
    }
  }

  @Test
  void plainSocketAndUrlConnection_toANonLoopbackHost_areRefused() throws Exception {
    try (LoopbackGuard.Installed guard = LoopbackGuard.install()) {
      LoopbackViolationException socket = assertThrows(LoopbackViolationException.class, () -> {
        try (Socket s = new Socket()) {
          s.connect(new InetSocketAddress(TEST_NET, 443), 100);
        }
      });
      HttpURLConnection c = (HttpURLConnection) URI.create("http://" + TEST_NET + "/").toURL().openConnection();
      c.setConnectTimeout(100);
      LoopbackViolationException url = assertThrows(LoopbackViolationException.class, c::connect);

      assertEquals("socket://" + TEST_NET + ":443", socket.target());
      assertEquals("http://" + TEST_NET, url.target());
      assertEquals(List.of("socket://" + TEST_NET + ":443", "http://" + TEST_NET), guard.violations());
    }
  }

  @Test
  void hostNames_areNeverResolved_onlyLocalhostPasses() {
    try (LoopbackGuard.Installed guard = LoopbackGuard.install()) {
      assertThrows(LoopbackViolationException.class,
          () -> ProxySelector.getDefault().select(URI.create("https://connect.us-east-1.amazonaws.com/instance/x")));
      assertEquals(List.of("https://connect.us-east-1.amazonaws.com"), guard.violations());
    }
    assertTrue(LoopbackGuard.isLoopback("localhost"));
    assertTrue(LoopbackGuard.isLoopback("127.0.0.1"));
    assertTrue(LoopbackGuard.isLoopback("127.3.4.5"));
    assertTrue(LoopbackGuard.isLoopback("[::1]"));
    assertTrue(LoopbackGuard.isLoopback("::1"));
    assertFalse(LoopbackGuard.isLoopback("128.0.0.1"));
    assertFalse(LoopbackGuard.isLoopback("127.0.0.1.example.com"));
    assertFalse(LoopbackGuard.isLoopback("::2"));
    assertFalse(LoopbackGuard.isLoopback(null));
  }

  @Test
  void loopbackTraffic_passes_andCloseRestoresThePreviousSelector() {
    ProxySelector before = ProxySelector.getDefault();
    try (LoopbackGuard.Installed guard = LoopbackGuard.install();
        Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL))) {
      assertNotSame(before, ProxySelector.getDefault());
      SandboxClients.unlimited(sandbox).connect().describeInstance(b -> b.instanceId(sandbox.instance().id()));

      assertEquals(List.of(), guard.violations());
    }
    assertSame(before, ProxySelector.getDefault());
  }
}
