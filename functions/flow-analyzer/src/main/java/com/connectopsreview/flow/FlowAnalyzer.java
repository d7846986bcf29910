package com.connectopsreview.flow;

import com.connectopsreview.flow.FlowCache.Entry;
import com.connectopsreview.shared.analyzer.AnalysisOutput;
import com.connectopsreview.shared.analyzer.Analyzer;
import com.connectopsreview.shared.analyzer.Outcome;
import com.connectopsreview.shared.analyzer.ReadLog;
import com.connectopsreview.shared.aws.AwsErrors;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.hash.Sha256;
import com.connectopsreview.shared.links.AccessUrlLookup;
import com.connectopsreview.shared.links.ConsoleLinks;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.sections.FlowSection;
import com.connectopsreview.shared.sections.FlowSection.Analysis;
import com.connectopsreview.shared.sections.FlowSection.ContentSource;
import com.connectopsreview.shared.sections.FlowSection.FlowRow;
import com.connectopsreview.shared.sections.FlowSection.LintRow;
import com.connectopsreview.shared.sections.FlowSection.LoggingBehavior;
import com.connectopsreview.shared.sections.FlowSection.ModuleRow;
import com.connectopsreview.shared.store.ResultStore;
import com.connectopsreview.shared.time.TimeBudget;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;

/**
 * The {@code flow} component: every contact flow and flow module of the instance, their logging
 * compliance (upstream-spec §1.8, §4.9 item 1), flows by type, and the Flow Language lint of
 * {@link FlowLintCatalog}; default and sample flows are reported like any other, marked as such.
 *
 * <p>Calls, all in the instance's Region: Connect {@code DescribeInstance} once (the access URL for
 * the flow designer links), {@code DescribeInstanceAttribute(CONTACTFLOW_LOGS)} once,
 * {@code SearchContactFlows} and {@code SearchContactFlowModules} at 100 per page, every page, using
 * the {@code Content} they return. Only where a flow comes without content and the cache does not
 * hold it with the same LastModifiedTime comes a paced {@code DescribeContactFlow} (modules:
 * {@code DescribeContactFlowModule}). When Search is refused, {@code ListContactFlows} /
 * {@code ListContactFlowModules} at 1000 per page plus one Describe each.
 *
 * <p>Analyses are cached across reviews by content hash ({@link FlowCache}): the cache is read once at
 * the start and written once at the end, also when the run is PARTIAL. A flow whose content cannot be
 * read is still counted and listed; it is named in {@code errors}, which makes the component PARTIAL,
 * as does running out of time. Content that is not Flow Language is a finding, never an error.
 */
public final class FlowAnalyzer implements Analyzer {

  private static final Logger LOG = LoggerFactory.getLogger(FlowAnalyzer.class);

  /** At most this many unread flows are named one by one in {@code errors}. */
  static final int NAMED_IN_ERRORS = 20;

  private final ServiceClients clients;
  private final ResultStore store;

  public FlowAnalyzer(ServiceClients clients, ResultStore store) {
    this.clients = clients;
    this.store = store;
  }

  @Override
  public AnalysisOutput analyze(AnalyzerRequest request, TimeBudget budget) {
    return new Run(request, new ReadLog(budget), clients, store).analyze();
  }

  /** A flow or module with what the run learned about its content (analysis null: content not read). */
  private record Examined(FlowRecord record, FlowAnalysis analysis) {}

  /** The state of one invocation (the analyzer itself is shared across warm invocations). */
  private static final class Run {

    private final InstanceRef ref;
    private final ReadLog log;
    private final ServiceClients clients;
    private final ResultStore store;
    private final FlowFetcher fetcher;
    private final List<String> unread = new ArrayList<>();
    private int notExaminedForTime;
    private FlowCache.Document cached;
    private final FlowCache.Document fresh = FlowCache.Document.empty();
    private int analyzed;
    private int reused;
    private boolean contentFromSearch;
    private boolean contentFromDescribe;

    Run(AnalyzerRequest request, ReadLog log, ServiceClients clients, ResultStore store) {
      this.ref = request.instance();
      this.log = log;
      this.clients = clients;
      this.store = store;
      this.fetcher = new FlowFetcher(clients.client(ConnectClient.class, Region.of(ref.region())), ref.id(),
          log.budget());
    }

