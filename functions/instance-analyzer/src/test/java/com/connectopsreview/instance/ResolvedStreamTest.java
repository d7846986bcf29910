package com.connectopsreview.instance;

import static com.connectopsreview.instance.Fixtures.CMK_ARN;
import static com.connectopsreview.instance.Fixtures.FIREHOSE_ARN;
import static com.connectopsreview.instance.Fixtures.KDS_ARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.sections.InstanceSection.Encryption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;

class ResolvedStreamTest {

  @Test
  void kinesis_whenKmsWithCustomerKey_isCmkWithRetention() {
    ResolvedStream s = ResolvedStream.kinesis(KDS_ARN, List.of("AGENT_EVENTS"), summary("KMS", CMK_ARN));

    assertEquals(Encryption.CMK, s.encryption());
    assertEquals(CMK_ARN, s.kmsKeyId());
    assertEquals(48, s.retentionHours());
    assertTrue(s.verified());
    assertEquals("agent-events", s.name());
  }

  @Test
  void kinesis_whenKmsWithAwsManagedAlias_isAwsManaged() {
    assertEquals(Encryption.AWS_MANAGED,
        ResolvedStream.kinesis(KDS_ARN, List.of(), summary("KMS", "alias/aws/kinesis")).encryption());
  }

  @Test
  void kinesis_whenNone_isNone() {
    ResolvedStream s = ResolvedStream.kinesis(KDS_ARN, List.of(), summary("NONE", null));

    assertEquals(Encryption.NONE, s.encryption());
    assertTrue(s.verified());
  }

  @Test
  void kinesis_whenEncryptionTypeMissing_isUnknownWithAProblem() {
    ResolvedStream s = ResolvedStream.kinesis(KDS_ARN, List.of(), summary(null, null));

    assertEquals(Encryption.UNKNOWN, s.encryption());
    assertFalse(s.verified());
    assertTrue(s.problem().contains("no EncryptionType"), s.problem());
  }

  @ParameterizedTest
  @CsvSource({
      "ENABLED, CUSTOMER_MANAGED_CMK, CMK",
      "ENABLED, AWS_OWNED_CMK, AWS_MANAGED",
      "ENABLING, CUSTOMER_MANAGED_CMK, CMK",
      "DISABLING_FAILED, AWS_OWNED_CMK, AWS_MANAGED",
      "DISABLED, AWS_OWNED_CMK, NONE",
      "DISABLING, CUSTOMER_MANAGED_CMK, NONE",
      "ENABLING_FAILED, CUSTOMER_MANAGED_CMK, NONE"})
  void firehose_mapsStatusAndKeyType(String status, String keyType, Encryption expected) {
    DeliveryStreamDescription d = firehose(b -> b.deliveryStreamEncryptionConfiguration(
        e -> e.status(status).keyType(keyType).keyARN(keyType.equals("CUSTOMER_MANAGED_CMK") ? CMK_ARN : null)));

    ResolvedStream s = ResolvedStream.firehose(FIREHOSE_ARN, List.of("CONTACT_TRACE_RECORDS"), d);

    assertEquals(expected, s.encryption());
    assertEquals(status, s.status());
    assertTrue(s.verified());
    assertNull(s.retentionHours());
  }

  @Test
  void firehose_whenNoEncryptionConfiguration_isNone() {
    ResolvedStream s = ResolvedStream.firehose(FIREHOSE_ARN, List.of(), firehose(b -> { }));

    assertEquals(Encryption.NONE, s.encryption());
    assertEquals("ctr-firehose", s.name());
  }

  @Test
  void firehose_whenStatusUnknown_isUnknownWithAProblem() {
    ResolvedStream s = ResolvedStream.firehose(FIREHOSE_ARN, List.of(),
        firehose(b -> b.deliveryStreamEncryptionConfiguration(e -> e.status("HALF_ENABLED"))));

    assertEquals(Encryption.UNKNOWN, s.encryption());
    assertTrue(s.problem().contains("HALF_ENABLED"), s.problem());
  }

  private static StreamDescriptionSummary summary(String encryptionType, String keyId) {
    return StreamDescriptionSummary.builder().streamName("agent-events").streamARN(KDS_ARN).streamStatus("ACTIVE")
        .retentionPeriodHours(48).encryptionType(encryptionType).keyId(keyId).openShardCount(1).build();
  }

  private static DeliveryStreamDescription firehose(
      java.util.function.Consumer<DeliveryStreamDescription.Builder> customize) {
    DeliveryStreamDescription.Builder b = DeliveryStreamDescription.builder().deliveryStreamName("ctr-firehose")
        .deliveryStreamARN(FIREHOSE_ARN).deliveryStreamStatus("ACTIVE").deliveryStreamType("DirectPut");
    customize.accept(b);
    return b.build();
  }
}
