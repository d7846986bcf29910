package com.connectopsreview.shared.store;

import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Report artifacts in S3 under {@code reports/{instanceId}/{reviewId}/{name}} (the layout the SAM
 * template's IAM policies grant). Callers supply the instance id, which comes from the review's
 * manifest; {@link S3ResultStore} and {@link SplitResultStore} do that lookup.
 */
public final class S3ArtifactStore {

  private final S3Objects objects;

  public S3ArtifactStore(S3Client s3, String bucket) {
    this.objects = new S3Objects(s3, bucket);
  }

  /** Stores the artifact (SSE-S3, the given content type) and returns its {@code s3://} URI. */
  public String put(String instanceId, String reviewId, String name, String contentType, byte[] content) {
    String key = key(instanceId, reviewId, name);
    objects.put(key, contentType, content);
    return objects.uri(key);
  }

  public Optional<byte[]> get(String instanceId, String reviewId, String name) {
    return objects.get(key(instanceId, reviewId, name));
  }

  /** Deletes every artifact of the review. */
  public void deleteAll(String instanceId, String reviewId) {
    objects.delete(objects.listAll(prefix(instanceId, reviewId)));
  }

  static String prefix(String instanceId, String reviewId) {
    return "reports/" + StoreNames.instanceId(instanceId) + "/" + StoreNames.reviewId(reviewId) + "/";
  }

  static String key(String instanceId, String reviewId, String name) {
    return prefix(instanceId, reviewId) + StoreNames.artifact(name);
  }
}
