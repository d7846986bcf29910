package com.connectopsreview.orchestrator;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.connectopsreview.shared.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;

/**
 * Lambda entry point. Accepts a ReviewRequest JSON or the EventBridge scheduled event, answers
 * {@code {reviewId, status, components, report, reportUrl, errors}}. An invalid request fails the invocation
 * with an {@code InvalidRequestException} whose message names each bad field; nothing is written.
 */
public final class OrchestratorHandler implements RequestStreamHandler {

  private final Orchestrator orchestrator;
  private final Clock clock;
  private final ReportLinks links;

  /** Built once per execution environment by the Lambda runtime. */
  public OrchestratorHandler() {
    this(OrchestratorFactory.fromEnvironment(System.getenv(), Clock.systemUTC()), Clock.systemUTC(),
        OrchestratorFactory.reportLinks(System.getenv()));
  }

  OrchestratorHandler(Orchestrator orchestrator, Clock clock, ReportLinks links) {
    this.orchestrator = orchestrator;
    this.clock = clock;
    this.links = links;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    Instant deadline = clock.instant().plusMillis(context.getRemainingTimeInMillis());
    ReviewOutcome outcome = orchestrator.review(input.readAllBytes(), deadline);
    if (links != null) {
      outcome = outcome.withReportUrl(links.link(outcome.report()));
    }
    output.write(Json.toBytes(outcome));
  }
}
