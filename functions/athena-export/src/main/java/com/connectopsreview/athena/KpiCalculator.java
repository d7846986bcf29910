package com.connectopsreview.athena;

import com.connectopsreview.shared.analyzer.Percent;
import com.connectopsreview.shared.sections.AthenaSection.FlowDisconnectRow;
import com.connectopsreview.shared.sections.AthenaSection.KpiRow;
import com.connectopsreview.shared.sections.AthenaSection.Kpis;
import com.connectopsreview.shared.sections.AthenaSection.VolumeRow;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns the KPI queries' result rows into {@link Kpis}. The queries return per (day, queue) counts and
 * duration sums; rates and averages are computed here from summed counts, so a queue's rate over the
 * window is its contacts' rate, not an average of daily rates.
 */
final class KpiCalculator {

  private KpiCalculator() {}

  /** {@code results} by query name; a query that did not succeed is absent and its lists are empty. */
  static Kpis compute(Map<String, AthenaQueryRunner.Result> results) {
    AthenaQueryRunner.Result queue = results.get("queue_kpis");
    AthenaQueryRunner.Result volume = results.get("contact_volume");
    AthenaQueryRunner.Result flows = results.get("flow_disconnects");
    if (queue == null && volume == null && flows == null) {
      return null;
    }
    List<Counts> cells = queue == null ? List.of() : rows(queue).stream().map(Counts::of).toList();
    List<KpiRow> byQueue = group(cells, c -> c.queueId, c -> new Key(null, c.queueId, c.queueName)).stream()
        .sorted(Comparator.comparingLong(KpiRow::queued).reversed().thenComparing(KpiRow::queueId)).toList();
    List<KpiRow> byDay = group(cells, c -> c.day, c -> new Key(c.day, null, null));
    KpiRow total = queue == null ? null : group(cells, c -> "", c -> new Key(null, null, null)).stream()
        .findFirst().orElse(row(new Key(null, null, null), new Counts()));
    List<VolumeRow> volumeRows = volume == null ? List.of() : rows(volume).stream().map(r -> new VolumeRow(
        r.text("day"), r.text("queue_id"), r.text("queue_name"), r.text("channel"), r.number("contacts"),
        r.number("inbound"), r.number("outbound"), r.number("transfers"), r.number("callbacks"))).toList();
    List<FlowDisconnectRow> flowRows = flows == null ? List.of() : rows(flows).stream().map(r -> new FlowDisconnectRow(
        r.text("flow_resource_id"), r.text("flow_type"), r.number("contacts_ended_in_flow"),
        r.number("customer_disconnects"), r.number("flow_disconnects"), r.number("other_disconnects"))).toList();
    return new Kpis(byQueue, byDay, total, volumeRows, flowRows);
  }

  /** A KPI row from summed counts; a rate whose denominator is 0 is null. */
  static KpiRow row(Key key, Counts c) {
    long excludingShort = c.queued - c.shortAbandoned;
    return new KpiRow(key.day(), key.queueId(), key.queueName(), c.queued, c.answered, c.answeredInThreshold,
        c.abandoned, c.shortAbandoned, c.transferred,
        pct(c.abandoned, c.queued),
        pct(c.abandoned - c.shortAbandoned, excludingShort),
        pct(c.answeredInThreshold, c.queued),
        pct(c.transferred, c.answered),
        seconds(c.talkMs, c.answered), seconds(c.holdMs, c.answered), seconds(c.acwMs, c.answered),
        seconds(c.talkMs + c.holdMs + c.acwMs, c.answered));
  }

  private static List<KpiRow> group(List<Counts> cells, Function<Counts, String> by, Function<Counts, Key> key) {
    Map<String, Counts> sums = new TreeMap<>();
    Map<String, Key> keys = new TreeMap<>();
    for (Counts cell : cells) {
      String k = by.apply(cell);
      sums.computeIfAbsent(k, x -> new Counts()).add(cell);
      keys.putIfAbsent(k, key.apply(cell));
    }
    List<KpiRow> out = new ArrayList<>();
    sums.forEach((k, counts) -> out.add(row(keys.get(k), counts)));
    return out;
  }

  static Double pct(long part, long whole) {
    if (whole <= 0) {
      return null;
    }
    return Percent.of(part, whole).doubleValue();
  }

  private static Double seconds(long millis, long contacts) {
    if (contacts <= 0) {
      return null;
    }
    // Exact division: through a double, 4,050 ms / 3 is 1.3499... s and rounds to 1.3, not 1.4.
    return BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(contacts).multiply(BigDecimal.valueOf(1000)), 1,
        RoundingMode.HALF_UP).doubleValue();
  }

  private static List<ResultRow> rows(AthenaQueryRunner.Result result) {
    return result.rows().stream().map(values -> new ResultRow(result.name(), result.columns(), values)).toList();
  }

  /** What a KPI row is keyed by. */
  record Key(String day, String queueId, String queueName) {}

  /** One result row read by column name. */
  record ResultRow(String query, List<String> columns, List<String> values) {

    String text(String column) {
      String value = value(column);
      return value == null ? "" : value;
    }

    long number(String column) {
      String value = value(column);
      if (value == null || value.isBlank()) {
        return 0;
      }
      try {
        return new BigDecimal(value.trim()).longValueExact();
      } catch (NumberFormatException | ArithmeticException e) {
        throw new IllegalStateException("query " + query + " answered '" + value + "' in column " + column
            + ", not a whole number", e);
      }
    }

    private String value(String column) {
      int index = columns.indexOf(column);
      if (index < 0) {
        throw new IllegalStateException("query " + query + " answered no column " + column + " (columns: "
            + columns + ")");
      }
      return index < values.size() ? values.get(index) : null;
    }
  }

  /** Summable counts of one (day, queue) cell of queue_kpis. */
  static final class Counts {
    String day;
    String queueId;
    String queueName;
    long queued;
    long answered;
    long answeredInThreshold;
    long abandoned;
    long shortAbandoned;
    long transferred;
    long talkMs;
    long holdMs;
    long acwMs;

    static Counts of(ResultRow r) {
      Counts c = new Counts();
      c.day = r.text("day");
      c.queueId = r.text("queue_id");
      c.queueName = r.text("queue_name");
      c.queued = r.number("queued");
      c.answered = r.number("answered");
      c.answeredInThreshold = r.number("answered_in_threshold");
      c.abandoned = r.number("abandoned");
      c.shortAbandoned = r.number("short_abandoned");
      c.transferred = r.number("transferred");
      c.talkMs = r.number("talk_ms");
      c.holdMs = r.number("hold_ms");
      c.acwMs = r.number("acw_ms");
      return c;
    }

    void add(Counts o) {
      queued += o.queued;
      answered += o.answered;
      answeredInThreshold += o.answeredInThreshold;
      abandoned += o.abandoned;
      shortAbandoned += o.shortAbandoned;
      transferred += o.transferred;
      talkMs += o.talkMs;
      holdMs += o.holdMs;
      acwMs += o.acwMs;
    }
  }
}
