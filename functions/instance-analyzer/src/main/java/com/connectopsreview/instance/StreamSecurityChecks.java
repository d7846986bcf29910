package com.connectopsreview.instance;

import com.connectopsreview.shared.links.ConsoleLinks;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.InstanceSection.AlarmCoverage;
import com.connectopsreview.shared.sections.InstanceSection.CheckIds;
import com.connectopsreview.shared.sections.InstanceSection.KinesisStream;
import com.connectopsreview.shared.sections.InstanceSection.KmsKey;
import com.connectopsreview.shared.sections.InstanceSection.StreamAlarm;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.connect.model.StorageType;

/**
 * The stream-security rules of the instance component: rotation and state of the customer managed
 * keys, Kinesis data stream retention, and the recommended Kinesis alarms (upstream-spec §4.11 item
 * 4). A check that cannot be evaluated adds a sentence to {@link #notEvaluated()} (or was already
 * named in {@code errors} by the reader), never a PASS.
 */
final class StreamSecurityChecks {

  /** Kinesis Data Streams' range for RetentionPeriodHours (the default is the minimum). */
  static final int MIN_RETENTION_HOURS = 24;
  static final int MAX_RETENTION_HOURS = 8760;

  private final ConsoleLinks links;
  private final List<Finding> findings = new ArrayList<>();
  private final List<String> notEvaluated = new ArrayList<>();

  StreamSecurityChecks(InstanceRef instance) {
    this.links = ConsoleLinks.forInstance(instance);
  }

  List<Finding> findings() {
    return List.copyOf(findings);
  }

  List<String> notEvaluated() {
    return List.copyOf(notEvaluated);
  }

  // ---- Security / Reliability: customer managed keys ----

  void keyRotation(List<KmsKey> keys) {
    for (KmsKey key : keys) {
      String id = key.keyArn() != null ? key.keyArn() : key.keyId();
      String users = String.join("; ", key.usedBy());
      Finding.Builder finding = switch (key.rotation()) {
        case ENABLED -> Finding.builder(CheckIds.KEY_ROTATION_ENABLED, Severity.PASS, Pillar.SECURITY)
            .title("Automatic rotation is on for KMS key " + id)
            .detail("KMS rotates the key material of " + id + (key.rotationPeriodInDays() == null ? ""
                : " every " + key.rotationPeriodInDays() + " days") + (key.nextRotationDate() == null ? ""
                : ", next on " + key.nextRotationDate()) + ". Used by: " + users + ".");
        case DISABLED -> Finding.builder(CheckIds.KEY_ROTATION_DISABLED, Severity.MEDIUM, Pillar.SECURITY)
            .title("Automatic rotation is off for customer managed KMS key " + id)
            .detail("The key material of " + id + " is never rotated, so everything encrypted under it since it "
                + "was created depends on the same material. Used by: " + users + ".")
            .recommendation("Enable automatic key rotation (EnableKeyRotation; the default period is 365 days, "
                + "90 to 2560 can be chosen). Rotation keeps the key id, alias and policy, and KMS still "
                + "decrypts what older material encrypted, so producers and consumers need no change. AWS "
                + "Security Hub control KMS.4 checks the same.");
        case NOT_APPLICABLE -> Finding.builder(CheckIds.KEY_ROTATION_NOT_APPLICABLE, Severity.INFO, Pillar.SECURITY)
            .title("Automatic rotation does not apply to KMS key " + id)
            .detail("KMS offers no automatic rotation for this key (asymmetric, HMAC, imported key material or a "
                + "custom key store): " + key.reason() + ". Used by: " + users + ".")
            .recommendation("Rotate it the way its type allows (on-demand rotation of imported key material, or a "
                + "new key and an updated alias), as often as your key-management policy requires.");
        case KEY_UNUSABLE -> Finding.builder(CheckIds.KMS_KEY_UNUSABLE, Severity.HIGH, Pillar.RELIABILITY)
            .title("KMS key " + id + " cannot be used")
            .detail("KMS reports the key as unusable (" + key.reason() + "). Nothing can encrypt with it, so "
                + users + " cannot store or deliver new data, and data encrypted under a key that is deleted "
                + "can never be decrypted again.")
            .recommendation("Cancel a scheduled deletion (CancelKeyDeletion) or re-enable the key (EnableKey); if "
                + "it is meant to go, point these storage and streaming settings at another customer managed "
                + "key first, and keep this one until nothing encrypted under it is needed.");
        case AWS_MANAGED, UNKNOWN -> null;
      };
      if (finding == null) {
        continue;
      }
      add(finding
          .resource(id)
          .consoleUrl(links.kmsKey(id))
          .evidence("keyArn", key.keyArn())
          .evidence("keyId", key.keyId())
          .evidence("usedBy", key.usedBy())
          .evidence("streams", key.streams().isEmpty() ? null : key.streams())
          .evidence("keyManager", key.keyManager())
          .evidence("keyState", key.keyState())
          .evidence("rotationPeriodInDays", key.rotationPeriodInDays() == null ? null
              : key.rotationPeriodInDays().longValue())
          .evidence("nextRotationDate", key.nextRotationDate() == null ? null : key.nextRotationDate().toString())
          .evidence("reason", key.reason()));
    }
  }

