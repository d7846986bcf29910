package com.connectopsreview.local;

import com.connectopsreview.athena.AthenaSettings;
import com.connectopsreview.local.sandbox.AthenaQueryFault;
import com.connectopsreview.local.sandbox.LoopbackGuard;
import com.connectopsreview.local.sandbox.Sandbox;
import com.connectopsreview.local.sandbox.SandboxFault;
import com.connectopsreview.local.sandbox.SandboxOptions;
import com.connectopsreview.local.sandbox.SandboxSize;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain;
import com.connectopsreview.orchestrator.ReviewOutcome;
import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.exception.ConfigurationException;
import com.connectopsreview.shared.exception.InvalidRequestException;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.privacy.RedactionPolicy;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.registry.AnalyzerRegistry;
import com.connectopsreview.shared.store.ResultStore;
import com.connectopsreview.shared.validation.ReviewRequestParser;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** {@code review}: one whole review in this JVM, against the sandbox, real AWS or any AWS-compatible endpoint. */
@Command(name = "review", mixinStandardHelpOptions = true, sortOptions = false,
    description = {
        "Runs a whole review in this JVM and prints where the report is.",
        "Against the offline sandbox (--sandbox), real AWS (--instance-arn, default credential chain), or any",
        "endpoint named by AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_<SERVICE> (LocalStack, your own fake).",
        "Exit codes: 0 every component OK, 1 completed with FAILED or PARTIAL components, 2 bad input or",
        "nothing could run."})
final class ReviewCommand implements Callable<Integer> {

  private static final String PLACEHOLDER_ARN =
      "arn:aws:connect:us-east-1:123456789012:instance/00000000-0000-0000-0000-000000000000";

  @Spec CommandSpec spec;

  @Option(names = "--sandbox", arity = "0..1", fallbackValue = "small", paramLabel = "SIZE",
      description = "Review the offline sandbox: small (default), large or huge.")
  String sandbox;

  @Option(names = "--instance-arn", paramLabel = "ARN",
      description = "Instance to review (default: $CONNECT_INSTANCE_ARN). Not with --sandbox.")
  String instanceArn;

  @Option(names = "--days", paramLabel = "N", description = "Window: the last N days (1-90, default 14).")
  String days;

