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
      "s3://results-bucket/athena/", null);

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
}
