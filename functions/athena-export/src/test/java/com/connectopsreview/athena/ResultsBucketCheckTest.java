package com.connectopsreview.athena;

import static com.connectopsreview.athena.Fixtures.INSTANCE;
import static com.connectopsreview.athena.Fixtures.NOW;
import static com.connectopsreview.athena.Fixtures.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.connectopsreview.shared.analyzer.ReadLog;
import com.connectopsreview.shared.links.ConsoleLinks;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.AthenaSection.CheckIds;
import com.connectopsreview.shared.sections.AthenaSection.ResultsBucket;
import com.connectopsreview.shared.testing.SdkMocks;
import com.connectopsreview.shared.time.TimeBudget;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationRequest;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;

class ResultsBucketCheckTest {

  private static final String LOCATION = "s3://results-bucket/athena/exports/";

  private final S3Client s3 = SdkMocks.client(S3Client.class);
  private final ReadLog log = new ReadLog(new TimeBudget(Clock.fixed(NOW, ZoneOffset.UTC), NOW.plusSeconds(60)), 1);
  private final ResultsBucketCheck check = new ResultsBucketCheck(s3, log, ConsoleLinks.forInstance(INSTANCE));
  private final List<Finding> findings = new ArrayList<>();

  @Test
  void noLifecycleConfiguration_isALowFinding_andZeroRules() {
    when(s3.getBucketLifecycleConfiguration(any(GetBucketLifecycleConfigurationRequest.class))).thenThrow(
        s3Error(404, "NoSuchLifecycleConfiguration", "The lifecycle configuration does not exist"));

    ResultsBucket bucket = check.check(LOCATION, findings);

    assertEquals(new ResultsBucket("results-bucket", 0, false), bucket);
    assertEquals(List.of(CheckIds.RESULTS_BUCKET_NO_LIFECYCLE), ids(findings));
    Finding finding = findings.get(0);
    assertEquals(Severity.LOW, finding.severity());
    assertEquals(Pillar.COST, finding.pillar());
    assertEquals("arn:aws:s3:::results-bucket", finding.resource());
    assertEquals(0L, finding.evidence().get("enabledRules"));
    assertEquals(LOCATION, finding.evidence().get("outputLocation"));
    assertTrue(finding.recommendation().contains(LOCATION), finding.recommendation());
    assertTrue(log.errors().isEmpty(), "no lifecycle is an answer, not an error: " + log.errors());
  }

  @Test
  void enabledExpiringRuleCoveringThePrefix_isNoFinding() {
    rules(rule(ExpirationStatus.ENABLED, LifecycleRuleFilter.builder().prefix("athena/").build(), 30));

    ResultsBucket bucket = check.check(LOCATION, findings);

    assertEquals(new ResultsBucket("results-bucket", 1, true), bucket);
    assertTrue(findings.isEmpty(), ids(findings).toString());
    ArgumentCaptor<GetBucketLifecycleConfigurationRequest> request =
        ArgumentCaptor.forClass(GetBucketLifecycleConfigurationRequest.class);
    verify(s3).getBucketLifecycleConfiguration(request.capture());
    assertEquals("results-bucket", request.getValue().bucket());
  }

  @Test
  void wholeBucketRule_andExpirationByDate_cover() {
    rules(LifecycleRule.builder().id("all").status(ExpirationStatus.ENABLED)
        .filter(LifecycleRuleFilter.builder().prefix("").build())
        .expiration(LifecycleExpiration.builder().date(NOW.plusSeconds(86_400)).build()).build());

    assertEquals(new ResultsBucket("results-bucket", 1, true), check.check(LOCATION, findings));
    assertTrue(findings.isEmpty(), ids(findings).toString());
  }

  @Test
  void disabledRule_isAFinding() {
    rules(rule(ExpirationStatus.DISABLED, LifecycleRuleFilter.builder().prefix("athena/").build(), 30));

    assertEquals(new ResultsBucket("results-bucket", 0, false), check.check(LOCATION, findings));
    assertEquals(List.of(CheckIds.RESULTS_BUCKET_NO_LIFECYCLE), ids(findings));
  }

