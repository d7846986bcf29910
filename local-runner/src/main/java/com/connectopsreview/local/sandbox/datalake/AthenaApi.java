package com.connectopsreview.local.sandbox.datalake;

import static com.connectopsreview.local.sandbox.server.Payload.object;

import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.Workgroup;
import com.connectopsreview.local.sandbox.server.ApiError;
import com.connectopsreview.local.sandbox.server.AwsService;
import com.connectopsreview.local.sandbox.server.Call;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.local.sandbox.server.Pager;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter.Limit;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Amazon Athena over JSON 1.1 ({@code AmazonAthena.*}), as the SDK 2.40.2 AthenaClient calls it:
 * GetWorkGroup, and the query executions of the KPI queries ({@link AthenaEngine}), with their
 * lifecycle ({@link QueryExecution}) and paged results (header row first, as Athena answers a SELECT).
 */
final class AthenaApi {

  static final AwsService ATHENA = AwsService.awsJson("Athena", "athena", "athena", "AmazonAthena",
      new AwsService.Errors("ThrottlingException", 400, operation -> "Rate exceeded", "InternalServerException",
          "We encountered an internal error. Please try again.", "ResourceNotFoundException", 400,
          "InvalidRequestException", "InvalidRequestException"),
      scenario -> "arn:" + Scenario.PARTITION + ":athena:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID
          + ":workgroup/" + DataLakeDomain.WORKGROUP);

  /**
   * Athena's documented per-account API call quotas: StartQueryExecution and StopQueryExecution 20 calls
   * a second (burst 80), GetQueryExecution and GetQueryResults 100 (burst 200). GetWorkGroup is not in
   * that table: 5 a second, burst 10, is the sandbox's assumption (the lowest rate the table lists).
   */
  static final Limit START_STOP = new Limit(20, 80);
  static final Limit GET_EXECUTION_RESULTS = new Limit(100, 200);
  static final Limit GET_WORK_GROUP = new Limit(5, 10);

  /** GetQueryResults: MaxResults 1 to 1,000 (the default). */
  static final int MAX_RESULTS = 1_000;
  /** The active (queued or running) DML queries the account may have: the quota varies by Region; an assumption. */
  static final int ACTIVE_QUERIES = 25;
  static final int MAX_QUERY_LENGTH = 262_144;

  private final DataLakeDomain lake;
  private final Pager pager;
  private final AthenaEngine engine;
  private final Map<String, QueryExecution> executions = new ConcurrentHashMap<>();
  private final Map<String, String> byToken = new ConcurrentHashMap<>();

  AthenaApi(DataLakeDomain lake, Pager pager) {
    this.lake = lake;
    this.pager = pager;
    this.engine = new AthenaEngine(lake);
  }

  void register(OperationRegistry r) {
    r.rpc(ATHENA, "GetWorkGroup", GET_WORK_GROUP, this::getWorkGroup);
    r.rpc(ATHENA, "StartQueryExecution", START_STOP, this::startQueryExecution);
    r.rpc(ATHENA, "GetQueryExecution", GET_EXECUTION_RESULTS, this::getQueryExecution);
    r.rpc(ATHENA, "GetQueryResults", GET_EXECUTION_RESULTS, this::getQueryResults);
    r.rpc(ATHENA, "StopQueryExecution", START_STOP, this::stopQueryExecution);
  }

  private JsonNode getWorkGroup(Call call) {
    Workgroup w = workgroup(call, Requests.required(call, "WorkGroup"));
    return object("WorkGroup", object(
        "Name", w.name(),
        "State", w.state(),
        "Configuration", object(
            "ResultConfiguration", resultConfiguration(w, null),
            "EnforceWorkGroupConfiguration", w.enforceWorkGroupConfiguration(),
            "PublishCloudWatchMetricsEnabled", true,
            "RequesterPaysEnabled", false,
            "EngineVersion", engineVersion(),
            "EnableMinimumEncryptionConfiguration", false),
        "Description", "Connect Ops Review queries of the Amazon Connect analytics data lake",
        "CreationTime", w.created()));
  }

