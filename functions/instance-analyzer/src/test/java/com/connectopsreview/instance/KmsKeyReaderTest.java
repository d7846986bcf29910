package com.connectopsreview.instance;

import static com.connectopsreview.instance.Fixtures.CMK_ARN;
import static com.connectopsreview.instance.Fixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.connectopsreview.instance.KmsKeyReader.KeyUse;
import com.connectopsreview.shared.analyzer.ReadLog;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.sections.InstanceSection.KeyRotation;
import com.connectopsreview.shared.sections.InstanceSection.KmsKey;
import com.connectopsreview.shared.testing.SdkMocks;
import com.connectopsreview.shared.testing.TestClock;
import com.connectopsreview.shared.time.TimeBudget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusRequest;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

class KmsKeyReaderTest {

  private static final String ALIAS = "alias/connect-streams";
  private static final String OTHER_KEY = "arn:aws:kms:us-east-1:123456789012:key/9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";

  private final KmsClient kms = SdkMocks.client(KmsClient.class);
  private final ServiceClients clients = SdkMocks.inRegion(Region.US_EAST_1, kms);
  private final TestClock clock = new TestClock(NOW);
  private final ReadLog log = new ReadLog(new TimeBudget(clock, NOW.plusSeconds(60)));

  @Test
  void anAliasIsResolvedByDescribeKeyAndTheRotationReadByTheKeyArn() {
    describes(ALIAS, Fixtures.customerKey(ALIAS, "Enabled"));
    rotation(true);

    KmsKey key = only(read(use(ALIAS, "Kinesis data stream s (AGENT_EVENTS)", "s")));

    ArgumentCaptor<GetKeyRotationStatusRequest> request = ArgumentCaptor.forClass(GetKeyRotationStatusRequest.class);
    verify(kms).getKeyRotationStatus(request.capture());
    assertEquals(CMK_ARN, request.getValue().keyId());
    assertEquals(ALIAS, key.keyId());
    assertEquals(CMK_ARN, key.keyArn());
    assertEquals(KeyRotation.ENABLED, key.rotation());
    assertEquals(365, key.rotationPeriodInDays());
    assertEquals("CUSTOMER", key.keyManager());
    assertEquals("Enabled", key.keyState());
    assertEquals(List.of("s"), key.streams());
    assertEquals(List.of(), log.errors());
  }

  @Test
  void anAliasAndTheKeyArnOfOneKeyAreOneKeyWithBothUsers() {
    describes(ALIAS, Fixtures.customerKey(ALIAS, "Enabled"));
    describes(CMK_ARN, Fixtures.customerKey(CMK_ARN, "Enabled"));
    rotation(false);
    Map<String, KeyUse> uses = new LinkedHashMap<>();
    uses.putAll(use(CMK_ARN, "CALL_RECORDINGS: s3://b/p", null));
    uses.putAll(use(ALIAS, "Firehose stream ctr (CONTACT_TRACE_RECORDS)", "ctr"));

    KmsKey key = only(read(uses));

    verify(kms, times(2)).describeKey(any(DescribeKeyRequest.class));
    verify(kms, times(1)).getKeyRotationStatus(any(GetKeyRotationStatusRequest.class));
    assertEquals(KeyRotation.DISABLED, key.rotation());
    assertEquals(CMK_ARN, key.keyId());
    assertEquals(List.of("CALL_RECORDINGS: s3://b/p", "Firehose stream ctr (CONTACT_TRACE_RECORDS)"), key.usedBy());
    assertEquals(List.of("ctr"), key.streams());
  }

  @Test
  void anAwsManagedKeyNamedByArnIsNotAskedForItsRotation() {
    describes(CMK_ARN, Fixtures.customerKey(CMK_ARN, "Enabled").toBuilder().keyManager("AWS").build());

    KmsKey key = only(read(use(CMK_ARN, "CALL_RECORDINGS: s3://b/p", null)));

    assertEquals(KeyRotation.AWS_MANAGED, key.rotation());
    verify(kms, never()).getKeyRotationStatus(any(GetKeyRotationStatusRequest.class));
  }

