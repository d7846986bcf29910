package com.connectopsreview.instance;

import static com.connectopsreview.instance.Fixtures.CMK_ARN;
import static com.connectopsreview.instance.Fixtures.INSTANCE;
import static com.connectopsreview.instance.Fixtures.KDS_ARN;
import static com.connectopsreview.instance.Fixtures.checkIds;
import static com.connectopsreview.instance.Fixtures.only;
import static com.connectopsreview.instance.StreamAlarmCoverageTest.alarm;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.InstanceSection.CheckIds;
import com.connectopsreview.shared.sections.InstanceSection.Encryption;
import com.connectopsreview.shared.sections.InstanceSection.KeyRotation;
import com.connectopsreview.shared.sections.InstanceSection.KinesisStream;
import com.connectopsreview.shared.sections.InstanceSection.KmsKey;
import com.connectopsreview.shared.cloudwatch.MetricAlarms.Alarm;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.connect.model.StorageType;

class StreamSecurityChecksTest {

  private final StreamSecurityChecks checks = new StreamSecurityChecks(INSTANCE);

  @Nested
  class KeyRotationRule {

    @Test
    void rotationOn_isAPassWithPeriodAndNextDate() {
      checks.keyRotation(List.of(key(KeyRotation.ENABLED, 365, Instant.parse("2027-01-01T00:00:00Z"), null)));

      Finding f = only(checks.findings(), CheckIds.KEY_ROTATION_ENABLED);
      assertEquals(Severity.PASS, f.severity());
      assertEquals(CMK_ARN, f.resource());
      assertEquals(365L, f.evidence().get("rotationPeriodInDays"));
      assertEquals("2027-01-01T00:00:00Z", f.evidence().get("nextRotationDate"));
      assertEquals(List.of("contact-lens"), f.evidence().get("streams"));
      assertTrue(f.consoleUrl().endsWith("#/kms/keys/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0"), f.consoleUrl());
    }

    @Test
    void rotationOff_isMediumSecurityAsSecurityHubKms4() {
      checks.keyRotation(List.of(key(KeyRotation.DISABLED, null, null, null)));

      Finding f = only(checks.findings(), CheckIds.KEY_ROTATION_DISABLED);
      assertEquals(Severity.MEDIUM, f.severity());
      assertEquals(Pillar.SECURITY, f.pillar());
      assertEquals(CMK_ARN, f.evidence().get("keyArn"));
      assertEquals(List.of("Kinesis data stream contact-lens (AGENT_EVENTS)"), f.evidence().get("usedBy"));
      assertTrue(f.recommendation().contains("EnableKeyRotation"), f.recommendation());
    }

    @Test
    void notApplicable_isInfoNeverAGap() {
      checks.keyRotation(List.of(key(KeyRotation.NOT_APPLICABLE, null, null, "UnsupportedOperationException ...")));

      assertEquals(List.of(CheckIds.KEY_ROTATION_NOT_APPLICABLE), checkIds(checks.findings()));
      assertEquals(Severity.INFO, checks.findings().get(0).severity());
    }

    @Test
    void unusableKey_isHighReliabilityWithItsReason() {
      checks.keyRotation(List.of(key(KeyRotation.KEY_UNUSABLE, null, null, "KeyState Disabled")));

      Finding f = only(checks.findings(), CheckIds.KMS_KEY_UNUSABLE);
      assertEquals(Severity.HIGH, f.severity());
      assertEquals(Pillar.RELIABILITY, f.pillar());
      assertTrue(f.detail().contains("KeyState Disabled"), f.detail());
    }

    @Test
    void awsManagedAndUnknownKeys_giveNoFinding() {
      checks.keyRotation(List.of(key(KeyRotation.AWS_MANAGED, null, null, null),
          key(KeyRotation.UNKNOWN, null, null, "GetKeyRotationStatus denied")));

      assertEquals(List.of(), checks.findings());
    }
  }

  @Nested
  class RetentionRule {

    @Test
    void theDefault24Hours_isAPass() {
      checks.streamRetention(List.of(kinesis(24)));

      Finding f = only(checks.findings(), CheckIds.STREAM_RETENTION_DEFAULT);
      assertEquals(Severity.PASS, f.severity());
      assertEquals(24L, f.evidence().get("retentionHours"));
    }

    @Test
    void extendedRetention_isCostInfo() {
      checks.streamRetention(List.of(kinesis(168)));

      Finding f = only(checks.findings(), CheckIds.STREAM_RETENTION_EXTENDED);
      assertEquals(Severity.INFO, f.severity());
      assertEquals(Pillar.COST, f.pillar());
      assertTrue(f.title().endsWith("168 hours"), f.title());
      assertTrue(f.detail().contains("(7 days)"), f.detail());
    }

    @Test
    void aValueOutsideKinesisRange_isNotEvaluated() {
      checks.streamRetention(List.of(kinesis(12), kinesis(null)));

      assertEquals(List.of(), checks.findings());
      assertEquals(2, checks.notEvaluated().size());
      assertTrue(checks.notEvaluated().get(0).contains("RetentionPeriodHours 12, outside Kinesis' range of 24 to 8760"),
          checks.notEvaluated().get(0));
    }

