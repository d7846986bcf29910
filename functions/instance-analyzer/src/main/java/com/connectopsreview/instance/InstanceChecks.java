package com.connectopsreview.instance;

import com.connectopsreview.shared.links.ConsoleLinks;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.InstanceSection.CheckIds;
import com.connectopsreview.shared.sections.InstanceSection.Encryption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.connect.model.DirectoryType;
import software.amazon.awssdk.services.connect.model.EncryptionConfig;
import software.amazon.awssdk.services.connect.model.Instance;
import software.amazon.awssdk.services.connect.model.InstanceReplicationStatus;
import software.amazon.awssdk.services.connect.model.KinesisVideoStreamConfig;
import software.amazon.awssdk.services.connect.model.ReplicationConfiguration;
import software.amazon.awssdk.services.connect.model.ReplicationStatusSummary;
import software.amazon.awssdk.services.connect.model.S3Config;
import software.amazon.awssdk.services.connect.model.StorageType;

/**
 * The rules of the instance component (upstream-spec §4.6, §4.7, checklist G), applied to what the
 * SDK returned. Each method evaluates one check and adds its findings; a check that cannot be
 * evaluated adds a sentence to {@link #notEvaluated()} instead, never a PASS.
 */
final class InstanceChecks {

  static final String ATTR_FLOW_LOGS = "CONTACTFLOW_LOGS";
  static final String ATTR_CONTACT_LENS = "CONTACT_LENS";
  static final String ATTR_INBOUND = "INBOUND_CALLS";
  static final String ATTR_OUTBOUND = "OUTBOUND_CALLS";

  private final InstanceRef instance;
  private final ConsoleLinks links;
  private final List<Finding> findings = new ArrayList<>();
  private final List<String> notEvaluated = new ArrayList<>();

  InstanceChecks(InstanceRef instance) {
    this.instance = instance;
    this.links = ConsoleLinks.forInstance(instance);
  }

  List<Finding> findings() {
    return List.copyOf(findings);
  }

  /** Checks that could not be evaluated, and why. */
  List<String> notEvaluated() {
    return List.copyOf(notEvaluated);
  }

  // ---- Security: identity management (§4.6.1, checklist 90) ----

  void identityManagement(Instance described) {
    String type = described.identityManagementTypeAsString();
    DirectoryType known = described.identityManagementType();
    if (type == null || known == DirectoryType.UNKNOWN_TO_SDK_VERSION) {
      notEvaluated.add("identity management check not evaluated: DescribeInstance reported "
          + (type == null ? "no IdentityManagementType" : "IdentityManagementType '" + type + "', unknown to this analyzer"));
      return;
    }
    if (known == DirectoryType.SAML) {
      add(Finding.builder(CheckIds.IDENTITY_SAML, Severity.PASS, Pillar.SECURITY)
          .title("Users sign in through SAML 2.0 federation")
          .detail("Identity management type is SAML: agents and supervisors authenticate with your identity "
              + "provider, which enforces single sign-on, MFA and deprovisioning.")
          .resource(instance.arn())
          .consoleUrl(links.instanceOverview())
          .evidence("identityManagementType", type));
      return;
    }
    String how = known == DirectoryType.CONNECT_MANAGED
        ? "Amazon Connect keeps the users and their passwords itself"
        : "users authenticate against an AWS Directory Service directory";
    add(Finding.builder(CheckIds.IDENTITY_NOT_SAML, Severity.HIGH, Pillar.SECURITY)
        .title("Users are not federated through SAML 2.0")
        .detail("Identity management type is " + type + ": " + how + ", so sign-in does not go through "
            + "your identity provider and MFA, single sign-on and deprovisioning are managed separately.")
        .recommendation("Use SAML 2.0 federation with your identity provider (for example IAM Identity Center, "
            + "Okta or Microsoft Entra ID) for single sign-on, MFA and central provisioning. The identity "
            + "management type is fixed when an instance is created, so this means migrating to a new "
            + "instance created with SAML.")
        .resource(instance.arn())
        .consoleUrl(links.instanceOverview())
        .evidence("identityManagementType", type));
  }

  // ---- Reliability: Global Resiliency (§4.7.1, checklist 88-89) ----

