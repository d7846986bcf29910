package com.connectopsreview.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.Sandbox;
import com.connectopsreview.local.sandbox.SandboxOptions;
import com.connectopsreview.local.sandbox.SandboxSize;
import com.connectopsreview.local.sandbox.cloudtrail.CloudTrailDomain;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain;
import com.connectopsreview.local.sandbox.observability.ObservabilityDomain;
import com.connectopsreview.orchestrator.ReviewOutcome;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.privacy.RedactionPolicy;
import com.connectopsreview.shared.registry.AnalyzerRegistry;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What customers said, typed and were tagged with in the sandbox's flow logs and CloudTrail request
 * parameters never reaches the store, the report or the logs under the default policy: every byte of
 * every stored file (results, manifest, index, report.html, report.json) and every log line the suite
 * writes at any level is searched for each planted value, as written and as bare digits. A policy
 * that keeps a field lets exactly that field through, and no policy removes a mandatory field.
 */
class CustomerDataPrivacyTest {

  @TempDir Path dir;

  @Test
  void defaultPolicy_noPlantedCustomerValueInAnyStoredByteOrLogLine() {
    try (Sandbox box = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL))) {
      List<String> planted = planted(box);
      LocalDirectoryResultStore store = new LocalDirectoryResultStore(dir);
      List<String> logs;
      ReviewOutcome outcome;
      try (CapturedLogs captured = CapturedLogs.start()) {
        outcome = SandboxReviews.run(box, store, "privacy-default", AnalyzerRegistry.names().toArray(String[]::new));
        logs = captured.lines();
      }

      // Every component ran and stored what it read (athena the sandbox's data-lake KPIs and exports):
      // the absence below is not for want of data.
      outcome.components().forEach((name, status) -> assertEquals(ComponentStatus.OK, status, name));
      AnalyzerResult logsResult = store.getResult("privacy-default", "logs").orElseThrow();
      AnalyzerResult cloudtrail = store.getResult("privacy-default", "cloudtrail").orElseThrow();
      assertFalse(logsResult.data().path("flowErrors").path("samples").isEmpty(), "flow-log samples stored");
      assertTrue(cloudtrail.data().path("throttledSamples").size() > 0, "CloudTrail samples stored");
      assertFalse(logs.isEmpty(), "the review logged");

      Map<Path, String> files = storedFiles();
      assertTrue(files.keySet().stream().anyMatch(p -> p.endsWith("report.html")), files.keySet().toString());
      for (String value : needles(planted)) {
        files.forEach((path, text) -> assertFalse(text.contains(value), value + " stored in " + path));
        logs.forEach(line -> assertFalse(line.contains(value), value + " logged: " + line));
      }
    }
  }

  @Test
  void allowListKeepingAField_storesThatFieldAndStillNothingElse() {
    try (Sandbox box = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL))) {
      CloudTrailDomain cloudTrail = box.scenario().domain(CloudTrailDomain.class);
      RedactionPolicy keepNames = RedactionPolicy.parse(
          "{\"type\":\"WHITELIST\",\"fields\":[\"Attributes.customerName\"]}");
      LocalDirectoryResultStore store = new LocalDirectoryResultStore(dir);

      SandboxReviews.run(box, store, keepNames, "privacy-allow", "cloudtrail", "logs");

      String stored = String.join("\n", storedFiles().values());
      List<String> names = cloudTrail.plantedCustomerData().stream()
          .filter(v -> v.matches("[A-Z][a-z]+ [A-Z][a-z]+")).toList();
      assertFalse(names.isEmpty(), "the sandbox plants customer names");
      assertTrue(names.stream().anyMatch(stored::contains), "a kept customerName is stored");
      List<String> others = new ArrayList<>(planted(box));
      others.removeAll(names);
      for (String value : needles(others)) {
        assertFalse(stored.contains(value), value + " stored although the policy keeps only customerName");
      }
      String applied = store.getManifest("privacy-allow").orElseThrow().redactionPolicy();
      assertEquals(keepNames.describe(), applied);
      assertTrue(applied.startsWith("allow-list: mandatory fields + Attributes.customerName"), applied);
      assertTrue(stored.contains(applied), "the report names the policy");
    }
  }

  @Test
  void denyListNamingMandatoryFields_keepsThemAndRemovesTheRest() {
    try (Sandbox box = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL))) {
      RedactionPolicy policy = RedactionPolicy.parse("{\"type\":\"BLACKLIST\",\"fields\":"
          + "[\"ContactId\",\"ContactFlowName\",\"ContactFlowModuleType\",\"Timestamp\",\"Parameters\",\"Results\"]}");
      LocalDirectoryResultStore store = new LocalDirectoryResultStore(dir);

      SandboxReviews.run(box, store, policy, "privacy-deny", "logs");

      JsonNode samples = store.getResult("privacy-deny", "logs").orElseThrow().data().path("flowErrors").path("samples");
      assertFalse(samples.isEmpty());
      for (JsonNode sample : samples) {
        JsonNode record = sample.path("record");
        assertTrue(record.path("ContactId").asText().matches("[0-9a-f-]{36}"), record.toString());
        assertEquals(sample.path("flowName").asText(), record.path("ContactFlowName").asText(), record.toString());
        assertEquals(sample.path("blockType").asText(), record.path("ContactFlowModuleType").asText());
        assertTrue(record.path("Timestamp").asText().startsWith("20"), record.toString());
        assertEquals(RedactionPolicy.REDACTED, record.path("Results").asText(), record.toString());
        assertOnlyRedacted(record.path("Parameters"), record.toString());
      }
      String stored = String.join("\n", storedFiles().values());
      for (String value : needles(box.scenario().domain(ObservabilityDomain.class).plantedCustomerData())) {
        assertFalse(stored.contains(value), value);
      }
      assertTrue(policy.describe().contains("kept despite the policy: ContactId, ContactFlowName, "
          + "ContactFlowModuleType, Timestamp"), policy.describe());
    }
  }

  /** Every scalar below {@code node} is the redaction marker. */
  private static void assertOnlyRedacted(JsonNode node, String context) {
    if (node.isContainerNode()) {
      node.forEach(child -> assertOnlyRedacted(child, context));
    } else if (!node.isMissingNode() && !node.isNull()) {
      assertEquals(RedactionPolicy.REDACTED, node.asText(), context);
    }
  }

  private static List<String> planted(Sandbox box) {
    List<String> values = new ArrayList<>();
    values.addAll(box.scenario().domain(CloudTrailDomain.class).plantedCustomerData());
    values.addAll(box.scenario().domain(ObservabilityDomain.class).plantedCustomerData());
    values.addAll(box.scenario().domain(DataLakeDomain.class).plantedCustomerData());
    assertTrue(values.size() >= 10, values.toString());
    return values;
  }

  /** Each value as planted, and a phone number or account number also as its bare digits. */
  private static Set<String> needles(List<String> values) {
    Set<String> needles = new LinkedHashSet<>();
    for (String value : values) {
      needles.add(value);
      String digits = value.replaceAll("\\D", "");
      if (digits.length() >= 10) {
        // The number without its country code, as a national number is written.
        needles.add(digits);
        needles.add(digits.substring(digits.length() - 10));
      }
    }
    return needles;
  }

  /** Every regular file under the store, as text (gzip is not used by the directory store). */
  private Map<Path, String> storedFiles() {
    Map<Path, String> files = new java.util.TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(Files::isRegularFile).forEach(p -> {
        try {
          files.put(dir.relativize(p), new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertFalse(files.isEmpty(), "the review stored files");
    return files;
  }
}
