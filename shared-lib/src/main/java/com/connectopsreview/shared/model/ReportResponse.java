package com.connectopsreview.shared.model;

/** What the report generator answers: where report.html and report.json were stored. */
public record ReportResponse(String reviewId, String html, String json, int findingCount) {

  public ReportRef ref() {
    return new ReportRef(html, json);
  }
}
