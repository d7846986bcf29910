package com.connectopsreview.shared.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentEntry;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.ReviewManifest;
import com.connectopsreview.shared.model.ReviewStatus;
import com.connectopsreview.shared.model.TimeWindow;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The behaviour every {@link ResultStore} adapter must show (see the guarantees in its Javadoc).
 * Each adapter's test extends this class and supplies a fresh, empty store per test.
 */
public abstract class ResultStoreContract {

  protected static final String INSTANCE_A = "aaaaaaaa-1111-2222-3333-444444444444";
  protected static final String INSTANCE_B = "bbbbbbbb-1111-2222-3333-444444444444";
  protected static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  /** Over 1 MB and incompressible: forces DynamoDB parts, proves nothing is truncated. */
  protected static final int LARGE = 1024 * 1024 + 17;

  /** The store under test: fresh and empty for each test (subclasses build it in {@code @BeforeEach}). */
  protected abstract ResultStore store();

  // ---- cache ----

  @Test
  void putCache_thenGet_perComponentAndInstance_andReplaced() {
    assertEquals(Optional.empty(), store().getCache("phone", INSTANCE_A));
    store().putCache("phone", INSTANCE_A, bytes("{\"version\":1,\"n\":1}"));
    store().putCache("phone", INSTANCE_B, bytes("{\"version\":1,\"n\":2}"));
    store().putCache("flow", INSTANCE_A, bytes("{\"version\":1,\"n\":3}"));
    store().putCache("phone", INSTANCE_A, bytes("{\"version\":1,\"n\":4}"));

    assertEquals("{\"version\":1,\"n\":4}", text(store().getCache("phone", INSTANCE_A).orElseThrow()));
    assertEquals("{\"version\":1,\"n\":2}", text(store().getCache("phone", INSTANCE_B).orElseThrow()));
    assertEquals("{\"version\":1,\"n\":3}", text(store().getCache("flow", INSTANCE_A).orElseThrow()));
  }

  @Test
  void putCache_large_roundTripsByteIdentical_andReplacingItWithASmallOneLeavesNoParts() {
    byte[] large = new byte[LARGE];
    new Random(7).nextBytes(large);
    store().putCache("flow", INSTANCE_A, large);
    assertArrayEquals(large, store().getCache("flow", INSTANCE_A).orElseThrow());

    store().putCache("flow", INSTANCE_A, bytes("{}"));
    assertEquals("{}", text(store().getCache("flow", INSTANCE_A).orElseThrow()));
  }

  @Test
  void cache_isNotAReview_deleteAndListingsLeaveItAlone() {
    store().putManifest(manifest("r-1", INSTANCE_A, T0));
    store().putComponent("r-1", "phone", bytes("{}"));
    store().putCache("phone", INSTANCE_A, bytes("{\"kept\":true}"));

    store().deleteReview("r-1");

    assertEquals("{\"kept\":true}", text(store().getCache("phone", INSTANCE_A).orElseThrow()));
    assertEquals(List.of(), store().listReviews(INSTANCE_A, 10));
  }

  @Test
  void cache_refusesNamesThatCouldEscapeItsPlace() {
    assertThrows(IllegalArgumentException.class, () -> store().putCache("../x", INSTANCE_A, bytes("{}")));
    assertThrows(IllegalArgumentException.class, () -> store().putCache("phone", "../../etc", bytes("{}")));
    assertThrows(IllegalArgumentException.class, () -> store().getCache("phone", "a/b"));
    assertThrows(IllegalArgumentException.class, () -> store().getCache("Phone!", INSTANCE_A));
  }

  // ---- components ----

  @Test
  void putComponent_thenGet_returnsTheSameBytes() {
    byte[] json = "{\"component\":\"quota\",\"n\":1.10}".getBytes(StandardCharsets.UTF_8);
    store().putComponent("r-1", "quota", json);

    assertArrayEquals(json, store().getComponent("r-1", "quota").orElseThrow());
  }

  @Test
  void putComponent_again_replacesThePreviousResult() {
    store().putComponent("r-1", "quota", bytes("{\"v\":1}"));
    store().putComponent("r-1", "quota", bytes("{\"v\":2}"));

    assertEquals("{\"v\":2}", text(store().getComponent("r-1", "quota").orElseThrow()));
    assertEquals(List.of("quota"), store().listComponents("r-1"));
  }

