package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.telephony.TelephonyDomain;
import com.connectopsreview.local.sandbox.instance.InstanceConfigDomain;
import com.connectopsreview.local.sandbox.flows.FlowsDomain;
import com.connectopsreview.local.sandbox.entities.EntitiesDomain;
import com.connectopsreview.local.sandbox.flows.FlowsDomain.ContactFlow;
import com.connectopsreview.local.sandbox.flows.FlowsDomain.FlowLogging;
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
    InstanceConfigDomain configA = InstanceConfigDomain.of(a);
    Scenario b = new ScenarioGenerator(43, SandboxSize.SMALL).generate();
    InstanceConfigDomain configB = InstanceConfigDomain.of(b);

    assertNotEquals(dump(a), dump(b));
    assertNotEquals(configA.instance().ref().id(), configB.instance().ref().id());
    assertNotEquals(configA.instance().alias(), configB.instance().alias());
    assertNotEquals(FlowsDomain.of(a).flows().id(10), FlowsDomain.of(b).flows().id(10));
    assertNotEquals(names(a), names(b));
    assertNotEquals(TelephonyDomain.of(a).phoneNumbers().stream().map(TelephonyDomain.PhoneNumber::number).toList(),
        TelephonyDomain.of(b).phoneNumbers().stream().map(TelephonyDomain.PhoneNumber::number).toList());
    // The planted configuration does not depend on the seed.
    assertEquals(configA.attributes(), configB.attributes());
    assertEquals(configA.instance().identityManagementType(), configB.instance().identityManagementType());
    assertEquals(configA.storageConfigs().stream().map(c -> c.resourceType() + "/" + c.storageType()).toList(),
        configB.storageConfigs().stream().map(c -> c.resourceType() + "/" + c.storageType()).toList());
  }

  @Test
  void instance_isAValidConnectInstanceInTheSandboxAccount() {
    Scenario s = new ScenarioGenerator(42, SandboxSize.SMALL).generate();
    InstanceConfigDomain config = InstanceConfigDomain.of(s);

    InstanceRef ref = InstanceRef.parse(config.instance().ref().arn());
    assertEquals("123456789012", ref.accountId());
    assertEquals("us-east-1", ref.region());
    assertEquals(config.instance().ref(), ref);
    assertEquals("CONNECT_MANAGED", config.instance().identityManagementType());
    assertTrue(config.instance().inboundCallsEnabled());
    assertFalse(config.instance().outboundCallsEnabled());
    assertNull(config.instance().replication());
    assertEquals("https://" + config.instance().alias() + ".my.connect.aws", config.instance().accessUrl());
  }

  @Test
  void attributesAndStorage_coverEveryTypeTheSdkKnows() {
    Scenario s = new ScenarioGenerator(42, SandboxSize.SMALL).generate();
    InstanceConfigDomain instanceConfig = InstanceConfigDomain.of(s);

    assertEquals(InstanceAttributeType.knownValues().stream().map(String::valueOf).collect(Collectors.toSet()),
        instanceConfig.attributes().keySet());
    assertEquals("false", instanceConfig.attributes().get("CONTACTFLOW_LOGS"));
    assertEquals("true", instanceConfig.attributes().get("CONTACT_LENS"));
    Set<String> configured = instanceConfig.storageConfigs().stream()
        .map(InstanceConfigDomain.StorageConfig::resourceType)
        .collect(Collectors.toSet());
    Set<String> known = InstanceStorageResourceType.knownValues().stream().map(String::valueOf)
        .collect(Collectors.toSet());
    assertTrue(known.containsAll(configured), configured::toString);
    assertEquals(11, configured.size());
    // One of each kind of destination the instance analyzer judges.
    InstanceConfigDomain.StorageConfig reports = instanceConfig.storageConfigs("SCHEDULED_REPORTS").get(0);
    assertNull(reports.s3().kmsKeyId());
    assertEquals("alias/aws/connect", instanceConfig.storageConfigs("CHAT_TRANSCRIPTS").get(0).s3().kmsKeyId());
    assertTrue(instanceConfig.storageConfigs("CALL_RECORDINGS").get(0).s3().kmsKeyId().startsWith("arn:aws:kms:"));
    InstanceConfigDomain.KvsDestination kvs = instanceConfig.storageConfigs("MEDIA_STREAMS").get(0).kvs();
    assertEquals(0, kvs.retentionHours());
    assertTrue(kvs.kmsKeyId().startsWith("arn:aws:kms:"));
    String agentEvents = instanceConfig.storageConfigs("AGENT_EVENTS").get(0).kinesisStreamArn();
    assertEquals("NONE", instanceConfig.kinesisStream(agentEvents).orElseThrow().encryptionType());
    String ctr = instanceConfig.storageConfigs("CONTACT_TRACE_RECORDS").get(0).firehoseArn();
    assertEquals(ctr, instanceConfig.firehoseStreams().get(0).arn());
    assertEquals("ENABLED", instanceConfig.firehoseStreams().get(0).encryption().status());
    // Every stream a config names exists.
    instanceConfig.storageConfigs().stream().filter(c -> c.kinesisStreamArn() != null)
        .forEach(c -> assertTrue(instanceConfig.kinesisStream(c.kinesisStreamArn()).isPresent(), c.kinesisStreamArn()));
  }

  @ParameterizedTest
  @EnumSource(SandboxSize.class)
  void counts_areTheDocumentedOnes(SandboxSize size) {
    Scenario s = new ScenarioGenerator(42, size).generate();
    EntitiesDomain entities = EntitiesDomain.of(s);
    Counts expected = switch (size) {
      case SMALL -> new Counts(24, 4, 40, 99, 5, 10, 4, 6, 12, 6, 5, 7, 3, 1, 2, 4, 2);
      case LARGE -> new Counts(2_000, 50, 10_000, 200, 100, 300, 40, 500, 1_000, 40, 20, 300, 40, 5, 30,
          60, 12);
      case HUGE -> new Counts(10_000, 200, 50_000, 1_000, 400, 1_000, 100, 2_000, 5_000, 150, 50, 1_500,
          45, 10, 60, 120, 30);
    };

    assertEquals(expected, s.counts());
    assertEquals(expected.flows(), FlowsDomain.of(s).flows().size());
    assertEquals(expected.users(), entities.users().size());
    assertEquals(expected.phoneNumbers(), TelephonyDomain.of(s).phoneNumbers().size());
    assertEquals(expected.standardQueues() + expected.users(), entities.queues().size());
    assertEquals("AGENT", entities.queues().get(entities.queues().size() - 1).type());
    assertEquals("STANDARD", entities.queues().get(0).type());
    assertEquals(expected.securityProfiles(), entities.securityProfiles().size());
    assertEquals(expected.agentStatuses(), entities.agentStatuses().size());
    assertEquals(expected.userHierarchyGroups(), entities.userHierarchyGroups().size());
    assertEquals(expected.lambdaFunctions(), entities.lambdaFunctions().size());
    assertEquals(expected.lexBotsV1() + expected.lexV2BotAliases(), entities.lexBots().size());
    assertEquals(expected.predefinedAttributes(), entities.predefinedAttributes().size());
    assertEquals(expected.applicationIntegrations() + Counts.OTHER_INTEGRATIONS,
        entities.integrationAssociations().size());
  }

  @Test
  void huge_entitiesAreUnique() {
    Scenario s = new ScenarioGenerator(42, SandboxSize.HUGE).generate();
    FlowsDomain flowsDomain = FlowsDomain.of(s);
    TelephonyDomain telephony = TelephonyDomain.of(s);
    EntitiesDomain entities = EntitiesDomain.of(s);

    assertEquals(entities.users().size(),
        distinct(entities.users().stream().map(EntitiesDomain.User::username).toList()));
    assertEquals(entities.users().size(),
        distinct(IntStream.range(0, entities.users().size()).mapToObj(entities.users()::id).toList()));
    assertEquals(telephony.phoneNumbers().size(),
        distinct(telephony.phoneNumbers().stream().map(TelephonyDomain.PhoneNumber::number).toList()));
    assertEquals(flowsDomain.flows().size(), distinct(flowsDomain.flows().stream().map(ContactFlow::name).toList()));
    assertTrue(telephony.phoneNumbers().stream().allMatch(n -> n.number().matches("\\+(1\\d{10}|44\\d{10})")));
  }

  @Test
  void entityList_looksUpByIdAndChecksBounds() {
    Scenario s = new ScenarioGenerator(42, SandboxSize.SMALL).generate();
    FlowsDomain flowsDomain = FlowsDomain.of(s);
    ContactFlow flow = flowsDomain.flows().get(17);

    assertEquals(17, flowsDomain.flows().indexOf(flow.id()));
    assertEquals(flow, flowsDomain.flows().byId(flow.id()).orElseThrow());
    assertEquals(-1, flowsDomain.flows().indexOf("00000000-0000-4000-8000-000000000000"));
    assertThrows(IndexOutOfBoundsException.class, () -> flowsDomain.flows().get(24));
  }

  @Test
  void flowContent_isConsistentFlowLanguage_withAndWithoutLogging() throws Exception {
    Scenario s = new ScenarioGenerator(42, SandboxSize.SMALL).generate();
    FlowsDomain flowsDomain = FlowsDomain.of(s);
    Set<String> knownTypes = ContactFlowType.knownValues().stream().map(String::valueOf).collect(Collectors.toSet());
    int enabled = 0;
    int withoutLogging = 0;
    for (ContactFlow flow : flowsDomain.flows().stream().toList()) {
      assertTrue(knownTypes.contains(flow.type()), flow.type());
      JsonNode content = Json.mapper().readTree(flowsDomain.flowContent(flow));
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
    JsonNode module = Json.mapper().readTree(flowsDomain.flowModuleContent(flowsDomain.flowModules().get(0)));
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
    return EntitiesDomain.of(s).users().stream().map(EntitiesDomain.User::username).toList();
  }

  private static int distinct(List<String> values) {
    return new HashSet<>(values).size();
  }
}
