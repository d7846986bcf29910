package com.connectopsreview.athena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.sections.AthenaSection.FlowDisconnectRow;
import com.connectopsreview.shared.sections.AthenaSection.KpiRow;
import com.connectopsreview.shared.sections.AthenaSection.Kpis;
import com.connectopsreview.shared.sections.AthenaSection.VolumeRow;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-made queue_kpis rows, two days by two queues; every expected figure below is worked out by
 * hand from them (sums first, then the rate, one decimal, half up).
 */
class KpiCalculatorTest {

  private static final String D1 = "2026-11-10";
  private static final String D2 = "2026-11-11";
  private static final List<String> QUEUE_COLUMNS = List.of("day", "queue_id", "queue_name", "queued", "answered",
      "answered_in_threshold", "abandoned", "short_abandoned", "transferred", "talk_ms", "hold_ms", "acw_ms");

  /** q-z (Sales) is the busier queue, q-a (Support) sorts first by id: byQueue must not be in id order. */
  private static final List<List<String>> QUEUE_ROWS = List.of(
      List.of(D1, "q-z", "Sales", "30", "24", "20", "6", "1", "2", "2400000", "240000", "480000"),
      List.of(D1, "q-a", "Support", "10", "10", "9", "0", "0", "0", "600000", "0", "100000"),
      List.of(D2, "q-z", "Sales", "34", "28", "22", "6", "1", "3", "2800000", "260000", "520000"),
      List.of(D2, "q-a", "Support", "6", "5", "5", "1", "1", "1", "300000", "50000", "50000"));

  @Test
  void compute_byQueue_sumsBothDays_busiestFirst() {
    Kpis kpis = KpiCalculator.compute(Map.of("queue_kpis", queueKpis(QUEUE_ROWS)));

    assertEquals(List.of("q-z", "q-a"), kpis.byQueue().stream().map(KpiRow::queueId).toList());
    // Sales: 64 queued, 52 answered, 42 in threshold, 12 abandoned (2 short), 5 transferred.
    assertEquals(new KpiRow(null, "q-z", "Sales", 64, 52, 42, 12, 2, 5,
        18.8, 16.1, 65.6, 9.6, 100.0, 9.6, 19.2, 128.8), kpis.byQueue().get(0));
    // Support: 16 queued, 15 answered, 14 in threshold, 1 abandoned (short), 1 transferred;
    // 1/16 = 6.25 % rounds half up to 6.3.
    assertEquals(new KpiRow(null, "q-a", "Support", 16, 15, 14, 1, 1, 1,
        6.3, 0.0, 87.5, 6.7, 60.0, 3.3, 10.0, 73.3), kpis.byQueue().get(1));
  }

  @Test
  void compute_byDay_andTotal_sumEveryQueue() {
    Kpis kpis = KpiCalculator.compute(Map.of("queue_kpis", queueKpis(QUEUE_ROWS)));

    assertEquals(List.of(
        new KpiRow(D1, null, null, 40, 34, 29, 6, 1, 2, 15.0, 12.8, 72.5, 5.9, 88.2, 7.1, 17.1, 112.4),
        new KpiRow(D2, null, null, 40, 33, 27, 7, 2, 4, 17.5, 13.2, 67.5, 12.1, 93.9, 9.4, 17.3, 120.6)),
        kpis.byDay());
    // 13/80 = 16.25 % rounds half up to 16.3.
    assertEquals(new KpiRow(null, null, null, 80, 67, 56, 13, 3, 6, 16.3, 13.0, 70.0, 9.0, 91.0, 8.2, 17.2, 116.4),
        kpis.total());
  }

  @Test
  void compute_averages_roundHalfUp_exactly() {
    // 4,050 ms over 3 answered contacts is 1.35 s: half up is 1.4 (a double division gives 1.3499999...).
    Kpis kpis = KpiCalculator.compute(Map.of("queue_kpis", queueKpis(List.of(
        List.of(D1, "q-1", "One", "3", "3", "3", "0", "0", "0", "4050", "150", "7350")))));

    KpiRow total = kpis.total();
    assertEquals(1.4, total.averageTalkSeconds());
    assertEquals(0.1, total.averageHoldSeconds(), "0.05 s rounds up");
    assertEquals(2.5, total.averageAfterContactWorkSeconds(), "2.45 s rounds up");
    assertEquals(3.9, total.averageHandleSeconds(), "11,550 ms / 3 = 3.85 s rounds up");
  }

  @Test
  void compute_rateWithZeroDenominator_isNull() {
    Kpis kpis = KpiCalculator.compute(Map.of("queue_kpis", queueKpis(List.of(
        List.of(D1, "q-1", "One", "4", "0", "0", "4", "4", "0", "0", "0", "0")))));

    KpiRow row = kpis.total();
    assertEquals(100.0, row.abandonmentRatePct());
    assertNull(row.abandonmentRateExShortPct(), "every abandon was short: 0 / 0");
    assertEquals(0.0, row.serviceLevelPct());
    assertNull(row.transferRatePct(), "none answered");
    assertNull(row.averageTalkSeconds());
    assertNull(row.averageHoldSeconds());
    assertNull(row.averageAfterContactWorkSeconds());
    assertNull(row.averageHandleSeconds());
  }

