package com.connectopsreview.instance;

import static com.connectopsreview.instance.Fixtures.CMK_ARN;
import static com.connectopsreview.instance.Fixtures.FIREHOSE_ARN;
import static com.connectopsreview.instance.Fixtures.INSTANCE_ID;
import static com.connectopsreview.instance.Fixtures.KDS_ARN;
import static com.connectopsreview.instance.Fixtures.NOW;
import static com.connectopsreview.instance.Fixtures.checkIds;
import static com.connectopsreview.instance.Fixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.connectopsreview.shared.analyzer.AnalysisOutput;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.InstanceSection;
import com.connectopsreview.shared.sections.InstanceSection.CheckIds;
import com.connectopsreview.shared.testing.SdkMocks;
import com.connectopsreview.shared.testing.TestClock;
import com.connectopsreview.shared.time.TimeBudget;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsRequest;
import software.amazon.awssdk.services.cloudwatch.model.DescribeAlarmsResponse;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.Attribute;
import software.amazon.awssdk.services.connect.model.DescribeInstanceAttributeRequest;
import software.amazon.awssdk.services.connect.model.DescribeInstanceAttributeResponse;
import software.amazon.awssdk.services.connect.model.DescribeInstanceRequest;
import software.amazon.awssdk.services.connect.model.DescribeInstanceResponse;
import software.amazon.awssdk.services.connect.model.InstanceAttributeType;
import software.amazon.awssdk.services.connect.model.InstanceStorageConfig;
import software.amazon.awssdk.services.connect.model.InstanceStorageResourceType;
import software.amazon.awssdk.services.connect.model.ListInstanceAttributesRequest;
import software.amazon.awssdk.services.connect.model.ListInstanceAttributesResponse;
import software.amazon.awssdk.services.connect.model.ListInstanceStorageConfigsRequest;
import software.amazon.awssdk.services.connect.model.ListInstanceStorageConfigsResponse;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DescribeDeliveryStreamRequest;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryResponse;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusRequest;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;

class InstanceAnalyzerTest {

  private static final Instant DEADLINE = NOW.plusSeconds(120);

  private final ConnectClient connect = SdkMocks.client(ConnectClient.class);
  private final KinesisClient kinesis = SdkMocks.client(KinesisClient.class);
  private final FirehoseClient firehose = SdkMocks.client(FirehoseClient.class);
  private final KmsClient kms = SdkMocks.client(KmsClient.class);
  private final CloudWatchClient cloudWatch = SdkMocks.client(CloudWatchClient.class);

  private final TestClock clock = new TestClock(NOW);
  private final Map<InstanceStorageResourceType, List<InstanceStorageConfig>> storage =
      new EnumMap<>(InstanceStorageResourceType.class);
  private InstanceAnalyzer analyzer;

  @BeforeEach
  void setUp() {
    analyzer = new InstanceAnalyzer(SdkMocks.inRegion(Region.US_EAST_1, connect, kinesis, firehose, kms, cloudWatch));
    when(connect.describeInstance(any(DescribeInstanceRequest.class)))
        .thenReturn(DescribeInstanceResponse.builder().instance(Fixtures.instance().build()).build());
    when(connect.listInstanceAttributes(any(ListInstanceAttributesRequest.class))).thenReturn(
        attributesPage(null, "CONTACTFLOW_LOGS", "true", "CONTACT_LENS", "true"));
    when(connect.listInstanceStorageConfigs(any(ListInstanceStorageConfigsRequest.class))).thenAnswer(call -> {
      ListInstanceStorageConfigsRequest request = call.getArgument(0);
      return ListInstanceStorageConfigsResponse.builder()
          .storageConfigs(storage.getOrDefault(request.resourceType(), List.of())).build();
    });
    // Every CMK a healthy customer managed key with rotation on; no alarms in the Region.
    when(kms.describeKey(any(DescribeKeyRequest.class))).thenAnswer(call -> {
      DescribeKeyRequest request = call.getArgument(0);
      return DescribeKeyResponse.builder().keyMetadata(Fixtures.customerKey(request.keyId(), "Enabled")).build();
    });
    when(kms.getKeyRotationStatus(any(GetKeyRotationStatusRequest.class))).thenAnswer(call -> {
      GetKeyRotationStatusRequest request = call.getArgument(0);
      return GetKeyRotationStatusResponse.builder().keyId(request.keyId()).keyRotationEnabled(true)
          .rotationPeriodInDays(365).nextRotationDate(NOW.plusSeconds(86400 * 30)).build();
    });
    when(cloudWatch.describeAlarms(any(DescribeAlarmsRequest.class))).thenReturn(DescribeAlarmsResponse.builder().build());
  }