  @Test
  void getComponent_whenMissing_isEmpty() {
    store().putComponent("r-1", "quota", bytes("{}"));

    assertEquals(Optional.empty(), store().getComponent("r-1", "phone"));
    assertEquals(Optional.empty(), store().getComponent("r-unknown", "quota"));
  }

  @Test
  void putResult_thenGetResult_roundTripsTheTypedResult() {
    AnalyzerResult result = new AnalyzerResult("r-1", "instance", ComponentStatus.OK, T0, 1234L,
        Map.of("connect:DescribeInstance", 1L), List.of(), null, List.of());
    store().putResult(result);

    assertEquals(result, store().getResult("r-1", "instance").orElseThrow());
  }

  @Test
  void listComponents_isSortedAndLeavesOutManifestAndArtifacts() {
    store().putManifest(manifest("r-1", INSTANCE_A, T0));
    store().putComponent("r-1", "quota", bytes("{}"));
    store().putComponent("r-1", "flow", bytes("{}"));
    store().putComponent("r-1", "instance", bytes("{}"));
    store().putComponent("r-2", "phone", bytes("{}"));
    store().putArtifact("r-1", "report.html", "text/html", bytes("<html></html>"));

    assertEquals(List.of("flow", "instance", "quota"), store().listComponents("r-1"));
    assertEquals(List.of(), store().listComponents("r-unknown"));
  }

  // ---- manifests and the per-instance index ----

  @Test
  void putManifest_thenGet_roundTripsAndOverwrites() {
    ReviewManifest first = manifest("r-1", INSTANCE_A, T0);
    store().putManifest(first);
    assertEquals(first, store().getManifest("r-1").orElseThrow());

    ReviewManifest done = first
        .withComponent("instance", new ComponentEntry(ComponentStatus.OK, null, 812L), T0.plusSeconds(30))
        .withOutcome(ReviewStatus.COMPLETED, null, null, T0.plusSeconds(31));
    store().putManifest(done);

    assertEquals(done, store().getManifest("r-1").orElseThrow());
    assertEquals(Optional.empty(), store().getManifest("r-unknown"));
  }

  @Test
  void listReviews_isNewestFirst_perInstance_andRespectsTheLimit() {
    // Whole and fractional seconds on purpose: naive ISO-8601 text ("...00Z" vs "...00.500Z") misorders.
    store().putManifest(manifest("r-oldest", INSTANCE_A, T0));
    store().putManifest(manifest("r-newest", INSTANCE_A, T0.plusSeconds(1)));
    store().putManifest(manifest("r-middle", INSTANCE_A, T0.plusMillis(500)));
    store().putManifest(manifest("r-other", INSTANCE_B, T0.plusSeconds(5)));

    assertEquals(List.of("r-newest", "r-middle", "r-oldest"), ids(store().listReviews(INSTANCE_A, 10)));
    assertEquals(List.of("r-newest", "r-middle"), ids(store().listReviews(INSTANCE_A, 2)));
    assertEquals(List.of(), ids(store().listReviews(INSTANCE_A, 0)));
    assertEquals(List.of("r-other"), ids(store().listReviews(INSTANCE_B, 10)));
    assertEquals(List.of(), ids(store().listReviews("cccccccc-1111-2222-3333-444444444444", 10)));
  }

  @Test
  void listReviews_afterRePutOfTheSameReview_listsItOnce() {
    store().putManifest(manifest("r-1", INSTANCE_A, T0));
    store().putManifest(manifest("r-2", INSTANCE_A, T0.plusSeconds(60)));
    // A re-run of r-1 starts over with a new createdAt; a status update keeps createdAt.
    ReviewManifest rerun = manifest("r-1", INSTANCE_A, T0.plusSeconds(120));
    store().putManifest(rerun);
    ReviewManifest finished = rerun.withOutcome(ReviewStatus.COMPLETED, null, null, T0.plusSeconds(180));
    store().putManifest(finished);

    List<ReviewManifest> reviews = store().listReviews(INSTANCE_A, 10);

    assertEquals(List.of("r-1", "r-2"), ids(reviews));
    assertEquals(finished, reviews.get(0));
  }

