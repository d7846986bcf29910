package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter.Limit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docs/sandbox.md says what the code does: the same operations and the same planted problems. */
class SandboxDocsTest {

  private static final Pattern CHECK_ID = Pattern.compile("^\\|\\s*`([A-Z0-9_.]+)`\\s*\\|");
  /** A planted or passing row: checkId, then its severity. */
  private static final Pattern CHECK_WITH_SEVERITY =
      Pattern.compile("^\\|\\s*`([A-Z0-9_.]+)`\\s*\\|\\s*([A-Z]+)\\s*\\|");

  private static String doc;
  private static String checks;

  @BeforeAll
  static void readDocs() throws IOException {
    Path root = repoRoot();
    doc = Files.readString(root.resolve("docs/sandbox.md"));
    checks = Files.readString(root.resolve("docs/checks.md"));
  }

  @Test
  void plantedTables_equalPlantedProblems() {
    PlantedProblems.Expectations instance = PlantedProblems.instance();

    assertEquals(withSeverity(instance.planted()), severitiesUnder("### Planted problems (must be reported)"));
    assertEquals(withSeverity(instance.passes()), severitiesUnder("### Correct configurations that must pass"));
    assertEquals(ids(instance.absent()), checkIdsUnder("### Deliberately correct (must not be reported)"));
  }

  @Test
  void quotaAndMetricsTables_equalPlantedProblems() {
    PlantedProblems.Expectations quota = PlantedProblems.quota();
    PlantedProblems.Expectations metrics = PlantedProblems.metrics();

    assertEquals(withSeverity(quota.planted()), severitiesUnder("#### Quota: planted (must be reported)"));
    assertEquals(withSeverity(quota.passes()), severitiesUnder("#### Quota: must pass"));
    assertEquals(ids(quota.absent()), checkIdsUnder("#### Quota: must not be reported"));
    assertEquals(withSeverity(metrics.planted()), severitiesUnder("#### Metrics: planted (must be reported)"));
    assertEquals(List.of(), metrics.passes());
    assertEquals(ids(metrics.absent()), checkIdsUnder("#### Metrics: must not be reported"));
  }

  @Test
  void phoneAndFlowTables_equalPlantedProblems() {
    PlantedProblems.Expectations phone = PlantedProblems.phone();
    PlantedProblems.Expectations flow = PlantedProblems.flow();

    assertEquals(withSeverity(phone.planted()), severitiesUnder("#### Phone: planted (must be reported)"));
    assertEquals(List.of(), phone.passes());
    assertEquals(ids(phone.absent()), checkIdsUnder("#### Phone: must not be reported"));
    assertEquals(withSeverity(flow.planted()), severitiesUnder("#### Flow: planted (must be reported)"));
    assertEquals(List.of(), flow.passes());
    assertEquals(ids(flow.absent()), checkIdsUnder("#### Flow: must not be reported"));
  }

  @Test
  void cloudTrailTables_equalPlantedProblems_andEveryCheckIdIsInTheCatalog() {
    PlantedProblems.Expectations cloudtrail = PlantedProblems.cloudtrail();

    assertEquals(withSeverity(cloudtrail.planted()), severitiesUnder("#### CloudTrail: planted (must be reported)"));
    assertEquals(List.of(), cloudtrail.passes());
    assertEquals(ids(cloudtrail.absent()), checkIdsUnder("#### CloudTrail: must not be reported"));
    for (String checkId : cloudtrail.expectedCheckIds()) {
      assertTrue(checks.contains("| `" + checkId + "` |"), checkId + " is not in docs/checks.md");
    }
    for (String checkId : cloudtrail.unexpectedCheckIds()) {
      assertTrue(checks.contains("| `" + checkId + "` |"), checkId + " is not in docs/checks.md");
    }
  }

  @Test
  void logsTables_equalPlantedProblems_andEveryCheckIdIsInTheCatalog() {
    PlantedProblems.Expectations logs = PlantedProblems.logs();

    assertEquals(withSeverity(logs.planted()), severitiesUnder("#### Logs: planted (must be reported)"));
    assertEquals(List.of(), logs.passes());
    assertEquals(ids(logs.absent()), checkIdsUnder("#### Logs: must not be reported"));
    for (String checkId : logs.expectedCheckIds()) {
      assertTrue(checks.contains("| `" + checkId + "` |"), checkId + " is not in docs/checks.md");
    }
    for (String checkId : logs.unexpectedCheckIds()) {
      assertTrue(checks.contains("| `" + checkId + "` |"), checkId + " is not in docs/checks.md");
    }
  }

  @Test
  void athenaTables_equalPlantedProblems_andEveryCheckIdIsInTheCatalog() {
    PlantedProblems.Expectations athena = PlantedProblems.athena();

    assertEquals(withSeverity(athena.planted()), severitiesUnder("#### Athena: planted (must be reported)"));
    assertEquals(withSeverity(athena.passes()), severitiesUnder("#### Athena: must pass"));
    assertEquals(ids(athena.absent()), checkIdsUnder("#### Athena: must not be reported"));
    for (String checkId : athena.expectedCheckIds()) {
      assertTrue(checks.contains("| `" + checkId + "` |"), checkId + " is not in docs/checks.md");
    }
    for (String checkId : athena.unexpectedCheckIds()) {
      assertTrue(checks.contains("| `" + checkId + "` |"), checkId + " is not in docs/checks.md");
    }
  }

