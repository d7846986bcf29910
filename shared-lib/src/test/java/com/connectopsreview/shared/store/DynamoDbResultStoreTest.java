package com.connectopsreview.shared.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.connectopsreview.shared.exception.StoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The contract against DynamoDB Local over HTTP, plus the table layout the template relies on. */
class DynamoDbResultStoreTest extends ResultStoreContract {

  /** Now, not T0: DynamoDB (Local too) deletes items whose ttl has passed. */
  private static final Clock CLOCK = Clock.fixed(Instant.now().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
  private static final RecordingInterceptor CALLS = new RecordingInterceptor();
  private static DynamoDbClient ddb;

  private String table;
  private DynamoDbResultStore store;

  @BeforeAll
  static void startDynamoDbLocal() {
    ddb = LocalEngines.dynamoDbClient(LocalEngines.dynamoDb(), CALLS);
  }

  @BeforeEach
  void createStore() {
    table = LocalEngines.newTable(ddb);
    store = new DynamoDbResultStore(ddb, table, CLOCK);
    CALLS.clear();
  }

  @AfterEach
  void neverScans() {
    assertFalse(CALLS.operations().contains("Scan"), "operations used: " + CALLS.operations());
    assertEquals(List.of(), CALLS.requests(ScanRequest.class));
  }

  @Override
  protected ResultStore store() {
    return store;
  }

  @Test
  void tableDefinition_isThePublishedSchema() {
    CreateTableRequest t = DynamoDbResultStore.tableDefinition("results");

    assertEquals(BillingMode.PAY_PER_REQUEST, t.billingMode());
    assertEquals(Map.of("reviewId", KeyType.HASH, "component", KeyType.RANGE), keys(t.keySchema()));
    assertEquals(1, t.globalSecondaryIndexes().size());
    var gsi = t.globalSecondaryIndexes().get(0);
    assertEquals("instanceId-createdAt-index", gsi.indexName());
    assertEquals(Map.of("instanceId", KeyType.HASH, "createdAt", KeyType.RANGE), keys(gsi.keySchema()));
    assertEquals(ProjectionType.ALL, gsi.projection().projectionType());
    assertEquals("ttl", ddb.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription().attributeName());
    assertEquals(TimeToLiveStatus.ENABLED,
        ddb.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription().timeToLiveStatus());
  }

  @Test
  void listReviews_isOneDescendingQueryOnTheInstanceIndex() {
    for (int i = 0; i < 5; i++) {
      store.putManifest(manifest("r-" + i, INSTANCE_A, T0.plusSeconds(i)));
    }
    CALLS.clear();

    List<String> newest = ids(store.listReviews(INSTANCE_A, 3));

    assertEquals(List.of("r-4", "r-3", "r-2"), newest);
    assertEquals(List.of("Query"), CALLS.operations());
    QueryRequest query = CALLS.requests(QueryRequest.class).get(0);
    assertEquals("instanceId-createdAt-index", query.indexName());
    assertEquals(Boolean.FALSE, query.scanIndexForward());
    assertEquals(3, query.limit());
  }

  @Test
  void listComponents_isOneQueryThatSkipsEveryHashKey() {
    store.putManifest(manifest("r-1", INSTANCE_A, T0));
    store.putComponent("r-1", "flow", randomJson(LARGE, 5));
    store.putComponent("r-1", "quota", bytes("{}"));
    store.putArtifact("r-1", "report.html", "text/html", randomBytes(LARGE, 6));
    CALLS.clear();

    assertEquals(List.of("flow", "quota"), store.listComponents("r-1"));

    assertEquals(List.of("Query"), CALLS.operations());
    assertTrue(CALLS.requests(QueryRequest.class).get(0).keyConditionExpression().contains(">="));
  }

  @Test
  void everyItem_carriesTtlOfNinetyDays_andOnlyTheManifestFeedsTheIndex() {
    store.putManifest(manifest("r-1", INSTANCE_A, T0));
    store.putComponent("r-1", "quota", bytes("{}"));
    store.putComponent("r-1", "flow", randomJson(LARGE, 9));
    store.putArtifact("r-1", "report.html", "text/html", randomBytes(LARGE, 10));

    List<Map<String, AttributeValue>> items = partition("r-1");

    long expectedTtl = CLOCK.instant().plus(Duration.ofDays(90)).getEpochSecond();
    assertTrue(items.size() > 4, "expected head and part items, got " + items.size());
    for (Map<String, AttributeValue> item : items) {
      assertEquals(Long.toString(expectedTtl), item.get("ttl").n(), item.get("component").s());
      boolean isManifest = item.get("component").s().equals("#manifest");
      assertEquals(isManifest, item.containsKey("instanceId"), item.get("component").s());
      assertEquals(isManifest, item.containsKey("createdAt"), item.get("component").s());
    }
    Map<String, AttributeValue> manifest = items.stream()
        .filter(i -> i.get("component").s().equals("#manifest")).findFirst().orElseThrow();
    assertEquals("2026-03-01T10:00:00.000000000Z", manifest.get("createdAt").s());
    assertEquals(INSTANCE_A, manifest.get("instanceId").s());
  }

  @Test
  void largeBody_isSplitIntoPartsUnderTheItemLimit_andAnOverwriteLeavesNoOldParts() {
    byte[] json = randomJson(LARGE, 11);
    store.putComponent("r-1", "flow", json);
    Set<String> firstParts = partKeys("r-1");
    int compressed = DynamoDbResultStore.gzip(json).length;
    assertTrue(compressed > 2 * 350_000, "test data must need three parts, gzips to " + compressed);
    assertEquals((compressed + 349_999) / 350_000, firstParts.size(), firstParts.toString());

    store.putComponent("r-1", "flow", randomJson(LARGE, 12));
    Set<String> secondParts = partKeys("r-1");
    assertEquals(firstParts.size(), secondParts.size());
    assertTrue(secondParts.stream().noneMatch(firstParts::contains), "old generation left behind");
    for (Map<String, AttributeValue> item : partition("r-1")) {
      assertTrue(item.get("body") == null || item.get("body").b().asByteArrayUnsafe().length <= 350_000);
    }

    store.putComponent("r-1", "flow", bytes("{\"small\":true}"));
    assertEquals(Set.of(), partKeys("r-1"));
  }

  @Test
  void getComponent_whenANewerWriteCommitsMidRead_returnsTheNewerVersionWhole() {
    byte[] first = randomJson(LARGE, 21);
    byte[] second = randomJson(LARGE, 22);
    store.putComponent("r-1", "flow", first);
    // Between the reader's head read and its parts query, another writer commits and drops the parts.
    AtomicBoolean raced = new AtomicBoolean();
    ExecutionInterceptor racer = new ExecutionInterceptor() {
      @Override
      public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (context.request() instanceof QueryRequest q && q.keyConditionExpression().contains("begins_with")
            && raced.compareAndSet(false, true)) {
          store.putComponent("r-1", "flow", second);
        }
      }
    };
    DynamoDbResultStore reader =
        new DynamoDbResultStore(LocalEngines.dynamoDbClient(LocalEngines.dynamoDb(), racer), table, CLOCK);

    byte[] read = reader.getComponent("r-1", "flow").orElseThrow();

    assertTrue(raced.get());
    assertArrayEquals(second, read);
  }

