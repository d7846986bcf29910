package com.connectopsreview.shared.model;

/**
 * What the report generator answers: where report.html, report.json and findings.csv were stored.
 *
 * @param csv findings.csv's location; null from generators that wrote none
 */
public record ReportResponse(String reviewId, String html, String json, String csv, int findingCount) {

  public ReportResponse(String reviewId, String html, String json, int findingCount) {
    this(reviewId, html, json, null, findingCount);
  }

  public ReportRef ref() {
    return new ReportRef(html, json, csv);
  }
}