  @Test
  void analyze_whenEverythingReadable_isOkWithTheFixedDataShape() {
    storage.put(InstanceStorageResourceType.CALL_RECORDINGS, List.of(Fixtures.s3("recordings", "connect/cr", CMK_ARN)));
    storage.put(InstanceStorageResourceType.AGENT_EVENTS, List.of(Fixtures.kinesisStream(KDS_ARN)));
    when(kinesis.describeStreamSummary(any(DescribeStreamSummaryRequest.class))).thenReturn(
        DescribeStreamSummaryResponse.builder().streamDescriptionSummary(s -> s.streamARN(KDS_ARN)
            .encryptionType("KMS").keyId(CMK_ARN).retentionPeriodHours(24)).build());

    AnalysisOutput out = analyzer.analyze(Fixtures.request(DEADLINE), budget());

    assertEquals(ComponentStatus.OK, out.status(), () -> String.valueOf(out.errors()));
    assertEquals(List.of(), out.errors());
    assertEquals(List.of(CheckIds.IDENTITY_SAML, CheckIds.REPLICATION_NONE, CheckIds.CALLS_ENABLED,
        CheckIds.FLOW_LOGS_ENABLED, CheckIds.CONTACT_LENS_ENABLED, CheckIds.S3_ENCRYPTION_CMK,
        CheckIds.STREAM_ENCRYPTION_ENCRYPTED, CheckIds.KEY_ROTATION_ENABLED, CheckIds.STREAM_RETENTION_DEFAULT,
        CheckIds.STREAM_ALARMS_ITERATOR_AGE_MISSING, CheckIds.STREAM_ALARMS_INCOMPLETE), checkIds(out.findings()));

    JsonNode data = out.data();
    assertEquals(Set.of("schemaVersion", "instance", "attributes", "replication", "storageConfigs",
        "unconfiguredResourceTypes", "kmsKeys", "kinesisStreams"), fieldNames(data));
    // The recordings' key and the stream's key are one key, read once.
    verify(kms, times(1)).describeKey(any(DescribeKeyRequest.class));
    verify(kms, times(1)).getKeyRotationStatus(any(GetKeyRotationStatusRequest.class));
    assertEquals(1, data.get("kmsKeys").size());
    JsonNode key = data.get("kmsKeys").get(0);
    assertEquals(Set.of("keyId", "keyArn", "usedBy", "streams", "keyManager", "keyState", "rotation",
        "rotationPeriodInDays", "nextRotationDate", "reason"), fieldNames(key));
    assertEquals(CMK_ARN, key.get("keyArn").asText());
    assertEquals("ENABLED", key.get("rotation").asText());
    assertEquals(365, key.get("rotationPeriodInDays").asInt());
    assertEquals(List.of("CALL_RECORDINGS: s3://recordings/connect/cr", "Kinesis data stream agent-events (AGENT_EVENTS)"),
        List.of(key.at("/usedBy/0").asText(), key.at("/usedBy/1").asText()));
    assertEquals("agent-events", key.at("/streams/0").asText());
    JsonNode kds = data.get("kinesisStreams").get(0);
    assertEquals(Set.of("arn", "name", "resourceTypes", "retentionHours", "alarms"), fieldNames(kds));
    assertEquals(24, kds.get("retentionHours").asInt());
    assertEquals(Set.of("recommended", "found", "coveragePercent", "present", "missing"), fieldNames(kds.get("alarms")));
    assertEquals(6, kds.at("/alarms/missing").size());
    assertEquals(0, kds.at("/alarms/coveragePercent").decimalValue().signum());
    ArgumentCaptor<DescribeAlarmsRequest> alarms = ArgumentCaptor.forClass(DescribeAlarmsRequest.class);
    verify(cloudWatch, times(1)).describeAlarms(alarms.capture());
    assertEquals(List.of("MetricAlarm"), alarms.getValue().alarmTypesAsStrings());
    assertEquals(InstanceSection.SCHEMA_VERSION, data.get("schemaVersion").intValue());
    assertEquals(Set.of("id", "arn", "alias", "identityManagementType", "status", "serviceRole", "createdTime",
        "inboundCallsEnabled", "outboundCallsEnabled", "accessUrl"), fieldNames(data.get("instance")));
    assertEquals("2024-03-01T10:15:30Z", data.at("/instance/createdTime").asText());
    assertTrue(data.at("/instance/inboundCallsEnabled").isBoolean());
    assertEquals("true", data.at("/attributes/CONTACTFLOW_LOGS").asText());
    assertTrue(data.get("replication").isNull());
    assertEquals(2, data.get("storageConfigs").size());
    JsonNode recording = data.get("storageConfigs").get(0);
    assertEquals(Set.of("resourceType", "storageType", "destination", "encryption", "kmsKeyId", "retentionHours"),
        fieldNames(recording));
    assertEquals("CALL_RECORDINGS", recording.get("resourceType").asText());
    assertEquals("s3://recordings/connect/cr", recording.get("destination").asText());
    assertEquals("CMK", recording.get("encryption").asText());
    JsonNode stream = data.get("storageConfigs").get(1);
    assertEquals("KINESIS_STREAM", stream.get("storageType").asText());
    assertEquals(24, stream.get("retentionHours").asInt());
    assertEquals(11, data.get("unconfiguredResourceTypes").size());
    assertFalse(data.get("unconfiguredResourceTypes").toString().contains("CALL_RECORDINGS"));
  }

