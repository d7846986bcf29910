package com.connectopsreview.flow;

import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.store.ResultStore;
import com.connectopsreview.shared.store.ResultStoreFactory;
import java.time.Clock;
import java.util.Map;

/**
 * Wires the flow analyzer. The Lambda handler uses {@link #fromEnvironment}; the local runner and
 * the end-to-end tests use {@link #create} to run it in-process against their own store and clients.
 * The store serves twice: for the result, and for the flow cache carried from one review to the next.
 */
public final class FlowAnalyzerFunction {

  /** The component name (registry, store key, cache key). */
  public static final String COMPONENT = "flow";

  private FlowAnalyzerFunction() {}

  /** The analyzer over the paced, counted clients of {@code clients}, storing into {@code store}. */
  public static AnalyzerRunner create(ResultStore store, AwsClients clients, Clock clock) {
    return create(store, FlowClients.of(clients), clients.counter(), clock);
  }

  /**
   * The analyzer over any clients (tests point them at a local endpoint); {@code counter} must be
   * the interceptor those clients report their calls to.
   */
  public static AnalyzerRunner create(ResultStore store, FlowClients clients, ApiCallCounter counter, Clock clock) {
    return new AnalyzerRunner(new FlowAnalyzer(clients, store), store, counter, clock);
  }

  /** The deployed wiring: the documented rate limits, the store configured in the environment. */
  static AnalyzerRunner fromEnvironment(Map<String, String> env, Clock clock) {
    AwsClients clients = new AwsClients(new ApiCallCounter(ApiRateLimiter.standard()), AwsClients.Options.defaults());
    return create(ResultStoreFactory.forLambda(env), clients, clock);
  }
}
