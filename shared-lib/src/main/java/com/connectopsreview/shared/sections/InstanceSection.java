package com.connectopsreview.shared.sections;

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
 *  "unconfiguredResourceTypes": [...]}
 * </pre>
 *
 * @param attributes instance attribute type to value, exactly as Connect returned them (empty if
 *     they could not be read; {@code errors} then says why)
 * @param replication null when the instance has no Global Resiliency replica
 * @param unconfiguredResourceTypes storage resource types with no storage config, including those
 *     Connect rejects for this instance ("not supported here")
 */
public record InstanceSection(
    Details instance,
    Map<String, String> attributes,
    Replication replication,
    List<StorageConfigEntry> storageConfigs,
    List<String> unconfiguredResourceTypes) implements Section {

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

    private CheckIds() {}
  }
}
