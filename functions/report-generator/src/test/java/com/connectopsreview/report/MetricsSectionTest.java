package com.connectopsreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.model.ComponentStatus;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contact-center metrics section, rendered from fixtures/metrics-data.json through the whole generator. */
class MetricsSectionTest {

  private static final String HOSTILE = "<img src=x onerror=alert(1)>";
  /** What an SVG may say: numbers, dates, times, and the words this report adds itself. */
  private static final Pattern SVG_TEXT =
      Pattern.compile("[0-9]+(\\.[0-9]+)?|[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}:[0-9]{2} UTC)? · "
          + "([0-9]+(\\.[0-9]+)?|no data)( \\(partial day\\))?");

  @TempDir Path dir;

  private SectionReview review;

  @BeforeEach
  void setUp() {
    review = new SectionReview(dir);
  }

  @Test
  void keyFigures_showConcurrentMissedAndThrottledCalls() {
    String html = renderWithMetrics(ComponentStatus.OK, fixture());

    String concurrent = HtmlScan.elementById(html, "div", "metrics-concurrent-calls");
    assertTrue(concurrent.contains("<th scope=\"row\">Absolute peak</th><td>41 <span class=\"when\">at 2026-11-22 11:00 UTC</span></td>"), concurrent);
    assertTrue(concurrent.contains("<th scope=\"row\">Period average</th><td>16.50</td>"));
    String missed = HtmlScan.elementById(html, "div", "metrics-missed-calls");
    assertTrue(missed.contains("<th scope=\"row\">Total</th><td>117</td>"));
    assertTrue(missed.contains("<th scope=\"row\">Complete days</th><td>2</td>"));
    assertTrue(missed.contains("<td>53.50 / 53.5</td>"), missed);
    assertTrue(missed.contains("<td>2026-11-21 (&lt;script&gt;alert(&#39;weekday&#39;)&lt;/script&gt;): 95</td>"), missed);
    assertTrue(missed.contains("<th scope=\"row\">Spike days</th><td>2026-11-21 (Saturday): 95</td>"));
    String throttled = HtmlScan.elementById(html, "div", "metrics-throttled-calls");
    assertTrue(throttled.contains("<td>37 <span class=\"band band-moderate\">MODERATE</span> Moderate</td>"), throttled);
    assertTrue(throttled.contains("<td>15 / 0.50</td>"));
    assertTrue(throttled.contains("<td>3 of 72</td>"));
    assertTrue(throttled.contains("<span class=\"peak-hour\">2026-11-21 18:00 UTC: 15</span><br>"
        + "<span class=\"peak-hour\">2026-11-22 17:00 UTC: 12</span>"), throttled);
  }

  @Test
  void keyFigures_whenValuesAreNullOrSectionsMissing_showDashesAndNotEvaluated() {
    String html = renderWithMetrics(ComponentStatus.OK, fixture());

    String missed = HtmlScan.elementById(html, "div", "metrics-missed-calls");
    assertTrue(missed.contains("<th scope=\"row\">Lowest day</th><td><span class=\"missing\">—</span></td>"), missed);
    assertTrue(missed.contains("<th scope=\"row\">Week over week</th><td><span class=\"missing\">—</span> "
        + "<span class=\"row-note\">the window is shorter than 14 days</span></td>"), missed);
    assertTrue(HtmlScan.elementById(html, "div", "metrics-calls-per-interval")
        .contains("<p class=\"empty\">Not evaluated (see the component's errors).</p>"));
  }

