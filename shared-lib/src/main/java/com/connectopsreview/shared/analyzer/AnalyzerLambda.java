package com.connectopsreview.shared.analyzer;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
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
 * What every analyzer's Lambda handler does: read the AnalyzerRequest, refuse one meant for another
 * component, run the analyzer (which stores its result) no later than this invocation can last, and
 * answer the AnalyzerResponse summary. Each analyzer module's handler only says which component it
 * is and how its runner is built.
 */
public abstract class AnalyzerLambda implements RequestStreamHandler {

  private final String component;
  private final AnalyzerRunner runner;
  private final Clock clock;

  /**
   * The deployed wiring (built once per execution environment by the Lambda runtime): the analyzer
   * {@code factory} builds, over {@link AnalyzerRunner#fromEnvironment}'s clients and store.
   */
  protected AnalyzerLambda(String component, AnalyzerFactory factory) {
    this(component, AnalyzerRunner.fromEnvironment(System.getenv(), Clock.systemUTC(), factory), Clock.systemUTC());
  }

  protected AnalyzerLambda(String component, AnalyzerRunner runner, Clock clock) {
    this.component = component;
    this.runner = runner;
    this.clock = clock;
  }

  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    AnalyzerRequest request = Json.mapper().readValue(input, AnalyzerRequest.class);
    if (!component.equals(request.component())) {
      throw InvalidRequestException.of("component",
          "must be '" + component + "' for this function (got '" + request.component() + "')");
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