  private JsonNode startQueryExecution(Call call) {
    String query = Requests.required(call, "QueryString");
    if (query.length() > MAX_QUERY_LENGTH) {
      throw call.service().invalidParameter("1 validation error detected: Value at 'queryString' failed to satisfy "
          + "constraint: Member must have length less than or equal to " + MAX_QUERY_LENGTH);
    }
    Workgroup w = workgroup(call, call.string("WorkGroup") == null ? DataLakeDomain.WORKGROUP : call.string("WorkGroup"));
    List<String> parameters = call.strings("ExecutionParameters");
    if (parameters.stream().anyMatch(String::isEmpty)) {
      throw call.service().invalidParameter("1 validation error detected: Value at 'executionParameters' failed to "
          + "satisfy constraint: Member must satisfy constraint: [Member must have length greater than or equal to 1]");
    }
    JsonNode context = call.input().path("QueryExecutionContext");
    String database = context.hasNonNull("Database") ? context.get("Database").asText() : null;
    String catalog = context.hasNonNull("Catalog") ? context.get("Catalog").asText() : "AwsDataCatalog";
    String token = call.string("ClientRequestToken");
    String fingerprint = query + "\u0000" + w.name() + "\u0000" + database + "\u0000" + parameters;
    if (token != null) {
      String earlier = byToken.get(token);
      if (earlier != null) {
        if (!executions.get(earlier).fingerprint().equals(fingerprint)) {
          throw call.service().invalidParameter("Idempotent parameters do not match");
        }
        return object("QueryExecutionId", earlier);
      }
    }
    if (executions.values().stream().filter(QueryExecution::active).count() >= ACTIVE_QUERIES) {
      throw new ApiError("TooManyRequestsException", 400, "You have exceeded the limit for the number of queries you "
          + "can run concurrently. Reduce the number of concurrent queries submitted by this account. Contact "
          + "customer support to request a concurrent query limit increase.");
    }
    String id = UUID.randomUUID().toString();
    AthenaEngine.Outcome outcome = engine.run(query, database, parameters, call.options().athenaQueryFaults());
    executions.put(id, new QueryExecution(id, query, w.name(), database, catalog, parameters, fingerprint, outcome));
    if (token != null) {
      byToken.putIfAbsent(token, id);
    }
    return object("QueryExecutionId", id);
  }

  private JsonNode getQueryExecution(Call call) {
    QueryExecution e = execution(call);
    QueryExecution.Snapshot s = e.poll();
    Workgroup w = lake.workgroup();
    return object("QueryExecution", object(
        "QueryExecutionId", e.id(),
        "Query", e.query(),
        "StatementType", "DML",
        "SubstatementType", "SELECT",
        "ResultConfiguration", resultConfiguration(w, e.id()),
        "ResultReuseConfiguration", object("ResultReuseByAgeConfiguration", object("Enabled", false)),
        "QueryExecutionContext", object("Database", e.database(), "Catalog", e.catalog()),
        "Status", object(
            "State", s.state(),
            "StateChangeReason", s.failure() == null ? null : s.failure().getMessage(),
            "SubmissionDateTime", e.submitted(),
            "CompletionDateTime", s.completed(),
            "AthenaError", s.failure() == null ? null : object(
                "ErrorCategory", s.failure().category(),
                "ErrorType", s.failure().type(),
                "Retryable", s.failure().retryable(),
                "ErrorMessage", s.failure().getMessage())),
        "Statistics", statistics(s),
        "WorkGroup", e.workgroup(),
        "EngineVersion", engineVersion(),
        "ExecutionParameters", e.parameters().isEmpty() ? null : e.parameters()));
  }

