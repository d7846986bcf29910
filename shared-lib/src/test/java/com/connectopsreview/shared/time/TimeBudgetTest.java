package com.connectopsreview.shared.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TimeBudgetTest {

  /** A clock the test moves by hand. */
  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-11-23T12:00:00Z");

    @Override public ZoneId getZone() { return ZoneOffset.UTC; }
    @Override public Clock withZone(ZoneId zone) { return this; }
    @Override public Instant instant() { return now; }
  }

  @Test
  void until_keepsTheReserveBackAndExpiresOnTime() {
    MovableClock clock = new MovableClock();
    TimeBudget budget = TimeBudget.until(clock, clock.now.plusSeconds(60), Duration.ofSeconds(5));

    assertEquals(Duration.ofSeconds(55), budget.remaining());
    budget.check("first call");
    clock.now = clock.now.plusSeconds(54);
    assertFalse(budget.isExpired());
    clock.now = clock.now.plusSeconds(1);
    assertTrue(budget.isExpired());
    assertEquals(Duration.ZERO, budget.remaining());
    TimeBudget.BudgetExceededException e =
        assertThrows(TimeBudget.BudgetExceededException.class, () -> budget.check("ListUsers page 3"));
    assertTrue(e.getMessage().contains("ListUsers page 3"), e.getMessage());
  }
}
