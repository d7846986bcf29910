package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.connectopsreview.local.sandbox.server.Dispatcher;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.local.sandbox.server.WireRequest;
import com.connectopsreview.local.sandbox.server.WireResponse;
import com.connectopsreview.shared.json.Json;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The scenario as served, byte for byte: every list (each page, with its tokens), every describe of
 * every entity, each service's error answers, for the small and the large scenario. The hashes were
 * taken from the sandbox before it was organized by domain; a refactoring of the sandbox must keep
 * them. On a mismatch the transcript is in {@code target/sandbox-fingerprint/} for a diff.
 *
 * <p>Request ids are random and masked. The instance's tags are a {@code Map.of}, whose iteration
 * order changes from one JVM run to the next, so they are compared sorted. The "it serves: ..." list
 * of an unrouted request's message is compared as a set (the order in which operations are
 * registered is not part of the contract).
 *
 * <p>Domains added after the split (KMS keys, CloudTrail events, flow logs and alarms, the data lake) are left out of
 * both: their dump members and their operations in that list. So the hashes still prove that adding
 * a domain changed nothing the earlier domains serve; the new domains have wire tests of their own.
 * The wire hashes were taken again when StartQuery and DescribeAlarms became served: the transcripts
 * then differed from the earlier ones only in the two unserved-operation probes renamed below.
 */
class SandboxFingerprintTest {

  private static final Instant END = Instant.parse("2025-11-20T10:17:42Z");
  private static final Pattern SERVES = Pattern.compile("it serves: ([A-Za-z0-9:, ]+)");
  /** Dump members and served operations of the domains added after the hashes were taken. */
  private static final Set<String> ADDED_MEMBERS =
      Set.of("kmsKeys", "cloudTrailEvents", "logGroups", "flowLogEvents", "metricAlarms", "dataLakeTables",
          "lakeFormationGrants", "athenaWorkgroup", "dataLakeQueues", "contactRecords", "contactFlowEvents");
  private static final List<String> ADDED_OPERATIONS =
      List.of("Kms:", "CloudTrail:", "CloudWatchLogs:", "CloudWatch:DescribeAlarms", "Glue:", "LakeFormation:",
          "Athena:", "Sts:", "S3:");
  private static final Pattern TAGS = Pattern.compile("\"(?:Tags|tags)\":\\{([^{}]*)\\}");

  private static final String SMALL_WIRE = "47de6705ad23a52b0e4d87fde37c874b25474eaca9de9e648719b91ebacf3128";
  private static final String LARGE_WIRE = "a4315814494e4176a488370b346006d377e2809ab99e1086b2cd638f4c8bf4ad";
  private static final String SMALL_DUMP = "7d202a3755411d0ed93c33c76e0fe4665d7c7fae9c899b6c22afa8362009ccd2";
  private static final String LARGE_DUMP = "ea26059fb431e1fa64f8f23745e2e84e7fec3c54229af41a1d1e40c333ac3c31";
  private static final String HUGE_DUMP = "56c7ae3eb0708a3209a7f2a7d75777d9f3e0e9d8cb5d2e9ed67a83cabe2c28ac";

  @Test
  void smallScenario_servesTheSameBytesAsBeforeTheDomainSplit() throws Exception {
    assertEquals(SMALL_WIRE, wire(SandboxSize.SMALL));
  }

  @Test
  void largeScenario_servesTheSameBytesAsBeforeTheDomainSplit() throws Exception {
    assertEquals(LARGE_WIRE, wire(SandboxSize.LARGE));
  }

  @Test
  void scenarioDumps_areTheSameAsBeforeTheDomainSplit() throws Exception {
    assertEquals(List.of(SMALL_DUMP, LARGE_DUMP, HUGE_DUMP),
        List.of(dump(SandboxSize.SMALL), dump(SandboxSize.LARGE), dump(SandboxSize.HUGE)));
  }

