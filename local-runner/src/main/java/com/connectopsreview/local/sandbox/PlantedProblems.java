package com.connectopsreview.local.sandbox;

import com.connectopsreview.local.sandbox.capacity.MetricSeries;
import com.connectopsreview.local.sandbox.capacity.SandboxQuotas;
import com.connectopsreview.local.sandbox.flows.FlowsDomain;
import com.connectopsreview.local.sandbox.telephony.TelephonyDomain;
import com.connectopsreview.shared.model.Severity;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the sandbox scenario plants, per analyzer component, and the finding each plant must
 * trigger; also what is deliberately correct, whose problem finding must not appear. The same lists
 * are documented in {@code docs/sandbox.md} (a test keeps both in step), and end-to-end tests read
 * them from here instead of repeating them.
 *
 * <p>The instance configuration is the same for every seed and size, so these hold for all of them.
 */
public final class PlantedProblems {

  /**
   * One expectation.
   *
   * @param checkId the finding's checkId (docs/checks.md)
   * @param severity the severity every finding of that checkId must have; null for one that must not appear
   * @param where what in the scenario causes it
   */
  public record Check(String checkId, Severity severity, String where) {

    /** A finding that must not appear. */
    static Check absent(String checkId, String why) {
      return new Check(checkId, null, why);
    }
  }

  /**
   * @param planted problems that must be reported
   * @param passes PASS findings that must be reported (the correct configurations were evaluated)
   * @param absent findings that must not be reported (the scenario is deliberately correct there)
   */
  public record Expectations(String component, List<Check> planted, List<Check> passes, List<Check> absent) {

    public Expectations {
      planted = List.copyOf(planted);
      passes = List.copyOf(passes);
      absent = List.copyOf(absent);
    }

    /** Every checkId that must appear: planted problems and expected passes. */
    public Set<String> expectedCheckIds() {
      Set<String> ids = new LinkedHashSet<>();
      Stream.concat(planted.stream(), passes.stream()).forEach(c -> ids.add(c.checkId()));
      return ids;
    }

    /** The severity each planted problem and expected pass must be reported with, by checkId. */
    public Map<String, Severity> expectedSeverities() {
      Map<String, Severity> severities = new LinkedHashMap<>();
      Stream.concat(planted.stream(), passes.stream()).forEach(c -> severities.put(c.checkId(), c.severity()));
      return severities;
    }

    /** Every checkId that must not appear. */
    public Set<String> unexpectedCheckIds() {
      Set<String> ids = new LinkedHashSet<>();
      absent.forEach(c -> ids.add(c.checkId()));
      return ids;
    }
  }

  private PlantedProblems() {}

