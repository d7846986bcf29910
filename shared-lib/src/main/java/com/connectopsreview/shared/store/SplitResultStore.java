package com.connectopsreview.shared.store;

import com.connectopsreview.shared.exception.StoreException;
import com.connectopsreview.shared.model.ReviewManifest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Results in one store, report artifacts in S3: what AWS runs with {@code STORAGE_BACKEND=dynamodb}
 * (manifests and components in DynamoDB, {@code report.html} in the reports bucket, where a browser
 * or a presigned URL can reach it). Artifacts are filed under the instance named by the review's
 * manifest, which is read from the results store.
 */
public final class SplitResultStore implements ResultStore {

  private final ResultStore results;
  private final S3ArtifactStore artifacts;

  public SplitResultStore(ResultStore results, S3ArtifactStore artifacts) {
    this.results = Objects.requireNonNull(results, "results");
    this.artifacts = Objects.requireNonNull(artifacts, "artifacts");
  }

  @Override
  public void putManifest(ReviewManifest manifest) {
    results.putManifest(manifest);
  }

  @Override
  public Optional<ReviewManifest> getManifest(String reviewId) {
    return results.getManifest(reviewId);
  }

  @Override
  public List<ReviewManifest> listReviews(String instanceId, int limit) {
    return results.listReviews(instanceId, limit);
  }

  @Override
  public void putComponent(String reviewId, String component, byte[] resultJson) {
    results.putComponent(reviewId, component, resultJson);
  }

  @Override
  public Optional<byte[]> getComponent(String reviewId, String component) {
    return results.getComponent(reviewId, component);
  }

  @Override
  public Optional<byte[]> getCache(String component, String instanceId) {
    return results.getCache(component, instanceId);
  }

  @Override
  public void putCache(String component, String instanceId, byte[] json) {
    results.putCache(component, instanceId, json);
  }

  @Override
  public List<String> listComponents(String reviewId) {
    return results.listComponents(reviewId);
  }

  @Override
  public String putArtifact(String reviewId, String name, String contentType, byte[] content) {
    StoreNames.artifact(name);
    ReviewManifest manifest = results.getManifest(reviewId).orElseThrow(() -> new StoreException(
        "review " + reviewId + " has no manifest; artifacts are filed under the review's instance,"
            + " so the manifest must be written first"));
    return artifacts.put(manifest.instance().id(), reviewId, name, contentType, content);
  }

  @Override
  public Optional<byte[]> getArtifact(String reviewId, String name) {
    StoreNames.artifact(name);
    return results.getManifest(reviewId).flatMap(m -> artifacts.get(m.instance().id(), reviewId, name));
  }

  @Override
  public void deleteReview(String reviewId) {
    // Artifacts first: once the manifest is gone, nothing says where they are.
    results.getManifest(reviewId).ifPresent(m -> artifacts.deleteAll(m.instance().id(), reviewId));
    results.deleteReview(reviewId);
  }
}
