package com.connectopsreview.shared.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.exception.StoreException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/** The contract against S3Mock, plus the key layout and put options the template relies on. */
class S3ResultStoreTest extends ResultStoreContract {

  private static final RecordingInterceptor CALLS = new RecordingInterceptor();
  private static S3Client s3;

  private String bucket;
  private S3ResultStore store;

  @BeforeAll
  static void startS3Mock() {
    s3 = LocalEngines.s3Client(LocalEngines.s3(), CALLS);
  }

  @BeforeEach
  void createStore() {
    bucket = LocalEngines.newBucket(s3);
    store = new S3ResultStore(s3, bucket);
    CALLS.clear();
  }

  @Override
  protected ResultStore store() {
    return store;
  }

  @Test
  void keys_followThePublishedLayout() {
    store.putManifest(manifest("r-1", INSTANCE_A, T0));
    store.putComponent("r-1", "quota", bytes("{}"));
    String location = store.putArtifact("r-1", "report.html", "text/html", bytes("<html></html>"));

    long inverted = Long.MAX_VALUE - T0.toEpochMilli();
    assertEquals(Set.of(
            "reviews/r-1/manifest.json",
            "reviews/r-1/quota.json",
            "reports/" + INSTANCE_A + "/r-1/report.html",
            "index/" + INSTANCE_A + "/" + String.format("%019d", inverted) + "_r-1"),
        allKeys());
    assertEquals("s3://" + bucket + "/reports/" + INSTANCE_A + "/r-1/report.html", location);
  }

  @Test
  void everyPut_usesSseS3_andTheRightContentType() {
    store.putManifest(manifest("r-1", INSTANCE_A, T0));
    store.putComponent("r-1", "quota", bytes("{}"));
    store.putArtifact("r-1", "report.html", "text/html; charset=utf-8", bytes("<html></html>"));

    List<PutObjectRequest> puts = CALLS.requests(PutObjectRequest.class);
    assertEquals(4, puts.size());
    assertEquals("text/html; charset=utf-8", puts.get(3).contentType());
    for (PutObjectRequest put : puts) {
      assertEquals(ServerSideEncryption.AES256, put.serverSideEncryption(), put.key());
    }
    assertEquals("application/json", head("reviews/r-1/quota.json").contentType());
    assertEquals("application/json", head("reviews/r-1/manifest.json").contentType());
    HeadObjectResponse report = head("reports/" + INSTANCE_A + "/r-1/report.html");
    assertEquals("text/html;charset=utf-8", report.contentType().replace(" ", ""));
    assertEquals(ServerSideEncryption.AES256, report.serverSideEncryption());
  }

  @Test
  void listReviews_isOneListingOfTheInstanceIndex() {
    for (int i = 0; i < 5; i++) {
      store.putManifest(manifest("r-" + i, INSTANCE_A, T0.plusSeconds(i)));
    }
    store.putComponent("r-0", "quota", bytes("{}"));
    CALLS.clear();

    assertEquals(List.of("r-4", "r-3"), ids(store.listReviews(INSTANCE_A, 2)));

    List<ListObjectsV2Request> listings = CALLS.requests(ListObjectsV2Request.class);
    assertEquals(1, listings.size());
    assertEquals("index/" + INSTANCE_A + "/", listings.get(0).prefix());
    assertEquals(2, listings.get(0).maxKeys());
    assertEquals(List.of("ListObjectsV2", "GetObject", "GetObject"), CALLS.operations());
  }

  @Test
  void listReviews_skipsIndexEntriesWhoseManifestIsGone() {
    store.putManifest(manifest("r-1", INSTANCE_A, T0));
    store.putManifest(manifest("r-2", INSTANCE_A, T0.plusSeconds(1)));
    // Left behind by an interrupted delete; newer than both, so it comes first in the listing.
    String orphan = "index/" + INSTANCE_A + "/" + String.format("%019d", Long.MAX_VALUE - T0.toEpochMilli() - 5000)
        + "_r-gone";
    s3.putObject(b -> b.bucket(bucket).key(orphan), RequestBody.empty());

    assertEquals(List.of("r-2", "r-1"), ids(store.listReviews(INSTANCE_A, 2)));
  }

  @Test
  void putArtifact_withoutManifest_throwsStoreExceptionNamingTheReview() {
    StoreException e = assertThrows(StoreException.class,
        () -> store.putArtifact("r-9", "report.html", "text/html", bytes("<html></html>")));

    assertTrue(e.getMessage().contains("r-9"), e.getMessage());
  }

  @Test
  void serviceErrors_areStoreExceptionsNamingBucketAndKey() {
    S3ResultStore missing = new S3ResultStore(s3, "no-such-bucket");

    StoreException e = assertThrows(StoreException.class, () -> missing.putComponent("r-1", "quota", bytes("{}")));

    assertTrue(e.getMessage().contains("s3://no-such-bucket/reviews/r-1/quota.json"), e.getMessage());
  }

  private Set<String> allKeys() {
    return s3.listObjectsV2Paginator(b -> b.bucket(bucket)).contents().stream()
        .map(S3Object::key)
        .collect(Collectors.toSet());
  }

  private HeadObjectResponse head(String key) {
    return s3.headObject(b -> b.bucket(bucket).key(key));
  }
}