  void replication(ReplicationConfiguration replication) {
    if (replication == null) {
      add(Finding.builder(CheckIds.REPLICATION_NONE, Severity.INFO, Pillar.RELIABILITY)
          .title("No Global Resiliency replica")
          .detail("The instance has no Amazon Connect Global Resiliency (ACGR) replica. Connect already runs "
              + "across several Availability Zones of its Region, but a Region-wide disruption would stop "
              + "this contact center.")
          .recommendation("Consider Global Resiliency: a replica instance in a second Region with traffic "
              + "distribution groups, so telephony and agents can move to the other Region. See "
              + "https://docs.aws.amazon.com/connect/latest/adminguide/setup-connect-global-resiliency.html")
          .resource(instance.arn())
          .consoleUrl(links.instanceOverview()));
      return;
    }
    List<ReplicationStatusSummary> regions = replication.replicationStatusSummaryList();
    Map<String, String> statuses = new LinkedHashMap<>();
    List<String> unhealthy = new ArrayList<>();
    for (ReplicationStatusSummary region : regions) {
      // A JSON object key cannot be null.
      statuses.put(String.valueOf(region.region()), region.replicationStatusAsString());
      if (region.replicationStatus() != InstanceReplicationStatus.INSTANCE_REPLICATION_COMPLETE) {
        unhealthy.add(region.region() + ": " + region.replicationStatusAsString()
            + (region.replicationStatusReason() == null ? "" : " (" + region.replicationStatusReason() + ")"));
      }
    }
    add(Finding.builder(CheckIds.REPLICATION_CONFIGURED, Severity.PASS, Pillar.RELIABILITY)
        .title("Global Resiliency replica configured")
        .detail("The instance is replicated with Amazon Connect Global Resiliency"
            + (replication.sourceRegion() == null ? "" : " (source Region " + replication.sourceRegion() + ")")
            + (statuses.isEmpty() ? "." : "; replication status by Region: " + join(statuses) + "."))
        .resource(instance.arn())
        .consoleUrl(links.instanceOverview())
        .evidence("sourceRegion", replication.sourceRegion())
        .evidence("globalSignInEndpoint", replication.globalSignInEndpoint())
        .evidence("regions", statuses));
    if (regions.isEmpty()) {
      notEvaluated.add("replication health not evaluated: DescribeInstance reported a replication "
          + "configuration without per-Region statuses");
      return;
    }
    if (!unhealthy.isEmpty()) {
      add(Finding.builder(CheckIds.REPLICATION_UNHEALTHY, Severity.MEDIUM, Pillar.RELIABILITY)
          .title("Global Resiliency replication is not complete")
          .detail("Replication is not in INSTANCE_REPLICATION_COMPLETE for " + String.join("; ", unhealthy)
              + ". Until it is, the replica cannot be relied on for failover.")
          .recommendation("Check the replica's status and reason; retry or recreate the replica "
              + "(ReplicateInstance) if replication failed, and re-test failover once it is complete.")
          .resource(instance.arn())
          .consoleUrl(links.instanceOverview())
          .evidence("unhealthyRegions", List.copyOf(unhealthy)));
    }
  }

  // ---- Reliability: call configuration (§4.7.3, checklist 95) ----

  /** From DescribeInstance; the INBOUND_CALLS / OUTBOUND_CALLS attributes when it does not say. */
  void callConfiguration(Instance described, Map<String, String> attributes) {
    Boolean inbound = described.inboundCallsEnabled() != null
        ? described.inboundCallsEnabled() : flag(attributes.get(ATTR_INBOUND));
    Boolean outbound = described.outboundCallsEnabled() != null
        ? described.outboundCallsEnabled() : flag(attributes.get(ATTR_OUTBOUND));
    if (inbound == null || outbound == null) {
      notEvaluated.add("call configuration check not evaluated: "
          + (inbound == null ? "inbound" : "outbound") + " calling was reported neither by DescribeInstance "
          + "nor as an instance attribute");
      return;
    }
    if (inbound && outbound) {
      add(Finding.builder(CheckIds.CALLS_ENABLED, Severity.PASS, Pillar.RELIABILITY)
          .title("Inbound and outbound calling enabled")
          .detail("The instance can receive and place calls.")
          .resource(instance.arn())
          .consoleUrl(links.telephony())
          .evidence("inboundCallsEnabled", true)
          .evidence("outboundCallsEnabled", true));
      return;
    }
    String off = !inbound && !outbound ? "Inbound and outbound calling are" : !inbound ? "Inbound calling is"
        : "Outbound calling is";
    add(Finding.builder(CheckIds.CALLS_DISABLED, Severity.INFO, Pillar.RELIABILITY)
        .title(off + " off")
        .detail(off + " disabled in the instance's telephony settings.")
        .recommendation("If this instance should handle voice, including as a failover target, enable the "
            + "missing direction under Telephony; if it is meant to work without it, no action is needed.")
        .resource(instance.arn())
        .consoleUrl(links.telephony())
        .evidence("inboundCallsEnabled", inbound)
        .evidence("outboundCallsEnabled", outbound));
  }

