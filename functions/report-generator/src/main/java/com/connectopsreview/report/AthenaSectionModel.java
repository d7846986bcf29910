package com.connectopsreview.report;

import static com.connectopsreview.report.HtmlReportModel.map;
import static com.connectopsreview.report.SectionData.listed;
import static com.connectopsreview.report.SectionData.number;
import static com.connectopsreview.report.SectionData.text;

import com.connectopsreview.report.SectionData.SectionRead;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.TimeWindow;
import com.connectopsreview.shared.sections.AthenaSection;
import com.connectopsreview.shared.sections.AthenaSection.KpiRow;
import com.connectopsreview.shared.sections.AthenaSection.Kpis;
import com.connectopsreview.shared.sections.AthenaSection.Thresholds;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data-lake KPI section's model, from the {@code athena} component's data ({@link AthenaSection};
 * docs/checks.md, "## athena", "### Data payload"): the summary line, the KPIs per queue and per day
 * judged against the component's own thresholds, the per-day chart, contact volume by channel, the
 * contacts that ended in a flow ({@link AthenaVolumeModel}) and the data lake's readiness and query runs
 * ({@link AthenaLakeModel}). A SKIPPED component (no database configured) gets a card saying why and
 * how to turn it on. Any part may be missing; the section then says so for that part.
 */
final class AthenaSectionModel {

  /** Queues listed; the payload (and the CSV export) keep them all. */
  static final int QUEUE_ROWS = 100;

  static final String QUEUE_KPIS = "queue_kpis";
  static final String CONTACT_VOLUME = "contact_volume";
  static final String FLOW_DISCONNECTS = "flow_disconnects";

  private AthenaSectionModel() {}

  static Map<String, Object> of(ComponentReport component, ComponentReport flow, TimeWindow window,
      InstanceRef instance) {
    if (component != null && component.status() == ComponentStatus.SKIPPED) {
      return skipped(component);
    }
    SectionRead<AthenaSection> read = SectionData.read(component, AthenaSection.class, AthenaSection.SCHEMA_VERSION);
    AthenaSection data = read.section();
    if (data == null) {
      return SectionData.unavailable(component, read);
    }
    if (data.settings() != null && !data.settings().enabled()) {
      return skipped(component);
    }
    Thresholds thresholds = data.settings() == null ? null : data.settings().thresholds();
    Judge judge = new Judge(thresholds);
    Kpis kpis = data.kpis();
    List<KpiRow> byQueue = kpis == null ? List.of() : listed(kpis.byQueue());
    List<KpiRow> byDay = kpis == null ? List.of() : listed(kpis.byDay());
    List<Map<String, Object>> queueRows = new ArrayList<>();
    for (KpiRow row : byQueue.subList(0, Math.min(byQueue.size(), QUEUE_ROWS))) {
      queueRows.add(kpiRow(row, judge));
    }
    List<Map<String, Object>> dayRows = new ArrayList<>();
    for (KpiRow row : byDay) {
      dayRows.add(kpiRow(row, judge));
    }
    AthenaLakeModel.Runs runs = AthenaLakeModel.runs(data.queries());
    Map<String, Object> model = map(
        "available", true,
        "skipped", false,
        "exportOnly", data.exportOnly(),
        "thresholds", thresholds(thresholds),
        "summary", summary(data, kpis == null ? null : kpis.total(), byQueue.size(), window, runs),
        "queueKpis", map(
            "succeeded", runs.succeeded(QUEUE_KPIS),
            "queues", queueRows,
            "more", byQueue.size() > queueRows.size() ? String.valueOf(byQueue.size() - queueRows.size()) : null,
            "total", kpis == null || kpis.total() == null ? null : kpiRow(kpis.total(), judge),
            "days", dayRows,
            "chart", chart(byDay, judge, window)),
        "volume", AthenaVolumeModel.volume(kpis == null ? null : kpis.volume(), runs.succeeded(CONTACT_VOLUME)),
        "flows", AthenaVolumeModel.flows(kpis == null ? null : kpis.flowDisconnects(),
            runs.succeeded(FLOW_DISCONNECTS), flow),
        "readiness", AthenaLakeModel.readiness(data, instance),
        "queries", runs.rows(),
        "notCompleted", runs.notCompleted(),
        "findingCount", String.valueOf(component.findings().size()));
    SectionData.describeComponent(model, component);
    return model;
  }

