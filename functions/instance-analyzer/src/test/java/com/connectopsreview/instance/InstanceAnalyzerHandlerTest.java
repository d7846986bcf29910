package com.connectopsreview.instance;

import static com.connectopsreview.instance.Fixtures.CMK_ARN;
import static com.connectopsreview.instance.Fixtures.checkIds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.amazonaws.services.lambda.runtime.Context;
import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.exception.InvalidRequestException;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.sections.InstanceSection.CheckIds;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.connectopsreview.shared.testing.SdkMocks;
import com.connectopsreview.shared.testing.TestEvents;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.Attribute;
import software.amazon.awssdk.services.connect.model.DescribeInstanceRequest;
import software.amazon.awssdk.services.connect.model.DescribeInstanceResponse;
import software.amazon.awssdk.services.connect.model.InstanceStorageResourceType;
import software.amazon.awssdk.services.connect.model.ListInstanceAttributesRequest;
import software.amazon.awssdk.services.connect.model.ListInstanceAttributesResponse;
import software.amazon.awssdk.services.connect.model.ListInstanceStorageConfigsRequest;
import software.amazon.awssdk.services.connect.model.ListInstanceStorageConfigsResponse;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusRequest;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;

class InstanceAnalyzerHandlerTest {

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:05Z");

  @TempDir Path storeDir;

  private final ConnectClient connect = SdkMocks.client(ConnectClient.class);
  private LocalDirectoryResultStore store;
  private InstanceAnalyzerHandler handler;

  @BeforeEach
  void setUp() {
    when(connect.describeInstance(any(DescribeInstanceRequest.class)))
        .thenReturn(DescribeInstanceResponse.builder().instance(Fixtures.instance().build()).build());
    when(connect.listInstanceAttributes(any(ListInstanceAttributesRequest.class))).thenReturn(
        ListInstanceAttributesResponse.builder().attributes(
            Attribute.builder().attributeType("CONTACTFLOW_LOGS").value("true").build(),
            Attribute.builder().attributeType("CONTACT_LENS").value("false").build()).build());
    when(connect.listInstanceStorageConfigs(any(ListInstanceStorageConfigsRequest.class))).thenAnswer(call -> {
      ListInstanceStorageConfigsRequest request = call.getArgument(0);
      return request.resourceType() == InstanceStorageResourceType.CALL_RECORDINGS
          ? ListInstanceStorageConfigsResponse.builder().storageConfigs(Fixtures.s3("rec", "cr", CMK_ARN)).build()
          : ListInstanceStorageConfigsResponse.builder().build();
    });
    store = new LocalDirectoryResultStore(storeDir);
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    KmsClient kms = SdkMocks.client(KmsClient.class);
    when(kms.describeKey(any(DescribeKeyRequest.class))).thenReturn(
        DescribeKeyResponse.builder().keyMetadata(Fixtures.customerKey(CMK_ARN, "Enabled")).build());
    when(kms.getKeyRotationStatus(any(GetKeyRotationStatusRequest.class))).thenReturn(
        GetKeyRotationStatusResponse.builder().keyId(CMK_ARN).keyRotationEnabled(false).build());
    ServiceClients clients = SdkMocks.inRegion(Region.US_EAST_1, connect, SdkMocks.client(KinesisClient.class),
        SdkMocks.client(FirehoseClient.class), kms);
    handler = new InstanceAnalyzerHandler(new AnalyzerRunner(InstanceAnalyzerFactory.create(clients, store, clock),
        store, new ApiCallCounter(ApiRateLimiter.unlimited()), clock), clock);
  }

  @Test
  void handleRequest_withTheSampleEvent_storesTheInstanceResultAndAnswersItsSummary() throws IOException {
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    handler.handleRequest(event(), output, null);

    AnalyzerResponse response = Json.fromBytes(output.toByteArray(), AnalyzerResponse.class);
    assertEquals("20261123T090000Z-abcdef", response.reviewId());
    assertEquals("instance", response.component());
    assertEquals(ComponentStatus.OK, response.status(), () -> String.valueOf(response.errors()));

    assertEquals(List.of("instance"), store.listComponents("20261123T090000Z-abcdef"));
    AnalyzerResult stored = store.getResult("20261123T090000Z-abcdef", "instance").orElseThrow();
    assertEquals(ComponentStatus.OK, stored.status());
    assertEquals(NOW, stored.startedAt());
    assertEquals(response.findingCount(), stored.findings().size());
    assertEquals(List.of(CheckIds.IDENTITY_SAML, CheckIds.REPLICATION_NONE, CheckIds.CALLS_ENABLED,
        CheckIds.FLOW_LOGS_ENABLED, CheckIds.CONTACT_LENS_DISABLED, CheckIds.S3_ENCRYPTION_CMK,
        CheckIds.STREAM_ENCRYPTION_NO_STREAMS, CheckIds.KEY_ROTATION_DISABLED), checkIds(stored.findings()));
    assertEquals("11111111-2222-3333-4444-555555555555", stored.data().at("/instance/id").asText());
    assertEquals("CALL_RECORDINGS: s3://rec/cr", stored.findings().get(5).resource());
  }

  @Test
  void handleRequest_whenLambdaTimeIsShorterThanTheDeadline_keepsToLambdaTime() throws IOException {
    Context context = mock(Context.class);
    when(context.getRemainingTimeInMillis()).thenReturn(1_000);
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    handler.handleRequest(event(), output, context);

    // One second left is inside the runner's store reserve: nothing is called, a FAILED result says why.
    AnalyzerResult stored = store.getResult("20261123T090000Z-abcdef", "instance").orElseThrow();
    assertEquals(ComponentStatus.FAILED, stored.status());
    assertTrue(stored.errors().get(0).startsWith("timed out: time budget spent before Connect DescribeInstance"),
        stored.errors().get(0));
    verify(connect, never()).describeInstance(any(DescribeInstanceRequest.class));
  }

  @Test
  void handleRequest_forAnotherComponent_isRejectedAndNothingStored() throws IOException {
    ObjectNode request = (ObjectNode) Json.mapper().readTree(event());
    request.put("component", "quota");

    InvalidRequestException e = assertThrows(InvalidRequestException.class, () -> handler.handleRequest(
        new ByteArrayInputStream(Json.toBytes(request)), new ByteArrayOutputStream(), null));

    assertTrue(e.getMessage().contains("component: must be 'instance'"), e.getMessage());
    assertTrue(store.listComponents("20261123T090000Z-abcdef").isEmpty());
  }

  private static InputStream event() {
    return TestEvents.open("analyzer-request-instance.json");
  }
}
