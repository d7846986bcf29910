package com.connectopsreview.logs;

import com.connectopsreview.logs.FlowErrorAnalysis.Counts;
import com.connectopsreview.logs.FlowLogGroup.Configured;
import com.connectopsreview.shared.analyzer.AnalysisOutput;
import com.connectopsreview.shared.analyzer.Analyzer;
import com.connectopsreview.shared.analyzer.Outcome;
import com.connectopsreview.shared.analyzer.ReadLog;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.cloudwatch.MetricAlarms;
import com.connectopsreview.shared.links.ConsoleLinks;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.privacy.RedactionPolicy;
import com.connectopsreview.shared.sections.LogsSection;
import com.connectopsreview.shared.sections.LogsSection.Alarms;
import com.connectopsreview.shared.sections.LogsSection.FlowErrors;
import com.connectopsreview.shared.sections.LogsSection.FlowErrorsStatus;
import com.connectopsreview.shared.sections.LogsSection.FlowRow;
import com.connectopsreview.shared.sections.LogsSection.LogGroupSource;
import com.connectopsreview.shared.sections.LogsSection.Retention;
import com.connectopsreview.shared.time.TimeBudget;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogGroup;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.DescribeInstanceRequest;
import software.amazon.awssdk.services.connect.model.Instance;

/**
 * The {@code logs} component (upstream-spec §1.10, §4.11 items 1 and 3): contact-flow errors from
 * the flow-log group through Logs Insights, the recommended Amazon Connect CloudWatch alarms, and the
 * retention of the log groups under {@code /aws/connect/}. The alarms and the retention live here
 * with the flow logs because all three are the instance's CloudWatch observability and need the same
 * read scope; each has its own rules class.
 *
 * <p>Calls, all in the instance's Region, the first three at once: CloudWatch Logs
 * {@code DescribeLogGroups(logGroupNamePrefix=/aws/connect/)}, every page; CloudWatch
 * {@code DescribeAlarms(AlarmTypes=[MetricAlarm])}, every page; Connect {@code DescribeInstance} only
 * when no flow-log group is configured (the alias names the group). Then, when the group exists,
 * Logs Insights {@code StartQuery} / {@code GetQueryResults} ({@link InsightsQueryRunner}), one query
 * at a time, and Connect {@code ListContactFlows} only for flows whose records carry no name.
 *
 * <p>A part that could not be read is named in {@code errors} (PARTIAL) and its section part is null
 * or marked; no finding pretends it was evaluated.
 */
public final class LogAnalyzer implements Analyzer {

  private static final Logger LOG = LoggerFactory.getLogger(LogAnalyzer.class);

  /** The request option naming the flow-log group (the orchestrator's CONNECT_CW_LOG_GROUP). */
  public static final String LOG_GROUP_OPTION = "logGroup";

  private final ServiceClients clients;
  private final String environmentLogGroup;
  private final Sleeper sleeper;

  /**
   * @param environmentLogGroup CONNECT_FLOW_LOG_GROUP, null when unset
   * @param sleeper how the query polls wait
   */
  LogAnalyzer(ServiceClients clients, String environmentLogGroup, Sleeper sleeper) {
    this.clients = clients;
    this.environmentLogGroup = environmentLogGroup;
    this.sleeper = sleeper;
  }

  @Override
  public AnalysisOutput analyze(AnalyzerRequest request, TimeBudget budget) {
    return new Run(request, new ReadLog(budget)).analyze();
  }

  /** The state of one invocation. */
  private final class Run {

    private final AnalyzerRequest request;
    private final InstanceRef ref;
    private final ReadLog log;
    private final RedactionPolicy policy;
    private final ConsoleLinks links;
    private final Region region;
    private final List<Finding> findings = new ArrayList<>();

    Run(AnalyzerRequest request, ReadLog log) {
      this.request = request;
      this.ref = request.instance();
      this.log = log;
      // A malformed policy fails the component before anything is read.
      this.policy = RedactionPolicy.forRequest(request);
      this.links = ConsoleLinks.forInstance(ref);
      this.region = Region.of(ref.region());
    }

    AnalysisOutput analyze() {
      CloudWatchLogsClient logs = clients.client(CloudWatchLogsClient.class, region);
      Configured configured = Configured.of(request.options().get(LOG_GROUP_OPTION), environmentLogGroup);

      ReadLog.Batch batch = log.batch();
      ReadLog.Pending<List<LogGroup>> groups = batch.add("log groups under " + LogRetention.PREFIX,
          () -> FlowLogGroup.list(log, logs, LogRetention.PREFIX));
      ReadLog.Pending<List<MetricAlarms.Alarm>> alarms = batch.add("CloudWatch alarms",
          () -> MetricAlarms.readAll(log, clients.client(CloudWatchClient.class, region)));
      ReadLog.Pending<String> alias = configured.given() ? null : batch.add("instance alias", this::alias);
      batch.run();

      List<LogGroup> listed = groups.outcome().orElse(null);
      FlowErrors flowErrors = flowErrors(logs, configured, listed, alias == null ? null : alias.outcome());
      Alarms alarmPart = alarms(alarms.outcome());
      Retention retention = retention(groups.outcome(), flowErrors.logGroup());
      return log.output(findings, new LogsSection(flowErrors, alarmPart, retention, policy.describe()));
    }

    private String alias() {
      Instance instance = clients.client(ConnectClient.class, region)
          .describeInstance(DescribeInstanceRequest.builder().instanceId(ref.id()).build()).instance();
      return instance == null ? null : instance.instanceAlias();
    }

