package com.connectopsreview.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.SandboxOptions;
import com.connectopsreview.local.sandbox.SandboxSize;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The review command's sandbox flags, parsed into {@link SandboxOptions} (nothing is started). */
class ReviewCommandOptionsTest {

  private static SandboxOptions parse(String... args) {
    ReviewCommand command = new ReviewCommand();
    new CommandLine(command).parseArgs(args);
    return command.sandboxOptions();
  }

  @Test
  void throttleFirst_isPassedToTheSandbox() {
    SandboxOptions options = parse("--sandbox", "large", "--throttle-first", "3", "--seed", "7", "--no-rate-limits");

    assertEquals(3, options.throttleFirst());
    assertEquals(SandboxSize.LARGE, options.size());
    assertEquals(7, options.seed());
    assertEquals(false, options.rateLimits());
  }

  @Test
  void throttleFirst_isZeroWhenNotGiven() {
    SandboxOptions options = parse("--sandbox");

    assertEquals(0, options.throttleFirst());
    assertEquals(SandboxSize.SMALL, options.size());
    assertEquals(true, options.rateLimits());
  }

  @Test
  void help_describesThrottleFirst() {
    CliRun run = CliRun.of("review", "--help");

    assertEquals(0, run.exitCode(), run.err());
    assertTrue(run.out().contains("--throttle-first=N"), run.out());
    assertTrue(run.out().contains("List*/Search*"), run.out());
  }
}
