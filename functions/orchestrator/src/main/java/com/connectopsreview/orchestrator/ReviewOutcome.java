package com.connectopsreview.orchestrator;

import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.ReportRef;
import com.connectopsreview.shared.model.ReviewStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The orchestrator's answer: {@code {reviewId, status, components{name: status}, report, errors}}.
 *
 * @param errors reason per component that did not end OK, plus {@code report} if rendering failed
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ReviewOutcome(
    String reviewId,
    ReviewStatus status,
    Map<String, ComponentStatus> components,
    ReportRef report,
    Map<String, String> errors) {}
