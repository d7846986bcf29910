package com.connectopsreview.quota;

import com.connectopsreview.quota.QuotaCatalog.ConcurrencyQuota;
import com.connectopsreview.quota.QuotaCatalog.InstanceQuota;
import com.connectopsreview.shared.analyzer.AnalysisOutput;
import com.connectopsreview.shared.analyzer.Analyzer;
import com.connectopsreview.shared.analyzer.Outcome;
import com.connectopsreview.shared.analyzer.ReadLog;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.cloudwatch.MetricDataReader;
import com.connectopsreview.shared.links.ConsoleLinks;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.TimeWindow;
import com.connectopsreview.shared.sections.QuotaSection;
import com.connectopsreview.shared.sections.QuotaSection.ConcurrencyRow;
import com.connectopsreview.shared.sections.QuotaSection.DailyPoint;
import com.connectopsreview.shared.sections.QuotaSection.Growth;
import com.connectopsreview.shared.sections.QuotaSection.LimitSource;
import com.connectopsreview.shared.sections.QuotaSection.OtherQuota;
import com.connectopsreview.shared.sections.QuotaSection.QuotaRow;
import com.connectopsreview.shared.sections.QuotaSection.RateQuota;
import com.connectopsreview.shared.sections.QuotaSection.RowStatus;
import com.connectopsreview.shared.sections.QuotaSection.Summary;
import com.connectopsreview.shared.sections.QuotaSection.Thresholds;
import com.connectopsreview.shared.time.TimeBudget;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;

/**
 * The {@code quota} component: Connect's instance quotas against exactly counted usage, concurrency
 * quotas against the window's daily peaks (and Connect's own percentage metrics), the growth of those
 * peaks with a "weeks until limit" estimate, and the account's API rate quotas that differ from
 * the AWS default (upstream-spec §1.5, §4.10; checklist B).
 *
 * <p>Calls, all in the instance's Region: Service Quotas {@code GetServiceQuota} per quota with the
 * instance as context (then without, then {@code GetAWSDefaultServiceQuota}, only on
 * NoSuchResource), one paginated Connect list call per measured quota, one CloudWatch
 * {@code GetMetricData} for all concurrency series, and {@code ListAWSDefaultServiceQuotas} /
 * {@code ListServiceQuotas} for the rate quotas. Each of those is its own API with its own rate
 * limit, so they are read at the same time ({@link ReadLog#batch}), each at its API's pace: a
 * throttled API costs its own backoff, not the sum of every list's.
 *
 * <p>Nothing fails the whole component: a value that cannot be read leaves its row without it
 * (never dropped) and is named in {@code errors}, which makes the component PARTIAL; so does
 * running out of time.
 */
public final class QuotaAnalyzer implements Analyzer {

  private static final Logger LOG = LoggerFactory.getLogger(QuotaAnalyzer.class);

  /** CloudWatch period of the concurrency series: one datapoint per UTC day. */
  static final int DAY_SECONDS = 86_400;

  private final ServiceClients clients;
  private final int parallelReads;

  public QuotaAnalyzer(ServiceClients clients) {
    this(clients, ReadLog.MAX_CONCURRENT_READS);
  }

  /** @param parallelReads reads made at once; 1 makes them one after another (tests of the order) */
  QuotaAnalyzer(ServiceClients clients, int parallelReads) {
    this.clients = clients;
    this.parallelReads = parallelReads;
  }

  @Override
  public AnalysisOutput analyze(AnalyzerRequest request, TimeBudget budget) {
    return new Run(request, new ReadLog(budget, parallelReads), clients).analyze();
  }

  /**
   * A value, or null with the reason it is missing.
   *
   * @param note the row's note; null when the value was read
   * @param error the line for {@code errors[]}; null when the gap is not an error (not offered,
   *     denied as a whole, out of time)
   */
  private record Lookup<T>(T value, String note, String error) {

    static <T> Lookup<T> of(T value) {
      return new Lookup<>(value, null, null);
    }

    static <T> Lookup<T> missing(String note) {
      return new Lookup<>(null, note, null);
    }
  }

  /** The state of one invocation (the analyzer itself is shared across warm invocations). */
  private static final class Run {

    private static final String OUT_OF_TIME = "not examined: time budget spent";

    private final InstanceRef ref;
    private final ConsoleLinks links;
    private final TimeWindow window;
    private final Thresholds thresholds;
    private final ReadLog log;
    private final ServiceClients clients;
    private final Region region;
    private final List<String> deniedLimits = new ArrayList<>();
    private String limitsDenied;

    Run(AnalyzerRequest request, ReadLog log, ServiceClients clients) {
      this.ref = request.instance();
      this.links = ConsoleLinks.forInstance(ref);
      this.window = request.window();
      this.thresholds = ThresholdOptions.fromOptions(request.options());
      this.log = log;
      this.clients = clients;
      this.region = Region.of(ref.region());
    }

