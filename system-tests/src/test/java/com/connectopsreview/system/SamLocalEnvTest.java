package com.connectopsreview.system;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.registry.AnalyzerRegistry;
import com.connectopsreview.shared.registry.AnalyzerSpec;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * events/sam-local-env.json and docs/sam-local.md against template.yaml: the file's entries are the
 * template's functions, it sets only variables the template declares (SAM drops any other), its
 * function names are the logical ids the template's !Refs point at, the Lambda endpoint variable
 * redirects the orchestrator's client, and every documented {@code sam local invoke} names a real
 * function and event file.
 */
class SamLocalEnvTest {

  static final String ENDPOINT_VARIABLE = "AWS_ENDPOINT_URL_LAMBDA";
  static final Pattern INVOKE = Pattern.compile("sam local invoke (\\S+)(.*?) -e (\\S+)");

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final Path ROOT = RepoRoot.find();
  static final Template TEMPLATE = Template.load(ROOT.resolve("template.yaml"));

  @Test
  void entries_areExactlyTheTemplatesFunctions() throws IOException {
    assertEquals(new LinkedHashSet<>(TEMPLATE.functions()), fieldNames(envFile()));
  }

  @Test
  void everyVariable_isOneTheTemplateDeclaresForThatFunction_elseSamLocalWouldDropIt() throws IOException {
    List<String> problems = new ArrayList<>();
    envFile().fields().forEachRemaining(entry -> {
      Map<String, Object> declared = TEMPLATE.functionEnvironment(entry.getKey());
      for (String variable : fieldNames(entry.getValue())) {
        if (!declared.containsKey(variable)) {
          problems.add(entry.getKey() + "." + variable + " is not declared in template.yaml");
        }
      }
    });
    assertEquals(List.of(), problems);
  }

  @Test
  void functionNameVariables_nameTheLogicalIdTheTemplateRefersTo() throws IOException {
    JsonNode orchestrator = envFile().path("OrchestratorFunction");
    Map<String, Object> declared = TEMPLATE.functionEnvironment("OrchestratorFunction");
    List<String> variables = new ArrayList<>(AnalyzerRegistry.all().stream().map(AnalyzerSpec::functionEnvVar).toList());
    variables.add(AnalyzerRegistry.REPORT_GENERATOR_ENV);
    for (String variable : variables) {
      assertEquals(Template.refTarget(declared.get(variable)), orchestrator.path(variable).asText(null),
          "OrchestratorFunction." + variable + " must be the logical id its !Ref names");
    }
    List<String> problems = new ArrayList<>();
    envFile().fields().forEachRemaining(entry -> entry.getValue().fields().forEachRemaining(v -> {
      if (v.getKey().endsWith("_FUNCTION") && !TEMPLATE.functions().contains(v.getValue().asText())) {
        problems.add(entry.getKey() + "." + v.getKey() + " = " + v.getValue().asText() + " is no function of the template");
      }
    }));
    assertEquals(List.of(), problems);
  }

  @Test
  void lambdaEndpointVariable_redirectsTheOrchestratorsLambdaClient() throws Exception {
    JsonNode orchestrator = envFile().path("OrchestratorFunction");
    assertTrue(orchestrator.path(ENDPOINT_VARIABLE).asText().matches("https?://[^/]+:\\d+"),
        "the orchestrator's " + ENDPOINT_VARIABLE + " is start-lambda's URL: " + orchestrator);
    String function = orchestrator.path("INSTANCE_ANALYZER_FUNCTION").asText();
    wm.stubFor(post(urlEqualTo("/2015-03-31/functions/" + function + "/invocations"))
        .willReturn(okJson("{\"from\":\"local-lambda\"}")));

    String out = runProbe(function, Map.of(ENDPOINT_VARIABLE, wm.baseUrl(),
        "AWS_ENDPOINT_URL", "http://127.0.0.1:9"));

    assertTrue(out.contains("answer={\"from\":\"local-lambda\"}"), out);
    wm.verify(1, postRequestedFor(urlEqualTo("/2015-03-31/functions/" + function + "/invocations")));
  }

  @Test
  void everyDocumentedInvoke_namesATemplateFunctionAndAnExistingEvent_andEveryFunctionHasOne() throws IOException {
    String doc = Files.readString(ROOT.resolve("docs/sam-local.md"), StandardCharsets.UTF_8);
    Set<String> invoked = new LinkedHashSet<>();
    List<String> problems = new ArrayList<>();
    Matcher m = INVOKE.matcher(doc);
    while (m.find()) {
      invoked.add(m.group(1));
      if (!TEMPLATE.functions().contains(m.group(1))) {
        problems.add(m.group() + ": " + m.group(1) + " is no function of template.yaml");
      }
      if (!m.group(3).startsWith("events/") || !Files.isRegularFile(ROOT.resolve(m.group(3)))) {
        problems.add(m.group() + ": " + m.group(3) + " does not exist");
      }
    }
    assertEquals(List.of(), problems);
    assertEquals(new LinkedHashSet<>(TEMPLATE.functions()), invoked, "every function has a documented invoke");
    Matcher envVars = Pattern.compile("--env-vars (\\S+)").matcher(doc);
    while (envVars.find()) {
      assertTrue(Files.isRegularFile(ROOT.resolve(envVars.group(1))), envVars.group());
    }
  }

  private static JsonNode envFile() throws IOException {
    return Json.mapper().readTree(Files.readAllBytes(ROOT.resolve("events/sam-local-env.json")));
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new LinkedHashSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static String runProbe(String function, Map<String, String> endpointEnv) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ProcessBuilder pb = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        LambdaEndpointProbe.class.getName(), function);
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_"));
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "AKIDTEST");
    env.put("AWS_SECRET_ACCESS_KEY", "secret");
    env.put("AWS_CONFIG_FILE", "/nonexistent/config");
    env.put("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent/credentials");
    env.put("LOG_LEVEL", "ERROR");
    env.putAll(endpointEnv);
    pb.redirectErrorStream(true);
    Process process = pb.start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, process.waitFor(), text);
    return text;
  }
}
