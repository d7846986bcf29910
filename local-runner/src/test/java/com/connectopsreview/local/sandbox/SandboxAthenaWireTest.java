package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.datalake.DataLakeDomain;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.ColumnInfo;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.InvalidRequestException;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.Row;

/**
 * Athena's query executions through the real AthenaClient (JSON 1.1, {@code AmazonAthena.*}): the
 * analyzer's bound KPI queries started with execution parameters, their lifecycle (QUEUED, RUNNING,
 * SUCCEEDED), paged results with the header row first, the FAILED and SLOW faults, StopQueryExecution,
 * and the failures Athena itself reports (parameter count, unknown table, unreadable link).
 */
@ExtendWith(LoopbackGuardExtension.class)
class SandboxAthenaWireTest {

  private static Sandbox sandbox;
  private static Sandbox faulty;
  private static DataLakeDomain lake;

  @BeforeAll
  static void startSandboxes() {
    sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL));
    faulty = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL)
        .withAthenaQueryFault("contact_volume", AthenaQueryFault.FAILED)
        .withAthenaQueryFault("flow_disconnects", AthenaQueryFault.SLOW));
    lake = DataLakeDomain.of(sandbox.scenario());
  }

  @AfterAll
  static void stopSandboxes() {
    sandbox.close();
    faulty.close();
  }

  private static AthenaClient athena(Sandbox box) {
    return SandboxClients.unlimited(box).aws().client(AthenaClient.class, SandboxClients.REGION, AthenaClient::builder);
  }

  private static Map<String, String> window(Instant from, Instant to) {
    return Map.of("instance_id", KpiSql.string(sandbox.instance().id()), "window_start", KpiSql.timestamp(from),
        "window_end", KpiSql.timestamp(to), "service_level_ms", "20000", "short_abandon_ms", "10000");
  }

  private static Map<String, String> lastWeek() {
    return window(lake.end().minus(Duration.ofDays(7)), lake.end());
  }

  private static String start(AthenaClient athena, KpiSql.Bound query, List<String> parameters) {
    return athena.startQueryExecution(b -> b.queryString(query.text()).workGroup("primary")
        .queryExecutionContext(c -> c.database(DataLakeDomain.CONSUMER_DATABASE).catalog("AwsDataCatalog"))
        .executionParameters(parameters)).queryExecutionId();
  }

  /** Polls GetQueryExecution until the query ends (or {@code polls} run out), every state seen in order. */
  private static List<QueryExecution> poll(AthenaClient athena, String id, int polls) throws InterruptedException {
    List<QueryExecution> seen = new ArrayList<>();
    for (int i = 0; i < polls; i++) {
      QueryExecution e = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();
      seen.add(e);
      if (e.status().state() != QueryExecutionState.QUEUED && e.status().state() != QueryExecutionState.RUNNING) {
        break;
      }
      Thread.sleep(120);
    }
    return seen;
  }

  @Test
  void boundQuery_goesQueuedRunningSucceeded_andReportsItsExecution() throws Exception {
    AthenaClient athena = athena(sandbox);
    KpiSql.Bound query = KpiSql.bind("contact_volume");
    List<String> parameters = query.parameters(lastWeek());

    String id = start(athena, query, parameters);
    List<QueryExecution> seen = poll(athena, id, 50);

    UUID.fromString(id);
    assertEquals(QueryExecutionState.QUEUED, seen.get(0).status().state());
    assertEquals(QueryExecutionState.RUNNING, seen.get(1).status().state());
    QueryExecution done = seen.get(seen.size() - 1);
    assertEquals(QueryExecutionState.SUCCEEDED, done.status().state());
    assertEquals(id, done.queryExecutionId());
    assertEquals(query.text(), done.query());
    assertEquals("DML", done.statementTypeAsString());
    assertEquals("primary", done.workGroup());
    assertEquals(parameters, done.executionParameters());
    assertEquals(DataLakeDomain.CONSUMER_DATABASE, done.queryExecutionContext().database());
    assertEquals("s3://" + DataLakeDomain.RESULTS_BUCKET + "/athena/" + id + ".csv",
        done.resultConfiguration().outputLocation());
    assertNull(done.status().athenaError());
    assertNotNull(done.status().completionDateTime());
    assertTrue(done.statistics().dataScannedInBytes() > 0);
    assertTrue(done.statistics().engineExecutionTimeInMillis() > 0);
    assertTrue(done.statistics().totalExecutionTimeInMillis() >= done.statistics().engineExecutionTimeInMillis());
    // Deterministic: the same query over the same window scans the same bytes.
    String again = start(athena, query, parameters);
    assertEquals(done.statistics().dataScannedInBytes(),
        poll(athena, again, 50).getLast().statistics().dataScannedInBytes());
  }

  @Test
  void getQueryResults_pagesWithNextToken_headerRowFirst() throws Exception {
    AthenaClient athena = athena(sandbox);
    KpiSql.Bound query = KpiSql.bind("queue_kpis");
    String id = start(athena, query, query.parameters(lastWeek()));
    assertEquals(QueryExecutionState.SUCCEEDED, last(poll(athena, id, 50)));

    List<Row> rows = new ArrayList<>();
    List<ColumnInfo> columns = null;
    int pages = 0;
    String token = null;
    do {
      String next = token;
      GetQueryResultsResponse page = athena.getQueryResults(b -> b.queryExecutionId(id).maxResults(20).nextToken(next));
      assertTrue(page.resultSet().rows().size() <= 20);
      columns = page.resultSet().resultSetMetadata().columnInfo();
      rows.addAll(page.resultSet().rows());
      token = page.nextToken();
      pages++;
    } while (token != null);

    List<String> names = List.of("day", "queue_id", "queue_name", "queued", "answered", "answered_in_threshold",
        "abandoned", "short_abandoned", "transferred", "talk_ms", "hold_ms", "acw_ms");
    assertEquals(names, columns.stream().map(ColumnInfo::name).toList());
    assertEquals("varchar", columns.get(0).type());
    assertEquals("bigint", columns.get(3).type());
    assertEquals(names, rows.get(0).data().stream().map(d -> d.varCharValue()).toList(), "the header row");
    assertTrue(pages > 1, "more than one page of 20");
    assertEquals((rows.size() + 19) / 20, pages);
    // Every later row is data: a day, a queue, whole numbers.
    for (Row row : rows.subList(1, rows.size())) {
      assertTrue(row.data().get(0).varCharValue().matches("\\d{4}-\\d{2}-\\d{2}"), row.toString());
      assertTrue(row.data().get(3).varCharValue().matches("\\d+"), row.toString());
    }
    List<Row> onePage = athena.getQueryResults(b -> b.queryExecutionId(id)).resultSet().rows();
    assertEquals(rows, onePage, "the default page (1,000) holds them all");
    assertThrows(InvalidRequestException.class, () -> athena.getQueryResults(b -> b.queryExecutionId(id)
        .maxResults(1001)));
  }

  @Test
  void getQueryResults_beforeTheQueryEnds_isInvalidRequest() {
    AthenaClient athena = athena(sandbox);
    KpiSql.Bound query = KpiSql.bind("queue_kpis");
    String id = start(athena, query, query.parameters(lastWeek()));

    InvalidRequestException early = assertThrows(InvalidRequestException.class,
        () -> athena.getQueryResults(b -> b.queryExecutionId(id)));

    assertEquals("Query has not yet finished. Current state: QUEUED", early.awsErrorDetails().errorMessage());
    assertThrows(InvalidRequestException.class, () -> athena.getQueryExecution(b -> b.queryExecutionId(
        UUID.randomUUID().toString())));
  }

  @Test
  void failedFault_endsFailedWithReasonAndAthenaError() throws Exception {
    AthenaClient athena = athena(faulty);
    KpiSql.Bound query = KpiSql.bind("contact_volume");
    String id = start(athena, query, query.parameters(lastWeek()));

    QueryExecution failed = poll(athena, id, 50).getLast();

    assertEquals(QueryExecutionState.FAILED, failed.status().state());
    assertTrue(failed.status().stateChangeReason().startsWith("HIVE_BAD_DATA: "), failed.status().stateChangeReason());
    assertEquals(2, failed.status().athenaError().errorCategory());
    assertEquals(1001, failed.status().athenaError().errorType());
    assertEquals(false, failed.status().athenaError().retryable());
    assertEquals(failed.status().stateChangeReason(), failed.status().athenaError().errorMessage());
    InvalidRequestException results = assertThrows(InvalidRequestException.class,
        () -> athena.getQueryResults(b -> b.queryExecutionId(id)));
    assertEquals("Query did not finish successfully. Final query state: FAILED", results.awsErrorDetails()
        .errorMessage());
    // The other queries of the faulty sandbox are not affected.
    KpiSql.Bound kpis = KpiSql.bind("queue_kpis");
    assertEquals(QueryExecutionState.SUCCEEDED, last(poll(athena, start(athena, kpis, kpis.parameters(lastWeek())),
        50)));
  }

  @Test
  void slowFault_runsUntilStopped_thenCancelled() throws Exception {
    AthenaClient athena = athena(faulty);
    KpiSql.Bound query = KpiSql.bind("flow_disconnects");
    String id = start(athena, query, query.parameters(lastWeek()));

    List<QueryExecution> seen = poll(athena, id, 6);
    athena.stopQueryExecution(b -> b.queryExecutionId(id));
    QueryExecution stopped = athena.getQueryExecution(b -> b.queryExecutionId(id)).queryExecution();

    assertEquals(6, seen.size(), "six polls over more than half a second, still not ended");
    assertEquals(QueryExecutionState.RUNNING, last(seen));
    assertEquals(QueryExecutionState.CANCELLED, stopped.status().state());
    assertNotNull(stopped.status().completionDateTime());
    // Stopping an ended query changes nothing.
    athena.stopQueryExecution(b -> b.queryExecutionId(id));
    assertEquals(QueryExecutionState.CANCELLED, last(poll(athena, id, 1)));
  }

  @Test
  void stopQueryExecution_cancelsAQueryThatHasNotEnded() throws Exception {
    AthenaClient athena = athena(sandbox);
    KpiSql.Bound query = KpiSql.bind("flow_disconnects");
    String id = start(athena, query, query.parameters(lastWeek()));
    assertEquals(QueryExecutionState.QUEUED, last(poll(athena, id, 1)));

    athena.stopQueryExecution(b -> b.queryExecutionId(id));
    Thread.sleep(DataLakeDomain.QUERY_RUN_TIME.toMillis() + 50);

    assertEquals(QueryExecutionState.CANCELLED, last(poll(athena, id, 3)));
    assertThrows(InvalidRequestException.class, () -> athena.getQueryResults(b -> b.queryExecutionId(id)));
  }

  @Test
  void wrongParameterCount_failsWithAthenasMessage() throws Exception {
    AthenaClient athena = athena(sandbox);
    KpiSql.Bound query = KpiSql.bind("queue_kpis");
    List<String> parameters = query.parameters(lastWeek());

    QueryExecution failed = poll(athena, start(athena, query, parameters.subList(0, parameters.size() - 1)), 50)
        .getLast();

    assertEquals(QueryExecutionState.FAILED, failed.status().state());
    assertEquals("INVALID_PARAMETER_USAGE: line 1:1: Incorrect number of parameters: expected " + parameters.size()
        + " but found " + (parameters.size() - 1), failed.status().stateChangeReason());
    assertEquals(1006, failed.status().athenaError().errorType());
  }

  @Test
  void unknownTableUnreadableLinkAndUnknownQuery_fail() throws Exception {
    AthenaClient athena = athena(sandbox);
    String volume = KpiSql.source("contact_volume");
    KpiSql.Bound missing = KpiSql.bind("contact_volume", volume.replace("{{contact_record}}",
        "\"" + DataLakeDomain.CONSUMER_DATABASE + "\".\"contacts_link\""));
    KpiSql.Bound broken = KpiSql.bind("contact_volume", volume.replace("{{contact_record}}",
        KpiSql.link("agent_queue_statistic_record")));
    KpiSql.Bound unknown = KpiSql.bind("agent_occupancy", volume);

    String notFound = poll(athena, start(athena, missing, missing.parameters(lastWeek())), 50).getLast().status()
        .stateChangeReason();
    String noStorage = poll(athena, start(athena, broken, broken.parameters(lastWeek())), 50).getLast().status()
        .stateChangeReason();
    String notKnown = poll(athena, start(athena, unknown, unknown.parameters(lastWeek())), 50).getLast().status()
        .stateChangeReason();

    String[] lines = missing.text().split("\n");
    int line = 0;
    while (!lines[line].contains("contacts_link") || lines[line].trim().startsWith("--")) {
      line++;
    }
    int column = lines[line].indexOf("\"" + DataLakeDomain.CONSUMER_DATABASE) + 1;
    assertEquals("TABLE_NOT_FOUND: line " + (line + 1) + ":" + column + ": Table 'awsdatacatalog."
        + DataLakeDomain.CONSUMER_DATABASE + ".contacts_link' does not exist", notFound);
    assertTrue(noStorage.contains("Table StorageDescriptor is null"), noStorage);
    assertTrue(notKnown.contains("unknown query 'agent_occupancy'"), notKnown);
    assertTrue(notKnown.contains("queue_kpis"), notKnown);
  }

  private static QueryExecutionState last(List<QueryExecution> seen) {
    return seen.getLast().status().state();
  }
}
