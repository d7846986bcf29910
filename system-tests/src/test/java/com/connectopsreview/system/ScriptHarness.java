package com.connectopsreview.system;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a script of scripts/ with bash on a PATH of its own: fake commands (aws, sam, mvn) that
 * record each call as one tab-separated line and answer canned files, plus links to the few system
 * tools the scripts use. The real aws or sam of the machine is never reachable, so "not installed"
 * can be tested too.
 */
final class ScriptHarness {

  record Result(int exitCode, String stdout, String stderr) {
    String all() {
      return stdout + stderr;
    }
  }

  /** System tools the scripts (and scripts/lib/jdk.sh) call. */
  private static final List<String> TOOLS = List.of("bash", "env", "dirname", "sed", "grep", "head", "awk",
      "sort", "cut", "mktemp", "rm", "cat", "ls", "readlink", "tr", "cp");

  private final Path dir;
  private final Path bin;
  private final Path tools;

  ScriptHarness(Path dir) {
    this.dir = dir;
    this.bin = dir.resolve("bin");
    this.tools = dir.resolve("tools");
    try {
      Files.createDirectories(bin);
      Files.createDirectories(tools);
      for (String tool : TOOLS) {
        Optional<Path> found = onPath(tool);
        if (found.isPresent()) {
          Files.createSymbolicLink(tools.resolve(tool), found.get());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Skips the calling test, with the reason, where the machine has no bash. */
  static void assumeBash() {
    assumeTrue(onPath("bash").isPresent(), "bash is not installed: the operator scripts cannot run here");
  }

  /** A fake command: records its call in calls-NAME.log, then runs {@code body} (bash). */
  void fake(String name, String body) {
    String script = "#!" + onPath("bash").orElseThrow() + "\n"
        + "(IFS=$'\\t'; printf '%s\\n' \"$*\") >> \"$FAKE_DIR/calls-" + name + ".log\"\n"
        + body + "\n";
    write(bin.resolve(name), script);
    try {
      Files.setPosixFilePermissions(bin.resolve(name), PosixFilePermissions.fromString("rwxr-xr-x"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A canned answer the fakes read from $FAKE_DIR. */
  void file(String name, String content) {
    write(dir.resolve(name), content);
  }

  String read(String name) {
    try {
      return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every recorded call of the fake, each as its argument list. */
  List<List<String>> calls(String name) {
    Path log = dir.resolve("calls-" + name + ".log");
    if (!Files.exists(log)) {
      return List.of();
    }
    List<List<String>> calls = new ArrayList<>();
    for (String line : read("calls-" + name + ".log").split("\n")) {
      if (!line.isEmpty()) {
        calls.add(Arrays.asList(line.split("\t", -1)));
      }
    }
    return calls;
  }

  /** The recorded calls of {@code name} whose arguments contain {@code words} in a row. */
  List<List<String>> callsWith(String name, String... words) {
    return calls(name).stream().filter(c -> java.util.Collections.indexOfSubList(c, List.of(words)) >= 0).toList();
  }

  /** Runs scripts/{script} from the repository root with {@code stdin} as its input. */
  Result run(String script, String stdin, String... args) {
    Path root = RepoRoot.find();
    List<String> command = new ArrayList<>();
    command.add(onPath("bash").orElseThrow().toString());
    command.add(root.resolve("scripts").resolve(script).toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(root.toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("AWS_"));
    env.put("PATH", bin + File.pathSeparator + tools);
    env.put("FAKE_DIR", dir.toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    env.put("HOME", dir.toString());
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    try {
      Process process = pb.start();
      process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().close();
      int code = process.waitFor();
      return new Result(code, Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while " + script + " ran", e);
    }
  }

  private static Optional<Path> onPath(String tool) {
    String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    for (String entry : path.split(File.pathSeparator)) {
      Path candidate = Path.of(entry, tool);
      if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static void write(Path file, String content) {
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
