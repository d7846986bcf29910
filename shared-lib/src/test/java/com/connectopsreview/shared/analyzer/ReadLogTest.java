package com.connectopsreview.shared.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.logging.LogContext;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.testing.TestClock;
import com.connectopsreview.shared.time.TimeBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

class ReadLogTest {

  private final TestClock clock = TestClock.at("2026-11-23T09:00:00Z");
  private final ReadLog log = new ReadLog(new TimeBudget(clock, clock.instant().plusSeconds(60)));

  private static AwsServiceException aws(int status, String code) {
    return AwsServiceException.builder().statusCode(status).awsErrorDetails(AwsErrorDetails.builder()
        .errorCode(code).serviceName("Connect").errorMessage("m").build()).build();
  }

  @Test
  void attempt_returnsTheValueAndLeavesNoError() {
    Outcome<String> outcome = log.attempt("instance attributes", () -> "value");

    assertTrue(outcome.isOk());
    assertEquals("value", outcome.get());
    assertEquals(List.of(), log.errors());
    assertEquals(ComponentStatus.OK, log.output(List.of(), null).status());
  }

  @Test
  void attempt_classifiesDeniedAndFailedWithoutRecordingThem() {
    AwsServiceException denied = aws(403, "AccessDeniedException");

    Outcome<String> d = log.attempt("a", () -> { throw denied; });
    Outcome<String> f = log.attempt("b", () -> { throw aws(500, "InternalServiceException"); });
    Outcome<String> u = log.attempt("c", () -> { throw SdkClientException.create("Connection refused"); });

    assertTrue(d.isDenied());
    assertSame(denied, d.error());
    assertEquals("AccessDeniedException from Connect (HTTP 403): m", d.reason());
    assertTrue(f.isFailed());
    assertTrue(u.isFailed());
    assertEquals("fallback", f.orElse("fallback"));
    assertFalse(log.hasErrors());
  }

  @Test
  void attempt_whenTimeRunsOutInsideTheSdk_stopsEveryLaterReadAndSaysWhatWasLeftOut() {
    AtomicInteger calls = new AtomicInteger();
    SdkClientException wrapped = SdkClientException.builder().message("interceptor")
        .cause(new TimeBudget.BudgetExceededException("time budget spent waiting for a Connect:ListUsers slot"))
        .build();

    Outcome<Long> first = log.attempt("usage of Users", () -> { throw wrapped; });
    Outcome<Long> second = log.attempt("usage of Queues", () -> (long) calls.incrementAndGet());
    Outcome<Long> third = log.attempt(() -> (long) calls.incrementAndGet());

    assertTrue(first.isOutOfTime());
    assertTrue(second.isOutOfTime());
    assertTrue(third.isOutOfTime());
    assertEquals(0, calls.get(), "no read starts once time ran out");
    assertEquals(List.of("time budget spent (time budget spent waiting for a Connect:ListUsers slot); "
        + "not examined: usage of Users; usage of Queues"), log.errors());
    assertEquals(ComponentStatus.PARTIAL, log.output(List.of(), null).status());
  }

  @Test
  void attempt_whenTheCallFindsTheBudgetSpent_isOutOfTimeWithTheCallsReason() {
    clock.advance(Duration.ofMinutes(2));

    Outcome<Integer> outcome = log.attempt("limit of Users", () -> {
      log.budget().check("ServiceQuotas GetServiceQuota L-9A46857E");
      return 1;
    });

    assertTrue(outcome.isOutOfTime());
    assertTrue(log.outOfTimeReason().startsWith("time budget spent before ServiceQuotas GetServiceQuota L-9A46857E"),
        log.outOfTimeReason());
    assertEquals(List.of("time budget spent (" + log.outOfTimeReason() + "); not examined: limit of Users"),
        log.errors());
  }

  @Test
  void attempt_letsProgrammingErrorsFailTheComponent() {
    assertThrows(IllegalStateException.class, () -> log.attempt("x", () -> { throw new IllegalStateException(); }));
  }

