package com.connectopsreview.logs;

import com.connectopsreview.logs.InsightsQueryRunner.Result;
import com.connectopsreview.shared.analyzer.Outcome;
import com.connectopsreview.shared.analyzer.ReadLog;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.privacy.RedactionPolicy;
import com.connectopsreview.shared.sections.LogsSection.ErrorCategory;
import com.connectopsreview.shared.sections.LogsSection.FlowRow;
import com.connectopsreview.shared.sections.LogsSection.Sample;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ContactFlowSummary;
import software.amazon.awssdk.services.connect.model.ListContactFlowsRequest;
import software.amazon.awssdk.services.connect.model.ListContactFlowsResponse;

/**
 * The flow-error counts and samples of one flow-log group over the review window: the stats query
 * (every part of the window, split while it reaches the result cap), then the recent-samples query,
 * each sample redacted by the review's policy before it is kept. Flow names come from the records'
 * ContactFlowName; ListContactFlows is called only when some flow's records carry none.
 */
final class FlowErrorAnalysis {

  /** What the analysis found; {@code complete} false when a query or a part of the window was not read. */
  record Counts(long total, Map<ErrorCategory, Long> byCategory, Map<String, Long> byBlockType, List<FlowRow> flows,
      List<Sample> samples, boolean complete) {}

  /** {@code @timestamp} as GetQueryResults writes it: UTC, milliseconds. */
  private static final DateTimeFormatter INSIGHTS_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

  private final InsightsQueryRunner runner;
  private final ReadLog log;
  private final RedactionPolicy policy;
  private final Supplier<ConnectClient> connect;
  private final String instanceId;

  FlowErrorAnalysis(InsightsQueryRunner runner, ReadLog log, RedactionPolicy policy, Supplier<ConnectClient> connect,
      String instanceId) {
    this.runner = runner;
    this.log = log;
    this.policy = policy;
    this.connect = connect;
    this.instanceId = instanceId;
  }

  /** @param start / end epoch seconds, both included */
  Counts analyze(String logGroup, long start, long end) {
    boolean complete = true;
    Outcome<Result> stats = log.attempt("flow-error counts (Logs Insights)",
        () -> runner.runAll(logGroup, FlowErrorQueries.STATS, start, end));
    List<Map<String, String>> rows = List.of();
    if (!stats.isOk()) {
      complete = false;
      if (!stats.isOutOfTime()) {
        log.error("flow-error counts of " + logGroup + " not read: " + stats.reason());
      }
    } else if (!stats.get().isComplete()) {
      complete = false;
      log.error("flow-error counts of " + logGroup + " not read: " + stats.get().reason());
    } else {
      rows = stats.get().rows();
    }

    List<Sample> samples = List.of();
    if (complete || !log.isOutOfTime()) {
      Outcome<Result> recent = log.attempt("flow-error samples (Logs Insights)",
          () -> runner.run(logGroup, FlowErrorQueries.RECENT, start, end, FlowErrorQueries.SAMPLES));
      if (recent.isOk() && recent.get().isComplete()) {
        samples = recent.get().rows().stream().map(this::sample).toList();
      } else if (!recent.isOutOfTime()) {
        log.error("flow-error samples of " + logGroup + " not read: "
            + (recent.isOk() ? recent.get().reason() : recent.reason()));
      }
    }
    return counts(rows, samples, complete, BigDecimal.valueOf(Math.max(1, end - start + 1))
        .divide(BigDecimal.valueOf(86_400), 6, RoundingMode.HALF_UP).max(BigDecimal.ONE));
  }

  private Counts counts(List<Map<String, String>> rows, List<Sample> samples, boolean complete, BigDecimal days) {
    Map<ErrorCategory, Long> byCategory = new EnumMap<>(ErrorCategory.class);
    for (ErrorCategory c : ErrorCategory.values()) {
      byCategory.put(c, 0L);
    }
    Map<String, Long> byBlockType = new HashMap<>();
    Map<String, FlowTotals> byFlow = new LinkedHashMap<>();
    long total = 0;
    for (Map<String, String> row : rows) {
      long errors = parseCount(row.get("errors"));
      String blockType = blank(row.get("ContactFlowModuleType"));
      ErrorCategory category = FlowErrorQueries.categorize(blockType, row.get("Results"), isTrue(row.get("lexBot")));
      total += errors;
      byCategory.merge(category, errors, Long::sum);
      byBlockType.merge(blockType == null ? "(none)" : blockType, errors, Long::sum);
      String arn = blank(row.get("ContactFlowId"));
      String id = FlowErrorQueries.flowId(arn);
      FlowTotals flow = byFlow.computeIfAbsent(id == null ? "(none)" : id, k -> new FlowTotals(id, arn));
      flow.add(errors, category, blockType == null ? "(none)" : blockType, blank(row.get("ContactFlowName")));
    }
    Map<String, String> listedNames = byFlow.values().stream().anyMatch(f -> f.name == null && f.id != null)
        ? listFlowNames() : Map.of();
    List<FlowRow> flows = byFlow.values().stream()
        .sorted(Comparator.comparingLong((FlowTotals f) -> f.errors).reversed()
            .thenComparing(f -> String.valueOf(f.id)))
        .map(f -> f.row(listedNames, days))
        .toList();
    return new Counts(total, byCategory, sortedByCount(byBlockType), flows, samples, complete);
  }