  // ---- Operational Excellence: flow logs and Contact Lens (checklist 87) ----

  void flowLogs(Map<String, String> attributes) {
    Boolean enabled = attribute(attributes, ATTR_FLOW_LOGS, "flow logs");
    if (enabled == null) {
      return;
    }
    if (enabled) {
      add(Finding.builder(CheckIds.FLOW_LOGS_ENABLED, Severity.PASS, Pillar.OPERATIONAL_EXCELLENCE)
          .title("Flow logs enabled")
          .detail("Flows can write their logs to CloudWatch Logs (CONTACTFLOW_LOGS is true).")
          .resource(instance.arn())
          .consoleUrl(links.flowsSettings())
          .evidence(ATTR_FLOW_LOGS, attributes.get(ATTR_FLOW_LOGS)));
      return;
    }
    add(Finding.builder(CheckIds.FLOW_LOGS_DISABLED, Severity.MEDIUM, Pillar.OPERATIONAL_EXCELLENCE)
        .title("Flow logs are off for the instance")
        .detail("CONTACTFLOW_LOGS is false: no flow writes to CloudWatch Logs, even where a flow turns "
            + "logging on, so failed contacts and flow errors cannot be traced.")
        .recommendation("Turn on flow logs in the instance's Flows settings, and keep the \"Set logging "
            + "behavior\" block enabled in your flows (disable it only around sensitive segments). See "
            + "https://docs.aws.amazon.com/connect/latest/adminguide/about-contact-flow-logs.html")
        .resource(instance.arn())
        .consoleUrl(links.flowsSettings())
        .evidence(ATTR_FLOW_LOGS, attributes.get(ATTR_FLOW_LOGS)));
  }

  void contactLens(Map<String, String> attributes) {
    Boolean enabled = attribute(attributes, ATTR_CONTACT_LENS, "Contact Lens");
    if (enabled == null) {
      return;
    }
    if (enabled) {
      add(Finding.builder(CheckIds.CONTACT_LENS_ENABLED, Severity.PASS, Pillar.OPERATIONAL_EXCELLENCE)
          .title("Contact Lens enabled")
          .detail("Contact Lens conversational analytics is available to the instance (CONTACT_LENS is true).")
          .resource(instance.arn())
          .consoleUrl(links.flowsSettings())
          .evidence(ATTR_CONTACT_LENS, attributes.get(ATTR_CONTACT_LENS)));
      return;
    }
    add(Finding.builder(CheckIds.CONTACT_LENS_DISABLED, Severity.INFO, Pillar.OPERATIONAL_EXCELLENCE)
        .title("Contact Lens is off")
        .detail("CONTACT_LENS is false: no conversational analytics (transcripts, sentiment, sensitive-data "
            + "redaction, contact categories) for this instance.")
        .recommendation("Consider enabling Contact Lens for quality management and redaction of sensitive "
            + "data in transcripts; it is charged per analyzed minute or message.")
        .resource(instance.arn())
        .consoleUrl(links.flowsSettings())
        .evidence(ATTR_CONTACT_LENS, attributes.get(ATTR_CONTACT_LENS)));
  }

  // ---- Security: S3 storage encryption (§4.6.2, checklist 92) ----