  /** The {@code instance} component. */
  public static Expectations instance() {
    return new Expectations("instance",
        List.of(
            new Check("INSTANCE.IDENTITY.NOT_SAML", Severity.HIGH, "IdentityManagementType CONNECT_MANAGED"),
            new Check("INSTANCE.REPLICATION.NONE", Severity.INFO, "DescribeInstance has no ReplicationConfiguration"),
            new Check("INSTANCE.CALLS.DISABLED", Severity.INFO, "OutboundCallsEnabled false (inbound on)"),
            new Check("INSTANCE.FLOW_LOGS.DISABLED", Severity.MEDIUM, "attribute CONTACTFLOW_LOGS = false"),
            new Check("INSTANCE.S3_ENCRYPTION.NONE", Severity.HIGH, "SCHEDULED_REPORTS in S3 without EncryptionConfig"),
            new Check("INSTANCE.S3_ENCRYPTION.AWS_MANAGED", Severity.LOW, "CHAT_TRANSCRIPTS in S3 with alias/aws/connect"),
            new Check("INSTANCE.STREAM_ENCRYPTION.KDS_NONE", Severity.HIGH,
                "AGENT_EVENTS to Kinesis data stream <alias>-agent-events, EncryptionType NONE"),
            new Check("INSTANCE.KVS_RETENTION.ZERO", Severity.MEDIUM, "MEDIA_STREAMS to Kinesis Video Streams with RetentionPeriodHours 0"),
            new Check("INSTANCE.KEY_ROTATION.DISABLED", Severity.MEDIUM,
                "the streams' CMK (<alias>-contact-lens, Firehose <alias>-ctr): KeyRotationEnabled false"),
            new Check("INSTANCE.STREAM_RETENTION.EXTENDED", Severity.INFO,
                "Kinesis <alias>-contact-lens: RetentionPeriodHours 168"),
            new Check("INSTANCE.STREAM_ALARMS.ITERATOR_AGE_MISSING", Severity.MEDIUM,
                "Kinesis <alias>-contact-lens: no alarm on GetRecords.IteratorAgeMilliseconds"),
            new Check("INSTANCE.STREAM_ALARMS.INCOMPLETE", Severity.LOW,
                "both Kinesis streams: none of the other five recommended alarms")),
        List.of(
            new Check("INSTANCE.CONTACT_LENS.ENABLED", Severity.PASS, "attribute CONTACT_LENS = true"),
            new Check("INSTANCE.S3_ENCRYPTION.CMK", Severity.PASS,
                "CALL_RECORDINGS, ATTACHMENTS, CONTACT_EVALUATIONS, SCREEN_RECORDINGS in S3 with a customer managed key"),
            new Check("INSTANCE.STREAM_ENCRYPTION.ENCRYPTED", Severity.PASS,
                "MEDIA_STREAMS KVS with a CMK; Kinesis <alias>-contact-lens (KMS); Firehose <alias>-ctr (CUSTOMER_MANAGED_CMK, ENABLED)"),
            new Check("INSTANCE.KEY_ROTATION.ENABLED", Severity.PASS,
                "the storage CMK (S3 configs, MEDIA_STREAMS): rotation on, RotationPeriodInDays 365"),
            new Check("INSTANCE.STREAM_RETENTION.DEFAULT", Severity.PASS,
                "Kinesis <alias>-agent-events: RetentionPeriodHours 24"),
            new Check("INSTANCE.STREAM_ALARMS.ITERATOR_AGE_PRESENT", Severity.PASS,
                "Kinesis <alias>-agent-events: an iterator-age alarm (OK, with an action)")),
        List.of(
            Check.absent("INSTANCE.IDENTITY.SAML", "identity is CONNECT_MANAGED"),
            Check.absent("INSTANCE.REPLICATION.CONFIGURED", "no replica"),
            Check.absent("INSTANCE.REPLICATION.UNHEALTHY", "no replica"),
            Check.absent("INSTANCE.CALLS.ENABLED", "outbound calling is off"),
            Check.absent("INSTANCE.FLOW_LOGS.ENABLED", "flow logs are off"),
            Check.absent("INSTANCE.CONTACT_LENS.DISABLED", "Contact Lens is on"),
            Check.absent("INSTANCE.S3_ENCRYPTION.NO_CONFIGS", "seven resource types are stored in S3"),
            Check.absent("INSTANCE.STREAM_ENCRYPTION.KVS_NONE", "the KVS config is encrypted (CMK)"),
            Check.absent("INSTANCE.STREAM_ENCRYPTION.FIREHOSE_NONE", "the Firehose stream is KMS-encrypted"),
            Check.absent("INSTANCE.STREAM_ENCRYPTION.UNVERIFIED", "every stream can be described"),
            Check.absent("INSTANCE.STREAM_ENCRYPTION.NO_STREAMS", "three streaming destinations are configured"),
            Check.absent("INSTANCE.STREAM_DESTINATION.NOT_FOUND", "every stream the configs name exists"),
            Check.absent("INSTANCE.STORAGE.TYPES_UNSUPPORTED", "every storage resource type is answered"),
            Check.absent("INSTANCE.KEY_ROTATION.NOT_APPLICABLE", "both CMKs are symmetric with AWS_KMS key material"),
            Check.absent("INSTANCE.KMS_KEY.UNUSABLE", "both CMKs are Enabled"),
            Check.absent("INSTANCE.STREAM_ALARMS.COMPLETE", "no stream has all six recommended alarms"),
            Check.absent("INSTANCE.STREAM_ALARMS.NO_ACTIONS", "the one Kinesis alarm has an action"),
            Check.absent("INSTANCE.STREAM_ALARMS.IN_ALARM", "the one Kinesis alarm is OK")));
  }

