package com.connectopsreview.flow;

import com.connectopsreview.flow.FlowRecord.Kind;
import com.connectopsreview.shared.links.ConsoleLinks;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.FlowSection.CheckIds;
import com.connectopsreview.shared.sections.FlowSection.LoggingBehavior;
import java.math.BigDecimal;
import java.util.Map;

/**
 * Turns flow analyses into findings. Logging is Operational Excellence (flow logs are how an
 * operator sees what a contact went through); the lint rules carry their own pillar and severity
 * ({@link FlowLintCatalog}). Flow findings link to the flow designer when the instance's access URL
 * is known, otherwise to the instance's flow settings in the Connect console.
 */
final class FlowFindings {

  private final ConsoleLinks links;

  FlowFindings(ConsoleLinks links) {
    this.links = links;
  }

  Finding none() {
    return Finding.builder(CheckIds.FLOWS_NONE, Severity.INFO, Pillar.OPERATIONAL_EXCELLENCE)
        .title("The instance has no contact flows")
        .detail("SearchContactFlows returned no flow, so there is nothing to check for logging or lint.")
        .consoleUrl(links.hasAccessUrl() ? links.contactFlows() : links.flowsSettings())
        .build();
  }

  /**
   * Logging missing: MEDIUM, or LOW when the flow has no logging block at all and the instance
   * attribute CONTACTFLOW_LOGS is on (the flow then depends on the instance setting). A flow that
   * only disables logging stays MEDIUM whatever the instance says.
   */
  Finding missing(FlowRecord flow, LoggingBehavior logging, Boolean instanceFlowLogs) {
    boolean depends = dependsOnInstanceSetting(logging, instanceFlowLogs);
    String state = logging == LoggingBehavior.DISABLED ? "only disables flow logging"
        : "has no Set logging behavior block";
    return Finding.builder(CheckIds.LOGGING_MISSING, depends ? Severity.LOW : Severity.MEDIUM,
            Pillar.OPERATIONAL_EXCELLENCE)
        .title("Flow '" + flow.name() + "' " + state)
        .detail(depends
            ? "The instance has flow logs on (CONTACTFLOW_LOGS), so this flow depends on that instance setting;"
                + " an explicit Enabled block keeps it logged if the setting changes."
            : "Without an Enabled Set logging behavior block the flow's steps do not reach CloudWatch Logs"
                + (Boolean.TRUE.equals(instanceFlowLogs) ? "." : "; the instance's flow logs setting is "
                    + (instanceFlowLogs == null ? "unknown." : "off.")))
        .recommendation("Add a Set logging behavior block set to Enabled at the start of the flow"
            + (Boolean.FALSE.equals(instanceFlowLogs) ? ", and turn on flow logs for the instance." : "."))
        .resource(flow.arn())
        .consoleUrl(flowUrl(flow))
        .evidence("flowId", flow.id()).evidence("flowName", flow.name()).evidence("flowType", flow.type())
        .evidence("state", flow.state()).evidence("status", flow.status())
        .evidence("logging", logging.name()).evidence("instanceFlowLogs", instanceFlowLogs)
        .evidence("dependsOnInstanceSetting", depends).evidence("defaultFlow", flow.isDefaultFlow())
        .build();
  }

  Finding compliant(int flows, Boolean instanceFlowLogs) {
    return Finding.builder(CheckIds.LOGGING_COMPLIANT, Severity.PASS, Pillar.OPERATIONAL_EXCELLENCE)
        .title("All " + flows + " flows have logging enabled")
        .consoleUrl(links.flowsSettings())
        .evidence("totalFlows", (long) flows).evidence("instanceFlowLogs", instanceFlowLogs)
        .build();
  }

  Finding summary(int totalFlows, int enabled, int missing, int notEvaluated, BigDecimal percent,
      Boolean instanceFlowLogs, Map<String, Integer> byType, Map<String, Integer> missingByType) {
    return Finding.builder(CheckIds.LOGGING_SUMMARY, Severity.INFO, Pillar.OPERATIONAL_EXCELLENCE)
        .title("Flow logging: " + (percent == null ? "not evaluated" : percent.toPlainString() + " % of flows")
            + " (" + enabled + " of " + (totalFlows - notEvaluated) + " evaluated flows log)")
        .detail(totalFlows + " flows; " + missing + " without an Enabled logging block; " + notEvaluated
            + " not evaluated (content not read or not Flow Language). Instance flow logs (CONTACTFLOW_LOGS): "
            + (instanceFlowLogs == null ? "unknown" : instanceFlowLogs ? "on" : "off") + ".")
        .consoleUrl(links.flowsSettings())
        .evidence("totalFlows", (long) totalFlows).evidence("flowsWithLogging", (long) enabled)
        .evidence("flowsWithoutLogging", (long) missing).evidence("flowsNotEvaluated", (long) notEvaluated)
        .evidence("loggingCompliancePercent", percent).evidence("instanceFlowLogs", instanceFlowLogs)
        .evidence("flowsByType", byType).evidence("withoutLoggingByType", missingByType)
        .build();
  }

  /** One lint hit (or FLOW.CONTENT.UNPARSABLE) as its rule's finding. */
  Finding lint(FlowRecord flow, LintHit hit) {
    FlowLintCatalog.Rule rule = FlowLintCatalog.rule(hit.checkId());
    String where = (flow.kind() == Kind.FLOW ? "flow '" : "flow module '") + flow.name() + "'";
    String title = hit.blockId() == null ? rule.title() + ": " + where
        : rule.title() + " (" + hit.actionType() + " " + hit.blockId() + ") in " + where;
    return Finding.builder(rule.checkId(), rule.severity(), rule.pillar())
        .title(title)
        .detail(hit.message())
        .recommendation(rule.recommendation())
        .resource(flow.arn())
        .consoleUrl(flowUrl(flow))
        .evidence("blockId", hit.blockId()).evidence("actionType", hit.actionType())
        .evidence("flowName", flow.name()).evidence("flowId", flow.id())
        .evidence("module", flow.kind() == Kind.MODULE)
        .build();
  }

  static boolean dependsOnInstanceSetting(LoggingBehavior logging, Boolean instanceFlowLogs) {
    return logging == LoggingBehavior.ABSENT && Boolean.TRUE.equals(instanceFlowLogs);
  }

  /** The flow designer (or the flows list, for modules) when the access URL is known. */
  String flowUrl(FlowRecord flow) {
    if (!links.hasAccessUrl()) {
      return links.flowsSettings();
    }
    return flow.kind() == Kind.FLOW && flow.arn() != null ? links.editFlow(flow.arn()) : links.contactFlows();
  }

  /** The designer link for the data's flow rows; null without access URL. */
  String editUrl(FlowRecord flow) {
    return links.hasAccessUrl() && flow.arn() != null ? links.editFlow(flow.arn()) : null;
  }
}
