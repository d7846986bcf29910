package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.Scenario.ContactFlow;
import com.connectopsreview.local.sandbox.Scenario.FlowLogging;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.InstanceRef;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.connect.model.ContactFlowType;
import software.amazon.awssdk.services.connect.model.InstanceAttributeType;
import software.amazon.awssdk.services.connect.model.InstanceStorageResourceType;

class ScenarioGeneratorTest {

  @Test
  void generate_sameSeedAndSize_givesTheSameScenarioByteForByte() throws Exception {
    String first = dump(new ScenarioGenerator(42, SandboxSize.SMALL).generate());
    String second = dump(new ScenarioGenerator(42, SandboxSize.SMALL).generate());

    assertEquals(first, second);
    JsonNode tree = Json.mapper().readTree(first);
    assertEquals(24, tree.get("flows").size());
    assertEquals("2019-10-30", Json.mapper().readTree(tree.at("/flows/10/content").asText()).get("Version").asText());
  }

  @Test
  void generate_large_isDeterministicToo() throws Exception {
    byte[] first = digest(new ScenarioGenerator(7, SandboxSize.LARGE).generate());
    byte[] second = digest(new ScenarioGenerator(7, SandboxSize.LARGE).generate());

    assertArrayEquals(first, second);
  }

  @Test
  void generate_differentSeed_changesIdsNamesAndNumbersButNotTheConfiguration() {
    Scenario a = new ScenarioGenerator(42, SandboxSize.SMALL).generate();
    Scenario b = new ScenarioGenerator(43, SandboxSize.SMALL).generate();

    assertNotEquals(dump(a), dump(b));
    assertNotEquals(a.instance().ref().id(), b.instance().ref().id());
    assertNotEquals(a.instance().alias(), b.instance().alias());
    assertNotEquals(a.flows().id(10), b.flows().id(10));
    assertNotEquals(names(a), names(b));
    assertNotEquals(a.phoneNumbers().stream().map(Scenario.PhoneNumber::number).toList(),
        b.phoneNumbers().stream().map(Scenario.PhoneNumber::number).toList());
    // The planted configuration does not depend on the seed.
    assertEquals(a.attributes(), b.attributes());
    assertEquals(a.instance().identityManagementType(), b.instance().identityManagementType());
    assertEquals(a.storageConfigs().stream().map(c -> c.resourceType() + "/" + c.storageType()).toList(),
        b.storageConfigs().stream().map(c -> c.resourceType() + "/" + c.storageType()).toList());
  }

  @Test
  void instance_isAValidConnectInstanceInTheSandboxAccount() {
    Scenario s = new ScenarioGenerator(42, SandboxSize.SMALL).generate();

    InstanceRef ref = InstanceRef.parse(s.instance().ref().arn());
    assertEquals("123456789012", ref.accountId());
    assertEquals("us-east-1", ref.region());
    assertEquals(s.instance().ref(), ref);
    assertEquals("CONNECT_MANAGED", s.instance().identityManagementType());
    assertTrue(s.instance().inboundCallsEnabled());
    assertFalse(s.instance().outboundCallsEnabled());
    assertNull(s.instance().replication());
    assertEquals("https://" + s.instance().alias() + ".my.connect.aws", s.instance().accessUrl());
  }