  // ---- Cost / Reliability: Kinesis data stream retention ----

  /** @param streams the described streams; Firehose streams have no retention and are skipped */
  void streamRetention(List<ResolvedStream> streams) {
    for (ResolvedStream stream : streams) {
      if (stream.kind() != StorageType.KINESIS_STREAM || !stream.verified()) {
        continue;
      }
      Integer hours = stream.retentionHours();
      if (hours == null || hours < MIN_RETENTION_HOURS || hours > MAX_RETENTION_HOURS) {
        notEvaluated.add("retention of Kinesis data stream " + stream.name() + " not evaluated: DescribeStreamSummary "
            + "reported " + (hours == null ? "no RetentionPeriodHours" : "RetentionPeriodHours " + hours
                + ", outside Kinesis' range of " + MIN_RETENTION_HOURS + " to " + MAX_RETENTION_HOURS));
        continue;
      }
      String types = String.join(", ", stream.resourceTypes());
      Finding.Builder finding = hours == MIN_RETENTION_HOURS
          ? Finding.builder(CheckIds.STREAM_RETENTION_DEFAULT, Severity.PASS, Pillar.COST)
              .title("Kinesis data stream " + stream.name() + " keeps records for the default 24 hours")
              .detail("Records of " + types + " stay readable for 24 hours, the default and minimum, with no "
                  + "extended-retention charge; the iterator-age alarm is what warns before a consumer loses them.")
          : Finding.builder(CheckIds.STREAM_RETENTION_EXTENDED, Severity.INFO, Pillar.COST)
              .title("Kinesis data stream " + stream.name() + " keeps records for " + hours + " hours")
              .detail("Records of " + types + " stay readable for " + hours + " hours (" + days(hours) + "). "
                  + "Retention beyond 24 hours is billed as extended retention, and beyond 7 days as long-term "
                  + "retention per GB-month.")
              .recommendation("Keep it if consumers need to replay or catch up after an outage that long; "
                  + "otherwise lower it (DecreaseStreamRetentionPeriod, minimum 24 hours).");
      add(finding
          .resource(stream.arn())
          .consoleUrl(links.kinesisStream(stream.name()))
          .evidence("streamName", stream.name())
          .evidence("resourceTypes", stream.resourceTypes())
          .evidence("retentionHours", hours.longValue()));
    }
  }

  // ---- Reliability / Operational Excellence: recommended Kinesis alarms ----

