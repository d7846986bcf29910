package com.connectopsreview.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Every CodeUri is the zip `mvn package` built (template.yaml is deployed without `sam build`): a file
 * relative to the repository root, in Lambda's Java layout (classes at the root, dependency jars in
 * lib/), holding the handler class, and carrying only the url-connection HTTP client.
 */
final class CodeArtifactCheck {

  /** HTTP clients the parent pom excludes; one sneaking back in costs cold start and size. */
  static final List<String> FORBIDDEN_JAR_PREFIXES = List.of("lib/apache-client-", "lib/netty-nio-client-");

  private CodeArtifactCheck() {}

  static List<String> check(Template template, Path repoRoot) {
    List<String> problems = new ArrayList<>();
    for (String function : template.functions()) {
      String path = "Resources." + function + ".Properties.CodeUri";
      Object codeUri = template.functionProperty(function, "CodeUri").orElse(null);
      if (!(codeUri instanceof String relative) || relative.startsWith("s3://")) {
        problems.add(path + ": must be the local path of the zip `mvn package` builds, got " + codeUri);
        continue;
      }
      Path zip = repoRoot.resolve(relative).normalize();
      if (!Files.isRegularFile(zip)) {
        problems.add(path + ": " + zip + " does not exist (run `mvn package` first)");
        continue;
      }
      Object handler = template.functionProperty(function, "Handler").orElse("");
      String handlerEntry = HandlerCheck.className(String.valueOf(handler)).replace('.', '/') + ".class";
      checkZip(zip, handlerEntry, path, problems);
    }
    return problems;
  }

  private static void checkZip(Path zip, String handlerEntry, String path, List<String> problems) {
    List<String> entries;
    try (ZipFile file = new ZipFile(zip.toFile())) {
      entries = Collections.list(file.entries()).stream().map(ZipEntry::getName).toList();
    } catch (IOException e) {
      problems.add(path + ": " + zip + " is not a readable zip (" + e.getMessage() + ")");
      return;
    }
    if (!entries.contains(handlerEntry)) {
      problems.add(path + ": " + zip.getFileName() + " has no " + handlerEntry + " at its root");
    }
    List<String> jars = entries.stream()
        .filter(e -> e.startsWith("lib/") && e.endsWith(".jar") && e.indexOf('/', 4) < 0)
        .toList();
    if (jars.isEmpty()) {
      problems.add(path + ": " + zip.getFileName() + " has no dependency jars in lib/");
    }
    for (String jar : jars) {
      if (FORBIDDEN_JAR_PREFIXES.stream().anyMatch(jar::startsWith)) {
        problems.add(path + ": " + zip.getFileName() + " contains " + jar
            + " (only url-connection-client may be packaged)");
      }
    }
  }
}
