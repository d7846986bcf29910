package com.connectopsreview.metrics;

import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.TimeWindow;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Shared test data: the instance of the metrics request fixture, a 14-day window ending at NOW. */
final class Fixtures {

  static final String INSTANCE_ARN =
      "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555";
  static final String INSTANCE_ID = "11111111-2222-3333-4444-555555555555";
  static final InstanceRef INSTANCE = InstanceRef.parse(INSTANCE_ARN);
  static final String REVIEW_ID = "20261123T090000Z-abcdef";
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final Instant START = Instant.parse("2026-11-09T09:00:00Z");

  private Fixtures() {}

  static AnalyzerRequest request(Instant deadline) {
    return new AnalyzerRequest(REVIEW_ID, "metrics", INSTANCE, new TimeWindow(START, NOW), deadline, Map.of());
  }

  static Finding only(List<Finding> findings, String checkId) {
    List<Finding> matching = findings.stream().filter(f -> f.checkId().equals(checkId)).toList();
    if (matching.size() != 1) {
      throw new AssertionError("expected exactly one " + checkId + " finding, got " + matching.size()
          + " in " + checkIds(findings));
    }
    return matching.get(0);
  }

  static List<String> checkIds(List<Finding> findings) {
    return findings.stream().map(Finding::checkId).toList();
  }
}