  @Test
  void analyze_callsDescribeInstanceOnceAndListsStorageForEveryKnownResourceType() {
    analyzer.analyze(Fixtures.request(DEADLINE), budget());

    ArgumentCaptor<DescribeInstanceRequest> describe = ArgumentCaptor.forClass(DescribeInstanceRequest.class);
    verify(connect, times(1)).describeInstance(describe.capture());
    assertEquals(INSTANCE_ID, describe.getValue().instanceId());
    ArgumentCaptor<ListInstanceStorageConfigsRequest> lists =
        ArgumentCaptor.forClass(ListInstanceStorageConfigsRequest.class);
    verify(connect, times(InstanceStorageResourceType.knownValues().size())).listInstanceStorageConfigs(lists.capture());
    assertEquals(new TreeSet<>(InstanceStorageResourceType.knownValues()),
        new TreeSet<>(lists.getAllValues().stream().map(ListInstanceStorageConfigsRequest::resourceType).toList()));
    verify(connect, never()).describeInstanceAttribute(any(DescribeInstanceAttributeRequest.class));
  }

  @Test
  void analyze_followsAttributeAndStorageNextTokens() {
    when(connect.listInstanceAttributes(any(ListInstanceAttributesRequest.class))).thenAnswer(call -> {
      ListInstanceAttributesRequest request = call.getArgument(0);
      return request.nextToken() == null
          ? attributesPage("attr-2", "CONTACTFLOW_LOGS", "false")
          : attributesPage(null, "CONTACT_LENS", "false");
    });
    when(connect.listInstanceStorageConfigs(any(ListInstanceStorageConfigsRequest.class))).thenAnswer(call -> {
      ListInstanceStorageConfigsRequest request = call.getArgument(0);
      if (request.resourceType() != InstanceStorageResourceType.CALL_RECORDINGS) {
        return ListInstanceStorageConfigsResponse.builder().build();
      }
      return request.nextToken() == null
          ? ListInstanceStorageConfigsResponse.builder().storageConfigs(Fixtures.s3("a", "p1", CMK_ARN))
              .nextToken("sc-2").build()
          : ListInstanceStorageConfigsResponse.builder().storageConfigs(Fixtures.s3("b", "p2", null)).build();
    });

    AnalysisOutput out = analyzer.analyze(Fixtures.request(DEADLINE), budget());

    assertEquals(Map.of("CONTACTFLOW_LOGS", "false", "CONTACT_LENS", "false"),
        Map.of("CONTACTFLOW_LOGS", out.data().at("/attributes/CONTACTFLOW_LOGS").asText(),
            "CONTACT_LENS", out.data().at("/attributes/CONTACT_LENS").asText()));
    only(out.findings(), CheckIds.FLOW_LOGS_DISABLED);
    only(out.findings(), CheckIds.CONTACT_LENS_DISABLED);
    only(out.findings(), CheckIds.S3_ENCRYPTION_CMK);
    assertEquals("CALL_RECORDINGS: s3://b/p2", only(out.findings(), CheckIds.S3_ENCRYPTION_NONE).resource());
    verify(connect, times(2)).listInstanceAttributes(any(ListInstanceAttributesRequest.class));
    verify(connect, times(InstanceStorageResourceType.knownValues().size() + 1))
        .listInstanceStorageConfigs(any(ListInstanceStorageConfigsRequest.class));
  }

