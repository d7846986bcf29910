package com.connectopsreview.shared.model;

import java.util.Objects;

/** Input of the report generator: the review to render (everything else is read from the store). */
public record ReportRequest(String reviewId) {

  public ReportRequest {
    Objects.requireNonNull(reviewId, "reviewId");
  }
}
