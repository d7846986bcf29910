package com.connectopsreview.local;

import com.connectopsreview.athena.AthenaSettings;
import com.connectopsreview.local.sandbox.Sandbox;
import com.connectopsreview.orchestrator.ReviewOutcome;
import com.connectopsreview.shared.privacy.RedactionPolicy;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.store.ResultStore;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A quiet in-process review of a running sandbox, as the CLI wires it, for tests that read the store. */
final class SandboxReviews {

  /** What the CLI's --sandbox review gives the athena component without --athena-* options: the sandbox's data lake. */
  static final AthenaSettings SANDBOX_ATHENA = new ReviewCommand().athenaSettings(true);

  private SandboxReviews() {}

  /** Reviews the sandbox's instance over the default window with the named analyzers only. */
  static ReviewOutcome run(Sandbox box, ResultStore store, String reviewId, String... analyzers) {
    return run(box, store, RedactionPolicy.defaultPolicy(), reviewId, analyzers);
  }

  /** {@link #run(Sandbox, ResultStore, String, String...)} under {@code policy}. */
  static ReviewOutcome run(Sandbox box, ResultStore store, RedactionPolicy policy, String reviewId,
      String... analyzers) {
    LocalReview review = new LocalReview(store, box.clientOptions(), ApiRateLimiter.standard(), box.instance().arn(),
        null, policy, LocalAnalyzers.forReview(SANDBOX_ATHENA), new Progress(new PrintWriter(Writer.nullWriter()), true),
        Clock.systemUTC());
    String request = "{\"reviewId\":\"" + reviewId + "\",\"analyzers\":["
        + Arrays.stream(analyzers).map(a -> "\"" + a + "\"").collect(Collectors.joining(",")) + "]}";
    return review.orchestrator().review(request.getBytes(StandardCharsets.UTF_8),
        Instant.now().plus(Duration.ofMinutes(5)));
  }
}
