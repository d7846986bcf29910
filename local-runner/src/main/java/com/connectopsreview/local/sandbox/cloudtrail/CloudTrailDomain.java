package com.connectopsreview.local.sandbox.cloudtrail;

import com.connectopsreview.local.sandbox.SandboxDomain;
import com.connectopsreview.local.sandbox.SandboxSize;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.local.sandbox.server.Pager;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The Region's CloudTrail event history over the last 14 days: Amazon Connect management events (and a
 * few IAM ones, which a LookupEvents filtered on Connect's event source must not return), newest first,
 * one event per index. Every event is a pure function of (seed, index): kind, time and record are
 * computed when served ({@link CloudTrailRecords}), so the 50,000 events of LARGE cost an array of kinds.
 *
 * <p>Planted ({@link Kind}, same counts in every size): two callers throttled in the instance's Region,
 * throttling in another Region and for another instance (both to be excluded), successes around them,
 * and customer data (phone numbers, attribute values) in the request parameters.
 */
public final class CloudTrailDomain implements SandboxDomain {

  /** Amazon Connect's event source. */
  public static final String CONNECT_SOURCE = "connect.amazonaws.com";
  /** The Region of the excluded other-Region throttling. */
  public static final String OTHER_REGION = "us-west-2";
  /** How far back the history reaches from the scenario's end (an hour less, see the generator). */
  public static final long HISTORY_DAYS = 14;

  /** Who called. ARNs in account {@link Scenario#ACCOUNT_ID}; IPs from the documentation ranges. */
  public enum Caller {
    /** The CRM integration's role (assumed by its Lambda): the heavy GetCurrentMetricData / DescribeUser caller. */
    CRM_ROLE("AssumedRole", "arn:aws:iam::123456789012:role/CrmIntegrationRole", "crm-sync",
        "aws-sdk-java/2.25.0 Linux/5.10 OpenJDK_64-Bit_Server_VM/17.0.9 Java/17.0.9 exec-env/AWS_Lambda_java17 "
            + "CrmConnector/3.2", "198.51.100.23"),
    /** An administrator's IAM user with the AWS CLI: ListUsers, SearchContacts, ListInstances. */
    ADMIN_USER("IAMUser", "arn:aws:iam::123456789012:user/ops-admin", null,
        "aws-cli/2.15.0 Python/3.11.6 Linux/6.1.0 exe/x86_64 prompt/off", "203.0.113.10"),
    /** A reporting job's role: background reads, never throttled. */
    REPORTING_ROLE("AssumedRole", "arn:aws:iam::123456789012:role/ConnectReportingRole", "reporting",
        "Boto3/1.34.0 md/Botocore#1.34.0 ua/2.0 os/linux#5.10 lang/python#3.12.1 exec-env/AWS_Lambda_python3.12",
        "192.0.2.44"),
    /** A custom agent desktop's backend role: contact attributes, never throttled. */
    AGENT_DESKTOP_ROLE("AssumedRole", "arn:aws:iam::123456789012:role/AgentDesktopRole", "desktop",
        "aws-sdk-js/3.540.0 ua/2.0 os/linux#5.10 lang/js md/nodejs#20.11.1 exec-env/AWS_Lambda_nodejs20.x",
        "192.0.2.45"),
    /** The deployment pipeline's IAM user: flow and routing reads, never throttled. */
    CI_USER("IAMUser", "arn:aws:iam::123456789012:user/ci-deployer", null,
        "aws-sdk-go-v2/1.24.0 os/linux lang/go#1.21.5 md/GOARCH#amd64 APN/1.0 HashiCorp/1.0 Terraform/1.7.0",
        "198.51.100.77");

    private final String type;
    private final String arn;
    private final String sessionPrefix;
    private final String userAgent;
    private final String sourceIp;

    Caller(String type, String arn, String sessionPrefix, String userAgent, String sourceIp) {
      this.type = type;
      this.arn = arn;
      this.sessionPrefix = sessionPrefix;
      this.userAgent = userAgent;
      this.sourceIp = sourceIp;
    }

    /** userIdentity.type. */
    public String type() {
      return type;
    }

    /** The role (the session issuer) or user ARN: the caller the analyzer reports. */
    public String arn() {
      return arn;
    }

    /** The role session names are this plus "-" and a digit; null for users. */
    public String sessionPrefix() {
      return sessionPrefix;
    }