  @Test
  void compute_queueKpisWithNoRows_hasAZeroTotal_andEmptyLists() {
    Kpis kpis = KpiCalculator.compute(Map.of("queue_kpis", queueKpis(List.of())));

    assertTrue(kpis.byQueue().isEmpty());
    assertTrue(kpis.byDay().isEmpty());
    assertEquals(0, kpis.total().queued());
    assertNull(kpis.total().abandonmentRatePct());
    assertTrue(kpis.volume().isEmpty());
  }

  @Test
  void compute_noQuerySucceeded_isNull_andQueueKpisMissing_hasNoTotal() {
    assertNull(KpiCalculator.compute(Map.of()));

    Kpis kpis = KpiCalculator.compute(Map.of("flow_disconnects", result("flow_disconnects",
        List.of("flow_resource_id", "flow_type", "contacts_ended_in_flow", "customer_disconnects", "flow_disconnects",
            "other_disconnects"), List.of())));
    assertNotNull(kpis);
    assertNull(kpis.total());
    assertTrue(kpis.byQueue().isEmpty());
  }

  @Test
  void compute_volumeAndFlowRows_areReadByColumnName_notPosition() {
    Map<String, AthenaQueryRunner.Result> results = new LinkedHashMap<>();
    // Columns in an order unlike the queries' SELECT lists.
    results.put("contact_volume", result("contact_volume",
        List.of("callbacks", "channel", "contacts", "queue_name", "transfers", "day", "outbound", "queue_id", "inbound"),
        List.of(
            List.of("1", "VOICE", "12", "Sales", "2", D1, "3", "q-z", "6"),
            Arrays.asList("0", "CHAT", "4", null, "0", D2, "0", null, "4"))));
    results.put("flow_disconnects", result("flow_disconnects",
        List.of("other_disconnects", "flow_disconnects", "flow_type", "customer_disconnects", "flow_resource_id",
            "contacts_ended_in_flow"),
        List.of(List.of("1", "5", "CONTACT_FLOW", "3", "flow-1", "9"))));

    Kpis kpis = KpiCalculator.compute(results);

    assertEquals(List.of(new VolumeRow(D1, "q-z", "Sales", "VOICE", 12, 6, 3, 2, 1),
        new VolumeRow(D2, "", "", "CHAT", 4, 4, 0, 0, 0)), kpis.volume());
    assertEquals(List.of(new FlowDisconnectRow("flow-1", "CONTACT_FLOW", 9, 3, 5, 1)), kpis.flowDisconnects());
    assertNull(kpis.total(), "queue_kpis did not succeed");
  }

  @Test
  void compute_queueKpisColumnsReordered_giveTheSameKpis() {
    List<Integer> order = List.of(11, 3, 0, 9, 1, 5, 2, 7, 4, 10, 6, 8);
    List<String> columns = order.stream().map(QUEUE_COLUMNS::get).toList();
    List<List<String>> rows = QUEUE_ROWS.stream().map(r -> order.stream().map(r::get).toList()).toList();

    Kpis reordered = KpiCalculator.compute(Map.of("queue_kpis", result("queue_kpis", columns, rows)));

    assertEquals(KpiCalculator.compute(Map.of("queue_kpis", queueKpis(QUEUE_ROWS))), reordered);
  }

  @Test
  void compute_nonNumericCount_failsNamingQueryAndColumn() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> KpiCalculator.compute(Map.of(
        "queue_kpis", queueKpis(List.of(List.of(D1, "q-1", "One", "12", "many", "0", "0", "0", "0", "0", "0", "0"))))));

    assertTrue(e.getMessage().contains("query queue_kpis"), e.getMessage());
    assertTrue(e.getMessage().contains("column answered"), e.getMessage());
    assertTrue(e.getMessage().contains("'many'"), e.getMessage());
  }

  @Test
  void compute_missingColumn_failsNamingIt() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> KpiCalculator.compute(Map.of(
        "contact_volume", result("contact_volume", List.of("day", "queue_id"), List.of(List.of(D1, "q-1"))))));

    assertTrue(e.getMessage().startsWith("query contact_volume answered no column"), e.getMessage());
  }

  private static AthenaQueryRunner.Result queueKpis(List<List<String>> rows) {
    return result("queue_kpis", QUEUE_COLUMNS, rows);
  }

  private static AthenaQueryRunner.Result result(String name, List<String> columns, List<List<String>> rows) {
    return new AthenaQueryRunner.Result(name, "exec-" + name, "SUCCEEDED", null, 1024L, 50L, columns, rows);
  }
}
