package com.connectopsreview.logs;

import com.connectopsreview.logs.RecommendedAlarms.Recommended;
import com.connectopsreview.shared.analyzer.Percent;
import com.connectopsreview.shared.cloudwatch.MetricAlarms.Alarm;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.LogsSection.AlarmRow;
import com.connectopsreview.shared.sections.LogsSection.Alarms;
import com.connectopsreview.shared.sections.LogsSection.CheckIds;
import com.connectopsreview.shared.sections.LogsSection.RecommendedAlarm;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The recommended Amazon Connect alarms against the account's metric alarms. A recommended alarm is
 * found when an alarm watches its metric in AWS/Connect with the dimension InstanceId = this
 * instance's id (the value Connect publishes its instance metrics under); thresholds and statistics
 * are reported, not judged.
 *
 * <p>Severities follow what the gap risks. A missing alarm is a detection gap, not an outage: MEDIUM
 * when a missing one would report contacts being refused, throttled or failing (upstream's CRITICAL
 * rows), LOW otherwise. An alarm in ALARM means its condition holds now: HIGH for those metrics,
 * MEDIUM for the others. An alarm without actions (ActionsEnabled false or no AlarmActions) fires
 * unheard: MEDIUM for those metrics, LOW for the others.
 */
final class AlarmCoverage {

  private final String instanceId;
  private final String instanceArn;
  private final String alarmsConsoleUrl;

  /** @param instanceArn the resource of the instance-level findings (summary, missing, complete) */
  AlarmCoverage(String instanceId, String instanceArn, String alarmsConsoleUrl) {
    this.instanceId = instanceId;
    this.alarmsConsoleUrl = alarmsConsoleUrl;
    this.instanceArn = instanceArn;
  }

  /** The section part and the findings, from every metric alarm of the Region. */
  record Evaluation(Alarms alarms, List<Finding> findings) {}

  Evaluation evaluate(List<Alarm> all) {
    List<RecommendedAlarm> rows = new ArrayList<>();
    List<Finding> findings = new ArrayList<>();
    List<Recommended> missing = new ArrayList<>();
    Set<String> counted = new LinkedHashSet<>();
    int inAlarm = 0;
    int withoutActions = 0;
    for (Recommended r : RecommendedAlarms.ALL) {
      List<Alarm> existing = all.stream().filter(a -> a.watches(RecommendedAlarms.NAMESPACE, r.metricName(),
          RecommendedAlarms.INSTANCE_DIMENSION, instanceId)).toList();
      if (existing.isEmpty()) {
        missing.add(r);
      }
      for (Alarm a : existing) {
        // A metric-math alarm over two recommended metrics is judged once.
        if (!counted.add(a.arn() == null ? a.name() : a.arn())) {
          continue;
        }
        if (a.inAlarm()) {
          inAlarm++;
          findings.add(inAlarm(r, a));
        }
        if (!a.hasActions()) {
          withoutActions++;
          findings.add(noActions(r, a));
        }
      }
      rows.add(new RecommendedAlarm(r.metricName(), r.metricGroup(), r.statistic(), r.comparison(), r.threshold(),
          r.period(), r.evaluationPeriods(), r.priority(), !existing.isEmpty(),
          existing.stream().map(AlarmCoverage::row).toList()));
    }
    List<AlarmRow> extra = all.stream()
        .filter(a -> RecommendedAlarms.NAMESPACE.equals(a.namespace()) && !RecommendedAlarms.METRICS.contains(
            a.metricName()) && instanceId.equals(a.dimensions().get(RecommendedAlarms.INSTANCE_DIMENSION)))
        .map(AlarmCoverage::row).toList();
    int recommended = RecommendedAlarms.ALL.size();
    int found = recommended - missing.size();
    BigDecimal coverage = Percent.of(found, recommended);
    findings.add(0, summary(found, recommended, coverage, inAlarm, withoutActions, all.size()));
    if (missing.isEmpty()) {
      findings.add(1, complete(recommended));
    } else {
      findings.add(1, missing(missing, found, recommended, coverage));
    }
    return new Evaluation(new Alarms(all.size(), recommended, found, coverage, inAlarm, withoutActions, rows, extra),
        findings);
  }