  @Test
  void aKeyPendingDeletionIsUnusableAndItsRotationNotAsked() {
    describes(CMK_ARN, Fixtures.customerKey(CMK_ARN, "PendingDeletion").toBuilder()
        .deletionDate(NOW.plusSeconds(7 * 86400)).build());

    KmsKey key = only(read(use(CMK_ARN, "CALL_RECORDINGS: s3://b/p", null)));

    assertEquals(KeyRotation.KEY_UNUSABLE, key.rotation());
    assertEquals("KeyState PendingDeletion, to be deleted on 2026-11-30T09:00:00Z", key.reason());
    verify(kms, never()).getKeyRotationStatus(any(GetKeyRotationStatusRequest.class));
    assertEquals(List.of(), log.errors());
  }

  @Test
  void aKeyDescribeKeyDoesNotFindIsUnusable() {
    when(kms.describeKey(any(DescribeKeyRequest.class))).thenThrow(
        Fixtures.kmsError("NotFoundException", 400, "Key '" + OTHER_KEY + "' does not exist"));

    KmsKey key = only(read(use(OTHER_KEY, "ATTACHMENTS: s3://b/a", null)));

    assertEquals(KeyRotation.KEY_UNUSABLE, key.rotation());
    assertTrue(key.reason().startsWith("not found: NotFoundException from Kms (HTTP 400)"), key.reason());
  }

  @Test
  void unsupportedOperationIsNotApplicableNeverAGap() {
    describes(CMK_ARN, Fixtures.customerKey(CMK_ARN, "Enabled").toBuilder().origin("EXTERNAL").build());
    when(kms.getKeyRotationStatus(any(GetKeyRotationStatusRequest.class))).thenThrow(Fixtures.kmsError(
        "UnsupportedOperationException", 400, CMK_ARN + " origin is EXTERNAL which is not valid for this operation."));

    KmsKey key = only(read(use(CMK_ARN, "CALL_RECORDINGS: s3://b/p", null)));

    assertEquals(KeyRotation.NOT_APPLICABLE, key.rotation());
    assertTrue(key.reason().contains("origin is EXTERNAL"), key.reason());
    assertEquals(List.of(), log.errors());
  }

  @Test
  void invalidStateFromGetKeyRotationStatusIsUnusable() {
    describes(CMK_ARN, Fixtures.customerKey(CMK_ARN, "Updating"));
    when(kms.getKeyRotationStatus(any(GetKeyRotationStatusRequest.class))).thenThrow(Fixtures.kmsError(
        "KMSInvalidStateException", 400, CMK_ARN + " is pending replica deletion."));

    KmsKey key = only(read(use(CMK_ARN, "CALL_RECORDINGS: s3://b/p", null)));

    assertEquals(KeyRotation.KEY_UNUSABLE, key.rotation());
    assertTrue(key.reason().startsWith("KMSInvalidStateException from Kms"), key.reason());
  }

  @Test
  void aDeniedCrossAccountKeyIsUnknownAndAnError() {
    String foreign = "arn:aws:kms:us-east-1:210987654321:key/11111111-2222-4333-8444-555555555555";
    when(kms.describeKey(any(DescribeKeyRequest.class))).thenThrow(Fixtures.kmsError("AccessDeniedException", 400,
        "User is not authorized to perform: kms:DescribeKey"));
    when(kms.getKeyRotationStatus(any(GetKeyRotationStatusRequest.class))).thenThrow(Fixtures.kmsError(
        "AccessDeniedException", 400, "User is not authorized to perform: kms:GetKeyRotationStatus"));

    KmsKey key = only(read(use(foreign, "Kinesis data stream s (AGENT_EVENTS)", "s")));

    assertEquals(KeyRotation.UNKNOWN, key.rotation());
    assertEquals(foreign, key.keyArn());
    assertNull(key.keyState());
    List<String> errors = log.errors();
    assertEquals(2, errors.size(), errors::toString);
    assertTrue(errors.get(0).startsWith("state of KMS key " + foreign + " not verified: DescribeKey denied"), errors.get(0));
    assertTrue(errors.get(1).startsWith("rotation of KMS key " + foreign + " not evaluated: GetKeyRotationStatus denied"),
        errors.get(1));
    assertTrue(errors.get(1).contains("key policy"), errors.get(1));
  }

