package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.instance.InstanceConfigDomain;
import com.connectopsreview.local.sandbox.kms.KmsDomain;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.InvalidArnException;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/** KMS (JSON 1.1, TrentService) through the real KmsClient: the planted keys, resolution and KMS's errors. */
@ExtendWith(LoopbackGuardExtension.class)
class SandboxKmsWireTest {

  private static Sandbox sandbox;
  private static KmsDomain keys;
  private static InstanceConfigDomain config;

  @BeforeAll
  static void startSandbox() {
    sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL));
    keys = KmsDomain.of(sandbox.scenario());
    config = InstanceConfigDomain.of(sandbox.scenario());
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @Test
  void theStreamsKeyHasRotationOffAndTheStorageKeyOn() {
    KmsClient kms = kms();
    long before = sandbox.servedCalls().getOrDefault("Kms:GetKeyRotationStatus", 0L);
    String streamsKey = config.kinesisStream(config.instance().alias() + "-contact-lens").orElseThrow().keyId();
    String storageKey = config.storageConfigs("CALL_RECORDINGS").get(0).s3().kmsKeyId();

    GetKeyRotationStatusResponse off = kms.getKeyRotationStatus(b -> b.keyId(streamsKey));
    GetKeyRotationStatusResponse on = kms.getKeyRotationStatus(b -> b.keyId(storageKey));

    assertFalse(off.keyRotationEnabled());
    assertNull(off.rotationPeriodInDays());
    assertEquals(streamsKey, off.keyId());
    assertTrue(on.keyRotationEnabled());
    assertEquals(365, on.rotationPeriodInDays());
    assertTrue(on.nextRotationDate().isAfter(sandbox.scenario().basis().end()));
    assertEquals(config.firehoseStreams().get(0).encryption().keyArn(), streamsKey);
    assertEquals(List.of(streamsKey), keys.keysWithoutRotation().stream().map(KmsDomain.Key::arn).toList());
    assertEquals(before + 2, sandbox.servedCalls().get("Kms:GetKeyRotationStatus"));
  }

  @Test
  void describeKey_resolvesKeyIdArnAliasAndAliasArn() {
    KmsClient kms = kms();
    KmsDomain.Key storage = keys.keys().get(0);
    String alias = storage.aliases().get(0);

    for (String reference : List.of(storage.keyId(), storage.arn(), alias,
        "arn:aws:kms:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID + ":" + alias)) {
      KeyMetadata m = kms.describeKey(b -> b.keyId(reference)).keyMetadata();
      assertEquals(storage.arn(), m.arn(), reference);
      assertEquals(KeyManagerType.CUSTOMER, m.keyManager());
      assertEquals(KeyState.ENABLED, m.keyState());
      assertEquals(storage.created(), m.creationDate());
    }
    KeyMetadata awsManaged = kms.describeKey(b -> b.keyId("alias/aws/connect")).keyMetadata();
    assertEquals(KeyManagerType.AWS, awsManaged.keyManager());
  }

  @Test
  void errors_areKmsOwnCodes() {
    KmsClient kms = kms();
    String alias = keys.keys().get(0).aliases().get(0);

    NotFoundException unknown = assertThrows(NotFoundException.class,
        () -> kms.describeKey(b -> b.keyId("11111111-2222-4333-8444-555555555555")));
    assertEquals(400, unknown.statusCode());
    assertThrows(NotFoundException.class, () -> kms.describeKey(b -> b.keyId("alias/no-such-alias")));
    assertThrows(NotFoundException.class, () -> kms.getKeyRotationStatus(b -> b.keyId(alias)));
    assertThrows(InvalidArnException.class, () -> kms.describeKey(b -> b.keyId("arn:aws:kms:us-east-1:x")));
    KmsException noKey = assertThrows(KmsException.class, () -> kms.describeKey(b -> b.keyId("")));
    assertEquals("ValidationException", noKey.awsErrorDetails().errorCode());
  }

  private static KmsClient kms() {
    return SandboxClients.unlimited(sandbox).aws().client(KmsClient.class, SandboxClients.REGION);
  }
}
