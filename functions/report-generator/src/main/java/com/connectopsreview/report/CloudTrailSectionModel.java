package com.connectopsreview.report;

import static com.connectopsreview.report.HtmlReportModel.map;
import static com.connectopsreview.report.SectionData.listed;
import static com.connectopsreview.report.SectionData.number;
import static com.connectopsreview.report.SectionData.text;

import com.connectopsreview.report.SectionData.SectionRead;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.links.ConsoleLinks;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.sections.CloudTrailSection;
import com.connectopsreview.shared.sections.CloudTrailSection.ApiRow;
import com.connectopsreview.shared.sections.CloudTrailSection.CallerRow;
import com.connectopsreview.shared.sections.CloudTrailSection.Count;
import com.connectopsreview.shared.sections.CloudTrailSection.DayRow;
import com.connectopsreview.shared.sections.CloudTrailSection.Sample;
import com.connectopsreview.shared.sections.CloudTrailSection.Totals;
import com.connectopsreview.shared.sections.CloudTrailSection.Window;
import com.connectopsreview.shared.sections.QuotaSection;
import com.connectopsreview.shared.sections.QuotaSection.RateQuota;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The API-throttling section's model, from the {@code cloudtrail} component's data
 * ({@link CloudTrailSection}; docs/checks.md, "## cloudtrail", "### Data payload"): the analysed window
 * and whether it was read to its start, the tables by API, caller and day, the redacted samples. An
 * API's rate quota is named with its code and applied value when the {@code quota} component of the
 * same review listed it. Any part may be missing; the section then shows what it has.
 */
final class CloudTrailSectionModel {

  /** API rows listed (throttled ones come first); the payload keeps them all. */
  static final int API_ROWS = 30;

  private CloudTrailSectionModel() {}

  static Map<String, Object> of(ComponentReport component, ComponentReport quota, InstanceRef instance) {
    SectionRead<CloudTrailSection> read = SectionData.read(component, CloudTrailSection.class,
        CloudTrailSection.SCHEMA_VERSION);
    CloudTrailSection data = read.section();
    if (data == null) {
      return SectionData.unavailable(component, read);
    }
    Map<String, Object> model = map(
        "available", true,
        "window", window(data.window()),
        "totals", totals(data.totals()),
        "region", text(data.region()),
        "throttlingCodes", data.throttlingErrorCodes() == null ? null : String.join(", ", data.throttlingErrorCodes()),
        "consoleHref", SafeLinks.httpOrNull(text(data.consoleUrl())),
        "redactionPolicy", text(data.redactionPolicy()),
        "apis", apis(data.byApi(), rateQuotas(quota), instance),
        "callers", callers(data.byCaller()),
        "callersNotListed", data.callersNotListed() > 0 ? String.valueOf(data.callersNotListed()) : null,
        "days", days(data.byDay()),
        "samples", samples(data.throttledSamples()));
    SectionData.describeComponent(model, component);
    return model;
  }

  private static Map<String, Object> window(Window w) {
    if (w == null) {
      return map("complete", false, "from", null, "to", null, "lookupStart", null, "requestedStart", null,
          "clamped", false, "pages", null);
    }
    return map(
        "complete", w.complete(),
        "from", Formats.utc(w.analyzedFrom()),
        "to", Formats.utc(w.analyzedTo()),
        "lookupStart", Formats.utc(w.lookupStart()),
        "requestedStart", Formats.utc(w.requestedStart()),
        "clamped", w.clamped(),
        "pages", number(w.pages()));
  }

  private static Map<String, Object> totals(Totals t) {
    if (t == null) {
      return map("eventsRead", null, "eventsAnalyzed", null, "throttled", null, "throttledThisInstance", null,
          "throttledAccountLevel", null, "excludedOtherRegion", null, "throttledOtherRegion", null,
          "excludedOtherInstance", null, "throttledOtherInstance", null, "unparsed", null, "errors", null);
    }
    return map(
        "eventsRead", number(t.eventsRead()),
        "eventsAnalyzed", number(t.eventsAnalyzed()),
        "throttled", number(t.throttled()),
        "throttledThisInstance", number(t.throttledThisInstance()),
        "throttledAccountLevel", number(t.throttledAccountLevel()),
        "excludedOtherRegion", number(t.excludedOtherRegion()),
        "throttledOtherRegion", number(t.throttledOtherRegion()),
        "excludedOtherInstance", number(t.excludedOtherInstance()),
        "throttledOtherInstance", number(t.throttledOtherInstance()),
        "unparsed", number(t.unparsedEvents()),
        "errors", number(t.errors()));
  }

