package com.connectopsreview.instance;

import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.TimeWindow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.connect.model.EncryptionConfig;
import software.amazon.awssdk.services.connect.model.EncryptionType;
import software.amazon.awssdk.services.connect.model.Instance;
import software.amazon.awssdk.services.connect.model.InstanceStorageConfig;
import software.amazon.awssdk.services.connect.model.StorageType;
import software.amazon.awssdk.services.kms.model.KeyMetadata;
import software.amazon.awssdk.services.kms.model.KmsException;
import software.amazon.awssdk.services.kms.model.KmsInvalidStateException;
import software.amazon.awssdk.services.kms.model.NotFoundException;
import software.amazon.awssdk.services.kms.model.UnsupportedOperationException;

/** Shared test data: the instance of events/analyzer-request-instance.json and SDK objects built with builders. */
final class Fixtures {

  static final String INSTANCE_ARN =
      "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555";
  static final String INSTANCE_ID = "11111111-2222-3333-4444-555555555555";
  static final InstanceRef INSTANCE = InstanceRef.parse(INSTANCE_ARN);
  static final String REVIEW_ID = "20261123T090000Z-abcdef";
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  static final String CMK_ARN = "arn:aws:kms:us-east-1:123456789012:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
  static final String KDS_ARN = "arn:aws:kinesis:us-east-1:123456789012:stream/agent-events";
  static final String FIREHOSE_ARN = "arn:aws:firehose:us-east-1:123456789012:deliverystream/ctr-firehose";

  private Fixtures() {}

  static AnalyzerRequest request(Instant deadline) {
    return new AnalyzerRequest(REVIEW_ID, "instance", INSTANCE,
        new TimeWindow(NOW.minusSeconds(14 * 86400), NOW), deadline, Map.of());
  }

  static Instance.Builder instance() {
    return Instance.builder()
        .id(INSTANCE_ID)
        .arn(INSTANCE_ARN)
        .identityManagementType("SAML")
        .instanceAlias("contact-center")
        .createdTime(Instant.parse("2024-03-01T10:15:30Z"))
        .serviceRole("arn:aws:iam::123456789012:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_abc")
        .instanceStatus("ACTIVE")
        .inboundCallsEnabled(true)
        .outboundCallsEnabled(true)
        .instanceAccessUrl("https://contact-center.my.connect.aws");
  }

  static InstanceStorageConfig s3(String bucket, String prefix, String keyId) {
    return InstanceStorageConfig.builder()
        .associationId("assoc-" + bucket)
        .storageType(StorageType.S3)
        .s3Config(b -> {
          b.bucketName(bucket).bucketPrefix(prefix);
          if (keyId != null) {
            b.encryptionConfig(kms(keyId));
          }
        })
        .build();
  }

  static InstanceStorageConfig kvs(String prefix, Integer retentionHours, String keyId) {
    return InstanceStorageConfig.builder()
        .associationId("assoc-kvs")
        .storageType(StorageType.KINESIS_VIDEO_STREAM)
        .kinesisVideoStreamConfig(b -> {
          b.prefix(prefix).retentionPeriodHours(retentionHours);
          if (keyId != null) {
            b.encryptionConfig(kms(keyId));
          }
        })
        .build();
  }

  static InstanceStorageConfig kinesisStream(String arn) {
    return InstanceStorageConfig.builder().associationId("assoc-kds").storageType(StorageType.KINESIS_STREAM)
        .kinesisStreamConfig(b -> b.streamArn(arn)).build();
  }

  static InstanceStorageConfig firehose(String arn) {
    return InstanceStorageConfig.builder().associationId("assoc-fh").storageType(StorageType.KINESIS_FIREHOSE)
        .kinesisFirehoseConfig(b -> b.firehoseArn(arn)).build();
  }

  static EncryptionConfig kms(String keyId) {
    return EncryptionConfig.builder().encryptionType(EncryptionType.KMS).keyId(keyId).build();
  }

  static AwsErrorDetails errorDetails(String code, String service, String message) {
    return AwsErrorDetails.builder().errorCode(code).serviceName(service).errorMessage(message).build();
  }

  static software.amazon.awssdk.services.connect.model.AccessDeniedException connectAccessDenied(String action) {
    String message = "User: arn:aws:sts::123456789012:assumed-role/review/fn is not authorized to perform: connect:"
        + action;
    return software.amazon.awssdk.services.connect.model.AccessDeniedException.builder()
        .message(message).statusCode(403)
        .awsErrorDetails(errorDetails("AccessDeniedException", "Connect", message)).build();
  }

  static software.amazon.awssdk.services.connect.model.InvalidRequestException connectInvalidRequest(String message) {
    return software.amazon.awssdk.services.connect.model.InvalidRequestException.builder()
        .message(message).statusCode(400)
        .awsErrorDetails(errorDetails("InvalidRequestException", "Connect", message)).build();
  }

  static software.amazon.awssdk.services.connect.model.InternalServiceException connectInternal() {
    return software.amazon.awssdk.services.connect.model.InternalServiceException.builder()
        .message("Internal error").statusCode(500)
        .awsErrorDetails(errorDetails("InternalServiceException", "Connect", "Internal error")).build();
  }

  /** A symmetric customer managed key; its ARN is the reference when that is a key ARN, else {@link #CMK_ARN}. */
  static KeyMetadata customerKey(String reference, String keyState) {
    String arn = reference.startsWith("arn:") && reference.contains(":key/") ? reference : CMK_ARN;
    return KeyMetadata.builder().arn(arn).keyId(arn.substring(arn.indexOf(":key/") + 5)).awsAccountId("123456789012")
        .keyManager("CUSTOMER").keyState(keyState).keySpec("SYMMETRIC_DEFAULT").keyUsage("ENCRYPT_DECRYPT")
        .origin("AWS_KMS").enabled("Enabled".equals(keyState)).build();
  }

  /** A KMS error as the KmsClient raises it for {@code code} (the SDK maps codes to these classes). */
  static KmsException kmsError(String code, int status, String message) {
    KmsException.Builder builder = switch (code) {
      case "NotFoundException" -> NotFoundException.builder();
      case "KMSInvalidStateException" -> KmsInvalidStateException.builder();
      case "UnsupportedOperationException" -> UnsupportedOperationException.builder();
      default -> KmsException.builder();
    };
    return (KmsException) builder.message(message).statusCode(status)
        .awsErrorDetails(errorDetails(code, "Kms", message)).build();
  }

  static Finding only(List<Finding> findings, String checkId) {
    List<Finding> matching = findings.stream().filter(f -> f.checkId().equals(checkId)).toList();
    if (matching.size() != 1) {
      throw new AssertionError("expected exactly one " + checkId + " finding, got " + matching.size()
          + " in " + findings.stream().map(Finding::checkId).toList());
    }
    return matching.get(0);
  }

  static List<String> checkIds(List<Finding> findings) {
    return findings.stream().map(Finding::checkId).toList();
  }
}
