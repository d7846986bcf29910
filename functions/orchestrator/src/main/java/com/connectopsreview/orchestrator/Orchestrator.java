package com.connectopsreview.orchestrator;

import com.connectopsreview.shared.validation.ReviewRequestParser;
import com.connectopsreview.shared.validation.ValidatedReview;
import java.time.Instant;

/**
 * The orchestrator's one domain entry point: validate the raw request (nothing is written when it is
 * invalid), then run the review. Used by the Lambda handler and the local runner alike.
 */
public final class Orchestrator {

  private final ReviewRequestParser parser;
  private final ReviewService reviews;

  public Orchestrator(ReviewRequestParser parser, ReviewService reviews) {
    this.parser = parser;
    this.reviews = reviews;
  }

  /**
   * @throws com.connectopsreview.shared.exception.InvalidRequestException naming every bad field
   */
  public ReviewOutcome review(byte[] requestJson, Instant deadline) {
    ValidatedReview review = parser.parse(requestJson);
    return reviews.run(review, deadline);
  }
}
