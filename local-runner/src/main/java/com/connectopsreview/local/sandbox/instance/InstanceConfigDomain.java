package com.connectopsreview.local.sandbox.instance;

import com.connectopsreview.local.sandbox.PlantedProblems;
import com.connectopsreview.local.sandbox.SandboxDomain;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.local.sandbox.server.Pager;
import com.connectopsreview.shared.model.InstanceRef;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The instance configuration: DescribeInstance's instance, its attributes, its storage configs and
 * the Kinesis and Firehose streams they point at. The same for every seed and size (the seed only
 * changes ids and names): it carries every planted instance problem ({@link PlantedProblems#instance()}).
 */
public final class InstanceConfigDomain implements SandboxDomain {

  /** DescribeInstance's Instance and ReplicationConfiguration. */
  public record Instance(
      InstanceRef ref, String alias, String identityManagementType, String status, String serviceRole,
      Instant createdTime, boolean inboundCallsEnabled, boolean outboundCallsEnabled, String accessUrl,
      Map<String, String> tags, Replication replication) {}

  /** Global Resiliency; null on the default scenario (no replica). */
  public record Replication(String sourceRegion, String globalSignInEndpoint, List<ReplicaRegion> regions) {}

  public record ReplicaRegion(String region, String status, String reason) {}

  /**
   * One storage config of a resource type; exactly one destination is set, by {@code storageType}
   * (S3, KINESIS_VIDEO_STREAM, KINESIS_STREAM, KINESIS_FIREHOSE).
   */
  public record StorageConfig(
      String resourceType, String associationId, String storageType, S3Destination s3, KvsDestination kvs,
      String kinesisStreamArn, String firehoseArn) {}

  /** @param kmsKeyId null: no EncryptionConfig at all */
  public record S3Destination(String bucket, String prefix, String kmsKeyId) {}

  /** @param kmsKeyId null: no EncryptionConfig at all */
  public record KvsDestination(String prefix, int retentionHours, String kmsKeyId) {}

  /** @param encryptionType KMS or NONE; {@code keyId} set with KMS */
  public record KinesisStream(
      String name, String arn, String status, String mode, int retentionHours, Instant created,
      String encryptionType, String keyId, int openShards, int consumers) {}

  /** @param encryption null: no DeliveryStreamEncryptionConfiguration at all */
  public record FirehoseStream(
      String name, String arn, String status, String type, Instant created, FirehoseEncryption encryption,
      String bucketArn, String prefix, String roleArn) {}

  public record FirehoseEncryption(String status, String keyType, String keyArn) {}

  private final Instance instance;
  private final Map<String, String> attributes;
  private final List<StorageConfig> storageConfigs;
  private final List<KinesisStream> kinesisStreams;
  private final List<FirehoseStream> firehoseStreams;

  InstanceConfigDomain(Instance instance, Map<String, String> attributes, List<StorageConfig> storageConfigs,
      List<KinesisStream> kinesisStreams, List<FirehoseStream> firehoseStreams) {
    this.instance = instance;
    this.attributes = attributes;
    this.storageConfigs = List.copyOf(storageConfigs);
    this.kinesisStreams = List.copyOf(kinesisStreams);
    this.firehoseStreams = List.copyOf(firehoseStreams);
  }

  public static InstanceConfigDomain of(Scenario scenario) {
    return scenario.domain(InstanceConfigDomain.class);
  }

  public Instance instance() {
    return instance;
  }

  /** Every instance attribute type the SDK knows, to its value ("true"/"false"), in the SDK's order. */
  public Map<String, String> attributes() {
    return attributes;
  }

  public List<StorageConfig> storageConfigs() {
    return storageConfigs;
  }

  public List<StorageConfig> storageConfigs(String resourceType) {
    return storageConfigs.stream().filter(c -> c.resourceType().equals(resourceType)).toList();
  }

  public List<KinesisStream> kinesisStreams() {
    return kinesisStreams;
  }

  public List<FirehoseStream> firehoseStreams() {
    return firehoseStreams;
  }

  public Optional<KinesisStream> kinesisStream(String nameOrArn) {
    return kinesisStreams.stream().filter(s -> s.name().equals(nameOrArn) || s.arn().equals(nameOrArn)).findFirst();
  }

  public Optional<FirehoseStream> firehoseStream(String name) {
    return firehoseStreams.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  @Override
  public void register(OperationRegistry registry, Scenario scenario, Pager pager) {
    new InstanceConfigApi(this, scenario, pager).register(registry);
    new KinesisApi(this).register(registry);
    new FirehoseApi(this).register(registry);
  }

  @Override
  public void writeJson(JsonGenerator g) throws IOException {
    g.writeObjectField("instance", instance);
    g.writeObjectField("attributes", attributes);
    g.writeObjectField("storageConfigs", storageConfigs);
    g.writeObjectField("kinesisStreams", kinesisStreams);
    g.writeObjectField("firehoseStreams", firehoseStreams);
  }
}
