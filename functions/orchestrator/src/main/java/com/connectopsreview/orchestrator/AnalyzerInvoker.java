package com.connectopsreview.orchestrator;

import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.registry.AnalyzerSpec;
import java.time.Duration;

/**
 * Port through which the orchestrator runs one analyzer. Adapters: {@link LambdaAnalyzerInvoker}
 * (deployed: a synchronous Lambda invoke) and {@link InProcessAnalyzerInvoker} (local runner, tests).
 * Any exception means the analyzer failed; the orchestrator records it and carries on with the others.
 */
public interface AnalyzerInvoker {

  AnalyzerResponse invoke(AnalyzerSpec spec, AnalyzerRequest request, Duration timeout);
}
