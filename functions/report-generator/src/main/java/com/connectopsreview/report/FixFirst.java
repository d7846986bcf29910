package com.connectopsreview.report;

import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What to fix first, and how each pillar stands. One item per check (checkId): its findings across
 * resources are one fix with a blast radius, the number of resources it hits. Items are ordered by
 * severity, then blast radius, then report order; PASS and INFO are not fixes. A pillar's score starts
 * at 100 and loses, per failing check (counted once however many resources it hits), 25 for CRITICAL,
 * 10 for HIGH, 4 for MEDIUM and 1 for LOW, down to 0 (docs/report-schema.md).
 */
final class FixFirst {

  /** Items the summary lists. */
  static final int TOP = 10;

  static final Map<Severity, Integer> PENALTY = Map.of(Severity.CRITICAL, 25, Severity.HIGH, 10, Severity.MEDIUM, 4,
      Severity.LOW, 1, Severity.INFO, 0, Severity.PASS, 0);

  /**
   * One fix.
   *
   * @param component the component that reported it (its section holds the details)
   * @param resources findings of this check, one per resource (the blast radius)
   * @param title the most severe finding's title
   * @param recommendation its recommendation's first sentence; null when it has none
   */
  record Item(String component, String checkId, Severity severity, Pillar pillar, int resources, String title,
      String recommendation, String resource, String consoleUrl) {}

  /**
   * A pillar's standing.
   *
   * @param failingChecks checks with at least one finding of severity LOW or worse
   * @param findings per severity, non-PASS findings only
   */
  record PillarScore(Pillar pillar, int score, int failingChecks, Map<Severity, Long> findings, int passes) {}

  private FixFirst() {}

  /** Every fix, most urgent first ({@link #TOP} of them are shown). */
  static List<Item> items(List<ComponentReport> components) {
    Map<String, List<Finding>> byCheck = new LinkedHashMap<>();
    Map<String, String> componentOf = new LinkedHashMap<>();
    for (ComponentReport component : components) {
      for (Finding finding : component.findings()) {
        if (!isFix(finding)) {
          continue;
        }
        String key = component.name() + "\u0000" + finding.checkId();
        byCheck.computeIfAbsent(key, k -> new ArrayList<>()).add(finding);
        componentOf.putIfAbsent(key, component.name());
      }
    }
    List<Item> items = new ArrayList<>();
    byCheck.forEach((key, findings) -> {
      Finding worst = findings.stream().min(Comparator.comparing(Finding::severity)).orElseThrow();
      items.add(new Item(componentOf.get(key), worst.checkId(), worst.severity(), worst.pillar(), findings.size(),
          worst.title(), firstSentence(worst.recommendation()), worst.resource(), worst.consoleUrl()));
    });
    // Stable: equal severity and reach keep the report's order.
    items.sort(Comparator.comparing(Item::severity).thenComparing(Comparator.comparingInt(Item::resources).reversed()));
    return items;
  }

  static List<PillarScore> pillars(List<ComponentReport> components) {
    Map<Pillar, Map<String, Severity>> worstByCheck = new EnumMap<>(Pillar.class);
    Map<Pillar, Map<Severity, Long>> counts = new EnumMap<>(Pillar.class);
    Map<Pillar, Integer> passes = new EnumMap<>(Pillar.class);
    for (ComponentReport component : components) {
      for (Finding f : component.findings()) {
        if (f.severity() == Severity.PASS) {
          passes.merge(f.pillar(), 1, Integer::sum);
          continue;
        }
        counts.computeIfAbsent(f.pillar(), p -> new EnumMap<>(Severity.class)).merge(f.severity(), 1L, Long::sum);
        if (isFix(f)) {
          worstByCheck.computeIfAbsent(f.pillar(), p -> new LinkedHashMap<>())
              .merge(component.name() + "\u0000" + f.checkId(), f.severity(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
        }
      }
    }
    List<PillarScore> scores = new ArrayList<>();
    for (Pillar pillar : Pillar.values()) {
      Map<String, Severity> failing = worstByCheck.getOrDefault(pillar, Map.of());
      int penalty = failing.values().stream().mapToInt(PENALTY::get).sum();
      scores.add(new PillarScore(pillar, Math.max(0, 100 - penalty), failing.size(),
          counts.getOrDefault(pillar, Map.of()), passes.getOrDefault(pillar, 0)));
    }
    return scores;
  }

  private static boolean isFix(Finding finding) {
    return finding.severity() != Severity.PASS && finding.severity() != Severity.INFO;
  }

  /** Up to the first ". " (a one-line recommendation); the whole text when it is one sentence. */
  static String firstSentence(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String trimmed = text.strip();
    for (int end = trimmed.indexOf(". "); end >= 0; end = trimmed.indexOf(". ", end + 1)) {
      // "e.g. " and "i.e. " end no sentence.
      boolean abbreviation = end >= 3 && (trimmed.startsWith("e.g", end - 3) || trimmed.startsWith("i.e", end - 3));
      if (!abbreviation) {
        return trimmed.substring(0, end + 1);
      }
    }
    return trimmed;
  }
}
