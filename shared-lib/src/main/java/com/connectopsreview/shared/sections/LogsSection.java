package com.connectopsreview.shared.sections;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} payload of the {@code logs} component: contact-flow errors from the flow-log
 * group (Logs Insights), the recommended Amazon Connect CloudWatch alarms and the retention of the
 * log groups under {@code /aws/connect/}. The shape is documented in docs/checks.md (section
 * "logs", "Data payload") for the report.
 *
 * @param flowErrors null when the flow-log part did not run at all
 * @param alarms null when DescribeAlarms could not be read
 * @param retention null when DescribeLogGroups could not be read
 * @param redactionPolicy the policy applied to the samples ({@code RedactionPolicy.describe()})
 */
public record LogsSection(
    FlowErrors flowErrors,
    Alarms alarms,
    Retention retention,
    String redactionPolicy) implements Section {

  public static final int SCHEMA_VERSION = 1;

  @Override
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }

  /** Where the flow-log group name came from. */
  public enum LogGroupSource {
    /** The request option {@code logGroup} (the orchestrator's CONNECT_CW_LOG_GROUP). */
    OPTION,
    /** The function's CONNECT_FLOW_LOG_GROUP (the stack parameter AmazonConnectCloudWatchLogGroup). */
    ENVIRONMENT,
    /** Found as {@code /aws/connect/<instance alias>}. */
    DISCOVERED,
    /** Neither given nor found. */
    NONE
  }

  /** What became of the flow-error analysis. */
  public enum FlowErrorsStatus {
    /** The queries ran to the end over the whole window. */
    ANALYZED,
    /** Some queries or parts of the window could not be read ({@code errors} says which); the counts are a floor. */
    INCOMPLETE,
    /** The configured log group does not exist. */
    LOG_GROUP_NOT_FOUND,
    /** No group was configured and {@code /aws/connect/<alias>} does not exist. */
    NO_LOG_GROUP,
    /** The log group could not be determined (DescribeInstance or DescribeLogGroups failed). */
    NOT_READ
  }

  /**
   * How a flow-log error record is classified, the first rule that matches winning (docs/checks.md,
   * "logs", error categories).
   */
  public enum ErrorCategory {
    TIMEOUT("Timeout"),
    LAMBDA("Lambda failure"),
    LEX("Lex failure"),
    INVALID_INPUT("Invalid input / no match"),
    NOT_FOUND("Not found"),
    OTHER("Other");

    private final String label;

    ErrorCategory(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /**
   * The flow-error part.
   *
   * @param logGroup the flow-log group queried (or looked for); null when none was named or found
   * @param windowStart first second queried (StartQuery startTime)
   * @param windowEnd last second queried (StartQuery endTime, inclusive)
   * @param note why nothing (or not everything) was analyzed; null when ANALYZED
   * @param totalErrors error records counted (the stats query's sum)
   * @param byCategory category → error records, every category present (zero included)
   * @param byBlockType ContactFlowModuleType → error records, most first
   * @param flows one row per flow with errors, most errors first
   * @param samples the most recent error records, newest first, each already redacted
   * @param statsQuery the Logs Insights query that produced the counts
   * @param samplesQuery the query that produced the samples
   * @param insightsUrl the Logs Insights console with {@code statsQuery}, the group and the window
   */
  public record FlowErrors(
      String logGroup,
      LogGroupSource source,
      FlowErrorsStatus status,
      Instant windowStart,
      Instant windowEnd,
      String note,
      long totalErrors,
      Map<ErrorCategory, Long> byCategory,
      Map<String, Long> byBlockType,
      List<FlowRow> flows,
      List<Sample> samples,
      String statsQuery,
      String samplesQuery,
      String insightsUrl,
      QueryStats queries) {}

  /**
   * The errors of one flow.
   *
   * @param flowId the id from the ContactFlowId ARN
   * @param flowName ContactFlowName of the records, else ListContactFlows' name; null when neither knows it
   * @param errorsPerDay errors / days of the window, 2 dp half up
   * @param byCategory only the categories with errors
   */
  public record FlowRow(String flowId, String flowArn, String flowName, long errors, BigDecimal errorsPerDay,
      Map<ErrorCategory, Long> byCategory, Map<String, Long> byBlockType) {}

  /**
   * One recent error record.
   *
   * @param record the {@code @message} JSON after the review's redaction policy; a record that was not
   *     JSON is a text node, its text pattern-redacted
   */
  public record Sample(Instant timestamp, String flowId, String flowName, String blockType, ErrorCategory category,
      JsonNode record) {}

  /**
   * How the Logs Insights queries went.
   *
   * @param queriesRun StartQuery calls that ran to Complete
   * @param splits time ranges split in two because the stats query reached the result cap
   * @param polls GetQueryResults calls
   * @param recordsMatched / recordsScanned / bytesScanned the services' statistics, summed
   */
  public record QueryStats(int queriesRun, int splits, int polls, long recordsMatched, long recordsScanned,
      long bytesScanned) {}

  /**
   * The recommended Amazon Connect alarms (upstream-spec §4.11 item 1) against the metric alarms of
   * the account and Region.
   *
   * @param metricAlarmsRead every metric alarm DescribeAlarms returned (metric-math alarms count once per metric)
   * @param coveragePercent found / recommended · 100, 1 dp half up
   * @param extra alarms on this instance's AWS/Connect metrics that are not in the recommended list
   */
  public record Alarms(int metricAlarmsRead, int recommended, int found, BigDecimal coveragePercent, int inAlarm,
      int withoutActions, List<RecommendedAlarm> alarms, List<AlarmRow> extra) {}

  /**
   * One recommended alarm: what AWS recommends and what exists.
   *
   * @param priority upstream's severity of the alarm (CRITICAL, HIGH, MEDIUM)
   * @param existing the alarms watching the metric with InstanceId = this instance; empty when missing
   */
  public record RecommendedAlarm(String metricName, String metricGroup, String statistic, String comparison,
      BigDecimal threshold, int period, int evaluationPeriods, String priority, boolean found,
      List<AlarmRow> existing) {}

  /** An existing alarm as DescribeAlarms describes it. */
  public record AlarmRow(String name, String arn, String metricName, String state, String statistic,
      String comparison, Double threshold, Integer period, Integer evaluationPeriods, boolean hasActions,
      Map<String, String> dimensions) {}

  /**
   * The log groups under {@code /aws/connect/} (every instance of the account and Region).
   *
   * @param withoutRetention groups whose events never expire (no retentionInDays)
   */
  public record Retention(int logGroups, int withoutRetention, List<LogGroupRow> groups) {}

  /**
   * @param retentionInDays null: never expire
   * @param flowLogGroup the group the flow-error part queried
   */
  public record LogGroupRow(String name, String arn, Integer retentionInDays, Long storedBytes, Instant created,
      boolean flowLogGroup) {}

  /**
   * Every checkId the logs analyzer emits. Stable once released; documented in {@code docs/checks.md}
   * (section "logs").
   */
  public static final class CheckIds {

    public static final String FLOW_ERRORS_HIGH_VOLUME = "LOGS.FLOW_ERRORS.HIGH_VOLUME";
    public static final String FLOW_ERRORS_RECURRING = "LOGS.FLOW_ERRORS.RECURRING";
    public static final String FLOW_ERRORS_SPORADIC = "LOGS.FLOW_ERRORS.SPORADIC";
    public static final String FLOW_ERRORS_SUMMARY = "LOGS.FLOW_ERRORS.SUMMARY";
    public static final String FLOW_ERRORS_NONE = "LOGS.FLOW_ERRORS.NONE";
    public static final String FLOW_LOGS_NOT_FOUND = "LOGS.FLOW_LOGS.NOT_FOUND";
    public static final String FLOW_LOGS_NO_LOG_GROUP = "LOGS.FLOW_LOGS.NO_LOG_GROUP";

    public static final String ALARMS_MISSING = "LOGS.ALARMS.MISSING";
    public static final String ALARMS_IN_ALARM = "LOGS.ALARMS.IN_ALARM";
    public static final String ALARMS_NO_ACTIONS = "LOGS.ALARMS.NO_ACTIONS";
    public static final String ALARMS_COMPLETE = "LOGS.ALARMS.COMPLETE";
    public static final String ALARMS_SUMMARY = "LOGS.ALARMS.SUMMARY";

    public static final String RETENTION_NONE = "LOGS.RETENTION.NONE";
    public static final String RETENTION_SET = "LOGS.RETENTION.SET";
    public static final String RETENTION_NO_GROUPS = "LOGS.RETENTION.NO_GROUPS";

    private CheckIds() {}
  }
}
