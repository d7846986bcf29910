package com.connectopsreview.orchestrator;

import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.ReportRef;
import com.connectopsreview.shared.model.ReviewStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The orchestrator's answer: {@code {reviewId, status, components{name: status}, report, reportUrl, errors}}.
 *
 * @param reportUrl where to open report.html: in AWS a presigned HTTPS URL that expires (the bucket
 *     stays private); null elsewhere, where {@code report.html} is a file path
 * @param errors reason per component that did not end OK, plus {@code report} if rendering failed
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ReviewOutcome(
    String reviewId,
    ReviewStatus status,
    Map<String, ComponentStatus> components,
    ReportRef report,
    String reportUrl,
    Map<String, String> errors) {

  public ReviewOutcome(String reviewId, ReviewStatus status, Map<String, ComponentStatus> components, ReportRef report,
      Map<String, String> errors) {
    this(reviewId, status, components, report, null, errors);
  }

  public ReviewOutcome withReportUrl(String url) {
    return new ReviewOutcome(reviewId, status, components, report, url, errors);
  }
}