  @Test
  void errors_keepTheirOrderAndTheTimeLineComesLast() {
    log.error("flow associations not read");
    log.attempt("a", () -> { throw new TimeBudget.BudgetExceededException("spent"); });
    log.error("carrier lookup failed");

    assertEquals(List.of("flow associations not read", "carrier lookup failed",
        "time budget spent (spent); not examined: a"), log.errors());
  }

  @Test
  void attemptAll_runsTheReadsAtTheSameTimeAndAnswersInOrder() {
    // Each read waits for all three to be running: one after another, the barrier would time out.
    CyclicBarrier allRunning = new CyclicBarrier(3);
    List<ReadLog.Read<String>> reads = List.of(
        new ReadLog.Read<>("a", () -> meet(allRunning, "A")),
        new ReadLog.Read<>("b", () -> meet(allRunning, "B")),
        new ReadLog.Read<>("c", () -> { meet(allRunning, "C"); throw aws(403, "AccessDeniedException"); }));

    List<Outcome<String>> outcomes = log.attemptAll(reads);

    assertEquals("A", outcomes.get(0).get());
    assertEquals("B", outcomes.get(1).get());
    assertTrue(outcomes.get(2).isDenied());
  }

  @Test
  void batch_withParallelismOne_runsTheReadsInTheOrderAdded_andEachKeepsItsOutcome() {
    ReadLog sequential = new ReadLog(new TimeBudget(clock, clock.instant().plusSeconds(60)), 1);
    List<String> order = new ArrayList<>();
    ReadLog.Batch batch = sequential.batch();
    ReadLog.Pending<String> first = batch.add("a", () -> {
      order.add("a");
      return "A";
    });
    ReadLog.Pending<String> second = batch.add("b", () -> {
      order.add("b");
      throw aws(500, "InternalServiceException");
    });

    assertThrows(IllegalStateException.class, first::outcome, "no outcome before the batch ran");
    batch.run();

    assertEquals(List.of("a", "b"), order);
    assertEquals("A", first.outcome().get());
    assertTrue(second.outcome().isFailed());
    assertEquals(Thread.currentThread().getName(), runsOn(sequential));
  }

  private static String runsOn(ReadLog log) {
    ReadLog.Batch batch = log.batch();
    ReadLog.Pending<String> a = batch.add(null, () -> Thread.currentThread().getName());
    batch.add(null, () -> "other");
    batch.run();
    return a.outcome().get();
  }

  @Test
  void constructor_refusesParallelismBelowOne() {
    assertThrows(IllegalArgumentException.class, () -> new ReadLog(log.budget(), 0));
  }

  @Test
  void attemptAll_runsEachReadInTheCallersLogContext() {
    try (LogContext ignored = LogContext.open("r-1", "quota")) {
      List<Outcome<String>> outcomes = log.attemptAll(List.of(
          new ReadLog.Read<>("a", () -> MDC.get(LogContext.REVIEW_ID) + "/" + MDC.get(LogContext.COMPONENT)),
          new ReadLog.Read<>("b", () -> Thread.currentThread().getName())));

      assertEquals("r-1/quota", outcomes.get(0).get());
      assertTrue(outcomes.get(1).get().startsWith("read-quota-"), outcomes.get(1).get());
    }
    assertNull(MDC.get(LogContext.COMPONENT));
  }

  @Test
  void attemptAll_rethrowsAProgrammingError() {
    assertThrows(IllegalArgumentException.class, () -> log.attemptAll(List.of(
        new ReadLog.Read<>("a", () -> "fine"),
        new ReadLog.Read<String>("b", () -> { throw new IllegalArgumentException("bug"); }))));
  }

  private static String meet(CyclicBarrier barrier, String value) {
    try {
      barrier.await(30, TimeUnit.SECONDS);
      return value;
    } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
      throw new IllegalStateException("the reads did not run at the same time", e);
    }
  }
}
