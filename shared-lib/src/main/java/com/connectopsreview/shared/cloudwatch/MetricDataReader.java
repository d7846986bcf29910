package com.connectopsreview.shared.cloudwatch;

import com.connectopsreview.shared.analyzer.Pages;
import com.connectopsreview.shared.aws.AwsErrors;
import com.connectopsreview.shared.time.TimeBudget;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * Reads many {@code AWS/Connect} series with as few CloudWatch {@code GetMetricData} calls as
 * possible: up to {@value #MAX_QUERIES_PER_CALL} MetricStat queries per request (no expressions),
 * timestamps ascending, every page; a series split across pages is merged.
 *
 * <p>A series is complete only when its last page says {@code Complete}. A request that fails after
 * the first one leaves the series it had not finished incomplete (with the reason) instead of losing
 * what was read; when not even the first request succeeds, nothing was read and the error escapes.
 *
 * <p>Needs the {@code cloudwatch} SDK module on the classpath (the analyzers that read metrics have it).
 */
public final class MetricDataReader {

  private static final Logger LOG = LoggerFactory.getLogger(MetricDataReader.class);

  public static final String NAMESPACE = "AWS/Connect";
  /** GetMetricData's limit of queries per request. */
  public static final int MAX_QUERIES_PER_CALL = 500;

  /**
   * One series.
   *
   * @param id GetMetricData query id: lower-case start, letters, digits and underscores
   * @param dimensions name to value, in the order they are sent
   * @param period seconds
   */
  public record Query(String id, String metricName, Map<String, String> dimensions, int period, String stat) {

    public Query {
      dimensions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
    }
  }

  /** One datapoint: the start of its period and the statistic's exact value. */
  public record Datapoint(Instant timestamp, BigDecimal value) {

    public Datapoint {
      Objects.requireNonNull(timestamp, "timestamp");
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * What was read.
   *
   * @param series every query's datapoints (possibly empty), oldest first, in the order of the queries
   * @param incomplete query id to the reason its series is not complete (error status, PartialData on
   *     the last page, no answer, pagination stopped early)
   * @param calls GetMetricData requests sent
   */
  public record Result(Map<String, List<Datapoint>> series, Map<String, String> incomplete, int calls) {}

  private final CloudWatchClient cloudWatch;
  private final TimeBudget budget;

  public MetricDataReader(CloudWatchClient cloudWatch, TimeBudget budget) {
    this.cloudWatch = cloudWatch;
    this.budget = budget;
  }

  /**
   * Every query's series between {@code start} and {@code end}.
   *
   * @throws SdkException or {@link TimeBudget.BudgetExceededException} when not even the first
   *     request succeeds (nothing was read)
   */
  public Result read(List<Query> queries, Instant start, Instant end) {
    Map<String, TreeMap<Instant, Datapoint>> values = new LinkedHashMap<>();
    Map<String, StatusCode> lastStatus = new LinkedHashMap<>();
    Map<String, String> incomplete = new LinkedHashMap<>();
    queries.forEach(q -> values.put(q.id(), new TreeMap<>()));
    int calls = 0;
    String stoppedBy = null;
    for (int from = 0; from < queries.size() && stoppedBy == null; from += MAX_QUERIES_PER_CALL) {
      List<Query> batch = queries.subList(from, Math.min(queries.size(), from + MAX_QUERIES_PER_CALL));
      GetMetricDataRequest request = GetMetricDataRequest.builder()
          .metricDataQueries(batch.stream().map(MetricDataReader::toDataQuery).toList())
          .startTime(start).endTime(end).scanBy(ScanBy.TIMESTAMP_ASCENDING).build();
      try {
        for (GetMetricDataResponse page : Pages.of(budget, "CloudWatch GetMetricData",
            cloudWatch.getMetricDataPaginator(request))) {
          calls++;
          page.metricDataResults().forEach(result -> merge(result, values, lastStatus, incomplete));
        }
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
    Map<String, List<Datapoint>> series = new LinkedHashMap<>();
    values.forEach((id, points) -> series.put(id, List.copyOf(points.values())));
    return new Result(series, incomplete, calls);
  }

  /** The double's shortest decimal form, without trailing zeros and never in exponent form (12.0 → 12). */
  public static BigDecimal exact(double value) {
    BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
    return d.scale() < 0 ? d.setScale(0) : d;
  }

  private static void merge(MetricDataResult result, Map<String, TreeMap<Instant, Datapoint>> values,
      Map<String, StatusCode> lastStatus, Map<String, String> incomplete) {
    TreeMap<Instant, Datapoint> series = values.get(result.id());
    if (series == null) {
      return; // not one of ours
    }
    int n = Math.min(result.timestamps().size(), result.values().size());
    for (int i = 0; i < n; i++) {
      Instant t = result.timestamps().get(i);
      series.put(t, new Datapoint(t, exact(result.values().get(i))));
    }
    lastStatus.put(result.id(), result.statusCode());
    if (result.statusCode() == StatusCode.FORBIDDEN || result.statusCode() == StatusCode.INTERNAL_ERROR) {
      incomplete.putIfAbsent(result.id(), "GetMetricData status " + result.statusCodeAsString()
          + (result.messages().isEmpty() ? "" : ": " + result.messages().get(0).value()));
    }
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
