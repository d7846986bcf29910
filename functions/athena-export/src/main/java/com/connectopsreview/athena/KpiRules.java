package com.connectopsreview.athena;

import com.connectopsreview.shared.links.ConsoleLinks;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.AthenaSection.CheckIds;
import com.connectopsreview.shared.sections.AthenaSection.KpiRow;
import com.connectopsreview.shared.sections.AthenaSection.Kpis;
import com.connectopsreview.shared.sections.AthenaSection.Thresholds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Contact outcomes judged against the configured thresholds, one finding per queue and KPI. A queue
 * with fewer than {@link Thresholds#minQueuedContacts} contacts queued in the window is not judged: a
 * handful of contacts makes any rate meaningless. docs/checks.md, section "athena", lists the rules.
 */
final class KpiRules {

  private final InstanceRef instance;
  private final ConsoleLinks links;
  private final Thresholds thresholds;

  KpiRules(InstanceRef instance, Thresholds thresholds) {
    this.instance = instance;
    this.links = ConsoleLinks.forInstance(instance);
    this.thresholds = thresholds;
  }

  List<Finding> findings(Kpis kpis, boolean queueKpisRead) {
    List<Finding> findings = new ArrayList<>();
    if (kpis == null || !queueKpisRead) {
      return findings;
    }
    int judged = 0;
    for (KpiRow queue : kpis.byQueue()) {
      if (queue.queued() < thresholds.minQueuedContacts()) {
        continue;
      }
      judged++;
      abandonment(queue).ifPresent(findings::add);
      serviceLevel(queue).ifPresent(findings::add);
      transfers(queue).ifPresent(findings::add);
    }
    if (findings.isEmpty() && judged > 0) {
      findings.add(Finding.builder(CheckIds.KPI_WITHIN_THRESHOLDS, Severity.PASS, Pillar.PERFORMANCE)
          .title(judged + " queue(s) within the abandonment, service level and transfer thresholds")
          .resource(instance.arn()).consoleUrl(kpiLink())
          .evidence("queuesJudged", (long) judged)
          .evidence("serviceLevelSeconds", (long) thresholds.serviceLevelSeconds()).build());
    }
    return findings;
  }

  private Optional<Finding> abandonment(KpiRow q) {
    Double rate = q.abandonmentRateExShortPct();
    double max = thresholds.abandonmentRateMaxPct();
    if (rate == null || rate <= max) {
      return Optional.empty();
    }
    Severity severity = rate > 2 * max ? Severity.HIGH : Severity.MEDIUM;
    return Optional.of(queueFinding(CheckIds.KPI_ABANDONMENT_HIGH, severity, Pillar.PERFORMANCE, q)
        .title(rate + " % of contacts abandoned queue " + label(q) + " (threshold " + max + " %)")
        .detail((q.abandoned() - q.shortAbandoned()) + " of " + (q.queued() - q.shortAbandoned())
            + " contacts queued hung up before reaching an agent, not counting " + q.shortAbandoned()
            + " short abandons (under " + thresholds.shortAbandonSeconds() + " s); with them, "
            + q.abandonmentRatePct() + " %.")
        .recommendation("Compare staffing with the queue's arrival pattern by hour (historical metrics), offer "
            + "queued callback, announce the expected wait, and check the routing profiles that serve the queue.")
        .evidence("abandonmentRateExShortPct", rate)
        .evidence("abandonmentRatePct", q.abandonmentRatePct())
        .evidence("abandoned", q.abandoned())
        .evidence("shortAbandoned", q.shortAbandoned())
        .evidence("thresholdPct", max).build());
  }

  private Optional<Finding> serviceLevel(KpiRow q) {
    Double level = q.serviceLevelPct();
    double target = thresholds.serviceLevelTargetPct();
    if (level == null || level >= target) {
      return Optional.empty();
    }
    Severity severity = level < target - 20 ? Severity.HIGH : Severity.MEDIUM;
    return Optional.of(queueFinding(CheckIds.KPI_SERVICE_LEVEL_LOW, severity, Pillar.PERFORMANCE, q)
        .title("Queue " + label(q) + " answered " + level + " % of contacts within "
            + thresholds.serviceLevelSeconds() + " s (target " + target + " %)")
        .detail(q.answeredInThreshold() + " of " + q.queued() + " contacts queued were answered within "
            + thresholds.serviceLevelSeconds() + " s; " + q.answered() + " were answered at all.")
        .recommendation("Add agents (or routing profiles) to the queue at its busy hours, or route overflow to "
            + "another queue after a set wait (Set working queue with a time-based check in the customer queue "
            + "flow).")
        .evidence("serviceLevelPct", level)
        .evidence("serviceLevelSeconds", (long) thresholds.serviceLevelSeconds())
        .evidence("answeredInThreshold", q.answeredInThreshold())
        .evidence("targetPct", target).build());
  }

  private Optional<Finding> transfers(KpiRow q) {
    Double rate = q.transferRatePct();
    double max = thresholds.transferRateMaxPct();
    if (rate == null || rate <= max) {
      return Optional.empty();
    }
    return Optional.of(queueFinding(CheckIds.KPI_TRANSFER_RATE_HIGH, Severity.LOW,
            Pillar.OPERATIONAL_EXCELLENCE, q)
        .title(rate + " % of answered contacts in queue " + label(q) + " were transferred (threshold " + max + " %)")
        .detail(q.transferred() + " of " + q.answered() + " answered contacts ended in a transfer: customers "
            + "reach the wrong agents first.")
        .recommendation("Review what the entry flow asks before queueing (menu options, Lex intents) and the "
            + "routing profiles' skills, so contacts reach an agent who can resolve them.")
        .evidence("transferRatePct", rate)
        .evidence("transferred", q.transferred())
        .evidence("thresholdPct", max).build());
  }

  private Finding.Builder queueFinding(String checkId, Severity severity, Pillar pillar, KpiRow q) {
    return Finding.builder(checkId, severity, pillar)
        .resource("arn:" + instance.partition() + ":connect:" + instance.region() + ":" + instance.accountId()
            + ":instance/" + instance.id() + "/queue/" + q.queueId())
        .consoleUrl(kpiLink())
        .evidence("queueId", q.queueId())
        .evidence("queued", q.queued());
  }

  /**
   * The instance's console page: the historical metrics page lives in the admin website, whose URL
   * only Connect DescribeInstance tells, and this function carries no Connect client for one link.
   */
  private String kpiLink() {
    return links.instanceOverview();
  }

  private static String label(KpiRow q) {
    return q.queueName() == null || q.queueName().isBlank() ? q.queueId() : q.queueName();
  }
}
