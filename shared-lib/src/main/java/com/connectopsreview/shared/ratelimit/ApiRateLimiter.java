package com.connectopsreview.shared.ratelimit;

import com.connectopsreview.shared.time.TimeBudget;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Paces calls per API operation with one Bucket4j token bucket per operation. Amazon Connect's
 * List/Describe APIs default to 2 requests/s with a burst of 5 per account and region, and that
 * budget is shared with the production contact center, so the review stays inside it.
 *
 * <p>Operation keys are {@code service:Operation} as recorded by {@link ApiCallCounter}, e.g.
 * {@code Connect:DescribeInstance}. Operations without an explicit limit use the service default,
 * then the global default.
 */
public final class ApiRateLimiter {

  /** A sustained rate and a burst. */
  public record Limit(double perSecond, long burst) {
    public Limit {
      if (perSecond <= 0 || burst < 1) {
        throw new IllegalArgumentException("rate limit must be > 0/s with burst >= 1");
      }
    }
  }

  /** Amazon Connect's documented default for most APIs: 2 requests per second, burst 5. */
  public static final Limit CONNECT_DEFAULT = new Limit(2, 5);

  /**
   * What the review allows itself against Connect: a fifth below the documented limit, so it never
   * causes throttling and leaves headroom for the contact center that shares the account's budget.
   * (Pacing at exactly 2/s still drew throttles from a server enforcing 2/s: the buckets drift.)
   */
  public static final Limit CONNECT_PACE = new Limit(1.6, 4);

  private final Limit globalDefault;
  private final Map<String, Limit> serviceDefaults;
  private final Map<String, Limit> operationLimits;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private final boolean paced;

  public ApiRateLimiter(Limit globalDefault, Map<String, Limit> serviceDefaults, Map<String, Limit> operationLimits) {
    this(globalDefault, serviceDefaults, operationLimits, true);
  }

  private ApiRateLimiter(Limit globalDefault, Map<String, Limit> serviceDefaults, Map<String, Limit> operationLimits,
      boolean paced) {
    this.globalDefault = globalDefault;
    this.serviceDefaults = Map.copyOf(serviceDefaults);
    this.operationLimits = Map.copyOf(operationLimits);
    this.paced = paced;
  }

  /**
   * Pinpoint's phone-number validation (a lookup per number on a first review): 16/s, a fifth under
   * the 20/s the sandbox enforces for it, in the spirit of {@link #CONNECT_PACE}.
   */
  public static final Limit PHONE_VALIDATE_PACE = new Limit(16, 16);

  /**
   * CloudTrail LookupEvents: its documented 2 requests/s per account and Region, burst 1, so no
   * second ever carries more than 2 (its pages follow one another anyway, each needing the last token).
   */
  public static final Limit LOOKUP_EVENTS_PACE = new Limit(2, 1);

  /**
   * Connect below its documented default ({@link #CONNECT_PACE}), Pinpoint phone validation at
   * {@link #PHONE_VALIDATE_PACE}, CloudTrail LookupEvents at {@link #LOOKUP_EVENTS_PACE}; other
   * services at 5/s burst 5.
   */
  public static ApiRateLimiter standard() {
    return new ApiRateLimiter(new Limit(5, 5), Map.of("Connect", CONNECT_PACE),
        Map.of("Pinpoint:PhoneNumberValidate", PHONE_VALIDATE_PACE, "CloudTrail:LookupEvents", LOOKUP_EVENTS_PACE));
  }

  /**
   * No pacing at all: for clients whose calls the review does not need to pace (the store, the
   * orchestrator's Lambda invokes) and for tests.
   */
  public static ApiRateLimiter unlimited() {
    return UNLIMITED;
  }

  private static final ApiRateLimiter UNLIMITED =
      new ApiRateLimiter(new Limit(1_000_000, 1_000_000), Map.of(), Map.of(), false);

  /**
   * Blocks until a call to {@code service:operation} is allowed.
   *
   * @throws TimeBudget.BudgetExceededException if waiting would pass the budget's deadline
   * @throws IllegalStateException if the thread is interrupted while waiting
   */
  public void acquire(String service, String operation, TimeBudget budget) {
    if (!paced) {
      return;
    }
    Bucket bucket = buckets.computeIfAbsent(service + ":" + operation, k -> newBucket(service, k));
    Duration maxWait = budget == null ? Duration.ofMinutes(15) : budget.remaining();
    try {
      // Bucket4j refuses a zero wait; with no time left only a token already there will do.
      boolean granted = maxWait.isZero() ? bucket.tryConsume(1) : bucket.asBlocking().tryConsume(1, maxWait);
      if (!granted) {
        throw new TimeBudget.BudgetExceededException(
            "time budget spent waiting for a " + service + ":" + operation + " rate-limit slot");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting to call " + service + ":" + operation, e);
    }
  }

  /** The limit that applies to an operation. */
  public Limit limitFor(String service, String operation) {
    String key = service + ":" + operation;
    return operationLimits.getOrDefault(key, serviceDefaults.getOrDefault(service, globalDefault));
  }

  private Bucket newBucket(String service, String key) {
    Limit limit = limitFor(service, key.substring(service.length() + 1));
    long refillNanos = Math.max(1, Math.round(1_000_000_000d / limit.perSecond()));
    Bandwidth bandwidth = Bandwidth.builder()
        .capacity(limit.burst())
        .refillGreedy(1, Duration.ofNanos(refillNanos))
        .build();
    return Bucket.builder().addLimit(bandwidth).build();
  }
}