    public String userAgent() {
      return userAgent;
    }

    public String sourceIp() {
      return sourceIp;
    }
  }

  /** Where an event's request parameters point. */
  public enum Target {
    /** InstanceId is this instance's id (GetCurrentMetricData: its ARN every fourth event). */
    THIS_INSTANCE,
    /** InstanceId is another instance of the account. */
    OTHER_INSTANCE,
    /** No instance named: an account-level call. */
    NONE
  }

  /**
   * The kinds of event, the plants with their exact counts (every size, every seed), then the
   * background that fills the rest of the history.
   */
  public enum Kind {
    GCMD_THROTTLED(CONNECT_SOURCE, "GetCurrentMetricData", Caller.CRM_ROLE, null, Target.THIS_INSTANCE,
        "TooManyRequestsException", 120),
    GCMD_OK(CONNECT_SOURCE, "GetCurrentMetricData", Caller.CRM_ROLE, null, Target.THIS_INSTANCE, null, 80),
    DESCRIBE_USER_THROTTLED(CONNECT_SOURCE, "DescribeUser", Caller.CRM_ROLE, null, Target.THIS_INSTANCE,
        "ThrottlingException", 12),
    DESCRIBE_USER_NOT_FOUND(CONNECT_SOURCE, "DescribeUser", Caller.CRM_ROLE, null, Target.THIS_INSTANCE,
        "ResourceNotFoundException", 5),
    DESCRIBE_USER_OK(CONNECT_SOURCE, "DescribeUser", Caller.CRM_ROLE, null, Target.THIS_INSTANCE, null, 283),
    OUTBOUND_THROTTLED(CONNECT_SOURCE, "StartOutboundVoiceContact", Caller.CRM_ROLE, null, Target.THIS_INSTANCE,
        "TooManyRequestsException", 5),
    OUTBOUND_OK(CONNECT_SOURCE, "StartOutboundVoiceContact", Caller.CRM_ROLE, null, Target.THIS_INSTANCE, null, 55),
    LIST_USERS_THROTTLED(CONNECT_SOURCE, "ListUsers", Caller.ADMIN_USER, null, Target.THIS_INSTANCE,
        "TooManyRequestsException", 25),
    LIST_USERS_OK(CONNECT_SOURCE, "ListUsers", Caller.ADMIN_USER, null, Target.THIS_INSTANCE, null, 75),
    SEARCH_CONTACTS_THROTTLED(CONNECT_SOURCE, "SearchContacts", Caller.ADMIN_USER, null, Target.THIS_INSTANCE,
        "TooManyRequestsException", 3),
    SEARCH_CONTACTS_DENIED(CONNECT_SOURCE, "SearchContacts", Caller.ADMIN_USER, null, Target.THIS_INSTANCE,
        "AccessDeniedException", 2),
    SEARCH_CONTACTS_OK(CONNECT_SOURCE, "SearchContacts", Caller.ADMIN_USER, null, Target.THIS_INSTANCE, null, 75),
    LIST_INSTANCES_THROTTLED(CONNECT_SOURCE, "ListInstances", Caller.ADMIN_USER, null, Target.NONE,
        "TooManyRequestsException", 2),
    LIST_INSTANCES_OK(CONNECT_SOURCE, "ListInstances", Caller.ADMIN_USER, null, Target.NONE, null, 48),
    OTHER_REGION_THROTTLED(CONNECT_SOURCE, "GetCurrentMetricData", Caller.CRM_ROLE, OTHER_REGION,
        Target.THIS_INSTANCE, "TooManyRequestsException", 40),
    OTHER_INSTANCE_THROTTLED(CONNECT_SOURCE, "DescribeUser", Caller.CRM_ROLE, null, Target.OTHER_INSTANCE,
        "TooManyRequestsException", 20),
    OTHER_INSTANCE_OK(CONNECT_SOURCE, "DescribeUser", Caller.CRM_ROLE, null, Target.OTHER_INSTANCE, null, 30),
    /** IAM's own ListUsers, throttled: not a Connect event, so LookupEvents on Connect's source leaves it out. */
    IAM_LIST_USERS_THROTTLED("iam.amazonaws.com", "ListUsers", Caller.ADMIN_USER, null, Target.NONE,
        "Throttling", 10),
    /** Everything else: reads and contact-attribute updates of the background callers, never failing. */
    BACKGROUND(CONNECT_SOURCE, null, null, null, Target.THIS_INSTANCE, null, 0);