  @Test
  void deleteReview_resendsUnprocessedItems() {
    DynamoDbClient throttled = mock(DynamoDbClient.class);
    when(throttled.query(any(QueryRequest.class))).thenReturn(QueryResponse.builder()
        .items(List.of(
            Map.of("reviewId", AttributeValue.fromS("r-1"), "component", AttributeValue.fromS("#manifest")),
            Map.of("reviewId", AttributeValue.fromS("r-1"), "component", AttributeValue.fromS("quota"))))
        .build());
    WriteRequest left = WriteRequest.builder().deleteRequest(d -> d.key(
        Map.of("reviewId", AttributeValue.fromS("r-1"), "component", AttributeValue.fromS("quota")))).build();
    when(throttled.batchWriteItem(any(BatchWriteItemRequest.class)))
        .thenReturn(BatchWriteItemResponse.builder().unprocessedItems(Map.of("results", List.of(left))).build())
        .thenReturn(BatchWriteItemResponse.builder().build());

    new DynamoDbResultStore(throttled, "results", CLOCK).deleteReview("r-1");

    ArgumentCaptor<BatchWriteItemRequest> batches = ArgumentCaptor.forClass(BatchWriteItemRequest.class);
    verify(throttled, times(2)).batchWriteItem(batches.capture());
    assertEquals(2, batches.getAllValues().get(0).requestItems().get("results").size());
    assertEquals(List.of(left), batches.getAllValues().get(1).requestItems().get("results"));
  }

  @Test
  void putArtifact_returnsADynamoDbLocation() {
    assertEquals("dynamodb://" + table + "/r-1/report.html",
        store.putArtifact("r-1", "report.html", "text/html", bytes("<html></html>")));
  }

  @Test
  void serviceErrors_areStoreExceptionsNamingTheTable() {
    DynamoDbResultStore missing = new DynamoDbResultStore(ddb, "no-such-table", CLOCK);

    StoreException e = assertThrows(StoreException.class, () -> missing.putComponent("r-1", "quota", bytes("{}")));

    assertTrue(e.getMessage().contains("no-such-table") && e.getMessage().contains("r-1"), e.getMessage());
  }

  private List<Map<String, AttributeValue>> partition(String reviewId) {
    return ddb.queryPaginator(r -> r.tableName(table).keyConditionExpression("reviewId = :r")
            .expressionAttributeValues(Map.of(":r", AttributeValue.fromS(reviewId))))
        .items().stream().toList();
  }

  private Set<String> partKeys(String reviewId) {
    return partition(reviewId).stream()
        .map(i -> i.get("component").s())
        .filter(sk -> sk.startsWith("#part#"))
        .collect(Collectors.toSet());
  }

  private static Map<String, KeyType> keys(List<KeySchemaElement> schema) {
    return schema.stream().collect(Collectors.toMap(KeySchemaElement::attributeName, KeySchemaElement::keyType));
  }
}