  @Test
  void analyze_whenDescribeInstanceDenied_letsTheErrorEscapeSoTheComponentFails() {
    var denied = Fixtures.connectAccessDenied("DescribeInstance");
    when(connect.describeInstance(any(DescribeInstanceRequest.class))).thenThrow(denied);

    var thrown = assertThrows(RuntimeException.class, () -> analyzer.analyze(Fixtures.request(DEADLINE), budget()));

    assertSame(denied, thrown);
    verify(connect, never()).listInstanceAttributes(any(ListInstanceAttributesRequest.class));
  }

  @Test
  void analyze_whenListAttributesDenied_fallsBackToDescribeAttributePerType() {
    when(connect.listInstanceAttributes(any(ListInstanceAttributesRequest.class)))
        .thenThrow(Fixtures.connectAccessDenied("ListInstanceAttributes"));
    when(connect.describeInstanceAttribute(any(DescribeInstanceAttributeRequest.class))).thenAnswer(call -> {
      DescribeInstanceAttributeRequest request = call.getArgument(0);
      if (request.attributeType() == InstanceAttributeType.MESSAGE_STREAMING) {
        throw Fixtures.connectInvalidRequest("attribute not supported");
      }
      return DescribeInstanceAttributeResponse.builder().attribute(Attribute.builder()
          .attributeType(request.attributeType()).value(request.attributeType() == InstanceAttributeType.CONTACTFLOW_LOGS
              ? "false" : "true").build()).build();
    });

    AnalysisOutput out = analyzer.analyze(Fixtures.request(DEADLINE), budget());

    verify(connect, times(InstanceAttributeType.knownValues().size()))
        .describeInstanceAttribute(any(DescribeInstanceAttributeRequest.class));
    assertEquals(ComponentStatus.OK, out.status(), () -> String.valueOf(out.errors()));
    assertEquals("false", out.data().at("/attributes/CONTACTFLOW_LOGS").asText());
    assertTrue(out.data().at("/attributes/MESSAGE_STREAMING").isMissingNode());
    only(out.findings(), CheckIds.FLOW_LOGS_DISABLED);
    only(out.findings(), CheckIds.CONTACT_LENS_ENABLED);
  }

  @Test
  void analyze_whenAttributesDeniedBothWays_isPartialAndAttributeChecksNotEvaluated() {
    when(connect.listInstanceAttributes(any(ListInstanceAttributesRequest.class)))
        .thenThrow(Fixtures.connectAccessDenied("ListInstanceAttributes"));
    when(connect.describeInstanceAttribute(any(DescribeInstanceAttributeRequest.class)))
        .thenThrow(Fixtures.connectAccessDenied("DescribeInstanceAttribute"));

    AnalysisOutput out = analyzer.analyze(Fixtures.request(DEADLINE), budget());

    assertEquals(ComponentStatus.PARTIAL, out.status());
    assertTrue(out.errors().get(0).startsWith("instance attributes INBOUND_CALLS, OUTBOUND_CALLS, CONTACTFLOW_LOGS"),
        out.errors().get(0));
    assertTrue(out.errors().get(0).contains("AccessDeniedException"), out.errors().get(0));
    assertTrue(out.errors().contains(
        "flow logs check not evaluated: instance attribute CONTACTFLOW_LOGS was not read"), out.errors()::toString);
    assertTrue(out.findings().stream().noneMatch(f -> f.checkId().startsWith("INSTANCE.FLOW_LOGS")));
    assertTrue(out.findings().stream().noneMatch(f -> f.checkId().startsWith("INSTANCE.CONTACT_LENS")));
    assertEquals(0, out.data().get("attributes").size());
  }

