package com.connectopsreview.report;

import com.connectopsreview.shared.exception.InvalidRequestException;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.logging.LogContext;
import com.connectopsreview.shared.model.ReportRequest;
import com.connectopsreview.shared.model.ReportResponse;
import com.connectopsreview.shared.model.ReviewIds;
import com.connectopsreview.shared.store.ResultStore;
import freemarker.template.Configuration;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a stored review as {@code report.html} (self-contained, printable), {@code report.json} and
 * {@code findings.csv}, stores them as artifacts of the review and says where they are. Used by the Lambda handler, the
 * local runner and the end-to-end tests alike.
 */
public final class ReportGenerator {

  public static final String HTML_ARTIFACT = "report.html";
  public static final String JSON_ARTIFACT = "report.json";
  public static final String CSV_ARTIFACT = "findings.csv";
  static final String CSV_CONTENT_TYPE = "text/csv; charset=utf-8";
  static final String HTML_CONTENT_TYPE = "text/html; charset=utf-8";
  static final String JSON_CONTENT_TYPE = "application/json";
  static final String LOG_COMPONENT = "report";

  private static final Logger LOG = LoggerFactory.getLogger(ReportGenerator.class);

  private final ResultStore store;
  private final Clock clock;
  private final ReviewReportReader reader;

  public ReportGenerator(ResultStore store, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.reader = new ReviewReportReader(store);
  }

  /**
   * Renders and stores the review's report.
   *
   * @throws InvalidRequestException if the review id is not a valid id
   * @throws com.connectopsreview.report.exception.ReviewNotFoundException if the review has no manifest
   */
  public ReportResponse generate(ReportRequest request) {
    String reviewId = request.reviewId();
    if (!ReviewIds.isValid(reviewId)) {
      throw InvalidRequestException.of("reviewId", "'" + abbreviate(reviewId) + "' is not a valid review id");
    }
    try (LogContext ignored = LogContext.open(reviewId, LOG_COMPONENT)) {
      ReviewReport report = reader.read(reviewId, clock.instant().truncatedTo(ChronoUnit.SECONDS));
      byte[] html = ReportTemplates.render(ReportTemplates.REPORT_HTML, HtmlReportModel.of(report))
          .getBytes(StandardCharsets.UTF_8);
      byte[] json = Json.toBytes(ReportDocument.of(report));
      String htmlLocation = store.putArtifact(reviewId, HTML_ARTIFACT, HTML_CONTENT_TYPE, html);
      String jsonLocation = store.putArtifact(reviewId, JSON_ARTIFACT, JSON_CONTENT_TYPE, json);
      byte[] csv = FindingsCsv.of(report).getBytes(StandardCharsets.UTF_8);
      String csvLocation = store.putArtifact(reviewId, CSV_ARTIFACT, CSV_CONTENT_TYPE, csv);
      LOG.info("report written: status {}, {} components, {} findings, html {} bytes, json {} bytes",
          report.status(), report.components().size(), report.findingCount(), html.length, json.length);
      return new ReportResponse(reviewId, htmlLocation, jsonLocation, csvLocation, report.findingCount());
    }
  }

  /** The FreeMarker configuration in use: one per execution environment, shared by every generator. */
  Configuration templateConfiguration() {
    return ReportTemplates.configuration();
  }

  private static String abbreviate(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }
}
