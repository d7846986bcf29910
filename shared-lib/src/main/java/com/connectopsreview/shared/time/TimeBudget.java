package com.connectopsreview.shared.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The time an analyzer may still spend. Analyzers call {@link #check} before each API call or loop
 * iteration; when the budget is spent they stop and store what they have as PARTIAL.
 */
public final class TimeBudget {

  private final Clock clock;
  private final Instant deadline;

  public TimeBudget(Clock clock, Instant deadline) {
    this.clock = clock;
    this.deadline = deadline;
  }

  /**
   * A budget ending {@code reserve} before {@code deadline}, so there is time left to store the result.
   */
  public static TimeBudget until(Clock clock, Instant deadline, Duration reserve) {
    return new TimeBudget(clock, deadline.minus(reserve));
  }

  public Instant deadline() {
    return deadline;
  }

  public Duration remaining() {
    Duration left = Duration.between(clock.instant(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  public boolean isExpired() {
    return !clock.instant().isBefore(deadline);
  }

  /**
   * @param what what is about to start, for the message (e.g. "DescribeInstanceStorageConfig")
   * @throws BudgetExceededException when no time is left
   */
  public void check(String what) {
    if (isExpired()) {
      throw new BudgetExceededException("time budget spent before " + what + " (deadline " + deadline + ")");
    }
  }

  /** Thrown when an analyzer must stop because its time is up. */
  public static final class BudgetExceededException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BudgetExceededException(String message) {
      super(message);
    }
  }
}