  @Test
  void analyze_whenListAttributesFailsOtherwise_isPartialWithoutFallback() {
    when(connect.listInstanceAttributes(any(ListInstanceAttributesRequest.class))).thenThrow(Fixtures.connectInternal());

    AnalysisOutput out = analyzer.analyze(Fixtures.request(DEADLINE), budget());

    assertEquals(ComponentStatus.PARTIAL, out.status());
    assertTrue(out.errors().get(0).startsWith("instance attributes could not be listed: InternalServiceException"),
        out.errors().get(0));
    verify(connect, never()).describeInstanceAttribute(any(DescribeInstanceAttributeRequest.class));
  }

  @Test
  void analyze_whenAResourceTypeIsRejected_recordsItAsNotSupportedNotAFailure() {
    when(connect.listInstanceStorageConfigs(any(ListInstanceStorageConfigsRequest.class))).thenAnswer(call -> {
      ListInstanceStorageConfigsRequest request = call.getArgument(0);
      if (request.resourceType() == InstanceStorageResourceType.EMAIL_MESSAGES) {
        throw Fixtures.connectInvalidRequest("Email is not enabled for this instance");
      }
      return ListInstanceStorageConfigsResponse.builder().build();
    });

    AnalysisOutput out = analyzer.analyze(Fixtures.request(DEADLINE), budget());

    assertEquals(ComponentStatus.OK, out.status(), () -> String.valueOf(out.errors()));
    Finding unsupported = only(out.findings(), CheckIds.STORAGE_TYPES_UNSUPPORTED);
    assertEquals(List.of("EMAIL_MESSAGES"), unsupported.evidence().get("resourceTypes"));
    assertTrue(out.data().get("unconfiguredResourceTypes").toString().contains("EMAIL_MESSAGES"));
    assertEquals(13, out.data().get("unconfiguredResourceTypes").size());
    only(out.findings(), CheckIds.S3_ENCRYPTION_NO_CONFIGS);
    only(out.findings(), CheckIds.STREAM_ENCRYPTION_NO_STREAMS);
  }

  @Test
  void analyze_whenStorageListingDenied_stopsAfterOneCallAndNamesEveryTypeNotExamined() {
    when(connect.listInstanceStorageConfigs(any(ListInstanceStorageConfigsRequest.class)))
        .thenThrow(Fixtures.connectAccessDenied("ListInstanceStorageConfigs"));

    AnalysisOutput out = analyzer.analyze(Fixtures.request(DEADLINE), budget());

    verify(connect, times(1)).listInstanceStorageConfigs(any(ListInstanceStorageConfigsRequest.class));
    assertEquals(ComponentStatus.PARTIAL, out.status());
    String error = out.errors().get(0);
    for (InstanceStorageResourceType type : InstanceStorageResourceType.knownValues()) {
      assertTrue(error.contains(type.toString()), error);
    }
    assertTrue(error.contains("ListInstanceStorageConfigs denied (AccessDeniedException"), error);
    assertTrue(out.findings().stream().noneMatch(f -> f.checkId().equals(CheckIds.S3_ENCRYPTION_NO_CONFIGS)
        || f.checkId().equals(CheckIds.STREAM_ENCRYPTION_NO_STREAMS)));
    assertEquals(0, out.data().get("unconfiguredResourceTypes").size());
  }

