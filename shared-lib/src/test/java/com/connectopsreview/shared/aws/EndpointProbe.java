package com.connectopsreview.shared.aws;

import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Run in a child JVM by {@link AwsClientsEndpointTest}: builds a client through AwsClients with no
 * endpoint of its own, so only the environment can redirect it, makes one call and prints the answer.
 */
public final class EndpointProbe {

  private EndpointProbe() {}

  public static void main(String[] args) {
    AwsClients clients = new AwsClients(new ApiCallCounter(ApiRateLimiter.unlimited()), AwsClients.Options.defaults());
    DynamoDbClient ddb = clients.client(DynamoDbClient.class, Region.US_EAST_1, DynamoDbClient::builder);
    System.out.println("tables=" + ddb.listTables().tableNames());
  }
}
