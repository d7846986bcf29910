package com.connectopsreview.report;

import com.connectopsreview.report.exception.ReviewNotFoundException;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentEntry;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.ReviewManifest;
import com.connectopsreview.shared.model.ReviewStatus;
import com.connectopsreview.shared.registry.AnalyzerRegistry;
import com.connectopsreview.shared.registry.AnalyzerSpec;
import com.connectopsreview.shared.store.ResultStore;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a review from the store into a {@link ReviewReport}: the manifest, then every stored
 * component. A component the manifest lists but the store does not hold is reported as FAILED
 * ("no result stored"), so a crashed or timed-out analyzer is visible instead of silently absent.
 */
final class ReviewReportReader {

  static final String INSTANCE_COMPONENT = "instance";
  static final String QUOTA_COMPONENT = "quota";
  static final String METRICS_COMPONENT = "metrics";
  static final String PHONE_COMPONENT = "phone";
  static final String FLOW_COMPONENT = "flow";
  static final String CLOUDTRAIL_COMPONENT = "cloudtrail";
  static final String LOGS_COMPONENT = "logs";
  static final String ATHENA_COMPONENT = "athena";
  static final String NO_RESULT = "no result stored";

  private final ResultStore store;

  ReviewReportReader(ResultStore store) {
    this.store = store;
  }

  ReviewReport read(String reviewId, Instant generatedAt) {
    ReviewManifest manifest =
        store.getManifest(reviewId).orElseThrow(() -> new ReviewNotFoundException(reviewId));
    List<String> stored = store.listComponents(reviewId);

    // Manifest order first (the orchestrator's registry order), then anything stored it does not list.
    Set<String> names = new LinkedHashSet<>(manifest.components().keySet());
    names.addAll(stored);
    Set<String> storedNames = new HashSet<>(stored);

    List<ComponentReport> components = new ArrayList<>();
    for (String name : names) {
      ComponentEntry entry = manifest.components().get(name);
      components.add(storedNames.contains(name)
          ? fromStore(reviewId, name, entry)
          : notStored(name, entry));
    }
    ReviewStatus status =
        ReviewStatus.fromComponents(components.stream().map(ComponentReport::status).toList());
    String alias = components.stream()
        .filter(c -> c.name().equals(INSTANCE_COMPONENT))
        .map(c -> InstanceSectionModel.read(c).section())
        .filter(section -> section != null && section.instance() != null)
        .map(section -> SectionData.text(section.instance().alias()))
        .filter(Objects::nonNull)
        .findFirst()
        .orElse(null);
    return new ReviewReport(
        reviewId, generatedAt, manifest.instance(), alias, manifest.window(), status, components,
        manifest.redactionPolicy());
  }

  private ComponentReport fromStore(String reviewId, String name, ComponentEntry entry) {
    Optional<AnalyzerResult> maybe;
    try {
      maybe = store.getResult(reviewId, name);
    } catch (UncheckedIOException e) {
      // A corrupt document must not cost the whole report; the cause's type says enough.
      return failed(name, entry, "stored result could not be read ("
          + e.getCause().getClass().getSimpleName() + ")");
    }
    if (maybe.isEmpty()) {
      return notStored(name, entry);
    }
    AnalyzerResult result = maybe.get();
    if (result.status() == ComponentStatus.FAILED) {
      // A failed component's checks were not evaluated: the report shows why, not partial findings
      // (which would also make the counts disagree with what is displayed).
      List<String> errors = !result.errors().isEmpty() ? result.errors()
          : List.of(entry != null && entry.reason() != null ? entry.reason() : "no reason recorded");
      return new ComponentReport(name, title(name), ComponentStatus.FAILED, result.durationMs(),
          result.apiCalls(), List.of(), errors, result.data());
    }
    return new ComponentReport(name, title(name), result.status(), result.durationMs(),
        result.apiCalls(), result.findings(), result.errors(), result.data());
  }

  private ComponentReport notStored(String name, ComponentEntry entry) {
    if (entry != null && entry.status() == ComponentStatus.SKIPPED) {
      // A skip is a decision, not a failure: it needs no stored result.
      return new ComponentReport(name, title(name), ComponentStatus.SKIPPED, entry.durationMs(),
          Map.of(), List.of(), entry.reason() == null ? List.of() : List.of(entry.reason()), null);
    }
    return failed(name, entry, NO_RESULT);
  }

  private ComponentReport failed(String name, ComponentEntry entry, String reason) {
    List<String> reasons = new ArrayList<>();
    reasons.add(reason);
    if (entry != null && entry.reason() != null && !entry.reason().equals(reason)) {
      reasons.add(entry.reason());
    }
    return new ComponentReport(name, title(name), ComponentStatus.FAILED,
        entry == null ? null : entry.durationMs(), Map.of(), List.of(), reasons, null);
  }

  private static String title(String name) {
    return AnalyzerRegistry.find(name).map(AnalyzerSpec::title).orElse(name);
  }
}
