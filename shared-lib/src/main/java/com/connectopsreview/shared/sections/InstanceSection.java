package com.connectopsreview.shared.sections;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} payload of the {@code instance} component, the shape the report generator renders
 * (docs/checks.md, "## instance", "### Data payload"):
 *
 * <pre>
 * {"schemaVersion": 1, "instance": {...}, "attributes": {"CONTACTFLOW_LOGS": "true", ...},
 *  "replication": null | {"sourceRegion", "globalSignInEndpoint", "regions": [{"region", "status", "reason"}]},
 *  "storageConfigs": [{"resourceType", "storageType", "destination", "encryption", "kmsKeyId", "retentionHours"}],
 *  "unconfiguredResourceTypes": [...],
 *  "kmsKeys": [{"keyId", "keyArn", "usedBy", "streams", "keyManager", "keyState", "rotation",
 *               "rotationPeriodInDays", "nextRotationDate", "reason"}],
 *  "kinesisStreams": [{"arn", "name", "resourceTypes", "retentionHours",
 *                      "alarms": null | {"recommended", "found", "coveragePercent",
 *                                        "present": [{"metric", "alarmName", "state", "hasActions"}], "missing"}}]}
 * </pre>
 *
 * @param attributes instance attribute type to value, exactly as Connect returned them (empty if
 *     they could not be read; {@code errors} then says why)
 * @param replication null when the instance has no Global Resiliency replica
 * @param unconfiguredResourceTypes storage resource types with no storage config, including those
 *     Connect rejects for this instance ("not supported here")
 * @param kmsKeys every customer managed KMS key (by its reference) a storage config or stream uses,
 *     with its state and rotation as KMS reported them; null in payloads stored before they were read
 * @param kinesisStreams every Kinesis data stream Connect streams to, with its retention and its
 *     recommended-alarm coverage; null in payloads stored before they were read
 */
