package com.connectopsreview.local.sandbox.capacity;

import static com.connectopsreview.local.sandbox.server.Payload.object;

import com.connectopsreview.local.sandbox.capacity.MetricSeries.Metric;
import com.connectopsreview.local.sandbox.capacity.MetricSeries.Series;
import com.connectopsreview.local.sandbox.server.ApiError;
import com.connectopsreview.local.sandbox.server.AwsService;
import com.connectopsreview.local.sandbox.server.Call;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.local.sandbox.server.Pager;
import com.connectopsreview.local.sandbox.server.Pager.Page;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter.Limit;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudWatch over the query protocol (form POST, XML answers), as the SDK 2.40.2 CloudWatchClient
 * calls it: GetMetricData with MetricStat queries over the scenario's {@link MetricSeries}, and
 * ListMetrics. Statistics are computed from the raw 5-minute samples the way CloudWatch does:
 * buckets of {@code Period} seconds from the (rounded) StartTime up to EndTime, a bucket without
 * samples has no datapoint.
 */
public final class CloudWatchApi {

  /** The query protocol: form POST with {@code Action} and {@code Version=2010-08-01}, XML answers. */
  public static final AwsService CLOUDWATCH = AwsService.awsQuery("CloudWatch", "cloudwatch", "monitoring", "2010-08-01",
      new AwsService.Errors("Throttling", 400, operation -> "Rate exceeded", "InternalServiceError",
          "Internal service error.", "ResourceNotFound", 404, "InvalidParameterValue", "InvalidNextToken"),
      scenario -> "*");

  /** Documented CloudWatch defaults: GetMetricData 50 transactions/s, ListMetrics 25/s. */
  static final Limit GET_METRIC_DATA = new Limit(50, 50);
  static final Limit LIST_METRICS = new Limit(25, 25);

  /** GetMetricData: at most 500 queries and 100,800 datapoints per call (the rest via NextToken). */
  static final int MAX_QUERIES = 500;
  static final int MAX_DATAPOINTS = 100_800;
  private static final int LIST_METRICS_PAGE = 500;
  private static final Set<String> STATS = Set.of("Sum", "Average", "Maximum", "Minimum", "SampleCount");
  private static final Pattern MEMBER = Pattern.compile("^(\\d+)\\.(.+)$");
  private static final Pattern QUERY_ID = Pattern.compile("^[a-z][a-zA-Z0-9_]*$");

  private final CapacityDomain capacity;
  private final Pager pager;

  CloudWatchApi(CapacityDomain capacity, Pager pager) {
    this.capacity = capacity;
    this.pager = pager;
  }

  void register(OperationRegistry r) {
    r.query(CLOUDWATCH, "GetMetricData", GET_METRIC_DATA, this::getMetricData);
    r.query(CLOUDWATCH, "ListMetrics", LIST_METRICS, this::listMetrics);
  }

  /** One MetricStat query: its series (empty when nothing is published under that name and dimensions). */
  private record Query(String id, String label, boolean returnData, Optional<Series> series, long period,
      String stat) {}

  private JsonNode getMetricData(Call call) {
    Map<String, String> form = flat(call);
    Instant start = time(call, form, "StartTime");
    Instant end = time(call, form, "EndTime");
    if (!start.isBefore(end)) {
      throw call.service().invalidParameter("The parameter StartTime must be less than the parameter EndTime.");
    }
    String scanBy = form.getOrDefault("ScanBy", "TimestampDescending");
    if (!scanBy.equals("TimestampAscending") && !scanBy.equals("TimestampDescending")) {
      throw call.service().invalidParameter("The parameter ScanBy must be TimestampAscending or TimestampDescending.");
    }
    int maxDatapoints = form.containsKey("MaxDatapoints") ? integer(call, form, "MaxDatapoints") : MAX_DATAPOINTS;
    if (maxDatapoints < 1 || maxDatapoints > MAX_DATAPOINTS) {
      throw call.service().invalidParameter("The parameter MaxDatapoints must be between 1 and " + MAX_DATAPOINTS
          + ".");
    }
    List<Query> queries = queries(call, form);
    long first = alignStart(start, Instant.now());
    long endSecond = end.getEpochSecond();
    boolean ascending = scanBy.equals("TimestampAscending");

    // Which buckets have samples (cheap: no values yet), to lay out the pages.
    List<long[]> buckets = new ArrayList<>();
    Map<Long, long[]> byPeriod = new TreeMap<>();
    long total = 0;
    for (Query q : queries) {
      long[] starts = q.series().isEmpty() ? new long[0]
          : byPeriod.computeIfAbsent(q.period(), p -> bucketsWithSamples(first, endSecond, p)).clone();
      if (!ascending) {
        reverse(starts);
      }
      buckets.add(starts);
      total += starts.length;
    }
    String scope = scope(form);
    String token = form.get("NextToken");
    long offset = token == null || token.isEmpty() ? 0 : pager.offset(call, scope, token);
    if (offset > total) {
      throw call.service().invalidNextToken("The NextToken is not valid for this request.");
    }
    long pageEnd = Math.min(total, offset + maxDatapoints);

    List<JsonNode> results = new ArrayList<>();
    long position = 0;
    for (int qi = 0; qi < queries.size(); qi++) {
      Query q = queries.get(qi);
      long[] starts = buckets.get(qi);
      long from = Math.max(offset, position);
      long to = Math.min(pageEnd, position + starts.length);
      List<Instant> timestamps = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      for (long p = from; p < to; p++) {
        long bucket = starts[(int) (p - position)];
        timestamps.add(Instant.ofEpochSecond(bucket));
        values.add(statistic(q.series().orElseThrow(), bucket, Math.min(bucket + q.period(), endSecond), q.stat()));
      }
      boolean complete = position + starts.length <= pageEnd;
      position += starts.length;
      if (q.returnData()) {
        results.add(object("Id", q.id(), "Label", q.label(), "Timestamps", timestamps, "Values", values,
            "StatusCode", complete ? "Complete" : "PartialData"));
      }
    }
    return object("MetricDataResults", results, "NextToken", pageEnd < total ? pager.token(call, scope, pageEnd) : null,
        "Messages", List.of());
  }

