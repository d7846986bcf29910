package com.connectopsreview.quota;

import com.connectopsreview.shared.sections.QuotaSection.DailyPoint;
import com.connectopsreview.shared.time.TimeBudget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * Reads daily series of {@code AWS/Connect} metrics with {@code GetMetricData}: all queries in one
 * request (up to 500, MetricStat only), following NextToken, timestamps ascending.
 */
final class MetricReader {

  static final String NAMESPACE = "AWS/Connect";
  static final int DAY_SECONDS = 86_400;
  /** GetMetricData's limit of queries per request. */
  static final int MAX_QUERIES = 500;

  /**
   * One series to read.
   *
   * @param id GetMetricData query id: lower-case start, letters, digits and underscores
   */
  record Query(String id, String metricName, String metricGroup, String stat) {}

  /** A series that CloudWatch could not deliver completely, e.g. StatusCode InternalError. */
  record Failure(String id, String reason) {}

  /** The series per query id (empty when no datapoints) and the queries that failed. */
  record Series(Map<String, List<DailyPoint>> byId, List<Failure> failures) {}

  private final CloudWatchClient cloudWatch;
  private final String instanceId;
  private final TimeBudget budget;

  MetricReader(CloudWatchClient cloudWatch, String instanceId, TimeBudget budget) {
    this.cloudWatch = cloudWatch;
    this.instanceId = instanceId;
    this.budget = budget;
  }

  /** Daily values of every query between start and end, oldest first, merged across pages. */
  Series daily(List<Query> queries, Instant start, Instant end) {
    Map<String, TreeMap<Instant, Double>> values = new LinkedHashMap<>();
    Map<String, String> failed = new LinkedHashMap<>();
    for (int from = 0; from < queries.size(); from += MAX_QUERIES) {
      List<Query> batch = queries.subList(from, Math.min(queries.size(), from + MAX_QUERIES));
      batch.forEach(q -> values.put(q.id(), new TreeMap<>()));
      List<MetricDataQuery> dataQueries = batch.stream().map(this::toDataQuery).toList();
      String token = null;
      do {
        budget.check("CloudWatch GetMetricData");
        GetMetricDataResponse page = cloudWatch.getMetricData(GetMetricDataRequest.builder()
            .metricDataQueries(dataQueries).startTime(start).endTime(end)
            .scanBy(ScanBy.TIMESTAMP_ASCENDING).nextToken(token).build());
        for (MetricDataResult result : page.metricDataResults()) {
          TreeMap<Instant, Double> series = values.get(result.id());
          if (series == null) {
            continue; // an id we did not ask for
          }
          int n = Math.min(result.timestamps().size(), result.values().size());
          for (int i = 0; i < n; i++) {
            series.put(result.timestamps().get(i), result.values().get(i));
          }
          if (result.statusCode() == StatusCode.INTERNAL_ERROR || result.statusCode() == StatusCode.FORBIDDEN) {
            failed.put(result.id(), "GetMetricData status " + result.statusCodeAsString()
                + (result.messages().isEmpty() ? "" : ": " + result.messages().get(0).value()));
          }
        }
        token = page.nextToken();
      } while (token != null && !token.isEmpty());
    }
    Map<String, List<DailyPoint>> byId = new LinkedHashMap<>();
    values.forEach((id, series) -> {
      List<DailyPoint> points = new ArrayList<>();
      series.forEach((t, v) -> points.add(new DailyPoint(t, Numbers.exact(v))));
      byId.put(id, List.copyOf(points));
    });
    List<Failure> failures = new ArrayList<>();
    failed.forEach((id, reason) -> failures.add(new Failure(id, reason)));
    return new Series(byId, failures);
  }

  private MetricDataQuery toDataQuery(Query q) {
    return MetricDataQuery.builder()
        .id(q.id())
        .returnData(true)
        .metricStat(s -> s
            .metric(m -> m.namespace(NAMESPACE).metricName(q.metricName()).dimensions(
                Dimension.builder().name("InstanceId").value(instanceId).build(),
                Dimension.builder().name("MetricGroup").value(q.metricGroup()).build()))
            .period(DAY_SECONDS)
            .stat(q.stat()))
        .build();
  }
}
