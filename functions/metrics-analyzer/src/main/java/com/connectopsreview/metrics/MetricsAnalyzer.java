package com.connectopsreview.metrics;

import com.connectopsreview.shared.analyzer.AnalysisOutput;
import com.connectopsreview.shared.analyzer.Analyzer;
import com.connectopsreview.shared.analyzer.Outcome;
import com.connectopsreview.shared.analyzer.ReadLog;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.cloudwatch.MetricDataReader;
import com.connectopsreview.shared.cloudwatch.MetricDataReader.Datapoint;
import com.connectopsreview.shared.cloudwatch.MetricDataReader.Query;
import com.connectopsreview.shared.links.AccessUrlLookup;
import com.connectopsreview.shared.links.ConsoleLinks;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.TimeWindow;
import com.connectopsreview.shared.sections.MetricsSection;
import com.connectopsreview.shared.sections.MetricsSection.Batching;
import com.connectopsreview.shared.sections.MetricsSection.CallsPerInterval;
import com.connectopsreview.shared.sections.MetricsSection.ConcurrentCalls;
import com.connectopsreview.shared.sections.MetricsSection.Coverage;
import com.connectopsreview.shared.sections.MetricsSection.Links;
import com.connectopsreview.shared.sections.MetricsSection.MissedCalls;
import com.connectopsreview.shared.sections.MetricsSection.QueueSize;
import com.connectopsreview.shared.sections.MetricsSection.QueueSizes;
import com.connectopsreview.shared.sections.MetricsSection.ThrottledCalls;
import com.connectopsreview.shared.time.TimeBudget;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;

/**
 * The {@code metrics} component: how the contact center behaved over the window, from CloudWatch
 * (upstream-spec §1.6, checklist C 44–52) — concurrent calls, missed calls, throttled calls, queue
 * size per queue, calls per interval.
 *
 * <p>Calls, all in the instance's Region: CloudWatch {@code ListMetrics} (QueueName values of
 * QueueSize, every page); CloudWatch {@code GetMetricData} with every series as a MetricStat query
 * in as few requests as possible (500 queries each, NextToken followed); Connect
 * {@code DescribeInstance} once, only for the access URL of the admin-website links.
 *
 * <p>Nothing read at all (the first GetMetricData fails, or the budget is spent before it) fails
 * the component. A series that cannot be read completely leaves its section out (null in data, no
 * finding) and makes the component PARTIAL with the reason in {@code errors}.
 */
public final class MetricsAnalyzer implements Analyzer {

  private static final Logger LOG = LoggerFactory.getLogger(MetricsAnalyzer.class);

  static final String QUEUE_SIZE = "QueueSize";
  static final int HOUR = 3600;
  /** Queues (worst first) whose hourly series are kept in data; the others keep their statistics only. */
  static final int QUEUE_SERIES_KEPT = 10;

  private final ServiceClients clients;

  public MetricsAnalyzer(ServiceClients clients) {
    this.clients = clients;
  }

  @Override
  public AnalysisOutput analyze(AnalyzerRequest request, TimeBudget budget) {
    return new Run(request.instance(), request.window(), new ReadLog(budget), clients).analyze();
  }

  /** The state of one invocation (the analyzer itself is shared across warm invocations). */
  private static final class Run {

    private final InstanceRef ref;
    private final TimeWindow window;
    private final ReadLog log;
    private final ServiceClients clients;
    private final CloudWatchClient cloudWatch;

    Run(InstanceRef ref, TimeWindow window, ReadLog log, ServiceClients clients) {
      this.ref = ref;
      this.window = window;
      this.log = log;
      this.clients = clients;
      this.cloudWatch = clients.client(CloudWatchClient.class, Region.of(ref.region()));
    }

    AnalysisOutput analyze() {
      Instant hourlyFrom = window.start().truncatedTo(ChronoUnit.HOURS);

      Outcome<QueueNameReader.Result> queues = log.attempt(() -> new QueueNameReader(cloudWatch, log.budget())
          .read(ref.id()));
      if (queues.isOutOfTime()) {
        // Nothing is read yet, and nothing could be: the component fails like a failed first GetMetricData.
        throw new TimeBudget.BudgetExceededException(queues.reason());
      }
      if (!queues.isOk()) {
        log.error("queue sizes not examined: queue names could not be listed (CloudWatch ListMetrics): "
            + queues.reason());
      }
      List<String> queueNames = queues.map(QueueNameReader.Result::queueNames).orElse(null);
      int listMetricsCalls = queues.map(QueueNameReader.Result::calls).orElse(0);

      List<Query> queries = queries(queueNames == null ? List.of() : queueNames);
      // Every series hourly, so daily figures can be cut to the window (a daily period would count
      // the hours before the window's start on its first day).
      MetricDataReader.Result read = new MetricDataReader(cloudWatch, log.budget()).read(queries, hourlyFrom, window.end());
      LOG.info("metrics read: {} queries, {} GetMetricData calls, {} queues, {} incomplete series",
          queries.size(), read.calls(), queueNames == null ? 0 : queueNames.size(), read.incomplete().size());

      ConcurrentCalls concurrent = complete(read, "concurrent calls", "cc_avg", "cc_max")
          ? MetricStatistics.concurrentCalls(hourly(read, "cc_avg", hourlyFrom), hourly(read, "cc_max", hourlyFrom))
          : null;
      MissedCalls missed = complete(read, "missed calls", "missed_sum")
          ? MetricStatistics.missedCalls(hourly(read, "missed_sum", hourlyFrom), hourlyFrom, window.end())
          : null;
      ThrottledCalls throttled = complete(read, "throttled calls", "throttled_sum")
          ? MetricStatistics.throttledCalls(hourly(read, "throttled_sum", hourlyFrom), hourlyFrom, window.end())
          : null;
      CallsPerInterval perInterval = complete(read, "calls per interval", "cpi_sum", "cpi_avg", "cpi_max")
          ? MetricStatistics.callsPerInterval(hourly(read, "cpi_sum", hourlyFrom), hourly(read, "cpi_avg", hourlyFrom),
              hourly(read, "cpi_max", hourlyFrom))
          : null;
      QueueSizes queueSizes = queueNames == null ? null : queueSizes(read, queueNames, hourlyFrom);

      Links links = links();
      MetricsFindings findings = new MetricsFindings(ref, links.cloudWatchMetrics());
      findings.concurrentCalls(concurrent);
      findings.missedCalls(missed);
      findings.throttledCalls(throttled);
      findings.queueSizes(queueSizes);
      findings.callsPerInterval(perInterval);

      MetricsSection data = new MetricsSection(new Coverage(window.start(), window.end(), hourlyFrom),
          concurrent, missed, throttled, queueSizes, perInterval, links,
          new Batching(queries.size(), read.calls(), listMetricsCalls));
      return log.output(findings.findings(), data);
    }

