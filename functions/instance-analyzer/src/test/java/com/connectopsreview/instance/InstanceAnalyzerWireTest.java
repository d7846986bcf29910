package com.connectopsreview.instance;

import static com.connectopsreview.instance.Fixtures.CMK_ARN;
import static com.connectopsreview.instance.Fixtures.FIREHOSE_ARN;
import static com.connectopsreview.instance.Fixtures.INSTANCE_ARN;
import static com.connectopsreview.instance.Fixtures.INSTANCE_ID;
import static com.connectopsreview.instance.Fixtures.KDS_ARN;
import static com.connectopsreview.instance.Fixtures.NOW;
import static com.connectopsreview.instance.Fixtures.REVIEW_ID;
import static com.connectopsreview.instance.Fixtures.checkIds;
import static com.connectopsreview.instance.Fixtures.only;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.sections.InstanceSection;
import com.connectopsreview.shared.sections.InstanceSection.CheckIds;
import com.connectopsreview.shared.sections.SectionContract;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.model.InstanceStorageResourceType;

/**
 * The real SDK clients, built through {@link AwsClients} (so counted and paced), against WireMock
 * speaking Connect's REST-JSON, the Kinesis / Firehose / KMS JSON 1.1 and CloudWatch's query
 * protocols (the KMS and DescribeAlarms request shapes in detail: {@link StreamSecurityWireTest}).
 */
class InstanceAnalyzerWireTest {

  static {
    // The Kinesis client speaks CBOR by default; WireMock stubs are JSON. The request and response
    // shapes are the same, only the encoding differs.
    System.setProperty("aws.cborEnabled", "false");
  }

  private static final String AMZ_JSON = "application/x-amz-json-1.1";
  private static final String INSTANCE_PATH = "/instance/" + INSTANCE_ID;

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path storeDir;

