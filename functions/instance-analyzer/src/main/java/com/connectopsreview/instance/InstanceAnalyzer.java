package com.connectopsreview.instance;

import com.connectopsreview.shared.analyzer.AnalysisOutput;
import com.connectopsreview.shared.analyzer.Analyzer;
import com.connectopsreview.shared.analyzer.Outcome;
import com.connectopsreview.shared.analyzer.ReadLog;
import com.connectopsreview.shared.aws.AwsErrors;
import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.sections.InstanceSection;
import com.connectopsreview.shared.sections.InstanceSection.Encryption;
import com.connectopsreview.shared.time.TimeBudget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.DescribeInstanceAttributeRequest;
import software.amazon.awssdk.services.connect.model.DescribeInstanceAttributeResponse;
import software.amazon.awssdk.services.connect.model.DescribeInstanceRequest;
import software.amazon.awssdk.services.connect.model.DescribeInstanceResponse;
import software.amazon.awssdk.services.connect.model.EncryptionConfig;
import software.amazon.awssdk.services.connect.model.Instance;
import software.amazon.awssdk.services.connect.model.InstanceAttributeType;
import software.amazon.awssdk.services.connect.model.InstanceStorageConfig;
import software.amazon.awssdk.services.connect.model.InstanceStorageResourceType;
import software.amazon.awssdk.services.connect.model.KinesisVideoStreamConfig;
import software.amazon.awssdk.services.connect.model.ListInstanceAttributesRequest;
import software.amazon.awssdk.services.connect.model.ListInstanceAttributesResponse;
import software.amazon.awssdk.services.connect.model.ListInstanceStorageConfigsRequest;
import software.amazon.awssdk.services.connect.model.ListInstanceStorageConfigsResponse;
import software.amazon.awssdk.services.connect.model.ReplicationConfiguration;
import software.amazon.awssdk.services.connect.model.S3Config;
import software.amazon.awssdk.services.connect.model.StorageType;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DescribeDeliveryStreamRequest;
import software.amazon.awssdk.services.firehose.model.DescribeDeliveryStreamResponse;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryRequest;
import software.amazon.awssdk.services.kinesis.model.DescribeStreamSummaryResponse;

/**
 * The {@code instance} component: instance details, identity management, Global Resiliency
 * replication, call configuration, flow logs and Contact Lens, storage configs and the encryption
 * of every storage and streaming destination (upstream-spec §1.11, §4.6, §4.7, checklist G); the
 * rotation of their KMS keys, Kinesis retention and stream alarms (§4.11 item 4).
 *
 * <p>Calls, all in the instance's Region: Connect {@code DescribeInstance} (once),
 * {@code ListInstanceAttributes} (paginated; {@code DescribeInstanceAttribute} per type only if the
 * list is denied), {@code ListInstanceStorageConfigs} for every resource type the SDK knows
 * (paginated), Kinesis {@code DescribeStreamSummary} and Firehose {@code DescribeDeliveryStream}
 * once per streaming destination; KMS {@code DescribeKey} and {@code GetKeyRotationStatus} once per
 * customer managed key of those destinations ({@link KmsKeyReader}); CloudWatch {@code DescribeAlarms}
 * (every page, once) when Connect streams to a Kinesis data stream ({@link StreamSecurityReader}).
 *
 * <p>Only a failed DescribeInstance fails the component. Anything else that cannot be read, or is
 * not reached before the time budget ends, makes it PARTIAL and is named in {@code errors}.
 */
public final class InstanceAnalyzer implements Analyzer {

  private static final Logger LOG = LoggerFactory.getLogger(InstanceAnalyzer.class);

  private final ServiceClients clients;

  public InstanceAnalyzer(ServiceClients clients) {
    this.clients = clients;
  }

  @Override
  public AnalysisOutput analyze(AnalyzerRequest request, TimeBudget budget) {
    return new Run(request.instance(), new ReadLog(budget), clients).analyze();
  }

  /** The state of one invocation (the analyzer itself is shared across warm invocations). */
  private static final class Run {

    private final InstanceRef ref;
    private final ReadLog log;
    private final ServiceClients clients;
    private final Region region;
    private final ConnectClient connect;

    Run(InstanceRef ref, ReadLog log, ServiceClients clients) {
      this.ref = ref;
      this.log = log;
      this.clients = clients;
      this.region = Region.of(ref.region());
      this.connect = clients.client(ConnectClient.class, region);
    }

