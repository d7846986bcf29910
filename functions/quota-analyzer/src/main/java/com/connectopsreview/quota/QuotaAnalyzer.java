package com.connectopsreview.quota;

import com.connectopsreview.quota.QuotaCatalog.ConcurrencyQuota;
import com.connectopsreview.quota.QuotaCatalog.InstanceQuota;
import com.connectopsreview.shared.analyzer.AnalysisOutput;
import com.connectopsreview.shared.analyzer.Analyzer;
import com.connectopsreview.shared.json.Json;
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
import com.connectopsreview.shared.time.TimeBudget.BudgetExceededException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;

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
 * {@code ListServiceQuotas} for the rate quotas.
 *
 * <p>Nothing fails the whole component: a value that cannot be read leaves its row without it
 * (never dropped) and is named in {@code errors}, which makes the component PARTIAL; so does
 * running out of time.
 */
public final class QuotaAnalyzer implements Analyzer {

  private static final Logger LOG = LoggerFactory.getLogger(QuotaAnalyzer.class);

  private final QuotaClients clients;

  public QuotaAnalyzer(QuotaClients clients) {
    this.clients = clients;
  }

  @Override
  public AnalysisOutput analyze(AnalyzerRequest request, TimeBudget budget) {
    return new Run(request, budget, clients).analyze();
  }

  /** The state of one invocation (the analyzer itself is shared across warm invocations). */
  private static final class Run {

    private final InstanceRef ref;
    private final ConsoleLinks links;
    private final TimeWindow window;
    private final Thresholds thresholds;
    private final TimeBudget budget;
    private final QuotaClients clients;
    private final Region region;
    private final LimitReader limits;
    private final List<String> errors = new ArrayList<>();
    private final List<String> notExamined = new ArrayList<>();
    private final List<String> deniedLimits = new ArrayList<>();
    private String limitsDenied;
    private String outOfTime;

    Run(AnalyzerRequest request, TimeBudget budget, QuotaClients clients) {
      this.ref = request.instance();
      this.links = ConsoleLinks.forInstance(ref);
      this.window = request.window();
      this.thresholds = ThresholdOptions.fromOptions(request.options());
      this.budget = budget;
      this.clients = clients;
      this.region = Region.of(ref.region());
      this.limits = new LimitReader(clients.serviceQuotas(region), budget);
    }

    AnalysisOutput analyze() {
      List<QuotaRow> quotas = instanceQuotas();
      List<Growth> growth = new ArrayList<>();
      List<ConcurrencyRow> concurrency = concurrency(growth);
      if (limitsDenied != null) {
        errors.add("limits of " + String.join(", ", deniedLimits) + " not read: Service Quotas denied ("
            + limitsDenied + ")");
      }
      QuotaListReader.Listing listing = listedQuotas();
      List<RateQuota> rates = listing.rates();
      List<OtherQuota> others = listing.others();

      if (outOfTime != null) {
        errors.add("time budget spent (" + outOfTime + "); not examined: " + String.join("; ", notExamined));
      }

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
      QuotaSection data = new QuotaSection(thresholds, quotas, concurrency, growth, rates, others, summary);
      return AnalysisOutput.of(findings, Json.tree(data), errors);
    }

    // ---- instance quotas ----

