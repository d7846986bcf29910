package com.connectopsreview.shared.ratelimit;

import com.connectopsreview.shared.time.TimeBudget;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * SDK interceptor that counts every API call by {@code Service:Operation} and paces it with the
 * rate limiter before it is sent ({@link ApiRateLimiter#unlimited()} to count without pacing). One
 * logical call is counted once, however many attempts the retry strategy makes. While an invocation's
 * budget is set, no call starts after it is spent.
 *
 * <p>Counts are cumulative for the life of the clients (an execution environment); callers take a
 * {@link #snapshot()} at the start of an invocation and report {@link #since(Map)} at its end.
 */
public final class ApiCallCounter implements ExecutionInterceptor {

  private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
  private final ApiRateLimiter limiter;
  private final AtomicReference<TimeBudget> budget = new AtomicReference<>();

  public ApiCallCounter(ApiRateLimiter limiter) {
    this.limiter = Objects.requireNonNull(limiter, "limiter (ApiRateLimiter.unlimited() for no pacing)");
  }

  /** The budget rate-limit waits must respect (the current invocation's), or null for none. */
  public void useBudget(TimeBudget current) {
    budget.set(current);
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    TimeBudget current = budget.get();
    if (current != null) {
      current.check(service + " " + operation);
    }
    limiter.acquire(service, operation, current);
    counts.computeIfAbsent(service + ":" + operation, k -> new AtomicLong()).incrementAndGet();
  }

  public Map<String, Long> snapshot() {
    Map<String, Long> copy = new TreeMap<>();
    counts.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  /** Calls made since {@code earlier} was taken, zero entries dropped. */
  public Map<String, Long> since(Map<String, Long> earlier) {
    Map<String, Long> delta = new TreeMap<>();
    snapshot().forEach((k, v) -> {
      long d = v - earlier.getOrDefault(k, 0L);
      if (d > 0) {
        delta.put(k, d);
      }
    });
    return delta;
  }
}
