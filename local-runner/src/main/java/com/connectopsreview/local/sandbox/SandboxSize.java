package com.connectopsreview.local.sandbox;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How big the sandbox's contact center is. SMALL reviews in seconds; LARGE and HUGE are for
 * pagination, benchmarks and report stress, and are generated lazily so they start as fast.
 */
public enum SandboxSize {
  SMALL,
  LARGE,
  HUGE;

  /**
   * Parses {@code small}, {@code large} or {@code huge}, in any case.
   *
   * @throws IllegalArgumentException naming the allowed values
   */
  public static SandboxSize parse(String s) {
    String allowed = Arrays.stream(values()).map(v -> v.name().toLowerCase(Locale.ROOT))
        .collect(Collectors.joining(", "));
    if (s == null || s.isBlank()) {
      throw new IllegalArgumentException("sandbox size is empty (allowed: " + allowed + ")");
    }
    try {
      return valueOf(s.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown sandbox size '" + s + "' (allowed: " + allowed + ")", e);
    }
  }
}
