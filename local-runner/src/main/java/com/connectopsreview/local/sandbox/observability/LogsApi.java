package com.connectopsreview.local.sandbox.observability;

import static com.connectopsreview.local.sandbox.server.Payload.object;

import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.observability.InsightsQuery.Event;
import com.connectopsreview.local.sandbox.observability.InsightsQuery.MalformedQueryException;
import com.connectopsreview.local.sandbox.observability.ObservabilityDomain.LogGroup;
import com.connectopsreview.local.sandbox.server.ApiError;
import com.connectopsreview.local.sandbox.server.AwsService;
import com.connectopsreview.local.sandbox.server.Call;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.local.sandbox.server.Pager;
import com.connectopsreview.local.sandbox.server.Pager.Page;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter.Limit;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * CloudWatch Logs over JSON 1.1 ({@code X-Amz-Target: Logs_20140328.*}), as the SDK 2.40.2
 * CloudWatchLogsClient calls it: DescribeLogGroups (prefix, 1 to 50 a page, nextToken), and Logs
 * Insights' StartQuery, GetQueryResults and StopQuery over the scenario's flow-log events through
 * {@link InsightsQuery}. A query is evaluated when it starts (a query that does not parse is
 * MalformedQueryException there, as in CloudWatch); its first poll answers Running, the next
 * Complete with the rows and statistics.
 */
final class LogsApi {

  static final AwsService LOGS = AwsService.awsJson("CloudWatchLogs", "logs", "logs", "Logs_20140328",
      new AwsService.Errors("ThrottlingException", 400, operation -> "Rate exceeded",
          "ServiceUnavailableException", "The service cannot complete the request.", "ResourceNotFoundException", 400,
          "InvalidParameterException", "InvalidParameterException"),
      scenario -> "arn:" + Scenario.PARTITION + ":logs:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID
          + ":log-group::log-stream:");

  /** No per-API rate was found in the documentation available offline: 5/s, the lowest Logs API rate we know. */
  static final Limit DEFAULT = new Limit(5, 5);

  /** DescribeLogGroups: 1 to 50 groups a page, 50 when limit is absent. */
  static final int GROUPS_PAGE = 50;
  /** StartQuery: at most 50 log groups; limit 1 to 10,000 rows. */
  static final int MAX_GROUPS = 50;
  static final int RESULT_CAP = 10_000;
  /** Concurrent Logs Insights queries per account and Region (the StartQuery API reference). */
  static final int CONCURRENT_QUERIES = 30;
  /** Polls that answer Running before Complete. */
  static final int RUNNING_POLLS = 1;
  /** A query never polled again counts as running this long. */
  private static final long RUNNING_NANOS = 60_000_000_000L;

  /** One started query. */
  private static final class Query {
    final InsightsQuery.Output output;
    final long scanned;
    final long bytes;
    final long startedNanos = System.nanoTime();
    int polls;
    String status = "Running";

    Query(InsightsQuery.Output output, long scanned, long bytes) {
      this.output = output;
      this.scanned = scanned;
      this.bytes = bytes;
    }

    synchronized boolean running() {
      return status.equals("Running") && System.nanoTime() - startedNanos < RUNNING_NANOS;
    }
  }

  private final ObservabilityDomain domain;
  private final Pager pager;
  private final Map<String, Query> queries = new ConcurrentHashMap<>();

  LogsApi(ObservabilityDomain domain, Pager pager) {
    this.domain = domain;
    this.pager = pager;
  }

  void register(OperationRegistry r) {
    r.rpc(LOGS, "DescribeLogGroups", DEFAULT, this::describeLogGroups);
    r.rpc(LOGS, "StartQuery", DEFAULT, this::startQuery);
    r.rpc(LOGS, "GetQueryResults", DEFAULT, this::getQueryResults);
    r.rpc(LOGS, "StopQuery", DEFAULT, this::stopQuery);
  }

  private JsonNode describeLogGroups(Call call) {
    String prefix = call.string("logGroupNamePrefix");
    String pattern = call.string("logGroupNamePattern");
    if (prefix != null && pattern != null) {
      throw call.service().invalidParameter("LogGroup name prefix and LogGroup name pattern are mutually exclusive");
    }
    List<LogGroup> groups = domain.logGroups();
    Page page = pager.page(call, prefix + ";" + pattern, groups.size(), i -> matches(groups.get(i).name(), prefix,
        pattern), call.integer("limit"), "limit", call.string("nextToken"), GROUPS_PAGE, GROUPS_PAGE);
    return object(
        "logGroups", page.indexes().stream().map(groups::get).map(LogsApi::describe).toList(),
        "nextToken", page.nextToken());
  }

  private static boolean matches(String name, String prefix, String pattern) {
    return (prefix == null || name.startsWith(prefix))
        && (pattern == null || name.toLowerCase(Locale.ROOT).contains(pattern.toLowerCase(Locale.ROOT)));
  }

  private static JsonNode describe(LogGroup g) {
    return object(
        "logGroupName", g.name(),
        "creationTime", g.created().toEpochMilli(),
        "retentionInDays", g.retentionInDays(),
        "metricFilterCount", 0,
        "arn", g.arn() + ":*",
        "storedBytes", g.storedBytes(),
        "logGroupClass", "STANDARD",
        "logGroupArn", g.arn());
  }