    private List<Query> queries(List<String> queueNames) {
      Map<String, String> voice = dimensions("VoiceCalls", null);
      List<Query> queries = new ArrayList<>(List.of(
          new Query("cc_avg", "ConcurrentCalls", voice, HOUR, "Average"),
          new Query("cc_max", "ConcurrentCalls", voice, HOUR, "Maximum"),
          new Query("missed_sum", "MissedCalls", voice, HOUR, "Sum"),
          new Query("throttled_sum", "ThrottledCalls", voice, HOUR, "Sum"),
          new Query("cpi_sum", "CallsPerInterval", voice, HOUR, "Sum"),
          new Query("cpi_avg", "CallsPerInterval", voice, HOUR, "Average"),
          new Query("cpi_max", "CallsPerInterval", voice, HOUR, "Maximum")));
      for (int i = 0; i < queueNames.size(); i++) {
        Map<String, String> queue = dimensions("Queue", queueNames.get(i));
        queries.add(new Query("q" + i + "_avg", QUEUE_SIZE, queue, HOUR, "Average"));
        queries.add(new Query("q" + i + "_max", QUEUE_SIZE, queue, HOUR, "Maximum"));
      }
      return queries;
    }

    private Map<String, String> dimensions(String metricGroup, String queueName) {
      Map<String, String> dimensions = new LinkedHashMap<>();
      dimensions.put("InstanceId", ref.id());
      dimensions.put("MetricGroup", metricGroup);
      if (queueName != null) {
        dimensions.put("QueueName", queueName);
      }
      return dimensions;
    }

    /** True when every named series is complete; otherwise says in errors that the section is left out. */
    private boolean complete(MetricDataReader.Result read, String section, String... ids) {
      for (String id : ids) {
        String reason = read.incomplete().get(id);
        if (reason != null) {
          log.error(section + " not evaluated: series " + id + " incomplete (" + reason + ")");
          return false;
        }
      }
      return true;
    }

    /** The hourly series from the window's first hour on (CloudWatch may round StartTime down). */
    private static List<Datapoint> hourly(MetricDataReader.Result read, String id, Instant hourlyFrom) {
      return read.series().get(id).stream().filter(p -> !p.timestamp().isBefore(hourlyFrom)).toList();
    }

    private QueueSizes queueSizes(MetricDataReader.Result read, List<String> queueNames, Instant hourlyFrom) {
      List<QueueSize> queues = new ArrayList<>();
      List<String> notRead = new ArrayList<>();
      for (int i = 0; i < queueNames.size(); i++) {
        String avg = "q" + i + "_avg";
        String max = "q" + i + "_max";
        if (read.incomplete().containsKey(avg) || read.incomplete().containsKey(max)) {
          notRead.add(queueNames.get(i) + " (" + read.incomplete().getOrDefault(avg, read.incomplete().get(max)) + ")");
          continue;
        }
        queues.add(MetricStatistics.queueSize(queueNames.get(i), hourly(read, avg, hourlyFrom),
            hourly(read, max, hourlyFrom)));
      }
      if (!notRead.isEmpty()) {
        log.error("queue size not evaluated for " + notRead.size() + " queue(s): " + String.join("; ", notRead));
      }
      List<QueueSize> ranked = MetricStatistics.rankQueues(queues);
      List<QueueSize> kept = new ArrayList<>();
      for (int i = 0; i < ranked.size(); i++) {
        QueueSize q = ranked.get(i);
        kept.add(i < QUEUE_SERIES_KEPT ? q
            : new QueueSize(q.queueName(), q.average(), q.maximum(), q.peakHour(), q.dataPoints(), q.hot(), null));
      }
      return new QueueSizes(kept.size(), Math.min(kept.size(), QUEUE_SERIES_KEPT), kept);
    }

    /**
     * Console links. The admin-website dashboards need the access URL, read with one DescribeInstance;
     * without it those links are left out and {@code note} says why (the metrics themselves are complete).
     */
    private Links links() {
      AccessUrlLookup.Resolved resolved = AccessUrlLookup.read(clients, ref, log.budget());
      ConsoleLinks links = resolved.links();
      if (resolved.note() != null) {
        LOG.info("dashboard links left out: {}", resolved.note());
      }
      return new Links(links.cloudWatchMetrics(), links.hasAccessUrl() ? links.realTimeMetrics() : null,
          links.hasAccessUrl() ? links.historicalMetrics() : null, resolved.note());
    }
  }
}