    @Test
    void firehoseAndUndescribedStreams_areSkipped() {
      ResolvedStream firehose = new ResolvedStream(StorageType.KINESIS_FIREHOSE, Fixtures.FIREHOSE_ARN,
          List.of("CONTACT_TRACE_RECORDS"), Encryption.CMK, CMK_ARN, null, "ENABLED", null, false);
      ResolvedStream failed = ResolvedStream.failed(StorageType.KINESIS_STREAM, KDS_ARN, List.of("AGENT_EVENTS"),
          "AccessDeniedException", false);

      checks.streamRetention(List.of(firehose, failed));

      assertEquals(List.of(), checks.findings());
      assertEquals(List.of(), checks.notEvaluated());
    }
  }

  @Nested
  class AlarmRules {

    @Test
    void noAlarms_isIteratorAgeMissingMediumAndTheRestLow() {
      checks.streamAlarms(List.of(stream(List.of())));

      assertEquals(List.of(CheckIds.STREAM_ALARMS_ITERATOR_AGE_MISSING, CheckIds.STREAM_ALARMS_INCOMPLETE),
          checkIds(checks.findings()));
      Finding missing = checks.findings().get(0);
      assertEquals(Severity.MEDIUM, missing.severity());
      assertEquals(Pillar.RELIABILITY, missing.pillar());
      assertTrue(missing.detail().contains("(168 hours)"), missing.detail());
      assertTrue(missing.recommendation().contains("Maximum > 60000 over 300 s"), missing.recommendation());
      assertTrue(missing.consoleUrl().endsWith("#/streams/details/agent-events/monitoring"), missing.consoleUrl());
      Finding incomplete = checks.findings().get(1);
      assertEquals(Severity.LOW, incomplete.severity());
      assertEquals(5, ((List<?>) incomplete.evidence().get("missing")).size());
      assertEquals(new BigDecimal("0.0"), incomplete.evidence().get("coveragePercent"));
    }

    @Test
    void onlyTheIteratorAgeAlarm_passesItAndReportsTheOtherFive() {
      checks.streamAlarms(List.of(stream(List.of(
          alarm("age", "AWS/Kinesis", "GetRecords.IteratorAgeMilliseconds", "agent-events", "OK", true)))));

      assertEquals(List.of(CheckIds.STREAM_ALARMS_ITERATOR_AGE_PRESENT, CheckIds.STREAM_ALARMS_INCOMPLETE),
          checkIds(checks.findings()));
      assertEquals(List.of("age"), checks.findings().get(0).evidence().get("alarms"));
      assertEquals(new BigDecimal("16.7"), checks.findings().get(1).evidence().get("coveragePercent"));
      assertTrue(checks.findings().get(1).title().startsWith("5 recommended alarms missing"));
    }

    @Test
    void allSix_isComplete() {
      List<Alarm> alarms = new ArrayList<>();
      StreamAlarmCoverage.RECOMMENDED.forEach(r ->
          alarms.add(alarm(r.metric(), "AWS/Kinesis", r.metric(), "agent-events", "OK", true)));

      checks.streamAlarms(List.of(stream(alarms)));

      assertEquals(List.of(CheckIds.STREAM_ALARMS_ITERATOR_AGE_PRESENT, CheckIds.STREAM_ALARMS_COMPLETE),
          checkIds(checks.findings()));
      assertEquals(new BigDecimal("100.0"), checks.findings().get(1).evidence().get("coveragePercent"));
    }

    @Test
    void anAlarmWithoutActionsAndOneInAlarm_areReported() {
      checks.streamAlarms(List.of(stream(List.of(
          alarm("age", "AWS/Kinesis", "GetRecords.IteratorAgeMilliseconds", "agent-events", "ALARM", false)))));

      Finding silent = only(checks.findings(), CheckIds.STREAM_ALARMS_NO_ACTIONS);
      assertEquals(Severity.LOW, silent.severity());
      assertEquals(List.of("age (GetRecords.IteratorAgeMilliseconds)"), silent.evidence().get("alarms"));
      assertEquals(Severity.MEDIUM, only(checks.findings(), CheckIds.STREAM_ALARMS_IN_ALARM).severity());
    }

    @Test
    void aStreamWhoseAlarmsWereNotRead_getsNoAlarmFinding() {
      checks.streamAlarms(List.of(new KinesisStream(KDS_ARN, "agent-events", List.of("AGENT_EVENTS"), 24, null)));

      assertEquals(List.of(), checks.findings());
    }
  }

  // ---- fixtures ----

  private static KmsKey key(KeyRotation rotation, Integer period, Instant next, String reason) {
    return new KmsKey(CMK_ARN, CMK_ARN, List.of("Kinesis data stream contact-lens (AGENT_EVENTS)"),
        List.of("contact-lens"), "CUSTOMER", "Enabled", rotation, period, next, reason);
  }

  private static ResolvedStream kinesis(Integer retentionHours) {
    return new ResolvedStream(StorageType.KINESIS_STREAM, KDS_ARN, List.of("AGENT_EVENTS"), Encryption.NONE, null,
        retentionHours, "NONE", null, false);
  }

  private static KinesisStream stream(List<Alarm> alarms) {
    return new KinesisStream(KDS_ARN, "agent-events", List.of("AGENT_EVENTS"), 168,
        StreamAlarmCoverage.of("agent-events", alarms));
  }
}