  /**
   * The {@code quota} component: Service Quotas values ({@link SandboxQuotas}) against the usage
   * counts and the concurrency series; checkIds and severities as in docs/checks.md, section "quota".
   */
  public static Expectations quota() {
    return new Expectations("quota",
        List.of(
            new Check("QUOTA.USERS.NEAR_LIMIT", Severity.MEDIUM,
                "Users per instance L-9A46857E: small 40 of 47 (85.1 %), large 10,000 of 11,765 (85.0 %)"),
            new Check("QUOTA.QUEUES.CRITICAL", Severity.CRITICAL,
                "Queues per instance L-19A87C94, STANDARD queues: small 99 of 100 (99.0 %), large 200 of 202 (99.0 %)"),
            new Check("QUOTA.PROFICIENCIES_PER_AGENT.NOT_MEASURED", Severity.INFO,
                "Proficiencies per agent L-50375162: limit 50, no API counts its usage"),
            new Check("QUOTA.OTHER_QUOTAS.NOT_MEASURED", Severity.INFO,
                "data tables, email addresses, notifications, queues per routing profile, workspaces, concurrent "
                    + "campaign calls: listed by Service Quotas, outside the analyzer's catalog"),
            new Check("QUOTA.API_RATE.CUSTOM", Severity.INFO,
                "Rate of StartOutboundVoiceContact API requests: applied 10, AWS default 2"),
            new Check("QUOTA.CONCURRENT_CALLS.GROWTH", Severity.HIGH,
                "ConcurrentCalls flat to day -7, then rising to 1.6x by day -1 (second half about 30 % above the first)")),
        List.of(
            new Check("QUOTA.CONCURRENT_CALLS.WITHIN_LIMIT", Severity.PASS,
                "ConcurrentCalls peak exactly 70 % of L-12AB7C57: small 70 of 100, large 700 of 1,000")),
        List.of(
            Check.absent("QUOTA.CONCURRENT_CALLS.NEAR_LIMIT", "the ConcurrentCalls peak is 70 %, below 80 %"),
            Check.absent("QUOTA.USERS.CRITICAL", "users are at 85 %, below 98 %"),
            Check.absent("QUOTA.CONTACT_FLOWS.NEAR_LIMIT", "every other measured quota is at most 50 % used"),
            Check.absent("QUOTA.CONCURRENT_CHATS.GROWTH", "chats keep one level: day-to-day noise is no trend"),
            Check.absent("QUOTA.CONCURRENT_TASKS.GROWTH", "tasks keep one level"),
            Check.absent("QUOTA.CONCURRENT_EMAILS.GROWTH", "emails keep one level")));
  }

  /**
   * The {@code metrics} component: CloudWatch series of {@link MetricSeries}; checkIds and
   * severities as in docs/checks.md, section "metrics".
   */
  public static Expectations metrics() {
    return new Expectations("metrics",
        List.of(
            new Check("METRICS.MISSED_CALLS.SPIKE", Severity.MEDIUM,
                "MissedCalls on day -5 about 10x the median daily total (extra calls between 12:00 and 16:00 UTC)"),
            new Check("METRICS.THROTTLED_CALLS.MODERATE", Severity.MEDIUM,
                "ThrottledCalls 37 in 14 days: bursts on day -2 17:00 (10), day -6 18:30 (15), day -11 16:15 (12)"),
            new Check("METRICS.QUEUE_SIZE.HOT_QUEUE", Severity.MEDIUM,
                "one STANDARD queue (MetricSeries.hotQueueName(), chosen by seed) with QueueSize up to about 48, "
                    + "others at most 3")),
        List.of(),
        List.of(
            Check.absent("METRICS.THROTTLED_CALLS.HIGH", "37 throttled calls is the moderate band (10-99)"),
            Check.absent("METRICS.THROTTLED_CALLS.NONE", "there are throttled calls")));
  }

