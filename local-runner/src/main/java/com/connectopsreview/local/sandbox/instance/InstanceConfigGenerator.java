package com.connectopsreview.local.sandbox.instance;

import com.connectopsreview.local.sandbox.PlantedProblems;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.ScenarioBasis;
import com.connectopsreview.local.sandbox.Seeded;
import com.connectopsreview.local.sandbox.instance.InstanceConfigDomain.FirehoseEncryption;
import com.connectopsreview.local.sandbox.instance.InstanceConfigDomain.FirehoseStream;
import com.connectopsreview.local.sandbox.instance.InstanceConfigDomain.KinesisStream;
import com.connectopsreview.local.sandbox.instance.InstanceConfigDomain.KvsDestination;
import com.connectopsreview.local.sandbox.instance.InstanceConfigDomain.S3Destination;
import com.connectopsreview.local.sandbox.instance.InstanceConfigDomain.StorageConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.connect.model.InstanceAttributeType;
import software.amazon.awssdk.services.connect.model.InstanceStorageResourceType;

/**
 * Builds the {@link InstanceConfigDomain}: a fixed configuration (it carries the planted problems
 * of {@link PlantedProblems#instance()}) whose alias, ids and keys come from the seed.
 */
public final class InstanceConfigGenerator {

  private static final String[] ALIAS_WORDS = {
      "harbor", "meadow", "summit", "orchard", "lantern", "river", "cobalt", "juniper", "granite", "willow",
      "aurora", "cedar", "falcon", "maple", "tidal", "copper"};

  private final long seed;

  private InstanceConfigGenerator(long seed) {
    this.seed = seed;
  }

  public static InstanceConfigDomain generate(ScenarioBasis basis, Scenario earlier) {
    return new InstanceConfigGenerator(basis.seed()).generate(basis);
  }

  private InstanceConfigDomain generate(ScenarioBasis basis) {
    String alias = ALIAS_WORDS[Seeded.pick(seed, "alias", 0, ALIAS_WORDS.length)] + "-"
        + ALIAS_WORDS[Seeded.pick(seed, "alias", 1, ALIAS_WORDS.length)] + "-" + Seeded.hex(seed, "alias", 2, 4);
    Instant created = basis.created();

    InstanceConfigDomain.Instance instance = new InstanceConfigDomain.Instance(
        basis.instance(), alias, "CONNECT_MANAGED", "ACTIVE",
        "arn:aws:iam::" + Scenario.ACCOUNT_ID + ":role/aws-service-role/connect.amazonaws.com/"
            + "AWSServiceRoleForAmazonConnect_" + Seeded.hex(seed, "role", 0, 20),
        created, true, false, "https://" + alias + ".my.connect.aws",
        Map.of("environment", "sandbox", "owner", "contact-center-platform"),
        null);

    String cmk = kmsKey(0);
    String streamsCmk = kmsKey(1);
    String agentEvents = kinesisArn(alias + "-agent-events");
    String contactLens = kinesisArn(alias + "-contact-lens");
    String ctrFirehose = "arn:aws:firehose:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID + ":deliverystream/"
        + alias + "-ctr";

    List<KinesisStream> kinesis = List.of(
        new KinesisStream(alias + "-agent-events", agentEvents, "ACTIVE", "ON_DEMAND", 24,
            created.plus(Duration.ofDays(1)), "NONE", null, 4, 1),
        new KinesisStream(alias + "-contact-lens", contactLens, "ACTIVE", "PROVISIONED", 168,
            created.plus(Duration.ofDays(2)), "KMS", streamsCmk, 2, 2));
    List<FirehoseStream> firehose = List.of(
        new FirehoseStream(alias + "-ctr", ctrFirehose, "ACTIVE", "DirectPut", created.plus(Duration.ofDays(1)),
            new FirehoseEncryption("ENABLED", "CUSTOMER_MANAGED_CMK", streamsCmk),
            "arn:aws:s3:::" + alias + "-ctr-archive-" + Scenario.ACCOUNT_ID, "ctr/",
            "arn:aws:iam::" + Scenario.ACCOUNT_ID + ":role/" + alias + "-firehose-delivery"));

    String bucket = alias + "-connect-" + Scenario.ACCOUNT_ID;
    String s3Prefix = "connect/" + alias + "/";
    List<StorageConfig> storage = new ArrayList<>();
    for (InstanceStorageResourceType type : InstanceStorageResourceType.knownValues()) {
      String t = type.toString();
      String association = Seeded.hex(seed, "association", type.ordinal(), 32);
      StorageConfig config = switch (t) {
        case "CHAT_TRANSCRIPTS" -> s3(t, association, bucket, s3Prefix + "ChatTranscripts", "alias/aws/connect");
        case "CALL_RECORDINGS" -> s3(t, association, bucket, s3Prefix + "CallRecordings", cmk);
        case "SCHEDULED_REPORTS" -> s3(t, association, bucket, s3Prefix + "Reports", null);
        case "ATTACHMENTS" -> s3(t, association, bucket, s3Prefix + "Attachments", cmk);
        case "CONTACT_EVALUATIONS" -> s3(t, association, bucket, s3Prefix + "ContactEvaluations", cmk);
        case "SCREEN_RECORDINGS" -> s3(t, association, bucket, s3Prefix + "ScreenRecordings", cmk);
        case "MEDIA_STREAMS" -> new StorageConfig(t, association, "KINESIS_VIDEO_STREAM", null,
            new KvsDestination(alias + "-media", 0, cmk), null, null);
        case "CONTACT_TRACE_RECORDS" -> new StorageConfig(t, association, "KINESIS_FIREHOSE", null, null, null,
            ctrFirehose);
        case "AGENT_EVENTS" -> new StorageConfig(t, association, "KINESIS_STREAM", null, null, agentEvents, null);
        case "REAL_TIME_CONTACT_ANALYSIS_SEGMENTS", "REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS" ->
            new StorageConfig(t, association, "KINESIS_STREAM", null, null, contactLens, null);
        default -> null; // e.g. chat segments, email messages: not configured
      };
      if (config != null) {
        storage.add(config);
      }
    }
    return new InstanceConfigDomain(instance, attributes(), storage, kinesis, firehose);
  }