  @Test
  void analyze_whenOneResourceTypeFails_continuesWithTheOthers() {
    storage.put(InstanceStorageResourceType.SCHEDULED_REPORTS, List.of(Fixtures.s3("reports", null, null)));
    when(connect.listInstanceStorageConfigs(any(ListInstanceStorageConfigsRequest.class))).thenAnswer(call -> {
      ListInstanceStorageConfigsRequest request = call.getArgument(0);
      if (request.resourceType() == InstanceStorageResourceType.CALL_RECORDINGS) {
        throw Fixtures.connectInternal();
      }
      return ListInstanceStorageConfigsResponse.builder()
          .storageConfigs(storage.getOrDefault(request.resourceType(), List.of())).build();
    });

    AnalysisOutput out = analyzer.analyze(Fixtures.request(DEADLINE), budget());

    assertEquals(ComponentStatus.PARTIAL, out.status());
    assertTrue(out.errors().get(0).startsWith("storage configs of CALL_RECORDINGS could not be listed: "
        + "InternalServiceException"), out.errors().get(0));
    assertEquals("SCHEDULED_REPORTS: s3://reports", only(out.findings(), CheckIds.S3_ENCRYPTION_NONE).resource());
  }

  @Test
  void analyze_whenStreamDescribeDenied_isPartialNamingTheStreamAndReason() {
    storage.put(InstanceStorageResourceType.AGENT_EVENTS, List.of(Fixtures.kinesisStream(KDS_ARN)));
    when(kinesis.describeStreamSummary(any(DescribeStreamSummaryRequest.class))).thenThrow(
        software.amazon.awssdk.services.kinesis.model.AccessDeniedException.builder().statusCode(400)
            .message("not authorized to perform kinesis:DescribeStreamSummary")
            .awsErrorDetails(Fixtures.errorDetails("AccessDeniedException", "Kinesis",
                "not authorized to perform kinesis:DescribeStreamSummary")).build());

    AnalysisOutput out = analyzer.analyze(Fixtures.request(DEADLINE), budget());

    assertEquals(ComponentStatus.PARTIAL, out.status());
    Finding f = only(out.findings(), CheckIds.STREAM_ENCRYPTION_UNVERIFIED);
    assertEquals(KDS_ARN, f.resource());
    assertEquals(1, out.errors().size());
    assertTrue(out.errors().get(0).contains("agent-events") && out.errors().get(0).contains("AccessDeniedException"),
        out.errors().get(0));
    assertEquals("UNKNOWN", out.data().at("/storageConfigs/0/encryption").asText());
  }

  @Test
  void analyze_whenFirehoseMissing_reportsNotFoundAndPartial() {
    storage.put(InstanceStorageResourceType.CONTACT_TRACE_RECORDS, List.of(Fixtures.firehose(FIREHOSE_ARN)));
    when(firehose.describeDeliveryStream(any(DescribeDeliveryStreamRequest.class))).thenThrow(
        software.amazon.awssdk.services.firehose.model.ResourceNotFoundException.builder().statusCode(400)
            .message("Firehose ctr-firehose under account 123456789012 not found.")
            .awsErrorDetails(Fixtures.errorDetails("ResourceNotFoundException", "Firehose",
                "Firehose ctr-firehose under account 123456789012 not found.")).build());

    AnalysisOutput out = analyzer.analyze(Fixtures.request(DEADLINE), budget());

    ArgumentCaptor<DescribeDeliveryStreamRequest> request = ArgumentCaptor.forClass(DescribeDeliveryStreamRequest.class);
    verify(firehose).describeDeliveryStream(request.capture());
    assertEquals("ctr-firehose", request.getValue().deliveryStreamName());
    assertEquals(ComponentStatus.PARTIAL, out.status());
    assertEquals(Severity.MEDIUM, only(out.findings(), CheckIds.STREAM_DESTINATION_NOT_FOUND).severity());
  }

