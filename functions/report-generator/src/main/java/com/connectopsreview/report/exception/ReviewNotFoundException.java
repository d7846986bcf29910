package com.connectopsreview.report.exception;

/** The review to report on has no manifest in the result store (unknown id, or deleted). */
public class ReviewNotFoundException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String reviewId;

  public ReviewNotFoundException(String reviewId) {
    super("review '" + reviewId + "' has no manifest in the result store");
    this.reviewId = reviewId;
  }

  public String reviewId() {
    return reviewId;
  }
}
