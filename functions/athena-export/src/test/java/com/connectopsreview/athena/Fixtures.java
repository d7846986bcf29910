package com.connectopsreview.athena;

import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.TimeWindow;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.glue.model.Column;
import software.amazon.awssdk.services.glue.model.GlueException;
import software.amazon.awssdk.services.glue.model.StorageDescriptor;
import software.amazon.awssdk.services.glue.model.Table;
import software.amazon.awssdk.services.glue.model.TableIdentifier;

/** Shared test data: the sample instance, a producer account, tables with and without StorageDescriptor. */
final class Fixtures {

  static final String REVIEW_ID = "20261123T090000Z-abcdef";
  static final Instant NOW = Instant.parse("2026-11-23T09:00:05Z");
  static final String PRODUCER = "111111111111";
  static final InstanceRef INSTANCE = InstanceRef.parse(
      "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555");
  static final TimeWindow WINDOW = new TimeWindow(Instant.parse("2026-11-09T09:00:00Z"),
      Instant.parse("2026-11-23T09:00:00Z"));
  static final AthenaSettings SETTINGS = new AthenaSettings("connect_consumer", "connect_wg",
      "s3://results-bucket/athena/", null, null);

  private Fixtures() {}

  static AnalyzerRequest request(Instant deadline) {
    return new AnalyzerRequest(REVIEW_ID, "athena", INSTANCE, WINDOW, deadline, null);
  }

  static StorageDescriptor storage() {
    return StorageDescriptor.builder().location("s3://producer-datalake/contact_record/")
        .columns(Column.builder().name("contact_id").type("string").build()).build();
  }

  /** A table of the consumer database linking to the producer's {@code targetName}. */
  static Table link(String name, String targetName) {
    return Table.builder().name(name).databaseName("connect_consumer").targetTable(TableIdentifier.builder()
        .catalogId(PRODUCER).databaseName("connect_datalake").name(targetName).region("us-east-1").build()).build();
  }

  static Table target(String name, boolean withStorage) {
    Table.Builder table = Table.builder().name(name).databaseName("connect_datalake").catalogId(PRODUCER);
    return (withStorage ? table.storageDescriptor(storage()) : table).build();
  }

  static AwsServiceException glueError(int status, String code, String message) {
    return GlueException.builder().statusCode(status).message(message)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("Glue").build())
        .build();
  }

  static Finding only(List<Finding> findings, String checkId) {
    List<Finding> matching = findings.stream().filter(f -> f.checkId().equals(checkId)).toList();
    if (matching.size() != 1) {
      throw new AssertionError("expected one " + checkId + ", got " + findings.stream().map(Finding::checkId).toList());
    }
    return matching.get(0);
  }

  static List<String> ids(List<Finding> findings) {
    return findings.stream().map(Finding::checkId).toList();
  }

  /** Every query starts, SUCCEEDS at the first poll and answers its header row only (no contacts). */
  static void queriesSucceedEmpty(software.amazon.awssdk.services.athena.AthenaClient athena) {
    org.mockito.Mockito.when(athena.startQueryExecution(org.mockito.ArgumentMatchers.any(
        software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest.class))).thenAnswer(call -> {
          var request = (software.amazon.awssdk.services.athena.model.StartQueryExecutionRequest) call.getArgument(0);
          String name = request.queryString().substring("-- query: ".length(), request.queryString().indexOf('\n'));
          return software.amazon.awssdk.services.athena.model.StartQueryExecutionResponse.builder()
              .queryExecutionId("exec-" + name).build();
        });
    org.mockito.Mockito.when(athena.getQueryExecution(org.mockito.ArgumentMatchers.any(
        software.amazon.awssdk.services.athena.model.GetQueryExecutionRequest.class))).thenAnswer(call -> {
          var request = (software.amazon.awssdk.services.athena.model.GetQueryExecutionRequest) call.getArgument(0);
          return software.amazon.awssdk.services.athena.model.GetQueryExecutionResponse.builder().queryExecution(
              software.amazon.awssdk.services.athena.model.QueryExecution.builder()
                  .queryExecutionId(request.queryExecutionId())
                  .status(software.amazon.awssdk.services.athena.model.QueryExecutionStatus.builder()
                      .state("SUCCEEDED").build())
                  .statistics(software.amazon.awssdk.services.athena.model.QueryExecutionStatistics.builder()
                      .dataScannedInBytes(1024L).engineExecutionTimeInMillis(50L).build()).build()).build();
        });
    org.mockito.Mockito.when(athena.getQueryResults(org.mockito.ArgumentMatchers.any(
        software.amazon.awssdk.services.athena.model.GetQueryResultsRequest.class))).thenReturn(
        software.amazon.awssdk.services.athena.model.GetQueryResultsResponse.builder().resultSet(
            software.amazon.awssdk.services.athena.model.ResultSet.builder()
                .rows(software.amazon.awssdk.services.athena.model.Row.builder().data(
                    software.amazon.awssdk.services.athena.model.Datum.builder().varCharValue("day").build()).build())
                .resultSetMetadata(software.amazon.awssdk.services.athena.model.ResultSetMetadata.builder()
                    .columnInfo(software.amazon.awssdk.services.athena.model.ColumnInfo.builder().name("day")
                        .type("varchar").build()).build()).build()).build());
  }

  /** A directory store holding the review's manifest (artifacts are filed under a review). */
  static com.connectopsreview.shared.store.LocalDirectoryResultStore storeWithManifest(java.nio.file.Path dir) {
    var store = new com.connectopsreview.shared.store.LocalDirectoryResultStore(dir);
    store.putManifest(new com.connectopsreview.shared.model.ReviewManifest(REVIEW_ID, INSTANCE, WINDOW,
        com.connectopsreview.shared.model.ReviewStatus.RUNNING, NOW, NOW, java.util.Map.of(), null, null, null));
    return store;
  }
}