  @Test
  void hostileNamesTable_equalsPlantedHostileTexts() {
    List<String> documented = section("#### Hostile names: shown as inert text").lines()
        .filter(l -> l.startsWith("| `")).map(l -> l.substring(3, l.indexOf("` |"))).toList();

    assertEquals(PlantedProblems.hostileTexts().stream().map(PlantedProblems.HostileText::documented).toList(),
        documented);
  }

  @Test
  void everyPlantedCheckId_isInTheCheckCatalog() {
    Set<String> all = new LinkedHashSet<>();
    for (PlantedProblems.Expectations e
        : List.of(PlantedProblems.instance(), PlantedProblems.quota(), PlantedProblems.metrics(),
            PlantedProblems.phone(), PlantedProblems.flow())) {
      all.addAll(e.expectedCheckIds());
      all.addAll(e.unexpectedCheckIds());
    }

    for (String checkId : all) {
      // The quota catalog documents its checkIds per quota key: QUOTA.<KEY>.<VARIANT>.
      String anyKey = checkId.replaceFirst("^QUOTA\\.[A-Z0-9_]+\\.", "QUOTA.<KEY>.");
      String concurrentKey = checkId.replaceFirst("^QUOTA\\.CONCURRENT_[A-Z0-9_]+\\.", "QUOTA.<CONCURRENT_KEY>.");
      assertTrue(checks.contains("| `" + checkId + "` |") || checks.contains("| `" + anyKey + "` |")
          || checks.contains("| `" + concurrentKey + "` |"), checkId + " is not in docs/checks.md");
    }
  }

  @Test
  void operationsTable_listsEveryServedOperationWithItsRouteAndLimit() {
    Scenario scenario = new ScenarioGenerator(42, SandboxSize.SMALL).generate();
    List<String> expected = new ArrayList<>();
    for (OperationRegistry.Operation o : OperationRegistry.standard(scenario).operations()) {
      expected.add("| " + o.service().sdkName() + " | " + o.name() + " | `" + o.route() + "` | "
          + o.service().protocolName() + " | " + limit(o.limit()) + " |");
    }

    List<String> documented = section("## Operations served").lines()
        .filter(l -> l.startsWith("| ") && !l.startsWith("| Service |") && !l.startsWith("|---")).toList();

    assertEquals(expected, documented);
  }

  /** How the docs write a rate limit: {@code 2/s, burst 5}. */
  static String limit(Limit limit) {
    double rate = limit.perSecond();
    String perSecond = rate == Math.rint(rate) ? String.valueOf((long) rate) : String.valueOf(rate);
    return perSecond + "/s, burst " + limit.burst();
  }

  // ---- helpers ----

  private static Set<String> ids(List<PlantedProblems.Check> checks) {
    Set<String> ids = new LinkedHashSet<>();
    checks.forEach(c -> ids.add(c.checkId()));
    return ids;
  }

  private static java.util.Map<String, String> withSeverity(List<PlantedProblems.Check> checks) {
    java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
    checks.forEach(c -> map.put(c.checkId(), c.severity().name()));
    return map;
  }

  /** checkId → severity from the first two columns of the table under a heading, in order. */
  private static java.util.Map<String, String> severitiesUnder(String heading) {
    java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
    for (String line : section(heading).lines().toList()) {
      Matcher m = CHECK_WITH_SEVERITY.matcher(line);
      if (m.find()) {
        map.put(m.group(1), m.group(2));
      }
    }
    assertTrue(!map.isEmpty(), "no checkId rows with a severity under " + heading);
    return map;
  }

  /** The checkIds in the first column of the table under a heading, in order. */
  private static Set<String> checkIdsUnder(String heading) {
    Set<String> ids = new LinkedHashSet<>();
    for (String line : section(heading).lines().toList()) {
      Matcher m = CHECK_ID.matcher(line);
      if (m.find()) {
        ids.add(m.group(1));
      }
    }
    assertTrue(!ids.isEmpty(), "no checkIds under " + heading);
    return ids;
  }

  /** The lines from a heading to the next heading of the same or a higher level. */
  private static String section(String heading) {
    List<String> lines = doc.lines().toList();
    int start = lines.indexOf(heading);
    assertTrue(start >= 0, "docs/sandbox.md has no heading '" + heading + "'");
    int level = heading.indexOf(' ');
    StringBuilder out = new StringBuilder();
    for (int i = start + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      int hashes = line.indexOf(' ');
      if (line.startsWith("#") && hashes > 0 && hashes <= level && line.substring(0, hashes).matches("#+")) {
        break;
      }
      out.append(line).append('\n');
    }
    return out.toString();
  }

  private static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isRegularFile(dir.resolve("docs/checks.md"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("no docs/checks.md above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}