  /** @param streams the Kinesis data streams; a stream without coverage (alarms not read) is skipped */
  void streamAlarms(List<KinesisStream> streams) {
    for (KinesisStream stream : streams) {
      AlarmCoverage coverage = stream.alarms();
      if (coverage == null) {
        continue;
      }
      String url = links.kinesisStreamMonitoring(stream.name());
      String types = String.join(", ", stream.resourceTypes());
      List<String> iteratorAlarms = names(coverage.present(), StreamAlarmCoverage.ITERATOR_AGE);
      if (iteratorAlarms.isEmpty()) {
        String retention = stream.retentionHours() == null ? "its retention period"
            : "its retention period (" + stream.retentionHours() + " hours)";
        add(stream(Finding.builder(CheckIds.STREAM_ALARMS_ITERATOR_AGE_MISSING, Severity.MEDIUM, Pillar.RELIABILITY)
            .title("No iterator-age alarm on Kinesis data stream " + stream.name())
            .detail("No CloudWatch alarm watches GetRecords.IteratorAgeMilliseconds of " + stream.name() + " ("
                + types + "). A consumer that stops or falls behind goes unnoticed, and records older than "
                + retention + " expire before they are read: contact records or events are lost silently.")
            .recommendation("Create an alarm on " + StreamAlarmCoverage.recommended(StreamAlarmCoverage.ITERATOR_AGE)
                .describe() + " (or a threshold well below the retention period) with an SNS action."),
            stream, url, coverage));
      } else {
        add(stream(Finding.builder(CheckIds.STREAM_ALARMS_ITERATOR_AGE_PRESENT, Severity.PASS, Pillar.RELIABILITY)
            .title("Iterator-age alarm on Kinesis data stream " + stream.name())
            .detail("GetRecords.IteratorAgeMilliseconds of " + stream.name() + " is watched by "
                + String.join(", ", iteratorAlarms) + ".")
            .evidence("alarms", iteratorAlarms), stream, url, coverage));
      }
      List<String> others = coverage.missing().stream()
          .filter(m -> !m.equals(StreamAlarmCoverage.ITERATOR_AGE)).toList();
      if (!others.isEmpty()) {
        add(stream(Finding.builder(CheckIds.STREAM_ALARMS_INCOMPLETE, Severity.LOW, Pillar.OPERATIONAL_EXCELLENCE)
            .title(others.size() + " recommended alarms missing on Kinesis data stream " + stream.name())
            .detail(coverage.found() + " of " + coverage.recommended() + " recommended Kinesis alarms exist for "
                + stream.name() + " (" + coverage.coveragePercent().toPlainString() + " %). Missing: "
                + String.join(", ", others) + ". Throttled reads or writes and failing calls then show only as "
                + "delayed or missing records downstream.")
            .recommendation("Create: " + String.join("; ", others.stream()
                .map(m -> StreamAlarmCoverage.recommended(m).describe()).toList()) + ".")
            .evidence("missing", others), stream, url, coverage));
      } else if (coverage.missing().isEmpty()) {
        add(stream(Finding.builder(CheckIds.STREAM_ALARMS_COMPLETE, Severity.PASS, Pillar.OPERATIONAL_EXCELLENCE)
            .title("Every recommended alarm exists on Kinesis data stream " + stream.name())
            .detail("All " + coverage.recommended() + " recommended Kinesis alarms watch " + stream.name() + "."),
            stream, url, coverage));
      }
      List<String> silent = coverage.present().stream().filter(a -> !a.hasActions())
          .map(a -> a.alarmName() + " (" + a.metric() + ")").distinct().toList();
      if (!silent.isEmpty()) {
        add(stream(Finding.builder(CheckIds.STREAM_ALARMS_NO_ACTIONS, Severity.LOW, Pillar.OPERATIONAL_EXCELLENCE)
            .title(silent.size() + " alarm(s) on Kinesis data stream " + stream.name() + " notify no one")
            .detail("These alarms have no alarm action, or actions disabled: " + String.join(", ", silent)
                + ". They change state in the console only.")
            .recommendation("Add an SNS topic (or another action) to each, and keep ActionsEnabled on.")
            .evidence("alarms", silent), stream, url, coverage));
      }
      List<String> firing = coverage.present().stream().filter(a -> "ALARM".equals(a.state()))
          .map(a -> a.alarmName() + " (" + a.metric() + ")").distinct().toList();
      if (!firing.isEmpty()) {
        add(stream(Finding.builder(CheckIds.STREAM_ALARMS_IN_ALARM, Severity.MEDIUM, Pillar.RELIABILITY)
            .title(firing.size() + " alarm(s) on Kinesis data stream " + stream.name() + " in ALARM")
            .detail("In ALARM state now: " + String.join(", ", firing) + ".")
            .recommendation("Check the stream's consumers and throughput: a rising iterator age means records "
                + "are read later than they arrive and expire at the end of the retention period.")
            .evidence("alarms", firing), stream, url, coverage));
      }
    }
  }

  private static Finding.Builder stream(Finding.Builder finding, KinesisStream stream, String url,
      AlarmCoverage coverage) {
    return finding
        .resource(stream.arn())
        .consoleUrl(url)
        .evidence("streamName", stream.name())
        .evidence("resourceTypes", stream.resourceTypes())
        .evidence("recommended", (long) coverage.recommended())
        .evidence("found", (long) coverage.found())
        .evidence("coveragePercent", coverage.coveragePercent());
  }

  private static List<String> names(List<StreamAlarm> alarms, String metric) {
    return alarms.stream().filter(a -> a.metric().equals(metric)).map(StreamAlarm::alarmName).distinct().toList();
  }

  private static String days(int hours) {
    return hours % 24 == 0 ? hours / 24 + " days" : String.format(java.util.Locale.ROOT, "%.1f days", hours / 24.0);
  }

  private void add(Finding.Builder finding) {
    findings.add(finding.build());
  }
}
