package com.connectopsreview.local.sandbox;

import com.connectopsreview.local.sandbox.Scenario.ContactFlow;
import com.connectopsreview.local.sandbox.Scenario.Counts;
import com.connectopsreview.local.sandbox.Scenario.FirehoseEncryption;
import com.connectopsreview.local.sandbox.Scenario.FirehoseStream;
import com.connectopsreview.local.sandbox.Scenario.FlowLogging;
import com.connectopsreview.local.sandbox.Scenario.FlowModule;
import com.connectopsreview.local.sandbox.Scenario.HoursOfOperation;
import com.connectopsreview.local.sandbox.Scenario.KinesisStream;
import com.connectopsreview.local.sandbox.Scenario.KvsDestination;
import com.connectopsreview.local.sandbox.Scenario.PhoneNumber;
import com.connectopsreview.local.sandbox.Scenario.Prompt;
import com.connectopsreview.local.sandbox.Scenario.Queue;
import com.connectopsreview.local.sandbox.Scenario.QuickConnect;
import com.connectopsreview.local.sandbox.Scenario.RoutingProfile;
import com.connectopsreview.local.sandbox.Scenario.S3Destination;
import com.connectopsreview.local.sandbox.Scenario.StorageConfig;
import com.connectopsreview.local.sandbox.Scenario.User;
import com.connectopsreview.local.sandbox.Scenario.SecurityProfile;
import com.connectopsreview.local.sandbox.Scenario.AgentStatus;
import com.connectopsreview.local.sandbox.Scenario.HierarchyGroup;
import com.connectopsreview.local.sandbox.Scenario.LambdaFunction;
import com.connectopsreview.local.sandbox.Scenario.LexBot;
import com.connectopsreview.local.sandbox.Scenario.PredefinedAttribute;
import com.connectopsreview.local.sandbox.Scenario.IntegrationAssociation;
import com.connectopsreview.shared.model.InstanceRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.connect.model.InstanceAttributeType;
import software.amazon.awssdk.services.connect.model.InstanceStorageResourceType;

/**
 * Builds the {@link Scenario} of a seed and size. Every value is a pure function of (seed, kind,
 * index) ({@link Seeded}), so the scenario is deterministic and its entities can be generated lazily,
 * one at a time.
 *
 * <p>The instance configuration is fixed (it carries the planted problems of {@link PlantedProblems});
 * the seed only changes ids, names and numbers.
 */
public final class ScenarioGenerator {

  /** Connect's own flows, present on every instance; generated flows follow them. */
  private static final String[][] DEFAULT_FLOWS = {
      {"Default agent hold", "AGENT_HOLD"},
      {"Default agent transfer", "AGENT_TRANSFER"},
      {"Default agent whisper", "AGENT_WHISPER"},
      {"Default customer hold", "CUSTOMER_HOLD"},
      {"Default customer queue", "CUSTOMER_QUEUE"},
      {"Default customer whisper", "CUSTOMER_WHISPER"},
      {"Default outbound", "OUTBOUND_WHISPER"},
      {"Default queue transfer", "QUEUE_TRANSFER"},
      {"Sample inbound flow (first contact experience)", "CONTACT_FLOW"},
  };
  private static final String[] FLOW_TYPE_CYCLE = {
      "CONTACT_FLOW", "CONTACT_FLOW", "CUSTOMER_QUEUE", "CONTACT_FLOW", "CUSTOMER_WHISPER",
      "CONTACT_FLOW", "AGENT_WHISPER", "CONTACT_FLOW", "QUEUE_TRANSFER", "CONTACT_FLOW"};
  private static final String[] DEPARTMENTS = {
      "Sales", "Support", "Billing", "Claims", "Retention", "Onboarding", "Technical", "Returns", "Payments",
      "Reservations", "Escalations", "Partners"};
  private static final String[] FIRST_NAMES = {
      "ana", "ben", "chloe", "david", "elena", "farid", "grace", "hiro", "ines", "jonas", "kate", "liam", "maya",
      "noah", "olga", "pablo", "quinn", "rosa", "sam", "tara", "umar", "vera", "will", "xena", "yusuf", "zoe",
      "amir", "bea", "carl", "dana", "emil", "fay", "gus", "hana", "ivan", "june", "kofi", "lena", "marco", "nina"};
  private static final String[] LAST_NAMES = {
      "silva", "berg", "chen", "dubois", "evans", "fischer", "garcia", "haddad", "ito", "jensen", "kowalski",
      "larsen", "moreau", "nakamura", "okafor", "petrov", "quist", "rossi", "schmidt", "tanaka", "ueda",
      "vargas", "weber", "xu", "yilmaz", "zhang", "andersen", "bianchi", "costa", "dahl", "ebert", "ferreira",
      "gomez", "holm", "iqbal", "jovanovic", "kim", "lopez", "meyer", "novak"};
  private static final String[] QUEUE_NAMES = {
      "BasicQueue", "Sales", "Support", "Billing", "Claims", "Retention", "Technical", "Callbacks"};
  private static final String[] DEFAULT_PROMPTS = {
      "Beep.wav", "CustomerHold.wav", "CustomerQueue.wav", "Music_Jazz_MyTimeToFly_Inst.wav",
      "Music_Pop_ThisAndThatIsLife_Inst.wav", "Music_Rock_EverywhereTheSunShines_Inst.wav"};
  private static final String[] TIME_ZONES = {
      "America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London"};
  private static final String[] ALIAS_WORDS = {
      "harbor", "meadow", "summit", "orchard", "lantern", "river", "cobalt", "juniper", "granite", "willow",
      "aurora", "cedar", "falcon", "maple", "tidal", "copper"};
  /** Sixty geographic area codes; US DID numbers use the 555-0100..0199 range reserved for fiction. */
  private static final String[] AREA_CODES = {
      "201", "202", "203", "205", "206", "207", "208", "209", "210", "212", "213", "214", "215", "216", "217",
      "218", "219", "224", "225", "228", "229", "231", "234", "239", "240", "248", "251", "252", "253", "254",
      "256", "260", "262", "267", "269", "270", "272", "276", "281", "301", "302", "303", "304", "305", "307",
      "308", "309", "310", "312", "313", "314", "315", "316", "317", "318", "319", "320", "321", "323", "325"};
  private static final String[] TOLL_FREE_CODES = {"800", "833", "844", "855", "866", "877", "888"};

