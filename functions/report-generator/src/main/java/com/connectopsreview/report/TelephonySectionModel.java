package com.connectopsreview.report;

import static com.connectopsreview.report.HtmlReportModel.map;
import static com.connectopsreview.report.SectionData.listed;
import static com.connectopsreview.report.SectionData.number;
import static com.connectopsreview.report.SectionData.text;

import com.connectopsreview.report.SectionData.SectionRead;
import com.connectopsreview.shared.sections.PhoneSection;
import com.connectopsreview.shared.sections.PhoneSection.DiversityRow;
import com.connectopsreview.shared.sections.PhoneSection.Insight;
import com.connectopsreview.shared.sections.PhoneSection.Links;
import com.connectopsreview.shared.sections.PhoneSection.Lookups;
import com.connectopsreview.shared.sections.PhoneSection.NumberRow;
import com.connectopsreview.shared.sections.PhoneSection.Recommendation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The telephony section's model, from the {@code phone} component's data ({@link PhoneSection};
 * docs/checks.md, "## phone", "### Data payload"). Any part may be missing or null; the section then
 * shows what it has.
 */
final class TelephonySectionModel {

  /** Problem numbers listed in the table; the payload keeps every number. */
  static final int NUMBER_ROWS = 50;

  /** FAILED first, then IN_PROGRESS, then the numbers that are only unused; data order within. */
  private static final Comparator<NumberRow> WORST_FIRST =
      Comparator.comparingInt(row -> switch (Objects.toString(text(row.status()), "")) {
        case "FAILED" -> 0;
        case "IN_PROGRESS" -> 1;
        default -> 2;
      });

  private TelephonySectionModel() {}

  static Map<String, Object> of(ComponentReport component) {
    SectionRead<PhoneSection> read = SectionData.read(component, PhoneSection.class, PhoneSection.SCHEMA_VERSION);
    PhoneSection data = read.section();
    if (data == null) {
      return SectionData.unavailable(component, read);
    }
    Map<String, Object> model = map(
        "available", true,
        "figures", figures(data),
        "diversity", diversity(data.diversityTable()),
        "insights", insights(data.insights()),
        "recommendations", recommendations(data.recommendations()),
        "problems", problems(data.numbers()),
        "lookups", lookups(data.lookups()),
        "links", links(data.links()));
    SectionData.describeComponent(model, component);
    return model;
  }

  private static Map<String, Object> figures(PhoneSection data) {
    return map(
        "total", number(data.totalNumbers()),
        "byType", counts(data.byType()),
        "countries", number(data.countriesCount()),
        "byCountry", counts(data.byCountry()),
        "diversityScore", number(data.carrierDiversityScore()),
        "unknownCarrier", data.byCarrier() == null ? null : number(data.byCarrier().get(PhoneSection.UNKNOWN_CARRIER)),
        "tollFreePercent", Formats.percent(data.tollFreePercent()),
        "didPercent", Formats.percent(data.didPercent()),
        "uifn", Formats.yesNo(data.hasUifn()),
        "shortCode", Formats.yesNo(data.hasShortCode()),
        "thirdParty", Formats.yesNo(data.hasThirdParty()));
  }

