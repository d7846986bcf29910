package com.connectopsreview.shared.store;

import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The same contract against LocalStack, for machines with Docker. Skipped where no Docker engine
 * runs; the in-process engines (S3Mock, DynamoDB Local) carry the coverage there.
 */
@Testcontainers(disabledWithoutDocker = true)
class ResultStoreLocalStackIT {

  /** Pinned for reproducible runs (newer LocalStack images may ask for an auth token; never commit one). */
  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4")).withServices("s3", "dynamodb");

  private static StaticCredentialsProvider credentials() {
    return StaticCredentialsProvider.create(
        AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
  }

  @Nested
  class S3 extends ResultStoreContract {

    private ResultStore store;

    @BeforeEach
    void createStore() {
      S3Client s3 = S3Client.builder()
          .endpointOverride(LOCALSTACK.getEndpoint())
          .forcePathStyle(true)
          .region(Region.of(LOCALSTACK.getRegion()))
          .credentialsProvider(credentials())
          .httpClient(UrlConnectionHttpClient.create())
          .build();
      store = new S3ResultStore(s3, LocalEngines.newBucket(s3));
    }

    @Override
    protected ResultStore store() {
      return store;
    }
  }

  @Nested
  class DynamoDb extends ResultStoreContract {

    private ResultStore store;

    @BeforeEach
    void createStore() {
      DynamoDbClient ddb = DynamoDbClient.builder()
          .endpointOverride(LOCALSTACK.getEndpoint())
          .region(Region.of(LOCALSTACK.getRegion()))
          .credentialsProvider(credentials())
          .httpClient(UrlConnectionHttpClient.create())
          .build();
      store = new DynamoDbResultStore(ddb, LocalEngines.newTable(ddb), Clock.systemUTC());
    }

    @Override
    protected ResultStore store() {
      return store;
    }
  }
}
