package com.connectopsreview.shared.logging;

import java.util.concurrent.Callable;
import org.slf4j.MDC;

/**
 * Puts {@code reviewId} and {@code component} on every log line of the current thread (the JSON
 * layout prints them), and restores what was there on close, so nothing leaks into the next warm
 * invocation. Work handed to other threads must be wrapped with {@link #wrap}.
 */
public final class LogContext implements AutoCloseable {

  public static final String REVIEW_ID = "reviewId";
  public static final String COMPONENT = "component";

  private final String previousReviewId;
  private final String previousComponent;

  private LogContext(String reviewId, String component) {
    this.previousReviewId = MDC.get(REVIEW_ID);
    this.previousComponent = MDC.get(COMPONENT);
    set(REVIEW_ID, reviewId);
    set(COMPONENT, component);
  }

  public static LogContext open(String reviewId, String component) {
    return new LogContext(reviewId, component);
  }

  /** Runs {@code task} on another thread with this thread's review id and the given component. */
  public static <T> Callable<T> wrap(String component, Callable<T> task) {
    String reviewId = MDC.get(REVIEW_ID);
    return () -> {
      try (LogContext ignored = open(reviewId, component)) {
        return task.call();
      }
    };
  }

  @Override
  public void close() {
    set(REVIEW_ID, previousReviewId);
    set(COMPONENT, previousComponent);
  }

  private static void set(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