  /** Flow id → name from ListContactFlows; empty (noted in errors) when it cannot be read. */
  private Map<String, String> listFlowNames() {
    Outcome<Map<String, String>> listed = log.attempt("flow names (ListContactFlows)", () -> {
      Map<String, String> names = new HashMap<>();
      ListContactFlowsRequest request = ListContactFlowsRequest.builder().instanceId(instanceId).maxResults(1000)
          .build();
      for (ListContactFlowsResponse page : log.pages("Connect ListContactFlows",
          connect.get().listContactFlowsPaginator(request))) {
        for (ContactFlowSummary flow : page.contactFlowSummaryList()) {
          names.put(flow.id(), flow.name());
        }
      }
      return names;
    });
    if (listed.isDenied() || listed.isFailed()) {
      log.error("flow names not resolved (ListContactFlows: " + listed.reason() + "); those flows are named by id");
    }
    return listed.orElse(Map.of());
  }

  /** One row of the samples query, its record redacted before anything else reads it. */
  private Sample sample(Map<String, String> row) {
    String message = row.get("@message");
    JsonNode record;
    try {
      record = message == null ? null : Json.mapper().readTree(message);
    } catch (JsonProcessingException e) {
      record = null;
    }
    if (record == null || !record.isObject()) {
      return new Sample(insightsTime(row.get("@timestamp")), null, null, null, ErrorCategory.OTHER,
          TextNode.valueOf(policy.redactText(message == null ? "" : message)));
    }
    String blockType = text(record, "ContactFlowModuleType");
    ErrorCategory category = FlowErrorQueries.categorize(blockType, text(record, "Results"),
        record.path("Parameters").hasNonNull("BotAliasArn"));
    String flowArn = text(record, "ContactFlowId");
    return new Sample(insightsTime(row.get("@timestamp")), FlowErrorQueries.flowId(flowArn),
        text(record, "ContactFlowName"), blockType, category, policy.apply(record));
  }

  static Instant insightsTime(String value) {
    if (value == null) {
      return null;
    }
    try {
      return LocalDateTime.parse(value, INSIGHTS_TIME).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static String text(JsonNode record, String field) {
    JsonNode value = record.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Map<String, Long> sortedByCount(Map<String, Long> counts) {
    Map<String, Long> sorted = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> sorted.put(e.getKey(), e.getValue()));
    return sorted;
  }

  private static long parseCount(String value) {
    try {
      return value == null ? 0 : Math.round(Double.parseDouble(value));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  /** ispresent() comes back as 1 / 0. */
  private static boolean isTrue(String value) {
    return "1".equals(value) || "true".equalsIgnoreCase(value);
  }

  private static String blank(String value) {
    return value == null || value.isBlank() ? null : value;
  }

  /** The running totals of one flow. */
  private static final class FlowTotals {
    private final String id;
    private final String arn;
    private String name;
    private long errors;
    private final Map<ErrorCategory, Long> byCategory = new EnumMap<>(ErrorCategory.class);
    private final Map<String, Long> byBlockType = new HashMap<>();

    FlowTotals(String id, String arn) {
      this.id = id;
      this.arn = arn;
    }

    void add(long n, ErrorCategory category, String blockType, String recordName) {
      errors += n;
      byCategory.merge(category, n, Long::sum);
      byBlockType.merge(blockType, n, Long::sum);
      if (name == null) {
        name = recordName;
      }
    }

    FlowRow row(Map<String, String> listedNames, BigDecimal days) {
      String resolved = name != null ? name : listedNames.get(id);
      String flowArn = arn != null && arn.startsWith("arn:") ? arn : null;
      return new FlowRow(id, flowArn, resolved, errors,
          BigDecimal.valueOf(errors).divide(days, 2, RoundingMode.HALF_UP), byCategory, sortedByCount(byBlockType));
    }
  }
}
