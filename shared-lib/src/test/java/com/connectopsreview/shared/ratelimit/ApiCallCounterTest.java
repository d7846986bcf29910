package com.connectopsreview.shared.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.testing.TestClock;
import com.connectopsreview.shared.time.TimeBudget;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

class ApiCallCounterTest {

  private static ExecutionAttributes call(String service, String operation) {
    return new ExecutionAttributes()
        .putAttribute(SdkExecutionAttribute.SERVICE_NAME, service)
        .putAttribute(SdkExecutionAttribute.OPERATION_NAME, operation);
  }

  @Test
  void beforeExecution_countsEachCallByServiceAndOperation() {
    ApiCallCounter counter = new ApiCallCounter(ApiRateLimiter.unlimited());
    Map<String, Long> before = counter.snapshot();

    counter.beforeExecution(null, call("Connect", "ListUsers"));
    counter.beforeExecution(null, call("Connect", "ListUsers"));
    counter.beforeExecution(null, call("CloudWatch", "GetMetricData"));

    assertEquals(Map.of("Connect:ListUsers", 2L, "CloudWatch:GetMetricData", 1L), counter.since(before));
  }

  @Test
  void beforeExecution_withTheBudgetSpent_refusesTheCallAndNamesIt() {
    TestClock clock = TestClock.at("2026-11-23T09:00:00Z");
    ApiCallCounter counter = new ApiCallCounter(ApiRateLimiter.unlimited());
    counter.useBudget(new TimeBudget(clock, clock.instant().plusSeconds(1)));
    counter.beforeExecution(null, call("Connect", "ListUsers"));
    clock.advance(Duration.ofSeconds(2));

    TimeBudget.BudgetExceededException e = assertThrows(TimeBudget.BudgetExceededException.class,
        () -> counter.beforeExecution(null, call("Connect", "ListQueues")));

    assertTrue(e.getMessage().contains("Connect ListQueues"), e.getMessage());
    assertEquals(Map.of("Connect:ListUsers", 1L), counter.snapshot());
  }

  @Test
  void constructor_refusesNullSoNoPacingIsSaidOutLoud() {
    assertThrows(NullPointerException.class, () -> new ApiCallCounter(null));
  }
}
