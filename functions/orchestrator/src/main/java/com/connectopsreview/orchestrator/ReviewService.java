package com.connectopsreview.orchestrator;

import com.connectopsreview.shared.aws.AwsErrors;
import com.connectopsreview.shared.logging.LogContext;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.model.ComponentEntry;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.ReportRequest;
import com.connectopsreview.shared.model.ReportResponse;
import com.connectopsreview.shared.model.ReviewManifest;
import com.connectopsreview.shared.model.ReviewStatus;
import com.connectopsreview.shared.registry.AnalyzerRegistry;
import com.connectopsreview.shared.registry.AnalyzerSpec;
import com.connectopsreview.shared.store.ResultStore;
import com.connectopsreview.shared.validation.ValidatedReview;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import com.connectopsreview.shared.privacy.RedactionPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one review: records the manifest, fans out to the analyzers in parallel, records each
 * outcome, has the report rendered and records the final status. A failing, throwing or slow
 * analyzer becomes a FAILED component with its reason; the others carry on and the report is still
 * written. The results themselves are never held here: analyzers store them, the report generator
 * reads them.
 */
public final class ReviewService {

  private static final Logger LOG = LoggerFactory.getLogger(ReviewService.class);

  /**
   * What the service runs and how it divides its time.
   *
   * @param analyzers the analyzers it knows (the registry's, in production)
   * @param analyzerOptions options passed to every analyzer (e.g. {@code logGroup})
   * @param reportTimeout time kept for the report generator
   * @param bookkeepingReserve time kept at the very end to record the outcome
   * @param answerGrace extra wait beyond an analyzer's deadline for its answer to arrive
   * @param minimumAnalyzerTime an analyzer is not started with less time than this
   */
  public record Settings(
      List<AnalyzerSpec> analyzers,
      Map<String, String> analyzerOptions,
      Duration reportTimeout,
      Duration bookkeepingReserve,
      Duration answerGrace,
      Duration minimumAnalyzerTime) {

    public Settings {
      analyzers = List.copyOf(analyzers);
      analyzerOptions = Map.copyOf(analyzerOptions);
    }

    public static Settings standard(Map<String, String> analyzerOptions) {
      return new Settings(AnalyzerRegistry.all(), analyzerOptions, AnalyzerRegistry.REPORT_TIMEOUT,
          Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    AnalyzerSpec spec(String name) {
      return analyzers.stream().filter(s -> s.name().equals(name)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown analyzer '" + name + "'"));
    }

    public List<String> names() {
      return analyzers.stream().map(AnalyzerSpec::name).toList();
    }

    /** The policy every analyzer of a review applies: the one in the options, else the default. */
    public RedactionPolicy redactionPolicy() {
      return RedactionPolicy.parse(analyzerOptions.get(RedactionPolicy.OPTION));
    }
  }

  private final ResultStore store;
  private final AnalyzerInvoker analyzers;
  private final ReportInvoker reports;
  private final Clock clock;
  private final Settings settings;

  public ReviewService(
      ResultStore store, AnalyzerInvoker analyzers, ReportInvoker reports, Clock clock, Settings settings) {
    this.store = store;
    this.analyzers = analyzers;
    this.reports = reports;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * @param deadline when the orchestrator itself must have answered (its Lambda timeout)
   */
  public ReviewOutcome run(ValidatedReview review, Instant deadline) {
    try (LogContext ignored = LogContext.open(review.reviewId(), "orchestrator")) {
      Instant now = clock.instant();
      // A re-run of the same review id replaces the earlier review instead of mixing with it.
      if (store.getManifest(review.reviewId()).isPresent()) {
        LOG.info("review id exists; replacing the earlier review");
        store.deleteReview(review.reviewId());
      }
      Map<String, ComponentEntry> pending = new LinkedHashMap<>();
      review.analyzers().forEach(name -> pending.put(name, ComponentEntry.pending()));
      ManifestWriter manifest = new ManifestWriter(store, new ReviewManifest(
          review.reviewId(), review.instance(), review.window(), ReviewStatus.RUNNING, now, now, pending,
          null, null, settings.redactionPolicy().describe()));
      LOG.info("review started: {} analyzers, window {} .. {}, scheduled {}", review.analyzers().size(),
          review.window().start(), review.window().end(), review.scheduled());

      Instant analyzersDeadline = deadline.minus(settings.reportTimeout()).minus(settings.bookkeepingReserve());
      fanOut(review, analyzersDeadline, manifest);
      checkStored(review, manifest);

      Map<String, String> errors = new LinkedHashMap<>();
      manifest.current().components().forEach((name, entry) -> {
        if (entry.status() != ComponentStatus.OK && entry.status() != ComponentStatus.SKIPPED) {
          errors.put(name, entry.reason() == null ? entry.status().name() : entry.reason());
        }
      });

      ReviewStatus status;
      ReportResponse report = null;
      String reportError = null;
      try {
        Duration reportTime = between(clock.instant(), deadline.minus(settings.bookkeepingReserve()));
        report = reports.render(new ReportRequest(review.reviewId()), reportTime);
        status = ReviewStatus.fromComponents(
            manifest.current().components().values().stream().map(ComponentEntry::status).toList());
      } catch (RuntimeException e) {
        reportError = "report generation failed: " + AwsErrors.reason(e);
        errors.put("report", reportError);
        status = ReviewStatus.FAILED;
        LOG.warn("{}", reportError);
      }
      ReviewManifest done = manifest.finish(status, report == null ? null : report.ref(), reportError);
      Map<String, ComponentStatus> statuses = new LinkedHashMap<>();
      done.components().forEach((name, entry) -> statuses.put(name, entry.status()));
      LOG.info("review finished: {} {}", status, statuses);
      return new ReviewOutcome(review.reviewId(), status, statuses, done.report(), errors);
    }
  }

  private void fanOut(ValidatedReview review, Instant analyzersDeadline, ManifestWriter manifest) {
    List<AnalyzerSpec> specs = review.analyzers().stream().map(settings::spec).toList();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, specs.size()), r -> {
      Thread t = new Thread(r, "analyzer-invoke");
      t.setDaemon(true);
      return t;
    });
    try {
      Map<AnalyzerSpec, Future<AnalyzerResponse>> running = new LinkedHashMap<>();
      Map<AnalyzerSpec, Instant> deadlines = new LinkedHashMap<>();
      for (AnalyzerSpec spec : specs) {
        Instant start = clock.instant();
        Instant analyzerDeadline = min(start.plus(spec.timeout()), analyzersDeadline);
        Duration time = between(start, analyzerDeadline);
        if (time.compareTo(settings.minimumAnalyzerTime()) < 0) {
          manifest.record(spec.name(), new ComponentEntry(ComponentStatus.FAILED,
              "not started: only " + time.toSeconds() + " s left of the orchestrator's time", 0L));
          continue;
        }
        AnalyzerRequest request = new AnalyzerRequest(review.reviewId(), spec.name(), review.instance(),
            review.window(), analyzerDeadline, settings.analyzerOptions());
        deadlines.put(spec, analyzerDeadline);
        running.put(spec, pool.submit(LogContext.wrap("orchestrator",
            () -> analyzers.invoke(spec, request, time.plus(settings.answerGrace())))));
      }
      for (var entry : running.entrySet()) {
        AnalyzerSpec spec = entry.getKey();
        Instant started = clock.instant();
        ComponentEntry outcome = await(spec, entry.getValue(), deadlines.get(spec).plus(settings.answerGrace()));
        manifest.record(spec.name(), outcome);
        LOG.info("analyzer {} ended {} after waiting {} ms", spec.name(), outcome.status(),
            Duration.between(started, clock.instant()).toMillis());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private ComponentEntry await(AnalyzerSpec spec, Future<AnalyzerResponse> future, Instant waitUntil) {
    try {
      long waitMs = Math.max(0, Duration.between(clock.instant(), waitUntil).toMillis());
      AnalyzerResponse response = future.get(waitMs, TimeUnit.MILLISECONDS);
      String reason = response.errors().isEmpty() ? null : String.join("; ", response.errors());
      return new ComponentEntry(response.status(), reason, response.durationMs());
    } catch (TimeoutException e) {
      future.cancel(true);
      return new ComponentEntry(ComponentStatus.FAILED,
          "timed out: no answer within " + spec.timeout().toSeconds() + " s", spec.timeout().toMillis());
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return new ComponentEntry(ComponentStatus.FAILED, AwsErrors.reason(cause), null);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      future.cancel(true);
      return new ComponentEntry(ComponentStatus.FAILED, "interrupted while waiting for the analyzer", null);
    }
  }

  /** An analyzer that says it succeeded but stored nothing did not succeed. */
  private void checkStored(ValidatedReview review, ManifestWriter manifest) {
    Set<String> stored = new HashSet<>(store.listComponents(review.reviewId()));
    manifest.current().components().forEach((name, entry) -> {
      if (entry.status() != ComponentStatus.FAILED && !stored.contains(name)) {
        manifest.record(name, new ComponentEntry(ComponentStatus.FAILED,
            "analyzer answered " + entry.status() + " but stored no result", entry.durationMs()));
      }
    });
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private static Duration between(Instant from, Instant to) {
    Duration d = Duration.between(from, to);
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** Keeps the manifest current in the store as components finish (one writer thread). */
  private final class ManifestWriter {
    private final ResultStore store;
    private ReviewManifest manifest;

    ManifestWriter(ResultStore store, ReviewManifest initial) {
      this.store = store;
      this.manifest = initial;
      store.putManifest(initial);
    }

    ReviewManifest current() {
      return manifest;
    }

    void record(String component, ComponentEntry entry) {
      manifest = manifest.withComponent(component, entry, clock.instant());
      store.putManifest(manifest);
    }

    ReviewManifest finish(ReviewStatus status, com.connectopsreview.shared.model.ReportRef report, String error) {
      manifest = manifest.withOutcome(status, report, error, clock.instant());
      store.putManifest(manifest);
      return manifest;
    }
  }
}
