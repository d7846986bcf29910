package com.connectopsreview.system;

import com.connectopsreview.orchestrator.LambdaFunctionCaller;
import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Run in a child JVM by {@link SamLocalEnvTest}: the orchestrator's Lambda client as its factory
 * builds it (AwsClients, no endpoint of its own), invoking the function named in args[0], so only
 * the environment can redirect the call.
 */
public final class LambdaEndpointProbe {

  private LambdaEndpointProbe() {}

  public static void main(String[] args) {
    AwsClients clients = new AwsClients(new ApiCallCounter(ApiRateLimiter.unlimited()), AwsClients.Options.defaults());
    LambdaClient lambda = clients.client(LambdaClient.class, Region.US_EAST_1, LambdaClient::builder);
    byte[] answer = new LambdaFunctionCaller(lambda).call(args[0], "{}".getBytes(StandardCharsets.UTF_8),
        Duration.ofSeconds(30));
    System.out.println("answer=" + new String(answer, StandardCharsets.UTF_8));
  }
}