  private JsonNode startQuery(Call call) {
    List<String> names = groups(call);
    Long start = longMember(call, "startTime");
    Long end = longMember(call, "endTime");
    String queryString = call.string("queryString");
    if (queryString == null || queryString.isBlank()) {
      throw call.service().invalidParameter("1 validation error detected: Value null at 'queryString' failed to "
          + "satisfy constraint: Member must not be null");
    }
    if (end < start) {
      throw call.service().invalidParameter("End time should not be before the start time");
    }
    Integer limit = call.integer("limit");
    if (limit != null && (limit < 1 || limit > RESULT_CAP)) {
      throw call.service().invalidParameter("1 validation error detected: Value '" + limit + "' at 'limit' failed to "
          + "satisfy constraint: Member must have value between 1 and " + RESULT_CAP);
    }
    for (String name : names) {
      if (domain.logGroup(name).isEmpty()) {
        throw call.service().notFound("Log group '" + name + "' does not exist for account ID '" + Scenario.ACCOUNT_ID
            + "'");
      }
    }
    InsightsQuery query;
    try {
      query = InsightsQuery.parse(queryString);
    } catch (MalformedQueryException e) {
      throw new ApiError("MalformedQueryException", 400, "Query string could not be parsed: " + e.getMessage());
    }
    if (queries.values().stream().filter(Query::running).count() >= CONCURRENT_QUERIES) {
      throw new ApiError("LimitExceededException", 400, "Account maximum query concurrency limit of ["
          + CONCURRENT_QUERIES + "] reached.");
    }
    List<Event> events = new ArrayList<>();
    long bytes = 0;
    for (ObservabilityDomain.LogEvent e : domain.events()) {
      long second = e.timestamp().getEpochSecond();
      if (names.contains(e.logGroup()) && second >= start && second <= end) {
        events.add(new Event(e.timestamp(), e.fields()));
        bytes += e.message().getBytes(StandardCharsets.UTF_8).length;
      }
    }
    String id = UUID.randomUUID().toString();
    queries.put(id, new Query(query.run(events, limit == null ? RESULT_CAP : limit), events.size(), bytes));
    return object("queryId", id);
  }

  /** Exactly one of logGroupName, logGroupNames, logGroupIdentifiers; identifiers may be ARNs. */
  private static List<String> groups(Call call) {
    String one = call.string("logGroupName");
    List<String> names = call.strings("logGroupNames");
    List<String> identifiers = call.strings("logGroupIdentifiers");
    int given = (one != null ? 1 : 0) + (names.isEmpty() ? 0 : 1) + (identifiers.isEmpty() ? 0 : 1);
    if (given != 1) {
      throw call.service().invalidParameter("A StartQuery operation must include exactly one of the following "
          + "parameters: logGroupName, logGroupNames, or logGroupIdentifiers");
    }
    List<String> groups = one != null ? List.of(one) : !names.isEmpty() ? names
        : identifiers.stream().map(LogsApi::nameOf).toList();
    if (groups.size() > MAX_GROUPS) {
      throw call.service().invalidParameter("A query can include up to " + MAX_GROUPS + " log groups");
    }
    return groups;
  }

  private static String nameOf(String identifier) {
    int marker = identifier.indexOf(":log-group:");
    if (marker < 0) {
      return identifier;
    }
    String name = identifier.substring(marker + ":log-group:".length());
    return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
  }

  private static Long longMember(Call call, String member) {
    JsonNode value = call.input().get(member);
    if (value == null || !value.canConvertToLong()) {
      throw call.service().invalidParameter("1 validation error detected: Value null at '" + member + "' failed to "
          + "satisfy constraint: Member must not be null");
    }
    return value.asLong();
  }

  private JsonNode getQueryResults(Call call) {
    Query query = query(call);
    String status;
    synchronized (query) {
      if (query.status.equals("Running") && ++query.polls > RUNNING_POLLS) {
        query.status = "Complete";
      }
      status = query.status;
    }
    boolean complete = status.equals("Complete");
    return object(
        "queryLanguage", "CWLI",
        "results", complete ? query.output.rows().stream().map(row -> row.entrySet().stream()
            .map(f -> object("field", f.getKey(), "value", f.getValue())).toList()).toList() : List.of(),
        "statistics", object(
            "recordsMatched", complete ? (double) query.output.matched() : 0.0,
            "recordsScanned", complete ? (double) query.scanned : 0.0,
            "estimatedRecordsSkipped", 0.0,
            "bytesScanned", complete ? (double) query.bytes : 0.0,
            "estimatedBytesSkipped", 0.0,
            "logGroupsScanned", 1.0),
        "status", status);
  }

  private JsonNode stopQuery(Call call) {
    Query query = query(call);
    synchronized (query) {
      boolean running = query.status.equals("Running");
      if (running) {
        query.status = "Cancelled";
      }
      return object("success", running);
    }
  }

  private Query query(Call call) {
    String id = call.string("queryId");
    if (id == null) {
      throw call.service().invalidParameter("1 validation error detected: Value null at 'queryId' failed to satisfy "
          + "constraint: Member must not be null");
    }
    Query query = queries.get(id);
    if (query == null) {
      throw call.service().notFound("Query does not exist: " + id);
    }
    return query;
  }
}