    AnalysisOutput analyze() {
      // Without the instance itself nothing can be judged: a failure here fails the component.
      log.budget().check("Connect DescribeInstance");
      DescribeInstanceResponse described =
          connect.describeInstance(DescribeInstanceRequest.builder().instanceId(ref.id()).build());
      Instance instance = described.instance();
      if (instance == null) {
        throw new IllegalStateException("DescribeInstance returned no Instance for instance " + ref.id());
      }

      Map<String, String> attributes = readAttributes();
      Storage storage = readStorageConfigs();
      Map<String, ResolvedStream> streams = resolveStreams(storage.configs);
      StreamSecurityReader.StreamSecurity security =
          new StreamSecurityReader(log, clients, region).read(storage.configs, streams);
      LOG.info("instance read: {} attributes, {} storage configs, {} streams described, {} KMS keys",
          attributes.size(), storage.configs.size(), streams.size(), security.keys().size());

      InstanceChecks checks = new InstanceChecks(ref);
      checks.identityManagement(instance);
      checks.replication(described.replicationConfiguration());
      checks.callConfiguration(instance, attributes);
      checks.flowLogs(attributes);
      checks.contactLens(attributes);
      checks.s3Encryption(storage.configs, storage.complete());
      checks.streamingEncryption(storage.configs, List.copyOf(streams.values()), storage.complete());
      checks.unrecognizedStorageTypes(storage.configs);
      checks.unsupportedResourceTypes(storage.unsupported);
      StreamSecurityChecks streamSecurity = new StreamSecurityChecks(ref);
      streamSecurity.keyRotation(security.keys());
      streamSecurity.streamRetention(List.copyOf(streams.values()));
      streamSecurity.streamAlarms(security.kinesisStreams());

      // What could not be read first, then the checks that could not be judged because of it.
      List<String> errors = new ArrayList<>(log.errors());
      errors.addAll(checks.notEvaluated());
      errors.addAll(streamSecurity.notEvaluated());
      List<Finding> findings = new ArrayList<>(checks.findings());
      findings.addAll(streamSecurity.findings());
      InstanceSection data = new InstanceSection(details(instance), attributes,
          replication(described.replicationConfiguration()), entries(storage.configs, streams),
          storage.unconfigured.stream().map(InstanceStorageResourceType::toString).toList(),
          security.keys(), security.kinesisStreams());
      return AnalysisOutput.of(findings, Json.tree(data), errors);
    }

    // ---- instance attributes ----

    private Map<String, String> readAttributes() {
      Map<String, String> attributes = new TreeMap<>();
      Outcome<Void> listed = log.attempt(() -> {
        for (ListInstanceAttributesResponse page : log.pages("Connect ListInstanceAttributes",
            connect.listInstanceAttributesPaginator(ListInstanceAttributesRequest.builder().instanceId(ref.id())
                .build()))) {
          page.attributes().forEach(a -> attributes.put(a.attributeTypeAsString(), a.value()));
        }
        return null;
      });
      switch (listed.kind()) {
        case OUT_OF_TIME ->
            log.notExamined(attributes.isEmpty() ? "instance attributes" : "instance attributes (further pages)");
        case DENIED -> {
          LOG.info("ListInstanceAttributes denied; reading the attributes one by one");
          describeAttributesOneByOne(attributes, listed.reason());
        }
        case FAILED -> log.error("instance attributes could not be listed: " + listed.reason());
        case OK -> { }
      }
      return attributes;
    }

    /** The fallback when ListInstanceAttributes is denied: DescribeInstanceAttribute per type. */
    private void describeAttributesOneByOne(Map<String, String> attributes, String listDenied) {
      Map<String, String> failed = new LinkedHashMap<>();
      List<String> skipped = new ArrayList<>();
      for (InstanceAttributeType type : new TreeSet<>(InstanceAttributeType.knownValues())) {
        Outcome<DescribeInstanceAttributeResponse> described = log.attempt(() -> {
          log.budget().check("Connect DescribeInstanceAttribute " + type);
          return connect.describeInstanceAttribute(
              DescribeInstanceAttributeRequest.builder().instanceId(ref.id()).attributeType(type).build());
        });
        if (described.isOk()) {
          if (described.get().attribute() != null) {
            attributes.put(type.toString(), described.get().attribute().value());
          }
        } else if (described.isOutOfTime()) {
          skipped.add(type.toString());
        } else if (!AwsErrors.isInvalidRequest(described.error())) {
          // Invalid request: the attribute is not offered to this instance; nothing to report.
          failed.put(type.toString(), described.reason());
        }
      }
      if (!failed.isEmpty()) {
        log.error("instance attributes " + String.join(", ", failed.keySet()) + " could not be read: "
            + "ListInstanceAttributes denied (" + listDenied + "), DescribeInstanceAttribute failed ("
            + failed.values().iterator().next() + ")");
      }
      if (!skipped.isEmpty()) {
        log.notExamined("instance attributes " + String.join(", ", skipped));
      }
    }

