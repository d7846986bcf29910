package com.connectopsreview.instance;

import com.connectopsreview.shared.analyzer.Outcome;
import com.connectopsreview.shared.analyzer.ReadLog;
import com.connectopsreview.shared.aws.AwsErrors;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.sections.InstanceSection.KeyRotation;
import com.connectopsreview.shared.sections.InstanceSection.KmsKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DescribeKeyRequest;
import software.amazon.awssdk.services.kms.model.DescribeKeyResponse;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusRequest;
import software.amazon.awssdk.services.kms.model.GetKeyRotationStatusResponse;
import software.amazon.awssdk.services.kms.model.KeyManagerType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KeyState;

/**
 * Reads what KMS says of the customer managed keys the instance's storage and streams use: KMS
 * {@code DescribeKey} once per key reference, then {@code GetKeyRotationStatus} once per distinct key.
 *
 * <p>DescribeKey comes first for three reasons: GetKeyRotationStatus takes only a key id or key
 * ARN, while Connect and Kinesis accept aliases, which DescribeKey resolves; a key given by id or ARN
 * may be AWS managed ({@code KeyManager} AWS, rotated by KMS every year), which only DescribeKey
 * tells; and GetKeyRotationStatus answers normally for a Disabled or PendingDeletion key (the latter
 * as rotation off), although nothing can encrypt with it, so only {@code KeyState} shows that.
 *
 * <p>A key ARN is read in its own Region (a key id or alias in the instance's). Anything that cannot
 * be read goes to {@code errors} and leaves the key's rotation UNKNOWN, never a verdict.
 */
final class KmsKeyReader {

  /** What uses one key reference: display names, and the stream names among them. */
  static final class KeyUse {
    final Set<String> usedBy = new LinkedHashSet<>();
    final Set<String> streams = new LinkedHashSet<>();
  }

  /** Key states in which no service can encrypt or decrypt with the key. */
  private static final Set<KeyState> UNUSABLE = Set.of(KeyState.DISABLED, KeyState.PENDING_DELETION,
      KeyState.PENDING_IMPORT, KeyState.UNAVAILABLE, KeyState.PENDING_REPLICA_DELETION);

  private final ReadLog log;
  private final ServiceClients clients;
  private final Region instanceRegion;

  KmsKeyReader(ReadLog log, ServiceClients clients, Region instanceRegion) {
    this.log = log;
    this.clients = clients;
    this.instanceRegion = instanceRegion;
  }

  /** One reference (or several naming the same key) and what DescribeKey said of it. */
  private static final class Key {
    final String reference;
    final KeyUse use = new KeyUse();
    KeyMetadata metadata;
    Outcome<DescribeKeyResponse> described;

    Key(String reference) {
      this.reference = reference;
    }
  }

  /** @param uses key reference (as configured) to what uses it, in the order found */
  List<KmsKey> read(Map<String, KeyUse> uses) {
    Map<String, Key> keys = new LinkedHashMap<>();
    for (Map.Entry<String, KeyUse> entry : uses.entrySet()) {
      String reference = entry.getKey();
      Outcome<DescribeKeyResponse> described = log.attempt("state of KMS key " + reference, () -> {
        log.budget().check("KMS DescribeKey");
        return kms(reference).describeKey(DescribeKeyRequest.builder().keyId(reference).build());
      });
      KeyMetadata metadata = described.isOk() && described.get() != null ? described.get().keyMetadata() : null;
      // Two references (alias and key ARN) to the same key are one key.
      String identity = metadata != null && metadata.arn() != null ? metadata.arn() : reference;
      Key key = keys.computeIfAbsent(identity, k -> new Key(reference));
      if (key.described == null || metadata != null && key.metadata == null) {
        key.described = described;
        key.metadata = metadata;
      }
      key.use.usedBy.addAll(entry.getValue().usedBy);
      key.use.streams.addAll(entry.getValue().streams);
    }
    List<KmsKey> read = new ArrayList<>();
    keys.values().forEach(key -> read.add(judge(key)));
    return read;
  }

