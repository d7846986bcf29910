package com.connectopsreview.report;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.connectopsreview.shared.exception.InvalidRequestException;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.ReportRequest;
import com.connectopsreview.shared.model.ReportResponse;
import com.connectopsreview.shared.store.ResultStoreFactory;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;

/**
 * Lambda entry point: reads a {@link ReportRequest}, has the {@link ReportGenerator} render and store
 * the report, answers a {@link ReportResponse}. Dependencies are built once per execution environment.
 */
public final class ReportGeneratorHandler implements RequestStreamHandler {

  private final ReportGenerator generator;

  /** Used by the Lambda runtime: real store from the environment, system UTC clock. */
  public ReportGeneratorHandler() {
    this(new ReportGenerator(ResultStoreFactory.forLambda(System.getenv()), Clock.systemUTC()));
  }

  ReportGeneratorHandler(ReportGenerator generator) {
    this.generator = generator;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
    ReportResponse response = generator.generate(readRequest(input));
    output.write(Json.toBytes(response));
    output.flush();
  }

  static ReportRequest readRequest(InputStream input) throws IOException {
    JsonNode body = Json.mapper().readTree(input);
    JsonNode reviewId = body == null ? null : body.get("reviewId");
    if (reviewId == null || !reviewId.isTextual() || reviewId.asText().isBlank()) {
      throw InvalidRequestException.of("reviewId", "is required (a review id string)");
    }
    return new ReportRequest(reviewId.asText());
  }
}