  private Finding summary(int found, int recommended, BigDecimal coverage, int inAlarm, int withoutActions, int read) {
    return Finding.builder(CheckIds.ALARMS_SUMMARY, Severity.INFO, Pillar.OPERATIONAL_EXCELLENCE)
        .resource(instanceArn)
        .title("Recommended Connect alarms: " + found + " of " + recommended + " (" + coverage.toPlainString()
            + " %)")
        .detail(inAlarm + " in ALARM, " + withoutActions + " without actions; " + read
            + " metric alarms read in the Region.")
        .consoleUrl(alarmsConsoleUrl)
        .evidence("found", (long) found).evidence("recommended", (long) recommended)
        .evidence("coveragePercent", coverage).evidence("inAlarm", (long) inAlarm)
        .evidence("withoutActions", (long) withoutActions).evidence("metricAlarmsRead", (long) read)
        .build();
  }

  private Finding complete(int recommended) {
    return Finding.builder(CheckIds.ALARMS_COMPLETE, Severity.PASS, Pillar.OPERATIONAL_EXCELLENCE)
        .resource(instanceArn)
        .title("All " + recommended + " recommended Connect alarms exist")
        .consoleUrl(alarmsConsoleUrl)
        .evidence("recommended", (long) recommended)
        .build();
  }

  private Finding missing(List<Recommended> missing, int found, int recommended, BigDecimal coverage) {
    boolean critical = missing.stream().anyMatch(Recommended::critical);
    List<String> metrics = missing.stream().map(Recommended::metricName).toList();
    return Finding.builder(CheckIds.ALARMS_MISSING, critical ? Severity.MEDIUM : Severity.LOW,
            Pillar.OPERATIONAL_EXCELLENCE)
        .resource(instanceArn)
        .title(missing.size() + " of " + recommended + " recommended Connect alarms missing (coverage "
            + coverage.toPlainString() + " %)")
        .detail("No alarm watches " + String.join(", ", metrics) + " for InstanceId " + instanceId + "."
            + (critical ? " Some of them report contacts being refused, throttled or failing." : ""))
        .recommendation("Create the missing alarms (AWS/Connect, dimension InstanceId, the statistic, threshold and "
            + "period of the recommended table) with an SNS action that reaches the on-call team.")
        .consoleUrl(alarmsConsoleUrl)
        .evidence("missing", metrics).evidence("found", (long) found).evidence("recommended", (long) recommended)
        .evidence("coveragePercent", coverage)
        .evidence("missingCritical", missing.stream().filter(Recommended::critical).map(Recommended::metricName)
            .toList())
        .build();
  }

  private Finding inAlarm(Recommended r, Alarm a) {
    return Finding.builder(CheckIds.ALARMS_IN_ALARM, r.critical() ? Severity.HIGH : Severity.MEDIUM,
            Pillar.RELIABILITY)
        .title("Alarm '" + a.name() + "' on " + r.metricName() + " is in ALARM")
        .detail("The condition it watches holds now (" + a.statistic() + " " + a.comparisonOperator() + " "
            + a.threshold() + " over " + a.period() + " s).")
        .recommendation("Find out why " + r.metricName() + " breaches its threshold and act on it; an alarm left in "
            + "ALARM also hides the next breach.")
        .resource(a.arn())
        .consoleUrl(alarmsConsoleUrl)
        .evidence("alarmName", a.name()).evidence("metricName", r.metricName()).evidence("state", a.stateValue())
        .evidence("priority", r.priority())
        .build();
  }

  private Finding noActions(Recommended r, Alarm a) {
    return Finding.builder(CheckIds.ALARMS_NO_ACTIONS, r.critical() ? Severity.MEDIUM : Severity.LOW,
            Pillar.OPERATIONAL_EXCELLENCE)
        .title("Alarm '" + a.name() + "' on " + r.metricName() + " notifies no one")
        .detail(a.actionsEnabled() ? "It has no AlarmActions." : "Its actions are disabled (ActionsEnabled false).")
        .recommendation("Add an AlarmAction (an SNS topic the on-call team receives) and keep actions enabled.")
        .resource(a.arn())
        .consoleUrl(alarmsConsoleUrl)
        .evidence("alarmName", a.name()).evidence("metricName", r.metricName())
        .evidence("actionsEnabled", a.actionsEnabled()).evidence("alarmActions", (long) a.alarmActions().size())
        .evidence("priority", r.priority())
        .build();
  }

  private static AlarmRow row(Alarm a) {
    return new AlarmRow(a.name(), a.arn(), a.metricName(), a.stateValue(), a.statistic(), a.comparisonOperator(),
        a.threshold(), a.period(), a.evaluationPeriods(), a.hasActions(), a.dimensions());
  }
}
