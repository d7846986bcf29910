package com.connectopsreview.instance;

/** How a storage or streaming destination is encrypted, as the report shows it. */
public enum Encryption {
  /** A customer managed KMS key. */
  CMK,
  /** An AWS managed key ({@code alias/aws/...}) or, for Firehose, an AWS owned key. */
  AWS_MANAGED,
  /** No server-side KMS encryption configured. */
  NONE,
  /** Encryption is not a property of this kind of destination. */
  NOT_APPLICABLE,
  /** Could not be determined (the destination could not be described, or the answer is unknown). */
  UNKNOWN;

  /**
   * Classifies a KMS key reference: {@code alias/aws/...} (or an alias ARN ending so) is AWS managed,
   * anything else a customer managed key. A blank key counts as AWS managed, as upstream does. A key
   * id or key ARN of an AWS managed key cannot be told apart without {@code kms:DescribeKey}, so it
   * counts as a CMK.
   */
  static Encryption ofKmsKey(String keyId) {
    if (keyId == null || keyId.isBlank()) {
      return AWS_MANAGED;
    }
    String key = keyId.trim();
    return key.startsWith("alias/aws/") || key.contains(":alias/aws/") ? AWS_MANAGED : CMK;
  }
}