  /** {@code {"DID": 800, "TOLL_FREE": 200}} as rows in data order. */
  private static List<Map<String, Object>> counts(Map<String, Long> counts) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (counts != null) {
      counts.forEach((name, count) -> rows.add(map("name", name, "count", number(count))));
    }
    return rows;
  }

  /** (country, carrier, count) rows in data order (count descending); the numbers stay in the data. */
  private static List<Map<String, Object>> diversity(List<DiversityRow> table) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (DiversityRow row : listed(table)) {
      rows.add(map(
          "country", text(row.country()),
          "carrier", text(row.carrier()),
          "count", number(row.count())));
    }
    return rows;
  }

  private static List<Map<String, Object>> insights(List<Insight> insights) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Insight insight : listed(insights)) {
      String type = text(insight.type());
      rows.add(map(
          "type", type,
          "css", type == null ? "insight-unknown" : "insight-" + CapacitySectionModel.cssWord(type),
          "message", text(insight.message()),
          "detail", text(insight.detail())));
    }
    return rows;
  }

  private static List<Map<String, Object>> recommendations(List<Recommendation> recommendations) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Recommendation rec : listed(recommendations)) {
      String priority = text(rec.priority());
      rows.add(map(
          "priority", priority,
          "css", priority == null ? "prio-unknown" : "prio-" + CapacitySectionModel.cssWord(priority),
          "category", text(rec.category()),
          "recommendation", text(rec.recommendation()),
          "detail", text(rec.detail())));
    }
    return rows;
  }

  /** The numbers that need attention: FAILED, IN_PROGRESS or unused; the first {@link #NUMBER_ROWS}. */
  private static Map<String, Object> problems(List<NumberRow> numbers) {
    if (numbers == null) {
      return null;
    }
    List<NumberRow> problems = new ArrayList<>();
    int failed = 0;
    int inProgress = 0;
    int unused = 0;
    for (NumberRow n : listed(numbers)) {
      String status = text(n.status());
      boolean isFailed = "FAILED".equals(status);
      boolean isInProgress = "IN_PROGRESS".equals(status);
      failed += isFailed ? 1 : 0;
      inProgress += isInProgress ? 1 : 0;
      unused += n.unused() ? 1 : 0;
      if (isFailed || isInProgress || n.unused()) {
        problems.add(n);
      }
    }
    // List.sort is stable: within a band the numbers keep the listing order.
    problems.sort(WORST_FIRST);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (NumberRow n : problems.subList(0, Math.min(problems.size(), NUMBER_ROWS))) {
      String status = text(n.status());
      rows.add(map(
          "number", text(n.number()),
          "type", text(n.type()),
          "country", text(n.country()),
          "carrier", text(n.carrier()),
          "description", text(n.description()),
          "status", status,
          "statusCss", status == null ? "ps-unknown" : "ps-" + CapacitySectionModel.cssWord(status),
          "statusMessage", text(n.statusMessage()),
          "checkedAt", Formats.utc(n.statusCheckedAt()),
          "unused", n.unused()));
    }
    int total = problems.size();
    return map(
        "count", String.valueOf(total),
        "failed", String.valueOf(failed),
        "inProgress", String.valueOf(inProgress),
        "unused", String.valueOf(unused),
        "rows", rows,
        "more", total > NUMBER_ROWS ? String.valueOf(total - NUMBER_ROWS) : null);
  }

  private static Map<String, Object> lookups(Lookups lookups) {
    if (lookups == null) {
      return null;
    }
    return map(
        "carrierLookups", number(lookups.carrierLookups()),
        "carrierLookupFailures", number(lookups.carrierLookupFailures()),
        "carriersNotLookedUp", number(lookups.carriersNotLookedUp()),
        "cacheHits", number(lookups.cacheHits()),
        "statusChecked", number(lookups.statusChecked()),
        "statusNotChecked", number(lookups.statusNotChecked()),
        "cacheNote", text(lookups.cacheNote()),
        // Only the fallback needs saying: "unused" then means "no TargetArn", not "no flow answers it".
        "unusedByTarget", "NO_TARGET".equals(text(lookups.unusedRule())));
  }

  private static Map<String, Object> links(Links links) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (links == null) {
      return map("rows", rows, "note", null);
    }
    addLink(rows, "Phone numbers (admin website)", links.phoneNumbers());
    addLink(rows, "Telephony (AWS console)", links.telephony());
    return map("rows", rows, "note", text(links.note()));
  }

  private static void addLink(List<Map<String, Object>> rows, String label, String url) {
    String href = SafeLinks.httpOrNull(text(url));
    if (href != null) {
      rows.add(map("label", label, "href", href));
    }
  }
}
