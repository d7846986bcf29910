package com.connectopsreview.logs;

import com.connectopsreview.shared.links.ConsoleLinks;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.LogsSection.CheckIds;
import com.connectopsreview.shared.sections.LogsSection.LogGroupRow;
import com.connectopsreview.shared.sections.LogsSection.Retention;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/**
 * The retention of the log groups under {@code /aws/connect/} (upstream-spec §4.11 item 3). A group
 * without {@code retentionInDays} keeps its events forever. AWS's guidance is to set a retention that
 * fits the data's purpose; flow logs hold customer data and grow with every contact, so "never
 * expire" is a cost and compliance issue, not an outage: LOW per group (upstream: warn).
 */
final class LogRetention {

  /** The prefix Amazon Connect names its log groups under. */
  static final String PREFIX = "/aws/connect/";

  private final ConsoleLinks links;

  LogRetention(ConsoleLinks links) {
    this.links = links;
  }

  record Evaluation(Retention retention, List<Finding> findings) {}

  Evaluation evaluate(List<LogGroup> groups, String flowLogGroup) {
    List<LogGroupRow> rows = groups.stream()
        .sorted(Comparator.comparing(LogGroup::logGroupName))
        .map(g -> new LogGroupRow(g.logGroupName(), arn(g), g.retentionInDays(), g.storedBytes(),
            g.creationTime() == null ? null : Instant.ofEpochMilli(g.creationTime()),
            g.logGroupName().equals(flowLogGroup)))
        .toList();
    List<Finding> findings = new ArrayList<>();
    int without = 0;
    for (LogGroupRow row : rows) {
      if (row.retentionInDays() == null) {
        without++;
        findings.add(none(row));
      }
    }
    if (rows.isEmpty()) {
      findings.add(Finding.builder(CheckIds.RETENTION_NO_GROUPS, Severity.INFO, Pillar.COST)
          .title("No log groups under " + PREFIX)
          .detail("DescribeLogGroups lists no group whose name starts with " + PREFIX + " in the instance's Region.")
          .consoleUrl(links.logGroups(PREFIX))
          .build());
    } else if (without == 0) {
      findings.add(Finding.builder(CheckIds.RETENTION_SET, Severity.PASS, Pillar.COST)
          .title("All " + rows.size() + " log groups under " + PREFIX + " have a retention period")
          .consoleUrl(links.logGroups(PREFIX))
          .evidence("logGroups", (long) rows.size())
          .build());
    }
    return new Evaluation(new Retention(rows.size(), without, rows), findings);
  }

  private Finding none(LogGroupRow row) {
    return Finding.builder(CheckIds.RETENTION_NONE, Severity.LOW, Pillar.COST)
        .title("Log group " + row.name() + " never expires its events")
        .detail("No retention is set, so every event is kept and billed indefinitely"
            + (row.storedBytes() == null ? "" : " (" + row.storedBytes() + " bytes stored)")
            + (row.flowLogGroup() ? "; it is the instance's flow-log group, whose records can hold customer data."
                : "."))
        .recommendation("Set a retention period that fits how long the logs are needed (for example 30 to 90 days) "
            + "and your data-retention policy.")
        .resource(row.arn() != null ? row.arn() : row.name())
        .consoleUrl(links.logGroups(row.name()))
        .evidence("logGroup", row.name()).evidence("storedBytes", row.storedBytes())
        .evidence("flowLogGroup", row.flowLogGroup())
        .build();
  }

  /** The group's ARN without the {@code :*} that the {@code arn} member carries. */
  private static String arn(LogGroup group) {
    if (group.logGroupArn() != null) {
      return group.logGroupArn();
    }
    String arn = group.arn();
    return arn != null && arn.endsWith(":*") ? arn.substring(0, arn.length() - 2) : arn;
  }
}