  @Option(names = "--from", paramLabel = "TIME", description = "Window start: 2026-11-01 or 2026-11-01T08:00:00Z.")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "Window end (with --from).")
  String to;

  @Option(names = "--analyzers", split = ",", paramLabel = "NAME",
      description = "Only these analyzers (known: ${sys:connect-ops-review.analyzers}).")
  List<String> analyzers;

  @Option(names = "--review-id", paramLabel = "ID", description = "Review id; re-using one replaces that review.")
  String reviewId;

  @Option(names = "--store", paramLabel = "DIR|s3://BUCKET|dynamodb:TABLE", defaultValue = StoreSpec.DEFAULT,
      description = "Where reviews are kept (default: ${DEFAULT-VALUE}).")
  String store;

  @Option(names = "--log-group", paramLabel = "NAME", description = "Contact-flow log group passed to the analyzers.")
  String logGroup;

  @Option(names = "--redaction-policy", paramLabel = "JSON|@FILE",
      description = "What of customer data (flow-log samples, request parameters) may be stored, e.g. "
          + "{\"type\":\"allow-list\",\"fields\":[\"Attributes.Tier\"]}; default: $REDACTION_POLICY, else only "
          + "outcomes and the mandatory ids.")
  String redactionPolicy;

  @Option(names = "--athena-database", paramLabel = "NAME|off",
      description = "Glue database (or resource link) of the Connect data lake for the athena component; off to skip "
          + "it. Default: the sandbox's " + DataLakeDomain.CONSUMER_DATABASE + " with --sandbox, else $ATHENA_DATABASE.")
  String athenaDatabase;

  @Option(names = "--athena-workgroup", paramLabel = "NAME",
      description = "Athena workgroup (default: primary with --sandbox, else $ATHENA_WORKGROUP or primary).")
  String athenaWorkgroup;

  @Option(names = "--athena-output", paramLabel = "s3://BUCKET/PREFIX/",
      description = "Query result location when the workgroup enforces none (default: $ATHENA_OUTPUT_LOCATION; "
          + "none with --sandbox, whose workgroup has its own).")
  String athenaOutput;

  @Option(names = "--rate-limits", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Sandbox: enforce Amazon Connect's API rate limits (default on).")
  boolean rateLimits;

  @Option(names = "--latency-ms", paramLabel = "MS", defaultValue = "0",
      description = "Sandbox: fixed latency added to every call.")
  int latencyMs;

  @Option(names = "--fault", paramLabel = "Service:Operation=KIND",
      description = "Sandbox: inject a fault (ACCESS_DENIED, SERVER_ERROR, MALFORMED_BODY), e.g. "
          + "Connect:DescribeInstance=ACCESS_DENIED. Repeatable.")
  Map<String, String> faults = new LinkedHashMap<>();

  @Option(names = "--athena-query-fault", paramLabel = "NAME=FAILED|SLOW",
      description = "Sandbox: every execution of the named Athena query (contact_volume, queue_kpis, flow_disconnects) "
          + "ends FAILED, or runs until stopped (SLOW). Repeatable.")
  Map<String, String> athenaQueryFaults = new LinkedHashMap<>();

  @Option(names = "--throttle-first", paramLabel = "N", defaultValue = "0",
      description = "Sandbox: answer the first N calls of every List*/Search* operation (each counted on its own) "
          + "with the service's throttling error, to exercise retries (default 0).")
  int throttleFirst;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Sandbox: scenario seed.")
  long seed;

  @Option(names = {"-q", "--quiet"}, description = "No progress lines.")
  boolean quiet;

  @Option(names = "--json", description = "Print the outcome as JSON (implies --quiet).")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = new Progress(err, quiet || json);
    Clock clock = Clock.systemUTC();

    // Everything that can be checked without side effects comes first: bad input writes nothing.
    if (sandbox != null && instanceArn != null) {
      throw CliException.badInput("--instance-arn cannot be combined with --sandbox (the sandbox has its own instance)");
    }
    if (latencyMs < 0) {
      throw CliException.badInput("--latency-ms must be 0 or more, got " + latencyMs);
    }
    if (throttleFirst < 0) {
      throw CliException.badInput("--throttle-first must be a whole number 0 or more, got " + throttleFirst);
    }
    RedactionPolicy policy = redactionPolicy();
    SandboxOptions sandboxOptions = sandbox == null ? null : sandboxOptions();
    AthenaSettings athena = athenaSettings(sandboxOptions != null);
    StoreSpec storeSpec = StoreSpec.parse(store);
    storeSpec.checkWritable();
    String defaultArn = instanceArn != null ? instanceArn : System.getenv("CONNECT_INSTANCE_ARN");
    if (sandboxOptions == null && (defaultArn == null || defaultArn.isBlank())) {
      throw CliException.badInput("--instance-arn is required (or use --sandbox to try the offline sandbox)");
    }
    byte[] request = requestJson();
    // The sandbox's instance is only known once it runs; any valid ARN stands in for the check.
    validate(request, sandboxOptions == null ? defaultArn : PLACEHOLDER_ARN, clock);
    if (sandboxOptions == null) {
      return run(request, storeSpec, AwsClients.Options.defaults(), defaultArn, null, policy, athena, progress, out,
          clock);
    }

    try (LoopbackGuard.Installed guard = LoopbackGuard.install();
        Sandbox box = startSandbox(sandboxOptions)) {
      String arn = box.instance().arn();
      progress.line("Sandbox " + sandboxOptions.size().name().toLowerCase(java.util.Locale.ROOT) + " (seed "
          + sandboxOptions.seed() + ", rate limits " + (sandboxOptions.rateLimits() ? "on" : "off")
          + (sandboxOptions.throttleFirst() > 0 ? ", first " + sandboxOptions.throttleFirst()
              + " calls of every listing throttled" : "") + ") at "
          + box.endpoint() + ", instance " + arn);
      AwsClients.Options options = AwsClients.Options.defaults()
          .withEndpoint(box.endpoint())
          .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDSANDBOX", "sandbox")));
      int code = run(request, storeSpec, options, arn, box, policy, athena, progress, out, clock);
      if (!guard.violations().isEmpty()) {
        err.println("error: requests tried to leave the loopback interface: " + guard.violations());
        return ExitCodes.BAD_INPUT;
      }
      return code;
    }
  }

  /** The --redaction-policy (inline JSON or @file), else $REDACTION_POLICY, else the default policy. */
  private RedactionPolicy redactionPolicy() {
    try {
      if (redactionPolicy == null) {
        return RedactionPolicy.fromEnvironment(System.getenv());
      }
      String json = redactionPolicy;
      if (json.startsWith("@")) {
        Path file = Path.of(json.substring(1));
        try {
          json = Files.readString(file);
        } catch (IOException e) {
          throw CliException.badInput("--redaction-policy: cannot read " + file + " (" + e.getMessage() + ")");
        }
      }
      return RedactionPolicy.parse(json);
    } catch (ConfigurationException e) {
      throw CliException.badInput((redactionPolicy == null ? "" : "--redaction-policy: ") + e.getMessage());
    }
  }

  private int run(byte[] request, StoreSpec storeSpec, AwsClients.Options options, String defaultArn, Sandbox box,
      RedactionPolicy policy, AthenaSettings athena, Progress progress, PrintWriter out, Clock clock) {
    ResultStore resultStore = storeSpec.open(new AwsClients(
        new com.connectopsreview.shared.ratelimit.ApiCallCounter(ApiRateLimiter.unlimited()), AwsClients.Options.defaults()));
    LocalReview review = new LocalReview(resultStore, options, ApiRateLimiter.standard(), defaultArn, logGroup,
        policy, LocalAnalyzers.forReview(athena), progress, clock);
    long start = clock.millis();
    ReviewOutcome outcome = review.orchestrator().review(request, clock.instant().plus(LocalReview.REVIEW_TIME));
    int code = ExitCodes.of(outcome);
    if (json) {
      ObjectNode answer = (ObjectNode) Json.tree(outcome);
      answer.set("apiCalls", Json.tree(review.apiCalls()));
      if (box != null) {
        answer.set("sandboxServed", Json.tree(box.servedCalls()));
        answer.set("sandboxThrottled", Json.tree(box.throttledCalls()));
      }
      answer.put("exitCode", code);
      out.println(Json.toString(answer));
    } else {
      progress.line("Review " + outcome.reviewId() + " " + outcome.status() + " in "
          + Progress.seconds(clock.millis() - start) + " (store: " + storeSpec + ")");
      if (box != null) {
        progress.line("Sandbox served: " + Progress.calls(box.servedCalls())
            + (box.throttledCalls().isEmpty() ? "" : "; throttled: " + Progress.calls(box.throttledCalls())));
      }
      outcome.errors().forEach((component, reason) -> progress.line("  " + component + ": " + reason));
      if (outcome.report() != null) {
        out.println("Report: " + outcome.report().html());
      } else {
        out.println("No report was written (review " + outcome.reviewId() + ")");
      }
    }
    out.flush();
    return code;
  }

  private static Sandbox startSandbox(SandboxOptions options) {
    try {
      return Sandbox.start(options);
    } catch (IllegalArgumentException e) {
      // e.g. a fault on an operation the sandbox does not serve
      throw CliException.badInput("--fault: " + e.getMessage());
    }
  }

  /**
   * The athena component's settings: with the sandbox, its data lake database unless the options say
   * otherwise (and nothing from the environment); without it, the environment's, the options overriding.
   * {@code --athena-database off} switches the component off (SKIPPED).
   */
  AthenaSettings athenaSettings(boolean sandboxed) {
    if ("off".equalsIgnoreCase(athenaDatabase == null ? null : athenaDatabase.trim())) {
      return AthenaSettings.off();
    }
    try {
      if (sandboxed) {
        return AthenaSettings.of(athenaDatabase == null ? DataLakeDomain.CONSUMER_DATABASE : athenaDatabase,
            athenaWorkgroup == null ? DataLakeDomain.WORKGROUP : athenaWorkgroup, athenaOutput);
      }
      AthenaSettings env = AthenaSettings.fromEnvironment(System::getenv);
      return new AthenaSettings(athenaDatabase == null ? env.database() : athenaDatabase,
          athenaWorkgroup == null ? env.workgroup() : athenaWorkgroup,
          athenaOutput == null ? env.outputLocation() : athenaOutput, env.dataLakeRoleArn(), env.thresholds());
    } catch (ConfigurationException e) {
      throw CliException.badInput(athenaFlag(e.getMessage()) + ": " + e.getMessage());
    }
  }

  /** The option behind an AthenaSettings message ({@code ATHENA_WORKGROUP is malformed: ...}). */
  private static String athenaFlag(String message) {
    if (message.startsWith(AthenaSettings.WORKGROUP_ENV)) {
      return "--athena-workgroup";
    }
    if (message.startsWith(AthenaSettings.OUTPUT_LOCATION_ENV)) {
      return "--athena-output";
    }
    return message.startsWith(AthenaSettings.DATABASE_ENV) ? "--athena-database" : "athena settings";
  }

  /** The sandbox options the flags ask for; bad values are {@link CliException#badInput}. */
  SandboxOptions sandboxOptions() {
    SandboxSize size;
    try {
      size = SandboxSize.parse(sandbox);
    } catch (IllegalArgumentException e) {
      throw CliException.badInput("--sandbox: " + e.getMessage());
    }
    Map<String, SandboxFault> parsed = new LinkedHashMap<>();
    faults.forEach((operation, kind) -> {
      if (!operation.matches("[A-Za-z0-9]+:[A-Za-z0-9]+")) {
        throw CliException.badInput("--fault: '" + operation + "' is not Service:Operation (e.g. Connect:DescribeInstance)");
      }
      try {
        parsed.put(operation, SandboxFault.valueOf(kind.trim().toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw CliException.badInput("--fault: unknown fault '" + kind + "' (known: ACCESS_DENIED, SERVER_ERROR, MALFORMED_BODY)");
      }
    });
    Map<String, AthenaQueryFault> queryFaults = new LinkedHashMap<>();
    athenaQueryFaults.forEach((name, kind) -> {
      if (!DataLakeDomain.queryNames().contains(name)) {
        throw CliException.badInput("--athena-query-fault: the sandbox runs no query '" + name + "' (known: "
            + String.join(", ", DataLakeDomain.queryNames()) + ")");
      }
      try {
        queryFaults.put(name, AthenaQueryFault.valueOf(kind.trim().toUpperCase(java.util.Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw CliException.badInput("--athena-query-fault: unknown fault '" + kind + "' (known: FAILED, SLOW)");
      }
    });
    return new SandboxOptions(size, seed, rateLimits, Duration.ofMillis(latencyMs), parsed, throttleFirst,
        queryFaults);
  }

  /** The ReviewRequest JSON the orchestrator receives; values are passed as given so it validates them. */
  private byte[] requestJson() {
    ObjectNode body = Json.mapper().createObjectNode();
    if (instanceArn != null) {
      body.put("instanceArn", instanceArn);
    }
    if (days != null) {
      try {
        body.put("daysBack", Integer.parseInt(days.trim()));
      } catch (NumberFormatException e) {
        body.put("daysBack", days);
      }
    }
    if (from != null) {
      body.put("startTime", instant(from));
    }
    if (to != null) {
      body.put("endTime", instant(to));
    }
    if (analyzers != null) {
      body.set("analyzers", Json.tree(analyzers.stream().map(String::trim).toList()));
    }
    if (reviewId != null) {
      body.put("reviewId", reviewId);
    }
    return Json.toBytes(body);
  }

  /** A date alone means midnight UTC; anything else is passed on for the request validation to judge. */
  private static String instant(String text) {
    try {
      return LocalDate.parse(text.trim()).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    } catch (DateTimeParseException e) {
      return text.trim();
    }
  }

  private static void validate(byte[] request, String defaultArn, Clock clock) {
    try {
      new ReviewRequestParser(clock, defaultArn, AnalyzerRegistry.names()).parse(request);
    } catch (InvalidRequestException e) {
      throw CliException.badInput(e.errors().stream()
          .map(f -> flag(f.field()) + ": " + f.problem())
          .collect(java.util.stream.Collectors.joining("; ")));
    }
  }

  /** The CLI flag behind a request field, so messages name what the user typed. */
  static String flag(String field) {
    String base = field.replaceAll("\\[\\d+]$", "");
    return switch (base) {
      case "instanceArn", "CONNECT_INSTANCE_ARN" -> "--instance-arn";
      case "daysBack" -> "--days";
      case "startTime" -> "--from";
      case "endTime" -> "--to";
      case "analyzers" -> "--analyzers";
      case "reviewId" -> "--review-id";
      default -> field;
    };
  }
}
