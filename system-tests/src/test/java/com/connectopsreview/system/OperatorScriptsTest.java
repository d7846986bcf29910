package com.connectopsreview.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * scripts/run-review.sh and scripts/deploy.sh against a fake aws (and sam, mvn) that records every
 * call: the requests they make, what they print, their exit codes. No AWS, no network.
 */
class OperatorScriptsTest {

  /** The fake aws: answers from the canned files in $FAKE_DIR; a missing file is an AWS error. */
  static final String FAKE_AWS = """
      args="$*"
      case "$args" in
        *"cloudformation describe-stacks"*)
          if [ -f "$FAKE_DIR/outputs.tsv" ]; then cat "$FAKE_DIR/outputs.tsv"; else
            echo "An error occurred (ValidationError) when calling the DescribeStacks operation: Stack with id x does not exist" >&2
            exit 254
          fi ;;
        *"lambda invoke"*)
          for a in "$@"; do
            case "$a" in fileb://*) cp "${a#fileb://}" "$FAKE_DIR/payload.json" ;; esac
            out="$a"
          done
          cp "$FAKE_DIR/answer.json" "$out"
          if [ -f "$FAKE_DIR/invoke-meta.json" ]; then cat "$FAKE_DIR/invoke-meta.json"
          else echo '{"StatusCode": 200, "ExecutedVersion": "$LATEST"}'; fi ;;
        *"s3api list-objects-v2"*) cat "$FAKE_DIR/listing.tsv" ;;
        *"logs tail"*) echo "2026-11-23T09:00:00 START RequestId: 1" ;;
        *"sts get-caller-identity"*)
          if [ -f "$FAKE_DIR/no-credentials" ]; then echo "Unable to locate credentials" >&2; exit 253; fi
          echo 123456789012 ;;
        *"cloudformation package"*)
          prev=""
          for a in "$@"; do
            if [ "$prev" = --output-template-file ]; then echo "packaged: true" > "$a"; fi
            prev="$a"
          done ;;
        *"cloudformation deploy"*) echo "Successfully created/updated stack" ;;
        --version) echo "aws-cli/2.15.0 Python/3.11.6 Linux/6.1 exe/x86_64" ;;
      esac
      """;

  static final String OUTPUTS = "OrchestratorFunctionArn\tarn:aws:lambda:eu-west-2:123456789012:function:ops-orchestrator\n"
      + "OrchestratorFunctionName\tops-orchestrator\nReportsBucketName\tops-reports-123456789012\n";

  static final String COMPLETED = "{\"reviewId\":\"20261123T090000Z-abcdef\",\"status\":\"COMPLETED\","
      + "\"components\":{\"instance\":\"OK\",\"quota\":\"OK\"},\"report\":{\"html\":"
      + "\"s3://ops-reports-123456789012/reports/i-1/20261123T090000Z-abcdef/report.html\","
      + "\"json\":\"s3://ops-reports-123456789012/reports/i-1/20261123T090000Z-abcdef/report.json\"}}";

  @TempDir Path dir;
  ScriptHarness sh;

  @BeforeEach
  void setUp() {
    ScriptHarness.assumeBash();
    sh = new ScriptHarness(dir);
    sh.fake("aws", FAKE_AWS);
    sh.file("outputs.tsv", OUTPUTS);
    sh.file("answer.json", COMPLETED);
  }

  // ------------------------------------------------------------------ run-review.sh

  @Test
  void daysFlag_invokesTheStacksOrchestrator_withTheWindowAndAnalyzers_andPrintsTheReport() {
    var result = sh.run("run-review.sh", "", "--days", "7", "--analyzers", "instance,quota", "--stack", "ops",
        "--region", "eu-west-2");

    assertEquals(0, result.exitCode(), result.all());
    assertEquals("{\"daysBack\":7,\"analyzers\":[\"instance\",\"quota\"]}", sh.read("payload.json"));
    assertEquals(1, sh.callsWith("aws", "--region", "eu-west-2", "cloudformation", "describe-stacks",
        "--stack-name", "ops").size(), sh.calls("aws").toString());
    List<String> invoke = sh.callsWith("aws", "lambda", "invoke").getFirst();
    assertTrue(java.util.Collections.indexOfSubList(invoke, List.of("--function-name", "ops-orchestrator")) >= 0,
        "function name from the OrchestratorFunctionName output: " + invoke);
    assertTrue(invoke.contains("eu-west-2"), invoke.toString());
    assertTrue(result.stdout().contains("Review id: 20261123T090000Z-abcdef"), result.stdout());
    assertTrue(result.stdout().contains("Status:    COMPLETED"), result.stdout());
    assertTrue(result.stdout().contains(
        "Report:    s3://ops-reports-123456789012/reports/i-1/20261123T090000Z-abcdef/report.html"), result.stdout());
    assertTrue(result.stdout().contains("  quota: OK"), result.stdout());
  }