  /** The quota component's API rate quotas by name; empty when it was not part of the review. */
  private static Map<String, RateQuota> rateQuotas(ComponentReport quota) {
    Map<String, RateQuota> byName = new HashMap<>();
    QuotaSection section = SectionData.read(quota, QuotaSection.class, QuotaSection.SCHEMA_VERSION).section();
    if (section != null) {
      listed(section.rateQuotas()).forEach(r -> {
        if (r.name() != null) {
          byName.put(r.name(), r);
        }
      });
    }
    return byName;
  }

  private static Map<String, Object> apis(List<ApiRow> apis, Map<String, RateQuota> quotas, InstanceRef instance) {
    List<ApiRow> all = listed(apis);
    List<Map<String, Object>> rows = new ArrayList<>();
    ConsoleLinks links = instance == null ? null : ConsoleLinks.forInstance(instance);
    for (ApiRow a : all.subList(0, Math.min(all.size(), API_ROWS))) {
      RateQuota quota = a.quotaName() == null ? null : quotas.get(a.quotaName());
      String severity = a.severity() == null ? null : a.severity().name();
      rows.add(map(
          "eventName", text(a.eventName()),
          "events", number(a.events()),
          "errors", number(a.errors()),
          "errorRate", Formats.percent(a.errorRatePercent()),
          "throttled", number(a.throttled()),
          "throttledPercent", Formats.percent(a.throttledPercent()),
          "throttledThisInstance", number(a.throttledThisInstance()),
          "severity", severity,
          "severityCss", a.severity() == null ? null : HtmlReportModel.severityCss(a.severity()),
          "quotaName", text(a.quotaName()),
          "quotaCode", quota == null ? null : text(quota.quotaCode()),
          "quotaApplied", quota == null ? null : number(quota.appliedValue()),
          "quotaHref", quota == null || links == null || quota.quotaCode() == null ? null
              : SafeLinks.httpOrNull(links.serviceQuota(quota.quotaCode())),
          "consoleHref", SafeLinks.httpOrNull(text(a.consoleUrl()))));
    }
    return map(
        "rows", rows,
        "count", String.valueOf(all.size()),
        "more", all.size() > rows.size() ? String.valueOf(all.size() - rows.size()) : null);
  }

  private static List<Map<String, Object>> callers(List<CallerRow> callers) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (CallerRow c : listed(callers)) {
      rows.add(map(
          "caller", text(c.caller()),
          "type", text(c.callerType()),
          "events", number(c.events()),
          "throttled", number(c.throttled()),
          "sessions", c.sessionNames() == null || c.sessionNames().isEmpty() ? null
              : String.join(", ", listed(c.sessionNames())),
          "userAgents", counts(c.userAgents()),
          "sourceIps", counts(c.sourceIps()),
          "throttledByApi", c.throttledByApi() == null || c.throttledByApi().isEmpty() ? null
              : c.throttledByApi().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                  .collect(Collectors.joining(", "))));
    }
    return rows;
  }

  private static List<Map<String, Object>> counts(List<Count> counts) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Count c : listed(counts)) {
      out.add(map("value", text(c.value()), "count", number(c.count())));
    }
    return out;
  }

  private static List<Map<String, Object>> days(List<DayRow> days) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (DayRow d : listed(days)) {
      rows.add(map("day", d.day() == null ? null : Formats.day(d.day()), "events", number(d.events()),
          "throttled", number(d.throttled())));
    }
    return rows;
  }

  private static List<Map<String, Object>> samples(List<Sample> samples) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Sample s : listed(samples)) {
      rows.add(map(
          "time", s.eventTime() == null ? null : Formats.utc(s.eventTime()),
          "eventName", text(s.eventName()),
          "caller", text(s.caller()),
          "session", text(s.sessionName()),
          "userAgent", text(s.userAgent()),
          "sourceIp", text(s.sourceIp()),
          "errorCode", text(s.errorCode()),
          "errorMessage", text(s.errorMessage()),
          "scope", s.namesThisInstance() ? "this instance" : "account level",
          // Already redacted by the analyzer's policy; shown as the JSON it is.
          "requestParameters", s.requestParameters() == null || s.requestParameters().isNull() ? null
              : Json.toString(s.requestParameters())));
    }
    return rows;
  }
}