  private List<Query> queries(Call call, Map<String, String> form) {
    Map<Integer, Map<String, String>> members = members(form, "MetricDataQueries.member.");
    if (members.isEmpty()) {
      throw new ApiError("MissingParameter", 400, "The parameter MetricDataQueries is required.");
    }
    if (members.size() > MAX_QUERIES) {
      throw call.service().invalidParameter("The collection MetricDataQueries must not have a size greater than "
          + MAX_QUERIES + " (got " + members.size() + ").");
    }
    Set<String> ids = new HashSet<>();
    List<Query> queries = new ArrayList<>();
    for (Map.Entry<Integer, Map<String, String>> e : members.entrySet()) {
      Map<String, String> m = e.getValue();
      String where = "MetricDataQueries.member." + e.getKey();
      String id = m.get("Id");
      if (id == null || !QUERY_ID.matcher(id).matches()) {
        throw call.service().invalidParameter("The value " + id + " for parameter " + where + ".Id is not valid: "
            + "it must start with a lower-case letter and contain only letters, digits and underscores.");
      }
      if (!ids.add(id)) {
        throw call.service().invalidParameter("The value " + id + " for parameter " + where + ".Id is not unique.");
      }
      if (m.containsKey("Expression")) {
        throw call.service().invalidParameter("The sandbox serves MetricStat queries only; " + where
            + ".Expression is not supported.");
      }
      String namespace = m.get("MetricStat.Metric.Namespace");
      String name = m.get("MetricStat.Metric.MetricName");
      String stat = m.get("MetricStat.Stat");
      String periodText = m.get("MetricStat.Period");
      if (namespace == null || name == null || stat == null || periodText == null) {
        throw new ApiError("MissingParameter", 400, "The parameters " + where + ".MetricStat.Metric.Namespace, "
            + "MetricName, Period and Stat are required.");
      }
      if (!STATS.contains(stat)) {
        throw call.service().invalidParameter("The value " + stat + " for parameter " + where + ".MetricStat.Stat "
            + "is not served by the sandbox (served: Average, Maximum, Minimum, SampleCount, Sum).");
      }
      long period;
      try {
        period = Long.parseLong(periodText);
      } catch (NumberFormatException ex) {
        throw call.service().invalidParameter("The value " + periodText + " for parameter " + where
            + ".MetricStat.Period is not an integer.");
      }
      if (period < 60 || period % 60 != 0) {
        throw call.service().invalidParameter("The parameter " + where + ".MetricStat.Period must be a multiple of "
            + "60 (got " + period + ").");
      }
      Map<String, String> dimensions = new TreeMap<>();
      members(m, "MetricStat.Metric.Dimensions.member.").values()
          .forEach(d -> dimensions.put(d.get("Name"), d.get("Value")));
      Optional<Series> series = MetricSeries.NAMESPACE.equals(namespace)
          ? capacity.metrics().series(name, dimensions) : Optional.empty();
      queries.add(new Query(id, m.getOrDefault("Label", name), !"false".equals(m.get("ReturnData")), series, period,
          stat));
    }
    return queries;
  }

  /** Bucket starts from {@code first} every {@code period} seconds before {@code end} that hold a sample. */
  private long[] bucketsWithSamples(long first, long end, long period) {
    MetricSeries metrics = capacity.metrics();
    List<Long> starts = new ArrayList<>();
    for (long b = first; b < end; b += period) {
      long bucketEnd = Math.min(b + period, end);
      for (long t = ceil(b); t < bucketEnd; t += MetricSeries.RESOLUTION_SECONDS) {
        if (metrics.hasSample(t)) {
          starts.add(b);
          break;
        }
      }
    }
    return starts.stream().mapToLong(Long::longValue).toArray();
  }