    AnalysisOutput analyze() {
      cached = FlowCache.read(store, FlowAnalyzerFactory.COMPONENT, ref.id());
      ConsoleLinks links = links();
      Boolean instanceFlowLogs = instanceFlowLogs();

      List<FlowRecord> flows = new ArrayList<>();
      boolean flowsComplete = list("flows", flows, fetcher::searchFlows, fetcher::listFlows);
      List<FlowRecord> modules = new ArrayList<>();
      list("flow modules", modules, fetcher::searchModules, fetcher::listModules);

      List<Examined> examinedFlows = flows.stream().map(this::examine).toList();
      List<Examined> examinedModules = modules.stream().map(this::examine).toList();
      FlowCache.write(store, FlowAnalyzerFactory.COMPONENT, ref.id(), fresh);

      if (!unread.isEmpty()) {
        log.error("content of " + unread.size() + " flow(s)/module(s) not read: " + named(unread));
      }
      if (notExaminedForTime > 0) {
        log.notExamined("content of " + notExaminedForTime + " flow(s)/module(s) (the next review continues)");
      }
      LOG.info("flows: {} flows, {} modules; analyzed {}, reused from cache {}, {} search pages, {} list pages, "
          + "{} describes", flows.size(), modules.size(), analyzed, reused, fetcher.searchPages(),
          fetcher.listPages(), fetcher.describeCalls());
      return output(links, instanceFlowLogs, flowsComplete, examinedFlows, examinedModules);
    }

    // ---- reading ----

    /** The access URL for the designer links; without it the links fall back to the console (not an error). */
    private ConsoleLinks links() {
      AccessUrlLookup.Resolved resolved = AccessUrlLookup.read(clients, ref, log.budget());
      if (resolved.note() != null) {
        LOG.info("flow designer links left out: {}", resolved.note());
      }
      return resolved.links();
    }

    private Boolean instanceFlowLogs() {
      Outcome<Boolean> read = log.attempt(fetcher::instanceFlowLogs);
      if (read.isDenied() || read.isFailed()) {
        log.error("instance attribute CONTACTFLOW_LOGS not read: " + read.reason());
      }
      return read.orElse(null);
    }

    /**
     * Lists with Search, or with the List fallback when Search is refused on its first page.
     *
     * @return true when every page was read
     * @throws FlowsNotListedException when no flow could be listed at all (nothing to review)
     */
    private boolean list(String what, List<FlowRecord> into, Consumer<List<FlowRecord>> search,
        Consumer<List<FlowRecord>> fallback) {
      int pagesBefore = fetcher.searchPages();
      Outcome<Void> searched = log.attempt(() -> {
        search.accept(into);
        return null;
      });
      if (searched.isOk() || searched.isOutOfTime()) {
        return searched.isOk();
      }
      if (fetcher.searchPages() > pagesBefore || !AwsErrors.isOperationRefused(searched.error())) {
        log.error(what + " listed incompletely (" + into.size() + " read): " + searched.reason());
        return false;
      }
      LOG.info("search for {} refused, falling back to List + Describe: {}", what, searched.reason());
      return fallback(what, into, fallback, searched.reason());
    }

    private boolean fallback(String what, List<FlowRecord> into, Consumer<List<FlowRecord>> list, String refused) {
      Outcome<Void> listed = log.attempt(() -> {
        list.accept(into);
        return null;
      });
      if (listed.isOk() || listed.isOutOfTime()) {
        return listed.isOk();
      }
      String reason = what + " not listed: Search refused (" + refused + "), List failed (" + listed.reason() + ")";
      if (into.isEmpty() && "flows".equals(what)) {
        throw new FlowsNotListedException(reason);
      }
      log.error(reason + (into.isEmpty() ? "" : "; " + into.size() + " read"));
      return false;
    }

    /** The analysis of one flow or module: cached, from the listed content, or from a Describe call. */
    private Examined examine(FlowRecord listed) {
      Map<String, Entry> before = cached.of(listed.kind());
      Map<String, Entry> after = fresh.of(listed.kind());
      Entry previous = before.get(listed.id());
      FlowRecord record = listed;
      if (!record.hasContent()) {
        if (previous != null && record.lastModifiedTime() != null
            && record.lastModifiedTime().equals(previous.lastModifiedTime())) {
          reused++;
          contentFromSearch = true;
          after.put(record.id(), previous);
          return new Examined(record, previous.analysis());
        }
        record = describe(record);
        if (record == null) {
          // Keep what earlier reviews learned: a later review may find it unchanged.
          if (previous != null) {
            after.put(listed.id(), previous);
          }
          return new Examined(listed, null);
        }
        contentFromDescribe = true;
      } else {
        contentFromSearch = true;
      }
      String hash = Sha256.hex(record.content());
      FlowAnalysis analysis;
      if (previous != null && hash.equals(previous.contentSha256())) {
        reused++;
        analysis = previous.analysis();
      } else {
        analyzed++;
        analysis = FlowAnalysis.of(record.content());
      }
      after.put(record.id(), new Entry(hash, record.lastModifiedTime(), analysis));
      return new Examined(record, analysis);
    }