  /** Every US DID's carrier: the single-carrier plant (PHONE.CARRIER.SINGLE_IN_COUNTRY for US). */
  public static final String CARRIER_US_DID = "Northwind Telecom";
  public static final String CARRIER_US_TOLL_FREE = "Contoso Networks";
  /** UK DIDs alternate between two carriers (by tens of the index), so GB is never single-carrier. */
  public static final String CARRIER_GB = "Fabrikam Telecom UK";
  public static final String CARRIER_GB_SECOND = "Litware Voice UK";

  /** The one number whose claim FAILED (a US DID, present in every size). */
  public static final int FAILED_NUMBER_INDEX = 7;
  /** The one number whose claim is IN_PROGRESS (a US DID, present in every size). */
  public static final int IN_PROGRESS_NUMBER_INDEX = 3;
  /** Numbers with {@code index % UNUSED_NUMBER_MODULUS == UNUSED_NUMBER_REMAINDER} are answered by no flow. */
  public static final int UNUSED_NUMBER_MODULUS = 6;
  public static final int UNUSED_NUMBER_REMAINDER = 4;

  /**
   * The lint plants are the flows right after Connect's default flows, one per rule in
   * {@link Scenario.LintRule} order: the same indexes for every seed and size.
   */
  public static final int FIRST_LINT_PLANT_INDEX = 9;
  private static final String[] LINT_PLANT_NAMES = {
      "Planted lint: order lookup without error branch",
      "Planted lint: orphaned survey prompt",
      "Planted lint: CRM lookup with a 30 s Lambda timeout",
      "Planted lint: transfer to a hard-coded number",
      "Planted lint: payment input leaves logging off"};

  private static final Instant EPOCH = Instant.parse("2024-01-15T08:00:00Z");

  private static final String[] DEFAULT_SECURITY_PROFILES = {"Admin", "Agent", "CallCenterManager", "QualityAnalyst"};
  private static final String[] AGENT_STATUSES = {"Available", "Offline", "Break", "Lunch", "Training", "Meeting"};
  private static final String[][] OTHER_INTEGRATIONS = {
      {"CASES_DOMAIN", "arn:aws:cases:us-east-1:123456789012:domain/"},
      {"WISDOM_ASSISTANT", "arn:aws:wisdom:us-east-1:123456789012:assistant/"}};

  private final long seed;
  private final SandboxSize size;
  private final Instant metricsEnd;

  /** A scenario whose metric series end now (the sandbox's start). */
  public ScenarioGenerator(long seed, SandboxSize size) {
    this(seed, size, Instant.now());
  }

