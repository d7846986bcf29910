package com.connectopsreview.instance;

import com.connectopsreview.instance.KmsKeyReader.KeyUse;
import com.connectopsreview.shared.analyzer.Outcome;
import com.connectopsreview.shared.analyzer.ReadLog;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.cloudwatch.MetricAlarms;
import com.connectopsreview.shared.cloudwatch.MetricAlarms.Alarm;
import com.connectopsreview.shared.sections.InstanceSection.Encryption;
import com.connectopsreview.shared.sections.InstanceSection.KinesisStream;
import com.connectopsreview.shared.sections.InstanceSection.KmsKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.connect.model.EncryptionConfig;
import software.amazon.awssdk.services.connect.model.InstanceStorageConfig;
import software.amazon.awssdk.services.connect.model.StorageType;

/**
 * Reads what the stream-security checks judge, after the storage configs and streams were read:
 * the customer managed KMS keys they use ({@link KmsKeyReader}) and, when Connect streams to any
 * Kinesis data stream, every metric alarm of the Region (CloudWatch {@code DescribeAlarms}, all
 * pages, once per review).
 */
final class StreamSecurityReader {

  /** What was read: the keys, and each Kinesis data stream with its retention and alarm coverage. */
  record StreamSecurity(List<KmsKey> keys, List<KinesisStream> kinesisStreams) {}

  private final ReadLog log;
  private final ServiceClients clients;
  private final Region region;

  StreamSecurityReader(ReadLog log, ServiceClients clients, Region region) {
    this.log = log;
    this.clients = clients;
    this.region = region;
  }

  /**
   * @param configs every storage config read
   * @param streams the Kinesis data streams and Firehose streams described, keyed by ARN (a stream
   *     not reached in time is absent)
   */
  StreamSecurity read(List<StorageConfig> configs, Map<String, ResolvedStream> streams) {
    List<KmsKey> keys = new KmsKeyReader(log, clients, region).read(keyUses(configs, streams));
    return new StreamSecurity(keys, kinesisStreams(configs, streams));
  }

  /** Every customer managed key reference, in the order met: S3 and KVS configs first, then streams. */
  static Map<String, KeyUse> keyUses(List<StorageConfig> configs, Map<String, ResolvedStream> streams) {
    Map<String, KeyUse> uses = new LinkedHashMap<>();
    for (StorageConfig config : configs) {
      InstanceStorageConfig c = config.config();
      EncryptionConfig encryption = null;
      if (c.storageType() == StorageType.S3 && c.s3Config() != null) {
        encryption = c.s3Config().encryptionConfig();
      } else if (c.storageType() == StorageType.KINESIS_VIDEO_STREAM && c.kinesisVideoStreamConfig() != null) {
        encryption = c.kinesisVideoStreamConfig().encryptionConfig();
      }
      if (encryption != null && KmsKeys.encryptionOf(encryption.keyId()) == Encryption.CMK) {
        uses.computeIfAbsent(encryption.keyId().trim(), k -> new KeyUse()).usedBy.add(config.resource());
      }
    }
    for (ResolvedStream stream : streams.values()) {
      if (stream.verified() && stream.encryption() == Encryption.CMK && stream.kmsKeyId() != null
          && !stream.kmsKeyId().isBlank()) {
        KeyUse use = uses.computeIfAbsent(stream.kmsKeyId().trim(), k -> new KeyUse());
        use.usedBy.add(stream.kindLabel() + " " + stream.name() + " (" + String.join(", ", stream.resourceTypes()) + ")");
        use.streams.add(stream.name());
      }
    }
    return uses;
  }

  private List<KinesisStream> kinesisStreams(List<StorageConfig> configs, Map<String, ResolvedStream> streams) {
    Map<String, List<String>> kinesis = StorageConfig.streamsByArn(configs, StorageType.KINESIS_STREAM);
    if (kinesis.isEmpty()) {
      return List.of();
    }
    List<Alarm> alarms = readAlarms();
    List<KinesisStream> out = new ArrayList<>();
    kinesis.forEach((arn, types) -> {
      ResolvedStream described = streams.get(arn);
      String name = ResolvedStream.nameFromArn(arn);
      out.add(new KinesisStream(arn, name, List.copyOf(types),
          described != null && described.verified() ? described.retentionHours() : null,
          alarms == null ? null : StreamAlarmCoverage.of(name, alarms)));
    });
    return out;
  }

  /** Every metric alarm of the Region, or null (and the reason in errors) when they cannot be read. */
  private List<Alarm> readAlarms() {
    Outcome<List<Alarm>> read = log.attempt("alarms of the Kinesis data streams",
        () -> MetricAlarms.readAll(log, clients.client(CloudWatchClient.class, region)));
    if (read.isOk()) {
      return read.get();
    }
    if (!read.isOutOfTime()) {
      log.error("Kinesis stream alarms not evaluated: CloudWatch DescribeAlarms "
          + (read.isDenied() ? "denied" : "failed") + " (" + read.reason() + ")");
    }
    return null;
  }
}
