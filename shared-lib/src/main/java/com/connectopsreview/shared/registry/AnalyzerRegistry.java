package com.connectopsreview.shared.registry;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Every component the suite knows. The orchestrator, the local runner, the template test and the
 * fault-injection tests all read this list; adding an analyzer adds one entry here.
 */
public final class AnalyzerRegistry {

  /** Env var naming the report generator function. */
  public static final String REPORT_GENERATOR_ENV = "REPORT_GENERATOR_FUNCTION";

  /** Time the report generator may take. */
  public static final Duration REPORT_TIMEOUT = Duration.ofSeconds(120);

  private static final List<AnalyzerSpec> ALL =
      List.of(
          new AnalyzerSpec(
              "instance",
              "INSTANCE_ANALYZER_FUNCTION",
              Duration.ofSeconds(120),
              "Instance configuration, security and resilience"),
          new AnalyzerSpec(
              "quota",
              "QUOTA_ANALYZER_FUNCTION",
              Duration.ofSeconds(240),
              "Capacity: service quotas and concurrency"),
          new AnalyzerSpec(
              "metrics",
              "METRICS_ANALYZER_FUNCTION",
              Duration.ofSeconds(240),
              "Contact-center metrics"),
          new AnalyzerSpec(
              "phone",
              "PHONE_ANALYZER_FUNCTION",
              Duration.ofSeconds(240),
              "Telephony: numbers and carriers"),
          new AnalyzerSpec(
              "flow",
              "FLOW_ANALYZER_FUNCTION",
              Duration.ofSeconds(240),
              "Flows: logging and content lint"),
          // LookupEvents: 50 events a page, 2 pages/s per account and Region: 50,000 events take
          // ~500 s; 720 s leaves room for latency and fits the orchestrator's 900 s less the report.
          new AnalyzerSpec(
              "cloudtrail",
              "CLOUDTRAIL_ANALYZER_FUNCTION",
              Duration.ofSeconds(720),
              "API throttling (CloudTrail)"),
          // Logs Insights queries over 14 days of a busy flow-log group take tens of seconds each,
          // run one at a time; a split at the result cap doubles them.
          new AnalyzerSpec(
              "logs",
              "LOG_ANALYZER_FUNCTION",
              Duration.ofSeconds(300),
              "Flow errors, alarms and log retention"),
          // Readiness reads are a handful of Glue/Athena calls; the KPI queries (next) poll Athena
          // executions, which take tens of seconds each over a busy contact_record.
          new AnalyzerSpec(
              "athena",
              "ATHENA_EXPORT_FUNCTION",
              Duration.ofSeconds(300),
              "Contact outcomes (Athena data lake)"));

  private AnalyzerRegistry() {}

  public static List<AnalyzerSpec> all() {
    return ALL;
  }

  public static List<String> names() {
    return ALL.stream().map(AnalyzerSpec::name).toList();
  }

  public static Optional<AnalyzerSpec> find(String name) {
    return ALL.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public static AnalyzerSpec require(String name) {
    return find(name)
        .orElseThrow(() -> new IllegalArgumentException(
            "unknown analyzer '" + name + "' (known: " + String.join(", ", names()) + ")"));
  }

  /** The longest analyzer timeout, used to size the orchestrator's deadlines. */
  public static Duration longestTimeout() {
    return ALL.stream().map(AnalyzerSpec::timeout).max(Duration::compareTo).orElse(Duration.ZERO);
  }
}