  private KmsKey judge(Key key) {
    KeyMetadata m = key.metadata;
    if (m != null) {
      if (m.keyManager() == KeyManagerType.AWS) {
        return result(key, m.arn(), KeyRotation.AWS_MANAGED, null, null, null);
      }
      if (UNUSABLE.contains(m.keyState())) {
        return result(key, m.arn(), KeyRotation.KEY_UNUSABLE, null, null, "KeyState " + m.keyStateAsString()
            + (m.deletionDate() == null ? "" : ", to be deleted on " + m.deletionDate()));
      }
      return rotation(key, m.arn() != null ? m.arn() : key.reference);
    }
    Outcome<DescribeKeyResponse> described = key.described;
    if (described.isOk()) {
      log.error("KMS key " + key.reference + " not evaluated: DescribeKey returned no KeyMetadata");
      return result(key, null, KeyRotation.UNKNOWN, null, null, "DescribeKey returned no KeyMetadata");
    }
    if (described.isOutOfTime()) {
      return result(key, null, KeyRotation.UNKNOWN, null, null, "not examined: " + described.reason());
    }
    if (isCode(described, "NotFoundException")) {
      return result(key, null, KeyRotation.KEY_UNUSABLE, null, null, "not found: " + described.reason());
    }
    if (isAlias(key.reference)) {
      String reason = "GetKeyRotationStatus takes no alias, and DescribeKey, which resolves it, "
          + (described.isDenied() ? "was denied" : "failed") + " (" + described.reason() + ")";
      log.error("rotation of KMS key " + key.reference + " not evaluated: " + reason);
      return result(key, null, KeyRotation.UNKNOWN, null, null, reason);
    }
    // The key's state stays unknown, but its rotation can still be read by id or ARN.
    log.error("state of KMS key " + key.reference + " not verified: DescribeKey "
        + (described.isDenied() ? "denied" : "failed") + " (" + described.reason() + ")");
    return rotation(key, key.reference);
  }

  private KmsKey rotation(Key key, String keyId) {
    Outcome<GetKeyRotationStatusResponse> status = log.attempt("rotation of KMS key " + keyId, () -> {
      log.budget().check("KMS GetKeyRotationStatus");
      return kms(keyId).getKeyRotationStatus(GetKeyRotationStatusRequest.builder().keyId(keyId).build());
    });
    String arn = key.metadata != null && key.metadata.arn() != null ? key.metadata.arn()
        : isKeyArn(keyId) ? keyId : null;
    if (status.isOk()) {
      GetKeyRotationStatusResponse r = status.get();
      if (arn == null && r.keyId() != null) {
        arn = r.keyId();
      }
      if (r.keyRotationEnabled() == null) {
        log.error("rotation of KMS key " + keyId + " not evaluated: GetKeyRotationStatus reported no KeyRotationEnabled");
        return result(key, arn, KeyRotation.UNKNOWN, null, null, "GetKeyRotationStatus reported no KeyRotationEnabled");
      }
      return r.keyRotationEnabled()
          ? result(key, arn, KeyRotation.ENABLED, r.rotationPeriodInDays(), r.nextRotationDate(), null)
          : result(key, arn, KeyRotation.DISABLED, null, null, null);
    }
    if (status.isOutOfTime()) {
      return result(key, arn, KeyRotation.UNKNOWN, null, null, "not examined: " + status.reason());
    }
    if (isCode(status, "UnsupportedOperationException")) {
      // Asymmetric, HMAC, imported key material or a custom key store: no automatic rotation exists.
      return result(key, arn, KeyRotation.NOT_APPLICABLE, null, null, status.reason());
    }
    if (isCode(status, "KMSInvalidStateException") || isCode(status, "NotFoundException")) {
      return result(key, arn, KeyRotation.KEY_UNUSABLE, null, null, status.reason());
    }
    String reason = status.isDenied()
        ? "GetKeyRotationStatus denied (" + status.reason() + "); a key of another account must allow it in its key policy"
        : "GetKeyRotationStatus failed (" + status.reason() + ")";
    log.error("rotation of KMS key " + keyId + " not evaluated: " + reason);
    return result(key, arn, KeyRotation.UNKNOWN, null, null, reason);
  }

  private static KmsKey result(Key key, String arn, KeyRotation rotation, Integer period,
      java.time.Instant next, String reason) {
    KeyMetadata m = key.metadata;
    return new KmsKey(key.reference, arn, List.copyOf(key.use.usedBy), List.copyOf(key.use.streams),
        m == null ? null : m.keyManagerAsString(), m == null ? null : m.keyStateAsString(), rotation, period, next,
        reason);
  }

  /** The client of the key's own Region when the reference is an ARN, else the instance's. */
  private KmsClient kms(String reference) {
    Region region = instanceRegion;
    if (reference.startsWith("arn:")) {
      String[] parts = reference.split(":", 6);
      if (parts.length == 6 && !parts[3].isEmpty()) {
        region = Region.of(parts[3]);
      }
    }
    return clients.client(KmsClient.class, region);
  }

  static boolean isAlias(String reference) {
    return reference.startsWith("alias/") || reference.contains(":alias/");
  }

  private static boolean isKeyArn(String reference) {
    return reference.startsWith("arn:") && reference.contains(":key/");
  }

  private static boolean isCode(Outcome<?> outcome, String code) {
    return outcome.error() instanceof AwsServiceException aws && code.equals(AwsErrors.errorCode(aws));
  }
}
