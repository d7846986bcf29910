package com.connectopsreview.instance;

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

  private static String s3Destination(S3Config s3) {
    if (s3 == null) {
      return "s3://?";
    }
    String prefix = s3.bucketPrefix();
    return "s3://" + s3.bucketName() + (prefix == null || prefix.isBlank() ? "" : "/" + prefix);
  }
}