  @Test
  void analyze_whenOneStreamServesTwoResourceTypes_describesItOnce() {
    storage.put(InstanceStorageResourceType.AGENT_EVENTS, List.of(Fixtures.kinesisStream(KDS_ARN)));
    storage.put(InstanceStorageResourceType.CONTACT_TRACE_RECORDS, List.of(Fixtures.kinesisStream(KDS_ARN)));
    when(kinesis.describeStreamSummary(any(DescribeStreamSummaryRequest.class))).thenReturn(
        DescribeStreamSummaryResponse.builder().streamDescriptionSummary(s -> s.encryptionType("NONE")
            .retentionPeriodHours(24)).build());

    AnalysisOutput out = analyzer.analyze(Fixtures.request(DEADLINE), budget());

    verify(kinesis, times(1)).describeStreamSummary(any(DescribeStreamSummaryRequest.class));
    Finding f = only(out.findings(), CheckIds.STREAM_ENCRYPTION_KDS_NONE);
    assertEquals(List.of("CONTACT_TRACE_RECORDS", "AGENT_EVENTS"), f.evidence().get("resourceTypes"));
    assertEquals(2, out.data().get("storageConfigs").size());
    assertEquals("NONE", out.data().at("/storageConfigs/1/encryption").asText());
  }

  @Test
  void analyze_whenBudgetEndsAfterDescribeInstance_isPartialSayingWhatWasNotExamined() {
    when(connect.describeInstance(any(DescribeInstanceRequest.class))).thenAnswer(call -> {
      clock.set(DEADLINE);
      return DescribeInstanceResponse.builder().instance(Fixtures.instance().build()).build();
    });

    AnalysisOutput out = analyzer.analyze(Fixtures.request(DEADLINE), budget());

    assertEquals(ComponentStatus.PARTIAL, out.status());
    String timeout = out.errors().get(0);
    assertTrue(timeout.startsWith("time budget spent"), timeout);
    assertTrue(timeout.contains("not examined: instance attributes; storage configs of CHAT_TRANSCRIPTS, CALL_RECORDINGS"),
        timeout);
    verify(connect, never()).listInstanceAttributes(any(ListInstanceAttributesRequest.class));
    verify(connect, never()).listInstanceStorageConfigs(any(ListInstanceStorageConfigsRequest.class));
    only(out.findings(), CheckIds.IDENTITY_SAML);
    only(out.findings(), CheckIds.CALLS_ENABLED);
    assertTrue(out.findings().stream().noneMatch(f -> f.severity() == Severity.PASS
        && f.checkId().startsWith("INSTANCE.FLOW_LOGS")));
    assertTrue(out.errors().stream().anyMatch(e -> e.startsWith("flow logs check not evaluated")));
  }

  @Test
  void analyze_whenBudgetEndsDuringStorageListing_keepsWhatWasReadAndListsTheRest() {
    storage.put(InstanceStorageResourceType.CHAT_TRANSCRIPTS, List.of(Fixtures.s3("chats", "ct", CMK_ARN)));
    storage.put(InstanceStorageResourceType.AGENT_EVENTS, List.of(Fixtures.kinesisStream(KDS_ARN)));
    Iterator<InstanceStorageResourceType> order = new TreeSet<>(InstanceStorageResourceType.knownValues()).iterator();
    List<InstanceStorageResourceType> listed = new ArrayList<>();
    when(connect.listInstanceStorageConfigs(any(ListInstanceStorageConfigsRequest.class))).thenAnswer(call -> {
      ListInstanceStorageConfigsRequest request = call.getArgument(0);
      listed.add(request.resourceType());
      if (listed.size() == 2) {
        clock.set(DEADLINE);
      }
      return ListInstanceStorageConfigsResponse.builder()
          .storageConfigs(storage.getOrDefault(request.resourceType(), List.of())).build();
    });

    AnalysisOutput out = analyzer.analyze(Fixtures.request(DEADLINE), budget());

    assertEquals(List.of(order.next(), order.next()), listed);
    assertEquals(ComponentStatus.PARTIAL, out.status());
    assertTrue(out.errors().get(0).contains("not examined: storage configs of SCHEDULED_REPORTS"), out.errors().get(0));
    assertTrue(out.errors().get(0).contains("AGENT_EVENTS"), out.errors().get(0));
    only(out.findings(), CheckIds.S3_ENCRYPTION_CMK);
    assertTrue(out.findings().stream().noneMatch(f -> f.checkId().equals(CheckIds.STREAM_ENCRYPTION_NO_STREAMS)));
  }