  /** @param metricsEnd where the CloudWatch series end (samples exist strictly before it) */
  public ScenarioGenerator(long seed, SandboxSize size, Instant metricsEnd) {
    this.seed = seed;
    this.size = Objects.requireNonNull(size, "size");
    this.metricsEnd = Objects.requireNonNull(metricsEnd, "metricsEnd");
  }

  /**
   * Entity counts per size. LARGE and HUGE keep the documented counts exactly; SMALL has 99 standard
   * queues so that its Queues-per-instance quota of 100 is 99 % used.
   */
  public static Counts counts(SandboxSize size) {
    return switch (size) {
      case SMALL -> new Counts(24, 4, 40, 99, 5, 10, 4, 6, 12, 6, 5, 7, 3, 1, 2, 4, 2);
      case LARGE -> new Counts(2_000, 50, 10_000, 200, 100, 300, 40, 500, 1_000, 40, 20, 300, 40, 5, 30, 60, 12);
      case HUGE -> new Counts(10_000, 200, 50_000, 1_000, 400, 1_000, 100, 2_000, 5_000, 150, 50, 1_500, 45, 10,
          60, 120, 30);
    };
  }

  public Scenario generate() {
    Counts counts = counts(size);
    String alias = ALIAS_WORDS[Seeded.pick(seed, "alias", 0, ALIAS_WORDS.length)] + "-"
        + ALIAS_WORDS[Seeded.pick(seed, "alias", 1, ALIAS_WORDS.length)] + "-" + Seeded.hex(seed, "alias", 2, 4);
    String instanceId = Seeded.uuid(seed, "instance", 0);
    InstanceRef ref = InstanceRef.parse("arn:" + Scenario.PARTITION + ":connect:" + Scenario.REGION + ":"
        + Scenario.ACCOUNT_ID + ":instance/" + instanceId);
    Instant created = EPOCH.plus(Duration.ofSeconds(Seeded.pick(seed, "created", 0, 300 * 86_400)));
    Entities entities = new Entities(ref.arn(), created, counts);

    Scenario.Instance instance = new Scenario.Instance(
        ref, alias, "CONNECT_MANAGED", "ACTIVE",
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

    return new Scenario(seed, size, counts, instance, attributes(), storage, kinesis, firehose,
        new EntityList<>(counts.flows(), entities::flow, i -> Seeded.uuid(seed, "flow", i)),
        new EntityList<>(counts.flowModules(), entities::flowModule, i -> Seeded.uuid(seed, "module", i)),
        new EntityList<>(counts.users(), entities::user, i -> Seeded.uuid(seed, "user", i)),
        new EntityList<>(counts.standardQueues() + counts.users(), entities::queue, entities::queueId),
        new EntityList<>(counts.routingProfiles(), entities::routingProfile, i -> Seeded.uuid(seed, "routing", i)),
        new EntityList<>(counts.prompts(), entities::prompt, i -> Seeded.uuid(seed, "prompt", i)),
        new EntityList<>(counts.hoursOfOperations(), entities::hours, i -> Seeded.uuid(seed, "hours", i)),
        new EntityList<>(counts.quickConnects(), entities::quickConnect, i -> Seeded.uuid(seed, "quick", i)),
        new EntityList<>(counts.phoneNumbers(), entities::phoneNumber, i -> Seeded.uuid(seed, "number", i)),
        new Scenario.More(
            new EntityList<>(counts.securityProfiles(), entities::securityProfile,
                i -> Seeded.uuid(seed, "security", i)),
            new EntityList<>(counts.agentStatuses(), entities::agentStatus, i -> Seeded.uuid(seed, "status", i)),
            new EntityList<>(counts.userHierarchyGroups(), entities::hierarchyGroup,
                i -> Seeded.uuid(seed, "hierarchy", i)),
            new EntityList<>(counts.lambdaFunctions(), entities::lambdaFunction, entities::lambdaArn),
            new EntityList<>(counts.lexBotsV1() + counts.lexV2BotAliases(), entities::lexBot,
                i -> entities.lexBot(i).name() != null ? entities.lexBot(i).name() : entities.lexBot(i).aliasArn()),
            new EntityList<>(counts.predefinedAttributes(), entities::predefinedAttribute,
                entities::predefinedAttributeName),
            new EntityList<>(counts.applicationIntegrations() + Counts.OTHER_INTEGRATIONS, entities::integration,
                i -> Seeded.uuid(seed, "integration", i)),
            SandboxQuotas.of(size, counts),
            new MetricSeries(seed, size, ref.id(), metricsEnd,
                java.util.stream.IntStream.range(0, counts.standardQueues()).mapToObj(i -> entities.queue(i).name())
                    .toList())));
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

  /** One entity by index; each method depends only on the seed, the index and the counts. */
  private final class Entities {

    private final String instanceArn;
    private final Instant created;
    private final Counts counts;
    private final int departmentOffset;
    private final int firstNameOffset;
    private final int lastNameOffset;
    private final int areaCodeOffset;

    Entities(String instanceArn, Instant created, Counts counts) {
      this.instanceArn = instanceArn;
      this.created = created;
      this.counts = counts;
      this.departmentOffset = Seeded.pick(seed, "departments", 0, DEPARTMENTS.length);
      this.firstNameOffset = Seeded.pick(seed, "first-names", 0, FIRST_NAMES.length);
      this.lastNameOffset = Seeded.pick(seed, "last-names", 0, LAST_NAMES.length);
      this.areaCodeOffset = Seeded.pick(seed, "area-codes", 0, AREA_CODES.length);
    }

    private String department(int n) {
      return DEPARTMENTS[Math.floorMod(n + departmentOffset, DEPARTMENTS.length)];
    }

    private Instant modified(String kind, int index) {
      return created.plus(Duration.ofSeconds(Seeded.pick(seed, kind + ":modified", index, 400 * 86_400)));
    }

    ContactFlow flow(int i) {
      String id = Seeded.uuid(seed, "flow", i);
      String arn = instanceArn + "/contact-flow/" + id;
      if (i < DEFAULT_FLOWS.length) {
        return new ContactFlow(i, id, arn, DEFAULT_FLOWS[i][0], DEFAULT_FLOWS[i][1], "ACTIVE", "PUBLISHED",
            "Created by Amazon Connect", FlowLogging.ABSENT, null, created);
      }
      int plant = i - FIRST_LINT_PLANT_INDEX;
      if (plant >= 0 && plant < LINT_PLANT_NAMES.length) {
        Scenario.LintRule rule = Scenario.LintRule.values()[plant];
        return new ContactFlow(i, id, arn, LINT_PLANT_NAMES[plant], "CONTACT_FLOW", "ACTIVE", "PUBLISHED",
            "Planted for the flow analyzer: breaks " + rule.checkId() + " once",
            rule == Scenario.LintRule.LOGGING_NOT_REENABLED ? FlowLogging.DISABLED : FlowLogging.ENABLED, rule,
            modified("flow", i));
      }
      int g = i - DEFAULT_FLOWS.length;
      String type = FLOW_TYPE_CYCLE[g % FLOW_TYPE_CYCLE.length];
      String dept = department(g);
      String purpose = switch (type) {
        case "CONTACT_FLOW" -> "inbound";
        case "CUSTOMER_QUEUE" -> "queue";
        case "CUSTOMER_WHISPER" -> "customer whisper";
        case "AGENT_WHISPER" -> "agent whisper";
        default -> "transfer";
      };
      // Planted for the flow analyzer: every fifth generated flow never sets logging; some inbound flows
      // pause it around a sensitive input and turn it back on (correct, no lint finding).
      FlowLogging logging = g % 5 == 3 ? FlowLogging.ABSENT
          : g % 13 == 7 && type.equals("CONTACT_FLOW") ? FlowLogging.PAUSED : FlowLogging.ENABLED;
      return new ContactFlow(i, id, arn, String.format(Locale.ROOT, "%s %s %04d", dept, purpose, g + 1), type,
          g % 50 == 49 ? "ARCHIVED" : "ACTIVE", g % 23 == 22 ? "SAVED" : "PUBLISHED",
          dept + " " + purpose + " flow", logging, null, modified("flow", i));
    }

    FlowModule flowModule(int i) {
      String id = Seeded.uuid(seed, "module", i);
      return new FlowModule(i, id, instanceArn + "/flow-module/" + id,
          String.format(Locale.ROOT, "%s module %02d", department(i), i + 1), "ACTIVE", "PUBLISHED",
          i % 3 == 2 ? FlowLogging.ABSENT : FlowLogging.ENABLED, modified("module", i));
    }

    User user(int i) {
      String id = Seeded.uuid(seed, "user", i);
      int nf = FIRST_NAMES.length;
      int nl = LAST_NAMES.length;
      String first = FIRST_NAMES[(i + firstNameOffset) % nf];
      String last = LAST_NAMES[((i / nf) + lastNameOffset) % nl];
      int round = i / (nf * nl);
      String username = first + "." + last + (round == 0 ? "" : String.valueOf(round + 1));
      return new User(i, id, instanceArn + "/agent/" + id, username, capitalize(first), capitalize(last),
          username + "@example.com", Seeded.uuid(seed, "routing", i % counts.routingProfiles()),
          modified("user", i));
    }

    String queueId(int i) {
      return i < counts.standardQueues() ? Seeded.uuid(seed, "queue", i)
          : Seeded.uuid(seed, "agent-queue", i - counts.standardQueues());
    }

    Queue queue(int i) {
      String id = queueId(i);
      String arn = instanceArn + "/queue/" + id;
      if (i < counts.standardQueues()) {
        int round = i / QUEUE_NAMES.length;
        String name = QUEUE_NAMES[i % QUEUE_NAMES.length] + (round == 0 ? "" : " " + (round + 1));
        return new Queue(i, id, arn, name, "STANDARD", Seeded.uuid(seed, "hours", i % counts.hoursOfOperations()),
            null, modified("queue", i));
      }
      int user = i - counts.standardQueues();
      return new Queue(i, id, arn, null, "AGENT", null, Seeded.uuid(seed, "user", user), modified("queue", i));
    }

    RoutingProfile routingProfile(int i) {
      String id = Seeded.uuid(seed, "routing", i);
      String name = i == 0 ? "Basic Routing Profile" : department(i) + " agents " + i;
      return new RoutingProfile(i, id, instanceArn + "/routing-profile/" + id, name, modified("routing", i));
    }

    Prompt prompt(int i) {
      String id = Seeded.uuid(seed, "prompt", i);
      String name = i < DEFAULT_PROMPTS.length ? DEFAULT_PROMPTS[i]
          : department(i) + " greeting " + (i - DEFAULT_PROMPTS.length + 1) + ".wav";
      return new Prompt(i, id, instanceArn + "/prompt/" + id, name, modified("prompt", i));
    }

    HoursOfOperation hours(int i) {
      String id = Seeded.uuid(seed, "hours", i);
      String name = i == 0 ? "Basic Hours" : department(i) + " hours " + i;
      return new HoursOfOperation(i, id, instanceArn + "/operating-hours/" + id, name,
          TIME_ZONES[i % TIME_ZONES.length], modified("hours", i));
    }

    QuickConnect quickConnect(int i) {
      String id = Seeded.uuid(seed, "quick", i);
      String type = switch (i % 3) {
        case 0 -> "QUEUE";
        case 1 -> "USER";
        default -> "PHONE_NUMBER";
      };
      return new QuickConnect(i, id, instanceArn + "/transfer-destination/" + id,
          "Transfer to " + department(i) + " " + (i + 1), type, modified("quick", i));
    }

    SecurityProfile securityProfile(int i) {
      String id = Seeded.uuid(seed, "security", i);
      String name = i < DEFAULT_SECURITY_PROFILES.length ? DEFAULT_SECURITY_PROFILES[i]
          : department(i) + " profile " + (i - DEFAULT_SECURITY_PROFILES.length + 1);
      return new SecurityProfile(i, id, instanceArn + "/security-profile/" + id, name, modified("security", i));
    }

    AgentStatus agentStatus(int i) {
      String id = Seeded.uuid(seed, "status", i);
      String name = i < AGENT_STATUSES.length ? AGENT_STATUSES[i] : "Away " + (i - AGENT_STATUSES.length + 1);
      String type = i == 0 ? "ROUTABLE" : i == 1 ? "OFFLINE" : "CUSTOM";
      return new AgentStatus(i, id, instanceArn + "/agent-state/" + id, name, type, modified("status", i));
    }

    HierarchyGroup hierarchyGroup(int i) {
      String id = Seeded.uuid(seed, "hierarchy", i);
      return new HierarchyGroup(i, id, instanceArn + "/agent-group/" + id,
          department(i) + " team " + (i / DEPARTMENTS.length + 1), modified("hierarchy", i));
    }

    String lambdaArn(int i) {
      return "arn:aws:lambda:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID + ":function:connect-"
          + department(i).toLowerCase(Locale.ROOT) + "-lookup-" + (i + 1);
    }

    LambdaFunction lambdaFunction(int i) {
      return new LambdaFunction(i, lambdaArn(i));
    }

    LexBot lexBot(int i) {
      if (i < counts.lexBotsV1()) {
        return new LexBot(i, "V1", department(i) + "Bot" + (i + 1), Scenario.REGION, null);
      }
      int v2 = i - counts.lexBotsV1();
      return new LexBot(i, "V2", null, null, "arn:aws:lex:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID
          + ":bot-alias/" + Seeded.hex(seed, "lex-bot", v2 / 3, 10).toUpperCase(Locale.ROOT) + "/"
          + Seeded.hex(seed, "lex-alias", v2, 10).toUpperCase(Locale.ROOT));
    }

    String predefinedAttributeName(int i) {
      return department(i).toLowerCase(Locale.ROOT) + "_skill_" + (i / DEPARTMENTS.length + 1);
    }

    PredefinedAttribute predefinedAttribute(int i) {
      return new PredefinedAttribute(i, predefinedAttributeName(i), modified("predefined", i));
    }

    IntegrationAssociation integration(int i) {
      String id = Seeded.uuid(seed, "integration", i);
      String arn = instanceArn + "/integration-association/" + id;
      if (i < counts.applicationIntegrations()) {
        String app = department(i).toLowerCase(Locale.ROOT) + "-workspace-app-" + (i + 1);
        return new IntegrationAssociation(i, id, arn, "APPLICATION", "arn:aws:app-integrations:" + Scenario.REGION
            + ":" + Scenario.ACCOUNT_ID + ":application/" + Seeded.uuid(seed, "application", i),
            app, "https://" + app + ".example.com", null);
      }
      String[] other = OTHER_INTEGRATIONS[(i - counts.applicationIntegrations()) % OTHER_INTEGRATIONS.length];
      return new IntegrationAssociation(i, id, arn, other[0], other[1] + Seeded.uuid(seed, "other-integration", i),
          null, null, null);
    }

    /**
     * Index pattern: i % 10 == 9 is a UK DID (Ofcom's drama range 020 7946 0xxx; two carriers,
     * alternating by tens), i % 5 == 0 a US toll-free number, the rest US DIDs in the fictional
     * 555-01xx range. Numbers are unique up to 5,000 (HUGE). Every US DID comes from one carrier;
     * {@link #FAILED_NUMBER_INDEX} and {@link #IN_PROGRESS_NUMBER_INDEX} are the only numbers not
     * CLAIMED; every sixth number (index % 6 == 4) has no target (unused). Planted for the telephony
     * analyzer (PlantedProblems.phone()).
     */
    PhoneNumber phoneNumber(int i) {
      String id = Seeded.uuid(seed, "number", i);
      String arn = "arn:aws:connect:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID + ":phone-number/" + id;
      String status = i == FAILED_NUMBER_INDEX ? "FAILED" : i == IN_PROGRESS_NUMBER_INDEX ? "IN_PROGRESS" : "CLAIMED";
      String message = switch (status) {
        case "FAILED" -> "The phone number could not be claimed: the carrier rejected the order. "
            + "Release the number and claim another one.";
        case "IN_PROGRESS" -> "The phone number claim is in progress.";
        default -> null;
      };
      boolean used = i % UNUSED_NUMBER_MODULUS != UNUSED_NUMBER_REMAINDER;
      int block = i / 100;
      String last2 = String.format(Locale.ROOT, "%02d", i % 100);
      if (i % 10 == 9) {
        return new PhoneNumber(i, id, arn, String.format(Locale.ROOT, "+442079460%03d", (i / 10) % 1000), "GB",
            "DID", (i / 10) % 2 == 0 ? CARRIER_GB : CARRIER_GB_SECOND, department(i) + " UK line", status, message,
            used);
      }
      if (i % 5 == 0) {
        String number = "+1" + TOLL_FREE_CODES[block % TOLL_FREE_CODES.length] + "5550" + (1 + block / 7 % 9) + last2;
        return new PhoneNumber(i, id, arn, number, "US", "TOLL_FREE", CARRIER_US_TOLL_FREE,
            department(i) + " toll-free line", status, message, used);
      }
      String number = "+1" + AREA_CODES[(block + areaCodeOffset) % AREA_CODES.length] + "55501" + last2;
      return new PhoneNumber(i, id, arn, number, "US", "DID", CARRIER_US_DID, department(i) + " direct line",
          status, message, used);
    }

    private static String capitalize(String s) {
      return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
  }
}
