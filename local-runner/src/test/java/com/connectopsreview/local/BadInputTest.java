package com.connectopsreview.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad CLI input: one clear line on stderr, exit 2, nothing written. */
class BadInputTest {

  static final String ARN = "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555";

  @TempDir Path dir;

  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of("unknown flag", List.of("review", "--sandbox", "--bogus"), "--bogus"),
        Arguments.of("unknown command", List.of("reveiw"), "reveiw"),
        Arguments.of("bad ARN", List.of("review", "--instance-arn", "arn:aws:connect:us-east-1:123:queue/x"), "--instance-arn"),
        Arguments.of("no instance", List.of("review"), "--instance-arn is required"),
        Arguments.of("ARN with sandbox", List.of("review", "--sandbox", "--instance-arn", ARN), "--instance-arn"),
        Arguments.of("bad date", List.of("review", "--sandbox", "--from", "last tuesday", "--to", "2026-11-01"), "--from"),
        Arguments.of("reversed dates", List.of("review", "--sandbox", "--from", "2026-11-10", "--to", "2026-11-01"), "--from"),
        Arguments.of("from without to", List.of("review", "--sandbox", "--from", "2026-11-01"), "--to"),
        Arguments.of("days 0", List.of("review", "--sandbox", "--days", "0"), "--days"),
        Arguments.of("days not a number", List.of("review", "--sandbox", "--days", "week"), "--days"),
        Arguments.of("days and dates", List.of("review", "--sandbox", "--days", "7", "--from", "2026-11-01", "--to", "2026-11-02"), "--days"),
        Arguments.of("unknown analyzer", List.of("review", "--sandbox", "--analyzers", "instance,quotas"), "--analyzers"),
        Arguments.of("bad review id", List.of("review", "--sandbox", "--review-id", "../x"), "--review-id"),
        Arguments.of("unknown sandbox size", List.of("review", "--sandbox=enormous"), "--sandbox"),
        Arguments.of("bad fault", List.of("review", "--sandbox", "--fault", "Connect:DescribeInstance=EXPLODE"), "--fault"),
        Arguments.of("fault on an unserved operation", List.of("review", "--sandbox", "--fault", "Connect:DeleteInstance=SERVER_ERROR"), "--fault"),
        Arguments.of("bad store", List.of("review", "--sandbox", "--store", "s3://Not_A_Bucket"), "--store"),
        Arguments.of("negative latency", List.of("review", "--sandbox", "--latency-ms", "-5"), "--latency-ms"),
        Arguments.of("negative throttle-first", List.of("review", "--sandbox", "--throttle-first", "-1"),
            "--throttle-first"),
        Arguments.of("throttle-first not a number", List.of("review", "--sandbox", "--throttle-first", "many"),
            "--throttle-first"),
        Arguments.of("throttle-first not whole", List.of("review", "--sandbox", "--throttle-first", "1.5"),
            "--throttle-first"),
        Arguments.of("redaction policy not JSON", List.of("review", "--sandbox", "--redaction-policy", "{type:"),
            "--redaction-policy: redaction policy: not valid JSON"),
        Arguments.of("redaction policy of unknown type", List.of("review", "--sandbox", "--redaction-policy",
            "{\"type\":\"greylist\",\"fields\":[]}"), "type must be allow-list or deny-list"),
        Arguments.of("redaction policy with a bad path", List.of("review", "--sandbox", "--redaction-policy",
            "{\"type\":\"deny-list\",\"fields\":[\"Attributes.\"]}"), "'Attributes.' is not a field path"),
        Arguments.of("redaction policy file missing", List.of("review", "--sandbox", "--redaction-policy",
            "@/nonexistent/policy.json"), "--redaction-policy: cannot read /nonexistent/policy.json"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badInput")
  void review_badInput_oneLineExit2NothingWritten(String label, List<String> args, String mentions) throws IOException {
    Path store = dir.resolve("store");
    List<String> all = new ArrayList<>(args);
    if (!args.contains("--store") && args.get(0).equals("review")) {
      all.add("--store");
      all.add(store.toString());
    }

    CliRun run = CliRun.of(all.toArray(String[]::new));

    assertEquals(2, run.exitCode(), label + ": " + run.err());
    assertEquals(1, run.errLines().size(), label + ": exactly one line on stderr: " + run.err());
    assertTrue(run.errLines().get(0).startsWith("error: "), run.err());
    assertTrue(run.err().contains(mentions), label + ": expected '" + mentions + "' in: " + run.err());
    assertEquals("", run.out(), "nothing on stdout");
    assertFalse(Files.exists(store), "store not created");
    try (Stream<Path> files = Files.walk(dir)) {
      assertEquals(List.of(dir), files.toList(), "nothing written");
    }
  }

  @ParameterizedTest(name = "unwritable store {0}")
  @MethodSource("unwritable")
  void review_unwritableStore_exit2NothingWritten(String label, String relative) throws IOException {
    Path blocker = Files.writeString(dir.resolve("a-file"), "not a directory");
    Path store = dir.resolve(relative);

    CliRun run = CliRun.of("review", "--sandbox", "--store", store.toString());

    assertEquals(2, run.exitCode(), run.err());
    assertEquals(1, run.errLines().size(), run.err());
    assertTrue(run.err().contains("--store"), run.err());
    try (Stream<Path> files = Files.walk(dir)) {
      assertEquals(List.of(dir, blocker), files.toList(), "nothing written");
    }
  }

  static Stream<Arguments> unwritable() {
    return Stream.of(Arguments.of("under a file", "a-file/reviews"), Arguments.of("a file itself", "a-file"));
  }
}