  @Test
  void attributesAndStorage_coverEveryTypeTheSdkKnows() {
    Scenario s = new ScenarioGenerator(42, SandboxSize.SMALL).generate();

    assertEquals(InstanceAttributeType.knownValues().stream().map(String::valueOf).collect(Collectors.toSet()),
        s.attributes().keySet());
    assertEquals("false", s.attributes().get("CONTACTFLOW_LOGS"));
    assertEquals("true", s.attributes().get("CONTACT_LENS"));
    Set<String> configured = s.storageConfigs().stream().map(Scenario.StorageConfig::resourceType)
        .collect(Collectors.toSet());
    Set<String> known = InstanceStorageResourceType.knownValues().stream().map(String::valueOf)
        .collect(Collectors.toSet());
    assertTrue(known.containsAll(configured), configured::toString);
    assertEquals(11, configured.size());
    // One of each kind of destination the instance analyzer judges.
    Scenario.StorageConfig reports = s.storageConfigs("SCHEDULED_REPORTS").get(0);
    assertNull(reports.s3().kmsKeyId());
    assertEquals("alias/aws/connect", s.storageConfigs("CHAT_TRANSCRIPTS").get(0).s3().kmsKeyId());
    assertTrue(s.storageConfigs("CALL_RECORDINGS").get(0).s3().kmsKeyId().startsWith("arn:aws:kms:"));
    Scenario.KvsDestination kvs = s.storageConfigs("MEDIA_STREAMS").get(0).kvs();
    assertEquals(0, kvs.retentionHours());
    assertTrue(kvs.kmsKeyId().startsWith("arn:aws:kms:"));
    String agentEvents = s.storageConfigs("AGENT_EVENTS").get(0).kinesisStreamArn();
    assertEquals("NONE", s.kinesisStream(agentEvents).orElseThrow().encryptionType());
    String ctr = s.storageConfigs("CONTACT_TRACE_RECORDS").get(0).firehoseArn();
    assertEquals(ctr, s.firehoseStreams().get(0).arn());
    assertEquals("ENABLED", s.firehoseStreams().get(0).encryption().status());
    // Every stream a config names exists.
    s.storageConfigs().stream().filter(c -> c.kinesisStreamArn() != null)
        .forEach(c -> assertTrue(s.kinesisStream(c.kinesisStreamArn()).isPresent(), c.kinesisStreamArn()));
  }

  @ParameterizedTest
  @EnumSource(SandboxSize.class)
  void counts_areTheDocumentedOnes(SandboxSize size) {
    Scenario s = new ScenarioGenerator(42, size).generate();
    Scenario.Counts expected = switch (size) {
      case SMALL -> new Scenario.Counts(24, 4, 40, 99, 5, 10, 4, 6, 12, 6, 5, 7, 3, 1, 2, 4, 2);
      case LARGE -> new Scenario.Counts(2_000, 50, 10_000, 200, 100, 300, 40, 500, 1_000, 40, 20, 300, 40, 5, 30,
          60, 12);
      case HUGE -> new Scenario.Counts(10_000, 200, 50_000, 1_000, 400, 1_000, 100, 2_000, 5_000, 150, 50, 1_500,
          45, 10, 60, 120, 30);
    };

    assertEquals(expected, s.counts());
    assertEquals(expected.flows(), s.flows().size());
    assertEquals(expected.users(), s.users().size());
    assertEquals(expected.phoneNumbers(), s.phoneNumbers().size());
    assertEquals(expected.standardQueues() + expected.users(), s.queues().size());
    assertEquals("AGENT", s.queues().get(s.queues().size() - 1).type());
    assertEquals("STANDARD", s.queues().get(0).type());
    assertEquals(expected.securityProfiles(), s.securityProfiles().size());
    assertEquals(expected.agentStatuses(), s.agentStatuses().size());
    assertEquals(expected.userHierarchyGroups(), s.userHierarchyGroups().size());
    assertEquals(expected.lambdaFunctions(), s.lambdaFunctions().size());
    assertEquals(expected.lexBotsV1() + expected.lexV2BotAliases(), s.lexBots().size());
    assertEquals(expected.predefinedAttributes(), s.predefinedAttributes().size());
    assertEquals(expected.applicationIntegrations() + Scenario.Counts.OTHER_INTEGRATIONS,
        s.integrationAssociations().size());
  }

  @Test
  void huge_entitiesAreUnique() {
    Scenario s = new ScenarioGenerator(42, SandboxSize.HUGE).generate();

    assertEquals(s.users().size(), distinct(s.users().stream().map(Scenario.User::username).toList()));
    assertEquals(s.users().size(), distinct(IntStream.range(0, s.users().size()).mapToObj(s.users()::id).toList()));
    assertEquals(s.phoneNumbers().size(), distinct(s.phoneNumbers().stream().map(Scenario.PhoneNumber::number).toList()));
    assertEquals(s.flows().size(), distinct(s.flows().stream().map(ContactFlow::name).toList()));
    assertTrue(s.phoneNumbers().stream().allMatch(n -> n.number().matches("\\+(1\\d{10}|44\\d{10})")));
  }

  @Test
  void entityList_looksUpByIdAndChecksBounds() {
    Scenario s = new ScenarioGenerator(42, SandboxSize.SMALL).generate();
    ContactFlow flow = s.flows().get(17);

    assertEquals(17, s.flows().indexOf(flow.id()));
    assertEquals(flow, s.flows().byId(flow.id()).orElseThrow());
    assertEquals(-1, s.flows().indexOf("00000000-0000-4000-8000-000000000000"));
    assertThrows(IndexOutOfBoundsException.class, () -> s.flows().get(24));
  }

