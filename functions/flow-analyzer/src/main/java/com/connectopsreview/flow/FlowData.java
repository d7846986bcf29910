package com.connectopsreview.flow;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The component's {@code data}. The shape is documented in docs/checks.md (section "flow", "Data
 * payload") for the report.
 *
 * @param instanceFlowLogs the CONTACTFLOW_LOGS instance attribute; null when it could not be read
 * @param contentSource where flow content came from this time
 * @param flowsByType ContactFlowType → number of flows, sorted by type
 * @param loggingCompliancePercent flows with an Enabled logging block / flows whose content was
 *     read and parsed · 100, 1 dp half up; null when no flow could be evaluated
 */
public record FlowData(
    Boolean instanceFlowLogs,
    ContentSource contentSource,
    int totalFlows,
    int totalModules,
    Map<String, Integer> flowsByType,
    BigDecimal loggingCompliancePercent,
    List<FlowRow> flows,
    List<ModuleRow> modules,
    List<LintRow> lint,
    Analysis analysis) {

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
}
