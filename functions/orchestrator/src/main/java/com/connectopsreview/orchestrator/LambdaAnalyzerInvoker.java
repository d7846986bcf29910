package com.connectopsreview.orchestrator;

import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.registry.AnalyzerSpec;
import java.time.Duration;
import java.util.Map;

/**
 * Invokes each analyzer's Lambda function synchronously (RequestResponse). Function names come from
 * the environment variables the analyzer registry names. The invoke's own call timeout is the
 * analyzer's timeout; the Lambda client's socket timeout must be at least as long (see
 * {@link OrchestratorFactory}).
 */
public final class LambdaAnalyzerInvoker implements AnalyzerInvoker {

  private final LambdaFunctionCaller caller;
  private final Map<String, String> functionNames;

  /** @param functionNames component name -> function name or ARN */
  public LambdaAnalyzerInvoker(LambdaFunctionCaller caller, Map<String, String> functionNames) {
    this.caller = caller;
    this.functionNames = Map.copyOf(functionNames);
  }

  @Override
  public AnalyzerResponse invoke(AnalyzerSpec spec, AnalyzerRequest request, Duration timeout) {
    String function = functionNames.get(spec.name());
    if (function == null) {
      throw new InvocationException("no function configured for analyzer '" + spec.name() + "' (set "
          + spec.functionEnvVar() + ")");
    }
    byte[] payload = caller.call(function, Json.toBytes(request), timeout);
    AnalyzerResponse response = Json.fromBytes(payload, AnalyzerResponse.class);
    if (response.status() == null || !spec.name().equals(response.component())) {
      throw new InvocationException("function " + function + " answered for component '"
          + response.component() + "' with status " + response.status() + ", expected '" + spec.name() + "'");
    }
    return response;
  }
}
