package com.connectopsreview.shared.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.time.TimeBudget;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiRateLimiterTest {

  /** A budget with no time left: acquire may only take a token that is already there. */
  private static TimeBudget spent() {
    return new TimeBudget(Clock.systemUTC(), Instant.now().minusSeconds(1));
  }

  @Test
  void acquire_allowsTheBurstThenRefusesToWaitPastTheBudget() {
    ApiRateLimiter limiter = new ApiRateLimiter(new ApiRateLimiter.Limit(0.5, 3), Map.of(), Map.of());

    for (int i = 0; i < 3; i++) {
      limiter.acquire("Connect", "ListUsers", spent());
    }
    TimeBudget.BudgetExceededException e = assertThrows(TimeBudget.BudgetExceededException.class,
        () -> limiter.acquire("Connect", "ListUsers", spent()));

    assertTrue(e.getMessage().contains("Connect:ListUsers"), e.getMessage());
  }

  @Test
  void acquire_keepsOneBucketPerOperation() {
    ApiRateLimiter limiter = new ApiRateLimiter(new ApiRateLimiter.Limit(0.5, 1), Map.of(), Map.of());

    limiter.acquire("Connect", "ListUsers", spent());
    limiter.acquire("Connect", "ListQueues", spent()); // its own bucket, still full

    assertThrows(TimeBudget.BudgetExceededException.class, () -> limiter.acquire("Connect", "ListUsers", spent()));
  }

  @Test
  void limitFor_prefersOperationThenServiceThenGlobal() {
    ApiRateLimiter limiter = new ApiRateLimiter(new ApiRateLimiter.Limit(10, 10),
        Map.of("Connect", ApiRateLimiter.CONNECT_DEFAULT),
        Map.of("Connect:GetMetricDataV2", new ApiRateLimiter.Limit(5, 8)));

    assertEquals(new ApiRateLimiter.Limit(5, 8), limiter.limitFor("Connect", "GetMetricDataV2"));
    assertEquals(new ApiRateLimiter.Limit(2, 5), limiter.limitFor("Connect", "DescribeInstance"));
    assertEquals(new ApiRateLimiter.Limit(10, 10), limiter.limitFor("Kinesis", "DescribeStreamSummary"));
  }

  @Test
  void standard_pacesConnectBelowItsDocumentedDefault() {
    ApiRateLimiter.Limit pace = ApiRateLimiter.standard().limitFor("Connect", "ListQueues");

    assertTrue(pace.perSecond() < ApiRateLimiter.CONNECT_DEFAULT.perSecond());
    assertTrue(pace.burst() < ApiRateLimiter.CONNECT_DEFAULT.burst());
  }

  @Test
  void standard_pacesPhoneValidationFasterThanOtherServicesButOnlyThatOperation() {
    ApiRateLimiter standard = ApiRateLimiter.standard();

    assertEquals(ApiRateLimiter.PHONE_VALIDATE_PACE, standard.limitFor("Pinpoint", "PhoneNumberValidate"));
    assertEquals(5.0, standard.limitFor("Pinpoint", "GetApps").perSecond());
  }

  @Test
  void standard_pacesCloudTrailLookupEventsAtItsDocumentedTwoPerSecondWithoutBurst() {
    ApiRateLimiter standard = ApiRateLimiter.standard();

    assertEquals(new ApiRateLimiter.Limit(2, 1), standard.limitFor("CloudTrail", "LookupEvents"));
    assertEquals(5.0, standard.limitFor("CloudTrail", "DescribeTrails").perSecond());
  }

  @Test
  void limit_rejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> new ApiRateLimiter.Limit(0, 5));
    assertThrows(IllegalArgumentException.class, () -> new ApiRateLimiter.Limit(2, 0));
  }

  @Test
  void unlimited_neverWaitsEvenWithNoTimeLeft() {
    ApiRateLimiter limiter = ApiRateLimiter.unlimited();

    // Far beyond any bucket: a paced limiter would refuse with a spent budget.
    for (int i = 0; i < 10_000; i++) {
      limiter.acquire("Connect", "ListUsers", spent());
    }
  }
}
