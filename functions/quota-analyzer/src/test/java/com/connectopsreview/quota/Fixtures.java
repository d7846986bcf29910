package com.connectopsreview.quota;

import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.TimeWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;
import software.amazon.awssdk.services.servicequotas.model.AccessDeniedException;
import software.amazon.awssdk.services.servicequotas.model.NoSuchResourceException;

/** Shared test data: the instance of the quota request fixture, request and error builders. */
final class Fixtures {

  static final String INSTANCE_ID = "11111111-2222-3333-4444-555555555555";
  static final String INSTANCE_ARN = "arn:aws:connect:us-east-1:123456789012:instance/" + INSTANCE_ID;
  static final InstanceRef INSTANCE = InstanceRef.parse(INSTANCE_ARN);
  static final String REVIEW_ID = "20261123T090000Z-abcdef";
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  /** 14 days ending NOW: midpoint 2026-11-16T09:00Z. */
  static final TimeWindow WINDOW = new TimeWindow(NOW.minusSeconds(14 * 86_400L), NOW);

  private Fixtures() {}

  static AnalyzerRequest request(Instant deadline) {
    return request(deadline, Map.of());
  }

  static AnalyzerRequest request(Instant deadline, Map<String, String> options) {
    return new AnalyzerRequest(REVIEW_ID, "quota", INSTANCE, WINDOW, deadline, options);
  }

  static NoSuchResourceException noSuchResource() {
    return (NoSuchResourceException) NoSuchResourceException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("NoSuchResourceException").serviceName("ServiceQuotas")
            .errorMessage("The request failed because the specified quota does not exist.").build())
        .statusCode(400).build();
  }

  static AccessDeniedException serviceQuotasDenied() {
    return (AccessDeniedException) AccessDeniedException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException").serviceName("ServiceQuotas")
            .errorMessage("not authorized to perform: servicequotas:GetServiceQuota").build())
        .statusCode(400).build();
  }

  static Finding only(List<Finding> findings, String checkId) {
    List<Finding> matching = findings.stream().filter(f -> f.checkId().equals(checkId)).toList();
    if (matching.size() != 1) {
      throw new AssertionError("expected exactly one " + checkId + " but found " + matching.size() + " in "
          + checkIds(findings));
    }
    return matching.get(0);
  }

  static List<String> checkIds(List<Finding> findings) {
    return findings.stream().map(Finding::checkId).toList();
  }

  /**
   * What CloudWatch answers: the given results, and for every other query of the request a Complete
   * result without datapoints (GetMetricData answers each query, also when it has no data).
   */
  static GetMetricDataResponse metricData(GetMetricDataRequest request, List<MetricDataResult> results) {
    List<MetricDataResult> all = new ArrayList<>(results);
    Set<String> answered = new HashSet<>();
    results.forEach(r -> answered.add(r.id()));
    for (MetricDataQuery query : request.metricDataQueries()) {
      if (!answered.contains(query.id())) {
        all.add(MetricDataResult.builder().id(query.id()).statusCode(StatusCode.COMPLETE).build());
      }
    }
    return GetMetricDataResponse.builder().metricDataResults(all).build();
  }
}
