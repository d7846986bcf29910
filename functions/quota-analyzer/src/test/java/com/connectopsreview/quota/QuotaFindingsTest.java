package com.connectopsreview.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.QuotaSection.ConcurrencyRow;
import com.connectopsreview.shared.sections.QuotaSection.Growth;
import com.connectopsreview.shared.sections.QuotaSection.LimitSource;
import com.connectopsreview.shared.sections.QuotaSection.QuotaRow;
import com.connectopsreview.shared.sections.QuotaSection.RateQuota;
import com.connectopsreview.shared.sections.QuotaSection.RowStatus;
import com.connectopsreview.shared.sections.QuotaSection.Trend;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotaFindingsTest {

  private static final String USERS_URL =
      "https://us-east-1.console.aws.amazon.com/servicequotas/home/services/connect/quotas/L-9A46857E";

  private final QuotaFindings findings = new QuotaFindings(Fixtures.INSTANCE, ThresholdOptions.DEFAULT);

  @Test
  void warningBelow90_isMediumNearLimit_linkingToTheQuotaPage() {
    Finding f = findings.of(users(100, 85L)).orElseThrow();
    assertEquals("QUOTA.USERS.NEAR_LIMIT", f.checkId());
    assertEquals(Severity.MEDIUM, f.severity());
    assertEquals(Pillar.OPERATIONAL_EXCELLENCE, f.pillar());
    assertEquals("Users per instance is at 85.0 % of its quota", f.title());
    assertEquals(USERS_URL, f.consoleUrl());
    assertEquals(Fixtures.INSTANCE_ARN, f.resource());
    assertEquals(85L, f.evidence().get("usage"));
    assertEquals(new BigDecimal("85.0"), f.evidence().get("percentage"));
    assertEquals(LimitSource.INSTANCE, f.evidence().get("limitSource"));
    assertEquals("L-9A46857E", f.evidence().get("quotaCode"));
  }

  @Test
  void warningFrom90_isHigh() {
    assertEquals(Severity.HIGH, findings.of(users(100, 90L)).orElseThrow().severity());
    assertEquals(Severity.HIGH, findings.of(users(100, 97L)).orElseThrow().severity());
  }

  @Test
  void critical_atAboveAndAtZeroLimit() {
    Finding at99 = findings.of(users(100, 99L)).orElseThrow();
    assertEquals("QUOTA.USERS.CRITICAL", at99.checkId());
    assertEquals(Severity.CRITICAL, at99.severity());
    assertEquals("Users per instance is at 99.0 % of its quota", at99.title());
    Finding above = findings.of(users(50, 60L)).orElseThrow();
    assertEquals("Users per instance is above its quota (120.0 %)", above.title());
    Finding zero = findings.of(users(0, 2L)).orElseThrow();
    assertEquals("QUOTA.USERS.CRITICAL", zero.checkId());
    assertEquals("Users per instance: quota is 0 but in use", zero.title());
  }

  @Test
  void normal_isPass_andNotMeasured_isInfo_andUnknownLimit_hasNoFinding() {
    Finding pass = findings.of(users(100, 10L)).orElseThrow();
    assertEquals("QUOTA.USERS.WITHIN_LIMIT", pass.checkId());
    assertEquals(Severity.PASS, pass.severity());
    Finding notMeasured = findings.of(users(100, null)).orElseThrow();
    assertEquals("QUOTA.USERS.NOT_MEASURED", notMeasured.checkId());
    assertEquals(Severity.INFO, notMeasured.severity());
    assertEquals("Users per instance: limit 100, usage not measured", notMeasured.title());
    assertTrue(findings.of(row(null, 10L)).isEmpty());
  }

  @Test
  void concurrency_bandsTheirPeak_asReliability_andNoDataIsInfo() {
    Finding near = findings.of(calls(new BigDecimal("88"), RowStatus.WARNING, new BigDecimal("88.0"))).orElseThrow();
    assertEquals("QUOTA.CONCURRENT_CALLS.NEAR_LIMIT", near.checkId());
    assertEquals(Pillar.RELIABILITY, near.pillar());
    assertEquals(new BigDecimal("88"), near.evidence().get("usage"));
    Finding noData = findings.of(calls(null, RowStatus.NO_DATA, null)).orElseThrow();
    assertEquals("QUOTA.CONCURRENT_CALLS.NO_DATA", noData.checkId());
    assertEquals(Severity.INFO, noData.severity());
  }

  @Test
  void growth_severityFollowsWeeksUntilLimitAndGrowth() {
    ConcurrencyRow row = calls(new BigDecimal("70"), RowStatus.NORMAL, new BigDecimal("70.0"));
    assertEquals(Severity.HIGH, growthFinding(row, "5.0", "3.9").severity());
    assertEquals(Severity.MEDIUM, growthFinding(row, "5.0", "12.9").severity());
    assertEquals(Severity.MEDIUM, growthFinding(row, "20.1", "40.0").severity());
    assertEquals(Severity.INFO, growthFinding(row, "20.0", "13.0").severity());
    Finding f = growthFinding(row, "22.9", "2.9");
    assertEquals("QUOTA.CONCURRENT_CALLS.GROWTH", f.checkId());
    assertEquals("Concurrent active calls per instance peaks are rising (+22.9 %), limit reached in about 2.9 weeks"
        + " at this trend", f.title());
    assertEquals(new BigDecimal("2.9"), f.evidence().get("weeksUntilLimit"));
  }

  @Test
  void growth_declineBeyond20Percent_isInfo_flatOrSmallDecline_nothing() {
    ConcurrencyRow row = calls(new BigDecimal("70"), RowStatus.NORMAL, new BigDecimal("70.0"));
    Finding decline = findings.of(growth(Trend.DECLINING, "-25.0", null), row).orElseThrow();
    assertEquals("QUOTA.CONCURRENT_CALLS.DECLINE", decline.checkId());
    assertEquals(Severity.INFO, decline.severity());
    assertTrue(findings.of(growth(Trend.DECLINING, "-19.9", null), row).isEmpty());
    assertTrue(findings.of(growth(Trend.FLAT, "0.0", null), row).isEmpty());
  }

  @Test
  void rateQuota_isInfoOnTheQuotaArn() {
    Finding f = findings.of(new RateQuota("L-AAAAAAAA", "Rate of ListUsers API requests", new BigDecimal("2"),
        new BigDecimal("10"), "None", true));
    assertEquals("QUOTA.API_RATE.CUSTOM", f.checkId());
    assertEquals(Severity.INFO, f.severity());
    assertEquals("arn:aws:servicequotas:us-east-1:123456789012:connect/L-AAAAAAAA", f.resource());
    assertEquals("Rate of ListUsers API requests: 10 applied (default 2)", f.title());
  }

  // ---- helpers ----

  private static QuotaRow users(long limit, Long usage) {
    return row(BigDecimal.valueOf(limit), usage);
  }

  private static QuotaRow row(BigDecimal limit, Long usage) {
    var evaluation = QuotaRules.evaluate(limit, usage == null ? null : BigDecimal.valueOf(usage),
        ThresholdOptions.DEFAULT);
    // The findings build their own console link; the row's is for the report.
    return new QuotaRow("USERS", "Users per instance", "L-9A46857E", null, limit,
        limit == null ? null : LimitSource.INSTANCE, usage, evaluation.percentage(), evaluation.status(),
        "ListUsers", null);
  }

  private static ConcurrencyRow calls(BigDecimal peak, RowStatus status, BigDecimal percentage) {
    return new ConcurrencyRow("CONCURRENT_CALLS", "Concurrent active calls per instance", "L-12AB7C57", null,
        BigDecimal.valueOf(100), LimitSource.ACCOUNT, "VoiceCalls", "ConcurrentCalls", peak,
        peak == null ? null : Instant.parse("2026-11-20T00:00:00Z"), "ConcurrentCallsPercentage", percentage,
        percentage, status, null, List.of());
  }

  private Finding growthFinding(ConcurrencyRow row, String growthPercent, String weeks) {
    return findings.of(growth(Trend.RISING, growthPercent, weeks), row).orElseThrow();
  }

  private static Growth growth(Trend trend, String growthPercent, String weeks) {
    return new Growth("CONCURRENT_CALLS", "Concurrent active calls per instance", "ConcurrentCalls", 7, 7,
        new BigDecimal("50.00"), new BigDecimal("60.00"), new BigDecimal(growthPercent), trend,
        weeks == null ? null : new BigDecimal(weeks), null);
  }
}
