package com.connectopsreview.local.sandbox;

import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import java.util.function.Consumer;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.pinpoint.PinpointClient;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;

/**
 * The real SDK clients against a sandbox, built through shared-lib's {@link AwsClients} (counted by
 * an {@link ApiCallCounter}, url-connection HTTP client, fake static credentials).
 */
final class SandboxClients {

  static final Region REGION = Region.of(Scenario.REGION);

  private final AwsClients aws;

  SandboxClients(Sandbox sandbox, ApiRateLimiter limiter) {
    this.aws = new AwsClients(new ApiCallCounter(limiter), sandbox.clientOptions());
  }

  /** Without client-side pacing. */
  static SandboxClients unlimited(Sandbox sandbox) {
    return new SandboxClients(sandbox, ApiRateLimiter.unlimited());
  }

  AwsClients aws() {
    return aws;
  }

  ApiCallCounter counter() {
    return aws.counter();
  }

  ConnectClient connect() {
    return aws.client(ConnectClient.class, REGION, ConnectClient::builder);
  }

  KinesisClient kinesis() {
    return aws.client(KinesisClient.class, REGION, KinesisClient::builder);
  }

  FirehoseClient firehose() {
    return aws.client(FirehoseClient.class, REGION, FirehoseClient::builder);
  }

  ServiceQuotasClient serviceQuotas() {
    return aws.client(ServiceQuotasClient.class, REGION, ServiceQuotasClient::builder);
  }

  CloudWatchClient cloudWatch() {
    return aws.client(CloudWatchClient.class, REGION, CloudWatchClient::builder);
  }

  PinpointClient pinpoint() {
    return aws.client(PinpointClient.class, REGION, PinpointClient::builder);
  }

  /** A new client with this factory's settings, changed by {@code change} (counted by the same counter). */
  <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C custom(B builder,
      Consumer<ClientOverrideConfiguration.Builder> change) {
    B configured = aws.configure(builder, REGION);
    ClientOverrideConfiguration.Builder override = configured.overrideConfiguration().toBuilder();
    change.accept(override);
    configured.overrideConfiguration(override.build());
    return configured.build();
  }

  /** A new client without retries: every answer reaches the caller as the sandbox sent it. */
  <C extends SdkClient, B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>> C withoutRetries(B builder) {
    return custom(builder, o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
  }
}
