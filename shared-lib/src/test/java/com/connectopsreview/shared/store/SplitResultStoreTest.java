package com.connectopsreview.shared.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.exception.StoreException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** Results in DynamoDB Local, artifacts in S3Mock: the {@code STORAGE_BACKEND=dynamodb} wiring. */
class SplitResultStoreTest extends ResultStoreContract {

  private static DynamoDbClient ddb;
  private static S3Client s3;

  private String table;
  private String bucket;
  private SplitResultStore store;

  @BeforeAll
  static void startEngines() {
    ddb = LocalEngines.dynamoDbClient(LocalEngines.dynamoDb());
    s3 = LocalEngines.s3Client(LocalEngines.s3());
  }

  @BeforeEach
  void createStore() {
    table = LocalEngines.newTable(ddb);
    bucket = LocalEngines.newBucket(s3);
    store = new SplitResultStore(
        new DynamoDbResultStore(ddb, table, Clock.systemUTC()), new S3ArtifactStore(s3, bucket));
  }

  @Override
  protected ResultStore store() {
    return store;
  }

  @Test
  void artifacts_goToTheReportsBucket_resultsToTheTable() {
    store.putManifest(manifest("r-1", INSTANCE_A, T0));
    store.putComponent("r-1", "quota", bytes("{}"));

    String location = store.putArtifact("r-1", "report.html", "text/html", bytes("<html></html>"));

    assertEquals("s3://" + bucket + "/reports/" + INSTANCE_A + "/r-1/report.html", location);
    assertEquals(List.of("reports/" + INSTANCE_A + "/r-1/report.html"), bucketKeys());
    assertEquals(List.of("#manifest", "quota"), tableKeys("r-1"));
  }

  @Test
  void deleteReview_removesTheArtifactsFromTheBucket() {
    store.putManifest(manifest("r-1", INSTANCE_A, T0));
    store.putArtifact("r-1", "report.html", "text/html", bytes("<html></html>"));
    store.putArtifact("r-1", "findings.csv", "text/csv", bytes("a\n"));

    store.deleteReview("r-1");

    assertEquals(List.of(), bucketKeys());
    assertEquals(List.of(), tableKeys("r-1"));
  }

  @Test
  void putArtifact_withoutManifest_throwsStoreExceptionNamingTheReview() {
    StoreException e = assertThrows(StoreException.class,
        () -> store.putArtifact("r-9", "report.html", "text/html", bytes("<html></html>")));

    assertTrue(e.getMessage().contains("r-9"), e.getMessage());
    assertEquals(List.of(), bucketKeys());
  }

  private List<String> bucketKeys() {
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).sorted().toList();
  }

  private List<String> tableKeys(String reviewId) {
    return ddb.queryPaginator(r -> r.tableName(table).keyConditionExpression("reviewId = :r")
            .expressionAttributeValues(Map.of(":r", AttributeValue.fromS(reviewId))))
        .items().stream().map(i -> i.get("component").s()).sorted().toList();
  }
}