  /**
   * Every instance attribute type this SDK knows, with the scenario's value; a type added by a newer
   * SDK is reported as "false".
   */
  private static Map<String, String> attributes() {
    Map<String, String> planned = Map.ofEntries(
        Map.entry("INBOUND_CALLS", "true"),
        Map.entry("OUTBOUND_CALLS", "false"),
        Map.entry("CONTACTFLOW_LOGS", "false"),
        Map.entry("CONTACT_LENS", "true"),
        Map.entry("AUTO_RESOLVE_BEST_VOICES", "true"),
        Map.entry("USE_CUSTOM_TTS_VOICES", "false"),
        Map.entry("EARLY_MEDIA", "true"),
        Map.entry("MULTI_PARTY_CONFERENCE", "true"),
        Map.entry("HIGH_VOLUME_OUTBOUND", "false"),
        Map.entry("ENHANCED_CONTACT_MONITORING", "true"),
        Map.entry("ENHANCED_CHAT_MONITORING", "true"),
        Map.entry("MULTI_PARTY_CHAT_CONFERENCE", "false"),
        Map.entry("MESSAGE_STREAMING", "false"));
    Map<String, String> values = new LinkedHashMap<>();
    for (InstanceAttributeType type : InstanceAttributeType.knownValues()) {
      values.put(type.toString(), planned.getOrDefault(type.toString(), "false"));
    }
    return Collections.unmodifiableMap(values);
  }

  private static StorageConfig s3(String type, String association, String bucket, String prefix, String keyId) {
    return new StorageConfig(type, association, "S3", new S3Destination(bucket, prefix, keyId), null, null, null);
  }

  private String kmsKey(int n) {
    return "arn:aws:kms:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID + ":key/" + Seeded.uuid(seed, "kms", n);
  }

  private static String kinesisArn(String name) {
    return "arn:aws:kinesis:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID + ":stream/" + name;
  }
}