public record InstanceSection(
    Details instance,
    Map<String, String> attributes,
    Replication replication,
    List<StorageConfigEntry> storageConfigs,
    List<String> unconfiguredResourceTypes,
    List<KmsKey> kmsKeys,
    List<KinesisStream> kinesisStreams) implements Section {

  public static final int SCHEMA_VERSION = 1;

  @Override
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }

  /** DescribeInstance's {@code Instance}. Booleans are null when Connect did not say. */
  public record Details(
      String id,
      String arn,
      String alias,
      String identityManagementType,
      String status,
      String serviceRole,
      Instant createdTime,
      Boolean inboundCallsEnabled,
      Boolean outboundCallsEnabled,
      String accessUrl) {}

  /** DescribeInstance's top-level {@code ReplicationConfiguration}. */
  public record Replication(String sourceRegion, String globalSignInEndpoint, List<ReplicaRegion> regions) {}

  /** One entry of {@code ReplicationStatusSummaryList}. */
  public record ReplicaRegion(String region, String status, String reason) {}

  /**
   * One storage config.
   *
   * @param destination {@code s3://bucket/prefix}, {@code KVS prefix: <prefix>}, or the stream / Firehose ARN
   * @param kmsKeyId the KMS key as configured (S3, KVS) or as the stream reports it (Kinesis, Firehose)
   * @param retentionHours KVS retention, or the Kinesis data stream's retention; null otherwise
   */
  public record StorageConfigEntry(
      String resourceType,
      String storageType,
      String destination,
      Encryption encryption,
      String kmsKeyId,
      Integer retentionHours) {}

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
    UNKNOWN
  }

  /**
   * One KMS key, deduplicated by the key ARN KMS resolved it to (or by its reference when it could
   * not be resolved).
   *
   * @param keyId the key as the storage config or stream names it (key id, key ARN, alias or alias ARN)
   * @param keyArn the key ARN KMS reported; null when it could not be read
   * @param usedBy what uses it: {@code <RESOURCE_TYPE>: <destination>} or {@code <kind> <stream name>}
   * @param streams the names of the Kinesis data streams and Firehose streams among {@code usedBy}
   * @param keyManager DescribeKey's {@code KeyManager} (CUSTOMER, AWS); null when not described
   * @param keyState DescribeKey's {@code KeyState} (Enabled, Disabled, PendingDeletion, ...); null when not described
   * @param rotationPeriodInDays GetKeyRotationStatus' {@code RotationPeriodInDays}, when rotation is on
   * @param nextRotationDate GetKeyRotationStatus' {@code NextRotationDate}, when rotation is on
   * @param reason why the key is unusable, or why rotation could not be evaluated; null otherwise
   */
  public record KmsKey(
      String keyId,
      String keyArn,
      List<String> usedBy,
      List<String> streams,
      String keyManager,
      String keyState,
      KeyRotation rotation,
      Integer rotationPeriodInDays,
      Instant nextRotationDate,
      String reason) {}

  /** What GetKeyRotationStatus (and DescribeKey) said of a key's automatic rotation. */
  public enum KeyRotation {
    /** KeyRotationEnabled true. */
    ENABLED,
    /** KeyRotationEnabled false on a usable customer managed key. */
    DISABLED,
    /** UnsupportedOperationException: asymmetric, HMAC, imported key material or a custom key store. */
    NOT_APPLICABLE,
    /** KeyManager AWS: KMS rotates AWS managed keys every year; nothing to configure. */
    AWS_MANAGED,
    /** Not found, or in a key state nothing can encrypt with (Disabled, PendingDeletion, ...). */
    KEY_UNUSABLE,
    /** Could not be read (denied, failed, out of time); {@code errors} says why. */
    UNKNOWN
  }

  /**
   * A Kinesis data stream Connect streams to.
   *
   * @param retentionHours DescribeStreamSummary's {@code RetentionPeriodHours}; null when not described
   * @param alarms the recommended-alarm coverage; null when the alarms could not be read
   */
  public record KinesisStream(
      String arn,
      String name,
      List<String> resourceTypes,
      Integer retentionHours,
      AlarmCoverage alarms) {}

  /**
   * The stream's coverage by the recommended {@code AWS/Kinesis} alarms (dimension {@code StreamName}).
   *
   * @param recommended how many metrics should have an alarm (6)
   * @param found how many of them have at least one
   * @param coveragePercent found / recommended, in percent with one decimal
   * @param present every alarm on a recommended metric
   * @param missing the recommended metrics without an alarm, in the recommendation's order
   */
  public record AlarmCoverage(
      int recommended,
      int found,
      BigDecimal coveragePercent,
      List<StreamAlarm> present,
      List<String> missing) {}

  /** @param state StateValue: OK, ALARM or INSUFFICIENT_DATA */
  public record StreamAlarm(String metric, String alarmName, String state, boolean hasActions) {}

  /**
   * Every checkId the instance analyzer emits. Stable once released; each one is documented in
   * {@code docs/checks.md} (section "instance") with its pillar, severity rule, evidence and
   * recommendation.
   */
  public static final class CheckIds {

    public static final String IDENTITY_SAML = "INSTANCE.IDENTITY.SAML";
    public static final String IDENTITY_NOT_SAML = "INSTANCE.IDENTITY.NOT_SAML";

    public static final String REPLICATION_NONE = "INSTANCE.REPLICATION.NONE";
    public static final String REPLICATION_CONFIGURED = "INSTANCE.REPLICATION.CONFIGURED";
    public static final String REPLICATION_UNHEALTHY = "INSTANCE.REPLICATION.UNHEALTHY";

    public static final String CALLS_ENABLED = "INSTANCE.CALLS.ENABLED";
    public static final String CALLS_DISABLED = "INSTANCE.CALLS.DISABLED";

    public static final String FLOW_LOGS_ENABLED = "INSTANCE.FLOW_LOGS.ENABLED";
    public static final String FLOW_LOGS_DISABLED = "INSTANCE.FLOW_LOGS.DISABLED";

    public static final String CONTACT_LENS_ENABLED = "INSTANCE.CONTACT_LENS.ENABLED";
    public static final String CONTACT_LENS_DISABLED = "INSTANCE.CONTACT_LENS.DISABLED";

    public static final String S3_ENCRYPTION_CMK = "INSTANCE.S3_ENCRYPTION.CMK";
    public static final String S3_ENCRYPTION_AWS_MANAGED = "INSTANCE.S3_ENCRYPTION.AWS_MANAGED";
    public static final String S3_ENCRYPTION_NONE = "INSTANCE.S3_ENCRYPTION.NONE";
    public static final String S3_ENCRYPTION_NO_CONFIGS = "INSTANCE.S3_ENCRYPTION.NO_CONFIGS";

    public static final String STREAM_ENCRYPTION_ENCRYPTED = "INSTANCE.STREAM_ENCRYPTION.ENCRYPTED";
    public static final String STREAM_ENCRYPTION_KVS_NONE = "INSTANCE.STREAM_ENCRYPTION.KVS_NONE";
    public static final String STREAM_ENCRYPTION_KDS_NONE = "INSTANCE.STREAM_ENCRYPTION.KDS_NONE";
    public static final String STREAM_ENCRYPTION_FIREHOSE_NONE = "INSTANCE.STREAM_ENCRYPTION.FIREHOSE_NONE";
    public static final String STREAM_ENCRYPTION_UNVERIFIED = "INSTANCE.STREAM_ENCRYPTION.UNVERIFIED";
    public static final String STREAM_ENCRYPTION_NO_STREAMS = "INSTANCE.STREAM_ENCRYPTION.NO_STREAMS";
    public static final String STREAM_DESTINATION_NOT_FOUND = "INSTANCE.STREAM_DESTINATION.NOT_FOUND";

    public static final String KVS_RETENTION_ZERO = "INSTANCE.KVS_RETENTION.ZERO";

    public static final String STORAGE_TYPES_UNSUPPORTED = "INSTANCE.STORAGE.TYPES_UNSUPPORTED";

    public static final String KEY_ROTATION_ENABLED = "INSTANCE.KEY_ROTATION.ENABLED";
    public static final String KEY_ROTATION_DISABLED = "INSTANCE.KEY_ROTATION.DISABLED";
    public static final String KEY_ROTATION_NOT_APPLICABLE = "INSTANCE.KEY_ROTATION.NOT_APPLICABLE";
    public static final String KMS_KEY_UNUSABLE = "INSTANCE.KMS_KEY.UNUSABLE";

    public static final String STREAM_RETENTION_DEFAULT = "INSTANCE.STREAM_RETENTION.DEFAULT";
    public static final String STREAM_RETENTION_EXTENDED = "INSTANCE.STREAM_RETENTION.EXTENDED";

    public static final String STREAM_ALARMS_ITERATOR_AGE_MISSING = "INSTANCE.STREAM_ALARMS.ITERATOR_AGE_MISSING";
    public static final String STREAM_ALARMS_ITERATOR_AGE_PRESENT = "INSTANCE.STREAM_ALARMS.ITERATOR_AGE_PRESENT";
    public static final String STREAM_ALARMS_INCOMPLETE = "INSTANCE.STREAM_ALARMS.INCOMPLETE";
    public static final String STREAM_ALARMS_COMPLETE = "INSTANCE.STREAM_ALARMS.COMPLETE";
    public static final String STREAM_ALARMS_NO_ACTIONS = "INSTANCE.STREAM_ALARMS.NO_ACTIONS";
    public static final String STREAM_ALARMS_IN_ALARM = "INSTANCE.STREAM_ALARMS.IN_ALARM";

    private CheckIds() {}
  }
}
