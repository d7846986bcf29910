package com.connectopsreview.shared.store;

import com.connectopsreview.shared.exception.StoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.Delete;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The few S3 object operations the stores need, on one bucket: SSE-S3 on every put, a missing key
 * as {@link Optional#empty()}, and every SDK failure as a {@link StoreException} naming bucket and key.
 */
final class S3Objects {

  /** DeleteObjects takes at most 1,000 keys per request. */
  private static final int DELETE_BATCH = 1000;
  private static final int READ_ATTEMPTS = 5;

  private final S3Client s3;
  private final String bucket;

  S3Objects(S3Client s3, String bucket) {
    this.s3 = Objects.requireNonNull(s3, "s3");
    this.bucket = Objects.requireNonNull(bucket, "bucket");
  }

  String bucket() {
    return bucket;
  }

  String uri(String key) {
    return "s3://" + bucket + "/" + key;
  }

  void put(String key, String contentType, byte[] content) {
    try {
      s3.putObject(
          b -> b.bucket(bucket).key(key).contentType(contentType)
              .serverSideEncryption(ServerSideEncryption.AES256),
          RequestBody.fromBytes(content));
    } catch (SdkException e) {
      throw new StoreException("cannot write " + uri(key) + ": " + e.getMessage(), e);
    }
  }

  /**
   * The object's bytes, verified against the full-object checksum S3 stored at put time. A
   * mismatch (bytes corrupted in transit, or an emulator serving a file mid-overwrite) is read again.
   */
  Optional<byte[]> get(String key) {
    for (int attempt = 1; ; attempt++) {
      try {
        ResponseBytes<GetObjectResponse> object =
            s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
        return Optional.of(object.asByteArrayUnsafe());
      } catch (NoSuchKeyException e) {
        return Optional.empty();
      } catch (SdkClientException e) {
        if (attempt >= READ_ATTEMPTS || !isChecksumMismatch(e)) {
          throw new StoreException("cannot read " + uri(key) + ": " + e.getMessage(), e);
        }
        pause(attempt);
      } catch (SdkException e) {
        throw new StoreException("cannot read " + uri(key) + ": " + e.getMessage(), e);
      }
    }
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(20L * attempt);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreException("interrupted while re-reading an object", e);
    }
  }

  private static boolean isChecksumMismatch(SdkClientException e) {
    return e.getMessage() != null && e.getMessage().contains("different checksum than expected");
  }

  /** One page of keys under {@code prefix}, in S3's (lexicographic) order. */
  Page listPage(String prefix, int maxKeys, String continuationToken) {
    try {
      ListObjectsV2Response page = s3.listObjectsV2(ListObjectsV2Request.builder()
          .bucket(bucket).prefix(prefix).maxKeys(maxKeys).continuationToken(continuationToken).build());
      List<String> keys = page.contents().stream().map(S3Object::key).toList();
      return new Page(keys, Boolean.TRUE.equals(page.isTruncated()) ? page.nextContinuationToken() : null);
    } catch (SdkException e) {
      throw new StoreException("cannot list " + uri(prefix) + ": " + e.getMessage(), e);
    }
  }

  /** Every key under {@code prefix} (paginated). */
  List<String> listAll(String prefix) {
    List<String> keys = new ArrayList<>();
    String token = null;
    do {
      Page page = listPage(prefix, DELETE_BATCH, token);
      keys.addAll(page.keys());
      token = page.nextToken();
    } while (token != null);
    return keys;
  }

  void delete(List<String> keys) {
    for (int from = 0; from < keys.size(); from += DELETE_BATCH) {
      List<ObjectIdentifier> batch = keys.subList(from, Math.min(keys.size(), from + DELETE_BATCH)).stream()
          .map(k -> ObjectIdentifier.builder().key(k).build())
          .toList();
      DeleteObjectsResponse response;
      try {
        response = s3.deleteObjects(b -> b.bucket(bucket).delete(Delete.builder().objects(batch).quiet(true).build()));
      } catch (SdkException e) {
        throw new StoreException("cannot delete " + batch.size() + " objects in bucket " + bucket
            + " (first " + batch.get(0).key() + "): " + e.getMessage(), e);
      }
      if (response.hasErrors() && !response.errors().isEmpty()) {
        var first = response.errors().get(0);
        throw new StoreException("cannot delete " + response.errors().size() + " objects in bucket " + bucket
            + " (first " + first.key() + ": " + first.code() + " " + first.message() + ")");
      }
    }
  }

  record Page(List<String> keys, String nextToken) {}
}
