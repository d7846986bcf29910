package com.connectopsreview.instance;

import com.connectopsreview.shared.sections.InstanceSection.Encryption;
import java.util.List;
import software.amazon.awssdk.services.connect.model.StorageType;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamDescription;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamEncryptionConfiguration;
import software.amazon.awssdk.services.firehose.model.KeyType;
import software.amazon.awssdk.services.kinesis.model.StreamDescriptionSummary;

/**
 * A Kinesis data stream or Firehose stream that Connect streams to, with its server-side encryption
 * as the stream itself reports it (Connect's storage config does not say).
 *
 * @param kind KINESIS_STREAM or KINESIS_FIREHOSE
 * @param resourceTypes the storage resource types streamed to it (one stream can serve several)
 * @param encryption UNKNOWN when the stream could not be described or its answer is not understood
 * @param status the stream's own encryption status where it has one (Firehose), for evidence
 * @param problem why the encryption could not be verified; null when it was
 * @param notFound the stream does not exist (as far as this account and Region can see)
 */
record ResolvedStream(
    StorageType kind,
    String arn,
    List<String> resourceTypes,
    Encryption encryption,
    String kmsKeyId,
    Integer retentionHours,
    String status,
    String problem,
    boolean notFound) {

  ResolvedStream {
    resourceTypes = List.copyOf(resourceTypes);
  }

  boolean verified() {
    return problem == null;
  }

  /** The stream's name: the part of the ARN after its last '/'. */
  String name() {
    return nameFromArn(arn);
  }

  static String nameFromArn(String arn) {
    int slash = arn.lastIndexOf('/');
    return slash >= 0 ? arn.substring(slash + 1) : arn;
  }

  String kindLabel() {
    return kind == StorageType.KINESIS_FIREHOSE ? "Firehose stream" : "Kinesis data stream";
  }

  /** From Kinesis {@code DescribeStreamSummary}: EncryptionType KMS (with KeyId) or NONE. */
  static ResolvedStream kinesis(String arn, List<String> resourceTypes, StreamDescriptionSummary summary) {
    String type = summary.encryptionTypeAsString();
    Encryption encryption;
    String problem = null;
    if ("KMS".equals(type)) {
      encryption = KmsKeys.encryptionOf(summary.keyId());
    } else if ("NONE".equals(type)) {
      encryption = Encryption.NONE;
    } else {
      encryption = Encryption.UNKNOWN;
      problem = type == null
          ? "DescribeStreamSummary reported no EncryptionType"
          : "DescribeStreamSummary reported EncryptionType '" + type + "', unknown to this analyzer";
    }
    return new ResolvedStream(StorageType.KINESIS_STREAM, arn, resourceTypes, encryption, summary.keyId(),
        summary.retentionPeriodHours(), type, problem, false);
  }

  /**
   * From Firehose {@code DescribeDeliveryStream}: encryption is in effect while its status is
   * ENABLED, ENABLING or DISABLING_FAILED (a failed disable leaves it on); key type
   * CUSTOMER_MANAGED_CMK is a CMK, AWS_OWNED_CMK counts as AWS managed. No encryption configuration,
   * or DISABLED / DISABLING / ENABLING_FAILED, is none.
   */
  static ResolvedStream firehose(String arn, List<String> resourceTypes, DeliveryStreamDescription description) {
    DeliveryStreamEncryptionConfiguration sse = description.deliveryStreamEncryptionConfiguration();
    String status = sse == null ? null : sse.statusAsString();
    Encryption encryption;
    String problem = null;
    if (sse == null || status == null) {
      encryption = Encryption.NONE;
    } else {
      switch (status) {
        case "ENABLED", "ENABLING", "DISABLING_FAILED" ->
            encryption = sse.keyType() == KeyType.CUSTOMER_MANAGED_CMK ? Encryption.CMK : Encryption.AWS_MANAGED;
        case "DISABLED", "DISABLING", "ENABLING_FAILED" -> encryption = Encryption.NONE;
        default -> {
          encryption = Encryption.UNKNOWN;
          problem = "DescribeDeliveryStream reported encryption status '" + status + "', unknown to this analyzer";
        }
      }
    }
    return new ResolvedStream(StorageType.KINESIS_FIREHOSE, arn, resourceTypes, encryption,
        sse == null ? null : sse.keyARN(), null, status, problem, false);
  }

  /** A stream that could not be described. */
  static ResolvedStream failed(StorageType kind, String arn, List<String> resourceTypes, String reason,
      boolean notFound) {
    return new ResolvedStream(kind, arn, resourceTypes, Encryption.UNKNOWN, null, null, null, reason, notFound);
  }
}
