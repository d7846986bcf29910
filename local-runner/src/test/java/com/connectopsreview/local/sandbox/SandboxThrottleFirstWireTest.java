package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;

/**
 * {@code throttleFirst}: the first N calls of every List* and Search* operation answer the service's
 * own throttling error, in its protocol, through the real SDK clients (without retries); call N+1
 * is served.
 */
@ExtendWith(LoopbackGuardExtension.class)
class SandboxThrottleFirstWireTest {

  private static final int FIRST = 3;

  /** A listing call through the sandbox's clients, given the instance id. */
  @FunctionalInterface
  interface Listing {
    void call(SandboxClients clients, String instanceId);
  }

  static Stream<Arguments> listings() {
    return Stream.of(
        Arguments.of("Connect:ListUsers", 429, "ThrottlingException", (Listing) (c, id) ->
            c.withoutRetries(ConnectClient.builder()).listUsers(b -> b.instanceId(id))),
        Arguments.of("Connect:SearchContactFlows", 429, "ThrottlingException", (Listing) (c, id) ->
            c.withoutRetries(ConnectClient.builder()).searchContactFlows(b -> b.instanceId(id))),
        Arguments.of("ServiceQuotas:ListServiceQuotas", 400, "TooManyRequestsException", (Listing) (c, id) ->
            c.withoutRetries(ServiceQuotasClient.builder()).listServiceQuotas(b -> b.serviceCode("connect"))),
        Arguments.of("CloudWatch:ListMetrics", 400, "Throttling", (Listing) (c, id) ->
            c.withoutRetries(CloudWatchClient.builder()).listMetrics(b -> b.namespace("AWS/Connect"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("listings")
  void firstNCalls_answerTheServicesThrottlingError_thenTheListingIsServed(String operation, int status, String code,
      Listing listing) {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL).withThrottleFirst(FIRST))) {
      SandboxClients clients = SandboxClients.unlimited(sandbox);
      String id = sandbox.instance().id();

      for (int i = 1; i <= FIRST; i++) {
        AwsServiceException e = assertThrows(AwsServiceException.class, () -> listing.call(clients, id));
        assertEquals(status, e.statusCode(), operation + " call " + i);
        assertEquals(code, e.awsErrorDetails().errorCode(), operation + " call " + i);
        assertTrue(e.isThrottlingException(), "the SDK sees a throttling error: " + e);
      }
      listing.call(clients, id);

      assertEquals(Map.of(operation, (long) FIRST), sandbox.throttledCalls());
      assertEquals(Map.of(operation, 1L), sandbox.servedCalls());
    }
  }

  @Test
  void eachListingIsCountedOnItsOwn_andOtherOperationsAreNeverThrottled() {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL).withThrottleFirst(1))) {
      SandboxClients clients = SandboxClients.unlimited(sandbox);
      ConnectClient connect = clients.withoutRetries(ConnectClient.builder());
      String id = sandbox.instance().id();
      Consumer<Runnable> throttled = call -> assertTrue(
          assertThrows(AwsServiceException.class, call::run).isThrottlingException());

      connect.describeInstance(b -> b.instanceId(id));
      throttled.accept(() -> connect.listUsers(b -> b.instanceId(id)));
      connect.listUsers(b -> b.instanceId(id));
      throttled.accept(() -> connect.listQueues(b -> b.instanceId(id)));
      connect.listQueues(b -> b.instanceId(id));
      connect.describeInstance(b -> b.instanceId(id));

      assertEquals(Map.of("Connect:ListUsers", 1L, "Connect:ListQueues", 1L), sandbox.throttledCalls());
      assertEquals(Map.of("Connect:DescribeInstance", 2L, "Connect:ListUsers", 1L, "Connect:ListQueues", 1L),
          sandbox.servedCalls());
    }
  }

  @Test
  void options_throttleFirstIsZeroByDefaultAndNeverNegative() {
    assertEquals(0, SandboxOptions.defaults(SandboxSize.SMALL).throttleFirst());
    assertEquals(4, SandboxOptions.defaults(SandboxSize.SMALL).withThrottleFirst(4).withSeed(7).throttleFirst());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SandboxOptions.defaults(SandboxSize.SMALL).withThrottleFirst(-1));
    assertTrue(e.getMessage().contains("throttleFirst must be zero or more"), e.getMessage());
  }
}
