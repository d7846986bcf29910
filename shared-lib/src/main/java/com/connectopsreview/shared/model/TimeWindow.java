package com.connectopsreview.shared.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Half-open analysis window [start, end) in UTC. */
public record TimeWindow(Instant start, Instant end) {

  public TimeWindow {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("window start " + start + " is not before end " + end);
    }
  }

  public static TimeWindow lastDays(Instant end, int days) {
    return new TimeWindow(end.minus(Duration.ofDays(days)), end);
  }

  public Duration length() {
    return Duration.between(start, end);
  }
}
