package com.connectopsreview.local.sandbox;

import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.InstanceRef;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sandbox's fictional contact center: one Amazon Connect instance with its attributes, storage
 * configs, the streams they point at, and its contact-center entities. Built by
 * {@link ScenarioGenerator}; the same seed and size always give the same scenario.
 *
 * <p>The instance configuration (and so every planted instance problem, see {@link PlantedProblems})
 * is the same for every seed and size; the seed changes ids, names and numbers, the size changes how
 * many entities there are. Entities are generated on demand ({@link EntityList}).
 *
 * <p>Service Quotas values ({@link #quotas()}) and CloudWatch series ({@link #metrics()}) carry the
 * planted quota and metrics problems; phone numbers (carrier, status, target) and flows (logging,
 * {@link #lintPlants()}) carry the telephony and flow plants. Extension point: alarms, CloudTrail events, flow-log lines and
 * data-lake tables are not modelled yet. Each later analyzer issue adds its data here (a record and a generator method
 * in {@link ScenarioGenerator}) and its operations in the server's registry.
 */
public final class Scenario {

  public static final String PARTITION = "aws";
  public static final String ACCOUNT_ID = "123456789012";
  public static final String REGION = "us-east-1";

  /** How the flow's content sets logging (its UpdateFlowLoggingBehavior actions). */
  public enum FlowLogging {
    /** Enabled by the first action. */
    ENABLED,
    /**
     * Enabled by the first action, Disabled just before one sensitive input (an account number) and
     * Enabled again on every path out of it: correct, no lint finding.
     */
    PAUSED,
    /**
     * Enabled by the first action, later Disabled and never Enabled again: only the
     * {@code FLOW.LINT.LOGGING_NOT_REENABLED} plant.
     */
    DISABLED,
    /** No logging action at all: the flow does not log ({@code FLOW.LOGGING.MISSING}). */
    ABSENT;

    /** Whether the content has an Enabled UpdateFlowLoggingBehavior action. */
    public boolean enablesLogging() {
      return this != ABSENT;
    }
  }

  /** Lint rules of the flow analyzer that named flows of the scenario break, one rule per flow. */
  public enum LintRule {
    NO_ERROR_BRANCH, UNREACHABLE, LAMBDA_TIMEOUT, HARDCODED_PHONE, LOGGING_NOT_REENABLED;

    /** The flow analyzer's checkId, e.g. {@code FLOW.LINT.NO_ERROR_BRANCH}. */
    public String checkId() {
      return "FLOW.LINT." + name();
    }
  }

  /**
   * A flow planted to break exactly one lint rule, in exactly one action.
   *
   * @param blockId the Identifier of the offending action
   * @param actionType that action's Type
   */
  public record LintPlant(String flowId, String flowArn, String flowName, LintRule rule, String blockId,
      String actionType) {

    public String checkId() {
      return rule.checkId();
    }
  }

  /** DescribeInstance's Instance and ReplicationConfiguration. */
  public record Instance(
      InstanceRef ref, String alias, String identityManagementType, String status, String serviceRole,
      Instant createdTime, boolean inboundCallsEnabled, boolean outboundCallsEnabled, String accessUrl,
      Map<String, String> tags, Replication replication) {}

  /** Global Resiliency; null on the default scenario (no replica). */
  public record Replication(String sourceRegion, String globalSignInEndpoint, List<ReplicaRegion> regions) {}

  public record ReplicaRegion(String region, String status, String reason) {}

  /**
   * One storage config of a resource type; exactly one destination is set, by {@code storageType}
   * (S3, KINESIS_VIDEO_STREAM, KINESIS_STREAM, KINESIS_FIREHOSE).
   */
  public record StorageConfig(
      String resourceType, String associationId, String storageType, S3Destination s3, KvsDestination kvs,
      String kinesisStreamArn, String firehoseArn) {}

  /** @param kmsKeyId null: no EncryptionConfig at all */
  public record S3Destination(String bucket, String prefix, String kmsKeyId) {}

  /** @param kmsKeyId null: no EncryptionConfig at all */
  public record KvsDestination(String prefix, int retentionHours, String kmsKeyId) {}

  /** @param encryptionType KMS or NONE; {@code keyId} set with KMS */
  public record KinesisStream(
      String name, String arn, String status, String mode, int retentionHours, Instant created,
      String encryptionType, String keyId, int openShards, int consumers) {}

  /** @param encryption null: no DeliveryStreamEncryptionConfiguration at all */
  public record FirehoseStream(
      String name, String arn, String status, String type, Instant created, FirehoseEncryption encryption,
      String bucketArn, String prefix, String roleArn) {}

  public record FirehoseEncryption(String status, String keyType, String keyArn) {}

  /**
   * A flow; its Flow Language content comes from {@link #flowContent(ContactFlow)}.
   *
   * @param lintPlant the one lint rule the content breaks; null for a clean flow
   */
  public record ContactFlow(
      int index, String id, String arn, String name, String type, String state, String status,
      String description, FlowLogging logging, LintRule lintPlant, Instant lastModified) {

    /** Connect's own flows ("Default ..." and "Sample ..."), reported with defaultFlow=true. */
    public boolean isDefault() {
      return name.startsWith("Default ") || name.startsWith("Sample ");
    }
  }

  public record FlowModule(
      int index, String id, String arn, String name, String state, String status, FlowLogging logging,
      Instant lastModified) {}

  public record User(
      int index, String id, String arn, String username, String firstName, String lastName, String email,
      String routingProfileId, Instant lastModified) {}

  /** STANDARD queues come first; then one AGENT queue per user ({@code userId} set, no name). */
  public record Queue(
      int index, String id, String arn, String name, String type, String hoursOfOperationId, String userId,
      Instant lastModified) {}

  public record RoutingProfile(int index, String id, String arn, String name, Instant lastModified) {}

  public record Prompt(int index, String id, String arn, String name, Instant lastModified) {}

  public record HoursOfOperation(int index, String id, String arn, String name, String timeZone, Instant lastModified) {}

  public record QuickConnect(int index, String id, String arn, String name, String type, Instant lastModified) {}

  /**
   * A number claimed to the instance.
   *
   * @param carrier the carrier Pinpoint's PhoneNumberValidate reports for it
   * @param status DescribePhoneNumber's PhoneNumberStatus.Status: CLAIMED, IN_PROGRESS or FAILED
   * @param statusMessage PhoneNumberStatus.Message; null for CLAIMED
   * @param used whether a flow answers it (ListFlowAssociations); every number targets the instance
   */
  public record PhoneNumber(
      int index, String id, String arn, String number, String countryCode, String type, String carrier,
      String description, String status, String statusMessage, boolean used) {}

  public record SecurityProfile(int index, String id, String arn, String name, Instant lastModified) {}

  /** @param type ROUTABLE, OFFLINE or CUSTOM */
  public record AgentStatus(int index, String id, String arn, String name, String type, Instant lastModified) {}

  public record HierarchyGroup(int index, String id, String arn, String name, Instant lastModified) {}

  public record LambdaFunction(int index, String arn) {}

  /**
   * A bot associated with the instance: V1 bots first ({@code name} and {@code region}), then V2 bot
   * aliases ({@code aliasArn}).
   */
  public record LexBot(int index, String lexVersion, String name, String region, String aliasArn) {}

  public record PredefinedAttribute(int index, String name, Instant lastModified) {}

  /** APPLICATION associations first ({@code Counts.applicationIntegrations()}), then other types. */
  public record IntegrationAssociation(
      int index, String id, String arn, String integrationType, String integrationArn, String sourceApplicationName,
      String sourceApplicationUrl, String sourceType) {}

  /**
   * One Service Quotas quota of service code {@code connect}.
   *
   * @param accountValue the applied account-level value (GetServiceQuota without ContextId,
   *     ListServiceQuotas); null: none, GetServiceQuota without ContextId is NoSuchResourceException
   * @param instanceValue the value applied to the instance (GetServiceQuota with the instance ARN as
   *     ContextId); null: not an instance-level quota, GetServiceQuota with ContextId is NoSuchResourceException
   * @param usageApi for an API rate quota, the Connect API whose calls it limits (its UsageMetric); else null
   */
  public record Quota(
      String code, String name, double defaultValue, Double accountValue, Double instanceValue, boolean adjustable,
      String usageApi) {

    public String arn() {
      return "arn:" + PARTITION + ":servicequotas:" + REGION + ":" + ACCOUNT_ID + ":connect/" + code;
    }

    public boolean isRateQuota() {
      return usageApi != null;
    }
  }

  /** How many of each entity a size has. */
  public record Counts(
      int flows, int flowModules, int users, int standardQueues, int routingProfiles, int prompts,
      int hoursOfOperations, int quickConnects, int phoneNumbers, int securityProfiles, int agentStatuses,
      int userHierarchyGroups, int lambdaFunctions, int lexBotsV1, int lexV2BotAliases, int predefinedAttributes,
      int applicationIntegrations) {

    /** Integration associations of other types (Cases, Amazon Q) on every instance, after the APPLICATION ones. */
    public static final int OTHER_INTEGRATIONS = 2;
  }

  private final long seed;
  private final SandboxSize size;
  private final Counts counts;
  private final Instance instance;
  private final Map<String, String> attributes;
  private final List<StorageConfig> storageConfigs;
  private final List<KinesisStream> kinesisStreams;
  private final List<FirehoseStream> firehoseStreams;
  private final EntityList<ContactFlow> flows;
  private final EntityList<FlowModule> flowModules;
  private final EntityList<User> users;
  private final EntityList<Queue> queues;
  private final EntityList<RoutingProfile> routingProfiles;
  private final EntityList<Prompt> prompts;
  private final EntityList<HoursOfOperation> hoursOfOperations;
  private final EntityList<QuickConnect> quickConnects;
  private final EntityList<PhoneNumber> phoneNumbers;
  private final More more;

  /** The entities, quotas and metrics added for the quota and metrics analyzers (issue 4). */
  record More(
      EntityList<SecurityProfile> securityProfiles, EntityList<AgentStatus> agentStatuses,
      EntityList<HierarchyGroup> hierarchyGroups, EntityList<LambdaFunction> lambdaFunctions,
      EntityList<LexBot> lexBots, EntityList<PredefinedAttribute> predefinedAttributes,
      EntityList<IntegrationAssociation> integrationAssociations, List<Quota> quotas, MetricSeries metrics) {}

  Scenario(long seed, SandboxSize size, Counts counts, Instance instance, Map<String, String> attributes,
      List<StorageConfig> storageConfigs, List<KinesisStream> kinesisStreams, List<FirehoseStream> firehoseStreams,
      EntityList<ContactFlow> flows, EntityList<FlowModule> flowModules, EntityList<User> users,
      EntityList<Queue> queues, EntityList<RoutingProfile> routingProfiles, EntityList<Prompt> prompts,
      EntityList<HoursOfOperation> hoursOfOperations, EntityList<QuickConnect> quickConnects,
      EntityList<PhoneNumber> phoneNumbers, More more) {
    this.seed = seed;
    this.size = size;
    this.counts = counts;
    this.instance = instance;
    this.attributes = attributes;
    this.storageConfigs = List.copyOf(storageConfigs);
    this.kinesisStreams = List.copyOf(kinesisStreams);
    this.firehoseStreams = List.copyOf(firehoseStreams);
    this.flows = flows;
    this.flowModules = flowModules;
    this.users = users;
    this.queues = queues;
    this.routingProfiles = routingProfiles;
    this.prompts = prompts;
    this.hoursOfOperations = hoursOfOperations;
    this.quickConnects = quickConnects;
    this.phoneNumbers = phoneNumbers;
    this.more = more;
  }

  public long seed() {
    return seed;
  }

  public SandboxSize size() {
    return size;
  }

  public Counts counts() {
    return counts;
  }

  public Instance instance() {
    return instance;
  }

  /** Every instance attribute type the SDK knows, to its value ("true"/"false"), in the SDK's order. */
  public Map<String, String> attributes() {
    return attributes;
  }

  public List<StorageConfig> storageConfigs() {
    return storageConfigs;
  }

  public List<StorageConfig> storageConfigs(String resourceType) {
    return storageConfigs.stream().filter(c -> c.resourceType().equals(resourceType)).toList();
  }

  public List<KinesisStream> kinesisStreams() {
    return kinesisStreams;
  }

  public List<FirehoseStream> firehoseStreams() {
    return firehoseStreams;
  }

  public Optional<KinesisStream> kinesisStream(String nameOrArn) {
    return kinesisStreams.stream().filter(s -> s.name().equals(nameOrArn) || s.arn().equals(nameOrArn)).findFirst();
  }

  public Optional<FirehoseStream> firehoseStream(String name) {
    return firehoseStreams.stream().filter(s -> s.name().equals(name)).findFirst();
  }

  public EntityList<ContactFlow> flows() {
    return flows;
  }

  public EntityList<FlowModule> flowModules() {
    return flowModules;
  }

  public EntityList<User> users() {
    return users;
  }

  /** Standard queues ({@code counts().standardQueues()}) followed by one agent queue per user. */
  public EntityList<Queue> queues() {
    return queues;
  }

  public EntityList<RoutingProfile> routingProfiles() {
    return routingProfiles;
  }

  public EntityList<Prompt> prompts() {
    return prompts;
  }

  public EntityList<HoursOfOperation> hoursOfOperations() {
    return hoursOfOperations;
  }

  public EntityList<QuickConnect> quickConnects() {
    return quickConnects;
  }

  public EntityList<PhoneNumber> phoneNumbers() {
    return phoneNumbers;
  }

  /**
   * The flows planted to break one lint rule each, in flow order (the same five flows, right after
   * Connect's default flows, for every seed and size). Every other flow and every module is clean.
   */
  public List<LintPlant> lintPlantDetails() {
    return flows.stream().filter(f -> f.lintPlant() != null)
        .map(f -> new LintPlant(f.id(), f.arn(), f.name(), f.lintPlant(), FlowContent.plantBlockId(this, f),
            FlowContent.plantActionType(f.lintPlant())))
        .toList();
  }

  /** Flow id to the checkId of the one lint rule it breaks; clean flows are not in it. */
  public Map<String, String> lintPlants() {
    Map<String, String> plants = new java.util.LinkedHashMap<>();
    lintPlantDetails().forEach(p -> plants.put(p.flowId(), p.checkId()));
    return java.util.Collections.unmodifiableMap(plants);
  }

  /** Ids of the flows without any UpdateFlowLoggingBehavior Enabled action (Connect's default flows among them). */
  public List<String> flowIdsWithoutLogging() {
    return flows.stream().filter(f -> !f.logging().enablesLogging()).map(ContactFlow::id).toList();
  }

  /** Numbers no flow answers (unused): absent from ListFlowAssociations. */
  public List<PhoneNumber> unusedPhoneNumbers() {
    return phoneNumbers.stream().filter(n -> !n.used()).toList();
  }

  /** Numbers whose DescribePhoneNumber status is {@code status} (CLAIMED, IN_PROGRESS or FAILED). */
  public List<PhoneNumber> phoneNumbersWithStatus(String status) {
    return phoneNumbers.stream().filter(n -> n.status().equals(status)).toList();
  }

  /** The number with this E.164 value, if the scenario has it. */
  public Optional<PhoneNumber> phoneNumberByE164(String e164) {
    return phoneNumbers.stream().filter(n -> n.number().equals(e164)).findFirst();
  }

  public EntityList<SecurityProfile> securityProfiles() {
    return more.securityProfiles();
  }

  public EntityList<AgentStatus> agentStatuses() {
    return more.agentStatuses();
  }

  public EntityList<HierarchyGroup> userHierarchyGroups() {
    return more.hierarchyGroups();
  }

  public EntityList<LambdaFunction> lambdaFunctions() {
    return more.lambdaFunctions();
  }

  /** V1 bots ({@code counts().lexBotsV1()}) followed by V2 bot aliases. */
  public EntityList<LexBot> lexBots() {
    return more.lexBots();
  }

  public EntityList<PredefinedAttribute> predefinedAttributes() {
    return more.predefinedAttributes();
  }

  /** APPLICATION associations ({@code counts().applicationIntegrations()}) followed by other types. */
  public EntityList<IntegrationAssociation> integrationAssociations() {
    return more.integrationAssociations();
  }

  /** Every Service Quotas quota of service code {@code connect}, instance quotas first (see {@link QuotaCatalog}). */
  public List<Quota> quotas() {
    return more.quotas();
  }

  public Optional<Quota> quota(String code) {
    return more.quotas().stream().filter(q -> q.code().equals(code)).findFirst();
  }

  /** The instance's CloudWatch metrics (namespace AWS/Connect): raw series and the planted patterns. */
  public MetricSeries metrics() {
    return more.metrics();
  }

  /** The flow's Amazon Connect Flow Language document (JSON), generated on demand. */
  public String flowContent(ContactFlow flow) {
    return FlowContent.of(this, flow);
  }

  public String flowModuleContent(FlowModule module) {
    return FlowContent.of(this, module);
  }

  /**
   * Writes the whole scenario as one JSON document, entity by entity (streamed, so LARGE and HUGE
   * need no more memory than SMALL). Two scenarios are equal exactly when their dumps are.
   */
  public void writeJson(OutputStream out) {
    try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeNumberField("seed", seed);
      g.writeStringField("size", size.name());
      g.writeObjectField("counts", counts);
      g.writeObjectField("instance", instance);
      g.writeObjectField("attributes", attributes);
      g.writeObjectField("storageConfigs", storageConfigs);
      g.writeObjectField("kinesisStreams", kinesisStreams);
      g.writeObjectField("firehoseStreams", firehoseStreams);
      g.writeArrayFieldStart("flows");
      for (int i = 0; i < flows.size(); i++) {
        ContactFlow flow = flows.get(i);
        g.writeStartObject();
        g.writeObjectField("flow", flow);
        g.writeStringField("content", flowContent(flow));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeArrayFieldStart("flowModules");
      for (int i = 0; i < flowModules.size(); i++) {
        FlowModule module = flowModules.get(i);
        g.writeStartObject();
        g.writeObjectField("module", module);
        g.writeStringField("content", flowModuleContent(module));
        g.writeEndObject();
      }
      g.writeEndArray();
      writeAll(g, "users", users);
      writeAll(g, "queues", queues);
      writeAll(g, "routingProfiles", routingProfiles);
      writeAll(g, "prompts", prompts);
      writeAll(g, "hoursOfOperations", hoursOfOperations);
      writeAll(g, "quickConnects", quickConnects);
      writeAll(g, "phoneNumbers", phoneNumbers);
      writeAll(g, "securityProfiles", more.securityProfiles());
      writeAll(g, "agentStatuses", more.agentStatuses());
      writeAll(g, "userHierarchyGroups", more.hierarchyGroups());
      writeAll(g, "lambdaFunctions", more.lambdaFunctions());
      writeAll(g, "lexBots", more.lexBots());
      writeAll(g, "predefinedAttributes", more.predefinedAttributes());
      writeAll(g, "integrationAssociations", more.integrationAssociations());
      g.writeObjectField("quotas", more.quotas());
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the scenario", e);
    }
  }

  private static void writeAll(JsonGenerator g, String name, EntityList<?> list) throws IOException {
    g.writeArrayFieldStart(name);
    for (int i = 0; i < list.size(); i++) {
      g.writeObject(list.get(i));
    }
    g.writeEndArray();
  }
}
