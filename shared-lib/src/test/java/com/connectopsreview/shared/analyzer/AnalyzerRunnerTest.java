package com.connectopsreview.shared.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.aws.AwsErrors;
import com.connectopsreview.shared.exception.StoreException;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.model.TimeWindow;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.connectopsreview.shared.time.TimeBudget;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class AnalyzerRunnerTest {

  static final InstanceRef INSTANCE = InstanceRef.parse(
      "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555");

  @TempDir Path dir;

  private static AnalyzerRequest request(Instant deadline) {
    return new AnalyzerRequest("r-1", "instance", INSTANCE, TimeWindow.lastDays(Instant.now(), 7), deadline, Map.of());
  }

  @Test
  void run_storesTheResultAndAnswersItsSummary() {
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(dir);
    Finding finding = Finding.builder("INSTANCE.X.Y", Severity.LOW, Pillar.SECURITY).title("t").build();
    AnalyzerRunner runner = new AnalyzerRunner((r, b) -> AnalysisOutput.of(List.of(finding), null,
        List.of("stream s could not be described")), store, new ApiCallCounter(ApiRateLimiter.unlimited()), Clock.systemUTC());

    AnalyzerResponse response = runner.run(request(Instant.now().plusSeconds(60)));

    assertEquals(ComponentStatus.PARTIAL, response.status());
    assertEquals(1, response.findingCount());
    AnalyzerResult stored = store.getResult("r-1", "instance").orElseThrow();
    assertEquals(List.of(finding), stored.findings());
    assertEquals(List.of("stream s could not be described"), stored.errors());
  }

  @Test
  void run_whenAnalyzerThrowsAwsError_storesFailedWithTheErrorCode() {
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(dir);
    AnalyzerRunner runner = new AnalyzerRunner((r, b) -> {
      throw AwsServiceException.builder().statusCode(429).awsErrorDetails(AwsErrorDetails.builder()
          .errorCode("ThrottlingException").serviceName("Connect").errorMessage("Rate exceeded").build()).build();
    }, store, new ApiCallCounter(ApiRateLimiter.unlimited()), Clock.systemUTC());

    AnalyzerResponse response = runner.run(request(Instant.now().plusSeconds(60)));

    assertEquals(ComponentStatus.FAILED, response.status());
    assertEquals(List.of("ThrottlingException from Connect (HTTP 429): Rate exceeded"), response.errors());
    assertEquals(ComponentStatus.FAILED, store.getResult("r-1", "instance").orElseThrow().status());
  }

  @Test
  void run_givesTheAnalyzerABudgetEndingBeforeTheDeadline() {
    Instant deadline = Instant.now().plusSeconds(60);
    Instant[] seen = new Instant[1];
    AnalyzerRunner runner = new AnalyzerRunner((r, b) -> {
      seen[0] = b.deadline();
      return AnalysisOutput.ok(List.of(), null);
    }, new LocalDirectoryResultStore(dir), new ApiCallCounter(ApiRateLimiter.unlimited()), Clock.systemUTC());

    runner.run(request(deadline));

    assertEquals(deadline.minus(AnalyzerRunner.STORE_RESERVE), seen[0]);
  }

  @Test
  void run_whenStoreFails_propagatesSoTheInvokerRecordsTheFailure() {
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(dir) ;
    AnalyzerRunner runner = new AnalyzerRunner((r, b) -> AnalysisOutput.ok(List.of(), null),
        new com.connectopsreview.shared.store.ResultStore() {
          @Override public void putManifest(com.connectopsreview.shared.model.ReviewManifest m) { store.putManifest(m); }
          @Override public java.util.Optional<com.connectopsreview.shared.model.ReviewManifest> getManifest(String id) { return store.getManifest(id); }
          @Override public List<com.connectopsreview.shared.model.ReviewManifest> listReviews(String i, int l) { return store.listReviews(i, l); }
          @Override public void putComponent(String id, String c, byte[] b) { throw new StoreException("disk full"); }
          @Override public java.util.Optional<byte[]> getComponent(String id, String c) { return store.getComponent(id, c); }
          @Override public List<String> listComponents(String id) { return store.listComponents(id); }
          @Override public String putArtifact(String id, String n, String t, byte[] c) { return store.putArtifact(id, n, t, c); }
          @Override public java.util.Optional<byte[]> getArtifact(String id, String n) { return store.getArtifact(id, n); }
          @Override public void deleteReview(String id) { store.deleteReview(id); }
          @Override public java.util.Optional<byte[]> getCache(String c, String i) { return store.getCache(c, i); }
          @Override public void putCache(String c, String i, byte[] b) { store.putCache(c, i, b); }
        }, new ApiCallCounter(ApiRateLimiter.unlimited()), Clock.systemUTC());

    StoreException e = assertThrows(StoreException.class, () -> runner.run(request(Instant.now().plusSeconds(60))));

    assertTrue(e.getMessage().contains("disk full"));
  }

  @Test
  void reason_namesBudgetExhaustion() {
    assertTrue(AwsErrors.reason(new TimeBudget.BudgetExceededException("x")).startsWith("timed out"));
    assertEquals("IllegalStateException: boom", AwsErrors.reason(new IllegalStateException("boom")));
  }
}
