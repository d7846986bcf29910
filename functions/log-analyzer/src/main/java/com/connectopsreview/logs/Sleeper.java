package com.connectopsreview.logs;

import java.time.Duration;

/** Waits between Logs Insights polls; tests move a clock instead of sleeping. */
@FunctionalInterface
interface Sleeper {

  Sleeper THREAD = duration -> {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a Logs Insights query", e);
    }
  };

  void sleep(Duration duration);
}