  @Test
  void ruleForAnotherPrefix_isAFinding() {
    rules(rule(ExpirationStatus.ENABLED, LifecycleRuleFilter.builder().prefix("logs/").build(), 30));

    assertEquals(new ResultsBucket("results-bucket", 1, false), check.check(LOCATION, findings));
    Finding finding = Fixtures.only(findings, CheckIds.RESULTS_BUCKET_NO_LIFECYCLE);
    assertEquals(1L, finding.evidence().get("enabledRules"));
    assertTrue(finding.detail().contains("'athena/exports/'"), finding.detail());
  }

  @Test
  void tagFilteredRule_isAFinding_resultObjectsCarryNoTags() {
    rules(rule(ExpirationStatus.ENABLED, LifecycleRuleFilter.builder()
        .tag(Tag.builder().key("expire").value("yes").build()).build(), 30));

    assertEquals(new ResultsBucket("results-bucket", 1, false), check.check(LOCATION, findings));
    assertEquals(List.of(CheckIds.RESULTS_BUCKET_NO_LIFECYCLE), ids(findings));
  }

  @Test
  void ruleThatOnlyRemovesDeleteMarkers_doesNotExpireObjects() {
    rules(LifecycleRule.builder().id("markers").status(ExpirationStatus.ENABLED)
        .filter(LifecycleRuleFilter.builder().prefix("athena/").build())
        .expiration(LifecycleExpiration.builder().expiredObjectDeleteMarker(true).build()).build());

    assertEquals(new ResultsBucket("results-bucket", 1, false), check.check(LOCATION, findings));
    assertEquals(List.of(CheckIds.RESULTS_BUCKET_NO_LIFECYCLE), ids(findings));
  }

  @Test
  void accessDenied_isNull_andAnErrorNamingTheBucket() {
    when(s3.getBucketLifecycleConfiguration(any(GetBucketLifecycleConfigurationRequest.class))).thenThrow(
        s3Error(403, "AccessDenied", "Access Denied"));

    assertNull(check.check(LOCATION, findings));

    assertTrue(findings.isEmpty(), "not read is never judged");
    assertEquals(1, log.errors().size(), log.errors().toString());
    assertTrue(log.errors().get(0).startsWith("lifecycle rules of query results bucket results-bucket not read "
        + "(S3 GetBucketLifecycleConfiguration: "), log.errors().get(0));
  }

  @Test
  void location_isSplitIntoBucketAndPrefix() {
    rules(rule(ExpirationStatus.ENABLED, LifecycleRuleFilter.builder().prefix("a/").build(), 7));
    assertEquals(new ResultsBucket("bucket", 1, true), check.check("s3://bucket/a/b/", findings));

    rules(rule(ExpirationStatus.ENABLED, LifecycleRuleFilter.builder().prefix("a/b/c").build(), 7));
    assertEquals(new ResultsBucket("bucket", 1, false), check.check("s3://bucket/a/b/", findings),
        "a rule for a deeper prefix misses what is written under a/b/");

    rules(rule(ExpirationStatus.ENABLED, LifecycleRuleFilter.builder().prefix("").build(), 7));
    assertEquals(new ResultsBucket("bare-bucket", 1, true), check.check("s3://bare-bucket", findings));

    ArgumentCaptor<GetBucketLifecycleConfigurationRequest> requests =
        ArgumentCaptor.forClass(GetBucketLifecycleConfigurationRequest.class);
    verify(s3, org.mockito.Mockito.times(3)).getBucketLifecycleConfiguration(requests.capture());
    assertEquals(List.of("bucket", "bucket", "bare-bucket"),
        requests.getAllValues().stream().map(GetBucketLifecycleConfigurationRequest::bucket).toList());
  }

  private void rules(LifecycleRule... rules) {
    when(s3.getBucketLifecycleConfiguration(any(GetBucketLifecycleConfigurationRequest.class))).thenReturn(
        GetBucketLifecycleConfigurationResponse.builder().rules(rules).build());
  }

  private static LifecycleRule rule(ExpirationStatus status, LifecycleRuleFilter filter, int days) {
    return LifecycleRule.builder().id("rule").status(status).filter(filter)
        .expiration(LifecycleExpiration.builder().days(days).build()).build();
  }

  private static S3Exception s3Error(int status, String code, String message) {
    return (S3Exception) S3Exception.builder().statusCode(status).message(message)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("S3").build())
        .build();
  }
}
