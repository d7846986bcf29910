package com.connectopsreview.shared.analyzer;

import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.aws.AwsErrors;
import com.connectopsreview.shared.logging.LogContext;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.store.ResultStore;
import com.connectopsreview.shared.store.ResultStoreFactory;
import com.connectopsreview.shared.time.TimeBudget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@link Analyzer} the way every analyzer runs: inside its time budget, with its API calls
 * counted, its failure turned into a FAILED result with a reason an operator can act on, and the
 * result stored before the answer goes back to the invoker.
 */
public final class AnalyzerRunner {

  private static final Logger LOG = LoggerFactory.getLogger(AnalyzerRunner.class);

  /** Time kept back from the deadline to store the result. */
  public static final Duration STORE_RESERVE = Duration.ofSeconds(5);

  private final Analyzer analyzer;
  private final ResultStore store;
  private final ApiCallCounter counter;
  private final Clock clock;

  public AnalyzerRunner(Analyzer analyzer, ResultStore store, ApiCallCounter counter, Clock clock) {
    this.analyzer = analyzer;
    this.store = store;
    this.counter = counter;
    this.clock = clock;
  }

  /**
   * The deployed wiring of an analyzer: clients paced at the documented rate limits
   * ({@link ApiRateLimiter#standard()}), the store the function's environment configures.
   */
  public static AnalyzerRunner fromEnvironment(Map<String, String> env, Clock clock, AnalyzerFactory factory) {
    AwsClients clients = new AwsClients(new ApiCallCounter(ApiRateLimiter.standard()), AwsClients.Options.defaults());
    ResultStore store = ResultStoreFactory.forLambda(env);
    return new AnalyzerRunner(factory.create(clients, store, clock), store, clients.counter(), clock);
  }

  /** An analyzer over the paced, counted clients of {@code clients} (the local runner's wiring). */
  public static AnalyzerRunner of(AnalyzerFactory factory, ResultStore store, AwsClients clients, Clock clock) {
    return new AnalyzerRunner(factory.create(clients, store, clock), store, clients.counter(), clock);
  }

  /** The store results go to (a handler that records more than the result, e.g. an export run's manifest). */
  public ResultStore store() {
    return store;
  }

  /**
   * Analyzes, stores the result and returns its summary.
   *
   * @throws com.connectopsreview.shared.exception.StoreException if the result cannot be stored; the
   *     invoker then records the component as FAILED
   */
  public AnalyzerResponse run(AnalyzerRequest request) {
    try (LogContext ignored = LogContext.open(request.reviewId(), request.component())) {
      Instant started = clock.instant();
      Map<String, Long> before = counter.snapshot();
      TimeBudget budget = TimeBudget.until(clock, request.deadline(), STORE_RESERVE);
      counter.useBudget(budget);
      LOG.info("analyzer started; window {} .. {}, budget {} s", request.window().start(),
          request.window().end(), budget.remaining().toSeconds());

      AnalysisOutput output;
      try {
        output = analyzer.analyze(request, budget);
      } catch (RuntimeException e) {
        output = new AnalysisOutput(ComponentStatus.FAILED, List.of(), null, List.of(AwsErrors.reason(e)));
        LOG.warn("analyzer failed: {}", AwsErrors.reason(e));
      } finally {
        counter.useBudget(null);
      }

      long duration = Duration.between(started, clock.instant()).toMillis();
      AnalyzerResult result = new AnalyzerResult(
          request.reviewId(), request.component(), output.status(), started, duration,
          counter.since(before), output.findings(), output.data(), output.errors());
      store.putResult(result);
      LOG.info("analyzer finished: status {}, {} findings, {} ms, API calls {}", result.status(),
          result.findings().size(), duration, result.apiCalls());
      return AnalyzerResponse.of(result);
    }
  }
}
