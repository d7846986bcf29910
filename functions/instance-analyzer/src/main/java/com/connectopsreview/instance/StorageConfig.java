package com.connectopsreview.instance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.connect.model.InstanceStorageConfig;
import software.amazon.awssdk.services.connect.model.InstanceStorageResourceType;
import software.amazon.awssdk.services.connect.model.S3Config;
import software.amazon.awssdk.services.connect.model.StorageType;

/**
 * One storage config as ListInstanceStorageConfigs returned it, with the resource type it was listed
 * for (the config itself does not carry it).
 */
record StorageConfig(InstanceStorageResourceType resourceType, InstanceStorageConfig config) {

  StorageType storageType() {
    return config.storageType();
  }

  /** {@code s3://bucket/prefix}, {@code KVS prefix: <prefix>}, or the stream / Firehose ARN. */
  String destination() {
    StorageType type = config.storageType();
    if (type == null) {
      return "storage type '" + config.storageTypeAsString() + "'";
    }
    return switch (type) {
      case S3 -> s3Destination(config.s3Config());
      case KINESIS_VIDEO_STREAM -> "KVS prefix: "
          + (config.kinesisVideoStreamConfig() == null ? "?" : config.kinesisVideoStreamConfig().prefix());
      case KINESIS_STREAM -> config.kinesisStreamConfig() == null ? "Kinesis data stream ?"
          : config.kinesisStreamConfig().streamArn();
      case KINESIS_FIREHOSE -> config.kinesisFirehoseConfig() == null ? "Firehose stream ?"
          : config.kinesisFirehoseConfig().firehoseArn();
      default -> "storage type '" + config.storageTypeAsString() + "'";
    };
  }

  /** The finding resource for a per-config check: the resource type and where it goes. */
  String resource() {
    return resourceType + ": " + destination();
  }

  /**
   * The Kinesis data streams (with {@code KINESIS_STREAM}) or Firehose streams ({@code KINESIS_FIREHOSE})
   * the configs name, each ARN once, with the resource types streamed to it, in the order found.
   */
  static Map<String, List<String>> streamsByArn(List<StorageConfig> configs, StorageType kind) {
    Map<String, List<String>> streams = new LinkedHashMap<>();
    for (StorageConfig config : configs) {
      InstanceStorageConfig c = config.config();
      if (c.storageType() != kind) {
        continue;
      }
      String arn = kind == StorageType.KINESIS_STREAM
          ? c.kinesisStreamConfig() == null ? null : c.kinesisStreamConfig().streamArn()
          : c.kinesisFirehoseConfig() == null ? null : c.kinesisFirehoseConfig().firehoseArn();
      if (arn != null) {
        streams.computeIfAbsent(arn, k -> new ArrayList<>()).add(config.resourceType().toString());
      }
    }
    return streams;
  }

  private static String s3Destination(S3Config s3) {
    if (s3 == null) {
      return "s3://?";
    }
    String prefix = s3.bucketPrefix();
    return "s3://" + s3.bucketName() + (prefix == null || prefix.isBlank() ? "" : "/" + prefix);
  }
}