  /**
   * @param configs every storage config found (non-S3 ones are ignored)
   * @param allTypesRead false when some resource types could not be listed; "no S3 configs" is then
   *     not concluded (errors already name the types that were not examined)
   */
  void s3Encryption(List<StorageConfig> configs, boolean allTypesRead) {
    List<StorageConfig> s3 = configs.stream().filter(c -> c.storageType() == StorageType.S3).toList();
    if (s3.isEmpty()) {
      if (allTypesRead) {
        add(Finding.builder(CheckIds.S3_ENCRYPTION_NO_CONFIGS, Severity.INFO, Pillar.SECURITY)
            .title("No S3 storage configured")
            .detail("No storage resource type (call recordings, chat transcripts, reports, attachments...) "
                + "is stored in Amazon S3, so there is no S3 encryption to check.")
            .resource(instance.arn())
            .consoleUrl(links.dataStorage()));
      }
      return;
    }
    for (StorageConfig config : s3) {
      S3Config s3Config = config.config().s3Config();
      EncryptionConfig encryption = s3Config == null ? null : s3Config.encryptionConfig();
      String keyId = encryption == null ? null : encryption.keyId();
      Encryption kind = encryption == null ? Encryption.NONE : KmsKeys.encryptionOf(keyId);
      String type = config.resourceType().toString();
      Finding.Builder finding = switch (kind) {
        case CMK -> Finding.builder(CheckIds.S3_ENCRYPTION_CMK, Severity.PASS, Pillar.SECURITY)
            .title(type + " encrypted with a customer managed KMS key")
            .detail("Connect encrypts " + type + " in " + config.destination() + " with KMS key " + keyId + ".");
        case AWS_MANAGED -> Finding.builder(CheckIds.S3_ENCRYPTION_AWS_MANAGED, Severity.LOW, Pillar.SECURITY)
            .title(type + " encrypted with an AWS managed key")
            .detail("Connect encrypts " + type + " in " + config.destination() + " with the AWS managed key "
                + (keyId == null || keyId.isBlank() ? "(no key id reported)" : keyId)
                + ", whose key policy you cannot restrict.")
            .recommendation("Prefer a customer managed KMS key (CMK): its key policy limits who can decrypt "
                + type + ", and you control rotation and can disable it. Change the key in the instance's "
                + "Data storage settings.");
        default -> Finding.builder(CheckIds.S3_ENCRYPTION_NONE, Severity.HIGH, Pillar.SECURITY)
            .title(type + " stored without KMS encryption")
            .detail("Connect applies no KMS key to " + type + " in " + config.destination()
                + "; the objects only get the bucket's default encryption, so S3 permissions alone "
                + "control who can read them.")
            .recommendation("Enable encryption for " + type + " in the instance's Data storage settings with "
                + "a customer managed KMS key, and limit the key policy to the roles that must read the data.");
      };
      add(finding
          .resource(config.resource())
          .consoleUrl(links.dataStorage())
          .evidence("resourceType", type)
          .evidence("bucket", s3Config == null ? null : s3Config.bucketName())
          .evidence("prefix", s3Config == null ? null : s3Config.bucketPrefix())
          .evidence("encryption", kind.name())
          .evidence("kmsKeyId", keyId));
    }
  }

  // ---- Security / Reliability: streaming encryption and KVS retention (§4.6.3, checklist 93-94) ----

  /**
   * @param configs every storage config found; the Kinesis Video Streams ones are judged here
   * @param streams the Kinesis data streams and Firehose streams, as resolved at the stream
   * @param allTypesRead see {@link #s3Encryption}
   */
  void streamingEncryption(List<StorageConfig> configs, List<ResolvedStream> streams, boolean allTypesRead) {
    List<StorageConfig> kvs = configs.stream()
        .filter(c -> c.storageType() == StorageType.KINESIS_VIDEO_STREAM).toList();
    boolean anyStreaming = configs.stream().anyMatch(c -> c.storageType() == StorageType.KINESIS_VIDEO_STREAM
        || c.storageType() == StorageType.KINESIS_STREAM || c.storageType() == StorageType.KINESIS_FIREHOSE);
    if (!anyStreaming && streams.isEmpty()) {
      if (allTypesRead) {
        add(Finding.builder(CheckIds.STREAM_ENCRYPTION_NO_STREAMS, Severity.INFO, Pillar.SECURITY)
            .title("No data streaming configured")
            .detail("No media streams (Kinesis Video Streams), contact records or agent events are streamed, "
                + "so there is no streaming encryption to check.")
            .resource(instance.arn())
            .consoleUrl(links.dataStreaming()));
      }
      return;
    }
    for (StorageConfig config : kvs) {
      kvsEncryption(config);
    }
    for (ResolvedStream stream : streams) {
      streamEncryption(stream);
    }
  }