  /**
   * The {@code phone} component: ListPhoneNumbersV2, DescribePhoneNumber and Pinpoint's
   * PhoneNumberValidate over {@link TelephonyDomain#phoneNumbers()}; checkIds and severities as in
   * docs/checks.md, section phone. Which numbers carry which plant is in code too
   * ({@link TelephonyDomain#unusedPhoneNumbers()}, {@link TelephonyDomain#phoneNumbersWithStatus(String)},
   * {@link TelephonyDomain.PhoneNumber#carrier()}).
   */
  public static Expectations phone() {
    return new Expectations("phone",
        List.of(
            new Check("PHONE.CARRIER.SINGLE_IN_COUNTRY", Severity.MEDIUM,
                "every US DID on one carrier, Northwind Telecom (small 8, large 700); one finding, for US"),
            new Check("PHONE.NUMBER.UNUSED", Severity.LOW,
                "every sixth number (index % 6 == 4) is answered by no flow: small 2, large 166, one finding each"),
            new Check("PHONE.NUMBER.FAILED", Severity.HIGH, "number index 7 (a US DID): PhoneNumberStatus FAILED"),
            new Check("PHONE.NUMBER.IN_PROGRESS", Severity.LOW,
                "number index 3 (a US DID): PhoneNumberStatus IN_PROGRESS"),
            new Check("PHONE.TOLL_FREE.FEWER_THAN_DID", Severity.MEDIUM,
                "toll-free 3 of 12 (small), 200 of 1,000 (large): fewer than the DIDs"),
            new Check("PHONE.SMS.NO_SHORT_CODE", Severity.INFO, "no short code among more than 5 numbers"),
            new Check("PHONE.INVENTORY.SUMMARY", Severity.INFO, "always: counts, shares, carriers, countries")),
        List.of(),
        List.of(
            Check.absent("PHONE.CARRIER.SINGLE", "three carriers in small (US DID, US toll-free, UK), four in large"),
            Check.absent("PHONE.NUMBERS.NONE", "the instance has numbers"),
            Check.absent("PHONE.TOLL_FREE.NONE", "there are toll-free numbers"),
            Check.absent("PHONE.TOLL_FREE.HIGH_SHARE", "toll-free is 25 % (small) or 20 % (large), not above 70 %"),
            Check.absent("PHONE.MIX.COST_REVIEW", "fewer toll-free numbers than DIDs")));
  }

  /**
   * The {@code flow} component: SearchContactFlows / SearchContactFlowModules content (or
   * DescribeContactFlow / DescribeContactFlowModule) and the instance's CONTACTFLOW_LOGS attribute
   * ({@code false}); checkIds and severities as in docs/checks.md, section flow.
   * Each lint checkId is planted in exactly one named flow ({@link FlowsDomain#lintPlants()}), one
   * offending action each; every other flow and module is lint-clean.
   */
  public static Expectations flow() {
    return new Expectations("flow",
        List.of(
            new Check("FLOW.LOGGING.MISSING", Severity.MEDIUM,
                "the 9 default flows and every fifth generated flow never set logging; CONTACTFLOW_LOGS is false"),
            new Check("FLOW.LOGGING.SUMMARY", Severity.INFO, "always: compliance percentage, flows by type"),
            new Check("FLOW.LINT.NO_ERROR_BRANCH", Severity.MEDIUM,
                "flow \"Planted lint: order lookup without error branch\": InvokeLambdaFunction without Errors"),
            new Check("FLOW.LINT.UNREACHABLE", Severity.LOW,
                "flow \"Planted lint: orphaned survey prompt\": a MessageParticipant nothing leads to"),
            new Check("FLOW.LINT.LAMBDA_TIMEOUT", Severity.MEDIUM,
                "flow \"Planted lint: CRM lookup with a 30 s Lambda timeout\": InvocationTimeLimitSeconds 30"),
            new Check("FLOW.LINT.HARDCODED_PHONE", Severity.LOW,
                "flow \"Planted lint: transfer to a hard-coded number\": ThirdPartyPhoneNumber +12025550143"),
            new Check("FLOW.LINT.LOGGING_NOT_REENABLED", Severity.MEDIUM,
                "flow \"Planted lint: payment input leaves logging off\": Disabled before a card input, never Enabled again")),
        List.of(),
        List.of(
            Check.absent("FLOW.LOGGING.COMPLIANT", "not every flow logs"),
            Check.absent("FLOW.FLOWS.NONE", "the instance has flows"),
            Check.absent("FLOW.CONTENT.UNPARSABLE", "every flow and module is valid Flow Language")));
  }

