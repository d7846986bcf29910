package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.instance.InstanceConfigDomain;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ThrottlingException;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.LimitExceededException;

/** Rate limits, latency and injected faults, seen through the real SDK clients. */
@ExtendWith(LoopbackGuardExtension.class)
class SandboxConstraintsTest {

  @Test
  void rateLimits_withoutClientPacing_connectAnswersThrottlingExceptionAndCountsIt() {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL).withRateLimits(true))) {
      SandboxClients clients = SandboxClients.unlimited(sandbox);
      ConnectClient connect = clients.withoutRetries(ConnectClient.builder());
      String id = sandbox.instance().id();
      int ok = 0;
      int throttled = 0;
      for (int i = 0; i < 12; i++) {
        try {
          connect.describeInstance(b -> b.instanceId(id));
          ok++;
        } catch (ThrottlingException e) {
          assertEquals(429, e.statusCode());
          assertTrue(e.isThrottlingException());
          throttled++;
        }
      }

      assertTrue(ok >= 5, "the burst of 5 is served, got " + ok);
      assertTrue(throttled >= 1, "12 calls at once exceed 2/s with burst 5");
      assertEquals(Map.of("Connect:DescribeInstance", (long) ok), sandbox.servedCalls());
      assertEquals(Map.of("Connect:DescribeInstance", (long) throttled), sandbox.throttledCalls());
      assertEquals(Map.of("Connect:DescribeInstance", 12L), clients.counter().snapshot());
    }
  }

  @Test
  void rateLimits_kinesisAndFirehoseAnswerLimitExceeded() {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL).withRateLimits(true))) {
      InstanceConfigDomain config = InstanceConfigDomain.of(sandbox.scenario());
      SandboxClients clients = SandboxClients.unlimited(sandbox);
      KinesisClient kinesis = clients.withoutRetries(KinesisClient.builder());
      FirehoseClient firehose = clients.withoutRetries(FirehoseClient.builder());
      String stream = config.kinesisStreams().get(0).arn();
      String delivery = config.firehoseStreams().get(0).name();

      // Concurrent callers, so the burst is exceeded however slow the machine is.
      long kinesisLimited = concurrently(40, () -> kinesis.describeStreamSummary(b -> b.streamARN(stream))).stream()
          .filter(e -> e instanceof LimitExceededException).count();
      long firehoseLimited = concurrently(10, () -> firehose.describeDeliveryStream(b -> b.deliveryStreamName(delivery)))
          .stream().filter(e -> e instanceof software.amazon.awssdk.services.firehose.model.LimitExceededException)
          .count();

      assertTrue(kinesisLimited >= 1, "40 calls at once exceed Kinesis' 20/s, burst 20");
      assertTrue(firehoseLimited >= 1, "10 calls at once exceed Firehose's 5/s");
      assertEquals(kinesisLimited, sandbox.throttledCalls().get("Kinesis:DescribeStreamSummary"));
      assertEquals(firehoseLimited, sandbox.throttledCalls().get("Firehose:DescribeDeliveryStream"));
      assertEquals(40 - kinesisLimited, sandbox.servedCalls().get("Kinesis:DescribeStreamSummary"));
      assertEquals(10 - firehoseLimited, sandbox.servedCalls().get("Firehose:DescribeDeliveryStream"));
    }
  }

  @Test
  void rateLimits_withTheStandardClientLimiter_everyCallSucceedsAndServedEqualsCounted() {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL).withRateLimits(true))) {
      SandboxClients clients = new SandboxClients(sandbox, ApiRateLimiter.standard());
      String id = sandbox.instance().id();

      for (int i = 0; i < 9; i++) {
        clients.connect().describeInstance(b -> b.instanceId(id));
      }

      assertEquals(Map.of("Connect:DescribeInstance", 9L), sandbox.servedCalls());
      assertEquals(sandbox.servedCalls(), clients.counter().snapshot());
    }
  }

  @Test
  void latency_delaysEveryAnswer() {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL)
        .withLatency(Duration.ofMillis(300)))) {
      ConnectClient connect = SandboxClients.unlimited(sandbox).connect();
      String id = sandbox.instance().id();
      connect.describeInstance(b -> b.instanceId(id)); // warm-up

      long start = System.nanoTime();
      connect.describeInstance(b -> b.instanceId(id));
      long elapsedMs = (System.nanoTime() - start) / 1_000_000;

      assertTrue(elapsedMs >= 300, "answered after " + elapsedMs + " ms");
    }
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of("Connect:DescribeInstance", SandboxFault.ACCESS_DENIED,
            software.amazon.awssdk.services.connect.model.AccessDeniedException.class, 403, "AccessDeniedException"),
        Arguments.of("Connect:DescribeInstance", SandboxFault.SERVER_ERROR,
            software.amazon.awssdk.services.connect.model.InternalServiceException.class, 500,
            "InternalServiceException"),
        Arguments.of("Connect:DescribeInstance", SandboxFault.MALFORMED_BODY, SdkClientException.class, 200, null),
        Arguments.of("Kinesis:DescribeStreamSummary", SandboxFault.ACCESS_DENIED,
            software.amazon.awssdk.services.kinesis.model.AccessDeniedException.class, 400, "AccessDeniedException"),
        Arguments.of("Kinesis:DescribeStreamSummary", SandboxFault.SERVER_ERROR,
            software.amazon.awssdk.services.kinesis.model.InternalFailureException.class, 500,
            "InternalFailureException"),
        Arguments.of("Kinesis:DescribeStreamSummary", SandboxFault.MALFORMED_BODY, SdkClientException.class, 200, null),
        Arguments.of("Firehose:DescribeDeliveryStream", SandboxFault.ACCESS_DENIED,
            software.amazon.awssdk.services.firehose.model.FirehoseException.class, 400, "AccessDeniedException"),
        Arguments.of("Firehose:DescribeDeliveryStream", SandboxFault.SERVER_ERROR,
            software.amazon.awssdk.services.firehose.model.ServiceUnavailableException.class, 500,
            "ServiceUnavailableException"),
        Arguments.of("Firehose:DescribeDeliveryStream", SandboxFault.MALFORMED_BODY, SdkClientException.class, 200,
            null));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("faults")
  void faults_answerTheServicesOwnErrorForThatOperationOnly(String operation, SandboxFault fault,
      Class<? extends SdkException> expected, int status, String code) {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL).withFault(operation, fault))) {
      SandboxClients clients = SandboxClients.unlimited(sandbox);
      Scenario s = sandbox.scenario();
      Map<String, Runnable> calls = Map.of(
          "Connect:DescribeInstance", () -> clients.withoutRetries(ConnectClient.builder())
              .describeInstance(b -> b.instanceId(InstanceConfigDomain.of(s).instance().ref().id())),
          "Kinesis:DescribeStreamSummary", () -> clients.withoutRetries(KinesisClient.builder())
              .describeStreamSummary(b -> b.streamARN(InstanceConfigDomain.of(s).kinesisStreams().get(0).arn())),
          "Firehose:DescribeDeliveryStream", () -> clients.withoutRetries(FirehoseClient.builder())
              .describeDeliveryStream(
                  b -> b.deliveryStreamName(InstanceConfigDomain.of(s).firehoseStreams().get(0).name())));

      SdkException e = assertThrows(SdkException.class, () -> calls.get(operation).run());

      assertInstanceOf(expected, e);
      if (code == null) {
        assertFalse(e instanceof AwsServiceException, "a malformed 200 is a client-side unmarshalling failure");
      } else {
        AwsServiceException aws = (AwsServiceException) e;
        assertEquals(status, aws.statusCode());
        assertEquals(code, aws.awsErrorDetails().errorCode());
        if (fault == SandboxFault.ACCESS_DENIED) {
          assertTrue(aws.awsErrorDetails().errorMessage().contains("is not authorized to perform"), e.getMessage());
        }
      }
      assertEquals(1L, sandbox.servedCalls().get(operation), "a fault answer is a served call");
      // Other operations are untouched.
      calls.forEach((other, call) -> {
        if (!other.equals(operation)) {
          call.run();
        }
      });
      clients.connect().listUsers(b -> b.instanceId(InstanceConfigDomain.of(s).instance().ref().id()));
    }
  }

  @Test
  void faults_onAnOperationTheSandboxDoesNotServe_areRefusedAtStart() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sandbox.start(
        SandboxOptions.defaults(SandboxSize.SMALL).withFault("Connect:DeleteInstance", SandboxFault.SERVER_ERROR)));

    assertTrue(e.getMessage().startsWith("cannot inject a fault into 'Connect:DeleteInstance': the sandbox does not "
        + "serve it (served: Connect:DescribeInstance"), e.getMessage());
  }

  // ---- helpers ----

  /** Runs {@code count} calls on 8 threads; the exceptions they threw (successes are left out). */
  private static List<SdkException> concurrently(int count, Runnable call) {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<SdkException>> results = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        results.add(pool.submit(() -> {
          try {
            call.run();
            return null;
          } catch (SdkException e) {
            return e;
          }
        }));
      }
      List<SdkException> failures = new ArrayList<>();
      for (Future<SdkException> result : results) {
        SdkException e = result.get(30, TimeUnit.SECONDS);
        if (e != null) {
          failures.add(e);
        }
      }
      return failures;
    } catch (Exception e) {
      throw new IllegalStateException("concurrent calls did not complete", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