  private void kvsEncryption(StorageConfig config) {
    KinesisVideoStreamConfig kvs = config.config().kinesisVideoStreamConfig();
    EncryptionConfig encryption = kvs == null ? null : kvs.encryptionConfig();
    String type = config.resourceType().toString();
    Long retention = kvs == null || kvs.retentionPeriodHours() == null ? null : kvs.retentionPeriodHours().longValue();
    Finding.Builder finding;
    if (encryption == null) {
      finding = Finding.builder(CheckIds.STREAM_ENCRYPTION_KVS_NONE, Severity.HIGH, Pillar.SECURITY)
          .title(type + " streamed to Kinesis Video Streams without encryption")
          .detail("The live media streams (" + config.destination() + ") have no KMS encryption configured, "
              + "so customer audio is kept unencrypted for " + (retention == null ? "its retention period"
                  : retention + " hour(s)") + ".")
          .recommendation("Enable encryption for live media streaming in the instance's Data storage settings "
              + "with a customer managed KMS key.")
          .evidence("encryption", Encryption.NONE.name());
    } else {
      Encryption kind = KmsKeys.encryptionOf(encryption.keyId());
      finding = Finding.builder(CheckIds.STREAM_ENCRYPTION_ENCRYPTED, Severity.PASS, Pillar.SECURITY)
          .title(type + " media streams encrypted")
          .detail("Kinesis Video Streams media (" + config.destination() + ") is encrypted with "
              + (kind == Encryption.CMK ? "customer managed" : "AWS managed") + " KMS key " + encryption.keyId() + ".")
          .evidence("encryption", kind.name())
          .evidence("kmsKeyId", encryption.keyId());
    }
    add(finding
        .resource(config.resource())
        .consoleUrl(links.dataStorage())
        .evidence("resourceType", type)
        .evidence("streamKind", "KINESIS_VIDEO_STREAM")
        .evidence("prefix", kvs == null ? null : kvs.prefix())
        .evidence("retentionHours", retention));

    if (retention != null && retention == 0) {
      add(Finding.builder(CheckIds.KVS_RETENTION_ZERO, Severity.MEDIUM, Pillar.RELIABILITY)
          .title("Live media streams keep no data (retention 0 hours)")
          .detail("Media streams under " + config.destination() + " are created with a retention of 0 hours: "
              + "Kinesis Video Streams keeps no audio, so a consumer that falls behind or restarts loses it "
              + "and nothing can be replayed.")
          .recommendation("Set the data retention period to at least as long as your consumers need to "
              + "process and recover (for example 24 hours); retention is charged per GB-month.")
          .resource(config.resource())
          .consoleUrl(links.dataStorage())
          .evidence("resourceType", type)
          .evidence("retentionHours", retention));
    }
  }