  /**
   * The {@code cloudtrail} component: LookupEvents over the event history of
   * {@code cloudtrail.CloudTrailDomain} (its {@code Kind} enum holds the exact counts, the same in every
   * size); checkIds and severities as in docs/checks.md, section cloudtrail.
   */
  public static Expectations cloudtrail() {
    return new Expectations("cloudtrail",
        List.of(
            new Check("CLOUDTRAIL.API_THROTTLED.HIGH", Severity.HIGH,
                "GetCurrentMetricData 120 of 200 (60.0 %) and StartOutboundVoiceContact 5 of 60 (8.3 %) by "
                    + "CrmIntegrationRole, ListUsers 25 of 100 (25.0 %) by ops-admin"),
            new Check("CLOUDTRAIL.API_THROTTLED.MEDIUM", Severity.MEDIUM,
                "DescribeUser 12 of 300 (4.0 %, ThrottlingException) by CrmIntegrationRole; its 20 throttles "
                    + "naming another instance are excluded"),
            new Check("CLOUDTRAIL.API_THROTTLED.LOW", Severity.LOW,
                "SearchContacts 3 of 80 (3.8 %) and ListInstances 2 of 50 (4.0 %, account level) by ops-admin"),
            new Check("CLOUDTRAIL.THROTTLING.CALLERS", Severity.INFO,
                "CrmIntegrationRole 137 throttled calls, then ops-admin 30"),
            new Check("CLOUDTRAIL.EVENTS.SUMMARY", Severity.INFO,
                "167 of 910 (small) or 49,910 (large) calls in scope throttled; 40 other-Region and 50 "
                    + "other-instance events excluded")),
        List.of(),
        List.of(
            Check.absent("CLOUDTRAIL.THROTTLING.NONE", "there is throttling"),
            Check.absent("CLOUDTRAIL.THROTTLING.NONE_SO_FAR", "there is throttling")));
  }

  /**
   * The {@code logs} component: the flow-log records, log groups and metric alarms of
   * {@code observability.ObservabilityDomain} (its {@code flowErrors()} holds the exact counts);
   * checkIds and severities as in docs/checks.md, section logs, for a review window of 7 to 14 days
   * ending at the sandbox's start (every error record is in its last 7 days).
   */
  public static Expectations logs() {
    return new Expectations("logs",
        List.of(
            new Check("LOGS.FLOW_ERRORS.HIGH_VOLUME", Severity.HIGH,
                "flow 9 (\"Planted lint: order lookup without error branch\"): 150 Lambda failures (120 \"The Lambda "
                    + "Function Returned An Error.\", 30 AccessDeniedException), 10.71 a day over 14 days"),
            new Check("LOGS.FLOW_ERRORS.RECURRING", Severity.MEDIUM,
                "flow 11 (\"Planted lint: CRM lookup with a 30 s Lambda timeout\"): 28 Lambda timeouts; flow 14: 10 "
                    + "Lex failures and 12 NoMatchingCondition of Get customer input"),
            new Check("LOGS.FLOW_ERRORS.SPORADIC", Severity.LOW,
                "flow 16: 4 \"Prompt not found\" and 2 failed Set contact attributes; flow 18: 5 input timeouts; "
                    + "large: every 40th inbound flow from 20 that logs, 2 Lambda failures each"),
            new Check("LOGS.FLOW_ERRORS.SUMMARY", Severity.INFO,
                "always when there are errors: 211 error records in 5 flows (small), every category"),
            new Check("LOGS.ALARMS.MISSING", Severity.MEDIUM,
                "6 of the 15 recommended Connect alarms exist (coverage 40.0 %); the chat and task ones among the 9 "
                    + "missing"),
            new Check("LOGS.ALARMS.IN_ALARM", Severity.HIGH, "<alias>-throttled-calls (ThrottledCalls) in ALARM"),
            new Check("LOGS.ALARMS.NO_ACTIONS", Severity.LOW,
                "<alias>-contact-flow-errors (ContactFlowErrors) has no AlarmActions"),
            new Check("LOGS.ALARMS.SUMMARY", Severity.INFO, "always: coverage, in ALARM, without actions"),
            new Check("LOGS.RETENTION.NONE", Severity.LOW,
                "/aws/connect/<alias>, the flow-log group, never expires (the other groups keep 30 or 90 days)")),
        List.of(),
        List.of(
            Check.absent("LOGS.FLOW_ERRORS.NONE", "the flow-log group has error records"),
            Check.absent("LOGS.FLOW_LOGS.NOT_FOUND", "no group is configured"),
            Check.absent("LOGS.FLOW_LOGS.NO_LOG_GROUP", "/aws/connect/<alias> exists"),
            Check.absent("LOGS.ALARMS.COMPLETE", "9 recommended alarms are missing"),
            Check.absent("LOGS.RETENTION.SET", "the flow-log group has no retention"),
            Check.absent("LOGS.RETENTION.NO_GROUPS", "there are groups under /aws/connect/")));
  }