    // ---- storage configs ----

    private static final class Storage {
      final List<StorageConfig> configs = new ArrayList<>();
      final List<InstanceStorageResourceType> unconfigured = new ArrayList<>();
      final Map<String, String> unsupported = new LinkedHashMap<>();
      final List<String> denied = new ArrayList<>();
      final List<String> failed = new ArrayList<>();
      final List<String> skipped = new ArrayList<>();

      /** Every resource type was listed (or rejected as unsupported). */
      boolean complete() {
        return denied.isEmpty() && failed.isEmpty() && skipped.isEmpty();
      }
    }

    private Storage readStorageConfigs() {
      Storage storage = new Storage();
      String deniedReason = null;
      for (InstanceStorageResourceType type : new TreeSet<>(InstanceStorageResourceType.knownValues())) {
        if (deniedReason != null && !log.isOutOfTime()) {
          // One denial answers for all types: the IAM action is the same for every type.
          storage.denied.add(type.toString());
          continue;
        }
        Outcome<List<InstanceStorageConfig>> listed = log.attempt(() -> listStorageConfigs(type));
        if (listed.isOk()) {
          if (listed.get().isEmpty()) {
            storage.unconfigured.add(type);
          }
          listed.get().forEach(c -> storage.configs.add(new StorageConfig(type, c)));
        } else if (listed.isOutOfTime()) {
          storage.skipped.add(type.toString());
        } else if (AwsErrors.isInvalidRequest(listed.error())) {
          storage.unsupported.put(type.toString(), listed.reason());
          storage.unconfigured.add(type);
        } else if (listed.isDenied()) {
          deniedReason = listed.reason();
          storage.denied.add(type.toString());
        } else {
          log.error("storage configs of " + type + " could not be listed: " + listed.reason());
          storage.failed.add(type.toString());
        }
      }
      if (deniedReason != null) {
        log.error("storage configs of " + String.join(", ", storage.denied) + " not examined: "
            + "ListInstanceStorageConfigs denied (" + deniedReason + ")");
      }
      if (!storage.skipped.isEmpty()) {
        log.notExamined("storage configs of " + String.join(", ", storage.skipped));
      }
      return storage;
    }

    private List<InstanceStorageConfig> listStorageConfigs(InstanceStorageResourceType type) {
      List<InstanceStorageConfig> configs = new ArrayList<>();
      ListInstanceStorageConfigsRequest request =
          ListInstanceStorageConfigsRequest.builder().instanceId(ref.id()).resourceType(type).build();
      for (ListInstanceStorageConfigsResponse page : log.pages("Connect ListInstanceStorageConfigs " + type,
          connect.listInstanceStorageConfigsPaginator(request))) {
        configs.addAll(page.storageConfigs());
      }
      return configs;
    }

    // ---- streaming destinations, resolved at the stream ----

    /** Each distinct Kinesis data stream and Firehose stream, described once; keyed by ARN. */
    private Map<String, ResolvedStream> resolveStreams(List<StorageConfig> configs) {
      Map<String, List<String>> kinesis = StorageConfig.streamsByArn(configs, StorageType.KINESIS_STREAM);
      Map<String, List<String>> firehose = StorageConfig.streamsByArn(configs, StorageType.KINESIS_FIREHOSE);
      Map<String, ResolvedStream> resolved = new LinkedHashMap<>();
      kinesis.forEach((arn, types) -> {
        ResolvedStream stream = describeKinesis(arn, types);
        if (stream != null) {
          resolved.put(arn, stream);
        }
      });
      firehose.forEach((arn, types) -> {
        ResolvedStream stream = describeFirehose(arn, types);
        if (stream != null) {
          resolved.put(arn, stream);
        }
      });
      return resolved;
    }

    /** The stream's encryption, a failed description, or null when time ran out. */
    private ResolvedStream describeKinesis(String arn, List<String> types) {
      return describe(StorageType.KINESIS_STREAM, arn, types, () -> {
        log.budget().check("Kinesis DescribeStreamSummary");
        DescribeStreamSummaryResponse response = clients.client(KinesisClient.class, region)
            .describeStreamSummary(DescribeStreamSummaryRequest.builder().streamARN(arn).build());
        return response.streamDescriptionSummary() == null
            ? ResolvedStream.failed(StorageType.KINESIS_STREAM, arn, types,
                "DescribeStreamSummary returned no StreamDescriptionSummary", false)
            : ResolvedStream.kinesis(arn, types, response.streamDescriptionSummary());
      });
    }

