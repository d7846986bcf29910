package com.connectopsreview.shared.links;

import com.connectopsreview.shared.model.InstanceRef;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Deep links into the AWS console and the Connect admin website, one method per page (the link
 * templates of upstream-spec §1.11 plus the pages our findings point at). Every dynamic part is
 * encoded for its position: path segments and query values percent-encoded, the Logs Insights
 * query in the console's own tilde / {@code *XX} encoding. Links use the instance's partition
 * (aws, aws-us-gov, aws-cn) and region.
 */
public final class ConsoleLinks {

  private final InstanceRef instance;
  private final String accessHost;

  private ConsoleLinks(InstanceRef instance, String accessHost) {
    this.instance = instance;
    this.accessHost = accessHost;
  }

  public static ConsoleLinks forInstance(InstanceRef instance) {
    return new ConsoleLinks(instance, null);
  }

  /**
   * Adds the instance's access URL (DescribeInstance {@code InstanceAccessUrl}) for the links into
   * the Connect admin website; {@code https://} and trailing slashes are stripped.
   */
  public ConsoleLinks withAccessUrl(String instanceAccessUrl) {
    return new ConsoleLinks(instance, accessHost(instanceAccessUrl));
  }

  /** Host of an access URL, e.g. {@code myalias.my.connect.aws}; null if the URL is blank. */
  public static String accessHost(String instanceAccessUrl) {
    if (instanceAccessUrl == null || instanceAccessUrl.isBlank()) {
      return null;
    }
    String host = instanceAccessUrl.trim().replaceFirst("(?i)^https?://", "");
    int slash = host.indexOf('/');
    return slash >= 0 ? host.substring(0, slash) : host;
  }

  public boolean hasAccessUrl() {
    return accessHost != null;
  }

  // ---- AWS console ----

  /** Connect console: the instance overview. */
  public String instanceOverview() {
    return connectInstancePage("overview");
  }

  /** Connect console: data storage settings (call recordings, transcripts, reports...). */
  public String dataStorage() {
    return connectInstancePage("data-storage");
  }

  /** Connect console: data streaming settings (contact records, agent events). */
  public String dataStreaming() {
    return connectInstancePage("data-streaming");
  }

  /** Connect console: telephony options (inbound / outbound calling). */
  public String telephony() {
    return connectInstancePage("telephony");
  }

  /** Connect console: flows settings (flow logs, Contact Lens). */
  public String flowsSettings() {
    return connectInstancePage("flows");
  }

  /** Service Quotas: every Amazon Connect quota. */
  public String serviceQuotas() {
    return console("servicequotas", "/home/services/connect/quotas");
  }

  /** Service Quotas: one Connect quota's page, where an increase is requested. */
  public String serviceQuota(String quotaCode) {
    return console("servicequotas", "/home/services/connect/quotas/" + path(quotaCode));
  }

  /** CloudWatch metrics of the instance (namespace AWS/Connect). */
  public String cloudWatchMetrics() {
    return console("cloudwatch", "/home?region=" + query(instance.region())
        + "#metricsV2:graph=~();namespace=AWS/Connect;dimensions=InstanceId");
  }

  /** CloudTrail event history. */
  public String cloudTrailEvents() {
    return console("cloudtrailv2", "/home?region=" + query(instance.region()) + "#/events");
  }

