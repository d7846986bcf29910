package com.connectopsreview.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.exception.ConfigurationException;
import com.connectopsreview.shared.privacy.RedactionPolicy;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrchestratorConfigTest {

  private static Map<String, String> env() {
    Map<String, String> env = new HashMap<>();
    env.put("CONNECT_INSTANCE_ARN", Fixtures.INSTANCE_ARN);
    env.put("CONNECT_CW_LOG_GROUP", "/aws/connect/cc");
    for (var spec : com.connectopsreview.shared.registry.AnalyzerRegistry.all()) {
      env.put(spec.functionEnvVar(), "stack-" + spec.name() + "-analyzer");
    }
    env.put("REPORT_GENERATOR_FUNCTION", "stack-report-generator");
    return env;
  }

  @Test
  void fromEnvironment_readsEverySetting() {
    OrchestratorConfig config = OrchestratorConfig.fromEnvironment(env());

    assertEquals(Fixtures.INSTANCE_ARN, config.defaultInstanceArn());
    assertEquals("stack-instance-analyzer", config.analyzerFunctions().get("instance"));
    assertEquals(com.connectopsreview.shared.registry.AnalyzerRegistry.names(),
        java.util.List.copyOf(config.analyzerFunctions().keySet()));
    assertEquals("stack-report-generator", config.reportFunction());
    assertEquals(Map.of("logGroup", "/aws/connect/cc",
        RedactionPolicy.OPTION, RedactionPolicy.defaultPolicy().toJson()), config.analyzerOptions());
  }

  @Test
  void fromEnvironment_passesTheConfiguredPolicyToEveryAnalyzer() {
    Map<String, String> env = env();
    env.put("REDACTION_POLICY", "{\"key\":\"REDACTION_CONFIG\",\"value\":{\"type\":\"WHITELIST\","
        + "\"fields\":[\"Parameters.Text\"]}}");

    OrchestratorConfig config = OrchestratorConfig.fromEnvironment(env);

    RedactionPolicy passed = RedactionPolicy.parse(config.analyzerOptions().get(RedactionPolicy.OPTION));
    assertEquals(RedactionPolicy.of(RedactionPolicy.Mode.ALLOW_LIST, java.util.List.of("Parameters.Text")), passed);
  }

  @Test
  void fromEnvironment_malformedPolicy_failsNamingTheVariableAndTheProblem() {
    Map<String, String> env = env();
    env.put("REDACTION_POLICY", "{\"type\":\"allow-list\",\"fields\":[\"Attributes..x\"]}");

    ConfigurationException e = assertThrows(ConfigurationException.class, () -> OrchestratorConfig.fromEnvironment(env));

    assertTrue(e.getMessage().startsWith("REDACTION_POLICY: redaction policy: 'Attributes..x' is not a field path"),
        e.getMessage());
  }

  @Test
  void fromEnvironment_optionalSettingsMayBeEmpty() {
    Map<String, String> env = env();
    env.put("CONNECT_INSTANCE_ARN", "");
    env.remove("CONNECT_CW_LOG_GROUP");

    OrchestratorConfig config = OrchestratorConfig.fromEnvironment(env);

    assertNull(config.defaultInstanceArn());
    assertEquals(Map.of(RedactionPolicy.OPTION, RedactionPolicy.defaultPolicy().toJson()), config.analyzerOptions());
  }

  @Test
  void fromEnvironment_missingFunction_namesTheVariable() {
    Map<String, String> env = env();
    env.remove("INSTANCE_ANALYZER_FUNCTION");

    ConfigurationException e = assertThrows(ConfigurationException.class, () -> OrchestratorConfig.fromEnvironment(env));

    assertTrue(e.getMessage().startsWith("INSTANCE_ANALYZER_FUNCTION is not set"), e.getMessage());
  }

  @Test
  void fromEnvironment_malformedInstanceArn_namesTheVariable() {
    Map<String, String> env = env();
    env.put("CONNECT_INSTANCE_ARN", "arn:aws:connect:us-east-1:123456789012:queue/x");

    ConfigurationException e = assertThrows(ConfigurationException.class, () -> OrchestratorConfig.fromEnvironment(env));

    assertTrue(e.getMessage().startsWith("CONNECT_INSTANCE_ARN is malformed"), e.getMessage());
  }
}
