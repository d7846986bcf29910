package com.connectopsreview.instance;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} payload of the {@code instance} component, the shape the report generator renders:
 *
 * <pre>
 * {"instance": {...}, "attributes": {"CONTACTFLOW_LOGS": "true", ...},
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
public record InstanceData(
    Details instance,
    Map<String, String> attributes,
    Replication replication,
    List<StorageConfigEntry> storageConfigs,
    List<String> unconfiguredResourceTypes) {

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
}