  // ---- artifacts ----

  @Test
  void putArtifact_thenGet_returnsTheBytesAndALocation() {
    store().putManifest(manifest("r-1", INSTANCE_A, T0));
    byte[] html = bytes("<!doctype html><title>Review r-1</title>");

    String location = store().putArtifact("r-1", "report.html", "text/html; charset=utf-8", html);

    assertTrue(location.contains("r-1") && location.endsWith("report.html"), location);
    assertArrayEquals(html, store().getArtifact("r-1", "report.html").orElseThrow());
    assertEquals(Optional.empty(), store().getArtifact("r-1", "report.json"));
    assertEquals(Optional.empty(), store().getArtifact("r-unknown", "report.html"));
  }

  @Test
  void putArtifact_again_replacesIt() {
    store().putManifest(manifest("r-1", INSTANCE_A, T0));
    store().putArtifact("r-1", "findings.csv", "text/csv", bytes("a,b\n"));
    store().putArtifact("r-1", "findings.csv", "text/csv", bytes("a,b\n1,2\n"));

    assertEquals("a,b\n1,2\n", text(store().getArtifact("r-1", "findings.csv").orElseThrow()));
  }

  // ---- deletion ----

  @Test
  void deleteReview_removesEveryTrace_andLeavesOtherReviewsAlone() {
    store().putManifest(manifest("r-1", INSTANCE_A, T0));
    store().putManifest(manifest("r-2", INSTANCE_A, T0.plusSeconds(1)));
    for (int i = 0; i < 30; i++) { // more than one DynamoDB batch, more than one listing page elsewhere
      store().putComponent("r-1", "c" + i, bytes("{\"i\":" + i + "}"));
    }
    store().putComponent("r-1", "big", randomJson(LARGE, 1));
    store().putArtifact("r-1", "report.html", "text/html", bytes("<html>1</html>"));
    store().putComponent("r-2", "quota", bytes("{\"keep\":true}"));
    store().putArtifact("r-2", "report.html", "text/html", bytes("<html>2</html>"));

    store().deleteReview("r-1");

    assertEquals(Optional.empty(), store().getManifest("r-1"));
    assertEquals(List.of(), store().listComponents("r-1"));
    assertEquals(Optional.empty(), store().getComponent("r-1", "c0"));
    assertEquals(Optional.empty(), store().getComponent("r-1", "big"));
    assertEquals(Optional.empty(), store().getArtifact("r-1", "report.html"));
    assertEquals(List.of("r-2"), ids(store().listReviews(INSTANCE_A, 10)));
    assertEquals("{\"keep\":true}", text(store().getComponent("r-2", "quota").orElseThrow()));
    assertEquals("<html>2</html>", text(store().getArtifact("r-2", "report.html").orElseThrow()));

    // The id can be used again from scratch (a re-run), and deleting an absent review is a no-op.
    store().putManifest(manifest("r-1", INSTANCE_A, T0.plusSeconds(9)));
    assertEquals(List.of("r-1", "r-2"), ids(store().listReviews(INSTANCE_A, 10)));
    store().deleteReview("r-never-written");
  }

  // ---- size: never truncated, never dropped ----

  @Test
  void largeIncompressibleComponent_roundTripsByteIdentical() {
    byte[] json = randomJson(LARGE, 42);
    store().putComponent("r-1", "flow", json);

    assertArrayEquals(json, store().getComponent("r-1", "flow").orElseThrow());
    assertEquals(List.of("flow"), store().listComponents("r-1"));
  }

  @Test
  void largeIncompressibleArtifact_roundTripsByteIdentical() {
    store().putManifest(manifest("r-1", INSTANCE_A, T0));
    byte[] content = randomBytes(LARGE, 43);
    store().putArtifact("r-1", "report.html", "text/html", content);

    assertArrayEquals(content, store().getArtifact("r-1", "report.html").orElseThrow());
  }