  @Test
  void run_readsEverythingPaginatedAndStoresTheResultWithCallCounts() {
    stubDescribeInstance(200, describeInstanceJson());
    stubAttributes();
    stubStorageDefaults();
    stubStorage("CALL_RECORDINGS", null, """
        {"StorageConfigs":[{"AssociationId":"a1","StorageType":"S3","S3Config":{"BucketName":"recordings",
          "BucketPrefix":"connect/cc/CallRecordings","EncryptionConfig":{"EncryptionType":"KMS",
          "KeyId":"arn:aws:kms:us-east-1:123456789012:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"}}}],
         "NextToken":"sc-page-2"}""");
    stubStorage("CALL_RECORDINGS", "sc-page-2", """
        {"StorageConfigs":[{"AssociationId":"a2","StorageType":"S3","S3Config":{"BucketName":"recordings-archive",
          "BucketPrefix":"cr","EncryptionConfig":{"EncryptionType":"KMS","KeyId":"alias/aws/connect"}}}]}""");
    stubStorage("SCHEDULED_REPORTS", null, """
        {"StorageConfigs":[{"AssociationId":"a3","StorageType":"S3","S3Config":{"BucketName":"reports"}}]}""");
    stubStorage("MEDIA_STREAMS", null, """
        {"StorageConfigs":[{"AssociationId":"a4","StorageType":"KINESIS_VIDEO_STREAM","KinesisVideoStreamConfig":
          {"Prefix":"cc-media","RetentionPeriodHours":0}}]}""");
    stubStorage("CONTACT_TRACE_RECORDS", null, """
        {"StorageConfigs":[{"AssociationId":"a5","StorageType":"KINESIS_FIREHOSE","KinesisFirehoseConfig":
          {"FirehoseArn":"%s"}}]}""".formatted(FIREHOSE_ARN));
    stubStorage("AGENT_EVENTS", null, """
        {"StorageConfigs":[{"AssociationId":"a6","StorageType":"KINESIS_STREAM","KinesisStreamConfig":
          {"StreamArn":"%s"}}]}""".formatted(KDS_ARN));
    WM.stubFor(get(urlPathEqualTo(INSTANCE_PATH + "/storage-configs"))
        .withQueryParam("resourceType", equalTo("EMAIL_MESSAGES")).atPriority(1)
        .willReturn(aResponse().withStatus(400).withHeader("x-amzn-ErrorType", "InvalidRequestException")
            .withHeader("Content-Type", "application/json")
            .withBody("{\"Message\":\"Email is not enabled for this instance\"}")));
    WM.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Kinesis_20131202.DescribeStreamSummary"))
        .willReturn(okForContentType(AMZ_JSON, """
            {"StreamDescriptionSummary":{"StreamName":"agent-events","StreamARN":"%s","StreamStatus":"ACTIVE",
             "RetentionPeriodHours":24,"StreamCreationTimestamp":1.7E9,"EnhancedMonitoring":[],
             "EncryptionType":"NONE","OpenShardCount":1}}""".formatted(KDS_ARN))));
    WM.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Firehose_20150804.DescribeDeliveryStream"))
        .willReturn(okForContentType(AMZ_JSON, """
            {"DeliveryStreamDescription":{"DeliveryStreamName":"ctr-firehose","DeliveryStreamARN":"%s",
             "DeliveryStreamStatus":"ACTIVE","DeliveryStreamType":"DirectPut","VersionId":"1",
             "DeliveryStreamEncryptionConfiguration":{"KeyType":"AWS_OWNED_CMK","Status":"ENABLED"},
             "Destinations":[],"HasMoreDestinations":false}}""".formatted(FIREHOSE_ARN))));
    StreamSecurityWireTest.stubCustomerKey(WM, CMK_ARN, true);
    StreamSecurityWireTest.stubAlarmPages(WM);
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);

    AnalyzerResponse response = runner(store, ApiRateLimiter.standard()).run(Fixtures.request(NOW.plusSeconds(120)));

    assertEquals(ComponentStatus.OK, response.status(), () -> String.valueOf(response.errors()));
    assertEquals(Map.of(
        "Connect:DescribeInstance", 1L,
        "Connect:ListInstanceAttributes", 2L,
        "Connect:ListInstanceStorageConfigs", (long) InstanceStorageResourceType.knownValues().size() + 1,
        "Kinesis:DescribeStreamSummary", 1L,
        "Firehose:DescribeDeliveryStream", 1L,
        "Kms:DescribeKey", 1L,
        "Kms:GetKeyRotationStatus", 1L,
        "CloudWatch:DescribeAlarms", 2L), response.apiCalls());

    // Request shapes as the SDK marshals them.
    WM.verify(1, getRequestedFor(urlPathEqualTo(INSTANCE_PATH)));
    WM.verify(1, getRequestedFor(urlPathEqualTo(INSTANCE_PATH + "/attributes")).withQueryParam("nextToken", absent()));
    WM.verify(1, getRequestedFor(urlPathEqualTo(INSTANCE_PATH + "/attributes"))
        .withQueryParam("nextToken", equalTo("attr-page-2")));
    for (InstanceStorageResourceType type : InstanceStorageResourceType.knownValues()) {
      WM.verify(getRequestedFor(urlPathEqualTo(INSTANCE_PATH + "/storage-configs"))
          .withQueryParam("resourceType", equalTo(type.toString())).withQueryParam("nextToken", absent()));
    }
    WM.verify(1, getRequestedFor(urlPathEqualTo(INSTANCE_PATH + "/storage-configs"))
        .withQueryParam("resourceType", equalTo("CALL_RECORDINGS")).withQueryParam("nextToken", equalTo("sc-page-2")));
    WM.verify(1, postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("Kinesis_20131202.DescribeStreamSummary"))
        .withHeader("Content-Type", equalTo(AMZ_JSON))
        .withRequestBody(matchingJsonPath("$.StreamARN", equalTo(KDS_ARN))));
    WM.verify(1, postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("Firehose_20150804.DescribeDeliveryStream"))
        .withRequestBody(matchingJsonPath("$.DeliveryStreamName", equalTo("ctr-firehose"))));

    AnalyzerResult stored = store.getResult(REVIEW_ID, "instance").orElseThrow();
    SectionContract.assertCurrent(stored.data(), InstanceSection.class);
    assertEquals(ComponentStatus.OK, stored.status());
    assertEquals(response.apiCalls(), stored.apiCalls());
    assertEquals("<script>alert(1)</script>", stored.data().at("/instance/alias").asText());
    assertEquals("2024-03-01T10:15:30Z", stored.data().at("/instance/createdTime").asText());
    assertEquals(false, stored.data().at("/instance/outboundCallsEnabled").booleanValue());
    assertEquals("us-east-1", stored.data().at("/replication/sourceRegion").asText());
    assertEquals("INSTANCE_REPLICATION_FAILED", stored.data().at("/replication/regions/1/status").asText());
    assertEquals("Replica quota exceeded", stored.data().at("/replication/regions/1/reason").asText());
    assertEquals("false", stored.data().at("/attributes/CONTACTFLOW_LOGS").asText());
    assertEquals("true", stored.data().at("/attributes/CONTACT_LENS").asText());
    assertEquals(6, stored.data().get("storageConfigs").size());
    assertTrue(stored.data().get("unconfiguredResourceTypes").toString().contains("EMAIL_MESSAGES"));

    assertEquals(Severity.HIGH, only(stored.findings(), CheckIds.IDENTITY_NOT_SAML).severity());
    only(stored.findings(), CheckIds.REPLICATION_CONFIGURED);
    assertEquals(Severity.MEDIUM, only(stored.findings(), CheckIds.REPLICATION_UNHEALTHY).severity());
    assertEquals("Outbound calling is off", only(stored.findings(), CheckIds.CALLS_DISABLED).title());
    only(stored.findings(), CheckIds.FLOW_LOGS_DISABLED);
    only(stored.findings(), CheckIds.CONTACT_LENS_ENABLED);
    only(stored.findings(), CheckIds.S3_ENCRYPTION_CMK);
    assertEquals("CALL_RECORDINGS: s3://recordings-archive/cr",
        only(stored.findings(), CheckIds.S3_ENCRYPTION_AWS_MANAGED).resource());
    assertEquals("SCHEDULED_REPORTS: s3://reports", only(stored.findings(), CheckIds.S3_ENCRYPTION_NONE).resource());
    only(stored.findings(), CheckIds.STREAM_ENCRYPTION_KVS_NONE);
    only(stored.findings(), CheckIds.KVS_RETENTION_ZERO);
    assertEquals(KDS_ARN, only(stored.findings(), CheckIds.STREAM_ENCRYPTION_KDS_NONE).resource());
    assertEquals(FIREHOSE_ARN, only(stored.findings(), CheckIds.STREAM_ENCRYPTION_ENCRYPTED).resource());
    only(stored.findings(), CheckIds.STORAGE_TYPES_UNSUPPORTED);
    assertEquals(CMK_ARN, only(stored.findings(), CheckIds.KEY_ROTATION_ENABLED).resource());
    assertEquals(KDS_ARN, only(stored.findings(), CheckIds.STREAM_ALARMS_ITERATOR_AGE_PRESENT).resource());
    assertEquals("ENABLED", stored.data().at("/kmsKeys/0/rotation").asText());
    assertEquals(1, stored.data().at("/kinesisStreams/0/alarms/found").asInt());
  }

  @Test
  void run_whenDescribeInstanceDenied_storesFailedNamingAccessDenied() {
    stubDescribeInstance(403, "{\"message\":\"User: arn:aws:sts::123456789012:assumed-role/review/fn is not "
        + "authorized to perform: connect:DescribeInstance on resource: " + INSTANCE_ARN + "\"}");
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);

    AnalyzerResponse response = runner(store, ApiRateLimiter.unlimited()).run(Fixtures.request(NOW.plusSeconds(120)));

    assertEquals(ComponentStatus.FAILED, response.status());
    assertEquals(Map.of("Connect:DescribeInstance", 1L), response.apiCalls());
    AnalyzerResult stored = store.getResult(REVIEW_ID, "instance").orElseThrow();
    assertEquals(ComponentStatus.FAILED, stored.status());
    assertEquals(1, stored.errors().size());
    assertTrue(stored.errors().get(0).startsWith("AccessDeniedException from Connect (HTTP 403): User:"),
        stored.errors().get(0));
    assertTrue(stored.findings().isEmpty());
    assertEquals(1, WM.getAllServeEvents().size());
  }

  @Test
  void run_whenAStreamCannotBeDescribed_storesPartialNamingTheStream() {
    stubDescribeInstance(200, describeInstanceJson());
    stubAttributes();
    stubStorageDefaults();
    stubStorage("AGENT_EVENTS", null, """
        {"StorageConfigs":[{"AssociationId":"a6","StorageType":"KINESIS_STREAM","KinesisStreamConfig":
          {"StreamArn":"%s"}}]}""".formatted(KDS_ARN));
    WM.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("Kinesis_20131202.DescribeStreamSummary"))
        .willReturn(aResponse().withStatus(400).withHeader("Content-Type", AMZ_JSON)
            .withBody("{\"__type\":\"AccessDeniedException\",\"message\":\"User is not authorized to perform: "
                + "kinesis:DescribeStreamSummary on resource: " + KDS_ARN + "\"}")));
    StreamSecurityWireTest.stubAlarmPages(WM);
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);

    AnalyzerResponse response = runner(store, ApiRateLimiter.unlimited()).run(Fixtures.request(NOW.plusSeconds(120)));

    assertEquals(ComponentStatus.PARTIAL, response.status());
    assertEquals(1, response.errors().size());
    String error = response.errors().get(0);
    assertTrue(error.startsWith("encryption of Kinesis data stream agent-events (AGENT_EVENTS) not verified: "
        + "AccessDeniedException from Kinesis"), error);
    AnalyzerResult stored = store.getResult(REVIEW_ID, "instance").orElseThrow();
    SectionContract.assertCurrent(stored.data(), InstanceSection.class);
    assertEquals(ComponentStatus.PARTIAL, stored.status());
    var unverified = only(stored.findings(), CheckIds.STREAM_ENCRYPTION_UNVERIFIED);
    assertEquals(KDS_ARN, unverified.resource());
    assertTrue(stored.findings().stream().noneMatch(f -> f.checkId().equals(CheckIds.STREAM_ENCRYPTION_ENCRYPTED)),
        () -> checkIds(stored.findings()).toString());
    assertEquals("UNKNOWN", stored.data().at("/storageConfigs/0/encryption").asText());
    assertEquals(1L, response.apiCalls().get("Kinesis:DescribeStreamSummary"));
  }

  // ---- wiring ----

  private AnalyzerRunner runner(LocalDirectoryResultStore store, ApiRateLimiter limiter) {
    AwsClients aws = new AwsClients(new ApiCallCounter(limiter), AwsClients.Options.defaults()
        .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWIRETEST", "wire-secret")))
        .withEndpoint(URI.create(WM.baseUrl())));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    return new AnalyzerRunner(InstanceAnalyzerFactory.create(aws, store, clock), store, aws.counter(), clock);
  }

  // ---- stubs ----

  private static String describeInstanceJson() {
    return """
        {"Instance":{"Id":"%s","Arn":"%s","IdentityManagementType":"CONNECT_MANAGED",
          "InstanceAlias":"<script>alert(1)</script>","CreatedTime":1709288130,
          "ServiceRole":"arn:aws:iam::123456789012:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_x",
          "InstanceStatus":"ACTIVE","InboundCallsEnabled":true,"OutboundCallsEnabled":false,
          "InstanceAccessUrl":"https://cc.my.connect.aws"},
         "ReplicationConfiguration":{"SourceRegion":"us-east-1","GlobalSignInEndpoint":"https://cc-global.my.connect.aws",
          "ReplicationStatusSummaryList":[{"Region":"us-east-1","ReplicationStatus":"INSTANCE_REPLICATION_COMPLETE"},
           {"Region":"us-west-2","ReplicationStatus":"INSTANCE_REPLICATION_FAILED",
            "ReplicationStatusReason":"Replica quota exceeded"}]}}""".formatted(INSTANCE_ID, INSTANCE_ARN);
  }

  private static void stubDescribeInstance(int status, String body) {
    var response = aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    if (status == 403) {
      response = response.withHeader("x-amzn-ErrorType", "AccessDeniedException");
    }
    WM.stubFor(get(urlPathEqualTo(INSTANCE_PATH)).willReturn(response));
  }

  private static void stubAttributes() {
    WM.stubFor(get(urlPathEqualTo(INSTANCE_PATH + "/attributes")).withQueryParam("nextToken", absent())
        .willReturn(okJson("""
            {"Attributes":[{"AttributeType":"INBOUND_CALLS","Value":"true"},
              {"AttributeType":"CONTACTFLOW_LOGS","Value":"false"}],"NextToken":"attr-page-2"}""")));
    WM.stubFor(get(urlPathEqualTo(INSTANCE_PATH + "/attributes")).withQueryParam("nextToken", equalTo("attr-page-2"))
        .willReturn(okJson("{\"Attributes\":[{\"AttributeType\":\"CONTACT_LENS\",\"Value\":\"true\"}]}")));
  }

  /** Every resource type without a specific stub has no storage config. */
  private static void stubStorageDefaults() {
    WM.stubFor(get(urlPathEqualTo(INSTANCE_PATH + "/storage-configs")).atPriority(10)
        .willReturn(okJson("{\"StorageConfigs\":[]}")));
  }

  private static void stubStorage(String resourceType, String nextToken, String body) {
    WM.stubFor(get(urlPathEqualTo(INSTANCE_PATH + "/storage-configs")).atPriority(1)
        .withQueryParam("resourceType", equalTo(resourceType))
        .withQueryParam("nextToken", nextToken == null ? absent() : equalTo(nextToken))
        .willReturn(okJson(body)));
  }
}