  private double statistic(Series series, long from, long to, String stat) {
    double sum = 0;
    double max = Double.NEGATIVE_INFINITY;
    double min = Double.POSITIVE_INFINITY;
    int count = 0;
    for (long t = ceil(from); t < to; t += MetricSeries.RESOLUTION_SECONDS) {
      double v = series.sample(t);
      if (!Double.isNaN(v)) {
        sum += v;
        max = Math.max(max, v);
        min = Math.min(min, v);
        count++;
      }
    }
    return switch (stat) {
      case "Sum" -> sum;
      case "Average" -> sum / count;
      case "Maximum" -> max;
      case "Minimum" -> min;
      default -> count;
    };
  }

  private static long ceil(long t) {
    long r = MetricSeries.RESOLUTION_SECONDS;
    return Math.floorDiv(t + r - 1, r) * r;
  }

  /**
   * CloudWatch's documented rounding of StartTime: to the minute when less than 15 days old, to 5
   * minutes up to 63 days, to the hour beyond.
   */
  static long alignStart(Instant start, Instant now) {
    Duration age = Duration.between(start, now);
    long unit = age.compareTo(Duration.ofDays(15)) < 0 ? 60 : age.compareTo(Duration.ofDays(63)) < 0 ? 300 : 3600;
    return Math.floorDiv(start.getEpochSecond(), unit) * unit;
  }

  private JsonNode listMetrics(Call call) {
    Map<String, String> form = flat(call);
    String namespace = form.get("Namespace");
    String name = form.get("MetricName");
    String recentlyActive = form.get("RecentlyActive");
    if (recentlyActive != null && !recentlyActive.equals("PT3H")) {
      throw call.service().invalidParameter("The parameter RecentlyActive must be PT3H.");
    }
    Map<String, String> wanted = new LinkedHashMap<>();
    for (Map<String, String> d : members(form, "Dimensions.member.").values()) {
      if (d.get("Name") == null) {
        throw new ApiError("MissingParameter", 400, "The parameter Dimensions.member.N.Name is required.");
      }
      wanted.put(d.get("Name"), d.get("Value"));
    }
    List<Metric> metrics = capacity.metrics().metrics();
    boolean namespaceMatches = namespace == null || namespace.equals(MetricSeries.NAMESPACE);
    Page page = pager.page(call, namespace + ";" + name + ";" + wanted, metrics.size(),
        i -> namespaceMatches && matches(metrics.get(i), name, wanted), null, "MaxResults", form.get("NextToken"),
        LIST_METRICS_PAGE, LIST_METRICS_PAGE);
    return object(
        "Metrics", page.indexes().stream().map(metrics::get)
            .map(m -> object("Namespace", MetricSeries.NAMESPACE, "MetricName", m.name(),
                "Dimensions", m.dimensions().entrySet().stream()
                    .map(d -> object("Name", d.getKey(), "Value", d.getValue())).toList()))
            .toList(),
        "NextToken", page.nextToken());
  }

  /** ListMetrics' filter: the name, and every wanted dimension (any value when the filter has none). */
  private static boolean matches(Metric metric, String name, Map<String, String> wanted) {
    if (name != null && !name.equals(metric.name())) {
      return false;
    }
    for (Map.Entry<String, String> w : wanted.entrySet()) {
      String value = metric.dimensions().get(w.getKey());
      if (value == null || (w.getValue() != null && !w.getValue().equals(value))) {
        return false;
      }
    }
    return true;
  }

  // ---- query-protocol parameters ----

  private static Map<String, String> flat(Call call) {
    Map<String, String> form = new TreeMap<>();
    call.input().fields().forEachRemaining(e -> form.put(e.getKey(), e.getValue().asText()));
    return form;
  }

  /** The members of a flattened list ({@code prefix1.rest=value}), by index, each as {@code rest -> value}. */
  static Map<Integer, Map<String, String>> members(Map<String, String> form, String prefix) {
    Map<Integer, Map<String, String>> members = new TreeMap<>();
    form.forEach((key, value) -> {
      if (key.startsWith(prefix)) {
        Matcher m = MEMBER.matcher(key.substring(prefix.length()));
        if (m.matches()) {
          members.computeIfAbsent(Integer.valueOf(m.group(1)), k -> new TreeMap<>()).put(m.group(2), value);
        }
      }
    });
    return members;
  }

  private static Instant time(Call call, Map<String, String> form, String name) {
    String value = form.get(name);
    if (value == null) {
      throw new ApiError("MissingParameter", 400, "The parameter " + name + " is required.");
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw call.service().invalidParameter("The parameter " + name + " must be an ISO 8601 timestamp, got '"
          + value + "'.");
    }
  }

  private static int integer(Call call, Map<String, String> form, String name) {
    try {
      return Integer.parseInt(form.get(name));
    } catch (NumberFormatException e) {
      throw call.service().invalidParameter("The parameter " + name + " must be an integer.");
    }
  }

  /** What a NextToken is bound to: every parameter but the token itself. */
  private static String scope(Map<String, String> form) {
    StringBuilder scope = new StringBuilder();
    form.forEach((k, v) -> {
      if (!k.equals("NextToken") && !k.equals("Action") && !k.equals("Version")) {
        scope.append(k).append('=').append(v).append('&');
      }
    });
    return scope.toString();
  }

  private static void reverse(long[] values) {
    for (int i = 0, j = values.length - 1; i < j; i++, j--) {
      long t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }
}
