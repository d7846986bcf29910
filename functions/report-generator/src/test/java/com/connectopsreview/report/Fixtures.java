package com.connectopsreview.report;

import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentEntry;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.ReviewManifest;
import com.connectopsreview.shared.privacy.RedactionPolicy;
import com.connectopsreview.shared.model.ReviewStatus;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.model.TimeWindow;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/** Review fixtures built with the model records (the same types the analyzers store). */
final class Fixtures {

  static final String REVIEW_ID = "20261123T090000Z-abcdef";
  static final InstanceRef INSTANCE = InstanceRef.parse(
      "arn:aws:connect:eu-west-2:123456789012:instance/11111111-2222-3333-4444-555555555555");
  static final TimeWindow WINDOW = new TimeWindow(
      Instant.parse("2026-11-09T09:00:00Z"), Instant.parse("2026-11-23T09:00:00Z"));
  static final Instant STARTED = Instant.parse("2026-11-23T09:00:05Z");

  private Fixtures() {}

  static ReviewManifest manifest(String reviewId, Map<String, ComponentEntry> components) {
    return new ReviewManifest(reviewId, INSTANCE, WINDOW, ReviewStatus.RUNNING, STARTED, STARTED,
        components, null, null, RedactionPolicy.defaultPolicy().describe());
  }

  static Map<String, ComponentEntry> entries(Object... nameAndEntry) {
    Map<String, ComponentEntry> map = new LinkedHashMap<>();
    for (int i = 0; i < nameAndEntry.length; i += 2) {
      map.put((String) nameAndEntry[i], (ComponentEntry) nameAndEntry[i + 1]);
    }
    return map;
  }

  static ComponentEntry entry(ComponentStatus status, String reason) {
    return new ComponentEntry(status, reason, null);
  }

  static AnalyzerResult result(
      String component, ComponentStatus status, List<Finding> findings, JsonNode data, List<String> errors) {
    return new AnalyzerResult(REVIEW_ID, component, status, STARTED, 1234L,
        Map.of("connect:DescribeInstance", 1L, "connect:ListInstanceAttributes", 2L), findings, data, errors);
  }

  static Finding finding(String checkId, Severity severity) {
    return Finding.builder(checkId, severity, Pillar.SECURITY)
        .title("Title of " + checkId)
        .detail("Detail of " + checkId)
        .recommendation("Fix " + checkId)
        .resource(INSTANCE.arn())
        .consoleUrl("https://eu-west-2.console.aws.amazon.com/connect/v2/app/instances/" + INSTANCE.id()
            + "/overview?region=eu-west-2")
        .build();
  }

