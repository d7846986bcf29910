package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.instance.InstanceAnalyzerFactory;
import com.connectopsreview.local.sandbox.instance.InstanceConfigDomain;
import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.TimeWindow;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real instance analyzer, end to end against the SMALL sandbox: every planted instance problem
 * is found, nothing deliberately correct is flagged, and the calls the runner counted are exactly the
 * calls the sandbox served.
 */
@ExtendWith(LoopbackGuardExtension.class)
class InstanceAnalyzerSandboxTest {

  private static final String REVIEW_ID = "20261123T090000Z-sandbx";

  @TempDir Path storeDir;

  @Test
  void instanceAnalyzer_withRateLimitsOn_findsEveryPlantedProblemAndCountsWhatWasServed() {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL).withRateLimits(true))) {
      InstanceConfigDomain config = InstanceConfigDomain.of(sandbox.scenario());
      LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);
      AwsClients clients = new AwsClients(new ApiCallCounter(ApiRateLimiter.standard()), sandbox.clientOptions());
      AnalyzerRunner runner = AnalyzerRunner.of(InstanceAnalyzerFactory::create, store, clients, Clock.systemUTC());

      AnalyzerResponse response = runner.run(request(sandbox));

      assertEquals(ComponentStatus.OK, response.status(), () -> String.valueOf(response.errors()));
      assertEquals(List.of(), response.errors());
      assertEquals(sandbox.servedCalls(), response.apiCalls());
      assertEquals(Map.of(
          "Connect:DescribeInstance", 1L,
          "Connect:ListInstanceAttributes", 2L,
          "Connect:ListInstanceStorageConfigs", 13L,
          "Kinesis:DescribeStreamSummary", 2L,
          "Firehose:DescribeDeliveryStream", 1L,
          "Kms:DescribeKey", 2L,
          "Kms:GetKeyRotationStatus", 2L,
          "CloudWatch:DescribeAlarms", 1L), response.apiCalls());

      AnalyzerResult stored = store.getResult(REVIEW_ID, "instance").orElseThrow();
      assertEquals(ComponentStatus.OK, stored.status());
      Set<String> found = stored.findings().stream().map(Finding::checkId).collect(Collectors.toSet());
      PlantedProblems.Expectations expected = PlantedProblems.instance();
      for (String checkId : expected.expectedCheckIds()) {
        assertTrue(found.contains(checkId), checkId + " missing from " + found);
      }
      for (String checkId : expected.unexpectedCheckIds()) {
        assertFalse(found.contains(checkId), checkId + " must not be reported: " + found);
      }

      // The planted per-resource problems point at the scenario's resources.
      InstanceConfigDomain.StorageConfig reports = config.storageConfigs("SCHEDULED_REPORTS").get(0);
      assertEquals("SCHEDULED_REPORTS: s3://" + reports.s3().bucket() + "/" + reports.s3().prefix(),
          only(stored.findings(), "INSTANCE.S3_ENCRYPTION.NONE").resource());
      assertEquals(config.storageConfigs("AGENT_EVENTS").get(0).kinesisStreamArn(),
          only(stored.findings(), "INSTANCE.STREAM_ENCRYPTION.KDS_NONE").resource());
      assertEquals(sandbox.instance().arn(), only(stored.findings(), "INSTANCE.IDENTITY.NOT_SAML").resource());
      assertEquals(config.instance().alias(), stored.data().at("/instance/alias").asText());
      for (Map.Entry<String, com.connectopsreview.shared.model.Severity> e : expected.expectedSeverities().entrySet()) {
        stored.findings().stream().filter(f -> f.checkId().equals(e.getKey()))
            .forEach(f -> assertEquals(e.getValue(), f.severity(), f.checkId() + " " + f.resource()));
      }
      // The rotation gap is the streams' key, shared by the Contact Lens stream and the CTR Firehose.
      String streamsKey = config.kinesisStream(config.instance().alias() + "-contact-lens").orElseThrow().keyId();
      Finding rotationOff = only(stored.findings(), "INSTANCE.KEY_ROTATION.DISABLED");
      assertEquals(streamsKey, rotationOff.resource());
      assertEquals(List.of(config.instance().alias() + "-contact-lens", config.instance().alias() + "-ctr"),
          rotationOff.evidence().get("streams"));
      assertEquals(365L, ((Number) only(stored.findings(), "INSTANCE.KEY_ROTATION.ENABLED").evidence()
          .get("rotationPeriodInDays")).longValue());
      assertEquals(config.kinesisStream(config.instance().alias() + "-contact-lens").orElseThrow().arn(),
          only(stored.findings(), "INSTANCE.STREAM_ALARMS.ITERATOR_AGE_MISSING").resource());
      assertEquals(2, stored.findings().stream()
          .filter(f -> f.checkId().equals("INSTANCE.STREAM_ALARMS.INCOMPLETE")).count());
      assertEquals(config.attributes().size(), stored.data().get("attributes").size());
    }
  }

  @Test
  void instanceAnalyzer_whenListInstanceAttributesIsDenied_readsThemOneByOne() {
    SandboxOptions options = SandboxOptions.defaults(SandboxSize.SMALL)
        .withFault("Connect:ListInstanceAttributes", SandboxFault.ACCESS_DENIED);
    try (Sandbox sandbox = Sandbox.start(options)) {
      LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);
      AwsClients clients = new AwsClients(new ApiCallCounter(ApiRateLimiter.unlimited()), sandbox.clientOptions());

      AnalyzerResponse response = AnalyzerRunner.of(InstanceAnalyzerFactory::create, store, clients, Clock.systemUTC())
          .run(request(sandbox));

      assertEquals(ComponentStatus.OK, response.status(), () -> String.valueOf(response.errors()));
      assertEquals(1L, response.apiCalls().get("Connect:ListInstanceAttributes"));
      assertEquals((long) InstanceConfigDomain.of(sandbox.scenario()).attributes().size(),
          response.apiCalls().get("Connect:DescribeInstanceAttribute"));
      assertEquals(sandbox.servedCalls(), response.apiCalls());
      AnalyzerResult stored = store.getResult(REVIEW_ID, "instance").orElseThrow();
      assertEquals("false", stored.data().at("/attributes/CONTACTFLOW_LOGS").asText());
      assertTrue(stored.findings().stream().anyMatch(f -> f.checkId().equals("INSTANCE.FLOW_LOGS.DISABLED")));
    }
  }

  private static AnalyzerRequest request(Sandbox sandbox) {
    Instant now = Instant.now();
    return new AnalyzerRequest(REVIEW_ID, "instance", sandbox.instance(),
        new TimeWindow(now.minus(Duration.ofDays(14)), now), now.plus(Duration.ofMinutes(2)), Map.of());
  }

  private static Finding only(List<Finding> findings, String checkId) {
    List<Finding> matching = findings.stream().filter(f -> f.checkId().equals(checkId)).toList();
    assertEquals(1, matching.size(), () -> checkId + " in " + findings.stream().map(Finding::checkId).toList());
    return matching.get(0);
  }
}