    AnalysisOutput analyze() {
      ReadLog.Batch reads = log.batch();
      ReadLog.Pending<Map<String, Lookup<QuotaLimit>>> limits = reads.add(null, this::readLimits);
      UsageCounter counter = new UsageCounter(clients.client(ConnectClient.class, region), ref.id(), log.budget());
      Map<InstanceQuota, ReadLog.Pending<Long>> usages = new LinkedHashMap<>();
      for (InstanceQuota quota : QuotaCatalog.INSTANCE_QUOTAS) {
        if (quota.usage() != null) {
          usages.put(quota, reads.add(usageWhat(quota), () -> counter.count(quota.usage())));
        }
      }
      ReadLog.Pending<MetricDataReader.Result> peaks = reads.add(PEAKS, this::readPeaks);
      QuotaListReader lists = new QuotaListReader(clients.client(ServiceQuotasClient.class, region), log.budget());
      ReadLog.Pending<QuotaListReader.Listing> listing = reads.add(LISTING, lists::read);
      reads.run();

      // Errors in catalog order, as a reader of errors[] expects them, whatever order the reads ended in.
      // The limits read is a chain of reads of its own; when time ran out before it began, running it
      // now calls nothing and marks every limit not examined.
      Map<String, Lookup<QuotaLimit>> limitsByCode =
          limits.outcome().isOk() ? limits.outcome().get() : readLimits();
      List<QuotaRow> quotas = instanceQuotas(limitsByCode, usages);
      List<Growth> growth = new ArrayList<>();
      List<ConcurrencyRow> concurrency = concurrency(limitsByCode, lookup(PEAKS, peaks.outcome()), growth);
      if (limitsDenied != null) {
        log.error("limits of " + String.join(", ", deniedLimits) + " not read: Service Quotas denied ("
            + limitsDenied + ")");
      }
      Lookup<QuotaListReader.Listing> listed = lookup(LISTING, listing.outcome());
      record(listed);
      List<RateQuota> rates = listed.value() == null ? List.of() : listed.value().rates();
      List<OtherQuota> others = listed.value() == null ? List.of() : listed.value().others();

      QuotaFindings rules = new QuotaFindings(ref, thresholds);
      List<Finding> findings = new ArrayList<>();
      quotas.forEach(row -> rules.of(row).ifPresent(findings::add));
      for (int i = 0; i < concurrency.size(); i++) {
        rules.of(concurrency.get(i)).ifPresent(findings::add);
        rules.of(growth.get(i), concurrency.get(i)).ifPresent(findings::add);
      }
      rates.stream().filter(RateQuota::modified).map(rules::of).forEach(findings::add);
      rules.of(others).ifPresent(findings::add);

      Summary summary = summary(quotas, concurrency, rates, others);
      LOG.info("quotas read: {} rows ({} warning, {} critical, {} not measured), {} concurrency rows, "
          + "{} rate quotas ({} modified)", summary.rows(), summary.warning(), summary.critical(),
          summary.notMeasured(), concurrency.size(), summary.rateQuotas(), summary.rateQuotasModified());
      return log.output(findings, new QuotaSection(thresholds, quotas, concurrency, growth, rates, others, summary));
    }

    // ---- limits: one Service Quotas API, read one quota after another ----

    /** Every catalog quota's limit, by quota code (instance quotas, then concurrency quotas). */
    private Map<String, Lookup<QuotaLimit>> readLimits() {
      LimitReader reader = new LimitReader(clients.client(ServiceQuotasClient.class, region), log.budget());
      Map<String, Lookup<QuotaLimit>> limits = new LinkedHashMap<>();
      QuotaCatalog.INSTANCE_QUOTAS.forEach(q -> limits.put(q.code(), limit(reader, q.code(), q.label())));
      QuotaCatalog.CONCURRENCY_QUOTAS.forEach(q -> limits.put(q.code(), limit(reader, q.code(), q.label())));
      return limits;
    }

    private Lookup<QuotaLimit> limit(LimitReader reader, String code, String label) {
      if (limitsDenied != null && !log.isOutOfTime()) {
        // One denial answers for every quota: the IAM action is the same.
        deniedLimits.add(label);
        return Lookup.missing("Service Quotas access denied");
      }
      Outcome<Optional<QuotaLimit>> read = log.attempt("limit of " + label, () -> reader.read(code, ref.arn()));
      return switch (read.kind()) {
        case OK -> read.get().map(Lookup::of).orElseGet(() -> Lookup.missing("quota " + code
            + " not found for the instance, the account or as AWS default (not offered in " + ref.region() + "?)"));
        case OUT_OF_TIME -> Lookup.missing(OUT_OF_TIME);
        case DENIED -> {
          limitsDenied = read.reason();
          deniedLimits.add(label);
          yield Lookup.missing("Service Quotas access denied");
        }
        case FAILED -> new Lookup<>(null, "limit could not be read: " + read.reason(),
            "limit of " + label + " (" + code + ") could not be read: " + read.reason());
      };
    }

