package com.connectopsreview.orchestrator;

import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.registry.AnalyzerSpec;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs analyzers in this JVM: the local runner and the end-to-end tests wire each analyzer module's
 * runner here (the orchestrator module depends on none of them). The timeout is enforced by
 * {@link ReviewService}, which runs every invocation on its own thread.
 */
public final class InProcessAnalyzerInvoker implements AnalyzerInvoker {

  private final Map<String, Function<AnalyzerRequest, AnalyzerResponse>> analyzers;

  public InProcessAnalyzerInvoker(Map<String, Function<AnalyzerRequest, AnalyzerResponse>> analyzers) {
    this.analyzers = Map.copyOf(analyzers);
  }

  @Override
  public AnalyzerResponse invoke(AnalyzerSpec spec, AnalyzerRequest request, Duration timeout) {
    Function<AnalyzerRequest, AnalyzerResponse> analyzer = analyzers.get(spec.name());
    if (analyzer == null) {
      throw new InvocationException("analyzer '" + spec.name() + "' is not available in this process");
    }
    return analyzer.apply(request);
  }
}
