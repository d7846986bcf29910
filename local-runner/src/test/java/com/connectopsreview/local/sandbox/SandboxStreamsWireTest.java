package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.instance.InstanceConfigDomain;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.KeyType;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.EncryptionType;
import software.amazon.awssdk.services.kinesis.model.InvalidArgumentException;
import software.amazon.awssdk.services.kinesis.model.KinesisException;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;
import software.amazon.awssdk.services.kinesis.model.StreamMode;

/**
 * Kinesis (CBOR, the SDK default, and JSON 1.1) and Firehose (JSON 1.1) through the real clients.
 */
@ExtendWith(LoopbackGuardExtension.class)
class SandboxStreamsWireTest {

  private static Sandbox sandbox;
  private static Scenario scenario;

  @BeforeAll
  static void startSandbox() {
    sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL));
    scenario = sandbox.scenario();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @Test
  void kinesis_cborByDefault_describesStreamsWithMillisecondTimestamps() {
    InstanceConfigDomain config = InstanceConfigDomain.of(scenario);
    ContentTypes seen = new ContentTypes();
    KinesisClient kinesis = SandboxClients.unlimited(sandbox).custom(KinesisClient.builder(),
        o -> o.addExecutionInterceptor(seen));
    InstanceConfigDomain.KinesisStream planted = config.kinesisStreams().get(0);

    StreamDescriptionSummary byArn = kinesis.describeStreamSummary(b -> b.streamARN(planted.arn()))
        .streamDescriptionSummary();

    assertEquals(List.of("application/x-amz-cbor-1.1"), seen.values);
    assertEquals(planted.name(), byArn.streamName());
    assertEquals(planted.created(), byArn.streamCreationTimestamp());
    assertEquals(EncryptionType.NONE, byArn.encryptionType());
    assertNull(byArn.keyId());
    assertEquals(StreamMode.ON_DEMAND, byArn.streamModeDetails().streamMode());
    assertEquals(24, byArn.retentionPeriodHours());
    InstanceConfigDomain.KinesisStream encrypted = config.kinesisStreams().get(1);
    StreamDescriptionSummary byName = kinesis.describeStreamSummary(b -> b.streamName(encrypted.name()))
        .streamDescriptionSummary();
    assertEquals(EncryptionType.KMS, byName.encryptionType());
    assertEquals(encrypted.keyId(), byName.keyId());
  }

  @Test
  void kinesis_cborErrors_mapToTheModeledExceptions() {
    KinesisClient kinesis = SandboxClients.unlimited(sandbox).kinesis();

    ResourceNotFoundException missing = assertThrows(ResourceNotFoundException.class,
        () -> kinesis.describeStreamSummary(b -> b.streamName("no-such-stream")));
    assertEquals(400, missing.statusCode());
    assertEquals("Stream no-such-stream under account 123456789012 not found.",
        missing.awsErrorDetails().errorMessage());
    assertThrows(ResourceNotFoundException.class, () -> kinesis.describeStreamSummary(
        b -> b.streamARN("arn:aws:kinesis:eu-west-1:123456789012:stream/"
            + InstanceConfigDomain.of(scenario).kinesisStreams().get(0).name())));
    assertThrows(InvalidArgumentException.class, () -> kinesis.describeStreamSummary(b -> { }));
    // An operation the sandbox does not route yet: a clear AWS error naming it.
    KinesisException unrouted = assertThrows(KinesisException.class, () -> kinesis.listStreams(b -> { }));
    assertEquals("UnknownOperationException", unrouted.awsErrorDetails().errorCode());
    assertTrue(unrouted.awsErrorDetails().errorMessage().contains("Kinesis_20131202.ListStreams"),
        unrouted.awsErrorDetails().errorMessage());
  }

  @Test
  void kinesis_json11_whenCborIsDisabled() {
    ContentTypes seen = new ContentTypes();
    KinesisClient kinesis;
    String before = System.getProperty("aws.cborEnabled");
    System.setProperty("aws.cborEnabled", "false");
    try {
      // The SDK reads the setting when the client is built.
      kinesis = SandboxClients.unlimited(sandbox).custom(KinesisClient.builder(), o -> o.addExecutionInterceptor(seen));
    } finally {
      if (before == null) {
        System.clearProperty("aws.cborEnabled");
      } else {
        System.setProperty("aws.cborEnabled", before);
      }
    }
    InstanceConfigDomain.KinesisStream planted = InstanceConfigDomain.of(scenario).kinesisStreams().get(1);

    StreamDescriptionSummary summary = kinesis.describeStreamSummary(b -> b.streamARN(planted.arn()))
        .streamDescriptionSummary();

    assertEquals(List.of("application/x-amz-json-1.1"), seen.values);
    assertEquals(planted.created(), summary.streamCreationTimestamp());
    assertEquals(EncryptionType.KMS, summary.encryptionType());
    assertThrows(ResourceNotFoundException.class, () -> kinesis.describeStreamSummary(b -> b.streamName("nope")));
  }

  @Test
  void firehose_describesTheDeliveryStreamWithItsEncryption() {
    ContentTypes seen = new ContentTypes();
    FirehoseClient firehose = SandboxClients.unlimited(sandbox).custom(FirehoseClient.builder(),
        o -> o.addExecutionInterceptor(seen));
    InstanceConfigDomain.FirehoseStream planted = InstanceConfigDomain.of(scenario).firehoseStreams().get(0);

    DeliveryStreamDescription d = firehose.describeDeliveryStream(b -> b.deliveryStreamName(planted.name()))
        .deliveryStreamDescription();

    assertEquals(List.of("application/x-amz-json-1.1"), seen.values);
    assertEquals(planted.arn(), d.deliveryStreamARN());
    assertEquals("ENABLED", d.deliveryStreamEncryptionConfiguration().statusAsString());
    assertEquals(KeyType.CUSTOMER_MANAGED_CMK, d.deliveryStreamEncryptionConfiguration().keyType());
    assertEquals(planted.created(), d.createTimestamp());
    assertEquals(planted.bucketArn(), d.destinations().get(0).extendedS3DestinationDescription().bucketARN());
    software.amazon.awssdk.services.firehose.model.ResourceNotFoundException missing = assertThrows(
        software.amazon.awssdk.services.firehose.model.ResourceNotFoundException.class,
        () -> firehose.describeDeliveryStream(b -> b.deliveryStreamName("no-such-firehose")));
    assertEquals(400, missing.statusCode());
    assertThrows(software.amazon.awssdk.services.firehose.model.InvalidArgumentException.class,
        () -> firehose.describeDeliveryStream(b -> b.deliveryStreamName(planted.name()).limit(0)));
  }

  // ---- helpers ----

  /** Records the Content-Type of every request sent. */
  private static final class ContentTypes implements ExecutionInterceptor {
    final List<String> values = new CopyOnWriteArrayList<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
      context.httpRequest().firstMatchingHeader("Content-Type").ifPresent(values::add);
    }
  }
}
