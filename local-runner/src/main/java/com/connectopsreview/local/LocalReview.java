package com.connectopsreview.local;

import com.connectopsreview.orchestrator.InProcessAnalyzerInvoker;
import com.connectopsreview.orchestrator.InProcessReportInvoker;
import com.connectopsreview.orchestrator.Orchestrator;
import com.connectopsreview.orchestrator.OrchestratorConfig;
import com.connectopsreview.shared.privacy.RedactionPolicy;
import com.connectopsreview.orchestrator.OrchestratorFactory;
import com.connectopsreview.report.ReportGenerator;
import com.connectopsreview.shared.analyzer.AnalyzerFactory;
import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.aws.AwsErrors;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.registry.AnalyzerRegistry;
import com.connectopsreview.shared.registry.AnalyzerSpec;
import com.connectopsreview.shared.store.ResultStore;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The whole review in this JVM: the very orchestrator the Lambda runs, with the in-process invoker
 * and every analyzer and the report generator built here. Each analyzer gets clients of its own (so
 * its API calls are counted separately) but all share one rate limiter, as they share the account's
 * API limits in AWS.
 */
final class LocalReview {

  private final Orchestrator orchestrator;
  private final Map<String, Map<String, Long>> apiCalls = new ConcurrentHashMap<>();

  /** @param factories how to build each analyzer of the registry ({@link LocalAnalyzers#forReview}) */
  LocalReview(ResultStore store, AwsClients.Options clientOptions, ApiRateLimiter limiter, String defaultInstanceArn,
      String logGroup, RedactionPolicy redactionPolicy, Map<String, AnalyzerFactory> factories, Progress progress,
      Clock clock) {
    Map<String, Function<AnalyzerRequest, AnalyzerResponse>> analyzers = new LinkedHashMap<>();
    for (AnalyzerSpec spec : AnalyzerRegistry.all()) {
      AnalyzerFactory factory = factories.get(spec.name());
      if (factory == null) {
        throw new IllegalStateException("analyzer '" + spec.name() + "' has no local factory in LocalAnalyzers");
      }
      AwsClients clients = new AwsClients(new ApiCallCounter(limiter), clientOptions);
      AnalyzerRunner runner = AnalyzerRunner.of(factory, store, clients, clock);
      analyzers.put(spec.name(), request -> run(spec.name(), runner, request, progress, clock));
    }
    ReportGenerator report = new ReportGenerator(store, clock);
    this.orchestrator = OrchestratorFactory.create(
        new OrchestratorConfig(defaultInstanceArn, logGroup, Map.of(), "in-process", redactionPolicy), store,
        new InProcessAnalyzerInvoker(analyzers), new InProcessReportInvoker(report::generate), clock);
  }

  Orchestrator orchestrator() {
    return orchestrator;
  }

  /** API calls per component, as each analyzer counted them. */
  Map<String, Map<String, Long>> apiCalls() {
    return Map.copyOf(apiCalls);
  }

  private AnalyzerResponse run(String name, AnalyzerRunner runner, AnalyzerRequest request, Progress progress,
      Clock clock) {
    progress.started(name);
    long start = clock.millis();
    try {
      AnalyzerResponse response = runner.run(request);
      apiCalls.put(name, response.apiCalls());
      progress.finished(name, response);
      return response;
    } catch (RuntimeException e) {
      progress.failed(name, clock.millis() - start, AwsErrors.reason(e));
      throw e;
    }
  }

  /** Time the whole local review may take; generous, the analyzers keep their own deadlines. */
  static final Duration REVIEW_TIME = Duration.ofMinutes(30);
}
