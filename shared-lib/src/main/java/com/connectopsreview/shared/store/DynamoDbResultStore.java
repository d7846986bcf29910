package com.connectopsreview.shared.store;

import com.connectopsreview.shared.exception.StoreException;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.ReviewManifest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Result store in one DynamoDB table. Schema (the SAM template creates exactly {@link
 * #tableDefinition} plus {@link #timeToLiveDefinition}):
 *
 * <pre>
 * PK reviewId (S), SK component (S), PAY_PER_REQUEST, TTL attribute "ttl" (now + 90 days, every item)
 * GSI instanceId-createdAt-index: instanceId (S) / createdAt (S, fixed-width ISO-8601), projection ALL
 *
 * SK "#manifest"                         manifest; the only items with instanceId/createdAt (sparse GSI)
 * SK "{component}"                       component head
 * SK "#artifact#{name}"                  artifact head
 * SK "#part#component#{name}#{gen}#{i}"  part i of a component body written as generation gen
 * SK "#part#artifact#{name}#{gen}#{i}"   part i of an artifact body
 * PK "#cache#{instanceId}", SK "{component}" (+ "#part#cache#…" parts): a component's cache document
 * </pre>
 *
 * <p>Bodies are gzip-compressed binary. Up to {@value #MAX_INLINE_BYTES} compressed bytes live in the
 * head item itself; a larger body is split into parts of that size under a fresh generation id, then
 * the head pointing at that generation is written (the head write is the commit, and it returns the
 * previous head), and only then are the previous generation's parts deleted. A reader reads the
 * head, then that generation's parts; if they vanished meanwhile (a newer write committed), it reads
 * the new head. So a reader sees one complete version, never a mix, and nothing is ever truncated.
 *
 * <p>Component names sort after every {@code #...} key, so listing components is one key-range
 * Query that never reads parts. Nothing here scans the table.
 */
public final class DynamoDbResultStore implements ResultStore {

  public static final String PARTITION_KEY = "reviewId";
  public static final String SORT_KEY = "component";
  public static final String INSTANCE_INDEX = "instanceId-createdAt-index";
  public static final String INSTANCE_ID = "instanceId";
  public static final String CREATED_AT = "createdAt";
  public static final String TTL = "ttl";
  public static final Duration RETENTION = Duration.ofDays(90);

  static final String BODY = "body";
  static final String GENERATION = "gen";
  static final String PARTS = "parts";
  static final String STORED_SIZE = "storedSize";
  static final String CONTENT_TYPE = "contentType";
  static final String MANIFEST_SK = "#manifest";
  static final String ARTIFACT_SK = "#artifact#";
  static final String PART_SK = "#part#";
  static final String CACHE_PK = "#cache#";

  /** Compressed bytes per item: well under DynamoDB's 400 KB item limit, with room for keys. */
  static final int MAX_INLINE_BYTES = 350_000;
  /** BatchWriteItem takes at most 25 requests. */
  private static final int WRITE_BATCH = 25;
  private static final int WRITE_ATTEMPTS = 8;
  /** Re-reads of a head whose parts were replaced during the read. */
  private static final int READ_ATTEMPTS = 10;
  /** Fixed width, so the GSI's string order is time order (Instant.toString() drops zero fractions). */
  static final DateTimeFormatter SORTABLE_INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);

  private final DynamoDbClient ddb;
  private final String table;
  private final Clock clock;

  public DynamoDbResultStore(DynamoDbClient ddb, String table, Clock clock) {
    this.ddb = Objects.requireNonNull(ddb, "ddb");
    this.table = Objects.requireNonNull(table, "table");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The table this store needs; the SAM template declares the same. */
  public static CreateTableRequest tableDefinition(String name) {
    return CreateTableRequest.builder()
        .tableName(name)
        .billingMode(BillingMode.PAY_PER_REQUEST)
        .attributeDefinitions(
            stringAttribute(PARTITION_KEY), stringAttribute(SORT_KEY),
            stringAttribute(INSTANCE_ID), stringAttribute(CREATED_AT))
        .keySchema(keyElement(PARTITION_KEY, KeyType.HASH), keyElement(SORT_KEY, KeyType.RANGE))
        .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
            .indexName(INSTANCE_INDEX)
            .keySchema(keyElement(INSTANCE_ID, KeyType.HASH), keyElement(CREATED_AT, KeyType.RANGE))
            .projection(p -> p.projectionType(ProjectionType.ALL))
            .build())
        .build();
  }

  /** TTL on attribute {@value #TTL}; applied after the table exists. */
  public static UpdateTimeToLiveRequest timeToLiveDefinition(String name) {
    return UpdateTimeToLiveRequest.builder()
        .tableName(name)
        .timeToLiveSpecification(s -> s.attributeName(TTL).enabled(true))
        .build();
  }

  // ---- manifests ----

  @Override
  public void putManifest(ReviewManifest manifest) {
    String reviewId = StoreNames.reviewId(manifest.reviewId());
    byte[] body = gzip(Json.toBytes(manifest));
    if (body.length > MAX_INLINE_BYTES) {
      throw new StoreException("manifest of review " + reviewId + " is " + body.length
          + " bytes compressed, over the " + MAX_INLINE_BYTES + "-byte item budget of table " + table);
    }
    Map<String, AttributeValue> item = key(reviewId, MANIFEST_SK);
    item.put(INSTANCE_ID, s(StoreNames.instanceId(manifest.instance().id())));
    item.put(CREATED_AT, s(SORTABLE_INSTANT.format(manifest.createdAt())));
    item.put(BODY, b(body));
    item.put(TTL, ttl());
    PutItemRequest put = PutItemRequest.builder().tableName(table).item(item).build();
    call("write manifest", reviewId, MANIFEST_SK, () -> ddb.putItem(put));
  }

  @Override
  public Optional<ReviewManifest> getManifest(String reviewId) {
    StoreNames.reviewId(reviewId);
    return getItem(reviewId, MANIFEST_SK).map(item -> parseManifest(reviewId, item));
  }

  @Override
  public List<ReviewManifest> listReviews(String instanceId, int limit) {
    StoreNames.instanceId(instanceId);
    List<ReviewManifest> manifests = new ArrayList<>();
    Map<String, AttributeValue> startKey = null;
    while (manifests.size() < limit) {
      QueryRequest request = QueryRequest.builder()
          .tableName(table)
          .indexName(INSTANCE_INDEX)
          .keyConditionExpression("#i = :i")
          .expressionAttributeNames(Map.of("#i", INSTANCE_ID))
          .expressionAttributeValues(Map.of(":i", s(instanceId)))
          .scanIndexForward(false)
          .limit(limit - manifests.size())
          .exclusiveStartKey(startKey)
          .build();
      QueryResponse page = call("list reviews of instance " + instanceId, null, null, () -> ddb.query(request));
      for (Map<String, AttributeValue> item : page.items()) {
        manifests.add(parseManifest(item.get(PARTITION_KEY).s(), item));
      }
      startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
      if (startKey == null) {
        break;
      }
    }
    return List.copyOf(manifests);
  }

  // ---- components ----

  @Override
  public void putComponent(String reviewId, String component, byte[] resultJson) {
    StoreNames.reviewId(reviewId);
    String sk = StoreNames.component(component);
    writeBody(reviewId, sk, PART_SK + "component#" + sk + "#", resultJson, Map.of());
  }

  @Override
  public Optional<byte[]> getComponent(String reviewId, String component) {
    StoreNames.reviewId(reviewId);
    String sk = StoreNames.component(component);
    return readBody(reviewId, sk, PART_SK + "component#" + sk + "#");
  }

  @Override
  public List<String> listComponents(String reviewId) {
    StoreNames.reviewId(reviewId);
    // Every "#..." key sorts before "a", and component names start with a lower-case letter.
    List<String> names = new ArrayList<>();
    for (Map<String, AttributeValue> item : queryKeys(reviewId, "a")) {
      String sk = item.get(SORT_KEY).s();
      if (StoreNames.isComponent(sk)) {
        names.add(sk);
      }
    }
    names.sort(null);
    return List.copyOf(names);
  }

  // ---- cache ----

  @Override
  public Optional<byte[]> getCache(String component, String instanceId) {
    String sk = StoreNames.component(component);
    return readBody(cachePartition(instanceId), sk, PART_SK + "cache#" + sk + "#");
  }

  @Override
  public void putCache(String component, String instanceId, byte[] json) {
    String sk = StoreNames.component(component);
    writeBody(cachePartition(instanceId), sk, PART_SK + "cache#" + sk + "#", json, Map.of());
  }

  /** A partition no review id can take ("#" is not a review-id character), one per instance. */
  static String cachePartition(String instanceId) {
    return CACHE_PK + StoreNames.instanceId(instanceId);
  }

  // ---- artifacts ----

  @Override
  public String putArtifact(String reviewId, String name, String contentType, byte[] content) {
    StoreNames.reviewId(reviewId);
    StoreNames.artifact(name);
    writeBody(reviewId, ARTIFACT_SK + name, PART_SK + "artifact#" + name + "#", content,
        contentType == null ? Map.of() : Map.of(CONTENT_TYPE, s(contentType)));
    return "dynamodb://" + table + "/" + reviewId + "/" + name;
  }

  @Override
  public Optional<byte[]> getArtifact(String reviewId, String name) {
    StoreNames.reviewId(reviewId);
    StoreNames.artifact(name);
    return readBody(reviewId, ARTIFACT_SK + name, PART_SK + "artifact#" + name + "#");
  }

  @Override
  public void deleteReview(String reviewId) {
    StoreNames.reviewId(reviewId);
    List<WriteRequest> deletes = queryKeys(reviewId, null).stream()
        .map(item -> deleteRequest(reviewId, item.get(SORT_KEY).s()))
        .toList();
    batchWrite(deletes, "delete review");
  }

  // ---- bodies: inline or in parts ----

  private void writeBody(
      String reviewId, String headSk, String partPrefix, byte[] raw, Map<String, AttributeValue> extra) {
    byte[] stored = gzip(raw);
    AttributeValue ttl = ttl();
    Map<String, AttributeValue> head = key(reviewId, headSk);
    head.putAll(extra);
    head.put(STORED_SIZE, n(stored.length));
    head.put(TTL, ttl);
    if (stored.length <= MAX_INLINE_BYTES) {
      head.put(BODY, b(stored));
    } else {
      String generation = UUID.randomUUID().toString().replace("-", "");
      int parts = (stored.length + MAX_INLINE_BYTES - 1) / MAX_INLINE_BYTES;
      List<WriteRequest> puts = new ArrayList<>(parts);
      for (int i = 0; i < parts; i++) {
        int from = i * MAX_INLINE_BYTES;
        Map<String, AttributeValue> part = key(reviewId, partKey(partPrefix, generation, i));
        part.put(BODY, b(Arrays.copyOfRange(stored, from, Math.min(stored.length, from + MAX_INLINE_BYTES))));
        part.put(TTL, ttl);
        puts.add(WriteRequest.builder().putRequest(PutRequest.builder().item(part).build()).build());
      }
      batchWrite(puts, "write parts of " + headSk);
      head.put(GENERATION, s(generation));
      head.put(PARTS, n(parts));
    }
    // The head write is the commit. It returns the replaced head atomically, so exactly that head's
    // parts are garbage now, even if another writer raced this one.
    PutItemRequest commit =
        PutItemRequest.builder().tableName(table).item(head).returnValues(ReturnValue.ALL_OLD).build();
    Map<String, AttributeValue> previous = call("write", reviewId, headSk, () -> ddb.putItem(commit)).attributes();
    if (previous != null && previous.containsKey(GENERATION)) {
      String oldGeneration = previous.get(GENERATION).s();
      int oldParts = Integer.parseInt(previous.get(PARTS).n());
      List<WriteRequest> deletes = new ArrayList<>(oldParts);
      for (int i = 0; i < oldParts; i++) {
        deletes.add(deleteRequest(reviewId, partKey(partPrefix, oldGeneration, i)));
      }
      batchWrite(deletes, "delete replaced parts of " + headSk);
    }
  }

  private Optional<byte[]> readBody(String reviewId, String headSk, String partPrefix) {
    for (int attempt = 1; attempt <= READ_ATTEMPTS; attempt++) {
      Optional<Map<String, AttributeValue>> found = getItem(reviewId, headSk);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      Map<String, AttributeValue> head = found.get();
      int storedSize = Integer.parseInt(head.get(STORED_SIZE).n());
      if (head.containsKey(BODY)) {
        return Optional.of(gunzip(checkSize(head.get(BODY).b().asByteArrayUnsafe(), storedSize, reviewId, headSk),
            reviewId, headSk));
      }
      String generation = head.get(GENERATION).s();
      int parts = Integer.parseInt(head.get(PARTS).n());
      List<Map<String, AttributeValue>> items = queryParts(reviewId, partPrefix + generation + "#");
      if (items.size() == parts) {
        ByteArrayOutputStream stored = new ByteArrayOutputStream(storedSize);
        for (Map<String, AttributeValue> item : items) {
          stored.writeBytes(item.get(BODY).b().asByteArrayUnsafe());
        }
        return Optional.of(gunzip(checkSize(stored.toByteArray(), storedSize, reviewId, headSk), reviewId, headSk));
      }
      // A newer write committed and removed this generation's parts; read its head instead.
      pause(attempt);
    }
    throw new StoreException("cannot read " + describe(reviewId, headSk) + ": it was replaced during each of "
        + READ_ATTEMPTS + " read attempts");
  }

  private static String partKey(String partPrefix, String generation, int index) {
    return partPrefix + generation + "#" + String.format("%05d", index);
  }

  // ---- DynamoDB calls ----

  private Optional<Map<String, AttributeValue>> getItem(String reviewId, String sk) {
    GetItemRequest get = GetItemRequest.builder().tableName(table).key(key(reviewId, sk)).consistentRead(true).build();
    Map<String, AttributeValue> item = call("read", reviewId, sk, () -> ddb.getItem(get)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  /** Keys of the review's items whose sort key is {@code >= fromSk} (every item when null). */
  private List<Map<String, AttributeValue>> queryKeys(String reviewId, String fromSk) {
    return fromSk == null
        ? query(reviewId, "", Map.of(), "")
        : query(reviewId, " AND #sk >= :sk", Map.of(":sk", s(fromSk)), "");
  }

  /** Part items (keys and body) whose sort key starts with {@code prefix}, in part order. */
  private List<Map<String, AttributeValue>> queryParts(String reviewId, String prefix) {
    return query(reviewId, " AND begins_with(#sk, :sk)", Map.of(":sk", s(prefix)), ", #body");
  }

  private List<Map<String, AttributeValue>> query(
      String reviewId, String skCondition, Map<String, AttributeValue> skValues, String extraProjection) {
    Map<String, String> names = new HashMap<>(Map.of("#pk", PARTITION_KEY, "#sk", SORT_KEY));
    if (!extraProjection.isEmpty()) {
      names.put("#body", BODY);
    }
    Map<String, AttributeValue> values = new HashMap<>(skValues);
    values.put(":pk", s(reviewId));
    List<Map<String, AttributeValue>> items = new ArrayList<>();
    Map<String, AttributeValue> startKey = null;
    do {
      QueryRequest request = QueryRequest.builder()
          .tableName(table)
          .keyConditionExpression("#pk = :pk" + skCondition)
          .expressionAttributeNames(names)
          .expressionAttributeValues(values)
          .projectionExpression("#pk, #sk" + extraProjection)
          .consistentRead(true)
          .exclusiveStartKey(startKey)
          .build();
      QueryResponse page = call("query", reviewId, null, () -> ddb.query(request));
      items.addAll(page.items());
      startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
    } while (startKey != null);
    return items;
  }

  /** BatchWriteItem in chunks of 25, re-sending unprocessed items with backoff. */
  private void batchWrite(List<WriteRequest> requests, String what) {
    for (int from = 0; from < requests.size(); from += WRITE_BATCH) {
      List<WriteRequest> pending = requests.subList(from, Math.min(requests.size(), from + WRITE_BATCH));
      for (int attempt = 1; !pending.isEmpty(); attempt++) {
        if (attempt > WRITE_ATTEMPTS) {
          throw new StoreException("cannot " + what + " in table " + table + ": " + pending.size()
              + " items still unprocessed after " + WRITE_ATTEMPTS + " attempts");
        }
        if (attempt > 1) {
          pause(attempt);
        }
        BatchWriteItemRequest batch = BatchWriteItemRequest.builder().requestItems(Map.of(table, pending)).build();
        List<WriteRequest> unprocessed = call(what, null, null, () -> ddb.batchWriteItem(batch))
            .unprocessedItems().get(table);
        pending = unprocessed == null ? List.of() : unprocessed;
      }
    }
  }

  private <T> T call(String action, String reviewId, String sk, Supplier<T> request) {
    try {
      return request.get();
    } catch (SdkException e) {
      String target = reviewId == null ? "table " + table : describe(reviewId, sk);
      throw new StoreException("cannot " + action + " " + target + ": " + e.getMessage(), e);
    }
  }

  private String describe(String reviewId, String sk) {
    return "table " + table + " item (reviewId=" + reviewId + (sk == null ? "" : ", component=" + sk) + ")";
  }

  private ReviewManifest parseManifest(String reviewId, Map<String, AttributeValue> item) {
    AttributeValue body = item.get(BODY);
    if (body == null || body.b() == null) {
      throw new StoreException("corrupt manifest " + describe(reviewId, MANIFEST_SK) + ": no body");
    }
    byte[] json = gunzip(body.b().asByteArrayUnsafe(), reviewId, MANIFEST_SK);
    try {
      return Json.fromBytes(json, ReviewManifest.class);
    } catch (RuntimeException e) {
      throw new StoreException("corrupt manifest " + describe(reviewId, MANIFEST_SK) + ": " + e.getMessage(), e);
    }
  }

  private WriteRequest deleteRequest(String reviewId, String sk) {
    return WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key(reviewId, sk)).build()).build();
  }

  private AttributeValue ttl() {
    return n(clock.instant().plus(RETENTION).getEpochSecond());
  }

  private static Map<String, AttributeValue> key(String reviewId, String sk) {
    Map<String, AttributeValue> key = new HashMap<>();
    key.put(PARTITION_KEY, s(reviewId));
    key.put(SORT_KEY, s(sk));
    return key;
  }

  private static AttributeDefinition stringAttribute(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }

  private static KeySchemaElement keyElement(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private static AttributeValue b(byte[] value) {
    return AttributeValue.fromB(SdkBytes.fromByteArray(value));
  }

  static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
    try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
      zip.write(raw);
    } catch (IOException e) {
      throw new IllegalStateException("gzip into memory failed", e);
    }
    return out.toByteArray();
  }

  private byte[] gunzip(byte[] stored, String reviewId, String sk) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new StoreException("corrupt " + describe(reviewId, sk) + ": " + e.getMessage(), e);
    }
  }

  private byte[] checkSize(byte[] stored, int expected, String reviewId, String sk) {
    if (stored.length != expected) {
      throw new StoreException("corrupt " + describe(reviewId, sk) + ": " + stored.length
          + " stored bytes, head says " + expected);
    }
    return stored;
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(Math.min(1000L, 25L << Math.min(attempt, 6)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while waiting to retry", e);
    }
  }
}