    // ---- instance quotas ----

    private List<QuotaRow> instanceQuotas(Map<String, Lookup<QuotaLimit>> limits,
        Map<InstanceQuota, ReadLog.Pending<Long>> usages) {
      List<QuotaRow> rows = new ArrayList<>();
      for (InstanceQuota quota : QuotaCatalog.INSTANCE_QUOTAS) {
        Lookup<QuotaLimit> limit = record(limits.get(quota.code()));
        Lookup<Long> usage = quota.usage() == null
            ? Lookup.missing("no API counts this quota's usage")
            : record(lookup(usageWhat(quota), usages.get(quota).outcome()));
        var evaluation = QuotaRules.evaluate(limit.value() == null ? null : limit.value().value(),
            usage.value() == null ? null : BigDecimal.valueOf(usage.value()), thresholds);
        rows.add(new QuotaRow(quota.key(), quota.label(), quota.code(), links.serviceQuota(quota.code()),
            limit.value() == null ? null : limit.value().value(),
            limit.value() == null ? null : limit.value().source(), usage.value(), evaluation.percentage(),
            evaluation.status(), quota.usage() == null ? null : quota.usage().describe(),
            join(limit.note(), usage.note())));
      }
      return rows;
    }

    private static String usageWhat(InstanceQuota quota) {
      return "usage of " + quota.label() + " (" + quota.usage().describe() + ")";
    }

    // ---- concurrency ----

    private static final String PEAKS = "concurrency peaks (CloudWatch GetMetricData)";

    private MetricDataReader.Result readPeaks() {
      List<MetricDataReader.Query> queries = new ArrayList<>();
      for (ConcurrencyQuota quota : QuotaCatalog.CONCURRENCY_QUOTAS) {
        queries.add(dailyMaximum(peakId(quota), quota.countMetric(), quota.metricGroup()));
        queries.add(dailyMaximum(percentId(quota), quota.percentMetric(), quota.metricGroup()));
      }
      // Whole UTC days, so each daily datapoint is one calendar day.
      Instant start = window.start().truncatedTo(ChronoUnit.DAYS);
      return new MetricDataReader(clients.client(CloudWatchClient.class, region), log.budget())
          .read(queries, start, window.end());
    }

    private MetricDataReader.Query dailyMaximum(String id, String metric, String metricGroup) {
      Map<String, String> dimensions = new LinkedHashMap<>();
      dimensions.put("InstanceId", ref.id());
      dimensions.put("MetricGroup", metricGroup);
      return new MetricDataReader.Query(id, metric, dimensions, DAY_SECONDS, "Maximum");
    }

    /** The concurrency rows; adds each row's growth to {@code growth}, in the same order. */
    private List<ConcurrencyRow> concurrency(Map<String, Lookup<QuotaLimit>> limits,
        Lookup<MetricDataReader.Result> series, List<Growth> growth) {
      List<Lookup<QuotaLimit>> quotaLimits = new ArrayList<>();
      QuotaCatalog.CONCURRENCY_QUOTAS.forEach(q -> quotaLimits.add(record(limits.get(q.code()))));
      record(series);
      List<ConcurrencyRow> rows = new ArrayList<>();
      for (int i = 0; i < QuotaCatalog.CONCURRENCY_QUOTAS.size(); i++) {
        ConcurrencyQuota quota = QuotaCatalog.CONCURRENCY_QUOTAS.get(i);
        ConcurrencyRow row = concurrencyRow(quota, quotaLimits.get(i), series);
        rows.add(row);
        growth.add(row.status() == RowStatus.NOT_MEASURED || failure(quota, series) != null
            ? new Growth(row.key(), row.label(), row.metric(), 0, 0, null, null, null, null, null,
                "peaks not measured")
            : QuotaRules.growth(row.key(), row.label(), row.metric(), row.daily(), window, row.limit()));
      }
      return rows;
    }