  /**
   * CloudTrail event history filtered by one lookup attribute (the console, like LookupEvents, takes
   * one: {@code EventSource}, {@code EventName}, ...) over [{@code start}, {@code end}], times as
   * ISO-8601 UTC seconds.
   */
  public String cloudTrailEvents(String attributeKey, String attributeValue, java.time.Instant start,
      java.time.Instant end) {
    return cloudTrailEvents() + "?" + attributeKey + "=" + query(attributeValue)
        + "&StartTime=" + query(start.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString())
        + "&EndTime=" + query(end.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
  }

  /**
   * CloudWatch Logs Insights, pre-filled with the flow-log error query over the last {@code days}
   * days for {@code logGroup}.
   */
  public String logsInsights(String logGroup, int days) {
    String query = "fields @timestamp, @message\n| filter @message like /ERROR/\n| sort @timestamp desc";
    String detail = "~(end~0~start~-" + (days * 86400L)
        + "~timeType~'RELATIVE~unit~'seconds~editorString~'" + insightsEncode(query)
        + "~isLiveTail~false~queryId~'~source~(~'" + insightsEncode(logGroup) + "))";
    return console("cloudwatch", "/home?region=" + query(instance.region())
        + "#logsV2:logs-insights" + "$3FqueryDetail$3D" + detail);
  }

  /**
   * CloudWatch Logs Insights pre-filled with exactly {@code query} on {@code logGroups} over the
   * absolute range [{@code start}, {@code end}] in UTC, as the console writes a query it ran: the
   * queryDetail value in the console's tilde notation, every string in its {@code *XX} encoding, and
   * the {@code ?} and {@code =} before it as {@code $3F} and {@code $3D}.
   */
  public String logsInsights(java.util.List<String> logGroups, String query, java.time.Instant start,
      java.time.Instant end) {
    StringBuilder sources = new StringBuilder();
    logGroups.forEach(group -> sources.append("~'").append(insightsEncode(group)));
    String detail = "~(end~'" + insightsEncode(end.toString()) + "~start~'" + insightsEncode(start.toString())
        + "~timeType~'ABSOLUTE~tz~'UTC~editorString~'" + insightsEncode(query)
        + "~isLiveTail~false~queryId~'~source~(" + sources + "))";
    return console("cloudwatch", "/home?region=" + query(instance.region())
        + "#logsV2:logs-insights" + "$3FqueryDetail$3D" + detail);
  }

  /** CloudWatch alarms of the Region. */
  public String cloudWatchAlarms() {
    return console("cloudwatch", "/home?region=" + query(instance.region()) + "#alarmsV2:");
  }

  /** An Athena workgroup's details (state, result location, encryption). */
  public String athenaWorkgroup(String workgroup) {
    return console("athena", "/home?region=" + query(instance.region()) + "#/workgroups/details/" + path(workgroup));
  }

  /** Lake Formation data lake permissions of the Region (where DESCRIBE and SELECT are granted). */
  public String lakeFormationPermissions() {
    return console("lakeformation", "/home?region=" + query(instance.region()) + "#permissions");
  }

  /** CloudWatch Logs: the log groups whose names start with {@code prefix}. */
  public String logGroups(String prefix) {
    return console("cloudwatch", "/home?region=" + query(instance.region())
        + "#logsV2:log-groups$3FlogGroupNameFilter$3D" + insightsEncode(prefix));
  }

  /** A Kinesis data stream's configuration (encryption shown there). */
  public String kinesisStream(String streamName) {
    return console("kinesis", "/home?region=" + query(instance.region())
        + "#/streams/details/" + path(streamName) + "/configuration");
  }

  /** A Kinesis data stream's monitoring tab: its metrics, and where alarms on them are created. */
  public String kinesisStreamMonitoring(String streamName) {
    return console("kinesis", "/home?region=" + query(instance.region())
        + "#/streams/details/" + path(streamName) + "/monitoring");
  }

  /** A Firehose stream's configuration. */
  public String firehoseStream(String deliveryStreamName) {
    return console("firehose", "/home?region=" + query(instance.region())
        + "#/details/" + path(deliveryStreamName) + "/configuration");
  }

  /** An S3 bucket's properties tab (default encryption). */
  public String s3Bucket(String bucket) {
    String domain = instance.consoleDomain();
    return "https://s3." + domain + "/s3/buckets/" + path(bucket) + "?region=" + query(instance.region())
        + "&tab=properties";
  }

  /**
   * A KMS key, given as key id, key ARN, alias name or alias ARN. Aliases (including the AWS managed
   * {@code alias/aws/...} keys) open the key list, since the console has no per-alias page.
   */
  public String kmsKey(String keyIdOrArn) {
    String id = keyIdOrArn;
    if (id.startsWith("arn:")) {
      String resource = id.substring(id.indexOf(':', id.indexOf(":kms:") + 5) + 1);
      id = resource.substring(resource.indexOf(':') + 1);
    }
    if (id.startsWith("alias/aws/")) {
      return console("kms", "/home?region=" + query(instance.region()) + "#/kms/defaultKeys");
    }
    if (id.startsWith("alias/")) {
      return console("kms", "/home?region=" + query(instance.region()) + "#/kms/keys");
    }
    if (id.startsWith("key/")) {
      id = id.substring("key/".length());
    }
    return console("kms", "/home?region=" + query(instance.region()) + "#/kms/keys/" + path(id));
  }

  // ---- Connect admin website (needs the access URL) ----

  public String realTimeMetrics() {
    return admin("/real-time-metrics/landing");
  }

  public String historicalMetrics() {
    return admin("/historical-metrics/landing");
  }

  public String phoneNumbers() {
    return admin("/numbers#/");
  }

  public String contactFlows() {
    return admin("/contact-flows");
  }

  /** The flow designer for one flow. */
  public String editFlow(String flowArn) {
    return admin("/contact-flows/edit?id=" + query(flowArn) + "&tab=designer");
  }

  // ---- helpers ----

  private String connectInstancePage(String page) {
    return console("connect", "/v2/app/instances/" + path(instance.id()) + "/" + page
        + "?region=" + query(instance.region()));
  }

  private String console(String service, String rest) {
    return "https://" + instance.region() + "." + instance.consoleDomain() + "/" + service + rest;
  }

  private String admin(String rest) {
    if (accessHost == null) {
      throw new IllegalStateException("no instance access URL known; call withAccessUrl first");
    }
    return "https://" + accessHost + rest;
  }

  /** Percent-encodes one path segment (spaces as %20, '/' encoded). */
  static String path(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Percent-encodes a query value. */
  static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * The Logs Insights console's URL encoding: percent-encode, then write every {@code %} as {@code *}
   * (so {@code %20} becomes {@code *20}). Characters the console keeps literal stay as they are.
   */
  static String insightsEncode(String value) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.') {
        out.append((char) c);
      } else {
        out.append('*').append(String.format(Locale.ROOT, "%02x", c));
      }
    }
    return out.toString();
  }
}
