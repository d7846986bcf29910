package com.connectopsreview.local;

import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.store.DynamoDbResultStore;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.connectopsreview.shared.store.ResultStore;
import com.connectopsreview.shared.store.S3ResultStore;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where the CLI keeps reviews: a directory (default {@code review-output}), {@code s3://bucket} or
 * {@code dynamodb:TABLE}. Parsing writes nothing; {@link #open} creates the store.
 */
record StoreSpec(Kind kind, Path directory, String name) {

  enum Kind { DIRECTORY, S3, DYNAMODB }

  static final String DEFAULT = "review-output";

  static StoreSpec parse(String spec) {
    String value = spec == null || spec.isBlank() ? DEFAULT : spec.trim();
    if (value.startsWith("s3://")) {
      String bucket = value.substring("s3://".length()).replaceAll("/+$", "");
      if (!bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
        throw CliException.badInput("--store: '" + value + "' is not s3://<bucket name>");
      }
      return new StoreSpec(Kind.S3, null, bucket);
    }
    if (value.startsWith("dynamodb:")) {
      String table = value.substring("dynamodb:".length());
      if (!table.matches("[A-Za-z0-9_.-]{3,255}")) {
        throw CliException.badInput("--store: '" + value + "' is not dynamodb:<table name>");
      }
      return new StoreSpec(Kind.DYNAMODB, null, table);
    }
    try {
      return new StoreSpec(Kind.DIRECTORY, Path.of(value).toAbsolutePath().normalize(), null);
    } catch (InvalidPathException e) {
      throw CliException.badInput("--store: '" + value + "' is not a usable path (" + e.getReason() + ")");
    }
  }

  /**
   * Checks, without creating anything, that a directory store could be created: the nearest existing
   * ancestor is a writable directory.
   */
  void checkWritable() {
    if (kind != Kind.DIRECTORY) {
      return;
    }
    Path p = directory;
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    if (p == null || !Files.isDirectory(p)) {
      throw CliException.badInput("--store: " + directory + " cannot be created (" + p + " is not a directory)");
    }
    if (!Files.isWritable(p)) {
      throw CliException.badInput("--store: " + directory + " is not writable (" + p + " is read-only)");
    }
  }

  ResultStore open(AwsClients clients) {
    return switch (kind) {
      case DIRECTORY -> new LocalDirectoryResultStore(directory);
      case S3 -> new S3ResultStore(clients.client(S3Client.class, ownRegion(), S3Client::builder), name);
      case DYNAMODB -> new DynamoDbResultStore(
          clients.client(DynamoDbClient.class, ownRegion(), DynamoDbClient::builder), name, Clock.systemUTC());
    };
  }

  private static Region ownRegion() {
    try {
      return new DefaultAwsRegionProviderChain().getRegion();
    } catch (RuntimeException e) {
      throw CliException.badInput("--store: an S3 or DynamoDB store needs a region (set AWS_REGION)");
    }
  }

  @Override
  public String toString() {
    return switch (kind) {
      case DIRECTORY -> directory.toString();
      case S3 -> "s3://" + name;
      case DYNAMODB -> "dynamodb:" + name;
    };
  }
}
