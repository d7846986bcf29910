package com.connectopsreview.instance;

import com.connectopsreview.shared.sections.InstanceSection.Encryption;

/** How this analyzer classifies a KMS key reference. */
final class KmsKeys {

  private KmsKeys() {}

  /**
   * {@code alias/aws/...} (or an alias ARN ending so) is AWS managed, anything else a customer managed
   * key. A blank key counts as AWS managed, as upstream does. A key id or key ARN of an AWS managed key
   * cannot be told apart without {@code kms:DescribeKey}, so it counts as a CMK.
   */
  static Encryption encryptionOf(String keyId) {
    if (keyId == null || keyId.isBlank()) {
      return Encryption.AWS_MANAGED;
    }
    String key = keyId.trim();
    return key.startsWith("alias/aws/") || key.contains(":alias/aws/") ? Encryption.AWS_MANAGED : Encryption.CMK;
  }
}
