package com.connectopsreview.cloudtrail;

import static com.connectopsreview.cloudtrail.Fixtures.ADMIN_USER;
import static com.connectopsreview.cloudtrail.Fixtures.CRM_ROLE;
import static com.connectopsreview.cloudtrail.Fixtures.NOW;
import static com.connectopsreview.cloudtrail.Fixtures.only;
import static com.connectopsreview.cloudtrail.Fixtures.record;
import static com.connectopsreview.cloudtrail.Fixtures.withCheckId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.connectopsreview.shared.analyzer.AnalysisOutput;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.model.TimeWindow;
import com.connectopsreview.shared.sections.CloudTrailSection;
import com.connectopsreview.shared.sections.SectionContract;
import com.connectopsreview.shared.testing.SdkMocks;
import com.connectopsreview.shared.testing.TestClock;
import com.connectopsreview.shared.time.TimeBudget;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.CloudTrailException;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsRequest;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;

/** The analyzer over a mocked CloudTrailClient whose paginator pages through stubbed answers. */
class CloudTrailAnalyzerTest {

  private final TestClock clock = new TestClock(NOW);
  private final CloudTrailClient cloudTrail = SdkMocks.client(CloudTrailClient.class);
  private final CloudTrailAnalyzer analyzer =
      new CloudTrailAnalyzer(SdkMocks.inRegion(Region.US_EAST_1, cloudTrail), clock);

  @Test
  void analyze_readsEveryPageWithTheDocumentedRequest_andRatesEachThrottledApi() {
    List<Event> events = new ArrayList<>();
    // GetCurrentMetricData: 120 of 200 throttled (HIGH by volume); DescribeUser 12 of 300 (4 %: MEDIUM);
    // ListUsers 3 of 100 (LOW).
    for (int i = 0; i < 200; i++) {
      Fixtures.Record r = record("GetCurrentMetricData", NOW.minusSeconds(10L * i));
      events.add((i < 120 ? r.throttled() : r).event());
    }
    for (int i = 0; i < 300; i++) {
      Fixtures.Record r = record("DescribeUser", NOW.minusSeconds(2_000L + i));
      events.add((i < 12 ? r.error("ThrottlingException", "Rate exceeded") : r).event());
    }
    for (int i = 0; i < 100; i++) {
      Fixtures.Record r = record("ListUsers", NOW.minusSeconds(3_000L + i)).user(ADMIN_USER);
      events.add((i < 3 ? r.throttled() : r).event());
    }
    stubPages(events, null);

    AnalysisOutput output = analyzer.analyze(Fixtures.request(NOW.plusSeconds(600)), budget(600));

    assertEquals(ComponentStatus.OK, output.status(), () -> String.valueOf(output.errors()));
    ArgumentCaptor<LookupEventsRequest> sent = ArgumentCaptor.forClass(LookupEventsRequest.class);
    verify(cloudTrail, org.mockito.Mockito.times(12)).lookupEvents(sent.capture());
    LookupEventsRequest first = sent.getAllValues().get(0);
    assertEquals(LookupAttributeKey.EVENT_SOURCE, first.lookupAttributes().get(0).attributeKey());
    assertEquals("connect.amazonaws.com", first.lookupAttributes().get(0).attributeValue());
    assertEquals(1, first.lookupAttributes().size());
    assertEquals(Fixtures.WINDOW.start(), first.startTime());
    assertEquals(NOW, first.endTime());
    assertEquals(50, first.maxResults());
    assertEquals("page-11", sent.getAllValues().get(11).nextToken());

    List<Finding> apis = output.findings().stream().filter(f -> f.checkId().startsWith("CLOUDTRAIL.API_THROTTLED."))
        .toList();
    assertEquals(List.of("GetCurrentMetricData", "DescribeUser", "ListUsers"), apis.stream().map(Finding::resource)
        .toList());
    assertEquals(List.of(Severity.HIGH, Severity.MEDIUM, Severity.LOW), apis.stream().map(Finding::severity).toList());
    assertEquals(List.of("CLOUDTRAIL.API_THROTTLED.HIGH", "CLOUDTRAIL.API_THROTTLED.MEDIUM", "CLOUDTRAIL.API_THROTTLED.LOW"),
        apis.stream().map(Finding::checkId).toList());
    Finding gcmd = apis.get(0);
    assertEquals("GetCurrentMetricData: 120 of 200 calls throttled (60.0 %)", gcmd.title());
    assertEquals(Map.of(CRM_ROLE, 120L), gcmd.evidence().get("topCallers"));
    assertTrue(gcmd.recommendation().contains("'Rate of GetCurrentMetricData API requests'"));
    assertTrue(gcmd.recommendation().contains(CloudTrailFindings.BEST_PRACTICES));
    assertTrue(gcmd.consoleUrl().startsWith("https://us-east-1.console.aws.amazon.com/cloudtrailv2/home?region="
        + "us-east-1#/events?EventName=GetCurrentMetricData&StartTime=2026-11-09T09%3A00%3A00Z"), gcmd.consoleUrl());
    Finding callers = only(output.findings(), "CLOUDTRAIL.THROTTLING.CALLERS");
    assertEquals(Severity.INFO, callers.severity());
    assertEquals(CRM_ROLE, callers.resource());
    assertEquals(Map.of(CRM_ROLE, 132L, ADMIN_USER, 3L), callers.evidence().get("throttledByCaller"));
    assertTrue(withCheckId(output.findings(), "CLOUDTRAIL.THROTTLING.NONE").isEmpty());

    CloudTrailSection data = SectionContract.assertCurrent(output.data(), CloudTrailSection.class);
    assertTrue(data.window().complete());
    assertEquals(12, data.window().pages());
    assertEquals(Fixtures.WINDOW.start(), data.window().analyzedFrom());
    assertEquals(600, data.totals().eventsAnalyzed());
    assertEquals(135, data.totals().throttled());
    assertEquals(135, data.totals().throttledThisInstance());
    assertEquals("DescribeUser", data.byApi().get(1).eventName());
    assertEquals(0, new java.math.BigDecimal("4.0").compareTo(data.byApi().get(1).throttledPercent()));
    assertEquals(Severity.MEDIUM, data.byApi().get(1).severity());
    assertEquals(List.of("ThrottlingException", "TooManyRequestsException"), data.throttlingErrorCodes());
    assertEquals(10, data.throttledSamples().size());
    assertTrue(data.redactionPolicy().startsWith("allow-list"), data.redactionPolicy());
    assertTrue(data.consoleUrl().contains("#/events?EventSource=connect.amazonaws.com&StartTime="));
  }