    private final String eventSource;
    private final String eventName;
    private final Caller caller;
    private final String region;
    private final Target target;
    private final String errorCode;
    private final int count;

    Kind(String eventSource, String eventName, Caller caller, String region, Target target, String errorCode,
        int count) {
      this.eventSource = eventSource;
      this.eventName = eventName;
      this.caller = caller;
      this.region = region;
      this.target = target;
      this.errorCode = errorCode;
      this.count = count;
    }

    public String eventSource() {
      return eventSource;
    }

    /** The API; null for BACKGROUND (chosen per event). */
    public String eventName() {
      return eventName;
    }

    public Caller caller() {
      return caller;
    }

    /** awsRegion; null for the instance's Region. */
    public String region() {
      return region;
    }

    public Target target() {
      return target;
    }

    public String errorCode() {
      return errorCode;
    }

    /** Events of this kind in every size (BACKGROUND: the rest, {@link #connectEvents(SandboxSize)} − plants). */
    public int count() {
      return count;
    }

    public boolean isThrottled() {
      return "TooManyRequestsException".equals(errorCode) || "ThrottlingException".equals(errorCode)
          || "Throttling".equals(errorCode);
    }
  }

  private final Kind[] kinds;
  private final Instant[] times;
  private final Instant end;
  private final long seed;
  private final String otherInstanceId;

  /** @param end the scenario's end to the second, from which {@code times} count back */
  CloudTrailDomain(Kind[] kinds, Instant[] times, Instant end, long seed, String otherInstanceId) {
    this.kinds = kinds;
    this.times = times;
    this.end = end;
    this.seed = seed;
    this.otherInstanceId = otherInstanceId;
  }

  public static CloudTrailDomain of(Scenario scenario) {
    return scenario.domain(CloudTrailDomain.class);
  }

  /** Connect events in the history: 1,000 (small, 20 pages of 50) or 50,000 (large and huge). */
  public static int connectEvents(SandboxSize size) {
    return size == SandboxSize.SMALL ? 1_000 : 50_000;
  }

  /** Events in the history, every source: Connect's and the IAM plant. */
  public int size() {
    return kinds.length;
  }

  public Kind kind(int index) {
    return kinds[index];
  }

  /** Event {@code index}'s time; index 0 is the newest, times strictly decrease. */
  public Instant time(int index) {
    return times[index];
  }

  /** The account's other instance, which the excluded other-instance events name. */
  public String otherInstanceId() {
    return otherInstanceId;
  }

  long seed() {
    return seed;
  }

  /** How many events of each kind the history holds. */
  public Map<Kind, Integer> counts() {
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    for (Kind k : kinds) {
      counts.merge(k, 1, Integer::sum);
    }
    return counts;
  }

  /**
   * Every customer-side value the request parameters carry (destination and callback numbers,
   * attribute values): none of them may reach the store, the logs or the report.
   */
  public List<String> plantedCustomerData() {
    List<String> values = new ArrayList<>();
    values.addAll(CloudTrailRecords.DESTINATION_NUMBERS);
    values.addAll(CloudTrailRecords.CALLBACK_NUMBERS);
    values.addAll(CloudTrailRecords.CUSTOMER_NAMES);
    values.addAll(CloudTrailRecords.ACCOUNT_NUMBERS);
    return List.copyOf(values);
  }

  @Override
  public void register(OperationRegistry registry, Scenario scenario, Pager pager) {
    new CloudTrailApi(this, new CloudTrailRecords(this, scenario), pager).register(registry);
  }

  @Override
  public void writeJson(JsonGenerator g) throws IOException {
    g.writeFieldName("cloudTrailEvents");
    g.writeStartObject();
    g.writeNumberField("size", kinds.length);
    g.writeStringField("otherInstanceId", otherInstanceId);
    g.writeArrayFieldStart("events");
    for (int i = 0; i < kinds.length; i++) {
      g.writeStartArray();
      g.writeString(kinds[i].name());
      // Seconds before the scenario's end: the dump is a function of the seed and size alone.
      g.writeNumber(java.time.Duration.between(times[i], end).getSeconds());
      g.writeEndArray();
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