  /** The card of a component that did not run: its reasons as stored, and how to turn it on. */
  private static Map<String, Object> skipped(ComponentReport component) {
    return map(
        "available", false,
        "skipped", true,
        "componentName", component.name(),
        "componentStatus", component.status().name(),
        "componentAnchor", "component-" + HtmlReportModel.anchor(component.name()),
        "reasons", component.errors());
  }

  private static Map<String, Object> thresholds(Thresholds t) {
    if (t == null) {
      return null;
    }
    return map(
        "serviceLevelSeconds", String.valueOf(t.serviceLevelSeconds()),
        "serviceLevelTarget", Formats.rate(t.serviceLevelTargetPct()),
        "shortAbandonSeconds", String.valueOf(t.shortAbandonSeconds()),
        "abandonmentMax", Formats.rate(t.abandonmentRateMaxPct()),
        "transferMax", Formats.rate(t.transferRateMaxPct()),
        "minQueued", String.valueOf(t.minQueuedContacts()),
        "price", Formats.usd(t.pricePerTerabyteUsd()));
  }

  private static Map<String, Object> summary(AthenaSection data, KpiRow total, int queues, TimeWindow window,
      AthenaLakeModel.Runs runs) {
    Thresholds t = data.settings() == null ? null : data.settings().thresholds();
    return map(
        "windowStart", window == null ? null : Formats.utc(window.start()),
        "windowEnd", window == null ? null : Formats.utc(window.end()),
        "queues", String.valueOf(queues),
        "hasTotal", total != null,
        "queued", total == null ? null : number(total.queued()),
        "abandonment", total == null ? null : Formats.rate(total.abandonmentRatePct()),
        "abandonmentExShort", total == null ? null : Formats.rate(total.abandonmentRateExShortPct()),
        "shortAbandonSeconds", t == null ? null : String.valueOf(t.shortAbandonSeconds()),
        "serviceLevel", total == null ? null : Formats.rate(total.serviceLevelPct()),
        "serviceLevelSeconds", t == null ? null : String.valueOf(t.serviceLevelSeconds()),
        "aht", total == null ? null : Formats.minutesSeconds(total.averageHandleSeconds()),
        "transfer", total == null ? null : Formats.rate(total.transferRatePct()),
        "queries", String.valueOf(runs.count()),
        "scanned", Formats.bytes(data.dataScannedBytes()),
        "cost", Formats.usd(data.costUsd()));
  }

  /** One queue, day or the total, with each judged value's marker when it is past its threshold. */
  private static Map<String, Object> kpiRow(KpiRow r, Judge judge) {
    boolean judged = judge.judged(r);
    Thresholds t = judge.thresholds();
    return map(
        "day", text(r.day()),
        "name", text(r.queueName()),
        "id", text(r.queueId()),
        "queued", number(r.queued()),
        "answered", number(r.answered()),
        "abandoned", number(r.abandoned()),
        "shortAbandoned", number(r.shortAbandoned()),
        "transferred", number(r.transferred()),
        "abandonment", Formats.rate(r.abandonmentRatePct()),
        "abandonmentExShort", Formats.rate(r.abandonmentRateExShortPct()),
        "abandonmentMark", judged ? above(r.abandonmentRateExShortPct(), t.abandonmentRateMaxPct()) : null,
        "serviceLevel", Formats.rate(r.serviceLevelPct()),
        "serviceLevelMark", judged ? below(r.serviceLevelPct(), t.serviceLevelTargetPct()) : null,
        "transfer", Formats.rate(r.transferRatePct()),
        "transferMark", judged ? above(r.transferRatePct(), t.transferRateMaxPct()) : null,
        "aht", Formats.minutesSeconds(r.averageHandleSeconds()),
        "talk", Formats.minutesSeconds(r.averageTalkSeconds()),
        "hold", Formats.minutesSeconds(r.averageHoldSeconds()),
        "acw", Formats.minutesSeconds(r.averageAfterContactWorkSeconds()),
        "judged", judged,
        "notJudged", t != null && !judged ? "not judged (n < " + t.minQueuedContacts() + ")" : null);
  }

