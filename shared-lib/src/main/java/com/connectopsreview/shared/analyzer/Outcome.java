package com.connectopsreview.shared.analyzer;

import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.Function;

/**
 * How one budgeted read ended ({@link ReadLog#attempt}): its value, or why there is none.
 *
 * @param kind what happened
 * @param value the read's value when {@link Kind#OK} (may itself be null), else null
 * @param reason one line for the operator when not OK (see {@link com.connectopsreview.shared.aws.AwsErrors#reason})
 * @param error the AWS exception when {@link Kind#DENIED} or {@link Kind#FAILED}, for rules of the caller's own
 */
public record Outcome<T>(Kind kind, T value, String reason, RuntimeException error) {

  public enum Kind {
    /** The read returned a value. */
    OK,
    /** The time budget ran out before or during the read; nothing (more) was read. */
    OUT_OF_TIME,
    /** The caller may not make this call (IAM, SCP). */
    DENIED,
    /** Any other AWS or client error. */
    FAILED
  }

  public Outcome {
    Objects.requireNonNull(kind, "kind");
    if (kind != Kind.OK) {
      Objects.requireNonNull(reason, "reason");
    }
  }

  public static <T> Outcome<T> ok(T value) {
    return new Outcome<>(Kind.OK, value, null, null);
  }

  static <T> Outcome<T> outOfTime(String reason) {
    return new Outcome<>(Kind.OUT_OF_TIME, null, reason, null);
  }

  static <T> Outcome<T> denied(String reason, RuntimeException error) {
    return new Outcome<>(Kind.DENIED, null, reason, error);
  }

  static <T> Outcome<T> failed(String reason, RuntimeException error) {
    return new Outcome<>(Kind.FAILED, null, reason, error);
  }

  public boolean isOk() {
    return kind == Kind.OK;
  }

  public boolean isOutOfTime() {
    return kind == Kind.OUT_OF_TIME;
  }

  public boolean isDenied() {
    return kind == Kind.DENIED;
  }

  public boolean isFailed() {
    return kind == Kind.FAILED;
  }

  /** The value when OK, otherwise {@code fallback}. */
  public T orElse(T fallback) {
    return isOk() ? value : fallback;
  }

  /** The value when OK. */
  public T get() {
    if (!isOk()) {
      throw new NoSuchElementException("no value: " + kind + " (" + reason + ")");
    }
    return value;
  }

  /** The same outcome over a transformed value (only applied when OK). */
  public <R> Outcome<R> map(Function<? super T, ? extends R> mapper) {
    return isOk() ? ok(mapper.apply(value)) : new Outcome<>(kind, null, reason, error);
  }
}