  /**
   * The hash of the scenario's dump, member by member in name order (the dump's member order is not
   * part of what it says), each member's value as written; the instance's tags sorted. The dump is
   * read as it is written: HUGE's is too large to hold.
   */
  private static String dump(SandboxSize size) throws Exception {
    Scenario scenario = new ScenarioGenerator(42, size, END).generate();
    PipedOutputStream written = new PipedOutputStream();
    PipedInputStream read = new PipedInputStream(written, 1 << 16);
    Thread writer = new Thread(() -> {
      try (written) {
        scenario.writeJson(written);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    writer.start();
    Map<String, String> members = new TreeMap<>();
    JsonFactory factory = Json.mapper().getFactory();
    try (JsonParser parser = factory.createParser(read)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        parser.nextToken();
        if (ADDED_MEMBERS.contains(name)) {
          parser.skipChildren();
          continue;
        }
        ByteArrayOutputStream small = new ByteArrayOutputStream();
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        boolean buffered = name.equals("instance");
        try (JsonGenerator g = factory.createGenerator(buffered ? small
            : new DigestOutputStream(OutputStream.nullOutputStream(), sha))) {
          g.copyCurrentStructure(parser);
        }
        if (buffered) {
          sha.update(sortTags(small.toString(StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        }
        members.put(name, HexFormat.of().formatHex(sha.digest()));
      }
    }
    writer.join();
    Files.createDirectories(Path.of("target", "sandbox-fingerprint"));
    Files.writeString(Path.of("target", "sandbox-fingerprint", "dump-" + size + ".txt"), members.toString());
    MessageDigest whole = MessageDigest.getInstance("SHA-256");
    whole.update(members.toString().getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(whole.digest());
  }

  /** Every tags object with its entries in sorted order. */
  static String sortTags(String text) {
    Matcher m = TAGS.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      List<String> entries = new ArrayList<>(Arrays.asList(m.group(1).split(",")));
      entries.removeIf(String::isEmpty);
      java.util.Collections.sort(entries);
      m.appendReplacement(out, Matcher.quoteReplacement(m.group().substring(0, m.start(1) - m.start())
          + String.join(",", entries) + "}"));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String wire(SandboxSize size) throws Exception {
    Transcript t = new Transcript(size, SandboxOptions.defaults(size));
    t.connect();
    t.streams();
    t.serviceQuotas();
    t.cloudWatch();
    t.pinpoint();
    t.errors();
    t.faultsAndThrottling(size);
    return t.save(size.name().toLowerCase(java.util.Locale.ROOT));
  }

  /** Requests to one dispatcher, each with its answer, as text. */
  private static final class Transcript {

    private final Dispatcher dispatcher;
    private final StringBuilder text = new StringBuilder(1 << 20);
    private final SandboxSize size;
    private String instanceId;
    private String instanceArn;
    private final Set<String> streamArns = new LinkedHashSet<>();
    private final Set<String> firehoseArns = new LinkedHashSet<>();
    private final List<String> numbers = new ArrayList<>();

    Transcript(SandboxSize size, SandboxOptions options) {
      this.size = size;
      Scenario scenario = new ScenarioGenerator(42, size, END).generate();
      this.dispatcher = new Dispatcher(scenario, OperationRegistry.standard(scenario), options);
    }

    // ---- Connect ----

    void connect() {
      JsonNode list = json(rest("POST", "/phone-number/list", Map.of(), "{}"));
      instanceId = list.path("ListPhoneNumbersSummaryList").get(0).get("InstanceId").asText();
      instanceArn = list.path("ListPhoneNumbersSummaryList").get(0).get("TargetArn").asText();
      String i = "/" + instanceId;
      rest("GET", "/instance" + i, Map.of(), null);
      rest("GET", "/instance/" + enc(instanceArn), Map.of(), null);
      restPages("/instance" + i + "/attributes", Map.of());
      restPages("/instance" + i + "/attributes", Map.of("maxResults", "3"));
      for (String type : List.of("INBOUND_CALLS", "OUTBOUND_CALLS", "CONTACTFLOW_LOGS", "CONTACT_LENS",
          "EARLY_MEDIA", "MESSAGE_STREAMING", "BOGUS")) {
        rest("GET", "/instance" + i + "/attribute/" + type, Map.of(), null);
      }
      for (String type : List.of("CHAT_TRANSCRIPTS", "CALL_RECORDINGS", "SCHEDULED_REPORTS", "MEDIA_STREAMS",
          "CONTACT_TRACE_RECORDS", "AGENT_EVENTS", "REAL_TIME_CONTACT_ANALYSIS_SEGMENTS", "ATTACHMENTS",
          "CONTACT_EVALUATIONS", "SCREEN_RECORDINGS", "REAL_TIME_CONTACT_ANALYSIS_CHAT_SEGMENTS",
          "REAL_TIME_CONTACT_ANALYSIS_VOICE_SEGMENTS", "EMAIL_MESSAGES", "BOGUS")) {
        for (JsonNode page : restPages("/instance" + i + "/storage-configs", Map.of("resourceType", type))) {
          page.path("StorageConfigs").forEach(c -> {
            if (c.has("KinesisStreamConfig")) {
              streamArns.add(c.get("KinesisStreamConfig").get("StreamArn").asText());
            }
            if (c.has("KinesisFirehoseConfig")) {
              firehoseArns.add(c.get("KinesisFirehoseConfig").get("FirehoseArn").asText());
            }
          });
        }
      }
      rest("GET", "/instance" + i + "/storage-configs", Map.of(), null);

      Map<String, Map<String, String>> lists = new LinkedHashMap<>();
      lists.put("/contact-flows-summary", Map.of());
      lists.put("/contact-flow-modules-summary", Map.of());
      lists.put("/users-summary", Map.of());
      lists.put("/queues-summary", Map.of());
      lists.put("/routing-profiles-summary", Map.of());
      lists.put("/prompts-summary", Map.of());
      lists.put("/hours-of-operations-summary", Map.of());
      lists.put("/quick-connects", Map.of());
      lists.put("/flow-associations-summary", Map.of());
      lists.put("/security-profiles-summary", Map.of());
      lists.put("/agent-status", Map.of());
      lists.put("/user-hierarchy-groups-summary", Map.of());
      lists.put("/predefined-attributes", Map.of());
      for (Map.Entry<String, Map<String, String>> e : lists.entrySet()) {
        restPages(e.getKey() + i, e.getValue());
        restPages(e.getKey() + i, Map.of("maxResults", "7"));
        rest("GET", e.getKey() + i, Map.of("maxResults", "0"), null);
        rest("GET", e.getKey() + i, Map.of("maxResults", "1001"), null);
        rest("GET", e.getKey() + i, Map.of("nextToken", "bm90LWEtdG9rZW4"), null);
        rest("GET", e.getKey() + "/unknown-instance", Map.of(), null);
      }
      restPages("/contact-flows-summary" + i, Map.of("contactFlowTypes", "CONTACT_FLOW"));
      restPages("/contact-flows-summary" + i, Map.of("contactFlowTypes", "CUSTOMER_QUEUE", "maxResults", "2"));
      restPages("/contact-flows-summary" + i, Map.of("contactFlowTypes", "NOT_A_TYPE"));
      restPages("/contact-flow-modules-summary" + i, Map.of("state", "ACTIVE"));
      restPages("/contact-flow-modules-summary" + i, Map.of("state", "ARCHIVED"));
      restPages("/contact-flow-modules-summary" + i, Map.of("state", "BROKEN"));
      restPages("/queues-summary" + i, Map.of("queueTypes", "STANDARD"));
      restPages("/queues-summary" + i, Map.of("queueTypes", "AGENT", "maxResults", "1000"));
      restPages("/quick-connects" + i, Map.of("QuickConnectTypes", "USER"));
      restPages("/agent-status" + i, Map.of("AgentStatusTypes", "CUSTOM"));
      restPages("/agent-status" + i, Map.of("AgentStatusTypes", "ROUTABLE", "maxResults", "1"));
      restPages("/flow-associations-summary" + i, Map.of("ResourceType", "VOICE_PHONE_NUMBER", "maxResults", "3"));
      restPages("/flow-associations-summary" + i, Map.of("ResourceType", "INBOUND_EMAIL"));
      restPages("/flow-associations-summary" + i, Map.of("ResourceType", "FAX"));
      for (String bots : List.of("V1", "V2")) {
        restPages("/instance" + i + "/bots", Map.of("lexVersion", bots));
        restPages("/instance" + i + "/bots", Map.of("lexVersion", bots, "maxResults", "2"));
      }
      rest("GET", "/instance" + i + "/bots", Map.of(), null);
      rest("GET", "/instance" + i + "/bots", Map.of("lexVersion", "V3"), null);
      rest("GET", "/instance" + i + "/bots", Map.of("lexVersion", "V1", "maxResults", "26"), null);
      restPages("/instance" + i + "/lambda-functions", Map.of());
      restPages("/instance" + i + "/lambda-functions", Map.of("maxResults", "2"));
      rest("GET", "/instance" + i + "/lambda-functions", Map.of("maxResults", "26"), null);
      restPages("/predefined-attributes" + i, Map.of("maxResults", "100"));
      rest("GET", "/predefined-attributes" + i, Map.of("maxResults", "101"), null);
      restPages("/instance" + i + "/integration-associations", Map.of());
      restPages("/instance" + i + "/integration-associations", Map.of("maxResults", "1"));
      restPages("/instance" + i + "/integration-associations", Map.of("integrationType", "APPLICATION"));
      restPages("/instance" + i + "/integration-associations", Map.of("integrationType", "CASES_DOMAIN"));
      restPages("/instance" + i + "/integration-associations", Map.of("integrationType", "NOPE"));
      rest("GET", "/instance" + i + "/integration-associations", Map.of("maxResults", "101"), null);
      rest("GET", "/users-summary" + i, Map.of("maxResults", "many"), null);

      List<String> flowIds = new ArrayList<>();
      List<String> flowArns = new ArrayList<>();
      for (JsonNode page : restPages("/contact-flows-summary" + i, Map.of("maxResults", "1000"))) {
        page.path("ContactFlowSummaryList").forEach(f -> {
          flowIds.add(f.get("Id").asText());
          flowArns.add(f.get("Arn").asText());
        });
      }
      flowIds.forEach(id -> rest("GET", "/contact-flows" + i + "/" + id, Map.of(), null));
      rest("GET", "/contact-flows" + i + "/" + enc(flowArns.get(3)), Map.of(), null);
      rest("GET", "/contact-flows" + i + "/not-a-flow", Map.of(), null);
      List<String> moduleArns = new ArrayList<>();
      for (JsonNode page : restPages("/contact-flow-modules-summary" + i, Map.of())) {
        page.path("ContactFlowModulesSummaryList").forEach(m -> {
          rest("GET", "/contact-flow-modules" + i + "/" + m.get("Id").asText(), Map.of(), null);
          moduleArns.add(m.get("Arn").asText());
        });
      }
      rest("GET", "/contact-flow-modules" + i + "/" + enc(moduleArns.get(0)), Map.of(), null);
      rest("GET", "/contact-flow-modules" + i + "/not-a-module", Map.of(), null);

      String in = "\"InstanceId\":\"" + instanceId + "\"";
      for (String criteria : List.of("", ",\"SearchCriteria\":{\"TypeCondition\":\"CONTACT_FLOW\"}",
          ",\"SearchCriteria\":{\"StringCondition\":{\"FieldName\":\"name\",\"Value\":\"sales\","
              + "\"ComparisonType\":\"CONTAINS\"}}",
          ",\"SearchCriteria\":{\"AndConditions\":[{\"StateCondition\":\"ACTIVE\"},{\"StatusCondition\":\"SAVED\"}]}",
          ",\"SearchCriteria\":{\"OrConditions\":[{\"TypeCondition\":\"AGENT_WHISPER\"},"
              + "{\"StringCondition\":{\"FieldName\":\"id\",\"Value\":\"" + flowIds.get(1)
              + "\",\"ComparisonType\":\"EXACT\"}}]}",
          ",\"SearchFilter\":{\"TagFilter\":{\"OrConditions\":[]}}",
          ",\"SearchCriteria\":{\"StringCondition\":{\"FieldName\":\"owner\",\"Value\":\"x\","
              + "\"ComparisonType\":\"EXACT\"}}",
          ",\"SearchCriteria\":{\"StringCondition\":{\"FieldName\":\"name\",\"Value\":\"x\","
              + "\"ComparisonType\":\"FUZZY\"}}")) {
        bodyPages("/search-contact-flows", "{" + in + criteria, ",\"MaxResults\":25}");
        bodyPages("/search-contact-flow-modules", "{" + in + criteria, "}");
      }
      rest("POST", "/search-contact-flows", Map.of(), "{" + in + ",\"MaxResults\":101}");
      rest("POST", "/search-contact-flows", Map.of(), "{\"InstanceId\":\"nope\"}");

      for (JsonNode page : bodyPages("/phone-number/list", "{\"TargetArn\":\"" + instanceArn + "\"", "}")) {
        page.path("ListPhoneNumbersSummaryList").forEach(n -> numbers.add(n.get("PhoneNumber").asText()));
      }
      for (String filter : List.of("\"InstanceId\":\"" + instanceId + "\",\"MaxResults\":5",
          "\"PhoneNumberCountryCodes\":[\"GB\"]", "\"PhoneNumberTypes\":[\"TOLL_FREE\"],\"MaxResults\":2",
          "\"PhoneNumberPrefix\":\"1201\"", "\"PhoneNumberPrefix\":\"+44\"",
          "\"PhoneNumberCountryCodes\":[\"XX\"]", "\"PhoneNumberTypes\":[\"FAX\"]",
          "\"TargetArn\":\"" + instanceArn + "\",\"InstanceId\":\"" + instanceId + "\"",
          "\"InstanceId\":\"other\"", "\"MaxResults\":0")) {
        bodyPages("/phone-number/list", "{" + filter, "}");
      }
      List<String> numberArns = new ArrayList<>();
      for (JsonNode page : bodyPages("/phone-number/list", "{", ",\"MaxResults\":1000}")) {
        page.path("ListPhoneNumbersSummaryList").forEach(n -> {
          rest("GET", "/phone-number/" + n.get("PhoneNumberId").asText(), Map.of(), null);
          numberArns.add(n.get("PhoneNumberArn").asText());
        });
      }
      rest("GET", "/phone-number/" + enc(numberArns.get(2)), Map.of(), null);
      rest("GET", "/phone-number/not-a-number", Map.of(), null);
    }

    // ---- Kinesis, Firehose ----

    void streams() {
      for (String arn : streamArns) {
        rpc("Kinesis_20131202.DescribeStreamSummary", "{\"StreamARN\":\"" + arn + "\"}", false);
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        rpc("Kinesis_20131202.DescribeStreamSummary", "{\"StreamName\":\"" + name + "\"}", false);
        rpc("Kinesis_20131202.DescribeStreamSummary", "{\"StreamName\":\"" + name + "\"}", true);
      }
      rpc("Kinesis_20131202.DescribeStreamSummary", "{\"StreamName\":\"missing\"}", false);
      rpc("Kinesis_20131202.DescribeStreamSummary", "{\"StreamARN\":\"arn:aws:kinesis:us-east-1:123456789012:"
          + "stream/missing\"}", true);
      rpc("Kinesis_20131202.DescribeStreamSummary", "{}", false);
      rpc("Kinesis_20131202.DescribeStreamSummary", "{not json", false);
      for (String arn : firehoseArns) {
        String name = arn.substring(arn.lastIndexOf('/') + 1);
        rpc("Firehose_20150804.DescribeDeliveryStream", "{\"DeliveryStreamName\":\"" + name + "\"}", false);
        rpc("Firehose_20150804.DescribeDeliveryStream", "{\"DeliveryStreamName\":\"" + name + "\",\"Limit\":0}",
            false);
      }
      rpc("Firehose_20150804.DescribeDeliveryStream", "{\"DeliveryStreamName\":\"missing\"}", false);
      rpc("Firehose_20150804.DescribeDeliveryStream", "{}", false);
    }

    // ---- Service Quotas ----

    void serviceQuotas() {
      String sq = "ServiceQuotasV20190624.";
      List<String> codes = new ArrayList<>();
      for (JsonNode page : rpcPages(sq + "ListAWSDefaultServiceQuotas", "{\"ServiceCode\":\"connect\"", "}")) {
        page.path("Quotas").forEach(q -> codes.add(q.get("QuotaCode").asText()));
      }
      rpcPages(sq + "ListAWSDefaultServiceQuotas", "{\"ServiceCode\":\"connect\"", ",\"MaxResults\":7}");
      for (String level : List.of("", ",\"QuotaAppliedAtLevel\":\"ACCOUNT\"", ",\"QuotaAppliedAtLevel\":\"RESOURCE\"",
          ",\"QuotaAppliedAtLevel\":\"ALL\"", ",\"QuotaAppliedAtLevel\":\"ORG\"",
          ",\"QuotaAppliedAtLevel\":\"ALL\",\"QuotaCode\":\"" + codes.get(1) + "\"")) {
        rpcPages(sq + "ListServiceQuotas", "{\"ServiceCode\":\"connect\"" + level, "}");
        rpcPages(sq + "ListServiceQuotas", "{\"ServiceCode\":\"connect\"" + level, ",\"MaxResults\":9}");
      }
      rpc(sq + "ListServiceQuotas", "{\"ServiceCode\":\"connect\",\"MaxResults\":101}", false);
      rpc(sq + "ListServiceQuotas", "{\"ServiceCode\":\"connect\",\"NextToken\":\"nope\"}", false);
      for (String code : codes) {
        rpc(sq + "GetServiceQuota", "{\"ServiceCode\":\"connect\",\"QuotaCode\":\"" + code + "\"}", false);
        rpc(sq + "GetServiceQuota", "{\"ServiceCode\":\"connect\",\"QuotaCode\":\"" + code + "\",\"ContextId\":\""
            + instanceArn + "\"}", false);
        rpc(sq + "GetAWSDefaultServiceQuota", "{\"ServiceCode\":\"connect\",\"QuotaCode\":\"" + code + "\"}", false);
      }
      rpc(sq + "GetServiceQuota", "{\"ServiceCode\":\"connect\",\"QuotaCode\":\"" + codes.get(0)
          + "\",\"ContextId\":\"arn:aws:connect:us-east-1:123456789012:instance/other\"}", false);
      rpc(sq + "GetServiceQuota", "{\"ServiceCode\":\"connect\",\"QuotaCode\":\"L-00000000\"}", false);
      rpc(sq + "GetServiceQuota", "{\"ServiceCode\":\"connect\"}", false);
      rpc(sq + "GetServiceQuota", "{\"QuotaCode\":\"L-00000000\"}", false);
      rpc(sq + "GetAWSDefaultServiceQuota", "{\"ServiceCode\":\"lambda\",\"QuotaCode\":\"L-00000000\"}", false);
    }

    // ---- CloudWatch ----

    void cloudWatch() {
      List<Map<String, String>> metrics = new ArrayList<>();
      for (String body : queryPages("Action=ListMetrics&Version=2010-08-01")) {
        Matcher m = Pattern.compile("<MetricName>([^<]*)</MetricName><Dimensions>(.*?)</Dimensions>").matcher(body);
        while (m.find()) {
          Map<String, String> dims = new TreeMap<>();
          Matcher d = Pattern.compile("<Name>([^<]*)</Name><Value>([^<]*)</Value>").matcher(m.group(2));
          while (d.find()) {
            dims.put(d.group(1), d.group(2));
          }
          dims.put("#name", m.group(1));
          metrics.add(dims);
        }
      }
      queryPages("Action=ListMetrics&Version=2010-08-01&Namespace=AWS%2FConnect&MetricName=QueueSize");
      queryPages("Action=ListMetrics&Version=2010-08-01&Dimensions.member.1.Name=MetricGroup"
          + "&Dimensions.member.1.Value=VoiceCalls");
      queryPages("Action=ListMetrics&Version=2010-08-01&Namespace=AWS%2FLambda");
      queryPages("Action=ListMetrics&Version=2010-08-01&RecentlyActive=P1D");

      Instant end = Instant.parse("2025-11-20T10:00:00Z");
      Instant start = end.minus(java.time.Duration.ofDays(14));
      List<String> stats = List.of("Sum", "Average", "Maximum", "Minimum", "SampleCount");
      StringBuilder all = new StringBuilder();
      int n = 0;
      for (Map<String, String> metric : metrics.subList(0, Math.min(metrics.size(), 40))) {
        n++;
        all.append(metricQuery(n, metric, n % 2 == 0 ? 86_400 : 3_600, stats.get(n % stats.size())));
      }
      String window = "&StartTime=" + start + "&EndTime=" + end;
      queryPages("Action=GetMetricData&Version=2010-08-01" + window + all);
      queryPages("Action=GetMetricData&Version=2010-08-01" + window + "&ScanBy=TimestampAscending&MaxDatapoints=500"
          + all);
      queryPages("Action=GetMetricData&Version=2010-08-01&StartTime=2025-11-19T10:03:00Z&EndTime=2025-11-20T10:30:00Z"
          + metricQuery(1, metrics.get(0), 300, "Sum") + metricQuery(2, metrics.get(2), 60, "Average"));
      Map<String, String> ghost = new TreeMap<>(metrics.get(0));
      ghost.put("InstanceId", "other");
      for (String bad : List.of(window, window + "&ScanBy=Sideways" + metricQuery(1, metrics.get(0), 60, "Sum"),
          "&StartTime=" + end + "&EndTime=" + start + metricQuery(1, metrics.get(0), 60, "Sum"),
          window + metricQuery(1, metrics.get(0), 61, "Sum"), window + metricQuery(1, metrics.get(0), 60, "p99"),
          window + metricQuery(1, ghost, 3600, "Sum"), window + "&MaxDatapoints=0" + metricQuery(1, metrics.get(0), 60,
              "Sum"), window + "&NextToken=abc" + metricQuery(1, metrics.get(0), 60, "Sum"),
          "&EndTime=" + end + metricQuery(1, metrics.get(0), 60, "Sum"))) {
        query("Action=GetMetricData&Version=2010-08-01" + bad);
      }
    }

    private static String metricQuery(int n, Map<String, String> metric, int period, String stat) {
      StringBuilder q = new StringBuilder();
      String p = "&MetricDataQueries.member." + n + ".";
      q.append(p).append("Id=q").append(n);
      q.append(p).append("MetricStat.Metric.Namespace=AWS%2FConnect");
      q.append(p).append("MetricStat.Metric.MetricName=").append(metric.get("#name"));
      int d = 0;
      for (Map.Entry<String, String> e : metric.entrySet()) {
        if (!e.getKey().equals("#name")) {
          d++;
          q.append(p).append("MetricStat.Metric.Dimensions.member.").append(d).append(".Name=").append(enc(e.getKey()));
          q.append(p).append("MetricStat.Metric.Dimensions.member.").append(d).append(".Value=")
              .append(enc(e.getValue()));
        }
      }
      q.append(p).append("MetricStat.Period=").append(period);
      q.append(p).append("MetricStat.Stat=").append(stat);
      return q.toString();
    }

    // ---- Pinpoint ----

    void pinpoint() {
      for (String number : numbers) {
        pinpoint("{\"PhoneNumber\":\"" + number + "\"}");
      }
      pinpoint("{\"PhoneNumber\":\"" + numbers.get(1).substring(2) + "\",\"IsoCountryCode\":\"US\"}");
      pinpoint("{\"PhoneNumber\":\"020 7946 0000\",\"IsoCountryCode\":\"GB\"}");
      pinpoint("{\"PhoneNumber\":\"+15550000000\"}");
      pinpoint("{\"PhoneNumber\":\"\"}");
    }

    private void pinpoint(String body) {
      send(new WireRequest("POST", "/v1/phone/number/validate", Map.of(),
          headers("mobiletargeting", "application/json"), body.getBytes(StandardCharsets.UTF_8)));
    }

    // ---- routing errors, authentication ----

    void errors() {
      send(new WireRequest("GET", "/instance/" + instanceId, Map.of(), Map.of(), null));
      send(new WireRequest("GET", "/no/such/path", Map.of(), headers("connect", null), null));
      send(new WireRequest("GET", "/v1/phone/number/validate", Map.of(), headers("mobiletargeting", null), null));
      send(new WireRequest("GET", "/instance/" + instanceId, Map.of(), headers("mobiletargeting", null), null));
      // Services and actions it does not serve (StartQuery and DescribeAlarms were, until served).
      rpc("AmazonSSM.GetParameter", "{}", false);
      rpc("Kinesis_20131202.ListStreams", "{}", false);
      query("Action=DescribeAlarmHistory&Version=2010-08-01");
      query("Action=GetMetricData&Version=2009-01-01");
      Map<String, String> unsigned = new TreeMap<>();
      unsigned.put("content-type", "application/x-amz-json-1.1");
      unsigned.put("x-amz-target", "ServiceQuotasV20190624.ListServiceQuotas");
      send(new WireRequest("POST", "/", Map.of(), unsigned, "{}".getBytes(StandardCharsets.UTF_8)));
    }

    /** Each fault kind on one operation of each service, and the first throttled answer of each service. */
    void faultsAndThrottling(SandboxSize size) {
      Scenario scenario = new ScenarioGenerator(42, size, END).generate();
      Map<String, SandboxFault> faults = new LinkedHashMap<>();
      faults.put("Connect:ListUsers", SandboxFault.ACCESS_DENIED);
      faults.put("Connect:DescribeInstance", SandboxFault.SERVER_ERROR);
      faults.put("Connect:ListQueues", SandboxFault.MALFORMED_BODY);
      faults.put("Kinesis:DescribeStreamSummary", SandboxFault.ACCESS_DENIED);
      faults.put("Firehose:DescribeDeliveryStream", SandboxFault.SERVER_ERROR);
      faults.put("ServiceQuotas:ListServiceQuotas", SandboxFault.ACCESS_DENIED);
      faults.put("ServiceQuotas:GetServiceQuota", SandboxFault.SERVER_ERROR);
      faults.put("CloudWatch:ListMetrics", SandboxFault.ACCESS_DENIED);
      faults.put("CloudWatch:GetMetricData", SandboxFault.SERVER_ERROR);
      faults.put("Pinpoint:PhoneNumberValidate", SandboxFault.ACCESS_DENIED);
      Transcript faulty = new Transcript(this, new Dispatcher(scenario, OperationRegistry.standard(scenario),
          new SandboxOptions(size, 42, false, java.time.Duration.ZERO, faults, 0)));
      faulty.everyServiceOnce(this);
      Transcript limited = new Transcript(this, new Dispatcher(scenario, OperationRegistry.standard(scenario),
          SandboxOptions.defaults(size).withRateLimits(true)));
      limited.firstThrottledOfEveryService(this);
    }

    private Transcript(Transcript parent, Dispatcher dispatcher) {
      this.size = parent.size;
      this.dispatcher = dispatcher;
      this.instanceId = parent.instanceId;
      this.instanceArn = parent.instanceArn;
    }

    private List<Runnable> oneCallPerService(Transcript source) {
      String stream = source.streamArns.iterator().next();
      String firehose = source.firehoseArns.iterator().next();
      return List.of(
          () -> rest("GET", "/users-summary/" + instanceId, Map.of(), null),
          () -> rest("GET", "/instance/" + instanceId, Map.of(), null),
          () -> rest("GET", "/queues-summary/" + instanceId, Map.of(), null),
          () -> rpc("Kinesis_20131202.DescribeStreamSummary", "{\"StreamARN\":\"" + stream + "\"}", false),
          () -> rpc("Kinesis_20131202.DescribeStreamSummary", "{\"StreamARN\":\"" + stream + "\"}", true),
          () -> rpc("Firehose_20150804.DescribeDeliveryStream", "{\"DeliveryStreamName\":\""
              + firehose.substring(firehose.lastIndexOf('/') + 1) + "\"}", false),
          () -> rpc("ServiceQuotasV20190624.ListServiceQuotas", "{\"ServiceCode\":\"connect\"}", false),
          () -> rpc("ServiceQuotasV20190624.GetServiceQuota", "{\"ServiceCode\":\"connect\",\"QuotaCode\":\"x\"}",
              false),
          () -> query("Action=ListMetrics&Version=2010-08-01"),
          () -> query("Action=GetMetricData&Version=2010-08-01"),
          () -> pinpoint("{\"PhoneNumber\":\"" + source.numbers.get(0) + "\"}"));
    }

    void everyServiceOnce(Transcript source) {
      oneCallPerService(source).forEach(Runnable::run);
      source.text.append(text);
    }

    void firstThrottledOfEveryService(Transcript source) {
      for (Runnable call : oneCallPerService(source)) {
        for (int attempt = 0; attempt < 500; attempt++) {
          int before = text.length();
          call.run();
          String last = text.substring(before);
          text.setLength(before);
          if (last.contains("Throttling") || last.contains("TooManyRequests") || last.contains("LimitExceeded")) {
            source.text.append(last);
            break;
          }
        }
      }
    }

    // ---- requests ----

    private WireResponse rest(String method, String path, Map<String, String> query, String body) {
      Map<String, List<String>> q = new TreeMap<>();
      query.forEach((k, v) -> q.put(k, List.of(v)));
      return send(new WireRequest(method, path, q, headers("connect", body == null ? null : "application/json"),
          body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Every page of a REST GET list, following {@code nextToken}. */
    private List<JsonNode> restPages(String path, Map<String, String> query) {
      return pages(token -> {
        Map<String, String> q = new TreeMap<>(query);
        if (token != null) {
          q.put("nextToken", token);
        }
        return rest("GET", path, q, null);
      });
    }

    /** Every page of a REST POST list whose body is {@code head + [,"NextToken":..] + tail}. */
    private List<JsonNode> bodyPages(String path, String head, String tail) {
      return pages(token -> {
        String sep = head.endsWith("{") ? "" : ",";
        String body = head + (token == null ? "" : sep + "\"NextToken\":\"" + token + "\"")
            + (head.endsWith("{") && token == null && tail.startsWith(",") ? tail.substring(1) : tail);
        return rest("POST", path, Map.of(), body);
      });
    }

    /** Every JSON page {@code send} answers, from no token to the page without one (or an error). */
    private List<JsonNode> pages(Function<String, WireResponse> send) {
      return pages(send, Transcript::json,
          page -> page.hasNonNull("NextToken") ? page.get("NextToken").asText() : null);
    }

    private static <P> List<P> pages(Function<String, WireResponse> send, Function<WireResponse, P> read,
        Function<P, String> tokenOf) {
      List<P> pages = new ArrayList<>();
      String token = null;
      for (int guard = 0; guard < 2_000; guard++) {
        WireResponse r = send.apply(token);
        if (r.status() != 200) {
          break;
        }
        P page = read.apply(r);
        pages.add(page);
        token = tokenOf.apply(page);
        if (token == null) {
          break;
        }
      }
      return pages;
    }

    private WireResponse rpc(String target, String body, boolean cbor) {
      Map<String, String> h = headers(signingNameOf(target), cbor ? "application/x-amz-cbor-1.1"
          : "application/x-amz-json-1.1");
      h.put("x-amz-target", target);
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      if (cbor) {
        try {
          bytes = new com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper().writeValueAsBytes(
              Json.mapper().readTree(body));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
      }
      return send(new WireRequest("POST", "/", Map.of(), h, bytes));
    }

    private List<JsonNode> rpcPages(String target, String head, String tail) {
      return pages(
          token -> rpc(target, head + (token == null ? "" : ",\"NextToken\":\"" + token + "\"") + tail, false));
    }

    private WireResponse query(String form) {
      return send(new WireRequest("POST", "/", Map.of(), headers("monitoring",
          "application/x-www-form-urlencoded; charset=utf-8"), form.getBytes(StandardCharsets.UTF_8)));
    }

    private List<String> queryPages(String form) {
      return pages(token -> query(form + (token == null ? "" : "&NextToken=" + enc(token))),
          r -> new String(r.body(), StandardCharsets.UTF_8), body -> {
            Matcher m = Pattern.compile("<NextToken>([^<]+)</NextToken>").matcher(body);
            return m.find() ? m.group(1) : null;
          });
    }

    private static String signingNameOf(String target) {
      return target.startsWith("Kinesis") ? "kinesis" : target.startsWith("Firehose") ? "firehose"
          : target.startsWith("ServiceQuotas") ? "servicequotas" : "logs";
    }

    private static Map<String, String> headers(String signingName, String contentType) {
      Map<String, String> h = new TreeMap<>();
      h.put("authorization", "AWS4-HMAC-SHA256 Credential=AKIDSANDBOX/20251120/us-east-1/" + signingName
          + "/aws4_request, SignedHeaders=host, Signature=0");
      if (contentType != null) {
        h.put("content-type", contentType);
      }
      return h;
    }

    private WireResponse send(WireRequest request) {
      WireResponse response = dispatcher.dispatch(request);
      text.append("> ").append(request.method()).append(' ').append(request.path()).append(' ')
          .append(new TreeMap<>(request.query())).append(' ').append(request.header("x-amz-target")).append(' ')
          .append(new String(request.body(), StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?")).append('\n');
      Map<String, String> headers = new TreeMap<>(response.headers());
      headers.remove("x-amzn-RequestId");
      String contentType = headers.getOrDefault("Content-Type", "");
      String body = contentType.contains("cbor") ? HexFormat.of().formatHex(response.body())
          : new String(response.body(), StandardCharsets.UTF_8);
      text.append("< ").append(response.status()).append(' ').append(headers).append(' ').append(normalize(body))
          .append('\n');
      return response;
    }

    private static String normalize(String body) {
      String masked = sortTags(body).replaceAll("<RequestId>[^<]*</RequestId>", "<RequestId/>")
          .replaceAll("\"RequestID\":\"[^\"]*\"", "\"RequestID\":\"-\"");
      Matcher m = SERVES.matcher(masked);
      if (m.find()) {
        java.util.TreeSet<String> served = new java.util.TreeSet<>(Arrays.asList(m.group(1).split(", ")));
        served.removeIf(op -> ADDED_OPERATIONS.stream().anyMatch(op::startsWith));
        String sorted = String.join(", ", served);
        masked = masked.substring(0, m.start(1)) + sorted + masked.substring(m.end(1));
      }
      return masked;
    }

    private static JsonNode json(WireResponse r) {
      try {
        return Json.mapper().readTree(r.body());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }

    private static String enc(String s) {
      return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    String save(String name) throws Exception {
      Path dir = Path.of("target", "sandbox-fingerprint");
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(name + ".txt"), text);
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }
  }
}
