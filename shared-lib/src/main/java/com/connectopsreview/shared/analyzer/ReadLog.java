package com.connectopsreview.shared.analyzer;

import com.connectopsreview.shared.aws.AwsErrors;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.logging.LogContext;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.time.TimeBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;

/**
 * What one analyzer invocation could not read, and why: errors, items not examined and the first
 * reason time ran out. It is how an analyzer talks to AWS: every read goes through
 * {@link #attempt}, whose {@link Outcome} is ok, out of time, denied or failed, and the log becomes
 * the component's status (OK or PARTIAL) and {@code errors[]} ({@link #output}).
 *
 * <p>Once time has run out, further attempts are not made: they answer OUT_OF_TIME at once, so an
 * analyzer stores what it has instead of missing its deadline. Errors that are neither AWS/SDK errors
 * nor the budget (programming errors) are not caught: they fail the component.
 *
 * <p>Thread-safe: {@link #batch} and {@link #attemptAll} run reads of independent APIs at the same
 * time, each API still paced by the shared rate limiter (see
 * {@link com.connectopsreview.shared.ratelimit.ApiCallCounter}).
 */
public final class ReadLog {

  private static final Logger LOG = LoggerFactory.getLogger(ReadLog.class);

  /**
   * Reads run at once by {@link #batch} and {@link #attemptAll}, at most. Connect's rate limits are
   * per API, so an analyzer reading ~20 APIs gains from this many; each still waits for its own API.
   */
  public static final int MAX_CONCURRENT_READS = 16;

  /** One read for {@link #attemptAll}: what it reads (null: record nothing when time runs out) and the call. */
  public record Read<T>(String what, Supplier<T> call) {}

  private final TimeBudget budget;
  private final int parallelism;
  private final List<String> errors = new ArrayList<>();
  private final List<String> notExamined = new ArrayList<>();
  private String outOfTime;

  public ReadLog(TimeBudget budget) {
    this(budget, MAX_CONCURRENT_READS);
  }