  @Test
  void analyze_completeWindowWithoutThrottling_isAPass() {
    stubPages(List.of(record("DescribeUser", NOW).event(), record("ListQueues", NOW).event()), null);

    AnalysisOutput output = analyzer.analyze(Fixtures.request(NOW.plusSeconds(600)), budget(600));

    assertEquals(ComponentStatus.OK, output.status());
    Finding pass = only(output.findings(), "CLOUDTRAIL.THROTTLING.NONE");
    assertEquals(Severity.PASS, pass.severity());
    assertEquals("No Amazon Connect API throttling from 2026-11-09T09:00:00Z to 2026-11-23T09:00:00Z", pass.title());
    assertEquals(Severity.INFO, only(output.findings(), "CLOUDTRAIL.EVENTS.SUMMARY").severity());
    assertTrue(withCheckId(output.findings(), "CLOUDTRAIL.THROTTLING.NONE_SO_FAR").isEmpty());
  }

  @Test
  void analyze_whenTheBudgetRunsOut_keepsWhatWasRead_isPartialAnalyzedBackToTheOldestEvent_andNeverPasses() {
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      events.add(record("DescribeUser", NOW.minusSeconds(60L * i)).event());
    }
    // Each page takes 40 s: the budget of 100 s reads three pages.
    stubPages(events, Duration.ofSeconds(40));

    AnalysisOutput output = analyzer.analyze(Fixtures.request(NOW.plusSeconds(100)), budget(100));

