package com.connectopsreview.local.sandbox.datalake;

import com.connectopsreview.local.sandbox.AthenaQueryFault;
import com.connectopsreview.local.sandbox.datalake.BoundQuery.Literal;
import com.connectopsreview.local.sandbox.datalake.BoundQuery.TableRef;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.ContactRecord;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.DataLakeTable;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.FlowEvent;
import com.connectopsreview.local.sandbox.datalake.KpiQueries.Query;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * What an Athena query execution of the sandbox ends as, decided when it starts: the query is
 * recognised by its {@code -- query:} line, its placeholders checked against the execution
 * parameters, its tables resolved in the database (links of {@link DataLakeDomain#CONSUMER_DATABASE}),
 * its columns checked against the evaluator's, then evaluated by {@link KpiQueries}, or replaced by
 * the query's {@link AthenaQueryFault}. Failures carry Athena's own messages where Athena has one.
 */
final class AthenaEngine {

  /**
   * @param result the rows when the query succeeds; null otherwise
   * @param failure why it fails; null otherwise
   * @param slow runs until stopped
   * @param scannedBytes rows of the partitions the window touches times the bytes of the columns read
   */
  record Outcome(KpiQueries.Result result, QueryFailure failure, boolean slow, long scannedBytes,
      long engineMillis) {}

  /** Bytes per value of each Hive type, for DataScannedInBytes. */
  private static final Map<String, Integer> WIDTH = Map.of("string", 24, "timestamp", 8, "bigint", 8, "int", 4);

  private final DataLakeDomain lake;

  AthenaEngine(DataLakeDomain lake) {
    this.lake = lake;
  }

  Outcome run(String text, String contextDatabase, List<String> parameters, Map<String, AthenaQueryFault> faults) {
    BoundQuery bound = new BoundQuery(text);
    try {
      String name = bound.name().orElseThrow(() -> QueryFailure.user("sandbox: the query has no '-- query: <name>' "
          + "line; the sandbox evaluates only its named KPI queries " + known(), 1000));
      Query query = Query.named(name).orElseThrow(() -> QueryFailure.user("sandbox: unknown query '" + name
          + "'; the sandbox evaluates only " + known(), 1000));
      int expected = bound.placeholders();
      if (expected != parameters.size()) {
        throw QueryFailure.user("INVALID_PARAMETER_USAGE: line 1:1: Incorrect number of parameters: expected "
            + expected + " but found " + parameters.size(), 1006);
      }
      List<String> names = bound.parameterNames();
      if (names.size() != expected) {
        throw QueryFailure.user("sandbox: the '-- parameters:' line names " + names.size() + " parameters "
            + names + ", the query has " + expected + " '?'", 1000);
      }
      List<DataLakeTable> read = resolve(bound, contextDatabase);
      List<String> targets = read.stream().map(DataLakeTable::name).toList();
      if (!targets.equals(query.tables)) {
        throw QueryFailure.user("sandbox: " + name + " reads " + query.tables + " (through their links); this "
            + "query reads " + targets, 1000);
      }
      if (!bound.selectColumns().equals(query.columnNames())) {
        throw QueryFailure.user("sandbox: " + name + " selects " + bound.selectColumns() + "; the sandbox evaluates "
            + "it with the columns " + query.columnNames(), 1000);
      }
      Map<String, Literal> values = BoundQuery.byName(names, parameters);
      List<String> missing = query.parameters.stream().filter(p -> !values.containsKey(p)).toList();
      if (!missing.isEmpty()) {
        throw QueryFailure.user("sandbox: " + name + " needs the parameters " + missing + " on its '-- parameters:' "
            + "line (it names " + names + ")", 1000);
      }
      Instant from = BoundQuery.timestamp(values.get("window_start"));
      Instant to = BoundQuery.timestamp(values.get("window_end"));
      long rowsRead = 0;
      long bytes = 0;
      for (DataLakeTable table : read) {
        long rows = partitionRows(table, from, to);
        rowsRead += rows;
        bytes += rows * table.columns().stream().filter(c -> text.contains("\"" + c.name() + "\""))
            .mapToLong(c -> WIDTH.getOrDefault(c.type(), 8)).sum();
      }
      long engine = 150 + rowsRead / 40;
      AthenaQueryFault fault = faults.get(name);
      if (fault == AthenaQueryFault.SLOW) {
        return new Outcome(null, null, true, bytes, engine);
      }
      if (fault == AthenaQueryFault.FAILED) {
        return new Outcome(null, QueryFailure.user("HIVE_BAD_DATA: Error parsing field value 'n/a' for field 10: "
            + "For input string: \"n/a\"", 1001), false, bytes / 2, engine / 2);
      }
      return new Outcome(KpiQueries.evaluate(query, values, lake.rows()), null, false, bytes, engine);
    } catch (QueryFailure failure) {
      return new Outcome(null, failure, false, 0, 40);
    }
  }

  /** Each table reference to its data lake table, with Athena's errors for what cannot be read. */
  private List<DataLakeTable> resolve(BoundQuery bound, String contextDatabase) {
    List<DataLakeTable> read = new ArrayList<>();
    for (TableRef ref : bound.tables()) {
      String database = (ref.database() != null ? ref.database()
          : contextDatabase != null ? contextDatabase : "default").toLowerCase(Locale.ROOT);
      String where = "line " + ref.line() + ":" + ref.column() + ": ";
      if (!database.equals(DataLakeDomain.CONSUMER_DATABASE) && !database.equals("default")) {
        throw QueryFailure.user("SCHEMA_NOT_FOUND: " + where + "Schema '" + database + "' does not exist", 1000);
      }
      String name = ref.table().toLowerCase(Locale.ROOT);
      DataLakeTable table = database.equals(DataLakeDomain.CONSUMER_DATABASE)
          ? lake.tableOfLink(name).orElse(null) : null;
      if (table == null) {
        throw QueryFailure.user("TABLE_NOT_FOUND: " + where + "Table 'awsdatacatalog." + database + "." + name
            + "' does not exist", 1000);
      }
      switch (table.state()) {
        case NO_STORAGE_DESCRIPTOR -> throw QueryFailure.user("GENERIC_INTERNAL_ERROR: Table StorageDescriptor is "
            + "null for table '" + database + "." + name + "'", 204);
        case LAKE_FORMATION_DENIED -> throw QueryFailure.user("Insufficient Lake Formation permission(s) on "
            + table.name() + " (Service: AmazonDataCatalog; Status Code: 400; Error Code: AccessDeniedException)", 234);
        case READY -> read.add(table);
      }
    }
    return read;
  }

  /** Rows of the daily partitions the window touches (contact_record by initiation, flow events a day further). */
  private long partitionRows(DataLakeTable table, Instant from, Instant to) {
    return switch (table.name()) {
      case "contact_record" -> count(lake.rows().contacts(), ContactRecord::initiationTimestamp, from, to);
      case "contact_flow_events" -> count(lake.rows().flowEvents(), FlowEvent::startTimestamp, from,
          to.plus(Duration.ofDays(1)));
      default -> 0;
    };
  }

  private static <T> long count(List<T> rows, Function<T, Instant> time, Instant from, Instant to) {
    LocalDate first = LocalDate.ofInstant(from, ZoneOffset.UTC);
    LocalDate last = LocalDate.ofInstant(to.minusMillis(1), ZoneOffset.UTC);
    return rows.stream().map(time).filter(t -> {
      LocalDate day = LocalDate.ofInstant(t, ZoneOffset.UTC);
      return !day.isBefore(first) && !day.isAfter(last);
    }).count();
  }

  private static String known() {
    return Arrays.stream(Query.values()).map(q -> q.queryName).toList().toString();
  }
}
