package com.connectopsreview.shared.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.testing.TestClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TimeBudgetTest {

  @Test
  void until_keepsTheReserveBackAndExpiresOnTime() {
    TestClock clock = TestClock.at("2026-11-23T12:00:00Z");
    TimeBudget budget = TimeBudget.until(clock, clock.instant().plusSeconds(60), Duration.ofSeconds(5));

    assertEquals(Duration.ofSeconds(55), budget.remaining());
    budget.check("first call");
    clock.advance(Duration.ofSeconds(54));
    assertFalse(budget.isExpired());
    clock.advance(Duration.ofSeconds(1));
    assertTrue(budget.isExpired());
    assertEquals(Duration.ZERO, budget.remaining());
    TimeBudget.BudgetExceededException e =
        assertThrows(TimeBudget.BudgetExceededException.class, () -> budget.check("ListUsers page 3"));
    assertTrue(e.getMessage().contains("ListUsers page 3"), e.getMessage());
  }
}
