package com.connectopsreview.shared.store;

import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.exception.ConfigurationException;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Picks the result store of a deployed function from its environment:
 *
 * <ul>
 *   <li>{@code STORAGE_BACKEND}: {@code s3} (default) or {@code dynamodb}, case-insensitive.
 *   <li>{@code REPORTS_BUCKET}: always required; holds everything under {@code s3}, the report
 *       artifacts under {@code dynamodb}.
 *   <li>{@code RESULTS_TABLE}: required under {@code dynamodb}, ignored under {@code s3} (the
 *       template may pass {@code not-used}).
 * </ul>
 *
 * The region is the functions' own ({@code AWS_REGION}), not the reviewed Connect instance's.
 */
public final class ResultStoreFactory {

  public static final String STORAGE_BACKEND = "STORAGE_BACKEND";
  public static final String REPORTS_BUCKET = "REPORTS_BUCKET";
  public static final String RESULTS_TABLE = "RESULTS_TABLE";

  private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
  private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
  private static final String NOT_USED = "not-used";

  public enum Backend {
    S3,
    DYNAMODB
  }

  /** The validated storage settings. */
  public record Settings(Backend backend, String reportsBucket, String resultsTable) {

    public Settings {
      Objects.requireNonNull(backend, "backend");
      Objects.requireNonNull(reportsBucket, "reportsBucket");
      if (backend == Backend.DYNAMODB) {
        Objects.requireNonNull(resultsTable, "resultsTable");
      }
    }

    /**
     * Reads and validates the variables.
     *
     * @throws ConfigurationException naming the variable, the bad value and what is allowed
     */
    public static Settings fromEnvironment(Map<String, String> env) {
      Backend backend = parseBackend(env.get(STORAGE_BACKEND));
      String bucket = parseReportsBucket(env.get(REPORTS_BUCKET), backend);
      String table = backend == Backend.DYNAMODB ? parseResultsTable(env.get(RESULTS_TABLE)) : null;
      return new Settings(backend, bucket, table);
    }
  }

  private ResultStoreFactory() {}

  /**
   * The store the environment asks for, with clients from {@code clients} in {@code region}.
   *
   * @throws ConfigurationException if a variable is missing or malformed
   */
  public static ResultStore fromEnvironment(Map<String, String> env, AwsClients clients, Region region) {
    return create(Settings.fromEnvironment(env), clients, region, customEndpoint(env), Clock.systemUTC());
  }

  /**
   * The deployed functions' store: the environment's settings, in the function's own region
   * ({@code AWS_REGION}), on clients of its own so store traffic is neither paced with nor counted
   * as the analyzers' API calls.
   */
  public static ResultStore forLambda(Map<String, String> env) {
    Settings settings = Settings.fromEnvironment(env);
    Region region = new DefaultAwsRegionProviderChain().getRegion();
    AwsClients clients = new AwsClients(new ApiCallCounter(ApiRateLimiter.unlimited()), AwsClients.Options.defaults());
    return create(settings, clients, region, customEndpoint(env), Clock.systemUTC());
  }

  static ResultStore create(
      Settings settings, AwsClients clients, Region region, boolean pathStyle, Clock clock) {
    // Emulators behind AWS_ENDPOINT_URL (LocalStack, moto, S3Mock) need path-style bucket addressing.
    S3Client s3 = clients.client(S3Client.class, region, () -> S3Client.builder().forcePathStyle(pathStyle));
    return switch (settings.backend()) {
      case S3 -> new S3ResultStore(s3, settings.reportsBucket());
      case DYNAMODB -> new SplitResultStore(
          new DynamoDbResultStore(
              clients.client(DynamoDbClient.class, region, DynamoDbClient::builder), settings.resultsTable(), clock),
          new S3ArtifactStore(s3, settings.reportsBucket()));
    };
  }

  private static Backend parseBackend(String value) {
    if (value == null || value.isBlank()) {
      return Backend.S3;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "s3" -> Backend.S3;
      case "dynamodb" -> Backend.DYNAMODB;
      default -> throw new ConfigurationException(STORAGE_BACKEND + " is '" + value
          + "'; allowed values: s3 (the default), dynamodb");
    };
  }

  private static String parseReportsBucket(String value, Backend backend) {
    String why = backend == Backend.S3 ? "the S3 bucket for review results and reports"
        : "the S3 bucket for report artifacts (results go to DynamoDB)";
    if (value == null || value.isBlank()) {
      throw new ConfigurationException(REPORTS_BUCKET + " is not set; it must name " + why);
    }
    String bucket = value.trim();
    if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
      throw new ConfigurationException(REPORTS_BUCKET + " is '" + value
          + "', not a valid S3 bucket name (3-63 characters: lower-case letters, digits, '.', '-')");
    }
    return bucket;
  }

  private static String parseResultsTable(String value) {
    if (value == null || value.isBlank() || NOT_USED.equals(value.trim())) {
      throw new ConfigurationException(RESULTS_TABLE + " is " + (value == null ? "not set" : "'" + value + "'")
          + "; " + STORAGE_BACKEND + "=dynamodb needs the name of the results table");
    }
    String table = value.trim();
    if (!TABLE.matcher(table).matches()) {
      throw new ConfigurationException(RESULTS_TABLE + " is '" + value
          + "', not a valid DynamoDB table name (3-255 characters: letters, digits, '_', '-', '.')");
    }
    return table;
  }

  private static boolean customEndpoint(Map<String, String> env) {
    return isSet(env.get("AWS_ENDPOINT_URL_S3")) || isSet(env.get("AWS_ENDPOINT_URL"));
  }

  private static boolean isSet(String value) {
    return value != null && !value.isBlank();
  }
}
