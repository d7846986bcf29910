package com.connectopsreview.cloudtrail;

import static com.connectopsreview.cloudtrail.Fixtures.ADMIN_USER;
import static com.connectopsreview.cloudtrail.Fixtures.CRM_ROLE;
import static com.connectopsreview.cloudtrail.Fixtures.INSTANCE_ARN;
import static com.connectopsreview.cloudtrail.Fixtures.INSTANCE_ID;
import static com.connectopsreview.cloudtrail.Fixtures.NOW;
import static com.connectopsreview.cloudtrail.Fixtures.OTHER_INSTANCE_ID;
import static com.connectopsreview.cloudtrail.Fixtures.record;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.cloudtrail.CloudTrailRecord.Mention;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.privacy.RedactionPolicy;
import com.connectopsreview.shared.sections.CloudTrailSection.CallerRow;
import com.connectopsreview.shared.sections.CloudTrailSection.Count;
import com.connectopsreview.shared.sections.CloudTrailSection.DayRow;
import com.connectopsreview.shared.sections.CloudTrailSection.Sample;
import com.connectopsreview.shared.sections.CloudTrailSection.Totals;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.model.Event;

/** The record reading, scope rules, grouping and severities over SDK Event objects. */
class CloudTrailRulesTest {

  private final EventTally tally = new EventTally("us-east-1", INSTANCE_ID, RedactionPolicy.defaultPolicy());

  @Test
  void parse_assumedRole_callerIsTheSessionIssuerRole_andTheSessionIsKeptApart() throws Exception {
    CloudTrailRecord r = CloudTrailRecord.parse(record("GetCurrentMetricData", NOW).assumedRole(CRM_ROLE, "sync-42")
        .throttled().event());

    assertEquals(CRM_ROLE, r.caller());
    assertEquals("AssumedRole", r.callerType());
    assertEquals("sync-42", r.sessionName());
    assertEquals("TooManyRequestsException", r.errorCode());
    assertTrue(r.isThrottled());
    assertEquals("us-east-1", r.awsRegion());
    assertEquals("198.51.100.23", r.sourceIp());
    assertEquals(NOW, r.eventTime());
    assertEquals(Mention.THIS_INSTANCE, r.mention(INSTANCE_ID));
  }

  @Test
  void parse_iamUser_callerIsTheUserArn_withoutSession() throws Exception {
    CloudTrailRecord r = CloudTrailRecord.parse(record("ListUsers", NOW).user(ADMIN_USER).event());

    assertEquals(ADMIN_USER, r.caller());
    assertEquals("IAMUser", r.callerType());
    assertNull(r.sessionName());
    assertFalse(r.isError());
  }

  @Test
  void parse_instanceNamedByArnOrInOtherArnParameters_orNotAtAll() throws Exception {
    assertEquals(Mention.THIS_INSTANCE, CloudTrailRecord.parse(record("DescribeUser", NOW)
        .parameter("InstanceId", INSTANCE_ARN).event()).mention(INSTANCE_ID));
    assertEquals(Mention.THIS_INSTANCE, CloudTrailRecord.parse(record("ListPhoneNumbersV2", NOW)
        .withoutParameter("InstanceId").parameter("TargetArn", INSTANCE_ARN).event()).mention(INSTANCE_ID));
    assertEquals(Mention.OTHER_INSTANCE, CloudTrailRecord.parse(record("DescribeUser", NOW)
        .withoutParameter("InstanceId").parameter("instanceId", OTHER_INSTANCE_ID).event()).mention(INSTANCE_ID));
    assertEquals(Mention.OTHER_INSTANCE, CloudTrailRecord.parse(record("TagResource", NOW).withoutParameter("InstanceId")
        .parameter("resourceArn", "arn:aws:connect:us-east-1:123456789012:instance/" + OTHER_INSTANCE_ID + "/queue/q1")
        .event()).mention(INSTANCE_ID));
    assertEquals(Mention.NONE, CloudTrailRecord.parse(record("ListInstances", NOW).withoutParameter("InstanceId")
        .event()).mention(INSTANCE_ID));
    assertEquals(Mention.NONE, CloudTrailRecord.parse(record("DescribeUser", NOW)
        .parameter("InstanceId", "HIDDEN_DUE_TO_SECURITY_REASONS").event()).mention(INSTANCE_ID));
  }

  @Test
  void parse_notJson_isUnparsable() {
    assertThrows(CloudTrailRecord.UnparsableException.class, () -> CloudTrailRecord.parse(Fixtures.unparsable(NOW)));
    assertThrows(CloudTrailRecord.UnparsableException.class,
        () -> CloudTrailRecord.parse(Event.builder().cloudTrailEvent("[1, 2]").build()));
    assertThrows(CloudTrailRecord.UnparsableException.class, () -> CloudTrailRecord.parse(Event.builder().build()));
  }

  @Test
  void tally_excludesOtherRegionsAndOtherInstances_countingTheirThrottlesApart() {
    tally.add(record("GetCurrentMetricData", NOW).throttled().event());
    tally.add(record("GetCurrentMetricData", NOW).throttled().region("us-west-2").event());
    tally.add(record("GetCurrentMetricData", NOW).region("eu-west-2").event());
    tally.add(record("DescribeUser", NOW).throttled().parameter("InstanceId", OTHER_INSTANCE_ID).event());
    tally.add(record("ListInstances", NOW).throttled().withoutParameter("InstanceId").event());
    tally.add(Fixtures.unparsable(NOW.minusSeconds(60)));

    Totals totals = tally.totals();

    assertEquals(new Totals(6, 1, 2, 1, 1, 1, 2, 2, 2, 1, 1), totals);
    assertEquals(List.of("GetCurrentMetricData", "ListInstances"), tally.apis().stream().map(a -> a.eventName).toList());
    assertEquals(NOW.minusSeconds(60), tally.oldest(), "the unparsable event's time still counts as read");
  }

