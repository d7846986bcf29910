package com.connectopsreview.shared.store;

import com.connectopsreview.shared.exception.StoreException;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.ReviewIds;
import com.connectopsreview.shared.model.ReviewManifest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Result store in one S3 bucket (the default in AWS). Key layout, which the SAM template's IAM
 * policies depend on:
 *
 * <pre>
 * reviews/{reviewId}/manifest.json
 * reviews/{reviewId}/{component}.json
 * reports/{instanceId}/{reviewId}/{artifact}         (instanceId from the review's manifest)
 * index/{instanceId}/{invertedCreatedAtMillis}_{reviewId}   (empty; newest sorts first)
 * </pre>
 *
 * {@link #listReviews} is one ListObjectsV2 on the instance's index prefix plus a GetObject per
 * manifest, never a bucket-wide listing. Every put uses SSE-S3; PutObject is atomic, so a reader
 * sees a whole object or none.
 */
public final class S3ResultStore implements ResultStore {

  static final String JSON = "application/json";
  private static final String INDEX_TYPE = "application/octet-stream";
  /** Width of {@code Long.MAX_VALUE}: fixed-width digits make lexicographic order numeric order. */
  private static final int INVERTED_WIDTH = 19;
  private static final int MAX_KEYS_PER_PAGE = 1000;

  private final S3Objects objects;
  private final S3ArtifactStore artifacts;

  public S3ResultStore(S3Client s3, String bucket) {
    this.objects = new S3Objects(s3, bucket);
    this.artifacts = new S3ArtifactStore(s3, bucket);
  }

  @Override
  public void putManifest(ReviewManifest manifest) {
    String reviewId = StoreNames.reviewId(manifest.reviewId());
    String indexKey = indexKey(manifest);
    // A re-run re-puts the manifest, possibly with a new createdAt: its old index entry must go.
    Optional<String> previousIndexKey = getManifest(reviewId).map(S3ResultStore::indexKey);
    objects.put(manifestKey(reviewId), JSON, Json.toBytes(manifest));
    objects.put(indexKey, INDEX_TYPE, new byte[0]);
    previousIndexKey.filter(k -> !k.equals(indexKey)).ifPresent(k -> objects.delete(List.of(k)));
  }

  @Override
  public Optional<ReviewManifest> getManifest(String reviewId) {
    String key = manifestKey(StoreNames.reviewId(reviewId));
    return objects.get(key).map(bytes -> parseManifest(key, bytes));
  }

  @Override
  public List<ReviewManifest> listReviews(String instanceId, int limit) {
    String prefix = indexPrefix(StoreNames.instanceId(instanceId));
    List<ReviewManifest> manifests = new ArrayList<>();
    String token = null;
    // Normally one page: stale entries (left by an interrupted re-put or delete) are skipped and
    // only then is the next page read.
    while (manifests.size() < limit) {
      S3Objects.Page page = objects.listPage(prefix, Math.min(limit, MAX_KEYS_PER_PAGE), token);
      for (String key : page.keys()) {
        if (manifests.size() == limit) {
          break;
        }
        String entry = key.substring(prefix.length());
        int separator = entry.indexOf('_');
        if (separator < 0) {
          continue;
        }
        String reviewId = entry.substring(separator + 1);
        if (!ReviewIds.isValid(reviewId)) {
          continue;
        }
        // Only the entry matching the manifest's current instance and createdAt counts.
        getManifest(reviewId)
            .filter(m -> indexKey(m).equals(key))
            .ifPresent(manifests::add);
      }
      token = page.nextToken();
      if (token == null) {
        break;
      }
    }
    return List.copyOf(manifests);
  }

  @Override
  public void putComponent(String reviewId, String component, byte[] resultJson) {
    objects.put(componentKey(reviewId, component), JSON, resultJson);
  }

  @Override
  public Optional<byte[]> getComponent(String reviewId, String component) {
    return objects.get(componentKey(reviewId, component));
  }

  @Override
  public Optional<byte[]> getCache(String component, String instanceId) {
    try {
      return objects.get(cacheKey(component, instanceId));
    } catch (StoreException e) {
      // The analyzers' roles may read and write their cache but not list the bucket, and without
      // s3:ListBucket S3 answers a key that does not exist yet with 403, not 404. For a cache that is
      // "none yet"; a real denial shows when the analyzer writes the cache back.
      if (e.getCause() instanceof S3Exception s3 && s3.statusCode() == 403) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void putCache(String component, String instanceId, byte[] json) {
    objects.put(cacheKey(component, instanceId), JSON, json);
  }

  /** {@code cache/{component}/{instanceId}.json}: beside the reviews, untouched by deleteReview. */
  static String cacheKey(String component, String instanceId) {
    return "cache/" + StoreNames.component(component) + "/" + StoreNames.instanceId(instanceId) + ".json";
  }

  @Override
  public List<String> listComponents(String reviewId) {
    String prefix = reviewPrefix(StoreNames.reviewId(reviewId));
    return objects.listAll(prefix).stream()
        .map(key -> key.substring(prefix.length()))
        .filter(name -> name.endsWith(".json") && !name.equals("manifest.json"))
        .map(name -> name.substring(0, name.length() - ".json".length()))
        .filter(StoreNames::isComponent)
        .sorted()
        .toList();
  }

  @Override
  public String putArtifact(String reviewId, String name, String contentType, byte[] content) {
    StoreNames.artifact(name);
    ReviewManifest manifest = getManifest(reviewId).orElseThrow(() -> new StoreException(
        "review " + reviewId + " has no manifest in " + objects.uri(manifestKey(reviewId))
            + "; artifacts are filed under the review's instance, so the manifest must be written first"));
    return artifacts.put(manifest.instance().id(), reviewId, name, contentType, content);
  }

  @Override
  public Optional<byte[]> getArtifact(String reviewId, String name) {
    StoreNames.artifact(name);
    return getManifest(reviewId).flatMap(m -> artifacts.get(m.instance().id(), reviewId, name));
  }

  @Override
  public void deleteReview(String reviewId) {
    StoreNames.reviewId(reviewId);
    Optional<ReviewManifest> manifest = getManifest(reviewId);
    List<String> keys = new ArrayList<>();
    manifest.ifPresent(m -> {
      keys.addAll(objects.listAll(S3ArtifactStore.prefix(m.instance().id(), reviewId)));
      keys.add(indexKey(m));
    });
    // The manifest goes last: while it exists, a retried delete can still find the artifacts.
    List<String> reviewKeys = new ArrayList<>(objects.listAll(reviewPrefix(reviewId)));
    String manifestKey = manifestKey(reviewId);
    reviewKeys.remove(manifestKey);
    keys.addAll(reviewKeys);
    objects.delete(keys);
    objects.delete(manifest.isPresent() ? List.of(manifestKey) : List.of());
  }

  private ReviewManifest parseManifest(String key, byte[] bytes) {
    try {
      return Json.fromBytes(bytes, ReviewManifest.class);
    } catch (RuntimeException e) {
      throw new StoreException("corrupt manifest " + objects.uri(key) + ": " + e.getMessage(), e);
    }
  }

  static String reviewPrefix(String reviewId) {
    return "reviews/" + reviewId + "/";
  }

  static String manifestKey(String reviewId) {
    return reviewPrefix(reviewId) + "manifest.json";
  }

  static String componentKey(String reviewId, String component) {
    return reviewPrefix(StoreNames.reviewId(reviewId)) + StoreNames.component(component) + ".json";
  }

  static String indexPrefix(String instanceId) {
    return "index/" + instanceId + "/";
  }

  /** {@code index/{instanceId}/{Long.MAX_VALUE - createdAt millis, 19 digits}_{reviewId}}: newest first. */
  static String indexKey(ReviewManifest manifest) {
    Instant createdAt = manifest.createdAt();
    long millis = createdAt.toEpochMilli();
    if (millis < 0) {
      throw new IllegalArgumentException("manifest createdAt " + createdAt + " is before 1970");
    }
    String inverted = String.format("%0" + INVERTED_WIDTH + "d", Long.MAX_VALUE - millis);
    return indexPrefix(StoreNames.instanceId(manifest.instance().id())) + inverted + "_"
        + StoreNames.reviewId(manifest.reviewId());
  }
}