  /**
   * @param parallelism reads {@link #batch} runs at once, at most; 1 runs them one after another in
   *     the order they were added (tests that need a deterministic order)
   */
  public ReadLog(TimeBudget budget, int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
    }
    this.budget = budget;
    this.parallelism = parallelism;
  }

  public TimeBudget budget() {
    return budget;
  }

  /**
   * Reads once, inside the budget. If time has already run out the call is not made. Running out of
   * time (the budget checked by the call itself, by {@link #pages} between pages, while waiting for a
   * rate-limit slot or before any SDK call, see {@code ApiCallCounter}) is remembered and
   * {@code what}, when not null, is recorded as not examined. Denied and failed reads are only
   * returned: the caller says what they mean in {@link #error}.
   *
   * @param what what the read is about, as {@code errors[]} names it (e.g. "limit of Users per instance")
   */
  public <T> Outcome<T> attempt(String what, Supplier<T> call) {
    String spent = outOfTimeReason();
    if (spent != null) {
      notExamined(what);
      return Outcome.outOfTime(spent);
    }
    try {
      return Outcome.ok(call.get());
    } catch (TimeBudget.BudgetExceededException | SdkException e) {
      TimeBudget.BudgetExceededException timeUp = AwsErrors.budgetExceeded(e);
      if (timeUp != null) {
        outOfTime(timeUp);
        notExamined(what);
        return Outcome.outOfTime(timeUp.getMessage());
      }
      return AwsErrors.isAccessDenied(e) ? Outcome.denied(AwsErrors.reason(e), e)
          : Outcome.failed(AwsErrors.reason(e), e);
    }
  }

  /** {@link #attempt(String, Supplier)} that records nothing as not examined (the caller aggregates). */
  public <T> Outcome<T> attempt(Supplier<T> call) {
    return attempt(null, call);
  }

  /**
   * Several reads at once, for reads of different APIs: each API keeps its own pace and its own
   * throttling backoff, so the wall time is that of the slowest read, not the sum. Outcomes come back
   * in the order of {@code reads}.
   */
  public <T> List<Outcome<T>> attemptAll(List<Read<T>> reads) {
    Batch batch = batch();
    List<Pending<T>> pending = reads.stream().map(r -> batch.add(r.what(), r.call())).toList();
    batch.run();
    return pending.stream().map(Pending::outcome).toList();
  }

  /** Reads of independent APIs to run at once: {@link Batch#add} each, then {@link Batch#run}. */
  public Batch batch() {
    return new Batch();
  }

  /** The outcome of one read of a {@link Batch}, there once the batch has run. */
  public static final class Pending<T> {
    private final String what;
    private final Supplier<T> call;
    private volatile Outcome<T> outcome;

    private Pending(String what, Supplier<T> call) {
      this.what = what;
      this.call = call;
    }

    public Outcome<T> outcome() {
      if (outcome == null) {
        throw new IllegalStateException("the batch has not run");
      }
      return outcome;
    }
  }

  /**
   * Reads that run at the same time ({@link ReadLog#attempt} each, on up to {@code parallelism}
   * threads carrying the caller's log context). {@link #run} returns when all have ended; an error
   * that is not an AWS error or the budget (a bug) is rethrown there.
   */
  public final class Batch {
    private final List<Pending<?>> reads = new ArrayList<>();

    private Batch() {}

    /** @param what as for {@link ReadLog#attempt(String, Supplier)}; null to record nothing */
    public <T> Pending<T> add(String what, Supplier<T> call) {
      Pending<T> read = new Pending<>(what, call);
      reads.add(read);
      return read;
    }

    public void run() {
      if (parallelism == 1 || reads.size() <= 1) {
        reads.forEach(ReadLog.this::runOne);
        return;
      }
      String component = MDC.get(LogContext.COMPONENT);
      ExecutorService pool = Executors.newFixedThreadPool(Math.min(reads.size(), parallelism), readThreads(component));
      try {
        List<Future<Void>> futures = new ArrayList<>();
        for (Pending<?> read : reads) {
          Callable<Void> task = () -> {
            runOne(read);
            return null;
          };
          futures.add(pool.submit(LogContext.wrap(component, task)));
        }
        futures.forEach(ReadLog::join);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private <T> void runOne(Pending<T> read) {
    read.outcome = attempt(read.what, read.call);
  }

  /** Every page of {@code paginator}, the budget checked before each page ({@link Pages}). */
  public <P> Iterable<P> pages(String operation, SdkIterable<P> paginator) {
    return Pages.of(budget, operation, paginator);
  }

  /** Something that could not be read or judged, as the operator should read it in {@code errors[]}. */
  public synchronized void error(String message) {
    errors.add(message);
  }

  /** Something left out because time ran out; named in the one "time budget spent" error. */
  public synchronized void notExamined(String what) {
    if (what != null) {
      notExamined.add(what);
    }
  }

  /** Remembers that time ran out (the first reason is the one reported). */
  public synchronized void outOfTime(TimeBudget.BudgetExceededException e) {
    if (outOfTime == null) {
      outOfTime = e.getMessage();
      // Not "PARTIAL": a log of a sub-budget (the phone analyzer's status checks) runs out by design.
      LOG.warn("time budget spent, no further read starts: {}", outOfTime);
    }
  }

  /** True once time has run out in this invocation (further reads are not attempted). */
  public synchronized boolean isOutOfTime() {
    return outOfTime != null;
  }

  /** The first reason time ran out, or null. */
  public synchronized String outOfTimeReason() {
    return outOfTime;
  }

  /** Whether anything went into {@code errors[]} so far (the component is then PARTIAL). */
  public synchronized boolean hasErrors() {
    return !errors.isEmpty() || outOfTime != null;
  }

  /**
   * {@code errors[]}: every error in the order recorded, then, if time ran out,
   * "time budget spent (reason); not examined: a; b".
   */
  public synchronized List<String> errors() {
    List<String> all = new ArrayList<>(errors);
    if (outOfTime != null) {
      all.add("time budget spent (" + outOfTime + ")"
          + (notExamined.isEmpty() ? "" : "; not examined: " + String.join("; ", notExamined)));
    }
    return all;
  }

  /** The analyzer's answer: OK when nothing is in {@link #errors()}, PARTIAL otherwise. */
  public AnalysisOutput output(List<Finding> findings, Object data) {
    return AnalysisOutput.of(findings, data == null ? null : Json.tree(data), errors());
  }

  private static void join(Future<Void> future) {
    try {
      future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for concurrent reads", e);
    } catch (ExecutionException e) {
      // attempt() only lets programming errors escape: rethrow them as they are.
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static ThreadFactory readThreads(String component) {
    AtomicInteger n = new AtomicInteger();
    return task -> {
      Thread thread = new Thread(task, "read-" + (component == null ? "analyzer" : component) + "-"
          + n.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
