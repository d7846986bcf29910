package com.connectopsreview.local.sandbox.datalake;

import com.connectopsreview.local.sandbox.datalake.BoundQuery.Literal;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.ContactRecord;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.FlowEvent;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.Rows;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The analyzer's named KPI queries, evaluated in Java over the data lake's rows exactly as their SQL
 * (functions/athena-export, resources athena/queries/*.sql) defines them: the instance and window
 * filters, each contact_id once (its most recently processed copy), the groups, the ordering, and the
 * SELECT's columns in order. Values come back as Athena returns them: text, counts as whole numbers,
 * days as {@code yyyy-MM-dd} (UTC).
 */
final class KpiQueries {

  /** A column of a result set: its name and Athena type ({@code varchar}, {@code bigint}). */
  record ResultColumn(String name, String type) {}

  /** A query's answer; {@code null} values are NULLs. */
  record Result(List<ResultColumn> columns, List<List<String>> rows) {}

  /** One named query: the data lake tables it reads (in FROM order), its parameters and columns. */
  enum Query {
    CONTACT_VOLUME("contact_volume", List.of("contact_record"), List.of("instance_id", "window_start", "window_end"),
        columns("day", "queue_id", "queue_name", "channel", "+contacts", "+inbound", "+outbound", "+transfers",
            "+callbacks")),
    QUEUE_KPIS("queue_kpis", List.of("contact_record"), List.of("instance_id", "window_start", "window_end",
        "service_level_ms", "short_abandon_ms"),
        columns("day", "queue_id", "queue_name", "+queued", "+answered", "+answered_in_threshold", "+abandoned",
            "+short_abandoned", "+transferred", "+talk_ms", "+hold_ms", "+acw_ms")),
    FLOW_DISCONNECTS("flow_disconnects", List.of("contact_record", "contact_flow_events"),
        List.of("instance_id", "window_start", "window_end"),
        columns("flow_resource_id", "flow_type", "+contacts_ended_in_flow", "+customer_disconnects",
            "+flow_disconnects", "+other_disconnects"));

    final String queryName;
    final List<String> tables;
    final List<String> parameters;
    final List<ResultColumn> columns;

    Query(String queryName, List<String> tables, List<String> parameters, List<ResultColumn> columns) {
      this.queryName = queryName;
      this.tables = tables;
      this.parameters = parameters;
      this.columns = columns;
    }

    static java.util.Optional<Query> named(String name) {
      return Arrays.stream(values()).filter(q -> q.queryName.equals(name)).findFirst();
    }

    List<String> columnNames() {
      return columns.stream().map(ResultColumn::name).toList();
    }
  }

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);
  private static final Set<String> ENDED_IN_FLOW_METHODS = Set.of("INBOUND", "TRANSFER", "QUEUE_TRANSFER");

  private KpiQueries() {}

  /** "+name" is a bigint column, anything else varchar. */
  private static List<ResultColumn> columns(String... names) {
    return Arrays.stream(names).map(n -> n.startsWith("+") ? new ResultColumn(n.substring(1), "bigint")
        : new ResultColumn(n, "varchar")).toList();
  }

  static Result evaluate(Query query, Map<String, Literal> parameters, Rows rows) {
    String instanceId = BoundQuery.string(parameters.get("instance_id"), "instance_id");
    Instant from = BoundQuery.timestamp(parameters.get("window_start"));
    Instant to = BoundQuery.timestamp(parameters.get("window_end"));
    Collection<ContactRecord> contacts = latestCopies(rows.contacts(), instanceId, from, to);
    List<List<String>> out = switch (query) {
      case CONTACT_VOLUME -> contactVolume(contacts);
      case QUEUE_KPIS -> queueKpis(contacts, BoundQuery.number(parameters.get("service_level_ms"), "service_level_ms"),
          BoundQuery.number(parameters.get("short_abandon_ms"), "short_abandon_ms"));
      case FLOW_DISCONNECTS -> flowDisconnects(contacts, rows.flowEvents(), instanceId, from, to);
    };
    return new Result(query.columns, out);
  }

  /** The WHERE of every query's "contacts", then ROW_NUMBER() ... ORDER BY data_lake_last_processed_timestamp DESC = 1. */
  private static Collection<ContactRecord> latestCopies(List<ContactRecord> all, String instanceId, Instant from,
      Instant to) {
    Map<String, ContactRecord> latest = new LinkedHashMap<>();
    for (ContactRecord c : all) {
      if (instanceId.equals(c.instanceId()) && c.initiationTimestamp() != null
          && !c.initiationTimestamp().isBefore(from) && c.initiationTimestamp().isBefore(to)) {
        latest.merge(c.contactId(), c, (a, b) -> processed(b).isAfter(processed(a)) ? b : a);
      }
    }
    return latest.values();
  }

  private static Instant processed(ContactRecord c) {
    return c.dataLakeLastProcessedTimestamp() == null ? Instant.MIN : c.dataLakeLastProcessedTimestamp();
  }

  private static List<List<String>> contactVolume(Collection<ContactRecord> contacts) {
    Map<List<String>, long[]> counts = new TreeMap<>(KpiQueries::compareKeys);
    Map<List<String>, String> names = new HashMap<>();
    for (ContactRecord c : contacts) {
      List<String> key = List.of(DAY.format(c.initiationTimestamp()), Objects.requireNonNullElse(c.queueId(), ""),
          Objects.requireNonNullElse(c.channel(), ""));
      long[] n = counts.computeIfAbsent(key, k -> new long[5]);
      String method = c.initiationMethod();
      n[0]++;
      n[1] += "INBOUND".equals(method) ? 1 : 0;
      n[2] += "OUTBOUND".equals(method) || "EXTERNAL_OUTBOUND".equals(method) ? 1 : 0;
      n[3] += "TRANSFER".equals(method) || "QUEUE_TRANSFER".equals(method) ? 1 : 0;
      n[4] += "CALLBACK".equals(method) ? 1 : 0;
      max(names, key, c.queueName());
    }
    List<List<String>> rows = new ArrayList<>();
    counts.forEach((key, n) -> rows.add(row(key.get(0), key.get(1), names.getOrDefault(key, ""), key.get(2), n)));
    return rows;
  }

  private static List<List<String>> queueKpis(Collection<ContactRecord> contacts, long serviceLevelMs,
      long shortAbandonMs) {
    Map<List<String>, long[]> sums = new TreeMap<>(KpiQueries::compareKeys);
    Map<List<String>, String> names = new HashMap<>();
    for (ContactRecord c : contacts) {
      if (c.queueEnqueueTimestamp() == null || c.queueId() == null) {
        continue;
      }
      List<String> key = List.of(DAY.format(c.initiationTimestamp()), c.queueId());
      long[] n = sums.computeIfAbsent(key, k -> new long[9]);
      boolean answered = c.agentConnectedToAgentTimestamp() != null;
      // Three-valued logic: a NULL comparison makes COUNT_IF count nothing.
      boolean abandoned = !answered && "CUSTOMER_DISCONNECT".equals(c.disconnectReason())
          && !"CALLBACK".equals(Objects.requireNonNullElse(c.initiationMethod(), ""));
      Long waited = c.queueDurationMs();
      n[0]++;
      n[1] += answered ? 1 : 0;
      n[2] += answered && waited != null && waited <= serviceLevelMs ? 1 : 0;
      n[3] += abandoned ? 1 : 0;
      n[4] += abandoned && waited != null && waited < shortAbandonMs ? 1 : 0;
      n[5] += answered && c.transferCompletedTimestamp() != null ? 1 : 0;
      if (answered) {
        n[6] += Objects.requireNonNullElse(c.agentInteractionDurationMs(), 0L);
        n[7] += Objects.requireNonNullElse(c.agentCustomerHoldDurationMs(), 0L);
        n[8] += Objects.requireNonNullElse(c.agentAfterContactWorkDurationMs(), 0L);
      }
      max(names, key, c.queueName());
    }
    List<List<String>> rows = new ArrayList<>();
    sums.forEach((key, n) -> rows.add(row(key.get(0), key.get(1), names.getOrDefault(key, ""), null, n)));
    return rows;
  }

  private static List<List<String>> flowDisconnects(Collection<ContactRecord> contacts, List<FlowEvent> events,
      String instanceId, Instant from, Instant to) {
    Instant eventsTo = to.plus(Duration.ofDays(1));
    Map<String, FlowEvent> lastFlow = new HashMap<>();
    for (FlowEvent e : events) {
      if (instanceId.equals(e.instanceId()) && e.startTimestamp() != null && !e.startTimestamp().isBefore(from)
          && e.startTimestamp().isBefore(eventsTo)) {
        lastFlow.merge(e.contactId(), e, (a, b) -> b.startTimestamp().isAfter(a.startTimestamp()) ? b : a);
      }
    }
    Map<String, long[]> counts = new HashMap<>();
    Map<String, String> types = new HashMap<>();
    for (ContactRecord c : contacts) {
      FlowEvent last = lastFlow.get(c.contactId());
      if (last == null || c.queueEnqueueTimestamp() != null || c.agentConnectedToAgentTimestamp() != null
          || c.initiationMethod() == null || !ENDED_IN_FLOW_METHODS.contains(c.initiationMethod())) {
        continue;
      }
      long[] n = counts.computeIfAbsent(last.flowResourceId(), k -> new long[4]);
      String reason = Objects.requireNonNullElse(c.disconnectReason(), "");
      n[0]++;
      n[1] += reason.equals("CUSTOMER_DISCONNECT") ? 1 : 0;
      n[2] += reason.equals("CONTACT_FLOW_DISCONNECT") ? 1 : 0;
      n[3] += !reason.equals("CUSTOMER_DISCONNECT") && !reason.equals("CONTACT_FLOW_DISCONNECT") ? 1 : 0;
      max(types, last.flowResourceId(), last.flowType());
    }
    List<Map.Entry<String, long[]>> sorted = new ArrayList<>(counts.entrySet());
    sorted.sort(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> -e.getValue()[0])
        .thenComparing(Map.Entry::getKey));
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, long[]> e : sorted) {
      List<String> row = new ArrayList<>(List.of(e.getKey(), types.getOrDefault(e.getKey(), "")));
      Arrays.stream(e.getValue()).forEach(v -> row.add(Long.toString(v)));
      rows.add(row);
    }
    return rows;
  }

  /** MAX() over strings, NULLs ignored. */
  private static <K> void max(Map<K, String> maxima, K key, String value) {
    if (value != null) {
      maxima.merge(key, value, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
  }

  private static List<String> row(String day, String queueId, String queueName, String channel, long[] counts) {
    List<String> row = new ArrayList<>(List.of(day, queueId, queueName));
    if (channel != null) {
      row.add(channel);
    }
    Arrays.stream(counts).forEach(v -> row.add(Long.toString(v)));
    return row;
  }

  private static int compareKeys(List<String> a, List<String> b) {
    for (int i = 0; i < a.size(); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
