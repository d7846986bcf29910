package com.connectopsreview.athena;

import static com.connectopsreview.athena.Fixtures.INSTANCE;
import static com.connectopsreview.athena.Fixtures.ids;
import static com.connectopsreview.athena.Fixtures.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.AthenaSection.CheckIds;
import com.connectopsreview.shared.sections.AthenaSection.KpiRow;
import com.connectopsreview.shared.sections.AthenaSection.Kpis;
import com.connectopsreview.shared.sections.AthenaSection.Thresholds;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thresholds: service level 80 % in 20 s, abandonment 8 %, transfers 25 %, at least 30 queued. */
class KpiRulesTest {

  private static final Thresholds THRESHOLDS = new Thresholds(20, 80.0, 10, 8.0, 25.0, 30, 3, 5.0);
  private static final String QUEUE_ARN = "arn:aws:connect:us-east-1:123456789012:instance/"
      + "11111111-2222-3333-4444-555555555555/queue/q-1";

  private final KpiRules rules = new KpiRules(INSTANCE, THRESHOLDS);

  @Test
  void abandonmentAboveThreshold_isMedium_aboveTwiceIsHigh_atThresholdNothing() {
    assertEquals(Severity.MEDIUM, abandonment(8.1).severity());
    assertEquals(Severity.MEDIUM, abandonment(16.0).severity(), "twice the threshold is not above it");
    assertEquals(Severity.HIGH, abandonment(16.1).severity());
    assertEquals(List.of(CheckIds.KPI_WITHIN_THRESHOLDS), ids(findings(queue("q-1", 100, 8.0, 8.0, 90.0, 5.0))));
  }

  @Test
  void abandonment_isJudgedWithoutShortAbandons() {
    // 12 % abandoned in all, 7 % without the short abandons: within the threshold.
    List<Finding> findings = findings(queue("q-1", 100, 12.0, 7.0, 90.0, 5.0));

    assertEquals(List.of(CheckIds.KPI_WITHIN_THRESHOLDS), ids(findings));

    Finding finding = abandonment(10.0);
    assertEquals(10.0, finding.evidence().get("abandonmentRateExShortPct"));
    assertEquals(8.0, finding.evidence().get("thresholdPct"));
    assertEquals(Pillar.PERFORMANCE, finding.pillar());
  }

  @Test
  void serviceLevelBelowTarget_isMedium_belowTargetMinus20IsHigh_atTargetNothing() {
    assertEquals(Severity.MEDIUM, serviceLevel(79.9).severity());
    assertEquals(Severity.MEDIUM, serviceLevel(60.0).severity(), "20 points under the target is not below it");
    assertEquals(Severity.HIGH, serviceLevel(59.9).severity());
    assertEquals(List.of(CheckIds.KPI_WITHIN_THRESHOLDS), ids(findings(queue("q-1", 100, 2.0, 2.0, 80.0, 5.0))));

    Finding finding = serviceLevel(70.0);
    assertEquals(70.0, finding.evidence().get("serviceLevelPct"));
    assertEquals(20L, finding.evidence().get("serviceLevelSeconds"));
    assertEquals(80.0, finding.evidence().get("targetPct"));
  }

  @Test
  void transferRateAboveThreshold_isLow() {
    Finding finding = only(findings(queue("q-1", 100, 2.0, 2.0, 90.0, 40.0)), CheckIds.KPI_TRANSFER_RATE_HIGH);

    assertEquals(Severity.LOW, finding.severity());
    assertEquals(Pillar.OPERATIONAL_EXCELLENCE, finding.pillar());
    assertEquals(40.0, finding.evidence().get("transferRatePct"));
    assertEquals(List.of(CheckIds.KPI_WITHIN_THRESHOLDS), ids(findings(queue("q-1", 100, 2.0, 2.0, 90.0, 25.0))));
  }

  @Test
  void queueFindings_nameTheQueueArn_andEveryKpiOutOfBounds() {
    List<Finding> findings = findings(queue("q-1", 100, 30.0, 20.0, 50.0, 40.0));

    assertEquals(List.of(CheckIds.KPI_ABANDONMENT_HIGH, CheckIds.KPI_SERVICE_LEVEL_LOW, CheckIds.KPI_TRANSFER_RATE_HIGH),
        ids(findings));
    for (Finding finding : findings) {
      assertEquals(QUEUE_ARN, finding.resource());
      assertEquals("q-1", finding.evidence().get("queueId"));
      assertEquals(100L, finding.evidence().get("queued"));
      assertTrue(finding.title().contains("Queue q-1 name"), "labelled by the queue's name: " + finding.title());
    }
  }

  @Test
  void queueUnderMinQueuedContacts_isNotJudged() {
    KpiRow few = queue("q-few", 29, 50.0, 50.0, 10.0, 90.0);

    assertTrue(findings(few).isEmpty(), "nothing judged: no finding, not even a PASS");

    List<Finding> findings = findings(few, queue("q-1", 30, 2.0, 2.0, 90.0, 5.0), queue("q-2", 200, 2.0, 2.0, 85.0, 1.0));
    Finding pass = only(findings, CheckIds.KPI_WITHIN_THRESHOLDS);
    assertEquals(1, findings.size(), ids(findings).toString());
    assertEquals(2L, pass.evidence().get("queuesJudged"));
  }

  @Test
  void allWithinThresholds_isOnePass_onTheInstance() {
    List<Finding> findings = findings(queue("q-1", 100, 5.0, 4.0, 85.0, 10.0), queue("q-2", 50, 1.0, 1.0, 95.0, 0.0));

    assertEquals(List.of(CheckIds.KPI_WITHIN_THRESHOLDS), ids(findings));
    assertEquals(Severity.PASS, findings.get(0).severity());
    assertEquals(INSTANCE.arn(), findings.get(0).resource());
    assertEquals(2L, findings.get(0).evidence().get("queuesJudged"));
  }

  @Test
  void noQueueKpis_noFindings() {
    Kpis kpis = new Kpis(List.of(queue("q-1", 100, 30.0, 30.0, 10.0, 90.0)), List.of(), null, List.of(), List.of());

    assertTrue(rules.findings(kpis, false).isEmpty(), "queue_kpis not read: nothing judged");
    assertTrue(rules.findings(null, true).isEmpty());
    assertTrue(rules.findings(new Kpis(List.of(), List.of(), null, List.of(), List.of()), true).isEmpty());
  }

  private Finding abandonment(double exShortPct) {
    return only(findings(queue("q-1", 100, exShortPct + 1, exShortPct, 90.0, 5.0)), CheckIds.KPI_ABANDONMENT_HIGH);
  }

  private Finding serviceLevel(double pct) {
    return only(findings(queue("q-1", 100, 2.0, 2.0, pct, 5.0)), CheckIds.KPI_SERVICE_LEVEL_LOW);
  }

  private List<Finding> findings(KpiRow... queues) {
    return rules.findings(new Kpis(List.of(queues), List.of(), null, List.of(), List.of()), true);
  }

  /** A queue row with the given rates; the counts are only what the findings quote. */
  private static KpiRow queue(String id, long queued, double abandonedPct, double abandonedExShortPct,
      double serviceLevelPct, double transferPct) {
    long answered = queued * 9 / 10;
    return new KpiRow(null, id, "Queue " + id + " name", queued, answered, queued * 8 / 10, queued / 10, queued / 50,
        answered / 4, abandonedPct, abandonedExShortPct, serviceLevelPct, transferPct, 120.0, 10.0, 20.0, 150.0);
  }
}