    // ---- flow errors ----

    private FlowErrors flowErrors(CloudWatchLogsClient logs, Configured configured, List<LogGroup> listed,
        Outcome<String> alias) {
      long start = request.window().start().getEpochSecond();
      long end = Math.max(start, request.window().end().getEpochSecond() - 1);
      String name = configured.name();
      LogGroupSource source = configured.source();
      if (!configured.given()) {
        if (!alias.isOk() || alias.get() == null || alias.get().isBlank()) {
          String why = alias.isOk() ? "DescribeInstance returned no InstanceAlias" : alias.reason();
          if (!alias.isOutOfTime()) {
            log.error("flow-log group not determined: no group configured and the instance alias is unknown (" + why
                + ")");
          }
          return skipped(null, LogGroupSource.NONE, FlowErrorsStatus.NOT_READ, start, end,
              "no flow-log group configured and the instance alias is unknown: " + why);
        }
        name = LogRetention.PREFIX + alias.get();
        source = LogGroupSource.DISCOVERED;
      }
      Outcome<Boolean> exists = FlowLogGroup.exists(log, logs, name, listed);
      if (!exists.isOk()) {
        if (!exists.isOutOfTime()) {
          log.error("flow-log group " + name + " not looked up: " + exists.reason());
        }
        return skipped(name, source, FlowErrorsStatus.NOT_READ, start, end, "the log group could not be looked up: "
            + exists.reason());
      }
      FlowErrorFindings rules = new FlowErrorFindings(null);
      if (!exists.get()) {
        if (configured.given()) {
          log.error("flow errors not analyzed: the configured flow-log group " + name + " does not exist");
          findings.add(rules.groupNotFound(name, source.name(), links.logGroups(LogRetention.PREFIX)));
          return skipped(name, source, FlowErrorsStatus.LOG_GROUP_NOT_FOUND, start, end,
              "the configured log group does not exist");
        }
        findings.add(rules.noGroup(name, links.flowsSettings()));
        return skipped(null, LogGroupSource.NONE, FlowErrorsStatus.NO_LOG_GROUP, start, end, name
            + " does not exist and no flow-log group is configured");
      }
      return analyzed(logs, name, source, start, end);
    }

    private FlowErrors analyzed(CloudWatchLogsClient logs, String group, LogGroupSource source, long start,
        long end) {
      InsightsQueryRunner runner = new InsightsQueryRunner(logs, log, sleeper);
      FlowErrorAnalysis analysis = new FlowErrorAnalysis(runner, log, policy,
          () -> clients.client(ConnectClient.class, region), ref.id());
      Counts counts = analysis.analyze(group, start, end);
      String url = links.logsInsights(List.of(group), FlowErrorQueries.STATS, Instant.ofEpochSecond(start),
          Instant.ofEpochSecond(end));
      long days = Math.max(1, Math.round((end - start + 1) / 86_400.0));
      FlowErrorFindings rules = new FlowErrorFindings(url);
      if (counts.total() > 0) {
        findings.add(rules.summary(counts.total(), counts.flows().size(), counts.byCategory(), counts.byBlockType(),
            group, days, counts.complete()));
        for (FlowRow flow : counts.flows()) {
          findings.add(rules.flow(flow, group, days));
        }
      } else if (counts.complete()) {
        findings.add(rules.none(group, days));
      }
      LOG.info("flow errors: {} records in {} flows, complete {}; queries {}", counts.total(), counts.flows().size(),
          counts.complete(), runner.stats());
      return new FlowErrors(group, source, counts.complete() ? FlowErrorsStatus.ANALYZED : FlowErrorsStatus.INCOMPLETE,
          Instant.ofEpochSecond(start), Instant.ofEpochSecond(end),
          counts.complete() ? null : "part of the window or the samples were not read (see errors)",
          counts.total(), counts.byCategory(), counts.byBlockType(), counts.flows(), counts.samples(),
          FlowErrorQueries.STATS, FlowErrorQueries.RECENT, url, runner.stats());
    }

    private FlowErrors skipped(String group, LogGroupSource source, FlowErrorsStatus status, long start, long end,
        String note) {
      return new FlowErrors(group, source, status, Instant.ofEpochSecond(start), Instant.ofEpochSecond(end), note, 0,
          null, null, null, null, FlowErrorQueries.STATS, FlowErrorQueries.RECENT, null, null);
    }

    // ---- alarms and retention ----

    private Alarms alarms(Outcome<List<MetricAlarms.Alarm>> read) {
      if (!read.isOk()) {
        if (!read.isOutOfTime()) {
          log.error("CloudWatch alarms not read (DescribeAlarms: " + read.reason() + "); alarm coverage not evaluated");
        }
        return null;
      }
      AlarmCoverage.Evaluation evaluation = new AlarmCoverage(ref.id(), ref.arn(), links.cloudWatchAlarms()).evaluate(read.get());
      findings.addAll(evaluation.findings());
      return evaluation.alarms();
    }

    private Retention retention(Outcome<List<LogGroup>> read, String flowLogGroup) {
      if (!read.isOk()) {
        if (!read.isOutOfTime()) {
          log.error("log groups under " + LogRetention.PREFIX + " not listed (DescribeLogGroups: " + read.reason()
              + "); retention not evaluated");
        }
        return null;
      }
      LogRetention.Evaluation evaluation = new LogRetention(links).evaluate(read.get(), flowLogGroup);
      findings.addAll(evaluation.findings());
      return evaluation.retention();
    }
  }
}
