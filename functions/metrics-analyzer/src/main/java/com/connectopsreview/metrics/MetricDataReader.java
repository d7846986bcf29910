package com.connectopsreview.metrics;

import com.connectopsreview.shared.time.TimeBudget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * Reads many {@code AWS/Connect} series with as few {@code GetMetricData} calls as possible: up to
 * {@value #MAX_QUERIES_PER_CALL} MetricStat queries per request (no expressions), timestamps
 * ascending, NextToken followed until the last page; a series split across pages is merged.
 */
final class MetricDataReader {

  private static final Logger LOG = LoggerFactory.getLogger(MetricDataReader.class);

  static final String NAMESPACE = "AWS/Connect";
  /** GetMetricData's limit of queries per request. */
  static final int MAX_QUERIES_PER_CALL = 500;

  /**
   * One series.
   *
   * @param id GetMetricData query id: lower-case start, letters, digits and underscores
   * @param dimensions name to value, in the order they are sent
   */
  record Query(String id, String metricName, Map<String, String> dimensions, int period, String stat) {}

  /**
   * What was read.
   *
   * @param series every query's datapoints (possibly empty), oldest first
   * @param incomplete query id to the reason its series is not complete (error status, pagination
   *     stopped early)
   * @param calls GetMetricData requests sent
   */
  record Result(Map<String, List<MetricPoint>> series, Map<String, String> incomplete, int calls) {}

  private final CloudWatchClient cloudWatch;
  private final TimeBudget budget;

  MetricDataReader(CloudWatchClient cloudWatch, TimeBudget budget) {
    this.cloudWatch = cloudWatch;
    this.budget = budget;
  }

  /**
   * Every query's series between {@code start} and {@code end}.
   *
   * @throws SdkException or {@link TimeBudget.BudgetExceededException} when not even the first
   *     request succeeds (nothing was read); later failures leave the series concerned incomplete
   */
  Result read(List<Query> queries, Instant start, Instant end) {
    Map<String, TreeMap<Instant, MetricPoint>> values = new LinkedHashMap<>();
    Map<String, StatusCode> lastStatus = new LinkedHashMap<>();
    Map<String, String> incomplete = new LinkedHashMap<>();
    queries.forEach(q -> values.put(q.id(), new TreeMap<>()));
    int calls = 0;
    String stoppedBy = null;
    for (int from = 0; from < queries.size() && stoppedBy == null; from += MAX_QUERIES_PER_CALL) {
      List<Query> batch = queries.subList(from, Math.min(queries.size(), from + MAX_QUERIES_PER_CALL));
      List<MetricDataQuery> dataQueries = batch.stream().map(MetricDataReader::toDataQuery).toList();
      String token = null;
      try {
        do {
          budget.check("CloudWatch GetMetricData");
          GetMetricDataResponse page = cloudWatch.getMetricData(GetMetricDataRequest.builder()
              .metricDataQueries(dataQueries).startTime(start).endTime(end)
              .scanBy(ScanBy.TIMESTAMP_ASCENDING).nextToken(token).build());
          calls++;
          for (MetricDataResult result : page.metricDataResults()) {
            TreeMap<Instant, MetricPoint> series = values.get(result.id());
            if (series == null) {
              continue; // not one of ours
            }
            int n = Math.min(result.timestamps().size(), result.values().size());
            for (int i = 0; i < n; i++) {
              Instant t = result.timestamps().get(i);
              series.put(t, new MetricPoint(t, MetricPoint.exact(result.values().get(i))));
            }
            lastStatus.put(result.id(), result.statusCode());
            if (result.statusCode() == StatusCode.FORBIDDEN || result.statusCode() == StatusCode.INTERNAL_ERROR) {
              incomplete.putIfAbsent(result.id(), "GetMetricData status " + result.statusCodeAsString()
                  + (result.messages().isEmpty() ? "" : ": " + result.messages().get(0).value()));
            }
          }
          token = page.nextToken();
        } while (token != null && !token.isEmpty());
      } catch (SdkException | TimeBudget.BudgetExceededException e) {
        if (calls == 0) {
          throw e;
        }
        stoppedBy = AwsErrors.reason(e);
        LOG.warn("GetMetricData stopped after {} calls: {}", calls, stoppedBy);
      }
    }
    for (Query q : queries) {
      StatusCode status = lastStatus.get(q.id());
      if (stoppedBy != null && status != StatusCode.COMPLETE) {
        incomplete.putIfAbsent(q.id(), "GetMetricData stopped before this series was complete: " + stoppedBy);
      } else if (status == null) {
        incomplete.putIfAbsent(q.id(), "GetMetricData did not answer for this query");
      } else if (status != StatusCode.COMPLETE) {
        incomplete.putIfAbsent(q.id(), "GetMetricData status " + status + " on the last page");
      }
    }
    Map<String, List<MetricPoint>> series = new LinkedHashMap<>();
    values.forEach((id, points) -> series.put(id, List.copyOf(points.values())));
    return new Result(series, incomplete, calls);
  }

  private static MetricDataQuery toDataQuery(Query q) {
    List<Dimension> dimensions = new ArrayList<>();
    q.dimensions().forEach((name, value) -> dimensions.add(Dimension.builder().name(name).value(value).build()));
    return MetricDataQuery.builder()
        .id(q.id())
        .returnData(true)
        .metricStat(s -> s
            .metric(m -> m.namespace(NAMESPACE).metricName(q.metricName()).dimensions(dimensions))
            .period(q.period())
            .stat(q.stat()))
        .build();
  }
}
