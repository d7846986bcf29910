package com.connectopsreview.shared.store;

import com.adobe.testing.s3mock.junit5.S3MockExtension;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The local engines the store tests run against, each started once per test JVM on free ports
 * (other builds on the machine may run their own): DynamoDB Local over HTTP, and S3Mock.
 */
final class LocalEngines {

  private static final StaticCredentialsProvider FAKE_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCALTEST", "local-test-secret"));
  private static final AtomicInteger NAMES = new AtomicInteger();

  private static URI dynamoDbEndpoint;
  private static URI s3Endpoint;

  private LocalEngines() {}

  static synchronized URI dynamoDb() {
    if (dynamoDbEndpoint == null) {
      int port = freePort();
      try {
        DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
            new String[] {"-inMemory", "-disableTelemetry", "-port", Integer.toString(port)});
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            server.stop();
          } catch (Exception e) {
            // the JVM is exiting anyway
          }
        }));
      } catch (Exception e) {
        throw new IllegalStateException("cannot start DynamoDB Local on port " + port, e);
      }
      dynamoDbEndpoint = URI.create("http://localhost:" + port);
    }
    return dynamoDbEndpoint;
  }

  static synchronized URI s3() {
    if (s3Endpoint == null) {
      int httpPort = freePort();
      S3MockExtension s3Mock = S3MockExtension.builder()
          .silent()
          .withSecureConnection(false)
          .withHttpPort(httpPort)
          .withHttpsPort(freePort())
          .build();
      s3Mock.start();
      Runtime.getRuntime().addShutdownHook(new Thread(s3Mock::stop));
      s3Endpoint = URI.create("http://localhost:" + httpPort);
    }
    return s3Endpoint;
  }

  static DynamoDbClient dynamoDbClient(URI endpoint, ExecutionInterceptor... interceptors) {
    return DynamoDbClient.builder()
        .endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(FAKE_CREDENTIALS)
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> {
          for (ExecutionInterceptor i : interceptors) {
            o.addExecutionInterceptor(i);
          }
        })
        .build();
  }

  static S3Client s3Client(URI endpoint, ExecutionInterceptor... interceptors) {
    return S3Client.builder()
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(FAKE_CREDENTIALS)
        .httpClient(UrlConnectionHttpClient.create())
        .overrideConfiguration(o -> {
          for (ExecutionInterceptor i : interceptors) {
            o.addExecutionInterceptor(i);
          }
        })
        .build();
  }

  /** A fresh table with the production schema and TTL. */
  static String newTable(DynamoDbClient ddb) {
    String name = "results-" + NAMES.incrementAndGet();
    ddb.createTable(DynamoDbResultStore.tableDefinition(name));
    ddb.waiter().waitUntilTableExists(b -> b.tableName(name));
    ddb.updateTimeToLive(DynamoDbResultStore.timeToLiveDefinition(name));
    return name;
  }

  /** A fresh bucket. */
  static String newBucket(S3Client s3) {
    String name = "results-" + NAMES.incrementAndGet();
    s3.createBucket(b -> b.bucket(name));
    return name;
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