    private List<QuotaRow> instanceQuotas() {
      UsageCounter counter = new UsageCounter(clients.connect(region), ref.id(), budget);
      List<QuotaRow> rows = new ArrayList<>();
      for (InstanceQuota quota : QuotaCatalog.INSTANCE_QUOTAS) {
        Lookup<QuotaLimit> limit = limit(quota.code(), quota.label());
        Lookup<Long> usage = quota.usage() == null
            ? new Lookup<>(null, "no API counts this quota's usage")
            : usage(counter, quota);
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

    /** A value, or null with the reason it is missing. */
    private record Lookup<T>(T value, String note) {}

    private Lookup<QuotaLimit> limit(String code, String label) {
      if (outOfTime != null) {
        notExamined.add("limit of " + label);
        return new Lookup<>(null, "not examined: time budget spent");
      }
      if (limitsDenied != null) {
        // One denial answers for every quota: the IAM action is the same.
        deniedLimits.add(label);
        return new Lookup<>(null, "Service Quotas access denied");
      }
      try {
        return limits.read(code, ref.arn()).map(l -> new Lookup<>(l, null)).orElseGet(() -> new Lookup<>(null,
            "quota " + code + " not found for the instance, the account or as AWS default (not offered in "
                + ref.region() + "?)"));
      } catch (BudgetExceededException e) {
        stop(e, "limit of " + label);
        return new Lookup<>(null, "not examined: time budget spent");
      } catch (SdkException e) {
        if (AwsErrors.isOutOfTime(e)) {
          stop(e, "limit of " + label);
          return new Lookup<>(null, "not examined: time budget spent");
        }
        if (AwsErrors.isAccessDenied(e)) {
          limitsDenied = AwsErrors.reason(e);
          deniedLimits.add(label);
          return new Lookup<>(null, "Service Quotas access denied");
        }
        errors.add("limit of " + label + " (" + code + ") could not be read: " + AwsErrors.reason(e));
        return new Lookup<>(null, "limit could not be read: " + AwsErrors.reason(e));
      }
    }

    private Lookup<Long> usage(UsageCounter counter, InstanceQuota quota) {
      String what = "usage of " + quota.label() + " (" + quota.usage().describe() + ")";
      return read(what, () -> counter.count(quota.usage()));
    }

    /** One read inside the budget: an AWS error is named in errors, running out of time stops the run. */
    private <T> Lookup<T> read(String what, Supplier<T> call) {
      if (outOfTime != null) {
        notExamined.add(what);
        return new Lookup<>(null, "not examined: time budget spent");
      }
      try {
        return new Lookup<>(call.get(), null);
      } catch (BudgetExceededException e) {
        stop(e, what);
        return new Lookup<>(null, "not examined: time budget spent");
      } catch (SdkException e) {
        if (AwsErrors.isOutOfTime(e)) {
          stop(e, what);
          return new Lookup<>(null, "not examined: time budget spent");
        }
        errors.add(what + " could not be read: " + AwsErrors.reason(e));
        return new Lookup<>(null, "could not be read: " + AwsErrors.reason(e));
      }
    }

    // ---- concurrency ----

    /** The concurrency rows; adds each row's growth to {@code growth}, in the same order. */
    private List<ConcurrencyRow> concurrency(List<Growth> growth) {
      List<Lookup<QuotaLimit>> quotaLimits = new ArrayList<>();
      List<MetricReader.Query> queries = new ArrayList<>();
      for (ConcurrencyQuota quota : QuotaCatalog.CONCURRENCY_QUOTAS) {
        quotaLimits.add(limit(quota.code(), quota.label()));
        queries.add(new MetricReader.Query(peakId(quota), quota.countMetric(), quota.metricGroup(), "Maximum"));
        queries.add(new MetricReader.Query(percentId(quota), quota.percentMetric(), quota.metricGroup(),
            "Maximum"));
      }
      // Whole UTC days, so each daily datapoint is one calendar day.
      Instant start = window.start().truncatedTo(ChronoUnit.DAYS);
      MetricReader reader = new MetricReader(clients.cloudWatch(region), ref.id(), budget);
      Lookup<MetricReader.Series> series = read("concurrency peaks (CloudWatch GetMetricData)",
          () -> reader.daily(queries, start, window.end()));

      List<ConcurrencyRow> rows = new ArrayList<>();
      for (int i = 0; i < QuotaCatalog.CONCURRENCY_QUOTAS.size(); i++) {
        ConcurrencyQuota quota = QuotaCatalog.CONCURRENCY_QUOTAS.get(i);
        ConcurrencyRow row = concurrencyRow(quota, quotaLimits.get(i), series);
        rows.add(row);
        growth.add(row.status() == RowStatus.NOT_MEASURED || failed(quota, series)
            ? new Growth(row.key(), row.label(), row.metric(), 0, 0, null, null, null, null, null,
                "peaks not measured")
            : QuotaRules.growth(row.key(), row.label(), row.metric(), row.daily(), window, row.limit()));
      }
      return rows;
    }

    private ConcurrencyRow concurrencyRow(ConcurrencyQuota quota, Lookup<QuotaLimit> limitLookup,
        Lookup<MetricReader.Series> series) {
      BigDecimal limit = limitLookup.value() == null ? null : limitLookup.value().value();
      LimitSource source = limitLookup.value() == null ? null : limitLookup.value().source();
      String failure = failure(quota, series);
      if (failure != null) {
        if (series.value() != null) {
          errors.add("peak of " + quota.label() + " (" + quota.countMetric() + ") incomplete: " + failure);
        }
        return new ConcurrencyRow(quota.key(), quota.label(), quota.code(), links.serviceQuota(quota.code()),
            limit, source, quota.metricGroup(),
            quota.countMetric(), null, null, quota.percentMetric(), null, null,
            limit == null ? RowStatus.LIMIT_UNKNOWN : RowStatus.NOT_MEASURED,
            join(limitLookup.note(), "peak " + failure), List.of());
      }
      List<DailyPoint> daily = series.value().byId().getOrDefault(peakId(quota), List.of());
      List<DailyPoint> percentDaily = series.value().byId().getOrDefault(percentId(quota), List.of());
      DailyPoint peak = QuotaRules.peak(daily);
      DailyPoint percentPeak = QuotaRules.peak(percentDaily);
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

    /** Why the quota's peaks are missing (the call or its series failed), null when they were read. */
    private static String failure(ConcurrencyQuota quota, Lookup<MetricReader.Series> series) {
      return series.value() == null ? series.note() : series.value().failures().stream()
          .filter(f -> f.id().equals(peakId(quota))).map(MetricReader.Failure::reason).findFirst().orElse(null);
    }

    private static boolean failed(ConcurrencyQuota quota, Lookup<MetricReader.Series> series) {
      return failure(quota, series) != null;
    }

    private static String peakId(ConcurrencyQuota quota) {
      return quota.key().toLowerCase(Locale.ROOT) + "_peak";
    }

    private static String percentId(ConcurrencyQuota quota) {
      return quota.key().toLowerCase(Locale.ROOT) + "_percent";
    }

    // ---- API rate quotas and the quotas outside the catalog ----

    private QuotaListReader.Listing listedQuotas() {
      QuotaListReader reader = new QuotaListReader(clients.serviceQuotas(region), budget);
      Lookup<QuotaListReader.Listing> listing = read(
          "API rate and other quotas (ListAWSDefaultServiceQuotas, ListServiceQuotas)", reader::read);
      return listing.value() == null ? new QuotaListReader.Listing(List.of(), List.of()) : listing.value();
    }

    // ---- helpers ----

    /** Remembers that time ran out (first reason wins) and what that left out. */
    private void stop(RuntimeException e, String leftOut) {
      if (outOfTime == null) {
        outOfTime = e.getMessage();
        LOG.warn("time budget spent; storing what was read as PARTIAL");
      }
      notExamined.add(leftOut);
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
