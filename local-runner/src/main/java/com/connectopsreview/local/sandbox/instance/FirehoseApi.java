package com.connectopsreview.local.sandbox.instance;

import static com.connectopsreview.local.sandbox.server.Payload.object;

import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.server.AwsService;
import com.connectopsreview.local.sandbox.server.Call;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter.Limit;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Amazon Data Firehose over JSON 1.1 ({@code Firehose_20150804.*}). */
final class FirehoseApi {

  /** JSON 1.1. */
  static final AwsService FIREHOSE = AwsService.awsJson("Firehose", "firehose", "firehose", "Firehose_20150804",
      new AwsService.Errors("LimitExceededException", 400, operation -> "Rate exceeded for " + operation,
          "ServiceUnavailableException", "The service is unavailable. Back off and retry the operation.",
          "ResourceNotFoundException", 400, "InvalidArgumentException", "InvalidArgumentException"),
      scenario -> {
        var streams = InstanceConfigDomain.of(scenario).firehoseStreams();
        return streams.isEmpty() ? "*" : streams.get(0).arn();
      });

  /** Documented: the stream-management APIs, DescribeDeliveryStream among them, allow 5 transactions per second. */
  static final Limit DESCRIBE_DELIVERY_STREAM = new Limit(5, 5);

  private final InstanceConfigDomain config;

  FirehoseApi(InstanceConfigDomain config) {
    this.config = config;
  }

  void register(OperationRegistry r) {
    r.rpc(FIREHOSE, "DescribeDeliveryStream", DESCRIBE_DELIVERY_STREAM, this::describeDeliveryStream);
  }

  private JsonNode describeDeliveryStream(Call call) {
    String name = call.string("DeliveryStreamName");
    if (name == null || name.isEmpty()) {
      throw call.service().invalidParameter("DeliveryStreamName is required");
    }
    Integer limit = call.integer("Limit");
    if (limit != null && (limit < 1 || limit > 10_000)) {
      throw call.service().invalidParameter("Limit must be between 1 and 10000, got " + limit);
    }
    InstanceConfigDomain.FirehoseStream s = config.firehoseStream(name)
        .orElseThrow(() -> call.service().notFound(
            "Firehose " + name + " under account " + Scenario.ACCOUNT_ID + " not found."));
    InstanceConfigDomain.FirehoseEncryption sse = s.encryption();
    return object("DeliveryStreamDescription", object(
        "DeliveryStreamName", s.name(),
        "DeliveryStreamARN", s.arn(),
        "DeliveryStreamStatus", s.status(),
        "DeliveryStreamEncryptionConfiguration", sse == null ? null
            : object("KeyARN", sse.keyArn(), "KeyType", sse.keyType(), "Status", sse.status()),
        "DeliveryStreamType", s.type(),
        "VersionId", "1",
        "CreateTimestamp", s.created(),
        "Source", object("DirectPutSourceDescription", object("ThroughputHintInMBs", 1)),
        "Destinations", List.of(object(
            "DestinationId", "destinationId-000000000001",
            "ExtendedS3DestinationDescription", object(
                "RoleARN", s.roleArn(),
                "BucketARN", s.bucketArn(),
                "Prefix", s.prefix(),
                "BufferingHints", object("SizeInMBs", 5, "IntervalInSeconds", 300),
                "CompressionFormat", "GZIP",
                "EncryptionConfiguration", object("NoEncryptionConfig", "NoEncryption"),
                "S3BackupMode", "Disabled"))),
        "HasMoreDestinations", false));
  }
}
