package com.connectopsreview.instance;

import static com.connectopsreview.instance.Fixtures.CMK_ARN;
import static com.connectopsreview.instance.Fixtures.KDS_ARN;
import static com.connectopsreview.instance.Fixtures.NOW;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.instance.KmsKeyReader.KeyUse;
import com.connectopsreview.instance.StreamSecurityReader.StreamSecurity;
import com.connectopsreview.shared.analyzer.ReadLog;
import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.sections.InstanceSection.Encryption;
import com.connectopsreview.shared.sections.InstanceSection.KeyRotation;
import com.connectopsreview.shared.sections.InstanceSection.KinesisStream;
import com.connectopsreview.shared.sections.InstanceSection.KmsKey;
import com.connectopsreview.shared.testing.TestClock;
import com.connectopsreview.shared.time.TimeBudget;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.model.InstanceStorageResourceType;
import software.amazon.awssdk.services.connect.model.StorageType;

/**
 * The real KmsClient (JSON 1.1, {@code X-Amz-Target: TrentService.*}) and CloudWatchClient (query
 * protocol) against WireMock: the DescribeKey / GetKeyRotationStatus request shapes and KMS's error
 * codes, and DescribeAlarms followed over two pages.
 */
class StreamSecurityWireTest {

  private static final String AMZ_JSON = "application/x-amz-json-1.1";
  private static final String XMLNS = "http://monitoring.amazonaws.com/doc/2010-08-01/";
  private static final String ALIAS = "alias/connect-streams";

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final ApiCallCounter counter = new ApiCallCounter(ApiRateLimiter.unlimited());
  private final ReadLog log = new ReadLog(new TimeBudget(new TestClock(NOW), NOW.plusSeconds(120)));