  @Test
  void tally_groupsByApiCallerAndDay_mostThrottledFirst() {
    Instant yesterday = NOW.minusSeconds(86_400);
    for (int i = 0; i < 3; i++) {
      tally.add(record("GetCurrentMetricData", NOW).assumedRole(CRM_ROLE, "s" + i).throttled().event());
    }
    tally.add(record("GetCurrentMetricData", yesterday).event());
    tally.add(record("DescribeUser", yesterday).error("ResourceNotFoundException", "User not found").event());
    for (int i = 0; i < 4; i++) {
      tally.add(record("ListUsers", yesterday).user(ADMIN_USER).from("203.0.113.10", "aws-cli/2.15.0").event());
    }
    tally.add(record("ListUsers", yesterday).user(ADMIN_USER).from("203.0.113.11", "aws-cli/2.15.0").throttled()
        .event());

    List<EventTally.Api> apis = tally.apis();
    assertEquals(List.of("GetCurrentMetricData", "ListUsers", "DescribeUser"), apis.stream().map(a -> a.eventName)
        .toList());
    assertEquals(4, apis.get(0).events);
    assertEquals(3, apis.get(0).throttled);
    assertEquals(1, apis.get(2).errors);
    assertEquals(0, apis.get(2).throttled);

    List<CallerRow> callers = tally.callerRows();
    assertEquals(List.of(CRM_ROLE, ADMIN_USER), callers.stream().map(CallerRow::caller).toList());
    CallerRow crm = callers.get(0);
    assertEquals(5, crm.events());
    assertEquals(3, crm.throttled());
    assertEquals(List.of("s0", "s1", "s2", "crm-sync-1"), crm.sessionNames());
    assertEquals(Map.of("GetCurrentMetricData", 3L), crm.throttledByApi());
    CallerRow admin = callers.get(1);
    assertEquals(List.of(new Count("203.0.113.10", 4), new Count("203.0.113.11", 1)), admin.sourceIps());
    assertEquals(List.of(new Count("aws-cli/2.15.0", 5)), admin.userAgents());
    assertEquals(Map.of(CRM_ROLE, 3L), tally.topCallers("GetCurrentMetricData", 3));

    assertEquals(List.of(new DayRow(LocalDate.parse("2026-11-23"), 3, 3), new DayRow(LocalDate.parse("2026-11-22"), 7, 1)),
        tally.dayRows());
  }

  @Test
  void tally_keepsTheTenMostRecentThrottles_withRequestParametersAndMessageRedacted() {
    for (int i = 0; i < 12; i++) {
      tally.add(record("StartOutboundVoiceContact", NOW.minusSeconds(i)).throttled()
          .error("TooManyRequestsException", "Rate exceeded for +12065550123")
          .parameter("DestinationPhoneNumber", "+12065550123")
          .parameter("ContactFlowId", "flow-1")
          .parameter("Attributes", Map.of("customerName", "Jordan Rivera")).event());
    }

    List<Sample> samples = tally.samples();

    assertEquals(10, samples.size());
    assertEquals(NOW, samples.get(0).eventTime());
    Sample first = samples.get(0);
    assertTrue(first.namesThisInstance());
    assertEquals(RedactionPolicy.REDACTED, first.requestParameters().path("DestinationPhoneNumber").asText());
    assertEquals(RedactionPolicy.REDACTED, first.requestParameters().path("Attributes").path("customerName").asText());
    assertEquals("flow-1", first.requestParameters().path("ContactFlowId").asText(), "a mandatory field survives");
    assertFalse(first.errorMessage().contains("+12065550123"), first.errorMessage());
    assertFalse(first.toString().contains("Jordan Rivera"));
  }

  @Test
  void severity_highByVolumeOrShare_mediumFromTen_lowBelow() {
    assertEquals(Severity.HIGH, ThrottlingRules.severity(100, 1_000_000));
    assertEquals(Severity.HIGH, ThrottlingRules.severity(5, 100), "5 % is the line");
    assertEquals(Severity.MEDIUM, ThrottlingRules.severity(10, 1_000));
    assertEquals(Severity.MEDIUM, ThrottlingRules.severity(99, 10_000));
    assertEquals(Severity.LOW, ThrottlingRules.severity(9, 1_000));
    assertEquals(Severity.LOW, ThrottlingRules.severity(4, 100));
    assertEquals(Severity.LOW, ThrottlingRules.severity(1, 2), "a single throttled call is no share");
    assertEquals(Severity.LOW, ThrottlingRules.severity(4, 4));
    assertEquals(Severity.HIGH, ThrottlingRules.severity(5, 60), "five of sixty is over the line");
    assertNull(ThrottlingRules.severity(0, 100));
    assertEquals(new BigDecimal("33.3"), ThrottlingRules.percent(1, 3));
  }

  @Test
  void throttlingCodes_areConnectsRateErrorsOnly() {
    assertTrue(ThrottlingRules.isThrottling("TooManyRequestsException"));
    assertTrue(ThrottlingRules.isThrottling("ThrottlingException"));
    assertFalse(ThrottlingRules.isThrottling("LimitExceededException"));
    assertFalse(ThrottlingRules.isThrottling("AccessDeniedException"));
    assertFalse(ThrottlingRules.isThrottling(null));
  }
}