  @Test
  void flowContent_isConsistentFlowLanguage_withAndWithoutLogging() throws Exception {
    Scenario s = new ScenarioGenerator(42, SandboxSize.SMALL).generate();
    Set<String> knownTypes = ContactFlowType.knownValues().stream().map(String::valueOf).collect(Collectors.toSet());
    int enabled = 0;
    int withoutLogging = 0;
    for (ContactFlow flow : s.flows().stream().toList()) {
      assertTrue(knownTypes.contains(flow.type()), flow.type());
      JsonNode content = Json.mapper().readTree(s.flowContent(flow));
      assertEquals("2019-10-30", content.get("Version").asText());
      Set<String> ids = new HashSet<>();
      content.get("Actions").forEach(a -> {
        assertTrue(a.hasNonNull("Identifier") && a.hasNonNull("Type") && a.has("Parameters") && a.has("Transitions"),
            a::toString);
        ids.add(a.get("Identifier").asText());
      });
      assertEquals(content.get("Actions").size(), ids.size(), "identifiers are unique in " + flow.name());
      assertTrue(ids.contains(content.get("StartAction").asText()), flow.name());
      for (String next : content.findValuesAsText("NextAction")) {
        assertTrue(ids.contains(next), flow.name() + ": dangling NextAction " + next);
      }
      List<String> logging = content.findParents("FlowLoggingBehavior").stream()
          .map(p -> p.get("FlowLoggingBehavior").asText()).toList();
      if (flow.logging() == FlowLogging.ABSENT) {
        withoutLogging++;
        assertTrue(logging.isEmpty(), flow.name());
      } else {
        enabled++;
        JsonNode first = content.get("Actions").get(0);
        assertEquals("UpdateFlowLoggingBehavior", first.get("Type").asText());
        assertEquals("Enabled", first.at("/Parameters/FlowLoggingBehavior").asText());
        List<String> expected = switch (flow.logging()) {
          case PAUSED -> List.of("Enabled", "Disabled", "Enabled");
          case DISABLED -> List.of("Enabled", "Disabled");
          default -> List.of("Enabled");
        };
        assertEquals(expected, logging, flow.name());
      }
    }
    assertTrue(enabled > 0 && withoutLogging > 0, enabled + " with logging, " + withoutLogging + " without");
    JsonNode module = Json.mapper().readTree(s.flowModuleContent(s.flowModules().get(0)));
    assertEquals("EndFlowModuleExecution", module.get("Actions").get(module.get("Actions").size() - 1)
        .get("Type").asText());
  }

  @Test
  void sizeParse_isCaseInsensitiveAndNamesTheAllowedValues() {
    assertEquals(SandboxSize.LARGE, SandboxSize.parse(" Large "));
    assertEquals(SandboxSize.SMALL, SandboxSize.parse("small"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SandboxSize.parse("medium"));
    assertEquals("unknown sandbox size 'medium' (allowed: small, large, huge)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> SandboxSize.parse(null));
  }

  @Test
  void options_defaultsAndValidation() {
    SandboxOptions defaults = SandboxOptions.defaults(SandboxSize.SMALL);

    assertEquals(42, defaults.seed());
    assertFalse(defaults.rateLimits());
    assertTrue(defaults.latency().isZero());
    assertTrue(defaults.faults().isEmpty());
    assertEquals(SandboxFault.SERVER_ERROR,
        defaults.withFault("Connect:ListUsers", SandboxFault.SERVER_ERROR).faults().get("Connect:ListUsers"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> defaults.withFault("DescribeInstance", SandboxFault.ACCESS_DENIED));
    assertTrue(e.getMessage().contains("'DescribeInstance' is not Service:Operation"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> defaults.withLatency(java.time.Duration.ofMillis(-1)));
  }

  // ---- helpers ----

  private static String dump(Scenario scenario) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    scenario.writeJson(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static byte[] digest(Scenario scenario) throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-256");
    try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
      scenario.writeJson(out);
    }
    return sha.digest();
  }

  private static List<String> names(Scenario s) {
    return s.users().stream().map(Scenario.User::username).toList();
  }

  private static int distinct(List<String> values) {
    return new HashSet<>(values).size();
  }
}
