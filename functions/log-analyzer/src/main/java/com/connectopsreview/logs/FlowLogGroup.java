package com.connectopsreview.logs;

import com.connectopsreview.shared.analyzer.Outcome;
import com.connectopsreview.shared.analyzer.ReadLog;
import com.connectopsreview.shared.sections.LogsSection.LogGroupSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogGroupsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;

/**
 * Which flow-log group to query: the request option {@code logGroup}, else the function's
 * CONNECT_FLOW_LOG_GROUP, else {@code /aws/connect/<instance alias>}, the group Amazon Connect
 * creates when flow logging is enabled for the instance. Whether it exists is answered from the
 * listing of {@code /aws/connect/} when the name is under it (that listing is read for retention
 * anyway), else with DescribeLogGroups by the name as prefix.
 */
final class FlowLogGroup {

  /** DescribeLogGroups' largest page. */
  static final int PAGE = 50;
  private static final String OPERATION = "Logs DescribeLogGroups";

  /**
   * What was asked for.
   *
   * @param name the group name (an ARN given is reduced to its name); null when nothing was configured
   */
  record Configured(String name, LogGroupSource source) {

    static Configured of(String option, String environment) {
      if (option != null && !option.isBlank()) {
        return new Configured(nameOf(option.trim()), LogGroupSource.OPTION);
      }
      if (environment != null && !environment.isBlank()) {
        return new Configured(nameOf(environment.trim()), LogGroupSource.ENVIRONMENT);
      }
      return new Configured(null, LogGroupSource.NONE);
    }

    boolean given() {
      return name != null;
    }
  }

  private FlowLogGroup() {}

  /** The name of a log group given as {@code arn:aws:logs:<region>:<account>:log-group:<name>[:*]} or as a name. */
  static String nameOf(String nameOrArn) {
    int marker = nameOrArn.indexOf(":log-group:");
    if (!nameOrArn.startsWith("arn:") || marker < 0) {
      return nameOrArn;
    }
    String name = nameOrArn.substring(marker + ":log-group:".length());
    return name.endsWith(":*") ? name.substring(0, name.length() - 2) : name;
  }

  /** Every group under {@code prefix}, every page. Call inside {@link ReadLog#attempt}. */
  static List<LogGroup> list(ReadLog log, CloudWatchLogsClient logs, String prefix) {
    DescribeLogGroupsRequest request = DescribeLogGroupsRequest.builder().logGroupNamePrefix(prefix).limit(PAGE)
        .build();
    List<LogGroup> groups = new ArrayList<>();
    for (DescribeLogGroupsResponse page : log.pages(OPERATION, logs.describeLogGroupsPaginator(request))) {
      groups.addAll(page.logGroups());
    }
    return groups;
  }

  /**
   * Whether {@code name} exists: from {@code listed} (the groups under {@link LogRetention#PREFIX}, null
   * when that listing failed) when it covers the name, else by a DescribeLogGroups of its own.
   */
  static Outcome<Boolean> exists(ReadLog log, CloudWatchLogsClient logs, String name, List<LogGroup> listed) {
    if (listed != null && name.startsWith(LogRetention.PREFIX)) {
      return Outcome.ok(listed.stream().anyMatch(g -> name.equals(g.logGroupName())));
    }
    return log.attempt("flow-log group " + name, () -> find(log, logs, name).isPresent());
  }

  private static Optional<LogGroup> find(ReadLog log, CloudWatchLogsClient logs, String name) {
    DescribeLogGroupsRequest request = DescribeLogGroupsRequest.builder().logGroupNamePrefix(name).limit(PAGE).build();
    for (DescribeLogGroupsResponse page : log.pages(OPERATION, logs.describeLogGroupsPaginator(request))) {
      Optional<LogGroup> match = page.logGroups().stream().filter(g -> name.equals(g.logGroupName())).findFirst();
      if (match.isPresent()) {
        return match;
      }
    }
    return Optional.empty();
  }
}
