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
 * @param throttleFirst how many of the first calls of every List* and Search* operation (counted per
 *     {@code Service:Operation}) answer the service's throttling error, whatever the rate; 0 for none
 * @param athenaQueryFaults named Athena query (its {@code -- query: <name>} line, e.g. {@code queue_kpis})
 *     to what every execution of it does instead of succeeding
 */
public record SandboxOptions(
    SandboxSize size, long seed, boolean rateLimits, Duration latency, Map<String, SandboxFault> faults,
    int throttleFirst, Map<String, AthenaQueryFault> athenaQueryFaults) {

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
    if (throttleFirst < 0) {
      throw new IllegalArgumentException("throttleFirst must be zero or more, got " + throttleFirst);
    }
    athenaQueryFaults = athenaQueryFaults == null ? Map.of() : Map.copyOf(athenaQueryFaults);
    athenaQueryFaults.keySet().forEach(name -> {
      if (!name.matches("[a-z][a-z0-9_]*")) {
        throw new IllegalArgumentException("Athena query fault key '" + name + "' is not a query name (e.g. queue_kpis)");
      }
    });
  }

  /** Without Athena query faults. */
  public SandboxOptions(SandboxSize size, long seed, boolean rateLimits, Duration latency,
      Map<String, SandboxFault> faults, int throttleFirst) {
    this(size, seed, rateLimits, latency, faults, throttleFirst, Map.of());
  }

  /** Seed 42, rate limits off, no latency, no faults (nor Athena query faults), nothing throttled up front. */
  public static SandboxOptions defaults(SandboxSize size) {
    return new SandboxOptions(size, DEFAULT_SEED, false, Duration.ZERO, Map.of(), 0);
  }

  public SandboxOptions withSeed(long newSeed) {
    return new SandboxOptions(size, newSeed, rateLimits, latency, faults, throttleFirst, athenaQueryFaults);
  }

  public SandboxOptions withRateLimits(boolean enabled) {
    return new SandboxOptions(size, seed, enabled, latency, faults, throttleFirst, athenaQueryFaults);
  }

  public SandboxOptions withLatency(Duration fixed) {
    return new SandboxOptions(size, seed, rateLimits, fixed, faults, throttleFirst, athenaQueryFaults);
  }

  /** These options plus one more fault ({@code operation} as {@code Service:Operation}). */
  public SandboxOptions withFault(String operation, SandboxFault fault) {
    Map<String, SandboxFault> more = new LinkedHashMap<>(faults);
    more.put(operation, Objects.requireNonNull(fault, "fault"));
    return new SandboxOptions(size, seed, rateLimits, latency, more, throttleFirst, athenaQueryFaults);
  }

  /** These options with the first {@code calls} calls of every List* and Search* operation throttled. */
  public SandboxOptions withThrottleFirst(int calls) {
    return new SandboxOptions(size, seed, rateLimits, latency, faults, calls, athenaQueryFaults);
  }

  /** These options plus one Athena query fault: every execution of query {@code name} does {@code fault}. */
  public SandboxOptions withAthenaQueryFault(String name, AthenaQueryFault fault) {
    Map<String, AthenaQueryFault> more = new LinkedHashMap<>(athenaQueryFaults);
    more.put(name, Objects.requireNonNull(fault, "fault"));
    return new SandboxOptions(size, seed, rateLimits, latency, faults, throttleFirst, more);
  }
}
