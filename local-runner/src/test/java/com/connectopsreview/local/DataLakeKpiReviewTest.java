package com.connectopsreview.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.Sandbox;
import com.connectopsreview.local.sandbox.SandboxOptions;
import com.connectopsreview.local.sandbox.SandboxSize;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.ContactRecord;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.TimeWindow;
import com.connectopsreview.shared.sections.AthenaSection;
import com.connectopsreview.shared.sections.AthenaSection.CheckIds;
import com.connectopsreview.shared.sections.AthenaSection.KpiRow;
import com.connectopsreview.shared.sections.AthenaSection.Thresholds;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The athena component end to end on the small sandbox, as the CLI's --sandbox review runs it: the
 * KPIs it stores per queue, per day and in total equal what this test computes from the data lake
 * domain's own contact records (its own arithmetic, not the analyzer's nor the sandbox's), the
 * threshold findings name exactly the queues that cross the thresholds, the readiness plants are
 * findings, and each export holds as many rows as its query answered.
 */
class DataLakeKpiReviewTest {

  @TempDir Path dir;

  @Test
  void sandboxReview_storesTheKpisTheContactRecordsSay_findsThePlants_andExportsEveryRow() {
    try (Sandbox box = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL))) {
      LocalDirectoryResultStore store = new LocalDirectoryResultStore(dir);
      SandboxReviews.run(box, store, "lake", "athena");

      AnalyzerResult result = store.getResult("lake", "athena").orElseThrow();
      assertEquals(ComponentStatus.OK, result.status(), result.errors().toString());
      AthenaSection data = Json.mapper().convertValue(result.data(), AthenaSection.class);
      assertEquals(AthenaSection.SCHEMA_VERSION, result.data().path("schemaVersion").asInt());
      TimeWindow window = store.getManifest("lake").orElseThrow().window();
      Thresholds t = data.settings().thresholds();
      List<ContactRecord> contacts = latestCopies(DataLakeDomain.of(box.scenario()).rows().contacts(),
          box.instance().id(), window);

      Map<String, Sums> byQueue = new TreeMap<>();
      Map<String, Sums> byDay = new TreeMap<>();
      Sums total = new Sums();
      Map<String, String> names = new HashMap<>();
      for (ContactRecord c : contacts) {
        if (c.queueEnqueueTimestamp() == null || c.queueId() == null) {
          continue;
        }
        names.put(c.queueId(), c.queueName());
        String day = LocalDate.ofInstant(c.initiationTimestamp(), ZoneOffset.UTC).toString();
        for (Sums s : List.of(byQueue.computeIfAbsent(c.queueId(), k -> new Sums()),
            byDay.computeIfAbsent(day, k -> new Sums()), total)) {
          s.add(c, t);
        }
      }
      assertEquals(byQueue.keySet(), data.kpis().byQueue().stream().map(KpiRow::queueId).collect(Collectors.toSet()));
      for (KpiRow row : data.kpis().byQueue()) {
        byQueue.get(row.queueId()).assertMatches(row, row.queueId());
        assertEquals(names.get(row.queueId()), row.queueName());
      }
      assertEquals(List.copyOf(byDay.keySet()), data.kpis().byDay().stream().map(KpiRow::day).toList());
      data.kpis().byDay().forEach(row -> byDay.get(row.day()).assertMatches(row, row.day()));
      total.assertMatches(data.kpis().total(), "total");

      // Findings: exactly the queues (with enough contacts) over each threshold.
      Set<String> abandonment = new TreeSet<>();
      Set<String> serviceLevel = new TreeSet<>();
      Set<String> transfers = new TreeSet<>();
      byQueue.forEach((queue, s) -> {
        if (s.queued < t.minQueuedContacts()) {
          return;
        }
        if (pct(s.abandoned - s.shortAbandoned, s.queued - s.shortAbandoned) > t.abandonmentRateMaxPct()) {
          abandonment.add(queue);
        }
        if (pct(s.inThreshold, s.queued) < t.serviceLevelTargetPct()) {
          serviceLevel.add(queue);
        }
        if (pct(s.transferred, s.answered) > t.transferRateMaxPct()) {
          transfers.add(queue);
        }
      });
      assertEquals(abandonment, queues(result, CheckIds.KPI_ABANDONMENT_HIGH));
      assertEquals(serviceLevel, queues(result, CheckIds.KPI_SERVICE_LEVEL_LOW));
      assertEquals(transfers, queues(result, CheckIds.KPI_TRANSFER_RATE_HIGH));
      assertTrue(!abandonment.isEmpty() && !serviceLevel.isEmpty() && !transfers.isEmpty(),
          "the sandbox plants one queue over each threshold");

      // Readiness plants: the broken link and the Lake Formation denial, each with its fix.
      Finding broken = only(result, CheckIds.RESOURCE_LINK_NO_STORAGE_DESCRIPTOR);
      assertTrue(broken.recommendation().contains("TARGET table"), broken.recommendation());
      Finding denied = only(result, CheckIds.LAKE_FORMATION_DENIED);
      assertTrue(denied.title().contains("contact_evaluation_record"), denied.title());
      assertTrue(denied.detail().contains("role/ConnectOpsReviewLocal nothing there"), denied.detail());
      only(result, CheckIds.RESULTS_BUCKET_NO_LIFECYCLE);

      // Exports: one CSV line per result row plus the header, one JSON line per row.
      for (AthenaSection.QueryRun query : data.queries()) {
        assertEquals("SUCCEEDED", query.state(), query.name());
        assertNotNull(query.export(), query.name());
        assertEquals(query.rows(), query.export().rows(), query.name());
        String csv = text(store, "athena-" + query.name() + ".csv");
        assertEquals(query.rows() + 1, csv.split("\r\n").length, query.name());
        String jsonLines = text(store, "athena-" + query.name() + ".jsonl");
        assertEquals((int) query.rows(), jsonLines.isEmpty() ? 0 : jsonLines.split("\n").length, query.name());
      }
      assertEquals(data.kpis().volume().stream().mapToLong(AthenaSection.VolumeRow::contacts).sum(), contacts.size(),
          "every contact of the window counted once in contact_volume");
      assertTrue(data.dataScannedBytes() > 0 && data.costUsd() > 0, "scan and cost reported");
    }
  }

  /** The instance's contacts begun in the window, each contact_id once (its latest processed copy). */
  private static List<ContactRecord> latestCopies(List<ContactRecord> all, String instance, TimeWindow window) {
    Map<String, ContactRecord> latest = new HashMap<>();
    for (ContactRecord c : all) {
      if (c.instanceId().equals(instance) && !c.initiationTimestamp().isBefore(window.start())
          && c.initiationTimestamp().isBefore(window.end())) {
        latest.merge(c.contactId(), c, (a, b) ->
            a.dataLakeLastProcessedTimestamp().isAfter(b.dataLakeLastProcessedTimestamp()) ? a : b);
      }
    }
    return List.copyOf(latest.values());
  }

  private static double pct(long part, long whole) {
    return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).doubleValue();
  }

  private static Set<String> queues(AnalyzerResult result, String checkId) {
    return result.findings().stream().filter(f -> f.checkId().equals(checkId))
        .map(f -> String.valueOf(f.evidence().get("queueId"))).collect(Collectors.toCollection(TreeSet::new));
  }

  private static Finding only(AnalyzerResult result, String checkId) {
    List<Finding> found = result.findings().stream().filter(f -> f.checkId().equals(checkId)).toList();
    assertEquals(1, found.size(), checkId + " in " + result.findings());
    return found.get(0);
  }

  private static String text(LocalDirectoryResultStore store, String artifact) {
    return new String(store.getArtifact("lake", artifact).orElseThrow(), StandardCharsets.UTF_8);
  }

  /** The counts and sums of one queue, day or all, from the contact record's definitions (docs/checks.md). */
  private static final class Sums {
    long queued;
    long answered;
    long inThreshold;
    long abandoned;
    long shortAbandoned;
    long transferred;
    long talk;
    long hold;
    long acw;

    void add(ContactRecord c, Thresholds t) {
      queued++;
      if (c.agentConnectedToAgentTimestamp() != null) {
        answered++;
        inThreshold += c.queueDurationMs() <= t.serviceLevelSeconds() * 1000L ? 1 : 0;
        transferred += c.transferCompletedTimestamp() != null ? 1 : 0;
        talk += c.agentInteractionDurationMs();
        hold += c.agentCustomerHoldDurationMs();
        acw += c.agentAfterContactWorkDurationMs();
      } else if ("CUSTOMER_DISCONNECT".equals(c.disconnectReason()) && !"CALLBACK".equals(c.initiationMethod())) {
        abandoned++;
        shortAbandoned += c.queueDurationMs() < t.shortAbandonSeconds() * 1000L ? 1 : 0;
      }
    }

    void assertMatches(KpiRow row, String what) {
      assertEquals(List.of(queued, answered, inThreshold, abandoned, shortAbandoned, transferred),
          List.of(row.queued(), row.answered(), row.answeredInThreshold(), row.abandoned(), row.shortAbandoned(),
              row.transferred()), what);
      assertEquals(pct(abandoned, queued), row.abandonmentRatePct(), what);
      assertEquals(pct(abandoned - shortAbandoned, queued - shortAbandoned), row.abandonmentRateExShortPct(), what);
      assertEquals(pct(inThreshold, queued), row.serviceLevelPct(), what);
      assertEquals(pct(transferred, answered), row.transferRatePct(), what);
      assertEquals(seconds(talk + hold + acw), row.averageHandleSeconds(), what);
      assertEquals(seconds(hold), row.averageHoldSeconds(), what);
    }

    private double seconds(long millis) {
      return BigDecimal.valueOf(millis).divide(BigDecimal.valueOf(answered * 1000L), 1, RoundingMode.HALF_UP)
          .doubleValue();
    }
  }
}