  @Test
  void keyFigures_showCallsPerIntervalAndWeekOverWeek() {
    ObjectNode data = fixture();
    ObjectNode cpi = data.putObject("callsPerInterval");
    cpi.put("total", 116482).put("averagePerHour", 345.64).put("peakPerHour", 1207)
        .put("peakHour", "2026-11-23T17:00:00Z").put("dataPoints", 337);
    ObjectNode wow = ((ObjectNode) data.path("missedCalls")).putObject("weekOverWeek");
    wow.put("lastWeek", 935).put("previousWeek", 402).put("changePercent", 132.6).put("trend", "RISING");
    ((ObjectNode) data.path("missedCalls")).putNull("weekOverWeekNote");

    String html = renderWithMetrics(ComponentStatus.OK, data);

    String cpiFigures = HtmlScan.elementById(html, "div", "metrics-calls-per-interval");
    assertTrue(cpiFigures.contains("<th scope=\"row\">Total</th><td>116482</td>"));
    assertTrue(cpiFigures.contains("<th scope=\"row\">Average per hour</th><td>345.64</td>"));
    assertTrue(cpiFigures.contains("<td>1207 <span class=\"when\">at 2026-11-23 17:00 UTC</span></td>"), cpiFigures);
    assertTrue(HtmlScan.elementById(html, "div", "metrics-missed-calls").contains(
        "<td>935 vs 402 (+132.6 %) <span class=\"trend trend-rising\">RISING</span></td>"));
  }

  @Test
  void missedCallsChart_hasOneBarPerDayAndMarksPartialAndSpikeDays() {
    String svg = svg(renderWithMetrics(ComponentStatus.OK, fixture()), "missed-calls-chart");

    assertEquals(4, HtmlScan.count(svg, "<rect "));
    List<String> classes = HtmlScan.attributeValues(svg, "class").stream()
        .filter(c -> c.startsWith("bar")).toList();
    assertEquals(List.of("bar bar-partial", "bar bar-spike", "bar", "bar bar-partial"), classes);
    assertTrue(svg.contains("<title>2026-11-20 · 7 (partial day)</title>"), svg);
    assertTrue(svg.contains("<title>2026-11-21 · 95</title>"));
    assertTrue(svg.contains(">11-23</text>"), "date label");
  }

  @Test
  void missedCallsChart_barHeightsFollowTheCounts() {
    String svg = svg(renderWithMetrics(ComponentStatus.OK, fixture()), "missed-calls-chart");

    List<Double> heights = HtmlScan.attributeValues(svg, "height").stream()
        .filter(h -> !h.isEmpty()).map(Double::valueOf).toList();
    // counts 7, 95, 12, 3 on an axis topped at 100 (steps of 25) over a 184-unit plot
    assertEquals(List.of(12.9, 174.8, 22.1, 5.5), heights);
    assertTrue(svg.contains(">100</text>") && svg.contains(">25</text>"), "y axis labels");
  }

  @Test
  void charts_carryNoTextFromTheDataButNumbersAndDates() {
    String html = renderWithMetrics(ComponentStatus.OK, fixture());

    for (String id : List.of("missed-calls-chart", "concurrent-calls-chart")) {
      String svg = svg(html, id);
      for (String text : HtmlScan.texts(svg)) {
        assertTrue(SVG_TEXT.matcher(text).matches(), id + " shows '" + text + "'");
      }
      assertFalse(svg.contains("script") || svg.contains("Saturday") || svg.contains("img src"), svg);
      assertFalse(svg.contains("<script") || svg.contains(" on"), "no script, no handlers");
    }
  }

  @Test
  void concurrentCallsChart_breaksTheLineAtAGapAndMarksThePeak() {
    String svg = svg(renderWithMetrics(ComponentStatus.OK, fixture()), "concurrent-calls-chart");

    // 72 hours with 3 missing: two segments per series.
    assertEquals(2, HtmlScan.count(svg, "class=\"line line-maximum\""));
    assertEquals(2, HtmlScan.count(svg, "class=\"line line-average\""));
    int pointsInMaximum = 0;
    for (String points : HtmlScan.attributeValues(svg, "points").subList(2, 4)) {
      pointsInMaximum += points.split(" ").length;
    }
    assertEquals(69, pointsInMaximum);
    assertTrue(svg.contains("<title>2026-11-22 11:00 UTC · 41</title>"), svg);
    assertEquals(3, HtmlScan.count(svg, "class=\"day-tick\""), "midnights of 11-21, 11-22, 11-23");
  }