  private void streamEncryption(ResolvedStream stream) {
    String consoleUrl = stream.kind() == StorageType.KINESIS_FIREHOSE
        ? links.firehoseStream(stream.name()) : links.kinesisStream(stream.name());
    String types = String.join(", ", stream.resourceTypes());
    Finding.Builder finding;
    if (!stream.verified()) {
      String what = stream.kindLabel() + " " + stream.name();
      notEvaluated.add("encryption of " + what + " (" + types + ") not verified: " + stream.problem());
      finding = stream.notFound()
          ? Finding.builder(CheckIds.STREAM_DESTINATION_NOT_FOUND, Severity.MEDIUM, Pillar.RELIABILITY)
              .title(what + " not found")
              .detail("Connect streams " + types + " to " + stream.arn() + ", but the stream could not be found: "
                  + stream.problem() + ". If it was deleted, these records are not delivered.")
              .recommendation("Recreate the stream or point the instance's Data streaming settings at an "
                  + "existing one.")
          : Finding.builder(CheckIds.STREAM_ENCRYPTION_UNVERIFIED, Severity.INFO, Pillar.SECURITY)
              .title("Encryption of " + what + " not verified")
              .detail("The analyzer could not check the server-side encryption of " + stream.arn() + " ("
                  + types + "): " + stream.problem() + ".")
              .recommendation("Allow the review role "
                  + (stream.kind() == StorageType.KINESIS_FIREHOSE
                      ? "firehose:DescribeDeliveryStream" : "kinesis:DescribeStreamSummary")
                  + " on this stream, or check its encryption in the console.");
    } else if (stream.encryption() == Encryption.NONE) {
      boolean firehose = stream.kind() == StorageType.KINESIS_FIREHOSE;
      finding = Finding.builder(firehose ? CheckIds.STREAM_ENCRYPTION_FIREHOSE_NONE : CheckIds.STREAM_ENCRYPTION_KDS_NONE,
              firehose ? Severity.MEDIUM : Severity.HIGH, Pillar.SECURITY)
          .title(stream.kindLabel() + " " + stream.name() + " has no server-side encryption")
          .detail(firehose
              ? "Connect sends " + types + " to Firehose stream " + stream.arn() + ", which has server-side "
                  + "encryption off: records are buffered unencrypted until delivered (up to 24 hours when "
                  + "delivery fails); the destination's own encryption applies after delivery."
              : "Connect streams " + types + " to Kinesis data stream " + stream.arn() + ", which stores "
                  + "records unencrypted for its retention period"
                  + (stream.retentionHours() == null ? "" : " (" + stream.retentionHours() + " hours)")
                  + "; contact records and agent events contain customer phone numbers and contact attributes.")
          .recommendation(firehose
              ? "Enable server-side encryption on the Firehose stream, preferably with a customer managed KMS key."
              : "Enable server-side encryption on the stream (StartStreamEncryption), preferably with a "
                  + "customer managed KMS key; producers and consumers need kms:GenerateDataKey / kms:Decrypt.")
          .evidence("encryption", Encryption.NONE.name());
    } else {
      finding = Finding.builder(CheckIds.STREAM_ENCRYPTION_ENCRYPTED, Severity.PASS, Pillar.SECURITY)
          .title(stream.kindLabel() + " " + stream.name() + " encrypted")
          .detail(stream.kindLabel() + " " + stream.arn() + " (" + types + ") is encrypted at rest with "
              + (stream.encryption() == Encryption.CMK ? "a customer managed" : "an AWS managed or AWS owned")
              + " KMS key" + (stream.kmsKeyId() == null ? "" : " " + stream.kmsKeyId()) + ".")
          .evidence("encryption", stream.encryption().name())
          .evidence("kmsKeyId", stream.kmsKeyId());
    }
    add(finding
        .resource(stream.arn())
        .consoleUrl(consoleUrl)
        .evidence("streamKind", stream.kind().toString())
        .evidence("streamName", stream.name())
        .evidence("resourceTypes", stream.resourceTypes())
        .evidence("encryptionStatus", stream.status())
        .evidence("reason", stream.problem()));
  }

  /** Storage configs of a storage type this SDK version does not know: their encryption is not judged. */
  void unrecognizedStorageTypes(List<StorageConfig> configs) {
    for (StorageConfig config : configs) {
      StorageType type = config.storageType();
      if (type == null || type == StorageType.UNKNOWN_TO_SDK_VERSION) {
        notEvaluated.add("encryption of the " + config.resourceType() + " storage config not evaluated: storage type '"
            + config.config().storageTypeAsString() + "' is unknown to this analyzer");
      }
    }
  }

  // ---- resource types Connect rejects here ----

  /** @param unsupported resource type to the service's reason */
  void unsupportedResourceTypes(Map<String, String> unsupported) {
    if (unsupported.isEmpty()) {
      return;
    }
    add(Finding.builder(CheckIds.STORAGE_TYPES_UNSUPPORTED, Severity.INFO, Pillar.OPERATIONAL_EXCELLENCE)
        .title("Storage resource types not supported for this instance")
        .detail("Connect rejected listing storage configs for " + String.join(", ", unsupported.keySet())
            + " (" + unsupported.values().iterator().next() + "). They are not available to this instance "
            + "or Region and are reported as not configured.")
        .resource(instance.arn())
        .consoleUrl(links.dataStorage())
        .evidence("resourceTypes", List.copyOf(unsupported.keySet())));
  }

  // ---- helpers ----

  private void add(Finding.Builder finding) {
    findings.add(finding.build());
  }

  /** An on/off instance attribute; null (and a not-evaluated note) when missing or not a boolean. */
  private Boolean attribute(Map<String, String> attributes, String name, String check) {
    String value = attributes.get(name);
    Boolean flag = flag(value);
    if (flag == null) {
      notEvaluated.add(check + " check not evaluated: instance attribute " + name
          + (value == null ? " was not read" : " has the unexpected value '" + value + "'"));
    }
    return flag;
  }

  private static Boolean flag(String value) {
    if (value == null) {
      return null;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> null;
    };
  }

  private static String join(Map<String, String> statuses) {
    StringBuilder out = new StringBuilder();
    statuses.forEach((region, status) -> out.append(out.isEmpty() ? "" : ", ").append(region).append(' ').append(status));
    return out.toString();
  }
}
