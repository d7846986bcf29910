package com.connectopsreview.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.analyzer.AnalysisOutput;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.ReviewManifest;
import com.connectopsreview.shared.model.ReviewStatus;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.model.TimeWindow;
import com.connectopsreview.shared.privacy.RedactionPolicy;
import com.connectopsreview.shared.registry.AnalyzerSpec;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.connectopsreview.shared.store.ResultStore;
import com.connectopsreview.shared.validation.ValidatedReview;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

class ReviewServiceTest {

  @TempDir Path dir;
  ResultStore store;
  Fixtures.FakeReport report;
  final InstanceRef instance = InstanceRef.parse(Fixtures.INSTANCE_ARN);

  @BeforeEach
  void setUp() {
    store = new LocalDirectoryResultStore(dir);
    report = new Fixtures.FakeReport(store);
  }

  private static Function<AnalyzerRequest, AnalyzerResponse> ok(ResultStore store, String checkId) {
    return Fixtures.runner(store, (request, budget) -> AnalysisOutput.ok(
        List.of(Finding.builder(checkId, Severity.INFO, Pillar.RELIABILITY).title("t").build()),
        Json.tree(Map.of("seen", request.instance().id()))));
  }

  private ReviewService service(Map<String, Function<AnalyzerRequest, AnalyzerResponse>> analyzers,
      List<AnalyzerSpec> specs) {
    ReviewService.Settings settings = new ReviewService.Settings(specs, Map.of("logGroup", "/aws/connect/x"),
        Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(100));
    return new ReviewService(store, new InProcessAnalyzerInvoker(analyzers), new InProcessReportInvoker(report),
        Clock.systemUTC(), settings);
  }

  private ValidatedReview review(String id, List<String> analyzers) {
    Instant end = Instant.now();
    return new ValidatedReview(id, instance, TimeWindow.lastDays(end, 7), analyzers, false);
  }

  private static Instant inMinutes(int m) {
    return Instant.now().plus(Duration.ofMinutes(m));
  }

  @Test
  void run_whenOneAnalyzerThrows_othersCompleteAndReviewCompletesWithErrors() {
    List<AnalyzerSpec> specs = List.of(Fixtures.spec("alpha", Duration.ofSeconds(30)),
        Fixtures.spec("beta", Duration.ofSeconds(30)));
    ReviewService service = service(Map.of(
        "alpha", ok(store, "ALPHA.CHECK"),
        "beta", Fixtures.runner(store, (r, b) -> { throw new IllegalStateException("beta exploded"); })), specs);

    ReviewOutcome outcome = service.run(review("r-throws", List.of("alpha", "beta")), inMinutes(5));

    assertEquals(ReviewStatus.COMPLETED_WITH_ERRORS, outcome.status());
    assertEquals(Map.of("alpha", ComponentStatus.OK, "beta", ComponentStatus.FAILED), outcome.components());
    ReviewManifest manifest = store.getManifest("r-throws").orElseThrow();
    assertEquals(ReviewStatus.COMPLETED_WITH_ERRORS, manifest.status());
    assertEquals(ComponentStatus.FAILED, manifest.components().get("beta").status());
    assertTrue(manifest.components().get("beta").reason().contains("beta exploded"),
        manifest.components().get("beta").reason());
    assertEquals(ComponentStatus.FAILED, store.getResult("r-throws", "beta").orElseThrow().status());
    assertEquals(1, store.getResult("r-throws", "alpha").orElseThrow().findings().size());
    assertEquals(1, report.calls.get());
    assertNotNull(manifest.report());
    assertTrue(outcome.errors().get("beta").contains("beta exploded"));
  }

  @Test
  void run_whenAnalyzerGetsAccessDenied_recordsTheAwsErrorAsReason() {
    AwsServiceException denied = AwsServiceException.builder()
        .statusCode(403)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").serviceName("Connect")
            .errorMessage("User is not authorized to perform connect:DescribeInstance").build())
        .build();
    ReviewService service = service(Map.of("alpha", Fixtures.runner(store, (r, b) -> { throw denied; })),
        List.of(Fixtures.spec("alpha", Duration.ofSeconds(30))));