  /** A marker (colour from the class, and a shape and words for who cannot tell the colour). */
  private static Map<String, Object> above(Double value, double max) {
    return value != null && value > max
        ? map("css", "kpi-over", "symbol", "▲", "text", "over " + Formats.rate(max)) : null;
  }

  private static Map<String, Object> below(Double value, double min) {
    return value != null && value < min
        ? map("css", "kpi-under", "symbol", "▼", "text", "under " + Formats.rate(min)) : null;
  }

  /**
   * Contacts queued per UTC day as bars; a day whose abandonment (short abandons excluded) is over the
   * threshold is highlighted and marked. A day only partly inside the review window is drawn as partial.
   */
  private static Map<String, Object> chart(List<KpiRow> byDay, Judge judge, TimeWindow window) {
    List<SvgCharts.Day> days = new ArrayList<>();
    List<KpiRow> drawn = new ArrayList<>();
    for (KpiRow row : byDay) {
      LocalDate date = date(row.day());
      if (date != null) {
        boolean over = judge.judged(row)
            && above(row.abandonmentRateExShortPct(), judge.thresholds().abandonmentRateMaxPct()) != null;
        days.add(new SvgCharts.Day(date, BigDecimal.valueOf(row.queued()), wholeDay(date, window), over));
        drawn.add(row);
      }
    }
    if (days.isEmpty()) {
      return null;
    }
    Map<String, Object> chart = SvgCharts.dailyBars(days);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> bars = (List<Map<String, Object>>) chart.get("bars");
    List<String> overDays = new ArrayList<>();
    List<String> perDay = new ArrayList<>();
    boolean partial = false;
    for (int i = 0; i < bars.size(); i++) {
      KpiRow row = drawn.get(i);
      SvgCharts.Day day = days.get(i);
      String abandonment = dash(Formats.rate(row.abandonmentRatePct())) + " ("
          + dash(Formats.rate(row.abandonmentRateExShortPct())) + " excl. short)";
      bars.get(i).put("title", day.date() + " · " + row.queued() + " queued · abandonment " + abandonment
          + (day.complete() ? "" : " (partial day)"));
      bars.get(i).put("marker", day.highlighted() ? "▲" : null);
      bars.get(i).put("markerY", SvgCharts.coord(Double.parseDouble((String) bars.get(i).get("valueY")) - 12));
      perDay.add(day.date() + ": " + row.queued() + " queued, abandonment " + abandonment);
      if (day.highlighted()) {
        overDays.add(day.date().toString());
      }
      partial |= !day.complete();
    }
    chart.put("from", days.getFirst().date().toString());
    chart.put("to", days.getLast().date().toString());
    chart.put("hasPartialDays", partial);
    chart.put("overDays", overDays.isEmpty() ? null : String.join(", ", overDays));
    chart.put("text", String.join("; ", perDay));
    return chart;
  }

  private static LocalDate date(String day) {
    try {
      return day == null ? null : LocalDate.parse(day);
    } catch (DateTimeParseException e) {
      return null; // a row the chart cannot place; the table still lists it
    }
  }

  /** True when all 24 hours of the UTC day are inside the review window. */
  private static boolean wholeDay(LocalDate date, TimeWindow window) {
    return window == null || !date.atStartOfDay(ZoneOffset.UTC).toInstant().isBefore(window.start())
        && !date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(window.end());
  }

  private static String dash(String value) {
    return value == null ? "—" : value;
  }

  /** What a KPI row is judged against; with no thresholds (an older payload) nothing is judged. */
  private record Judge(Thresholds thresholds) {

    boolean judged(KpiRow row) {
      return thresholds != null && row.queued() >= thresholds.minQueuedContacts();
    }
  }
}