  @Test
  void largeComponent_replacedBySmallAndBack_readsTheLatest() {
    byte[] large = randomJson(LARGE, 7);
    byte[] larger = randomJson(LARGE + 300_000, 8);
    store().putComponent("r-1", "flow", large);
    store().putComponent("r-1", "flow", bytes("{\"small\":true}"));
    assertEquals("{\"small\":true}", text(store().getComponent("r-1", "flow").orElseThrow()));

    store().putComponent("r-1", "flow", large);
    store().putComponent("r-1", "flow", larger);
    assertArrayEquals(larger, store().getComponent("r-1", "flow").orElseThrow());
    assertEquals(List.of("flow"), store().listComponents("r-1"));
  }

  // ---- names ----

  @Test
  void invalidNames_areRejectedBeforeAnythingIsWritten() {
    byte[] json = bytes("{}");
    List<Executable> calls = List.of(
        () -> store().putComponent("../x", "quota", json),
        () -> store().getComponent("../x", "quota"),
        () -> store().listComponents("../x"),
        () -> store().getManifest("../x"),
        () -> store().deleteReview("../x"),
        () -> store().putComponent("r-1", "Bad/Name", json),
        () -> store().getComponent("r-1", "Bad/Name"),
        () -> store().putComponent("r-1", "manifest", json),
        () -> store().getComponent("r-1", "manifest"),
        () -> store().putComponent("r-1", "../quota", json),
        () -> store().putArtifact("r-1", "../report.html", "text/html", json),
        () -> store().getArtifact("r-1", "a/b.html"),
        () -> store().putManifest(manifest("../x", INSTANCE_A, T0)));
    for (Executable call : calls) {
      assertThrows(IllegalArgumentException.class, call);
    }
    assertEquals(List.of(), store().listComponents("r-1"));
  }

  // ---- whole or absent under concurrency ----

  @Test
  void concurrentReader_duringRepeatedOverwrites_seesOnlyCompleteVersions() throws Exception {
    List<byte[]> versions = new ArrayList<>();
    for (int v = 0; v < 3; v++) {
      versions.add(randomJson(600_000 + v * 1000, 100 + v)); // several parts each in DynamoDB
    }
    store().putComponent("r-1", "flow", versions.get(0));
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<?> writer = threads.submit(() -> {
        try {
          for (int i = 1; i <= 12; i++) {
            store().putComponent("r-1", "flow", versions.get(i % versions.size()));
          }
        } finally {
          writing.set(false);
        }
      });
      Future<Integer> reader = threads.submit(() -> {
        int reads = 0;
        do {
          byte[] seen = store().getComponent("r-1", "flow").orElseThrow(
              () -> new AssertionError("component vanished during an overwrite"));
          assertTrue(versions.stream().anyMatch(v -> Arrays.equals(v, seen)),
              "read " + seen.length + " bytes that match no written version");
          reads++;
        } while (writing.get() && reads < 10_000);
        return reads;
      });
      writer.get();
      assertTrue(reader.get() > 0);
    } finally {
      threads.shutdownNow();
    }
    assertArrayEquals(versions.get(0), store().getComponent("r-1", "flow").orElseThrow());
  }

  // ---- fixtures ----

  protected static ReviewManifest manifest(String reviewId, String instanceId, Instant createdAt) {
    InstanceRef instance = new InstanceRef(
        "arn:aws:connect:us-east-1:123456789012:instance/" + instanceId, "aws", "us-east-1", "123456789012",
        instanceId);
    return new ReviewManifest(reviewId, instance,
        new TimeWindow(createdAt.minus(Duration.ofDays(14)), createdAt), ReviewStatus.RUNNING,
        createdAt, createdAt, Map.of("instance", ComponentEntry.pending()), null, null,
        "allow-list: mandatory fields + Results");
  }

  /** A JSON document of exactly {@code size} bytes whose string value is random (base64). */
  protected static byte[] randomJson(int size, long seed) {
    String head = "{\"blob\":\"";
    String tail = "\"}";
    String blob = Base64.getEncoder().encodeToString(randomBytes(size, seed));
    return (head + blob.substring(0, size - head.length() - tail.length()) + tail).getBytes(StandardCharsets.UTF_8);
  }

  protected static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  protected static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  protected static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  protected static List<String> ids(List<ReviewManifest> manifests) {
    return manifests.stream().map(ReviewManifest::reviewId).toList();
  }
}