  @Test
  void queueTable_listsTheTenWorstWithHotFlagsAndSaysHowManyMore() {
    String html = renderWithMetrics(ComponentStatus.OK, fixture());

    String table = HtmlScan.elementById(html, "table", "metrics-queues");
    assertEquals(10, HtmlScan.count(table, "<tr class=\"queue-row"));
    assertEquals(2, HtmlScan.count(table, "<tr class=\"queue-row hot\""));
    assertTrue(table.contains("<td class=\"num\">1</td><td>Billing</td><td class=\"num\">90</td>"
        + "<td>2026-11-12 17:00 UTC</td><td class=\"num\">20.00</td><td class=\"num\">72</td>"
        + "<td><span class=\"badge hot-queue\">HOT</span></td>"), table);
    assertTrue(table.contains("<td>Sales</td><td class=\"num\">52</td><td>2026-11-12 17:00 UTC</td>"
        + "<td class=\"num\"><span class=\"missing\">—</span></td>"), "missing average");
    assertTrue(table.contains("<td>Spanish</td>"), "10th listed");
    assertFalse(table.contains("French") || table.contains("Overflow"), "11th and 12th not listed");
    assertTrue(html.contains("<p id=\"metrics-queues-more\" class=\"section-note\">2 more queues not shown;"));
    assertTrue(html.contains("12 queues with QueueSize data, worst first; 2 hot"));
  }

  @Test
  void queueName_withMarkup_isEscaped() {
    String html = renderWithMetrics(ComponentStatus.OK, fixture());

    assertFalse(html.contains(HOSTILE));
    assertFalse(html.contains("<script>alert("));
    assertTrue(HtmlScan.elementById(html, "table", "metrics-queues")
        .contains("<td>&lt;img src=x onerror=alert(1)&gt;</td>"));
    assertNull(HtmlScan.balanceProblem(html), HtmlScan.balanceProblem(html));
  }

  @Test
  void links_onlyHttpUrlsBecomeLinks() {
    String html = renderWithMetrics(ComponentStatus.OK, fixture());

    String section = HtmlScan.elementById(html, "section", "contact-center-metrics");
    assertTrue(section.contains("<a href=\"https://eu-west-2.console.aws.amazon.com/cloudwatch/home?region=eu-west-2"
        + "#metricsV2:graph=~();namespace=AWS/Connect\" target=\"_blank\" rel=\"noopener\">CloudWatch metrics »</a>"));
    assertFalse(section.contains("Real-time metrics") || section.contains("javascript:"));
  }

  @Test
  void whenMetricsFailed_showsOneShortLineAndNoCharts() {
    String html = review.renderUnavailable("metrics", ComponentStatus.FAILED, null, fixture(),
        List.of("GetMetricData: AccessDenied"));

    String section = HtmlScan.elementById(html, "section", "contact-center-metrics");

    assertTrue(section.contains("<p class=\"empty unavailable\">Contact-center metrics are not available "
        + "(component <a href=\"#component-metrics\">metrics</a>: FAILED).</p>"), section);
    assertFalse(section.contains("<svg") || section.contains("<table"));
  }

  @Test
  void whenMetricsNotPartOfTheReview_saysSo() {
    String section = HtmlScan.elementById(review.renderWithoutComponent(), "section", "contact-center-metrics");

    assertTrue(section.contains("(the metrics component was not part of this review)"), section);
  }

  @Test
  void whenPartialWithSectionsLeftOut_saysWhichWereNotEvaluated() {
    ObjectNode data = fixture();
    data.putNull("missedCalls");
    data.putNull("queueSize");

    String html = renderWithMetrics(ComponentStatus.PARTIAL, data);

    String section = HtmlScan.elementById(html, "section", "contact-center-metrics");
    assertTrue(section.contains("<strong>Partial results.</strong>"));
    assertTrue(HtmlScan.elementById(html, "div", "metrics-missed-calls").contains("Not evaluated"));
    assertTrue(section.contains("Queue sizes were not evaluated"));
    assertNull(svg(html, "missed-calls-chart"));
    assertNotNull(svg(html, "concurrent-calls-chart"));
  }

  private String renderWithMetrics(ComponentStatus status, JsonNode data) {
    return review.render("metrics", status, data, List.of("MissedCalls: PartialData"));
  }

  private static ObjectNode fixture() {
    return (ObjectNode) Fixtures.json("fixtures/metrics-data.json").deepCopy();
  }

  static String svg(String html, String id) {
    return HtmlScan.elementById(html, "svg", id);
  }
}
