package com.connectopsreview.orchestrator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.exception.InvalidRequestException;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed orchestrator input: each is refused with the bad field named, and nothing is written. */
class OrchestratorValidationTest {

  @TempDir Path dir;

  static Stream<Arguments> malformed() {
    String uuid = "11111111-2222-3333-4444-555555555555";
    return Stream.of(
        Arguments.of("empty body", "", "request"),
        Arguments.of("blank body", "  \n ", "request"),
        Arguments.of("not JSON", "daysBack=7", "request"),
        Arguments.of("truncated JSON", "{\"daysBack\": 7", "request"),
        Arguments.of("array instead of object", "[7]", "request"),
        Arguments.of("JSON null", "null", "request"),
        Arguments.of("duplicate key", "{\"daysBack\":7,\"daysBack\":8}", "request"),
        Arguments.of("daysBack 0", "{\"daysBack\":0}", "daysBack"),
        Arguments.of("daysBack 91", "{\"daysBack\":91}", "daysBack"),
        Arguments.of("daysBack negative", "{\"daysBack\":-3}", "daysBack"),
        Arguments.of("daysBack string", "{\"daysBack\":\"x\"}", "daysBack"),
        Arguments.of("daysBack numeric string", "{\"daysBack\":\"7\"}", "daysBack"),
        Arguments.of("daysBack fraction", "{\"daysBack\":7.5}", "daysBack"),
        Arguments.of("daysBack boolean", "{\"daysBack\":true}", "daysBack"),
        Arguments.of("daysBack huge", "{\"daysBack\":99999999999}", "daysBack"),
        Arguments.of("ARN of a queue", "{\"instanceArn\":\"arn:aws:connect:us-east-1:123456789012:queue/" + uuid + "\"}", "instanceArn"),
        Arguments.of("ARN of another service", "{\"instanceArn\":\"arn:aws:s3:::my-bucket\"}", "instanceArn"),
        Arguments.of("ARN not a string", "{\"instanceArn\":42}", "instanceArn"),
        Arguments.of("ARN unknown partition", "{\"instanceArn\":\"arn:aws-xx:connect:us-east-1:123456789012:instance/" + uuid + "\"}", "instanceArn"),
        Arguments.of("ARN region outside partition", "{\"instanceArn\":\"arn:aws-cn:connect:us-east-1:123456789012:instance/" + uuid + "\"}", "instanceArn"),
        Arguments.of("ARN short account", "{\"instanceArn\":\"arn:aws:connect:us-east-1:1234:instance/" + uuid + "\"}", "instanceArn"),
        Arguments.of("reversed window", "{\"startTime\":\"2026-10-15T00:00:00Z\",\"endTime\":\"2026-10-01T00:00:00Z\"}", "startTime"),
        Arguments.of("empty window", "{\"startTime\":\"2026-10-15T00:00:00Z\",\"endTime\":\"2026-10-15T00:00:00Z\"}", "startTime"),
        Arguments.of("window over 90 days", "{\"startTime\":\"2026-01-01T00:00:00Z\",\"endTime\":\"2026-06-01T00:00:00Z\"}", "startTime"),
        Arguments.of("startTime not a date", "{\"startTime\":\"yesterday\",\"endTime\":\"2026-10-01T00:00:00Z\"}", "startTime"),
        Arguments.of("startTime without endTime", "{\"startTime\":\"2026-10-01T00:00:00Z\"}", "endTime"),
        Arguments.of("endTime in the future", "{\"startTime\":\"2026-11-20T00:00:00Z\",\"endTime\":\"2027-01-01T00:00:00Z\"}", "endTime"),
        Arguments.of("daysBack with a range", "{\"daysBack\":7,\"startTime\":\"2026-10-01T00:00:00Z\",\"endTime\":\"2026-10-02T00:00:00Z\"}", "daysBack"),
        Arguments.of("unknown analyzer", "{\"analyzers\":[\"instance\",\"bogus\"]}", "analyzers[1]"),
        Arguments.of("analyzers not an array", "{\"analyzers\":\"instance\"}", "analyzers"),
        Arguments.of("analyzers empty", "{\"analyzers\":[]}", "analyzers"),
        Arguments.of("analyzer not a string", "{\"analyzers\":[1]}", "analyzers[0]"),
        Arguments.of("reviewId path traversal", "{\"reviewId\":\"../../etc\"}", "reviewId"),
        Arguments.of("reviewId with slash", "{\"reviewId\":\"a/b\"}", "reviewId"),
        Arguments.of("reviewId too long", "{\"reviewId\":\"" + "x".repeat(65) + "\"}", "reviewId"),
        Arguments.of("reviewId not a string", "{\"reviewId\":{}}", "reviewId"),
        Arguments.of("misspelled field", "{\"dayzBack\":7}", "dayzBack"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void review_whenInputMalformed_namesFieldAndWritesNothing(String label, String body, String field)
      throws IOException {
    AtomicInteger invoked = new AtomicInteger();
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(dir);
    Orchestrator orchestrator = OrchestratorFactory.create(
        new OrchestratorConfig(Fixtures.INSTANCE_ARN, null, java.util.Map.of(), "report"),
        store,
        (spec, request, timeout) -> {
          invoked.incrementAndGet();
          throw new AssertionError("must not invoke analyzers");
        },
        (request, timeout) -> {
          invoked.incrementAndGet();
          throw new AssertionError("must not render");
        },
        Fixtures.CLOCK);

    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> orchestrator.review(body.getBytes(StandardCharsets.UTF_8), Fixtures.NOW.plus(Duration.ofMinutes(15))));

    List<String> fields = e.errors().stream().map(InvalidRequestException.FieldError::field).toList();
    assertTrue(fields.contains(field), label + ": expected field " + field + " in " + e.getMessage());
    assertTrue(e.getMessage().contains(field + ":"), "message names the field: " + e.getMessage());
    assertEquals(0, invoked.get(), "nothing invoked");
    try (Stream<Path> files = Files.walk(dir)) {
      assertEquals(List.of(), files.filter(Files::isRegularFile).toList(), "nothing written");
    }
  }

  @org.junit.jupiter.api.Test
  void review_whenNoInstanceConfiguredAndNoneGiven_asksForInstanceArn() {
    Orchestrator orchestrator = OrchestratorFactory.create(
        new OrchestratorConfig(null, null, java.util.Map.of(), "report"),
        new LocalDirectoryResultStore(dir),
        (spec, request, timeout) -> { throw new AssertionError(); },
        (request, timeout) -> { throw new AssertionError(); },
        Fixtures.CLOCK);

    InvalidRequestException e = assertThrows(InvalidRequestException.class,
        () -> orchestrator.review("{}".getBytes(StandardCharsets.UTF_8), Fixtures.NOW.plusSeconds(900)));

    assertTrue(e.getMessage().contains("instanceArn: required"), e.getMessage());
  }
}