  @Test
  void anAliasIsDescribedThenTheKeyArnAskedForItsRotation() {
    stubKms("DescribeKey", ALIAS, 200, describeKeyJson(CMK_ARN, "Enabled"));
    stubKms("GetKeyRotationStatus", CMK_ARN, 200, """
        {"KeyId":"%s","KeyRotationEnabled":false}""".formatted(CMK_ARN));

    KmsKey key = only(reader().read(use(ALIAS)));

    WM.verify(1, postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("TrentService.DescribeKey"))
        .withHeader("Content-Type", equalTo(AMZ_JSON))
        .withRequestBody(matchingJsonPath("$.KeyId", equalTo(ALIAS))));
    WM.verify(1, postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo("TrentService.GetKeyRotationStatus"))
        .withHeader("Content-Type", equalTo(AMZ_JSON))
        .withRequestBody(matchingJsonPath("$.KeyId", equalTo(CMK_ARN))));
    assertEquals(KeyRotation.DISABLED, key.rotation());
    assertEquals(CMK_ARN, key.keyArn());
    assertEquals("CUSTOMER", key.keyManager());
    assertEquals(Map.of("Kms:DescribeKey", 1L, "Kms:GetKeyRotationStatus", 1L), counter.snapshot());
  }

  @Test
  void rotationOnComesWithItsPeriodAndNextDate() {
    stubCustomerKey(WM, CMK_ARN, true);

    KmsKey key = only(reader().read(use(CMK_ARN)));

    assertEquals(KeyRotation.ENABLED, key.rotation());
    assertEquals(365, key.rotationPeriodInDays());
    assertEquals("2027-03-01T00:00:00Z", key.nextRotationDate().toString());
  }

  @Test
  void kmsErrorCodesAreMappedAsTheApiReferenceNamesThem() {
    String external = key("11111111-2222-4333-8444-000000000001");
    String denied = "arn:aws:kms:us-east-1:210987654321:key/11111111-2222-4333-8444-000000000002";
    String invalid = key("11111111-2222-4333-8444-000000000003");
    for (String arn : List.of(external, denied, invalid)) {
      stubKms("DescribeKey", arn, 200, describeKeyJson(arn, "Enabled"));
    }
    stubKmsError("GetKeyRotationStatus", external, "UnsupportedOperationException",
        external + " origin is EXTERNAL which is not valid for this operation.");
    stubKmsError("GetKeyRotationStatus", denied, "AccessDeniedException",
        "User: arn:aws:sts::123456789012:assumed-role/review/fn is not authorized to perform: kms:GetKeyRotationStatus");
    stubKmsError("GetKeyRotationStatus", invalid, "KMSInvalidStateException", invalid + " is pending replica deletion.");
    Map<String, KeyUse> uses = new LinkedHashMap<>();
    uses.putAll(use(external));
    uses.putAll(use(denied));
    uses.putAll(use(invalid));

    List<KmsKey> keys = reader().read(uses);

    assertEquals(List.of(KeyRotation.NOT_APPLICABLE, KeyRotation.UNKNOWN, KeyRotation.KEY_UNUSABLE),
        keys.stream().map(KmsKey::rotation).toList());
    assertEquals(1, log.errors().size(), log.errors()::toString);
    assertTrue(log.errors().get(0).startsWith("rotation of KMS key " + denied
        + " not evaluated: GetKeyRotationStatus denied (AccessDeniedException from Kms (HTTP 400)"), log.errors().get(0));
    assertTrue(keys.get(2).reason().startsWith("KMSInvalidStateException from Kms (HTTP 400)"), keys.get(2).reason());
  }

  @Test
  void describeAlarmsAsksForMetricAlarmsAndFollowsNextToken() {
    stubAlarmPages(WM);
    List<StorageConfig> configs = List.of(new StorageConfig(InstanceStorageResourceType.AGENT_EVENTS,
        Fixtures.kinesisStream(KDS_ARN)));
    ResolvedStream stream = new ResolvedStream(StorageType.KINESIS_STREAM, KDS_ARN, List.of("AGENT_EVENTS"),
        Encryption.NONE, null, 24, "NONE", null, false);

    StreamSecurity read = new StreamSecurityReader(log, clients(), Region.US_EAST_1)
        .read(configs, Map.of(KDS_ARN, stream));

    WM.verify(1, describeAlarms().withFormParam("NextToken", absent()));
    WM.verify(1, describeAlarms().withFormParam("NextToken", equalTo("alarms-page-2")));
    assertEquals(Map.of("CloudWatch:DescribeAlarms", 2L), counter.snapshot());
    KinesisStream kds = read.kinesisStreams().get(0);
    assertEquals("agent-events", kds.name());
    assertEquals(24, kds.retentionHours());
    assertEquals(1, kds.alarms().found());
    assertEquals(new BigDecimal("16.7"), kds.alarms().coveragePercent());
    assertEquals("agent-events-iterator-age", kds.alarms().present().get(0).alarmName());
    assertTrue(kds.alarms().present().get(0).hasActions());
    assertEquals(List.of(), read.keys());
    assertEquals(List.of(), log.errors());
  }

  @Test
  void describeAlarmsDeniedIsAnErrorAndNoCoverage() {
    WM.stubFor(post(urlEqualTo("/")).withFormParam("Action", equalTo("DescribeAlarms"))
        .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "text/xml").withBody("""
            <ErrorResponse xmlns="%s"><Error><Type>Sender</Type><Code>AccessDenied</Code>
            <Message>User is not authorized to perform: cloudwatch:DescribeAlarms</Message></Error>
            <RequestId>r</RequestId></ErrorResponse>""".formatted(XMLNS))));
    List<StorageConfig> configs = List.of(new StorageConfig(InstanceStorageResourceType.AGENT_EVENTS,
        Fixtures.kinesisStream(KDS_ARN)));

    StreamSecurity read = new StreamSecurityReader(log, clients(), Region.US_EAST_1).read(configs, Map.of());

    assertNull(read.kinesisStreams().get(0).alarms());
    assertNull(read.kinesisStreams().get(0).retentionHours());
    assertTrue(log.errors().get(0).startsWith("Kinesis stream alarms not evaluated: CloudWatch DescribeAlarms denied "
        + "(AccessDenied from CloudWatch (HTTP 403)"), log.errors().get(0));
  }

  // ---- stubs, shared with InstanceAnalyzerWireTest ----

  /** DescribeKey and GetKeyRotationStatus of an enabled symmetric customer managed key. */
  static void stubCustomerKey(WireMockExtension wm, String arn, boolean rotation) {
    wm.stubFor(kms("DescribeKey", arn).willReturn(okForContentType(AMZ_JSON, describeKeyJson(arn, "Enabled"))));
    wm.stubFor(kms("GetKeyRotationStatus", arn).willReturn(okForContentType(AMZ_JSON, rotation
        ? """
          {"KeyId":"%s","KeyRotationEnabled":true,"RotationPeriodInDays":365,"NextRotationDate":1803859200}"""
            .formatted(arn)
        : "{\"KeyId\":\"" + arn + "\",\"KeyRotationEnabled\":false}")));
  }

  /**
   * Two DescribeAlarms pages: an iterator-age alarm on agent-events (with an SNS action) and an
   * alarm of another namespace, then one on another stream.
   */
  static void stubAlarmPages(WireMockExtension wm) {
    wm.stubFor(post(urlEqualTo("/")).withFormParam("Action", equalTo("DescribeAlarms"))
        .withFormParam("NextToken", absent())
        .willReturn(alarmsPage("alarms-page-2",
            alarm("agent-events-iterator-age", "AWS/Kinesis", "GetRecords.IteratorAgeMilliseconds", "StreamName",
                "agent-events", "arn:aws:sns:us-east-1:123456789012:ops"),
            alarm("throttled-calls", "AWS/Connect", "ThrottledCalls", "InstanceId", "i-1", null))));
    wm.stubFor(post(urlEqualTo("/")).withFormParam("Action", equalTo("DescribeAlarms"))
        .withFormParam("NextToken", equalTo("alarms-page-2"))
        .willReturn(alarmsPage(null, alarm("other-stream-age", "AWS/Kinesis", "GetRecords.IteratorAgeMilliseconds",
            "StreamName", "other-stream", null))));
  }

  private static com.github.tomakehurst.wiremock.client.MappingBuilder kms(String operation, String keyId) {
    return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("TrentService." + operation))
        .withRequestBody(matchingJsonPath("$.KeyId", equalTo(keyId)));
  }

  private static void stubKms(String operation, String keyId, int status, String body) {
    WM.stubFor(kms(operation, keyId).willReturn(aResponse().withStatus(status).withHeader("Content-Type", AMZ_JSON)
        .withBody(body)));
  }

  private static void stubKmsError(String operation, String keyId, String code, String message) {
    stubKms(operation, keyId, 400, "{\"__type\":\"" + code + "\",\"message\":\"" + message + "\"}");
  }

  private static String describeKeyJson(String arn, String state) {
    return """
        {"KeyMetadata":{"AWSAccountId":"%s","KeyId":"%s","Arn":"%s","CreationDate":1.7E9,"Enabled":true,
          "KeyUsage":"ENCRYPT_DECRYPT","KeyState":"%s","Origin":"AWS_KMS","KeyManager":"CUSTOMER",
          "KeySpec":"SYMMETRIC_DEFAULT","CustomerMasterKeySpec":"SYMMETRIC_DEFAULT",
          "EncryptionAlgorithms":["SYMMETRIC_DEFAULT"],"MultiRegion":false}}"""
        .formatted(arn.split(":")[4], arn.substring(arn.indexOf(":key/") + 5), arn, state);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder alarmsPage(String nextToken,
      String... alarms) {
    return aResponse().withStatus(200).withHeader("Content-Type", "text/xml").withBody(
        "<DescribeAlarmsResponse xmlns=\"" + XMLNS + "\"><DescribeAlarmsResult><MetricAlarms>" + String.join("", alarms)
            + "</MetricAlarms><CompositeAlarms/>" + (nextToken == null ? "" : "<NextToken>" + nextToken + "</NextToken>")
            + "</DescribeAlarmsResult><ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
            + "</DescribeAlarmsResponse>");
  }

  private static String alarm(String name, String namespace, String metric, String dimension, String value,
      String action) {
    return "<member><AlarmName>" + name + "</AlarmName><AlarmArn>arn:aws:cloudwatch:us-east-1:123456789012:alarm:"
        + name + "</AlarmArn><ActionsEnabled>true</ActionsEnabled><AlarmActions>"
        + (action == null ? "" : "<member>" + action + "</member>") + "</AlarmActions><StateValue>OK</StateValue>"
        + "<MetricName>" + metric + "</MetricName><Namespace>" + namespace + "</Namespace><Statistic>Maximum</Statistic>"
        + "<Dimensions><member><Name>" + dimension + "</Name><Value>" + value + "</Value></member></Dimensions>"
        + "<Period>300</Period><EvaluationPeriods>1</EvaluationPeriods><Threshold>60000.0</Threshold>"
        + "<ComparisonOperator>GreaterThanThreshold</ComparisonOperator></member>";
  }

  private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder describeAlarms() {
    return postRequestedFor(urlEqualTo("/"))
        .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded; charset=UTF-8"))
        .withFormParam("Action", equalTo("DescribeAlarms"))
        .withFormParam("Version", equalTo("2010-08-01"))
        .withFormParam("AlarmTypes.member.1", equalTo("MetricAlarm"))
        .withFormParam("MaxRecords", equalTo("100"));
  }

  // ---- wiring ----

  private AwsClients clients() {
    return new AwsClients(counter, AwsClients.Options.defaults()
        .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWIRETEST", "wire-secret")))
        .withEndpoint(URI.create(WM.baseUrl())));
  }

  private KmsKeyReader reader() {
    return new KmsKeyReader(log, clients(), Region.US_EAST_1);
  }

  private static String key(String uuid) {
    return "arn:aws:kms:us-east-1:123456789012:key/" + uuid;
  }

  private static Map<String, KeyUse> use(String reference) {
    KeyUse use = new KeyUse();
    use.usedBy.add("CALL_RECORDINGS: s3://b/p");
    Map<String, KeyUse> uses = new LinkedHashMap<>();
    uses.put(reference, use);
    return uses;
  }

  private static KmsKey only(List<KmsKey> keys) {
    assertEquals(1, keys.size(), keys::toString);
    return keys.get(0);
  }
}