    private ConcurrencyRow concurrencyRow(ConcurrencyQuota quota, Lookup<QuotaLimit> limitLookup,
        Lookup<MetricDataReader.Result> series) {
      BigDecimal limit = limitLookup.value() == null ? null : limitLookup.value().value();
      LimitSource source = limitLookup.value() == null ? null : limitLookup.value().source();
      String failure = failure(quota, series);
      if (failure != null) {
        if (series.value() != null) {
          log.error("peak of " + quota.label() + " (" + quota.countMetric() + ") incomplete: " + failure);
        }
        return new ConcurrencyRow(quota.key(), quota.label(), quota.code(), links.serviceQuota(quota.code()),
            limit, source, quota.metricGroup(),
            quota.countMetric(), null, null, quota.percentMetric(), null, null,
            limit == null ? RowStatus.LIMIT_UNKNOWN : RowStatus.NOT_MEASURED,
            join(limitLookup.note(), "peak " + failure), List.of());
      }
      List<DailyPoint> daily = daily(series.value(), peakId(quota));
      DailyPoint peak = QuotaRules.peak(daily);
      DailyPoint percentPeak = QuotaRules.peak(daily(series.value(), percentId(quota)));
      BigDecimal published = percentPeak == null ? null : Numbers.oneDecimal(quota.percentIsFraction()
          ? percentPeak.value().multiply(Numbers.HUNDRED) : percentPeak.value());
      if (peak == null) {
        return new ConcurrencyRow(quota.key(), quota.label(), quota.code(), links.serviceQuota(quota.code()),
            limit, source, quota.metricGroup(),
            quota.countMetric(), null, null, quota.percentMetric(), published, published,
            published == null ? RowStatus.NO_DATA : QuotaRules.band(published, thresholds),
            join(limitLookup.note(), "no " + quota.countMetric() + " datapoints in the window"), daily);
      }
      BigDecimal percentage;
      RowStatus status;
      if (limit != null) {
        var evaluation = QuotaRules.evaluate(limit, peak.value(), thresholds);
        percentage = evaluation.percentage();
        status = evaluation.status();
      } else if (published != null) {
        // Without the quota, Connect's own percentage metric still says how close the peak came.
        percentage = published;
        status = QuotaRules.band(published, thresholds);
      } else {
        percentage = null;
        status = RowStatus.LIMIT_UNKNOWN;
      }
      return new ConcurrencyRow(quota.key(), quota.label(), quota.code(), links.serviceQuota(quota.code()),
          limit, source, quota.metricGroup(),
          quota.countMetric(), peak.value(), peak.day(), quota.percentMetric(), published, percentage, status,
          limitLookup.note(), daily);
    }

    private static List<DailyPoint> daily(MetricDataReader.Result series, String id) {
      return series.series().getOrDefault(id, List.of()).stream()
          .map(p -> new DailyPoint(p.timestamp(), p.value())).toList();
    }

    /** Why the quota's peaks are missing (the call or its series failed), null when they were read. */
    private static String failure(ConcurrencyQuota quota, Lookup<MetricDataReader.Result> series) {
      return series.value() == null ? series.note() : series.value().incomplete().get(peakId(quota));
    }

    private static String peakId(ConcurrencyQuota quota) {
      return quota.key().toLowerCase(Locale.ROOT) + "_peak";
    }

    private static String percentId(ConcurrencyQuota quota) {
      return quota.key().toLowerCase(Locale.ROOT) + "_percent";
    }

    // ---- API rate quotas and the quotas outside the catalog ----

    private static final String LISTING = "API rate and other quotas (ListAWSDefaultServiceQuotas, ListServiceQuotas)";

    // ---- helpers ----

    /** A read's outcome as a row sees it; a failed read is an error named by {@code what}. */
    private static <T> Lookup<T> lookup(String what, Outcome<T> read) {
      return switch (read.kind()) {
        case OK -> Lookup.of(read.get());
        case OUT_OF_TIME -> Lookup.missing(OUT_OF_TIME);
        case DENIED, FAILED -> new Lookup<>(null, "could not be read: " + read.reason(),
            what + " could not be read: " + read.reason());
      };
    }

    /** Puts the lookup's error, if any, into errors[] (so errors come in the order rows are built). */
    private <T> Lookup<T> record(Lookup<T> lookup) {
      if (lookup.error() != null) {
        log.error(lookup.error());
      }
      return lookup;
    }

    private static String join(String a, String b) {
      if (a == null) {
        return b;
      }
      return b == null || b.equals(a) ? a : a + "; " + b;
    }

    private static Summary summary(List<QuotaRow> quotas, List<ConcurrencyRow> concurrency, List<RateQuota> rates,
        List<OtherQuota> others) {
      List<RowStatus> statuses = new ArrayList<>();
      quotas.forEach(r -> statuses.add(r.status()));
      concurrency.forEach(r -> statuses.add(r.status()));
      return new Summary(statuses.size(), count(statuses, RowStatus.NORMAL), count(statuses, RowStatus.WARNING),
          count(statuses, RowStatus.CRITICAL), count(statuses, RowStatus.NOT_MEASURED),
          count(statuses, RowStatus.LIMIT_UNKNOWN), count(statuses, RowStatus.NO_DATA), rates.size(),
          (int) rates.stream().filter(RateQuota::modified).count(), others.size());
    }

    private static int count(List<RowStatus> statuses, RowStatus status) {
      return (int) statuses.stream().filter(s -> s == status).count();
    }
  }
}