  @Test
  void analyze_whenDescribeAlarmsDenied_isPartialAndJudgesNoAlarm() {
    storage.put(InstanceStorageResourceType.AGENT_EVENTS, List.of(Fixtures.kinesisStream(KDS_ARN)));
    when(kinesis.describeStreamSummary(any(DescribeStreamSummaryRequest.class))).thenReturn(
        DescribeStreamSummaryResponse.builder().streamDescriptionSummary(s -> s.streamARN(KDS_ARN)
            .encryptionType("KMS").keyId(CMK_ARN).retentionPeriodHours(48)).build());
    when(cloudWatch.describeAlarms(any(DescribeAlarmsRequest.class))).thenThrow(CloudWatchException.builder()
        .statusCode(403).message("not authorized to perform: cloudwatch:DescribeAlarms")
        .awsErrorDetails(Fixtures.errorDetails("AccessDenied", "CloudWatch",
            "not authorized to perform: cloudwatch:DescribeAlarms")).build());

    AnalysisOutput out = analyzer.analyze(Fixtures.request(DEADLINE), budget());

    assertEquals(ComponentStatus.PARTIAL, out.status());
    assertEquals(1, out.errors().size(), out.errors()::toString);
    assertTrue(out.errors().get(0).startsWith(
        "Kinesis stream alarms not evaluated: CloudWatch DescribeAlarms denied (AccessDenied from CloudWatch (HTTP 403)"),
        out.errors().get(0));
    assertTrue(out.findings().stream().noneMatch(f -> f.checkId().startsWith("INSTANCE.STREAM_ALARMS.")),
        () -> checkIds(out.findings()).toString());
    assertTrue(out.data().at("/kinesisStreams/0/alarms").isNull());
    assertEquals(48, out.data().at("/kinesisStreams/0/retentionHours").asInt());
    assertEquals(Severity.INFO, only(out.findings(), CheckIds.STREAM_RETENTION_EXTENDED).severity());
    only(out.findings(), CheckIds.KEY_ROTATION_ENABLED);
  }

  @Test
  void analyze_withoutKinesisStreamsOrCustomerKeys_readsNeitherAlarmsNorKeys() {
    storage.put(InstanceStorageResourceType.CHAT_TRANSCRIPTS, List.of(Fixtures.s3("chats", "ct", "alias/aws/connect")));
    storage.put(InstanceStorageResourceType.CONTACT_TRACE_RECORDS, List.of(Fixtures.firehose(FIREHOSE_ARN)));
    when(firehose.describeDeliveryStream(any(DescribeDeliveryStreamRequest.class))).thenReturn(
        software.amazon.awssdk.services.firehose.model.DescribeDeliveryStreamResponse.builder()
            .deliveryStreamDescription(d -> d.deliveryStreamARN(FIREHOSE_ARN).deliveryStreamEncryptionConfiguration(
                e -> e.status("ENABLED").keyType("AWS_OWNED_CMK"))).build());

    AnalysisOutput out = analyzer.analyze(Fixtures.request(DEADLINE), budget());

    assertEquals(ComponentStatus.OK, out.status(), () -> String.valueOf(out.errors()));
    verify(cloudWatch, never()).describeAlarms(any(DescribeAlarmsRequest.class));
    verify(kms, never()).describeKey(any(DescribeKeyRequest.class));
    verify(kms, never()).getKeyRotationStatus(any(GetKeyRotationStatusRequest.class));
    assertEquals(0, out.data().get("kmsKeys").size());
    assertEquals(0, out.data().get("kinesisStreams").size());
  }

  private TimeBudget budget() {
    return new TimeBudget(clock, DEADLINE);
  }

  private static ListInstanceAttributesResponse attributesPage(String nextToken, String... typeValue) {
    List<Attribute> attributes = new ArrayList<>();
    for (int i = 0; i < typeValue.length; i += 2) {
      attributes.add(Attribute.builder().attributeType(typeValue[i]).value(typeValue[i + 1]).build());
    }
    return ListInstanceAttributesResponse.builder().attributes(attributes).nextToken(nextToken).build();
  }

  private static Set<String> fieldNames(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
