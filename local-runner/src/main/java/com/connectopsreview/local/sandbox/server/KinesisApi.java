package com.connectopsreview.local.sandbox.server;

import static com.connectopsreview.local.sandbox.server.AwsService.KINESIS;
import static com.connectopsreview.local.sandbox.server.Payload.object;

import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter.Limit;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Kinesis Data Streams over JSON 1.1 and CBOR ({@code Kinesis_20131202.*}); the SDK's KinesisClient
 * sends CBOR unless {@code aws.cborEnabled=false}, and the answer uses the request's encoding.
 */
final class KinesisApi {

  /** Documented: DescribeStreamSummary has a limit of 20 transactions per second per account. */
  static final Limit DESCRIBE_STREAM_SUMMARY = new Limit(20, 20);

  private final Scenario scenario;

  KinesisApi(Scenario scenario) {
    this.scenario = scenario;
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
    Scenario.KinesisStream s = scenario.kinesisStream(wanted)
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
