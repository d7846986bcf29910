package com.connectopsreview.report;

import static com.connectopsreview.report.HtmlReportModel.map;
import static com.connectopsreview.report.SectionData.decimal;
import static com.connectopsreview.report.SectionData.elements;
import static com.connectopsreview.report.SectionData.number;
import static com.connectopsreview.report.SectionData.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The telephony section's model, from the {@code phone} component's data (docs/checks.md, "## phone",
 * "### Data payload"): the statistics ({@code totalNumbers}, {@code byType}, {@code byCountry},
 * {@code carrierDiversityScore}, shares and flags), {@code diversityTable}, {@code insights},
 * {@code recommendations}, {@code numbers}, {@code lookups}, {@code links}. Any of them may be
 * missing or null; the section then shows what it has.
 */
final class TelephonySectionModel {

  /** Problem numbers listed in the table; the payload keeps every number. */
  static final int NUMBER_ROWS = 50;

  /** FAILED first, then IN_PROGRESS, then the numbers that are only unused; data order within. */
  private static final Comparator<Map<String, Object>> WORST_FIRST =
      Comparator.comparingInt(row -> switch (Objects.toString(row.get("status"), "")) {
        case "FAILED" -> 0;
        case "IN_PROGRESS" -> 1;
        default -> 2;
      });

  private TelephonySectionModel() {}

  static Map<String, Object> of(ComponentReport component) {
    JsonNode data = SectionData.usableData(component);
    boolean available = data != null && (data.has("totalNumbers") || data.path("numbers").isArray());
    if (!available) {
      return SectionData.unavailable(component);
    }
    Map<String, Object> model = map(
        "available", true,
        "figures", figures(data),
        "diversity", diversity(data.path("diversityTable")),
        "insights", insights(data.path("insights")),
        "recommendations", recommendations(data.path("recommendations")),
        "problems", problems(data.path("numbers")),
        "lookups", lookups(data.path("lookups")),
        "links", links(data.path("links")));
    SectionData.describeComponent(model, component);
    return model;
  }

  private static Map<String, Object> figures(JsonNode data) {
    return map(
        "total", number(data.path("totalNumbers")),
        "byType", counts(data.path("byType")),
        "countries", number(data.path("countriesCount")),
        "byCountry", counts(data.path("byCountry")),
        "diversityScore", number(data.path("carrierDiversityScore")),
        "unknownCarrier", number(data.path("byCarrier").path("Unknown")),
        "tollFreePercent", Formats.percent(decimal(data.path("tollFreePercent"))),
        "didPercent", Formats.percent(decimal(data.path("didPercent"))),
        "uifn", Formats.yesNo(SectionData.bool(data.path("hasUifn"))),
        "shortCode", Formats.yesNo(SectionData.bool(data.path("hasShortCode"))),
        "thirdParty", Formats.yesNo(SectionData.bool(data.path("hasThirdParty"))));
  }

  /** {@code {"DID": 800, "TOLL_FREE": 200}} as rows in data order. */
  private static List<Map<String, Object>> counts(JsonNode counts) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (counts.isObject()) {
      counts.properties().forEach(e -> rows.add(map("name", e.getKey(), "count", number(e.getValue()))));
    }
    return rows;
  }

  /** (country, carrier, count) rows in data order (count descending); the numbers stay in the data. */
  private static List<Map<String, Object>> diversity(JsonNode table) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode row : elements(table)) {
      rows.add(map(
          "country", text(row.path("country")),
          "carrier", text(row.path("carrier")),
          "count", number(row.path("count"))));
    }
    return rows;
  }

  private static List<Map<String, Object>> insights(JsonNode insights) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode insight : elements(insights)) {
      String type = text(insight.path("type"));
      rows.add(map(
          "type", type,
          "css", type == null ? "insight-unknown" : "insight-" + CapacitySectionModel.cssWord(type),
          "message", text(insight.path("message")),
          "detail", text(insight.path("detail"))));
    }
    return rows;
  }

  private static List<Map<String, Object>> recommendations(JsonNode recommendations) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode rec : elements(recommendations)) {
      String priority = text(rec.path("priority"));
      rows.add(map(
          "priority", priority,
          "css", priority == null ? "prio-unknown" : "prio-" + CapacitySectionModel.cssWord(priority),
          "category", text(rec.path("category")),
          "recommendation", text(rec.path("recommendation")),
          "detail", text(rec.path("detail"))));
    }
    return rows;
  }

  /** The numbers that need attention: FAILED, IN_PROGRESS or unused; the first {@link #NUMBER_ROWS}. */
  private static Map<String, Object> problems(JsonNode numbers) {
    if (!numbers.isArray()) {
      return null;
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    int failed = 0;
    int inProgress = 0;
    int unused = 0;
    for (JsonNode n : numbers) {
      String status = text(n.path("status"));
      boolean isUnused = Boolean.TRUE.equals(SectionData.bool(n.path("unused")));
      boolean isFailed = "FAILED".equals(status);
      boolean isInProgress = "IN_PROGRESS".equals(status);
      failed += isFailed ? 1 : 0;
      inProgress += isInProgress ? 1 : 0;
      unused += isUnused ? 1 : 0;
      if (isFailed || isInProgress || isUnused) {
        rows.add(map(
            "number", text(n.path("number")),
            "type", text(n.path("type")),
            "country", text(n.path("country")),
            "carrier", text(n.path("carrier")),
            "description", text(n.path("description")),
            "status", status,
            "statusCss", status == null ? "ps-unknown" : "ps-" + CapacitySectionModel.cssWord(status),
            "statusMessage", text(n.path("statusMessage")),
            "checkedAt", Formats.utc(text(n.path("statusCheckedAt"))),
            "unused", isUnused));
      }
    }
    // List.sort is stable: within a band the numbers keep the listing order.
    rows.sort(WORST_FIRST);
    int total = rows.size();
    return map(
        "count", String.valueOf(total),
        "failed", String.valueOf(failed),
        "inProgress", String.valueOf(inProgress),
        "unused", String.valueOf(unused),
        "rows", rows.subList(0, Math.min(total, NUMBER_ROWS)),
        "more", total > NUMBER_ROWS ? String.valueOf(total - NUMBER_ROWS) : null);
  }

  private static Map<String, Object> lookups(JsonNode lookups) {
    if (!lookups.isObject()) {
      return null;
    }
    return map(
        "carrierLookups", number(lookups.path("carrierLookups")),
        "carrierLookupFailures", number(lookups.path("carrierLookupFailures")),
        "carriersNotLookedUp", number(lookups.path("carriersNotLookedUp")),
        "cacheHits", number(lookups.path("cacheHits")),
        "statusChecked", number(lookups.path("statusChecked")),
        "statusNotChecked", number(lookups.path("statusNotChecked")),
        "cacheNote", text(lookups.path("cacheNote")),
        // Only the fallback needs saying: "unused" then means "no TargetArn", not "no flow answers it".
        "unusedByTarget", "NO_TARGET".equals(text(lookups.path("unusedRule"))));
  }

  private static Map<String, Object> links(JsonNode links) {
    List<Map<String, Object>> rows = new ArrayList<>();
    addLink(rows, "Phone numbers (admin website)", links.path("phoneNumbers"));
    addLink(rows, "Telephony (AWS console)", links.path("telephony"));
    return map("rows", rows, "note", text(links.path("note")));
  }

  private static void addLink(List<Map<String, Object>> rows, String label, JsonNode url) {
    String href = SafeLinks.httpOrNull(text(url));
    if (href != null) {
      rows.add(map("label", label, "href", href));
    }
  }
}
