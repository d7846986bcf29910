package com.connectopsreview.orchestrator;

import com.connectopsreview.shared.exception.ConfigurationException;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.privacy.RedactionPolicy;
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
 * @param redactionPolicy REDACTION_POLICY: what of customer data every analyzer may keep (the default
 *     policy when unset)
 */
public record OrchestratorConfig(
    String defaultInstanceArn,
    String logGroup,
    Map<String, String> analyzerFunctions,
    String reportFunction,
    RedactionPolicy redactionPolicy) {

  public OrchestratorConfig {
    redactionPolicy = redactionPolicy == null ? RedactionPolicy.defaultPolicy() : redactionPolicy;
  }

  /** Without a policy of its own: the default one. */
  public OrchestratorConfig(String defaultInstanceArn, String logGroup, Map<String, String> analyzerFunctions,
      String reportFunction) {
    this(defaultInstanceArn, logGroup, analyzerFunctions, reportFunction, null);
  }

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
    // A malformed policy fails the cold start, before any customer data could be stored under it.
    RedactionPolicy policy = RedactionPolicy.fromEnvironment(env);
    return new OrchestratorConfig(arn, blankToNull(env.get("CONNECT_CW_LOG_GROUP")), functions,
        required(env, AnalyzerRegistry.REPORT_GENERATOR_ENV), policy);
  }

  /** Options every analyzer receives: the flow-log group when configured, and the redaction policy. */
  public Map<String, String> analyzerOptions() {
    Map<String, String> options = new LinkedHashMap<>();
    if (logGroup != null) {
      options.put("logGroup", logGroup);
    }
    options.put(RedactionPolicy.OPTION, redactionPolicy.toJson());
    return options;
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