  @Test
  void aDeniedAliasIsNotPassedToGetKeyRotationStatus() {
    when(kms.describeKey(any(DescribeKeyRequest.class))).thenThrow(Fixtures.kmsError("AccessDeniedException", 400,
        "User is not authorized to perform: kms:DescribeKey"));

    KmsKey key = only(read(use(ALIAS, "Kinesis data stream s (AGENT_EVENTS)", "s")));

    assertEquals(KeyRotation.UNKNOWN, key.rotation());
    verify(kms, never()).getKeyRotationStatus(any(GetKeyRotationStatusRequest.class));
    assertTrue(log.errors().get(0).startsWith("rotation of KMS key alias/connect-streams not evaluated: "
        + "GetKeyRotationStatus takes no alias"), log.errors().get(0));
  }

  @Test
  void aKeyArnIsReadInItsOwnRegion() {
    String west = "arn:aws:kms:us-west-2:123456789012:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    List<Region> asked = new ArrayList<>();
    ServiceClients anyRegion = new ServiceClients() {
      @Override
      public <C extends software.amazon.awssdk.core.SdkClient> C client(Class<C> type, Region region) {
        asked.add(region);
        return type.cast(kms);
      }
    };
    describes(west, Fixtures.customerKey(west, "Enabled"));
    rotation(true);

    new KmsKeyReader(log, anyRegion, Region.US_EAST_1).read(use(west, "CALL_RECORDINGS: s3://b/p", null));

    assertEquals(List.of(Region.US_WEST_2, Region.US_WEST_2), asked);
  }

  @Test
  void outOfTimeLeavesTheKeyUnknownAndNamesIt() {
    when(kms.describeKey(any(DescribeKeyRequest.class))).thenAnswer(call -> {
      clock.set(NOW.plusSeconds(61));
      return DescribeKeyResponse.builder().keyMetadata(Fixtures.customerKey(CMK_ARN, "Enabled")).build();
    });

    KmsKey key = only(read(use(CMK_ARN, "CALL_RECORDINGS: s3://b/p", null)));

    assertEquals(KeyRotation.UNKNOWN, key.rotation());
    verify(kms, never()).getKeyRotationStatus(any(GetKeyRotationStatusRequest.class));
    assertTrue(log.errors().get(0).contains("not examined: rotation of KMS key " + CMK_ARN), log.errors().get(0));
  }

  // ---- helpers ----

  private List<KmsKey> read(Map<String, KeyUse> uses) {
    return new KmsKeyReader(log, clients, Region.US_EAST_1).read(uses);
  }

  private void describes(String reference, KeyMetadata metadata) {
    when(kms.describeKey(org.mockito.ArgumentMatchers.argThat((DescribeKeyRequest r) -> r != null
        && reference.equals(r.keyId())))).thenReturn(DescribeKeyResponse.builder().keyMetadata(metadata).build());
  }

  private void rotation(boolean enabled) {
    when(kms.getKeyRotationStatus(any(GetKeyRotationStatusRequest.class))).thenAnswer(call -> {
      GetKeyRotationStatusRequest request = call.getArgument(0);
      return GetKeyRotationStatusResponse.builder().keyId(request.keyId()).keyRotationEnabled(enabled)
          .rotationPeriodInDays(enabled ? 365 : null).nextRotationDate(enabled ? NOW.plusSeconds(86400) : null).build();
    });
  }

  private static Map<String, KeyUse> use(String reference, String usedBy, String stream) {
    KeyUse use = new KeyUse();
    use.usedBy.add(usedBy);
    if (stream != null) {
      use.streams.add(stream);
    }
    Map<String, KeyUse> uses = new LinkedHashMap<>();
    uses.put(reference, use);
    return uses;
  }

  private static KmsKey only(List<KmsKey> keys) {
    assertEquals(1, keys.size(), keys::toString);
    return keys.get(0);
  }
}
