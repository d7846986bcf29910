package com.connectopsreview.logs;

import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.LogsSection.CheckIds;
import com.connectopsreview.shared.sections.LogsSection.ErrorCategory;
import com.connectopsreview.shared.sections.LogsSection.FlowRow;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Findings of the flow-error part. Every flow with errors is one finding whose severity is its
 * volume: AWS recommends alarming on ContactFlowErrors above 0 in any 5-minute period, so every
 * error branch a contact takes deserves a look; the bands only rank how many contacts a flow fails.
 * At least {@value #HIGH_PER_DAY} errors a day on average (about one an hour through a business
 * day) is HIGH, at least {@value #MEDIUM_PER_DAY} a day MEDIUM, fewer LOW. Flow errors are
 * Reliability: the contact left the path it was designed for.
 */
final class FlowErrorFindings {

  static final int HIGH_PER_DAY = 10;
  static final int MEDIUM_PER_DAY = 1;

  private final String insightsUrl;

  /** @param insightsUrl the Logs Insights console with the stats query and window; null when no group */
  FlowErrorFindings(String insightsUrl) {
    this.insightsUrl = insightsUrl;
  }

  Finding flow(FlowRow flow, String logGroup, long windowDays) {
    BigDecimal perDay = flow.errorsPerDay();
    String checkId;
    Severity severity;
    if (perDay.compareTo(BigDecimal.valueOf(HIGH_PER_DAY)) >= 0) {
      checkId = CheckIds.FLOW_ERRORS_HIGH_VOLUME;
      severity = Severity.HIGH;
    } else if (perDay.compareTo(BigDecimal.valueOf(MEDIUM_PER_DAY)) >= 0) {
      checkId = CheckIds.FLOW_ERRORS_RECURRING;
      severity = Severity.MEDIUM;
    } else {
      checkId = CheckIds.FLOW_ERRORS_SPORADIC;
      severity = Severity.LOW;
    }
    ErrorCategory main = flow.byCategory().entrySet().stream().max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey).orElse(ErrorCategory.OTHER);
    String name = flow.flowName() != null ? "'" + flow.flowName() + "'" : flow.flowId();
    return Finding.builder(checkId, severity, Pillar.RELIABILITY)
        .title("Flow " + name + ": " + flow.errors() + " error record" + (flow.errors() == 1 ? "" : "s") + " in "
            + windowDays + " day" + (windowDays == 1 ? "" : "s") + " (" + perDay.toPlainString() + " a day)")
        .detail("By category: " + labels(flow.byCategory()) + ". By block type: " + flow.byBlockType() + ".")
        .recommendation(recommendation(main))
        .resource(flow.flowArn() != null ? flow.flowArn() : flow.flowId())
        .consoleUrl(insightsUrl)
        .evidence("flowId", flow.flowId()).evidence("flowName", flow.flowName())
        .evidence("errors", flow.errors()).evidence("errorsPerDay", perDay)
        .evidence("byCategory", names(flow.byCategory())).evidence("byBlockType", flow.byBlockType())
        .evidence("logGroup", logGroup)
        .build();
  }

  Finding summary(long total, int flows, Map<ErrorCategory, Long> byCategory, Map<String, Long> byBlockType,
      String logGroup, long windowDays, boolean complete) {
    return Finding.builder(CheckIds.FLOW_ERRORS_SUMMARY, Severity.INFO, Pillar.RELIABILITY)
        .title(total + " flow error record" + (total == 1 ? "" : "s") + " in " + flows + " flow"
            + (flows == 1 ? "" : "s") + " over " + windowDays + " day" + (windowDays == 1 ? "" : "s")
            + (complete ? "" : " (at least; part of the window was not read)"))
        .detail("Categories: " + labels(byCategory) + ". Log group " + logGroup + ".")
        .recommendation("Open the Logs Insights link for the records behind these counts; fix the flows with the "
            + "most errors first.")
        .consoleUrl(insightsUrl)
        .evidence("totalErrors", total).evidence("flowsWithErrors", (long) flows)
        .evidence("byCategory", names(byCategory)).evidence("byBlockType", byBlockType)
        .evidence("logGroup", logGroup).evidence("complete", complete)
        .build();
  }

  Finding none(String logGroup, long windowDays) {
    return Finding.builder(CheckIds.FLOW_ERRORS_NONE, Severity.PASS, Pillar.RELIABILITY)
        .title("No flow error records in " + windowDays + " day" + (windowDays == 1 ? "" : "s"))
        .detail("Log group " + logGroup + " has no record whose Results marks a failure in the window.")
        .consoleUrl(insightsUrl)
        .evidence("logGroup", logGroup)
        .build();
  }

  /** The configured group does not exist (also an error of the component: it was asked to read it). */
  Finding groupNotFound(String logGroup, String source, String consoleUrl) {
    return Finding.builder(CheckIds.FLOW_LOGS_NOT_FOUND, Severity.INFO, Pillar.OPERATIONAL_EXCELLENCE)
        .title("Flow errors not analyzed: log group " + logGroup + " does not exist")
        .detail("The flow-log group was configured (" + source + ") but DescribeLogGroups does not list it in the "
            + "instance's Region.")
        .recommendation("Set AmazonConnectCloudWatchLogGroup to the instance's flow-log group (/aws/connect/<alias>),"
            + " or leave it empty to have it discovered.")
        .resource(logGroup)
        .consoleUrl(consoleUrl)
        .evidence("logGroup", logGroup).evidence("source", source)
        .build();
  }

  /** Nothing configured and no {@code /aws/connect/<alias>}: the instance writes no flow logs. */
  Finding noGroup(String expected, String consoleUrl) {
    return Finding.builder(CheckIds.FLOW_LOGS_NO_LOG_GROUP, Severity.INFO, Pillar.OPERATIONAL_EXCELLENCE)
        .title("Flow errors not analyzed: no flow-log group" + (expected == null ? "" : " " + expected))
        .detail("No flow-log group was configured and " + (expected == null ? "the instance alias is unknown"
            : expected + " does not exist") + ", so the instance's flows write no logs to read.")
        .recommendation("Turn on flow logs for the instance and add Set logging behavior blocks to the flows.")
        .consoleUrl(consoleUrl)
        .evidence("expectedLogGroup", expected)
        .build();
  }

  static String recommendation(ErrorCategory category) {
    return switch (category) {
      case TIMEOUT -> "Most errors are timeouts: check the timeouts of the integrations and input blocks, keep Lambda "
          + "functions well under the block's limit (at most 8 s) and give the Timeout branch a fallback.";
      case LAMBDA -> "Most errors are Lambda failures: read the function's own logs for the failing invocations, check "
          + "its resource policy allows Amazon Connect, and route the Error branch to a fallback.";
      case LEX -> "Most errors are Lex failures: check the bot alias is built and associated with the instance, and "
          + "route the Error branch to a fallback.";
      case INVALID_INPUT -> "Most errors are input that matched no option: make the prompts clearer, re-prompt, and "
          + "route the No match branch somewhere useful.";
      case NOT_FOUND -> "Most errors name something not found: check the prompts, queues, flows and attributes the "
          + "blocks reference still exist.";
      case OTHER -> "Open the error records in Logs Insights and fix the blocks that fail; give every Error branch a "
          + "fallback.";
    };
  }

  private static String labels(Map<ErrorCategory, Long> counts) {
    return counts.entrySet().stream().filter(e -> e.getValue() > 0)
        .map(e -> e.getKey().label() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  /** Category names as evidence keys (enum names, as the data payload writes them). */
  private static Map<String, Long> names(Map<ErrorCategory, Long> counts) {
    Map<String, Long> named = new LinkedHashMap<>();
    counts.forEach((k, v) -> named.put(k.name(), v));
    return named;
  }
}
