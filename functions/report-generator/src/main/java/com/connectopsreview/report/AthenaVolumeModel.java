package com.connectopsreview.report;

import static com.connectopsreview.report.HtmlReportModel.map;
import static com.connectopsreview.report.SectionData.listed;
import static com.connectopsreview.report.SectionData.number;
import static com.connectopsreview.report.SectionData.text;

import com.connectopsreview.shared.sections.AthenaSection.FlowDisconnectRow;
import com.connectopsreview.shared.sections.AthenaSection.VolumeRow;
import com.connectopsreview.shared.sections.FlowSection;
import com.connectopsreview.shared.sections.FlowSection.FlowRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Contact volume by channel and by day, summed from the {@code contact_volume} rows (day × queue ×
 * channel), and the contacts that ended in a flow from {@code flow_disconnects}, each flow named from
 * the {@code flow} component of the same review when it listed the flow (the data lake has the id only).
 */
final class AthenaVolumeModel {

  /** Flows listed; the payload (and the CSV export) keep them all. */
  static final int FLOW_ROWS = 50;
  /** How a contact without a channel is shown (the query writes ''). */
  static final String NO_CHANNEL = "(none)";

  private AthenaVolumeModel() {}

  static Map<String, Object> volume(List<VolumeRow> volume, boolean succeeded) {
    List<VolumeRow> rows = listed(volume);
    Map<String, long[]> byChannel = new HashMap<>();
    Map<String, Map<String, Long>> byDay = new TreeMap<>();
    for (VolumeRow row : rows) {
      String channel = text(row.channel()) == null ? NO_CHANNEL : row.channel();
      long[] sums = byChannel.computeIfAbsent(channel, c -> new long[5]);
      sums[0] += row.contacts();
      sums[1] += row.inbound();
      sums[2] += row.outbound();
      sums[3] += row.transfers();
      sums[4] += row.callbacks();
      String day = text(row.day()) == null ? "—" : row.day();
      byDay.computeIfAbsent(day, d -> new HashMap<>()).merge(channel, row.contacts(), Long::sum);
    }
    // Busiest channel first, so the per-day columns read in the same order as the totals.
    List<String> channels = byChannel.keySet().stream()
        .sorted(Comparator.comparingLong((String c) -> -byChannel.get(c)[0]).thenComparing(Comparator.naturalOrder()))
        .toList();
    List<Map<String, Object>> channelRows = new ArrayList<>();
    long[] all = new long[5];
    for (String channel : channels) {
      long[] sums = byChannel.get(channel);
      for (int i = 0; i < all.length; i++) {
        all[i] += sums[i];
      }
      channelRows.add(sums(channel, sums));
    }
    List<Map<String, Object>> dayRows = new ArrayList<>();
    Map<String, Long> columnTotals = new LinkedHashMap<>();
    byDay.forEach((day, counts) -> {
      List<String> cells = new ArrayList<>();
      long total = 0;
      for (String channel : channels) {
        long n = counts.getOrDefault(channel, 0L);
        cells.add(String.valueOf(n));
        total += n;
        columnTotals.merge(channel, n, Long::sum);
      }
      dayRows.add(map("day", day, "counts", cells, "total", String.valueOf(total)));
    });
    return map(
        "succeeded", succeeded,
        "channels", channels,
        "byChannel", channelRows,
        "total", rows.isEmpty() ? null : sums("All channels", all),
        "byDay", dayRows,
        "dayTotals", channels.stream().map(c -> String.valueOf(columnTotals.getOrDefault(c, 0L))).toList());
  }

  private static Map<String, Object> sums(String channel, long[] sums) {
    return map(
        "channel", channel,
        "contacts", String.valueOf(sums[0]),
        "inbound", String.valueOf(sums[1]),
        "outbound", String.valueOf(sums[2]),
        "transfers", String.valueOf(sums[3]),
        "callbacks", String.valueOf(sums[4]));
  }

  static Map<String, Object> flows(List<FlowDisconnectRow> disconnects, boolean succeeded, ComponentReport flow) {
    FlowSection flows = SectionData.read(flow, FlowSection.class, FlowSection.SCHEMA_VERSION).section();
    Map<String, String> names = new HashMap<>();
    if (flows != null) {
      for (FlowRow f : listed(flows.flows())) {
        if (text(f.name()) != null) {
          if (f.id() != null) {
            names.put(f.id(), f.name());
          }
          if (f.arn() != null) {
            names.put(f.arn(), f.name());
          }
        }
      }
    }
    List<FlowDisconnectRow> all = listed(disconnects);
    List<Map<String, Object>> rows = new ArrayList<>();
    long ended = 0;
    for (FlowDisconnectRow row : all) {
      ended += row.contactsEndedInFlow();
    }
    for (FlowDisconnectRow row : all.subList(0, Math.min(all.size(), FLOW_ROWS))) {
      rows.add(map(
          "name", row.flowId() == null ? null : names.get(row.flowId()),
          "id", text(row.flowId()),
          "type", text(row.flowType()),
          "ended", number(row.contactsEndedInFlow()),
          "customer", number(row.customerDisconnects()),
          "flow", number(row.flowDisconnects()),
          "other", number(row.otherDisconnects())));
    }
    return map(
        "succeeded", succeeded,
        "namesKnown", flows != null,
        "rows", rows,
        "ended", String.valueOf(ended),
        "more", all.size() > rows.size() ? String.valueOf(all.size() - rows.size()) : null);
  }
}
