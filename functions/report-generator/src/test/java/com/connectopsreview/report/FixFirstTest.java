package com.connectopsreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FixFirstTest {

  @Test
  void items_oneFixPerCheck_bySeverityThenBlastRadius_passAndInfoLeftOut() {
    ComponentReport phone = component("phone",
        finding("PHONE.NUMBER.UNUSED", Severity.LOW, "n1"), finding("PHONE.NUMBER.UNUSED", Severity.LOW, "n2"),
        finding("PHONE.NUMBER.UNUSED", Severity.LOW, "n3"), finding("PHONE.NUMBER.FAILED", Severity.HIGH, "n4"),
        finding("PHONE.INVENTORY", Severity.INFO, "i"), finding("PHONE.OK", Severity.PASS, "p"));
    ComponentReport flow = component("flow",
        finding("FLOW.LOGGING.OFF", Severity.HIGH, "f1"), finding("FLOW.LOGGING.OFF", Severity.MEDIUM, "f2"),
        finding("FLOW.ERROR_BRANCH.NONE", Severity.LOW, "f3"));
    ComponentReport quota = component("quota", finding("QUOTA.QUEUES.CRITICAL", Severity.CRITICAL, "q"));

    List<FixFirst.Item> items = FixFirst.items(List.of(phone, flow, quota));

    assertEquals(List.of("QUOTA.QUEUES.CRITICAL", "FLOW.LOGGING.OFF", "PHONE.NUMBER.FAILED", "PHONE.NUMBER.UNUSED",
        "FLOW.ERROR_BRANCH.NONE"), items.stream().map(FixFirst.Item::checkId).toList());
    FixFirst.Item logging = items.get(1);
    assertEquals(Severity.HIGH, logging.severity(), "the check's worst finding");
    assertEquals(2, logging.resources(), "two flows: blast radius 2 ranks it before the one-number HIGH");
    assertEquals("flow", logging.component());
    assertEquals(3, items.get(3).resources());
  }

  @Test
  void pillars_losePerFailingCheckOnce_byItsWorstSeverity_downToZero() {
    ComponentReport security = component("instance",
        finding("A.B", Severity.HIGH, "1"), finding("A.B", Severity.HIGH, "2"), finding("A.B", Severity.HIGH, "3"),
        finding("A.C", Severity.MEDIUM, "4"), finding("A.D", Severity.LOW, "5"), finding("A.E", Severity.INFO, "6"),
        finding("A.F", Severity.PASS, "7"));
    ComponentReport worse = component("quota", finding("Q.A", Severity.CRITICAL, "a"), finding("Q.B", Severity.CRITICAL,
        "b"), finding("Q.C", Severity.CRITICAL, "c"), finding("Q.D", Severity.CRITICAL, "d"), finding("Q.E",
        Severity.CRITICAL, "e"));

    Map<Pillar, FixFirst.PillarScore> scores = new java.util.EnumMap<>(Pillar.class);
    FixFirst.pillars(List.of(security)).forEach(p -> scores.put(p.pillar(), p));
    FixFirst.PillarScore s = scores.get(Pillar.SECURITY);
    assertEquals(100 - 10 - 4 - 1, s.score(), "A.B counts once though it hits three resources");
    assertEquals(3, s.failingChecks());
    assertEquals(Map.of(Severity.HIGH, 3L, Severity.MEDIUM, 1L, Severity.LOW, 1L, Severity.INFO, 1L), s.findings());
    assertEquals(1, s.passes());
    assertEquals(100, scores.get(Pillar.COST).score(), "no finding, full score");
    assertEquals(5, FixFirst.pillars(List.of(security)).size(), "every pillar listed");
    assertEquals(0, FixFirst.pillars(List.of(worse)).stream().filter(p -> p.pillar() == Pillar.SECURITY)
        .findFirst().orElseThrow().score(), "five CRITICAL checks: 0, not negative");
  }

  @Test
  void firstSentence_stopsAtTheFirstFullStop_notAtAnAbbreviation() {
    assertEquals("Grant SELECT on the table.", FixFirst.firstSentence("Grant SELECT on the table. Then retry."));
    assertEquals("Add a rule (e.g. 30 days) to the bucket.",
        FixFirst.firstSentence("Add a rule (e.g. 30 days) to the bucket. Or use managed results."));
    assertEquals("No full stop here", FixFirst.firstSentence("  No full stop here "));
    assertNull(FixFirst.firstSentence(" "));
  }

  private static ComponentReport component(String name, Finding... findings) {
    return new ComponentReport(name, name, ComponentStatus.OK, 1L, Map.of(), List.of(findings), List.of(), null);
  }

  private static Finding finding(String checkId, Severity severity, String resource) {
    return Finding.builder(checkId, severity, Pillar.SECURITY).title(checkId + " on " + resource)
        .recommendation("Fix it.").resource(resource).build();
  }
}