    ReviewOutcome outcome = service.run(review("r-denied", List.of("alpha")), inMinutes(5));

    assertEquals(ReviewStatus.COMPLETED_WITH_ERRORS, outcome.status());
    String reason = store.getManifest("r-denied").orElseThrow().components().get("alpha").reason();
    assertTrue(reason.contains("AccessDeniedException") && reason.contains("connect:DescribeInstance"), reason);
    assertEquals(1, report.calls.get(), "the report is still rendered");
  }

  @Test
  void run_whenInvokeItselfFails_componentFailedWithInvocationReason() {
    ReviewService service = service(Map.of(
        "alpha", ok(store, "ALPHA.CHECK"),
        "beta", r -> { throw new InvocationException("beta-fn failed: Runtime.ExitError: out of memory"); }),
        List.of(Fixtures.spec("alpha", Duration.ofSeconds(30)), Fixtures.spec("beta", Duration.ofSeconds(30))));

    ReviewOutcome outcome = service.run(review("r-invoke", List.of("alpha", "beta")), inMinutes(5));

    assertEquals(ComponentStatus.OK, outcome.components().get("alpha"));
    assertEquals(ComponentStatus.FAILED, outcome.components().get("beta"));
    assertTrue(outcome.errors().get("beta").contains("Runtime.ExitError"));
  }

  @Test
  void run_whenAnalyzerTooSlow_failsItAsTimedOutAndKeepsTheOthers() {
    ReviewService service = service(Map.of(
        "alpha", ok(store, "ALPHA.CHECK"),
        "slow", r -> {
          try {
            Thread.sleep(30_000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          throw new IllegalStateException("should have been cancelled");
        }),
        List.of(Fixtures.spec("alpha", Duration.ofSeconds(30)), Fixtures.spec("slow", Duration.ofSeconds(1))));

    ReviewOutcome outcome = service.run(review("r-slow", List.of("alpha", "slow")), inMinutes(5));

    assertEquals(ComponentStatus.OK, outcome.components().get("alpha"));
    assertEquals(ComponentStatus.FAILED, outcome.components().get("slow"));
    assertTrue(outcome.errors().get("slow").startsWith("timed out"), outcome.errors().get("slow"));
    assertEquals(ReviewStatus.COMPLETED_WITH_ERRORS, outcome.status());
  }

  @Test
  void run_invokesAnalyzersInParallel() {
    // Each analyzer waits for the other at a barrier: only a parallel fan-out gets both past it.
    CyclicBarrier barrier = new CyclicBarrier(2);
    Function<AnalyzerRequest, AnalyzerResponse> meet = Fixtures.runner(store, (r, b) -> {
      try {
        barrier.await(10, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("analyzers did not run in parallel", e);
      }
      return AnalysisOutput.ok(List.of(), null);
    });
    ReviewService service = service(Map.of("alpha", meet, "beta", meet),
        List.of(Fixtures.spec("alpha", Duration.ofSeconds(30)), Fixtures.spec("beta", Duration.ofSeconds(30))));

    ReviewOutcome outcome = service.run(review("r-parallel", List.of("alpha", "beta")), inMinutes(5));

    assertEquals(Map.of("alpha", ComponentStatus.OK, "beta", ComponentStatus.OK), outcome.components());
    assertEquals(ReviewStatus.COMPLETED, outcome.status());
  }

  @Test
  void run_passesWindowDeadlineAndOptionsToAnalyzers() {
    Instant deadline = inMinutes(10);
    ValidatedReview review = review("r-request", List.of("alpha"));
    java.util.concurrent.atomic.AtomicReference<AnalyzerRequest> seen = new java.util.concurrent.atomic.AtomicReference<>();
    ReviewService service = service(Map.of("alpha", Fixtures.runner(store, (r, b) -> {
      seen.set(r);
      return AnalysisOutput.ok(List.of(), null);
    })), List.of(Fixtures.spec("alpha", Duration.ofSeconds(60))));

    service.run(review, deadline);

    AnalyzerRequest request = seen.get();
    assertEquals("r-request", request.reviewId());
    assertEquals("alpha", request.component());
    assertEquals(review.window(), request.window());
    assertEquals(instance, request.instance());
    assertEquals("/aws/connect/x", request.options().get("logGroup"));
    assertEquals(RedactionPolicy.defaultPolicy(), RedactionPolicy.forRequest(request));
    assertEquals(RedactionPolicy.defaultPolicy().describe(), store.getManifest("r-request").orElseThrow().redactionPolicy());
    // Deadline: the analyzer's own timeout, not the orchestrator's whole budget.
    assertTrue(request.deadline().isBefore(Instant.now().plusSeconds(61)), request.deadline().toString());
  }

  @Test
  void run_whenAnalyzerClaimsSuccessButStoredNothing_marksItFailed() {
    ReviewService service = service(Map.of("alpha", r -> new AnalyzerResponse(r.reviewId(), "alpha",
        ComponentStatus.OK, 5, Map.of(), 0, List.of())), List.of(Fixtures.spec("alpha", Duration.ofSeconds(30))));

    ReviewOutcome outcome = service.run(review("r-nostore", List.of("alpha")), inMinutes(5));

    assertEquals(ComponentStatus.FAILED, outcome.components().get("alpha"));
    assertTrue(outcome.errors().get("alpha").contains("stored no result"));
  }

  @Test
  void run_whenReportFails_reviewFailedWithReason() {
    ReviewService service = new ReviewService(store,
        new InProcessAnalyzerInvoker(Map.of("alpha", ok(store, "ALPHA.CHECK"))),
        (request, timeout) -> { throw new IllegalStateException("template broken"); },
        Clock.systemUTC(),
        new ReviewService.Settings(List.of(Fixtures.spec("alpha", Duration.ofSeconds(30))), Map.of(),
            Duration.ofSeconds(5), Duration.ofMillis(200), Duration.ofMillis(200), Duration.ofMillis(100)));

    ReviewOutcome outcome = service.run(review("r-report", List.of("alpha")), inMinutes(5));

    assertEquals(ReviewStatus.FAILED, outcome.status());
    ReviewManifest manifest = store.getManifest("r-report").orElseThrow();
    assertEquals(ReviewStatus.FAILED, manifest.status());
    assertTrue(manifest.error().contains("template broken"), manifest.error());
    assertNull(manifest.report());
    assertEquals(ComponentStatus.OK, manifest.components().get("alpha").status());
  }

  @Test
  void run_whenOrchestratorAlmostOutOfTime_doesNotStartAnalyzers() {
    ReviewService service = service(Map.of("alpha", r -> { throw new AssertionError("must not start"); }),
        List.of(Fixtures.spec("alpha", Duration.ofSeconds(30))));

    // The deadline leaves nothing beyond the report's and bookkeeping's reserves.
    ReviewOutcome outcome = service.run(review("r-late", List.of("alpha")), Instant.now().plusSeconds(5));

    assertEquals(ComponentStatus.FAILED, outcome.components().get("alpha"));
    assertTrue(outcome.errors().get("alpha").startsWith("not started"), outcome.errors().get("alpha"));
  }

  @Test
  void run_whenSameReviewIdRunsAgain_replacesTheEarlierReview() {
    List<AnalyzerSpec> specs = List.of(Fixtures.spec("alpha", Duration.ofSeconds(30)),
        Fixtures.spec("beta", Duration.ofSeconds(30)));
    ReviewService service = service(Map.of("alpha", ok(store, "ALPHA.CHECK"), "beta", ok(store, "BETA.CHECK")),
        specs);
    service.run(review("weekly", List.of("alpha", "beta")), inMinutes(5));

    service.run(review("weekly", List.of("alpha")), inMinutes(5));

    assertEquals(List.of("alpha"), store.listComponents("weekly"));
    assertEquals(List.of("alpha"), List.copyOf(store.getManifest("weekly").orElseThrow().components().keySet()));
    List<ReviewManifest> reviews = store.listReviews(instance.id(), 10);
    assertEquals(1, reviews.size(), "one review, not two");
    assertEquals("weekly", reviews.get(0).reviewId());
  }
}
