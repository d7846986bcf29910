package com.connectopsreview.athena;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.connectopsreview.shared.analyzer.AnalyzerLambda;
import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;

/**
 * Lambda entry point of the {@code athena} component. Two request shapes: the orchestrator's
 * AnalyzerRequest (a review's component, answered like every analyzer's), and the scheduled export
 * {@code {"exportOnly": true, "instanceArn": ..., "daysBack": 1}} ({@link ExportRun}).
 */
public final class AthenaExportHandler implements RequestStreamHandler {

  /** Lambda keeps this much of the invocation to store the result and answer. */
  static final long END_MARGIN_MILLIS = 2_000;

  private final AnalyzerRunner runner;
  private final Clock clock;
  private final AnalyzerLambda component;

  /** Built once per execution environment by the Lambda runtime. */
  public AthenaExportHandler() {
    this(AnalyzerRunner.fromEnvironment(System.getenv(), Clock.systemUTC(), AthenaExportFactory::create),
        Clock.systemUTC());
  }

  AthenaExportHandler(AnalyzerRunner runner, Clock clock) {
    this.runner = runner;
    this.clock = clock;
    this.component = new AnalyzerLambda(AthenaExportFactory.COMPONENT, runner, clock) {};
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    byte[] body = input.readAllBytes();
    JsonNode request = Json.mapper().readTree(body);
    if (request != null && ExportRun.isExportRequest(request)) {
      Instant end = context == null ? clock.instant().plusSeconds(300)
          : clock.instant().plusMillis(Math.max(0, context.getRemainingTimeInMillis() - END_MARGIN_MILLIS));
      output.write(Json.toBytes(new ExportRun(runner, clock).run(request, end)));
      return;
    }
    component.handleRequest(new ByteArrayInputStream(body), output, context);
  }
}
