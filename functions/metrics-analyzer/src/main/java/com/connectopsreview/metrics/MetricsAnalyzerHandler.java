package com.connectopsreview.metrics;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.exception.InvalidRequestException;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.AnalyzerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;

/**
 * Lambda entry point of the {@code metrics} analyzer: reads an AnalyzerRequest, runs the analyzer
 * (which stores its result), answers the AnalyzerResponse summary.
 */
public final class MetricsAnalyzerHandler implements RequestStreamHandler {

  private final AnalyzerRunner runner;
  private final Clock clock;

  /** Built once per execution environment by the Lambda runtime. */
  public MetricsAnalyzerHandler() {
    this(MetricsAnalyzerFunction.fromEnvironment(System.getenv(), Clock.systemUTC()), Clock.systemUTC());
  }

  MetricsAnalyzerHandler(AnalyzerRunner runner) {
    this(runner, Clock.systemUTC());
  }

  MetricsAnalyzerHandler(AnalyzerRunner runner, Clock clock) {
    this.runner = runner;
    this.clock = clock;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    AnalyzerRequest request = Json.mapper().readValue(input, AnalyzerRequest.class);
    if (!MetricsAnalyzerFunction.COMPONENT.equals(request.component())) {
      throw InvalidRequestException.of("component",
          "must be '" + MetricsAnalyzerFunction.COMPONENT + "' for this function (got '" + request.component() + "')");
    }
    AnalyzerResponse response = runner.run(withinLambdaTime(request, context));
    output.write(Json.toBytes(response));
  }

  /**
   * The request's deadline, or the end of this invocation if that comes first, so the result is
   * stored before Lambda stops the function (e.g. under {@code sam local invoke} with a far deadline).
   */
  private AnalyzerRequest withinLambdaTime(AnalyzerRequest request, Context context) {
    if (context == null) {
      return request;
    }
    Instant lambdaEnd = clock.instant().plusMillis(context.getRemainingTimeInMillis());
    if (!lambdaEnd.isBefore(request.deadline())) {
      return request;
    }
    return new AnalyzerRequest(request.reviewId(), request.component(), request.instance(), request.window(),
        lambdaEnd, request.options());
  }
}