  /** A JSON document from the test classpath (fixtures/..., sandbox/...). */
  static JsonNode json(String resource) {
    try {
      return Json.mapper().readTree(bytes(resource));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] gunzip(byte[] gzipped) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] bytes(String resource) {
    try (InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError(resource + " is not on the test classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A component result the local runner stored for the sandbox review (sandbox/&lt;component&gt;.json,
   * or gzipped as sandbox/&lt;component&gt;.json.gz when the result is large), moved to {@link #REVIEW_ID}
   * so it can sit in a test store next to the fixture manifest.
   */
  static AnalyzerResult sandboxResult(String component) {
    String plain = "sandbox/" + component + ".json";
    byte[] json = Fixtures.class.getClassLoader().getResource(plain) != null
        ? bytes(plain) : gunzip(bytes(plain + ".gz"));
    AnalyzerResult stored = Json.fromBytes(json, AnalyzerResult.class);
    return new AnalyzerResult(REVIEW_ID, stored.component(), stored.status(), stored.startedAt(),
        stored.durationMs(), stored.apiCalls(), stored.findings(), stored.data(), stored.errors());
  }

  /** The instance analyzer's data, fully populated (the fixed shape). */
  static ObjectNode instanceData(String alias) {
    ObjectNode data = Json.mapper().createObjectNode();
    ObjectNode instance = data.putObject("instance");
    instance.put("id", INSTANCE.id());
    instance.put("arn", INSTANCE.arn());
    instance.put("alias", alias);
    instance.put("identityManagementType", "SAML");
    instance.put("status", "ACTIVE");
    instance.put("serviceRole", "arn:aws:iam::123456789012:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect_abc");
    instance.put("createdTime", "2025-01-15T10:30:00Z");
    instance.put("inboundCallsEnabled", true);
    instance.put("outboundCallsEnabled", false);
    instance.put("accessUrl", "https://contoso.my.connect.aws");
    ObjectNode attributes = data.putObject("attributes");
    attributes.put("CONTACTFLOW_LOGS", "true");
    attributes.put("AUTO_RESOLVE_BEST_VOICES", "false");
    attributes.put("CONTACT_LENS", "true");
    ObjectNode replication = data.putObject("replication");
    replication.put("sourceRegion", "eu-west-2");
    replication.put("globalSignInEndpoint", "https://contoso.global.connect.aws");
    ObjectNode region = replication.putArray("regions").addObject();
    region.put("region", "eu-central-1");
    region.put("status", "INSTANCE_REPLICATION_COMPLETE");
    region.putNull("reason");
    ArrayNode storage = data.putArray("storageConfigs");
    ObjectNode s3 = storage.addObject();
    s3.put("resourceType", "CALL_RECORDINGS");
    s3.put("storageType", "S3");
    s3.put("destination", "s3://contoso-recordings/connect");
    s3.put("encryption", "CMK");
    s3.put("kmsKeyId", "arn:aws:kms:eu-west-2:123456789012:key/abcd-1234");
    s3.putNull("retentionHours");
    ObjectNode kvs = storage.addObject();
    kvs.put("resourceType", "MEDIA_STREAMS");
    kvs.put("storageType", "KINESIS_VIDEO_STREAM");
    kvs.put("destination", "connect-contoso-");
    kvs.put("encryption", "AWS_MANAGED");
    kvs.put("kmsKeyId", "alias/aws/kinesisvideo");
    kvs.put("retentionHours", 24);
    data.putArray("unconfiguredResourceTypes").add("SCREEN_RECORDINGS").add("EMAIL_MESSAGES");
    ObjectNode key = data.putArray("kmsKeys").addObject();
    key.put("keyId", "arn:aws:kms:eu-west-2:123456789012:key/abcd-1234");
    key.put("keyArn", "arn:aws:kms:eu-west-2:123456789012:key/abcd-1234");
    key.putArray("usedBy").add("CALL_RECORDINGS: s3://contoso-recordings/connect").add("Kinesis data stream contoso-ctr");
    key.putArray("streams").add("contoso-ctr");
    key.put("keyManager", "CUSTOMER");
    key.put("keyState", "Enabled");
    key.put("rotation", "DISABLED");
    key.putNull("rotationPeriodInDays");
    key.putNull("nextRotationDate");
    key.putNull("reason");
    ObjectNode stream = data.putArray("kinesisStreams").addObject();
    stream.put("arn", "arn:aws:kinesis:eu-west-2:123456789012:stream/contoso-ctr");
    stream.put("name", "contoso-ctr");
    stream.putArray("resourceTypes").add("CONTACT_TRACE_RECORDS");
    stream.put("retentionHours", 168);
    ObjectNode alarms = stream.putObject("alarms");
    alarms.put("recommended", 6);
    alarms.put("found", 1);
    alarms.put("coveragePercent", new java.math.BigDecimal("16.7"));
    alarms.putArray("present").addObject().put("metric", "GetRecords.IteratorAgeMilliseconds")
        .put("alarmName", "ctr-iterator-age").put("state", "OK").put("hasActions", true);
    alarms.putArray("missing").add("ReadProvisionedThroughputExceeded").add("WriteProvisionedThroughputExceeded");
    return data;
  }
}
