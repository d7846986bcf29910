package com.connectopsreview.local.sandbox.instance;

import static com.connectopsreview.local.sandbox.server.Payload.object;

import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.server.AwsService;
import com.connectopsreview.local.sandbox.server.Call;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter.Limit;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Kinesis Data Streams over JSON 1.1 and CBOR ({@code Kinesis_20131202.*}); the SDK's KinesisClient
 * sends CBOR unless {@code aws.cborEnabled=false}, and the answer uses the request's encoding.
 */
final class KinesisApi {

  /** JSON 1.1 (and its CBOR encoding, the SDK's default for Kinesis). */
  static final AwsService KINESIS = AwsService.awsJson("Kinesis", "kinesis", "kinesis", "Kinesis_20131202",
      new AwsService.Errors("LimitExceededException", 400,
          operation -> "Rate exceeded for " + operation + " in account " + Scenario.ACCOUNT_ID,
          "InternalFailureException", "Internal service failure.", "ResourceNotFoundException", 400,
          "InvalidArgumentException", "InvalidArgumentException"),
      scenario -> {
        var streams = InstanceConfigDomain.of(scenario).kinesisStreams();
        return streams.isEmpty() ? "*" : streams.get(0).arn();
      }).describedAs("JSON 1.1 / CBOR");

  /** Documented: DescribeStreamSummary has a limit of 20 transactions per second per account. */
  static final Limit DESCRIBE_STREAM_SUMMARY = new Limit(20, 20);

  private final InstanceConfigDomain config;

  KinesisApi(InstanceConfigDomain config) {
    this.config = config;
  }

  void register(OperationRegistry r) {
    r.rpc(KINESIS, "DescribeStreamSummary", DESCRIBE_STREAM_SUMMARY, this::describeStreamSummary);
  }

  private JsonNode describeStreamSummary(Call call) {
    String arn = call.string("StreamARN");
    String name = call.string("StreamName");
    if (arn == null && name == null) {
      throw call.service().invalidParameter("Either StreamName or StreamARN must be provided");
    }
    String wanted = arn != null ? arn : name;
    InstanceConfigDomain.KinesisStream s = config.kinesisStream(wanted)
        .filter(stream -> arn == null || stream.arn().equals(arn))
        .orElseThrow(() -> call.service().notFound("Stream " + (name != null ? name : streamName(arn))
            + " under account " + Scenario.ACCOUNT_ID + " not found."));
    return object("StreamDescriptionSummary", object(
        "StreamName", s.name(),
        "StreamARN", s.arn(),
        "StreamStatus", s.status(),
        "StreamModeDetails", object("StreamMode", s.mode()),
        "RetentionPeriodHours", s.retentionHours(),
        "StreamCreationTimestamp", s.created(),
        "EnhancedMonitoring", List.of(object("ShardLevelMetrics", List.of())),
        "EncryptionType", s.encryptionType(),
        "KeyId", s.keyId(),
        "OpenShardCount", s.openShards(),
        "ConsumerCount", s.consumers()));
  }

  private static String streamName(String arn) {
    int slash = arn.lastIndexOf('/');
    return slash < 0 ? arn : arn.substring(slash + 1);
  }
}