  /**
   * The {@code athena} component over the sandbox's data lake ({@code datalake.DataLakeDomain}: its
   * tables, grants and contact rows; {@code plantedQueue(...)} names the KPI queues), with the database
   * {@code connect_analytics_consumer} the CLI's --sandbox review configures and the analyzer's default
   * thresholds, for any review window of 7 to 30 days ending at the sandbox's start; checkIds and
   * severities as in docs/checks.md, section athena.
   */
  public static Expectations athena() {
    return new Expectations("athena",
        List.of(
            new Check("ATHENA.RESOURCE_LINK.NO_STORAGE_DESCRIPTOR", Severity.HIGH,
                "agent_queue_statistic_record_link: GetTable on its target answers no StorageDescriptor"),
            new Check("ATHENA.LAKE_FORMATION.DENIED", Severity.HIGH,
                "contact_evaluation_record_link: GetTable on its target is Lake Formation's AccessDeniedException; "
                    + "ListPermissions answers no grant"),
            new Check("ATHENA.RESULTS_BUCKET.NO_LIFECYCLE", Severity.LOW,
                "connect-ops-review-athena-results-123456789012: NoSuchLifecycleConfiguration"),
            new Check("ATHENA.KPI.ABANDONMENT_HIGH", Severity.HIGH,
                "the abandonment queue: about 20 % abandoned after 10 s or more (above twice the 8 % threshold)"),
            new Check("ATHENA.KPI.SERVICE_LEVEL_LOW", Severity.HIGH,
                "the service-level queue (about 47 % within 20 s) and the understaffed abandonment queue (about 52 %)"),
            new Check("ATHENA.KPI.TRANSFER_RATE_HIGH", Severity.LOW, "the transfer queue: about 35 % transferred")),
        List.of(new Check("ATHENA.WORKGROUP.READY", Severity.PASS,
            "primary: ENABLED, OutputLocation set, SSE_S3, EnforceWorkGroupConfiguration")),
        List.of(
            Check.absent("ATHENA.WORKGROUP.DISABLED", "primary is ENABLED"),
            Check.absent("ATHENA.WORKGROUP.NO_RESULT_LOCATION", "primary has an OutputLocation"),
            Check.absent("ATHENA.WORKGROUP.RESULTS_NOT_ENCRYPTED", "primary encrypts with SSE_S3"),
            Check.absent("ATHENA.DATABASE.NOT_FOUND", "connect_analytics_consumer exists"),
            Check.absent("ATHENA.RESOURCE_LINK.TARGET_NOT_FOUND", "every link's target exists"),
            Check.absent("ATHENA.TABLES.MISSING", "contact_record and contact_flow_events are linked"),
            Check.absent("ATHENA.TABLES.READY", "one link is broken and one table denied"),
            Check.absent("ATHENA.QUERY.FAILED", "every KPI query succeeds (without --athena-query-fault)"),
            Check.absent("ATHENA.QUERY.TIMED_OUT", "every KPI query ends within a second"),
            Check.absent("ATHENA.KPI.WITHIN_THRESHOLDS", "three queues cross a threshold")));
  }

  /**
   * A hostile text planted in a name that operators choose and the report shows.
   *
   * @param text what the scenario serves
   * @param where the entity whose name carries it
   */
  public record HostileText(String text, String where) {

    /** The text as docs/sandbox.md writes it: bidirectional controls as {@code U+202E}. */
    public String documented() {
      StringBuilder out = new StringBuilder();
      text.codePoints().forEach(c -> out.append(Character.getType(c) == Character.FORMAT
          ? String.format(Locale.ROOT, "U+%04X", c) : Character.toString(c)));
      return out.toString();
    }
  }

  /**
   * Hostile texts in one metric alarm's name ({@link #hostileAlarmName}): the report must show each as
   * inert text, never run it, link it or let it reorder what follows. Same for every seed and size.
   */
  public static List<HostileText> hostileTexts() {
    String where = "metric alarm <alias>-queue-wait … (LongestQueueWaitTime, not recommended: listed among the "
        + "instance's other alarms)";
    return List.of(
        new HostileText("<script>window.__pwned=1</script>", where),
        new HostileText("\"><img src=x onerror=window.__pwned=1>", where),
        new HostileText("javascript:alert(1)", where),
        new HostileText("\u202Etxt.exe", where));
  }

  /** The planted alarm's name: the alias, then every hostile text. */
  public static String hostileAlarmName(String alias) {
    return alias + "-queue-wait " + String.join(" ", hostileTexts().stream().map(HostileText::text).toList());
  }
}
