package com.connectopsreview.local.sandbox.kms;

import static com.connectopsreview.local.sandbox.server.Payload.object;

import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.kms.KmsDomain.Key;
import com.connectopsreview.local.sandbox.server.ApiError;
import com.connectopsreview.local.sandbox.server.AwsService;
import com.connectopsreview.local.sandbox.server.Call;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter.Limit;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * AWS KMS over JSON 1.1 ({@code TrentService.*}): DescribeKey and GetKeyRotationStatus over the
 * {@link KmsDomain}'s keys, with KMS's own error codes.
 */
final class KmsApi {

  /** JSON 1.1; errors as KMS names them (throttling: 400 ThrottlingException; bad input: ValidationException). */
  static final AwsService KMS = AwsService.awsJson("Kms", "kms", "kms", "TrentService",
      new AwsService.Errors("ThrottlingException", 400,
          operation -> "You have exceeded the rate at which you may call KMS. Reduce the frequency of your calls.",
          "KMSInternalException", "The request was rejected because an internal exception occurred.",
          "NotFoundException", 400, "ValidationException", "InvalidMarkerException"),
      scenario -> {
        List<Key> keys = KmsDomain.of(scenario).keys();
        return keys.isEmpty() ? "*" : keys.get(0).arn();
      });

  /** KMS request quotas (defaults): DescribeKey 2,000 per second, GetKeyRotationStatus 1,000. */
  static final Limit DESCRIBE_KEY = new Limit(2000, 2000);
  static final Limit GET_KEY_ROTATION_STATUS = new Limit(1000, 1000);

  private final KmsDomain kms;
  private final Scenario scenario;

  KmsApi(KmsDomain kms, Scenario scenario) {
    this.kms = kms;
    this.scenario = scenario;
  }

  void register(OperationRegistry r) {
    r.rpc(KMS, "DescribeKey", DESCRIBE_KEY, this::describeKey);
    r.rpc(KMS, "GetKeyRotationStatus", GET_KEY_ROTATION_STATUS, this::getKeyRotationStatus);
  }

  /** KeyId: key id, key ARN, alias name or alias ARN. */
  private JsonNode describeKey(Call call) {
    Key k = resolve(call, keyId(call), true);
    return object("KeyMetadata", object(
        "AWSAccountId", Scenario.ACCOUNT_ID,
        "KeyId", k.keyId(),
        "Arn", k.arn(),
        "CreationDate", k.created(),
        "Enabled", "Enabled".equals(k.keyState()),
        "Description", k.description(),
        "KeyUsage", k.keyUsage(),
        "KeyState", k.keyState(),
        "Origin", k.origin(),
        "KeyManager", k.keyManager(),
        "CustomerMasterKeySpec", k.keySpec(),
        "KeySpec", k.keySpec(),
        "EncryptionAlgorithms", List.of("SYMMETRIC_DEFAULT"),
        "MultiRegion", false));
  }

  /**
   * KeyId: key id or key ARN only, as the API reference specifies (an alias is not found). Automatic
   * rotation exists only for symmetric keys with AWS_KMS key material; a key pending deletion
   * reports rotation off, as KMS documents.
   */
  private JsonNode getKeyRotationStatus(Call call) {
    Key k = resolve(call, keyId(call), false);
    if (!"SYMMETRIC_DEFAULT".equals(k.keySpec()) || !"AWS_KMS".equals(k.origin())) {
      throw new ApiError("UnsupportedOperationException", 400,
          k.arn() + " origin is " + k.origin() + " which is not valid for this operation.");
    }
    boolean enabled = k.rotation().enabled() && !"PendingDeletion".equals(k.keyState());
    return object(
        "KeyId", k.arn(),
        "KeyRotationEnabled", enabled,
        "RotationPeriodInDays", enabled ? k.rotation().periodInDays() : null,
        "NextRotationDate", enabled ? k.rotation().nextRotationAfter(scenario.basis().end()) : null);
  }

  private static String keyId(Call call) {
    String keyId = call.string("KeyId");
    if (keyId == null || keyId.isEmpty()) {
      throw call.service().invalidParameter(
          "1 validation error detected: Value null at 'keyId' failed to satisfy constraint: Member must not be null");
    }
    return keyId;
  }

  private Key resolve(Call call, String keyId, boolean aliases) {
    if (keyId.startsWith("arn:")) {
      String[] parts = keyId.split(":", 6);
      if (parts.length != 6 || !"kms".equals(parts[2])
          || !(parts[5].startsWith("key/") || parts[5].startsWith("alias/"))) {
        throw new ApiError("InvalidArnException", 400, "Invalid arn " + keyId);
      }
    }
    boolean alias = keyId.startsWith("alias/") || keyId.contains(":alias/");
    if (alias && !aliases) {
      throw call.service().notFound("Invalid keyId " + keyId);
    }
    return kms.key(keyId).orElseThrow(() -> call.service().notFound(alias
        ? "Alias " + aliasArn(keyId) + " is not found."
        : "Key '" + keyArn(keyId) + "' does not exist"));
  }

  private static String aliasArn(String keyId) {
    return keyId.startsWith("arn:") ? keyId
        : "arn:" + Scenario.PARTITION + ":kms:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID + ":" + keyId;
  }

  private static String keyArn(String keyId) {
    return keyId.startsWith("arn:") ? keyId
        : "arn:" + Scenario.PARTITION + ":kms:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID + ":key/" + keyId;
  }
}
