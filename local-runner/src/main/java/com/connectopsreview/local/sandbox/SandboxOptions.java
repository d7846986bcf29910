package com.connectopsreview.local.sandbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the sandbox behaves.
 *
 * @param size the scenario size
 * @param seed the scenario seed: the same seed and size give the same contact center every time
 * @param rateLimits enforce each operation's documented rate limit (token bucket) and answer the
 *     service's real throttling error beyond it
 * @param latency fixed delay added to every answer (zero for none)
 * @param faults operation ({@code Service:Operation}, e.g. {@code Connect:DescribeInstance}) to the
 *     fault injected into every answer of that operation
 */
public record SandboxOptions(
    SandboxSize size, long seed, boolean rateLimits, Duration latency, Map<String, SandboxFault> faults) {

  public static final long DEFAULT_SEED = 42;

  public SandboxOptions {
    Objects.requireNonNull(size, "size");
    latency = latency == null ? Duration.ZERO : latency;
    if (latency.isNegative()) {
      throw new IllegalArgumentException("latency must be zero or more, got " + latency);
    }
    faults = faults == null ? Map.of() : Map.copyOf(faults);
    faults.forEach((operation, fault) -> {
      if (!operation.matches("[A-Za-z0-9]+:[A-Za-z0-9]+")) {
        throw new IllegalArgumentException(
            "fault key '" + operation + "' is not Service:Operation (e.g. Connect:DescribeInstance)");
      }
    });
  }

  /** Seed 42, rate limits off, no latency, no faults. */
  public static SandboxOptions defaults(SandboxSize size) {
    return new SandboxOptions(size, DEFAULT_SEED, false, Duration.ZERO, Map.of());
  }

  public SandboxOptions withSeed(long newSeed) {
    return new SandboxOptions(size, newSeed, rateLimits, latency, faults);
  }

  public SandboxOptions withRateLimits(boolean enabled) {
    return new SandboxOptions(size, seed, enabled, latency, faults);
  }

  public SandboxOptions withLatency(Duration fixed) {
    return new SandboxOptions(size, seed, rateLimits, fixed, faults);
  }

  /** These options plus one more fault ({@code operation} as {@code Service:Operation}). */
  public SandboxOptions withFault(String operation, SandboxFault fault) {
    Map<String, SandboxFault> more = new LinkedHashMap<>(faults);
    more.put(operation, Objects.requireNonNull(fault, "fault"));
    return new SandboxOptions(size, seed, rateLimits, latency, more);
  }
}