    /** The record with described content; null when it could not be read (already noted). */
    private FlowRecord describe(FlowRecord record) {
      Outcome<FlowRecord> described = log.attempt(() -> fetcher.describe(record));
      if (described.isOutOfTime()) {
        notExaminedForTime++;
      } else if (!described.isOk()) {
        unread.add(record.describe() + ": " + described.reason());
      } else if (!described.get().hasContent()) {
        unread.add(record.describe() + ": Describe returned no Content");
      } else {
        return described.get();
      }
      return null;
    }

    // ---- result ----

    private AnalysisOutput output(ConsoleLinks links, Boolean instanceFlowLogs, boolean flowsComplete,
        List<Examined> flows, List<Examined> modules) {
      FlowFindings rules = new FlowFindings(links);
      List<Finding> findings = new ArrayList<>();
      List<Finding> lintFindings = new ArrayList<>();
      List<FlowRow> flowRows = new ArrayList<>();
      List<ModuleRow> moduleRows = new ArrayList<>();
      List<LintRow> lintRows = new ArrayList<>();
      Map<String, Integer> byType = new TreeMap<>();
      Map<String, Integer> missingByType = new TreeMap<>();
      int enabled = 0;
      int notEvaluated = 0;
      List<Finding> missing = new ArrayList<>();

      for (Examined e : flows) {
        FlowRecord f = e.record();
        String type = f.type() == null ? "UNKNOWN" : f.type();
        byType.merge(type, 1, Integer::sum);
        LoggingBehavior logging = e.analysis() == null ? null : e.analysis().logging();
        if (logging == null) {
          notEvaluated++;
        } else if (logging == LoggingBehavior.ENABLED) {
          enabled++;
        } else {
          missing.add(rules.missing(f, logging, instanceFlowLogs));
          missingByType.merge(type, 1, Integer::sum);
        }
        List<LintHit> hits = e.analysis() == null ? List.of() : e.analysis().lint();
        hits.forEach(hit -> {
          lintFindings.add(rules.lint(f, hit));
          lintRows.add(new LintRow(hit.checkId(), f.id(), f.name(), hit.blockId(), hit.actionType(), hit.message()));
        });
        flowRows.add(new FlowRow(f.id(), f.arn(), f.name(), f.type(), f.state(), f.status(), f.isDefaultFlow(),
            logging, FlowFindings.dependsOnInstanceSetting(logging, instanceFlowLogs), hits.size(),
            rules.editUrl(f)));
      }
      for (Examined e : modules) {
        FlowRecord m = e.record();
        List<LintHit> hits = e.analysis() == null ? List.of() : e.analysis().lint();
        hits.forEach(hit -> {
          lintFindings.add(rules.lint(m, hit));
          lintRows.add(new LintRow(hit.checkId(), m.id(), m.name(), hit.blockId(), hit.actionType(), hit.message()));
        });
        moduleRows.add(new ModuleRow(m.id(), m.arn(), m.name(), m.state(), m.status(), hits.size()));
      }

      int evaluated = enabled + missing.size();
      BigDecimal percent = evaluated == 0 ? null
          : BigDecimal.valueOf(enabled * 100L).divide(BigDecimal.valueOf(evaluated), 1, RoundingMode.HALF_UP);
      if (flows.isEmpty()) {
        if (flowsComplete) {
          findings.add(rules.none());
        }
      } else {
        findings.add(rules.summary(flows.size(), enabled, missing.size(), notEvaluated, percent, instanceFlowLogs,
            byType, missingByType));
        if (flowsComplete && missing.isEmpty() && notEvaluated == 0) {
          findings.add(rules.compliant(flows.size(), instanceFlowLogs));
        }
      }
      findings.addAll(missing);
      findings.addAll(lintFindings);

      FlowSection data = new FlowSection(instanceFlowLogs, contentSource(), flows.size(), modules.size(), byType, percent,
          flowRows, moduleRows, lintRows, new Analysis(analyzed, reused, fetcher.describeCalls(),
              fetcher.searchPages(), fetcher.listPages()));
      return log.output(findings, data);
    }

    private ContentSource contentSource() {
      if (contentFromDescribe) {
        return contentFromSearch ? ContentSource.MIXED : ContentSource.DESCRIBE;
      }
      return ContentSource.SEARCH;
    }

    private static String named(List<String> items) {
      List<String> shown = items.subList(0, Math.min(items.size(), NAMED_IN_ERRORS));
      return String.join("; ", shown) + (items.size() > shown.size()
          ? "; and " + (items.size() - shown.size()) + " more" : "");
    }
  }

  /** Neither SearchContactFlows nor ListContactFlows listed a single flow: nothing to review (FAILED). */
  static final class FlowsNotListedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FlowsNotListedException(String message) {
      super(message);
    }
  }
}
