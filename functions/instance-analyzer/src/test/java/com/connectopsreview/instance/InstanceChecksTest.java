package com.connectopsreview.instance;

import static com.connectopsreview.instance.Fixtures.CMK_ARN;
import static com.connectopsreview.instance.Fixtures.FIREHOSE_ARN;
import static com.connectopsreview.instance.Fixtures.INSTANCE;
import static com.connectopsreview.instance.Fixtures.INSTANCE_ARN;
import static com.connectopsreview.instance.Fixtures.KDS_ARN;
import static com.connectopsreview.instance.Fixtures.checkIds;
import static com.connectopsreview.instance.Fixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.InstanceSection.CheckIds;
import com.connectopsreview.shared.sections.InstanceSection.Encryption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.connect.model.InstanceStorageConfig;
import software.amazon.awssdk.services.connect.model.InstanceStorageResourceType;
import software.amazon.awssdk.services.connect.model.ReplicationConfiguration;
import software.amazon.awssdk.services.connect.model.ReplicationStatusSummary;
import software.amazon.awssdk.services.connect.model.StorageType;

class InstanceChecksTest {

  private final InstanceChecks checks = new InstanceChecks(INSTANCE);

  @Nested
  class IdentityManagement {

    @Test
    void identityManagement_whenSaml_passes() {
      checks.identityManagement(Fixtures.instance().identityManagementType("SAML").build());

      Finding f = only(checks.findings(), CheckIds.IDENTITY_SAML);
      assertEquals(Severity.PASS, f.severity());
      assertEquals(Pillar.SECURITY, f.pillar());
      assertEquals(INSTANCE_ARN, f.resource());
      assertEquals("SAML", f.evidence().get("identityManagementType"));
      assertTrue(f.consoleUrl().startsWith("https://us-east-1.console.aws.amazon.com/connect/v2/app/instances/"
          + Fixtures.INSTANCE_ID + "/overview"), f.consoleUrl());
      assertEquals(1, checks.findings().size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONNECT_MANAGED", "EXISTING_DIRECTORY"})
    void identityManagement_whenNotSaml_isHighWithSamlRecommendation(String type) {
      checks.identityManagement(Fixtures.instance().identityManagementType(type).build());

      Finding f = only(checks.findings(), CheckIds.IDENTITY_NOT_SAML);
      assertEquals(Severity.HIGH, f.severity());
      assertEquals(Pillar.SECURITY, f.pillar());
      assertTrue(f.detail().contains(type), f.detail());
      assertTrue(f.recommendation().contains("SAML 2.0"), f.recommendation());
      assertEquals(type, f.evidence().get("identityManagementType"));
      assertTrue(checks.notEvaluated().isEmpty());
    }

    @Test
    void identityManagement_whenTypeUnknownToSdk_isNotEvaluatedRatherThanJudged() {
      checks.identityManagement(Fixtures.instance().identityManagementType("PASSKEYS_2030").build());

      assertTrue(checks.findings().isEmpty());
      assertEquals(1, checks.notEvaluated().size());
      assertTrue(checks.notEvaluated().get(0).contains("PASSKEYS_2030"), checks.notEvaluated().get(0));
    }

    @Test
    void identityManagement_whenTypeMissing_isNotEvaluated() {
      checks.identityManagement(Fixtures.instance().identityManagementType((String) null).build());

      assertTrue(checks.findings().isEmpty());
      assertTrue(checks.notEvaluated().get(0).contains("no IdentityManagementType"));
    }
  }

  @Nested
  class Replication {

    @Test
    void replication_whenAbsent_recommendsGlobalResiliencyAsInfo() {
      checks.replication(null);

      Finding f = only(checks.findings(), CheckIds.REPLICATION_NONE);
      assertEquals(Severity.INFO, f.severity());
      assertEquals(Pillar.RELIABILITY, f.pillar());
      assertTrue(f.recommendation().contains("Global Resiliency"), f.recommendation());
      assertEquals(1, checks.findings().size());
    }

    @Test
    void replication_whenEveryRegionComplete_passesWithPerRegionStatuses() {
      checks.replication(replication(
          status("us-east-1", "INSTANCE_REPLICATION_COMPLETE", null),
          status("us-west-2", "INSTANCE_REPLICATION_COMPLETE", null)));

      Finding f = only(checks.findings(), CheckIds.REPLICATION_CONFIGURED);
      assertEquals(Severity.PASS, f.severity());
      assertEquals(Pillar.RELIABILITY, f.pillar());
      assertEquals("us-east-1", f.evidence().get("sourceRegion"));
      assertEquals("https://global.example.my.connect.aws", f.evidence().get("globalSignInEndpoint"));
      assertEquals(Map.of("us-east-1", "INSTANCE_REPLICATION_COMPLETE", "us-west-2", "INSTANCE_REPLICATION_COMPLETE"),
          f.evidence().get("regions"));
      assertEquals(List.of(CheckIds.REPLICATION_CONFIGURED), checkIds(checks.findings()));
      assertTrue(checks.notEvaluated().isEmpty());
    }

    @Test
    void replication_whenAReplicaRegionIsNotComplete_addsMediumNamingRegionStatusAndReason() {
      checks.replication(replication(
          status("us-east-1", "INSTANCE_REPLICATION_COMPLETE", null),
          status("us-west-2", "INSTANCE_REPLICATION_FAILED", "Quota exceeded in replica Region")));

      only(checks.findings(), CheckIds.REPLICATION_CONFIGURED);
      Finding f = only(checks.findings(), CheckIds.REPLICATION_UNHEALTHY);
      assertEquals(Severity.MEDIUM, f.severity());
      assertEquals(Pillar.RELIABILITY, f.pillar());
      assertEquals(List.of("us-west-2: INSTANCE_REPLICATION_FAILED (Quota exceeded in replica Region)"),
          f.evidence().get("unhealthyRegions"));
      assertTrue(f.detail().contains("us-west-2"), f.detail());
    }

    @Test
    void replication_whenNoStatusesReported_isConfiguredButHealthNotEvaluated() {
      checks.replication(ReplicationConfiguration.builder().sourceRegion("us-east-1").build());

      assertEquals(List.of(CheckIds.REPLICATION_CONFIGURED), checkIds(checks.findings()));
      assertTrue(checks.notEvaluated().get(0).contains("replication health not evaluated"));
    }

    private ReplicationConfiguration replication(ReplicationStatusSummary... statuses) {
      return ReplicationConfiguration.builder()
          .sourceRegion("us-east-1")
          .globalSignInEndpoint("https://global.example.my.connect.aws")
          .replicationStatusSummaryList(statuses)
          .build();
    }

    private ReplicationStatusSummary status(String region, String status, String reason) {
      return ReplicationStatusSummary.builder().region(region).replicationStatus(status)
          .replicationStatusReason(reason).build();
    }
  }

  @Nested
  class CallConfiguration {

    @Test
    void callConfiguration_whenBothEnabled_passes() {
      checks.callConfiguration(Fixtures.instance().build(), Map.of());

      Finding f = only(checks.findings(), CheckIds.CALLS_ENABLED);
      assertEquals(Severity.PASS, f.severity());
      assertEquals(Pillar.RELIABILITY, f.pillar());
      assertTrue(f.consoleUrl().contains("/telephony"), f.consoleUrl());
    }

    @Test
    void callConfiguration_whenInboundOff_isInfoSayingInbound() {
      checks.callConfiguration(Fixtures.instance().inboundCallsEnabled(false).build(), Map.of());

      Finding f = only(checks.findings(), CheckIds.CALLS_DISABLED);
      assertEquals(Severity.INFO, f.severity());
      assertEquals("Inbound calling is off", f.title());
      assertEquals(false, f.evidence().get("inboundCallsEnabled"));
      assertEquals(true, f.evidence().get("outboundCallsEnabled"));
    }

    @Test
    void callConfiguration_whenOutboundOff_isInfoSayingOutbound() {
      checks.callConfiguration(Fixtures.instance().outboundCallsEnabled(false).build(), Map.of());

      assertEquals("Outbound calling is off", only(checks.findings(), CheckIds.CALLS_DISABLED).title());
    }

    @Test
    void callConfiguration_whenBothOff_saysBoth() {
      checks.callConfiguration(
          Fixtures.instance().inboundCallsEnabled(false).outboundCallsEnabled(false).build(), Map.of());

      assertEquals("Inbound and outbound calling are off", only(checks.findings(), CheckIds.CALLS_DISABLED).title());
    }

    @Test
    void callConfiguration_whenDescribeInstanceSilent_usesTheCallAttributes() {
      checks.callConfiguration(
          Fixtures.instance().inboundCallsEnabled((Boolean) null).outboundCallsEnabled((Boolean) null).build(),
          Map.of("INBOUND_CALLS", "true", "OUTBOUND_CALLS", "false"));

      assertEquals("Outbound calling is off", only(checks.findings(), CheckIds.CALLS_DISABLED).title());
    }

    @Test
    void callConfiguration_whenNothingSaysIt_isNotEvaluated() {
      checks.callConfiguration(Fixtures.instance().outboundCallsEnabled((Boolean) null).build(), Map.of());

      assertTrue(checks.findings().isEmpty());
      assertTrue(checks.notEvaluated().get(0).startsWith("call configuration check not evaluated: outbound"));
    }
  }

  @Nested
  class Attributes {

    @Test
    void flowLogs_whenTrue_passes() {
      checks.flowLogs(Map.of("CONTACTFLOW_LOGS", "true"));

      Finding f = only(checks.findings(), CheckIds.FLOW_LOGS_ENABLED);
      assertEquals(Severity.PASS, f.severity());
      assertTrue(f.consoleUrl().contains("/flows"), f.consoleUrl());
    }

    @Test
    void flowLogs_whenFalse_isMedium() {
      checks.flowLogs(Map.of("CONTACTFLOW_LOGS", "false"));

      Finding f = only(checks.findings(), CheckIds.FLOW_LOGS_DISABLED);
      assertEquals(Severity.MEDIUM, f.severity());
      assertEquals(Pillar.OPERATIONAL_EXCELLENCE, f.pillar());
      assertEquals("false", f.evidence().get("CONTACTFLOW_LOGS"));
      assertTrue(f.recommendation().contains("flow logs"), f.recommendation());
    }

    @Test
    void flowLogs_whenAttributeNotRead_isNotEvaluatedNotPass() {
      checks.flowLogs(Map.of("CONTACT_LENS", "true"));

      assertTrue(checks.findings().isEmpty());
      assertEquals(List.of("flow logs check not evaluated: instance attribute CONTACTFLOW_LOGS was not read"),
          checks.notEvaluated());
    }

    @Test
    void flowLogs_whenValueIsNotABoolean_isNotEvaluated() {
      checks.flowLogs(Map.of("CONTACTFLOW_LOGS", "sometimes"));

      assertTrue(checks.findings().isEmpty());
      assertTrue(checks.notEvaluated().get(0).contains("'sometimes'"));
    }

    @Test
    void contactLens_whenTrue_passes() {
      checks.contactLens(Map.of("CONTACT_LENS", "TRUE"));

      assertEquals(Severity.PASS, only(checks.findings(), CheckIds.CONTACT_LENS_ENABLED).severity());
    }

    @Test
    void contactLens_whenFalse_isInfo() {
      checks.contactLens(Map.of("CONTACT_LENS", "false"));

      Finding f = only(checks.findings(), CheckIds.CONTACT_LENS_DISABLED);
      assertEquals(Severity.INFO, f.severity());
      assertEquals(Pillar.OPERATIONAL_EXCELLENCE, f.pillar());
    }

    @Test
    void contactLens_whenMissing_isNotEvaluated() {
      checks.contactLens(Map.of());

      assertTrue(checks.findings().isEmpty());
      assertTrue(checks.notEvaluated().get(0).contains("CONTACT_LENS"));
    }
  }

  @Nested
  class S3Encryption {

    @Test
    void s3Encryption_whenCustomerManagedKey_passes() {
      checks.s3Encryption(List.of(config("CALL_RECORDINGS", Fixtures.s3("recordings", "connect/cr", CMK_ARN))), true);

      Finding f = only(checks.findings(), CheckIds.S3_ENCRYPTION_CMK);
      assertEquals(Severity.PASS, f.severity());
      assertEquals("CALL_RECORDINGS: s3://recordings/connect/cr", f.resource());
      assertEquals(CMK_ARN, f.evidence().get("kmsKeyId"));
      assertEquals("CMK", f.evidence().get("encryption"));
      assertEquals("recordings", f.evidence().get("bucket"));
      assertTrue(f.consoleUrl().contains("/data-storage"), f.consoleUrl());
    }

    @ParameterizedTest
    @ValueSource(strings = {"alias/aws/connect", "arn:aws:kms:us-east-1:123456789012:alias/aws/connect"})
    void s3Encryption_whenAwsManagedKey_isLowPreferCmk(String keyId) {
      checks.s3Encryption(List.of(config("CHAT_TRANSCRIPTS", Fixtures.s3("chats", "ct", keyId))), true);

      Finding f = only(checks.findings(), CheckIds.S3_ENCRYPTION_AWS_MANAGED);
      assertEquals(Severity.LOW, f.severity());
      assertTrue(f.recommendation().contains("Prefer a customer managed KMS key"), f.recommendation());
      assertEquals("AWS_MANAGED", f.evidence().get("encryption"));
    }

    @Test
    void s3Encryption_whenNoEncryptionConfig_isHighPerConfig() {
      checks.s3Encryption(List.of(
          config("CALL_RECORDINGS", Fixtures.s3("recordings", "cr", CMK_ARN)),
          config("SCHEDULED_REPORTS", Fixtures.s3("reports", null, null))), true);

      Finding f = only(checks.findings(), CheckIds.S3_ENCRYPTION_NONE);
      assertEquals(Severity.HIGH, f.severity());
      assertEquals(Pillar.SECURITY, f.pillar());
      assertEquals("SCHEDULED_REPORTS: s3://reports", f.resource());
      assertEquals("NONE", f.evidence().get("encryption"));
      assertEquals(List.of(CheckIds.S3_ENCRYPTION_CMK, CheckIds.S3_ENCRYPTION_NONE), checkIds(checks.findings()));
    }

    @Test
    void s3Encryption_whenNoS3ConfigsAndEveryTypeRead_isInfo() {
      checks.s3Encryption(List.of(config("MEDIA_STREAMS", Fixtures.kvs("p", 24, CMK_ARN))), true);

      assertEquals(Severity.INFO, only(checks.findings(), CheckIds.S3_ENCRYPTION_NO_CONFIGS).severity());
    }

    @Test
    void s3Encryption_whenNoS3ConfigsButSomeTypesUnread_concludesNothing() {
      checks.s3Encryption(List.of(), false);

      assertTrue(checks.findings().isEmpty());
    }
  }

  @Nested
  class StreamingEncryption {

    @Test
    void kvs_whenNotEncrypted_isHigh() {
      checks.streamingEncryption(List.of(config("MEDIA_STREAMS", Fixtures.kvs("cc-media", 24, null))), List.of(), true);

      Finding f = only(checks.findings(), CheckIds.STREAM_ENCRYPTION_KVS_NONE);
      assertEquals(Severity.HIGH, f.severity());
      assertEquals("MEDIA_STREAMS: KVS prefix: cc-media", f.resource());
      assertEquals(24L, f.evidence().get("retentionHours"));
      assertEquals(List.of(CheckIds.STREAM_ENCRYPTION_KVS_NONE), checkIds(checks.findings()));
    }

    @Test
    void kvs_whenEncrypted_passesWithKeyKind() {
      checks.streamingEncryption(List.of(config("MEDIA_STREAMS", Fixtures.kvs("cc-media", 24, "alias/aws/kinesisvideo"))),
          List.of(), true);

      Finding f = only(checks.findings(), CheckIds.STREAM_ENCRYPTION_ENCRYPTED);
      assertEquals(Severity.PASS, f.severity());
      assertEquals("AWS_MANAGED", f.evidence().get("encryption"));
    }

    @Test
    void kvs_whenRetentionZero_addsMediumRetentionFinding() {
      checks.streamingEncryption(List.of(config("MEDIA_STREAMS", Fixtures.kvs("cc-media", 0, CMK_ARN))), List.of(), true);

      Finding f = only(checks.findings(), CheckIds.KVS_RETENTION_ZERO);
      assertEquals(Severity.MEDIUM, f.severity());
      assertEquals(Pillar.RELIABILITY, f.pillar());
      assertEquals(0L, f.evidence().get("retentionHours"));
    }

    @Test
    void kvs_whenRetentionPositive_hasNoRetentionFinding() {
      checks.streamingEncryption(List.of(config("MEDIA_STREAMS", Fixtures.kvs("cc-media", 1, CMK_ARN))), List.of(), true);

      assertTrue(checks.findings().stream().noneMatch(f -> f.checkId().equals(CheckIds.KVS_RETENTION_ZERO)));
    }

    @Test
    void kinesisStream_whenUnencrypted_isHigh() {
      checks.streamingEncryption(List.of(config("AGENT_EVENTS", Fixtures.kinesisStream(KDS_ARN))),
          List.of(kinesis(Encryption.NONE, null)), true);

      Finding f = only(checks.findings(), CheckIds.STREAM_ENCRYPTION_KDS_NONE);
      assertEquals(Severity.HIGH, f.severity());
      assertEquals(KDS_ARN, f.resource());
      assertEquals("agent-events", f.evidence().get("streamName"));
      assertEquals(List.of("AGENT_EVENTS"), f.evidence().get("resourceTypes"));
      assertTrue(f.consoleUrl().contains("kinesis/home?region=us-east-1#/streams/details/agent-events"), f.consoleUrl());
    }

    @Test
    void firehose_whenUnencrypted_isMedium() {
      checks.streamingEncryption(List.of(config("CONTACT_TRACE_RECORDS", Fixtures.firehose(FIREHOSE_ARN))),
          List.of(firehose(Encryption.NONE)), true);

      Finding f = only(checks.findings(), CheckIds.STREAM_ENCRYPTION_FIREHOSE_NONE);
      assertEquals(Severity.MEDIUM, f.severity());
      assertEquals(FIREHOSE_ARN, f.resource());
      assertTrue(f.consoleUrl().contains("firehose/home?region=us-east-1#/details/ctr-firehose"), f.consoleUrl());
    }

    @Test
    void streams_whenEncrypted_pass() {
      checks.streamingEncryption(List.of(), List.of(kinesis(Encryption.CMK, CMK_ARN), firehose(Encryption.AWS_MANAGED)),
          true);

      List<Finding> passes = checks.findings();
      assertEquals(List.of(CheckIds.STREAM_ENCRYPTION_ENCRYPTED, CheckIds.STREAM_ENCRYPTION_ENCRYPTED), checkIds(passes));
      assertEquals("CMK", passes.get(0).evidence().get("encryption"));
      assertEquals(CMK_ARN, passes.get(0).evidence().get("kmsKeyId"));
      assertEquals("AWS_MANAGED", passes.get(1).evidence().get("encryption"));
      assertTrue(checks.notEvaluated().isEmpty());
    }

    @Test
    void stream_whenDescribeDenied_isInfoSayingWhichStreamAndWhyAndNotEvaluated() {
      String reason = "AccessDeniedException from Kinesis (HTTP 400): not authorized";
      checks.streamingEncryption(List.of(), List.of(ResolvedStream.failed(StorageType.KINESIS_STREAM, KDS_ARN,
          List.of("AGENT_EVENTS"), reason, false)), true);

      Finding f = only(checks.findings(), CheckIds.STREAM_ENCRYPTION_UNVERIFIED);
      assertEquals(Severity.INFO, f.severity());
      assertTrue(f.detail().contains(KDS_ARN) && f.detail().contains(reason), f.detail());
      assertEquals(reason, f.evidence().get("reason"));
      assertEquals(1, checks.notEvaluated().size());
      assertTrue(checks.notEvaluated().get(0).contains("agent-events") && checks.notEvaluated().get(0).contains(reason));
    }

    @Test
    void stream_whenNotFound_isMediumReliabilityAndNotEvaluated() {
      checks.streamingEncryption(List.of(), List.of(ResolvedStream.failed(StorageType.KINESIS_FIREHOSE, FIREHOSE_ARN,
          List.of("CONTACT_TRACE_RECORDS"), "ResourceNotFoundException from Firehose (HTTP 400): not found", true)),
          true);

      Finding f = only(checks.findings(), CheckIds.STREAM_DESTINATION_NOT_FOUND);
      assertEquals(Severity.MEDIUM, f.severity());
      assertEquals(Pillar.RELIABILITY, f.pillar());
      assertEquals(1, checks.notEvaluated().size());
    }

    @Test
    void streaming_whenNothingStreamedAndEveryTypeRead_isInfo() {
      checks.streamingEncryption(List.of(config("CALL_RECORDINGS", Fixtures.s3("b", "p", CMK_ARN))), List.of(), true);

      assertEquals(Severity.INFO, only(checks.findings(), CheckIds.STREAM_ENCRYPTION_NO_STREAMS).severity());
    }

    @Test
    void streaming_whenSomeTypesUnread_doesNotConcludeNoStreams() {
      checks.streamingEncryption(List.of(), List.of(), false);

      assertTrue(checks.findings().isEmpty());
    }

    @Test
    void streaming_whenStreamConfiguredButNotDescribed_doesNotClaimNoStreams() {
      checks.streamingEncryption(List.of(config("AGENT_EVENTS", Fixtures.kinesisStream(KDS_ARN))), List.of(), true);

      assertTrue(checks.findings().isEmpty());
    }
  }

  @Test
  void unsupportedResourceTypes_whenSome_isOneInfoListingThem() {
    Map<String, String> unsupported = new LinkedHashMap<>();
    unsupported.put("EMAIL_MESSAGES", "InvalidRequestException from Connect (HTTP 400): not enabled");
    unsupported.put("SCREEN_RECORDINGS", "InvalidRequestException from Connect (HTTP 400): not enabled");

    checks.unsupportedResourceTypes(unsupported);

    Finding f = only(checks.findings(), CheckIds.STORAGE_TYPES_UNSUPPORTED);
    assertEquals(Severity.INFO, f.severity());
    assertEquals(List.of("EMAIL_MESSAGES", "SCREEN_RECORDINGS"), f.evidence().get("resourceTypes"));
  }

  @Test
  void unsupportedResourceTypes_whenNone_addsNothing() {
    checks.unsupportedResourceTypes(Map.of());

    assertTrue(checks.findings().isEmpty());
  }

  @Test
  void unrecognizedStorageTypes_areNotEvaluated() {
    InstanceStorageConfig future = InstanceStorageConfig.builder().associationId("x").storageType("QUANTUM_VAULT").build();

    checks.unrecognizedStorageTypes(List.of(config("CALL_RECORDINGS", future),
        config("CHAT_TRANSCRIPTS", Fixtures.s3("b", "p", CMK_ARN))));

    assertEquals(1, checks.notEvaluated().size());
    assertTrue(checks.notEvaluated().get(0).contains("QUANTUM_VAULT"));
  }

  @Test
  void everyFindingHasAConsoleUrlAndAnInstanceCheckId() {
    checks.identityManagement(Fixtures.instance().identityManagementType("CONNECT_MANAGED").build());
    checks.replication(null);
    checks.callConfiguration(Fixtures.instance().build(), Map.of());
    checks.flowLogs(Map.of("CONTACTFLOW_LOGS", "false"));
    checks.contactLens(Map.of("CONTACT_LENS", "false"));
    checks.s3Encryption(List.of(config("CALL_RECORDINGS", Fixtures.s3("b", "p", null))), true);
    checks.streamingEncryption(List.of(config("MEDIA_STREAMS", Fixtures.kvs("m", 0, null))),
        List.of(kinesis(Encryption.NONE, null)), true);

    assertEquals(9, checks.findings().size());
    for (Finding f : checks.findings()) {
      assertTrue(f.checkId().startsWith("INSTANCE."), f.checkId());
      assertTrue(f.consoleUrl() != null && f.consoleUrl().startsWith("https://"), f.checkId());
      assertTrue(f.resource() != null && !f.resource().isBlank(), f.checkId());
      if (f.severity().isProblem()) {
        assertTrue(f.recommendation() != null && !f.recommendation().isBlank(), f.checkId());
      }
    }
  }

  @Test
  void encryptionOfKmsKey_classifiesAliasesAndKeys() {
    assertEquals(Encryption.AWS_MANAGED, KmsKeys.encryptionOf("alias/aws/s3"));
    assertEquals(Encryption.AWS_MANAGED, KmsKeys.encryptionOf(" "));
    assertEquals(Encryption.AWS_MANAGED, KmsKeys.encryptionOf(null));
    assertEquals(Encryption.CMK, KmsKeys.encryptionOf("alias/connect-recordings"));
    assertEquals(Encryption.CMK, KmsKeys.encryptionOf(CMK_ARN));
  }

  private static StorageConfig config(String resourceType, InstanceStorageConfig config) {
    return new StorageConfig(InstanceStorageResourceType.fromValue(resourceType), config);
  }

  private static ResolvedStream kinesis(Encryption encryption, String keyId) {
    return new ResolvedStream(StorageType.KINESIS_STREAM, KDS_ARN, List.of("AGENT_EVENTS"), encryption, keyId, 24,
        encryption == Encryption.NONE ? "NONE" : "KMS", null, false);
  }

  private static ResolvedStream firehose(Encryption encryption) {
    return new ResolvedStream(StorageType.KINESIS_FIREHOSE, FIREHOSE_ARN, List.of("CONTACT_TRACE_RECORDS"), encryption,
        null, null, encryption == Encryption.NONE ? "DISABLED" : "ENABLED", null, false);
  }
}
