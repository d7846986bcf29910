package com.connectopsreview.athena;

import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.exception.InvalidRequestException;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.model.ComponentEntry;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.ReviewIds;
import com.connectopsreview.shared.model.ReviewManifest;
import com.connectopsreview.shared.model.ReviewStatus;
import com.connectopsreview.shared.model.TimeWindow;
import com.connectopsreview.shared.store.ResultStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The scheduled export: the KPI queries alone, over the last complete UTC days, their results exported
 * as a review of one component ({@code athena}), so the exports land where a review's do and
 * {@code reviews list} shows each run. Request: {@code {"exportOnly": true, "instanceArn": "arn:...",
 * "daysBack": 1}} (events/athena-export-only.json); daysBack 1 to 90, default 1.
 */
final class ExportRun {

  static final String FIELD = "exportOnly";
  static final int MAX_DAYS = 90;

  private final AnalyzerRunner runner;
  private final ResultStore store;
  private final Clock clock;

  ExportRun(AnalyzerRunner runner, Clock clock) {
    this.runner = runner;
    this.store = runner.store();
    this.clock = clock;
  }

  /** True for a request of this shape (the field present and true). */
  static boolean isExportRequest(JsonNode request) {
    return request.path(FIELD).asBoolean(false);
  }

  AnalyzerResponse run(JsonNode request, Instant lambdaEnd) {
    InstanceRef instance = instance(request);
    int days = days(request);
    Instant midnight = clock.instant().truncatedTo(ChronoUnit.DAYS);
    TimeWindow window = new TimeWindow(midnight.minus(Duration.ofDays(days)), midnight);
    String reviewId = ReviewIds.newId(clock);
    Instant now = clock.instant();
    ReviewManifest manifest = new ReviewManifest(reviewId, instance, window, ReviewStatus.RUNNING, now, now,
        Map.of(AthenaExportFactory.COMPONENT, ComponentEntry.pending()), null, null, null);
    store.putManifest(manifest);
    AnalyzerResponse response = runner.run(new AnalyzerRequest(reviewId, AthenaExportFactory.COMPONENT, instance,
        window, lambdaEnd, Map.of(AthenaExportAnalyzer.EXPORT_ONLY_OPTION, "true")));
    Instant end = clock.instant();
    String reason = response.errors().isEmpty() ? null : String.join("; ", response.errors());
    store.putManifest(manifest
        .withComponent(AthenaExportFactory.COMPONENT, new ComponentEntry(response.status(), reason,
            response.durationMs()), end)
        .withOutcome(ReviewStatus.fromComponents(List.of(response.status())), null, null, end));
    return response;
  }

  private static InstanceRef instance(JsonNode request) {
    String arn = request.path("instanceArn").asText(null);
    if (arn == null || arn.isBlank()) {
      throw InvalidRequestException.of("instanceArn", "is required for an export run "
          + "(arn:aws:connect:<region>:<account>:instance/<id>)");
    }
    try {
      return InstanceRef.parse(arn);
    } catch (IllegalArgumentException e) {
      throw InvalidRequestException.of("instanceArn", e.getMessage());
    }
  }

  private static int days(JsonNode request) {
    JsonNode days = request.path("daysBack");
    if (days.isMissingNode() || days.isNull()) {
      return 1;
    }
    if (!days.canConvertToInt() || !days.isIntegralNumber() || days.asInt() < 1 || days.asInt() > MAX_DAYS) {
      throw InvalidRequestException.of("daysBack", "must be a whole number from 1 to " + MAX_DAYS + " (got "
          + days + ")");
    }
    return days.asInt();
  }
}
