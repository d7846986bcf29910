package com.connectopsreview.shared.aws;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.testing.SdkMocks;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

class ServiceClientsTest {

  @Test
  void of_servesEachGivenClientForItsTypeInEveryRegion() {
    DynamoDbClient dynamo = SdkMocks.client(DynamoDbClient.class);
    S3Client s3 = SdkMocks.client(S3Client.class);
    ServiceClients clients = ServiceClients.of(dynamo, s3);

    assertSame(dynamo, clients.client(DynamoDbClient.class, Region.EU_WEST_2));
    assertSame(s3, clients.client(S3Client.class, Region.US_EAST_1));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ServiceClients.of(s3).client(DynamoDbClient.class, Region.US_EAST_1));
    assertTrue(e.getMessage().contains("DynamoDbClient"), e.getMessage());
  }

  @Test
  void awsClients_buildsAnyClientTypeOncePerRegionFromItsOwnBuilder() {
    AwsClients clients = new AwsClients(new ApiCallCounter(ApiRateLimiter.unlimited()), AwsClients.Options.defaults()
        .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
        .withEndpoint(URI.create("http://127.0.0.1:9")));

    DynamoDbClient first = clients.client(DynamoDbClient.class, Region.EU_WEST_2);

    assertSame(first, clients.client(DynamoDbClient.class, Region.EU_WEST_2));
    assertSame(first, clients.client(DynamoDbClient.class, Region.EU_WEST_2, DynamoDbClient::builder));
    assertTrue(first != clients.client(DynamoDbClient.class, Region.US_EAST_1));
    assertSame(Region.EU_WEST_2, first.serviceClientConfiguration().region());
  }

  @Test
  void options_refuseAnAttemptTimeoutLongerThanTheCall() {
    AwsClients.Options defaults = AwsClients.Options.defaults();

    assertTrue(defaults.apiCallAttemptTimeout().compareTo(defaults.socketTimeout()) > 0);
    assertThrows(IllegalArgumentException.class, () -> new AwsClients.Options(defaults.connectTimeout(),
        defaults.socketTimeout(), defaults.apiCallTimeout().plusSeconds(1), defaults.apiCallTimeout(), null, null));
  }
}
