package com.connectopsreview.shared.store;

import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ReviewManifest;
import java.util.List;
import java.util.Optional;

/**
 * Where reviews live: a manifest per review, one result document per component, the rendered
 * report artifacts, and per-instance cache documents that analyzers carry from one review to the next. Adapters: {@code S3ResultStore} (default in AWS), {@code DynamoDbResultStore},
 * {@code LocalDirectoryResultStore} (default for the local runner). All pass the same contract suite.
 *
 * <p>Guarantees every adapter gives:
 *
 * <ul>
 *   <li>Component and artifact bytes round-trip byte-identical, whatever their size (no truncation).
 *   <li>A write is whole or absent: a reader never sees a half-written component or artifact.
 *   <li>{@link #listReviews} answers newest first without scanning the whole store.
 *   <li>{@link #deleteReview} removes every trace of a review (used when a review id is re-run).
 * </ul>
 *
 * Review ids and component/artifact names are validated by the adapters; an invalid one is an
 * {@link IllegalArgumentException} naming it.
 */
public interface ResultStore {

  /** Creates or replaces the review's manifest (and its entry in the per-instance index). */
  void putManifest(ReviewManifest manifest);

  Optional<ReviewManifest> getManifest(String reviewId);

  /** Manifests of the given instance's reviews, newest ({@code createdAt}) first, at most {@code limit}. */
  List<ReviewManifest> listReviews(String instanceId, int limit);

  /** Stores one component's result document (UTF-8 JSON bytes), replacing any previous one. */
  void putComponent(String reviewId, String component, byte[] resultJson);

  Optional<byte[]> getComponent(String reviewId, String component);

  /** Names of the components stored for the review, sorted. */
  List<String> listComponents(String reviewId);

  /**
   * Stores a report artifact (e.g. {@code report.html}) and returns where it is, in the adapter's own
   * terms ({@code s3://bucket/key}, a file path, {@code dynamodb://table/...}). Write the review's
   * manifest first: the S3 layout files artifacts under the manifest's instance
   * ({@code reports/{instanceId}/{reviewId}/}) and refuses an artifact of an unknown review.
   */
  String putArtifact(String reviewId, String name, String contentType, byte[] content);

  Optional<byte[]> getArtifact(String reviewId, String name);

  /** Removes the manifest, its index entry, every component and every artifact of the review. */
  void deleteReview(String reviewId);

  /**
   * A component's cache document for one instance, kept across reviews (e.g. the phone carriers
   * already looked up), so the next review can skip work. Not part of any review: {@link
   * #deleteReview} leaves it alone.
   */
  Optional<byte[]> getCache(String component, String instanceId);

  /** Creates or replaces the component's cache document for the instance; whole or absent, like components. */
  void putCache(String component, String instanceId, byte[] json);

  // ---- typed conveniences over the byte-level operations ----

  default void putResult(AnalyzerResult result) {
    putComponent(result.reviewId(), result.component(), Json.toBytes(result));
  }

  default Optional<AnalyzerResult> getResult(String reviewId, String component) {
    return getComponent(reviewId, component).map(b -> Json.fromBytes(b, AnalyzerResult.class));
  }
}
