package com.connectopsreview.shared.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.exception.ConfigurationException;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.store.ResultStoreFactory.Backend;
import com.connectopsreview.shared.store.ResultStoreFactory.Settings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class ResultStoreFactoryTest {

  private final AwsClients clients = new AwsClients(new ApiCallCounter(ApiRateLimiter.unlimited()), AwsClients.Options.defaults()
      .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"))));

  @Test
  void fromEnvironment_withoutBackend_isS3() {
    ResultStore store = ResultStoreFactory.fromEnvironment(
        Map.of("REPORTS_BUCKET", "review-reports-123", "RESULTS_TABLE", "not-used"), clients, Region.EU_WEST_2);

    assertInstanceOf(S3ResultStore.class, store);
  }

  @Test
  void fromEnvironment_dynamodb_isResultsInDynamoDbWithArtifactsInS3() {
    ResultStore store = ResultStoreFactory.fromEnvironment(
        Map.of("STORAGE_BACKEND", "DynamoDB", "REPORTS_BUCKET", "review-reports-123",
            "RESULTS_TABLE", "ConnectReviewResults"),
        clients, Region.EU_WEST_2);

    assertInstanceOf(SplitResultStore.class, store);
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3", "S3", " s3 ", ""})
  void settings_acceptS3InAnyCase(String value) {
    Settings settings = Settings.fromEnvironment(Map.of("STORAGE_BACKEND", value, "REPORTS_BUCKET", "reports.example"));

    assertEquals(new Settings(Backend.S3, "reports.example", null), settings);
  }

  @Test
  void settings_dynamodb_readsTheTable() {
    Settings settings = Settings.fromEnvironment(
        Map.of("STORAGE_BACKEND", "dynamodb", "REPORTS_BUCKET", "reports", "RESULTS_TABLE", "results-table"));

    assertEquals(new Settings(Backend.DYNAMODB, "reports", "results-table"), settings);
  }

  @Test
  void settings_s3_ignoresTheTable() {
    assertNull(Settings.fromEnvironment(Map.of("REPORTS_BUCKET", "reports", "RESULTS_TABLE", "x")).resultsTable());
  }

  @Test
  void unknownBackend_isNamedWithTheAllowedValues() {
    String message = failure(Map.of("STORAGE_BACKEND", "postgres", "REPORTS_BUCKET", "reports"));

    assertContainsAll(message, "STORAGE_BACKEND", "postgres", "s3", "dynamodb");
  }

  @Test
  void missingBucket_isNamed_forEitherBackend() {
    assertContainsAll(failure(Map.of()), "REPORTS_BUCKET", "not set");
    assertContainsAll(failure(Map.of("STORAGE_BACKEND", "dynamodb", "RESULTS_TABLE", "results")),
        "REPORTS_BUCKET", "not set", "artifacts");
    assertContainsAll(failure(Map.of("REPORTS_BUCKET", "  ")), "REPORTS_BUCKET");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Reports", "re", "reports_bucket", "-reports", "a..b", "s3://reports"})
  void malformedBucket_isNamedWithItsValue(String bucket) {
    assertContainsAll(failure(Map.of("REPORTS_BUCKET", bucket)), "REPORTS_BUCKET", "'" + bucket + "'", "bucket name");
  }

  @Test
  void dynamodb_withoutTable_isNamed() {
    Map<String, String> env = new HashMap<>(Map.of("STORAGE_BACKEND", "dynamodb", "REPORTS_BUCKET", "reports"));
    assertContainsAll(failure(env), "RESULTS_TABLE", "not set", "STORAGE_BACKEND=dynamodb");

    env.put("RESULTS_TABLE", "not-used");
    assertContainsAll(failure(env), "RESULTS_TABLE", "'not-used'");

    env.put("RESULTS_TABLE", "results table!");
    assertContainsAll(failure(env), "RESULTS_TABLE", "'results table!'", "table name");
  }

  private String failure(Map<String, String> env) {
    return assertThrows(ConfigurationException.class,
        () -> ResultStoreFactory.fromEnvironment(env, clients, Region.US_EAST_1)).getMessage();
  }

  private static void assertContainsAll(String message, String... parts) {
    for (String part : parts) {
      assertTrue(message.contains(part), "'" + part + "' missing from: " + message);
    }
  }
}