  private static JsonNode statistics(QueryExecution.Snapshot s) {
    if (s.completed() == null) {
      return s.state().equals("QUEUED") ? null : object("QueryQueueTimeInMillis", QueryExecution.QUEUE_MILLIS);
    }
    long engine = s.engineMillis();
    return object(
        "EngineExecutionTimeInMillis", engine,
        "DataScannedInBytes", s.scannedBytes(),
        "TotalExecutionTimeInMillis", engine + QueryExecution.QUEUE_MILLIS + QueryExecution.SERVICE_MILLIS,
        "QueryQueueTimeInMillis", QueryExecution.QUEUE_MILLIS,
        "ServicePreProcessingTimeInMillis", QueryExecution.SERVICE_MILLIS / 2,
        "QueryPlanningTimeInMillis", Math.min(engine, 60L),
        "ServiceProcessingTimeInMillis", QueryExecution.SERVICE_MILLIS / 2,
        "ResultReuseInformation", object("ReusedPreviousResult", false));
  }

  private JsonNode getQueryResults(Call call) {
    QueryExecution e = execution(call);
    String state = e.state();
    if (!state.equals("SUCCEEDED")) {
      throw call.service().invalidParameter(state.equals("QUEUED") || state.equals("RUNNING")
          ? "Query has not yet finished. Current state: " + state
          : "Query did not finish successfully. Final query state: " + state);
    }
    Integer max = call.integer("MaxResults");
    int size = max == null ? MAX_RESULTS : max;
    if (size < 1 || size > MAX_RESULTS) {
      throw call.service().invalidParameter("1 validation error detected: Value '" + size + "' at 'maxResults' failed "
          + "to satisfy constraint: Member must have value " + (size < 1 ? "greater than or equal to 1"
              : "less than or equal to " + MAX_RESULTS));
    }
    KpiQueries.Result result = e.outcome().result();
    // Row 0 is the header: the column names, on the first page only.
    int total = result.rows().size() + 1;
    String token = call.string("NextToken");
    int offset = token == null ? 0 : Math.toIntExact(pager.offset(call, e.id(), token));
    int until = Math.min(total, offset + size);
    List<JsonNode> rows = new ArrayList<>();
    for (int i = offset; i < until; i++) {
      List<String> values = i == 0 ? result.columns().stream().map(KpiQueries.ResultColumn::name).toList()
          : result.rows().get(i - 1);
      rows.add(object("Data", values.stream().map(v -> v == null ? object() : object("VarCharValue", v)).toList()));
    }
    return object(
        "UpdateCount", 0L,
        "ResultSet", object(
            "Rows", rows,
            "ResultSetMetadata", object("ColumnInfo", result.columns().stream().map(AthenaApi::columnInfo).toList())),
        "NextToken", until < total ? pager.token(call, e.id(), until) : null);
  }

  private static JsonNode columnInfo(KpiQueries.ResultColumn c) {
    boolean text = c.type().equals("varchar");
    return object("CatalogName", "hive", "SchemaName", "", "TableName", "", "Name", c.name(), "Label", c.name(),
        "Type", c.type(), "Precision", text ? Integer.MAX_VALUE : 19, "Scale", 0, "Nullable", "UNKNOWN",
        "CaseSensitive", text);
  }

  private JsonNode stopQueryExecution(Call call) {
    execution(call).stop();
    return object();
  }

  private QueryExecution execution(Call call) {
    String id = Requests.required(call, "QueryExecutionId");
    QueryExecution e = executions.get(id);
    if (e == null) {
      throw call.service().invalidParameter("QueryExecution " + id + " was not found");
    }
    return e;
  }

  private Workgroup workgroup(Call call, String name) {
    Workgroup w = lake.workgroup();
    if (!w.name().equals(name)) {
      throw call.service().invalidParameter("WorkGroup " + name + " is not found.");
    }
    return w;
  }

  /** The workgroup enforces its configuration: every query's results go under its location, SSE_S3. */
  private static JsonNode resultConfiguration(Workgroup w, String executionId) {
    return object("OutputLocation", executionId == null ? w.outputLocation() : w.outputLocation() + executionId + ".csv",
        "EncryptionConfiguration", object("EncryptionOption", w.encryptionOption()));
  }

  private static JsonNode engineVersion() {
    return object("SelectedEngineVersion", "AUTO", "EffectiveEngineVersion", "Athena engine version 3");
  }
}
