package com.connectopsreview.shared.sections;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} payload of the {@code flow} component. The shape is documented in docs/checks.md
 * (section "flow", "Data payload") for the report.
 *
 * @param instanceFlowLogs the CONTACTFLOW_LOGS instance attribute; null when it could not be read
 * @param contentSource where flow content came from this time
 * @param flowsByType ContactFlowType → number of flows, sorted by type
 * @param loggingCompliancePercent flows with an Enabled logging block / flows whose content was
 *     read and parsed · 100, 1 dp half up; null when no flow could be evaluated
 */
public record FlowSection(
    Boolean instanceFlowLogs,
    ContentSource contentSource,
    int totalFlows,
    int totalModules,
    Map<String, Integer> flowsByType,
    BigDecimal loggingCompliancePercent,
    List<FlowRow> flows,
    List<ModuleRow> modules,
    List<LintRow> lint,
    Analysis analysis) implements Section {

  public static final int SCHEMA_VERSION = 1;

  @Override
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }

  /**
   * SEARCH: every content came with Search (or from the cache by an unchanged LastModifiedTime);
   * DESCRIBE: every content came from Describe calls (Search refused and the List fallback used, or
   * Search returned no content at all); MIXED: some of each.
   */
  public enum ContentSource { SEARCH, DESCRIBE, MIXED }

  /**
   * One flow.
   *
   * @param logging null when the content was not read or is unparsable
   * @param dependsOnInstanceSetting no logging block, but the instance attribute CONTACTFLOW_LOGS is on
   * @param lintCount lint hits of the flow, FLOW.CONTENT.UNPARSABLE included
   * @param editUrl the flow designer; null when the instance access URL is unknown
   */
  public record FlowRow(String id, String arn, String name, String type, String state, String status,
      boolean defaultFlow, LoggingBehavior logging, boolean dependsOnInstanceSetting, int lintCount,
      String editUrl) {}

  /**
   * What a flow's content says about flow logging (the "Set logging behavior" block, action
   * {@code UpdateFlowLoggingBehavior}).
   */
  public enum LoggingBehavior {
    /** At least one action sets {@code FlowLoggingBehavior} to {@code Enabled}: the flow logs (upstream-spec §1.8). */
    ENABLED,
    /** Only {@code Disabled} actions. */
    DISABLED,
    /** No logging action at all. */
    ABSENT
  }

  public record ModuleRow(String id, String arn, String name, String state, String status, int lintCount) {}

  /** One lint hit; flowId / flowName are the module's for module hits. blockId null for UNPARSABLE. */
  public record LintRow(String checkId, String flowId, String flowName, String blockId, String actionType,
      String message) {}

  /**
   * How the run got its results.
   *
   * @param analyzed flows and modules parsed and linted this time
   * @param reusedFromCache flows and modules whose cached analysis was used (same content hash, or no
   *     content in the listing and the same LastModifiedTime)
   * @param describeCalls DescribeContactFlow + DescribeContactFlowModule calls made
   * @param searchPages SearchContactFlows + SearchContactFlowModules pages read
   * @param listPages ListContactFlows + ListContactFlowModules pages read (fallback only)
   */
  public record Analysis(int analyzed, int reusedFromCache, int describeCalls, int searchPages, int listPages) {}

  /**
   * Every checkId the flow analyzer emits. Stable once released; documented in {@code docs/checks.md}
   * (section "flow"). The rules that emit the lint checkIds are the flow analyzer's lint catalog.
   */
  public static final class CheckIds {

    public static final String LOGGING_MISSING = "FLOW.LOGGING.MISSING";
    public static final String LOGGING_COMPLIANT = "FLOW.LOGGING.COMPLIANT";
    public static final String LOGGING_SUMMARY = "FLOW.LOGGING.SUMMARY";
    public static final String FLOWS_NONE = "FLOW.FLOWS.NONE";

    public static final String LINT_NO_ERROR_BRANCH = "FLOW.LINT.NO_ERROR_BRANCH";
    public static final String LINT_UNREACHABLE = "FLOW.LINT.UNREACHABLE";
    public static final String LINT_LAMBDA_TIMEOUT = "FLOW.LINT.LAMBDA_TIMEOUT";
    public static final String LINT_HARDCODED_PHONE = "FLOW.LINT.HARDCODED_PHONE";
    public static final String LINT_LOGGING_NOT_REENABLED = "FLOW.LINT.LOGGING_NOT_REENABLED";
    public static final String CONTENT_UNPARSABLE = "FLOW.CONTENT.UNPARSABLE";

    private CheckIds() {}
  }
}