    private ResolvedStream describeFirehose(String arn, List<String> types) {
      int marker = arn.indexOf(":deliverystream/");
      if (marker < 0) {
        return ResolvedStream.failed(StorageType.KINESIS_FIREHOSE, arn, types,
            "'" + arn + "' is not a Firehose stream ARN (arn:...:firehose:<region>:<account>:deliverystream/<name>)",
            false);
      }
      String name = arn.substring(marker + ":deliverystream/".length());
      return describe(StorageType.KINESIS_FIREHOSE, arn, types, () -> {
        log.budget().check("Firehose DescribeDeliveryStream");
        DescribeDeliveryStreamResponse response = clients.client(FirehoseClient.class, region)
            .describeDeliveryStream(DescribeDeliveryStreamRequest.builder().deliveryStreamName(name).build());
        return response.deliveryStreamDescription() == null
            ? ResolvedStream.failed(StorageType.KINESIS_FIREHOSE, arn, types,
                "DescribeDeliveryStream returned no DeliveryStreamDescription", false)
            : ResolvedStream.firehose(arn, types, response.deliveryStreamDescription());
      });
    }

    /** One stream description: AWS errors become a failed stream, running out of time null (not examined). */
    private ResolvedStream describe(StorageType type, String arn, List<String> types,
        Supplier<ResolvedStream> call) {
      String label = type == StorageType.KINESIS_FIREHOSE ? "Firehose stream" : "Kinesis data stream";
      Outcome<ResolvedStream> described = log.attempt("encryption of " + label + " " + arn, call);
      if (described.isOk()) {
        return described.get();
      }
      return described.isOutOfTime() ? null
          : ResolvedStream.failed(type, arn, types, described.reason(), AwsErrors.isNotFound(described.error()));
    }

    // ---- data payload ----

    private static InstanceSection.Details details(Instance instance) {
      return new InstanceSection.Details(instance.id(), instance.arn(), instance.instanceAlias(),
          instance.identityManagementTypeAsString(), instance.instanceStatusAsString(), instance.serviceRole(),
          instance.createdTime(), instance.inboundCallsEnabled(), instance.outboundCallsEnabled(),
          instance.instanceAccessUrl());
    }

    private static InstanceSection.Replication replication(ReplicationConfiguration replication) {
      if (replication == null) {
        return null;
      }
      return new InstanceSection.Replication(replication.sourceRegion(), replication.globalSignInEndpoint(),
          replication.replicationStatusSummaryList().stream()
              .map(r -> new InstanceSection.ReplicaRegion(r.region(), r.replicationStatusAsString(),
                  r.replicationStatusReason()))
              .toList());
    }

    private static List<InstanceSection.StorageConfigEntry> entries(
        List<StorageConfig> configs, Map<String, ResolvedStream> streams) {
      List<InstanceSection.StorageConfigEntry> entries = new ArrayList<>();
      for (StorageConfig config : configs) {
        InstanceStorageConfig c = config.config();
        Encryption encryption = Encryption.UNKNOWN;
        String keyId = null;
        Integer retention = null;
        StorageType type = c.storageType();
        if (type == StorageType.S3) {
          S3Config s3 = c.s3Config();
          EncryptionConfig enc = s3 == null ? null : s3.encryptionConfig();
          encryption = enc == null ? Encryption.NONE : KmsKeys.encryptionOf(enc.keyId());
          keyId = enc == null ? null : enc.keyId();
        } else if (type == StorageType.KINESIS_VIDEO_STREAM) {
          KinesisVideoStreamConfig kvs = c.kinesisVideoStreamConfig();
          EncryptionConfig enc = kvs == null ? null : kvs.encryptionConfig();
          encryption = enc == null ? Encryption.NONE : KmsKeys.encryptionOf(enc.keyId());
          keyId = enc == null ? null : enc.keyId();
          retention = kvs == null ? null : kvs.retentionPeriodHours();
        } else if (type == StorageType.KINESIS_STREAM || type == StorageType.KINESIS_FIREHOSE) {
          ResolvedStream stream = streams.get(config.destination());
          if (stream != null && stream.verified()) {
            encryption = stream.encryption();
            keyId = stream.kmsKeyId();
            retention = stream.retentionHours();
          }
        }
        entries.add(new InstanceSection.StorageConfigEntry(config.resourceType().toString(), c.storageTypeAsString(),
            config.destination(), encryption, keyId, retention));
      }
      return entries;
    }
  }
}