  @ParameterizedTest(name = "menu choice {0} reviews {1} days")
  @CsvSource({"1, 1", "2, 7", "3, 30"})
  void menuChoices_reviewOneSevenOrThirtyDays(String choice, int days) {
    var result = sh.run("run-review.sh", choice + "\n", "--analyzers", "flow");

    assertEquals(0, result.exitCode(), result.all());
    assertEquals("{\"daysBack\":" + days + ",\"analyzers\":[\"flow\"]}", sh.read("payload.json"));
    assertTrue(result.stderr().contains("1) Quick review"), result.stderr());
  }

  @Test
  void menuCustomRange_sendsStartAndEndTime_aDateBeingTheStartOfItsDayInUtc() {
    var result = sh.run("run-review.sh", "4\n2026-10-01\n2026-10-15T12:30:00Z\n");

    assertEquals(0, result.exitCode(), result.all());
    assertEquals("{\"startTime\":\"2026-10-01T00:00:00Z\",\"endTime\":\"2026-10-15T12:30:00Z\"}",
        sh.read("payload.json"));
  }

  @Test
  void fromToFlags_sendTheRange() {
    var result = sh.run("run-review.sh", "", "--from", "2026-10-01", "--to", "2026-10-15");

    assertEquals(0, result.exitCode(), result.all());
    assertEquals("{\"startTime\":\"2026-10-01T00:00:00Z\",\"endTime\":\"2026-10-15T00:00:00Z\"}",
        sh.read("payload.json"));
  }

  @Test
  void presignedUrlInTheAnswer_isPrinted_andAReviewWithErrorsExitsOne() {
    sh.file("answer.json", "{\"reviewId\":\"r-2\",\"status\":\"COMPLETED_WITH_ERRORS\",\"components\":"
        + "{\"instance\":\"OK\",\"quota\":\"FAILED\"},\"report\":{\"html\":\"s3://b/reports/i/r-2/report.html\"},"
        + "\"reportUrl\":\"https://b.s3.eu-west-2.amazonaws.com/reports/i/r-2/report.html?X-Amz-Expires=3600&X-Amz-Signature=ab\","
        + "\"errors\":{\"quota\":\"AccessDeniedException: \\\"not authorized\\\" on ListUsers\"}}");

    var result = sh.run("run-review.sh", "", "--days", "1");

    assertEquals(1, result.exitCode(), result.all());
    assertTrue(result.stdout().contains(
        "Report:    https://b.s3.eu-west-2.amazonaws.com/reports/i/r-2/report.html?X-Amz-Expires=3600&X-Amz-Signature=ab"),
        result.stdout());
    assertTrue(result.stdout().contains("quota: AccessDeniedException"), result.stdout());
    assertTrue(result.stdout().contains("Status:    COMPLETED_WITH_ERRORS"), result.stdout());
  }

  @Test
  void refusedRequest_printsTheOrchestratorsMessage_andExitsTwo() {
    sh.file("invoke-meta.json", "{\"StatusCode\": 200, \"FunctionError\": \"Unhandled\"}");
    sh.file("answer.json", "{\"errorMessage\":\"Invalid review request: analyzers: unknown analyzer 'nope'\","
        + "\"errorType\":\"com.connectopsreview.shared.exception.InvalidRequestException\"}");

    var result = sh.run("run-review.sh", "", "--days", "3", "--analyzers", "nope");

    assertEquals(2, result.exitCode(), result.all());
    assertTrue(result.stderr().contains("InvalidRequestException: Invalid review request: analyzers: unknown "
        + "analyzer 'nope'"), result.stderr());
  }

  @Test
  void recent_listsTheNewestReportsOfTheStacksBucket() {
    sh.file("listing.tsv", "2026-11-01T09:00:00+00:00\t1200\treports/i-1/older/report.html\n"
        + "2026-11-20T09:00:00+00:00\t3400\treports/i-1/newer/report.html\n");

    var result = sh.run("run-review.sh", "", "--recent");

    assertEquals(0, result.exitCode(), result.all());
    List<String> list = sh.callsWith("aws", "s3api", "list-objects-v2").getFirst();
    assertTrue(java.util.Collections.indexOfSubList(list, List.of("--bucket", "ops-reports-123456789012")) >= 0, list.toString());
    assertTrue(java.util.Collections.indexOfSubList(list, List.of("--prefix", "reports/")) >= 0, list.toString());
    int newer = result.stdout().indexOf("s3://ops-reports-123456789012/reports/i-1/newer/report.html");
    int older = result.stdout().indexOf("s3://ops-reports-123456789012/reports/i-1/older/report.html");
    assertTrue(newer >= 0 && older > newer, "newest first: " + result.stdout());
  }

