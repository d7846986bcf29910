package com.connectopsreview.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The layout rules of DESIGN.md that the compiler cannot see: a function module depends on
 * shared-lib only (never on another function), and versions live in the parent pom only.
 */
class ModuleBoundariesTest {

  private static final Pattern DEPENDENCY = Pattern.compile(
      "<dependency>\\s*<groupId>([^<]+)</groupId>\\s*<artifactId>([^<]+)</artifactId>(.*?)</dependency>", Pattern.DOTALL);

  private static List<Path> functionPoms() throws IOException {
    try (Stream<Path> dirs = Files.list(RepoRoot.find().resolve("functions"))) {
      return dirs.map(d -> d.resolve("pom.xml")).filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void functionModules_dependOnNoOtherFunction() throws IOException {
    List<Path> poms = functionPoms();
    List<String> functions = poms.stream().map(p -> p.getParent().getFileName().toString()).toList();
    assertTrue(functions.size() >= 3, "found function modules " + functions);

    List<String> violations = new ArrayList<>();
    for (Path pom : poms) {
      Matcher m = DEPENDENCY.matcher(Files.readString(pom));
      while (m.find()) {
        if (m.group(1).equals("com.connectopsreview") && functions.contains(m.group(2))) {
          violations.add(pom.getParent().getFileName() + " -> " + m.group(2));
        }
      }
    }
    assertEquals(List.of(), violations);
  }

  @Test
  void childPoms_carryNoDependencyVersions() throws IOException {
    Path root = RepoRoot.find();
    List<Path> poms = new ArrayList<>(functionPoms());
    poms.add(root.resolve("shared-lib/pom.xml"));
    poms.add(root.resolve("system-tests/pom.xml"));
    poms.add(root.resolve("functions/pom.xml"));

    for (Path pom : poms) {
      Matcher m = DEPENDENCY.matcher(Files.readString(pom));
      while (m.find()) {
        String rest = m.group(3);
        assertFalse(rest.contains("<version>"),
            root.relativize(pom) + " sets a version for " + m.group(1) + ":" + m.group(2));
      }
    }
  }
}
