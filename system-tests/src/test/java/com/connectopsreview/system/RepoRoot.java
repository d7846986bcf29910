package com.connectopsreview.system;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root: the nearest directory at or above the working directory holding template.yaml. */
final class RepoRoot {

  private RepoRoot() {}

  static Path find() {
    // Surefire runs in system-tests/, an IDE may run in the root; both find the same directory.
    Path start = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no template.yaml next to a pom.xml at or above " + start);
  }
}
