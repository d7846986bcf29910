package com.connectopsreview.orchestrator;

import com.connectopsreview.shared.exception.ConfigurationException;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.registry.AnalyzerRegistry;
import com.connectopsreview.shared.registry.AnalyzerSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The orchestrator's settings, read once from the environment at init. A missing or malformed value
 * fails the cold start with a message naming the variable.
 *
 * @param defaultInstanceArn CONNECT_INSTANCE_ARN: the instance reviewed when a request names none
 * @param logGroup CONNECT_CW_LOG_GROUP: flow-log group passed to the analyzers (may be null)
 * @param analyzerFunctions component -> function name, from each registry entry's variable
 * @param reportFunction REPORT_GENERATOR_FUNCTION
 */
public record OrchestratorConfig(
    String defaultInstanceArn,
    String logGroup,
    Map<String, String> analyzerFunctions,
    String reportFunction) {

  public static OrchestratorConfig fromEnvironment(Map<String, String> env) {
    String arn = blankToNull(env.get("CONNECT_INSTANCE_ARN"));
    if (arn != null) {
      try {
        InstanceRef.parse(arn);
      } catch (IllegalArgumentException e) {
        throw new ConfigurationException("CONNECT_INSTANCE_ARN is malformed: " + e.getMessage());
      }
    }
    Map<String, String> functions = new LinkedHashMap<>();
    for (AnalyzerSpec spec : AnalyzerRegistry.all()) {
      functions.put(spec.name(), required(env, spec.functionEnvVar()));
    }
    return new OrchestratorConfig(arn, blankToNull(env.get("CONNECT_CW_LOG_GROUP")), functions,
        required(env, AnalyzerRegistry.REPORT_GENERATOR_ENV));
  }

  /** Options every analyzer receives. */
  public Map<String, String> analyzerOptions() {
    return logGroup == null ? Map.of() : Map.of("logGroup", logGroup);
  }

  private static String required(Map<String, String> env, String name) {
    String value = blankToNull(env.get(name));
    if (value == null) {
      throw new ConfigurationException(name + " is not set: it must name the function to invoke");
    }
    return value;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