  @Test
  void menuRecentReports_withNoReports_saysSo() {
    sh.file("listing.tsv", "None\n");

    var result = sh.run("run-review.sh", "5\n");

    assertEquals(0, result.exitCode(), result.all());
    assertTrue(result.stdout().contains("No reports yet in s3://ops-reports-123456789012/reports/"), result.stdout());
  }

  @ParameterizedTest(name = "--tail {0} follows {1}")
  @CsvSource({"orchestrator, /aws/lambda/ops-orchestrator", "logs, /aws/lambda/ops-log-analyzer",
      "athena, /aws/lambda/ops-athena-export", "report-generator, /aws/lambda/ops-report-generator"})
  void tail_followsTheFunctionsLogGroup(String component, String group) {
    var result = sh.run("run-review.sh", "", "--tail", component, "--stack", "ops");

    assertEquals(0, result.exitCode(), result.all());
    assertEquals(List.of(List.of("logs", "tail", group, "--follow")), sh.callsWith("aws", "logs", "tail"));
  }

  @Test
  void menuTailLogs_defaultsToTheOrchestrator() {
    var result = sh.run("run-review.sh", "6\n\n", "--stack", "ops", "--profile", "ops-admin");

    assertEquals(0, result.exitCode(), result.all());
    assertEquals(List.of(List.of("--profile", "ops-admin", "logs", "tail", "/aws/lambda/ops-orchestrator", "--follow")),
        sh.callsWith("aws", "logs", "tail"));
  }

  @Test
  void help_printsUsage_andExitsZero_withoutCallingAws() {
    var result = sh.run("run-review.sh", "", "--help");

    assertEquals(0, result.exitCode(), result.all());
    assertTrue(result.stdout().startsWith("Usage: scripts/run-review.sh"), result.stdout());
    assertTrue(result.stdout().contains("--tail COMPONENT"), result.stdout());
    assertEquals(List.of(), sh.calls("aws"));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "--days 0|days must be a whole number between 1 and 90, got '0'",
      "--days 91|days must be a whole number between 1 and 90, got '91'",
      "--days seven|days must be a whole number between 1 and 90, got 'seven'",
      "--from 2026-10-01|--from and --to go together",
      "--from 01/10/2026 --to 2026-10-15|--from must be a date (2026-11-01) or a UTC instant",
      "--from 2026-10-15 --to 2026-10-01|the range must start before it ends",
      "--days 7 --analyzers Instance;rm|--analyzers must be names separated by commas",
      "--tail nope|unknown component 'nope'",
      "--days 7 --recent|choose one of --days, --from/--to, --recent, --tail",
      "--stack bad_name --recent|--stack 'bad_name' is not a stack name",
      "--days|--days needs a value",
      "--verbose|unknown option '--verbose'"})
  void badInput_isNamed_andExitsTwo_beforeAnyReview(String args, String message) {
    var result = sh.run("run-review.sh", "", args.split(" "));

    assertEquals(2, result.exitCode(), result.all());
    assertTrue(result.stderr().contains("error: " + message), result.stderr());
    assertEquals(List.of(), sh.callsWith("aws", "lambda", "invoke"));
  }

  @Test
  void invalidMenuChoice_exitsTwo() {
    var result = sh.run("run-review.sh", "9\n");

    assertEquals(2, result.exitCode(), result.all());
    assertTrue(result.stderr().contains("error: invalid choice '9' (expected 1-7)"), result.stderr());
  }

  @Test
  void awsMissing_isNamed() {
    ScriptHarness bare = new ScriptHarness(dir.resolve("bare"));

    var result = bare.run("run-review.sh", "", "--days", "7");

    assertEquals(2, result.exitCode(), result.all());
    assertTrue(result.stderr().contains("the AWS CLI (aws) is not on PATH"), result.stderr());
  }

  @Test
  void stackNotFound_namesTheStack_andShowsAwsError() throws java.io.IOException {
    java.nio.file.Files.delete(dir.resolve("outputs.tsv")); // the fake answers ValidationError

    var result = sh.run("run-review.sh", "", "--days", "7", "--stack", "missing");

    assertEquals(2, result.exitCode(), result.all());
    assertTrue(result.stderr().contains("Stack with id x does not exist"), result.stderr());
    assertTrue(result.stderr().contains("describe-stacks --stack-name missing failed"), result.stderr());
    assertEquals(List.of(), sh.callsWith("aws", "lambda", "invoke"));
  }
}
