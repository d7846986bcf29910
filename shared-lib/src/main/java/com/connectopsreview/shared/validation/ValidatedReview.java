package com.connectopsreview.shared.validation;

import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.TimeWindow;
import java.util.List;

/**
 * A review request after validation and defaulting: everything the orchestrator needs.
 *
 * @param scheduled true when the request came from the EventBridge schedule
 */
public record ValidatedReview(
    String reviewId, InstanceRef instance, TimeWindow window, List<String> analyzers, boolean scheduled) {

  public ValidatedReview {
    analyzers = List.copyOf(analyzers);
  }
}