    assertEquals(ComponentStatus.PARTIAL, output.status());
    Instant oldest = NOW.minusSeconds(60L * 149);
    assertEquals(1, output.errors().size(), () -> String.valueOf(output.errors()));
    assertTrue(output.errors().get(0).startsWith("time budget spent (time budget spent before CloudTrail LookupEvents"),
        output.errors().get(0));
    assertTrue(output.errors().get(0).contains("analyzed back to " + oldest + " (150 events, 3 pages)"),
        output.errors().get(0));
    assertTrue(withCheckId(output.findings(), "CLOUDTRAIL.THROTTLING.NONE").isEmpty(), "no PASS when partial");
    Finding info = only(output.findings(), "CLOUDTRAIL.THROTTLING.NONE_SO_FAR");
    assertEquals(Severity.INFO, info.severity());
    assertEquals("No Amazon Connect API throttling back to " + oldest + " (the window was not read to its start)",
        info.title());
    CloudTrailSection data = SectionContract.assertCurrent(output.data(), CloudTrailSection.class);
    assertFalse(data.window().complete());
    assertEquals(oldest, data.window().analyzedFrom());
    assertEquals(NOW, data.window().analyzedTo());
    assertEquals(150, data.totals().eventsRead());
  }

  @Test
  void analyze_anUnparsableRecord_isCountedAndMakesItPartial_withoutPass() {
    stubPages(List.of(record("DescribeUser", NOW).event(), Fixtures.unparsable(NOW.minusSeconds(5))), null);

    AnalysisOutput output = analyzer.analyze(Fixtures.request(NOW.plusSeconds(600)), budget(600));

    assertEquals(ComponentStatus.PARTIAL, output.status());
    assertEquals(List.of("1 of 2 events have a CloudTrailEvent that is not a JSON object; they were not analysed"),
        output.errors());
    assertTrue(withCheckId(output.findings(), "CLOUDTRAIL.THROTTLING.NONE").isEmpty());
    assertEquals("No Amazon Connect API throttling in the readable events (1 not readable)",
        only(output.findings(), "CLOUDTRAIL.THROTTLING.NONE_SO_FAR").title());
    assertEquals(1, output.data().at("/totals/unparsedEvents").asInt());
  }

  @Test
  void analyze_windowOlderThanNinetyDays_isCutToTheEventHistory_andSaysSo() {
    stubPages(List.of(record("DescribeUser", NOW).event()), null);
    TimeWindow long120 = new TimeWindow(NOW.minus(Duration.ofDays(120)), NOW);

    AnalysisOutput output = analyzer.analyze(Fixtures.request(long120, NOW.plusSeconds(600)), budget(600));

    ArgumentCaptor<LookupEventsRequest> sent = ArgumentCaptor.forClass(LookupEventsRequest.class);
    verify(cloudTrail).lookupEvents(sent.capture());
    assertEquals(NOW.minus(Duration.ofDays(90)), sent.getValue().startTime());
    CloudTrailSection data = SectionContract.assertCurrent(output.data(), CloudTrailSection.class);
    assertTrue(data.window().clamped());
    assertEquals(long120.start(), data.window().requestedStart());
    assertEquals(NOW.minus(Duration.ofDays(90)), data.window().lookupStart());
    assertTrue(only(output.findings(), "CLOUDTRAIL.EVENTS.SUMMARY").detail().contains("cut to the last 90 days"));
    assertEquals(ComponentStatus.OK, output.status());
  }

  @Test
  void analyze_windowEntirelyBeyondTheEventHistory_isSkippedWithoutACall() {
    TimeWindow old = new TimeWindow(NOW.minus(Duration.ofDays(200)), NOW.minus(Duration.ofDays(100)));

    AnalysisOutput output = analyzer.analyze(Fixtures.request(old, NOW.plusSeconds(600)), budget(600));

    assertEquals(ComponentStatus.SKIPPED, output.status());
    assertTrue(output.errors().get(0).contains("ends before the 90 days of event history"), output.errors().get(0));
    verify(cloudTrail, never()).lookupEvents(any(LookupEventsRequest.class));
  }

  @Test
  void analyze_deniedOnTheFirstPage_failsWithTheReason() {
    when(cloudTrail.lookupEvents(any(LookupEventsRequest.class))).thenThrow(error("AccessDeniedException", 400,
        "not authorized to perform: cloudtrail:LookupEvents"));

    RuntimeException e = assertThrows(RuntimeException.class,
        () -> analyzer.analyze(Fixtures.request(NOW.plusSeconds(600)), budget(600)));

    assertTrue(e.getMessage().startsWith("CloudTrail LookupEvents failed: AccessDeniedException from CloudTrail "
        + "(HTTP 400)"), e.getMessage());
  }

  @Test
  void analyze_failingAfterSomePages_isPartialWithWhatWasRead() {
    LookupEventsResponse page1 = LookupEventsResponse.builder()
        .events(record("GetCurrentMetricData", NOW).throttled().event()).nextToken("t2").build();
    when(cloudTrail.lookupEvents(any(LookupEventsRequest.class))).thenAnswer(inv -> {
      LookupEventsRequest r = inv.getArgument(0);
      if (r.nextToken() == null) {
        return page1;
      }
      throw error("ThrottlingException", 400, "Rate exceeded");
    });

    AnalysisOutput output = analyzer.analyze(Fixtures.request(NOW.plusSeconds(600)), budget(600));

    assertEquals(ComponentStatus.PARTIAL, output.status());
    assertTrue(output.errors().get(0).startsWith("CloudTrail LookupEvents stopped after 1 pages (ThrottlingException"),
        output.errors().get(0));
    assertTrue(output.errors().get(0).endsWith("analyzed back to " + NOW), output.errors().get(0));
    assertEquals(Severity.LOW, only(output.findings(), "CLOUDTRAIL.API_THROTTLED.LOW").severity());
    assertFalse(Json.toString(output.data()).contains("\"complete\":true"));
  }

  // ---- helpers ----

  private TimeBudget budget(long seconds) {
    return new TimeBudget(clock, NOW.plusSeconds(seconds));
  }

  /** Pages of 50 with tokens page-1, page-2, ...; each page moves the clock by {@code perPage} when given. */
  private void stubPages(List<Event> events, Duration perPage) {
    when(cloudTrail.lookupEvents(any(LookupEventsRequest.class))).thenAnswer(inv -> {
      LookupEventsRequest r = inv.getArgument(0);
      int page = r.nextToken() == null ? 0 : Integer.parseInt(r.nextToken().substring("page-".length()));
      if (perPage != null) {
        clock.advance(perPage);
      }
      int from = page * 50;
      int to = Math.min(events.size(), from + 50);
      return LookupEventsResponse.builder().events(events.subList(from, to))
          .nextToken(to < events.size() ? "page-" + (page + 1) : null).build();
    });
  }

  private static CloudTrailException error(String code, int status, String message) {
    return (CloudTrailException) CloudTrailException.builder()
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).serviceName("CloudTrail").errorMessage(message)
            .build())
        .statusCode(status).build();
  }
}
