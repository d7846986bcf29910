package com.connectopsreview.orchestrator;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.connectopsreview.shared.analyzer.Analyzer;
import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.model.ReportRequest;
import com.connectopsreview.shared.model.ReportResponse;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.registry.AnalyzerSpec;
import com.connectopsreview.shared.store.ResultStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** Shared test fixtures: instance, clock, fake analyzers and report generator, Lambda context. */
final class Fixtures {

  static final String INSTANCE_ARN =
      "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555";
  static final String INSTANCE_ID = "11111111-2222-3333-4444-555555555555";
  static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private Fixtures() {}

  static AnalyzerSpec spec(String name, Duration timeout) {
    return new AnalyzerSpec(name, name.toUpperCase() + "_FUNCTION", timeout, "Test analyzer " + name);
  }

  /** An analyzer wired like production: through AnalyzerRunner, so it stores its own result. */
  static Function<AnalyzerRequest, AnalyzerResponse> runner(ResultStore store, Analyzer analyzer) {
    return new AnalyzerRunner(analyzer, store, new ApiCallCounter(ApiRateLimiter.unlimited()), Clock.systemUTC())::run;
  }

  /** A report generator that records it ran and writes a small report.html. */
  static final class FakeReport implements Function<ReportRequest, ReportResponse> {
    final ResultStore store;
    final AtomicInteger calls = new AtomicInteger();

    FakeReport(ResultStore store) {
      this.store = store;
    }

    @Override
    public ReportResponse apply(ReportRequest request) {
      calls.incrementAndGet();
      var manifest = store.getManifest(request.reviewId()).orElseThrow();
      String html = "<html><body>" + manifest.components().keySet() + "</body></html>";
      String htmlAt = store.putArtifact(request.reviewId(), "report.html", "text/html",
          html.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      String jsonAt = store.putArtifact(request.reviewId(), "report.json", "application/json",
          Json.toBytes(manifest));
      return new ReportResponse(request.reviewId(), htmlAt, jsonAt, 0);
    }
  }

  /** Minimal Lambda context with a fixed remaining time. */
  static Context context(int remainingMillis) {
    return new Context() {
      @Override public String getAwsRequestId() { return "req-1"; }
      @Override public String getLogGroupName() { return "/aws/lambda/test"; }
      @Override public String getLogStreamName() { return "stream"; }
      @Override public String getFunctionName() { return "orchestrator"; }
      @Override public String getFunctionVersion() { return "$LATEST"; }
      @Override public String getInvokedFunctionArn() { return "arn:aws:lambda:us-east-1:123456789012:function:orchestrator"; }
      @Override public CognitoIdentity getIdentity() { return null; }
      @Override public ClientContext getClientContext() { return null; }
      @Override public int getRemainingTimeInMillis() { return remainingMillis; }
      @Override public int getMemoryLimitInMB() { return 1024; }
      @Override public LambdaLogger getLogger() {
        return new LambdaLogger() {
          @Override public void log(String message) {}
          @Override public void log(byte[] message) {}
        };
      }
    };
  }
}
