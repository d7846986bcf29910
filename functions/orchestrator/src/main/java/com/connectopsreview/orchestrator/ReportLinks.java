package com.connectopsreview.orchestrator;

import com.connectopsreview.shared.exception.ConfigurationException;
import com.connectopsreview.shared.model.ReportRef;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The report's link in the orchestrator's answer: a presigned GET URL for an {@code s3://} report
 * (the bucket stays private; the URL expires after {@code REPORT_URL_EXPIRY_MINUTES}, and no later
 * than the signing role's session, so a link asked for near the end of a Lambda session may expire
 * sooner). Nothing for a report that is not in S3 (a local file path is already its own link).
 */
final class ReportLinks {

  static final String EXPIRY_ENV = "REPORT_URL_EXPIRY_MINUTES";
  static final int DEFAULT_MINUTES = 60;
  /** SigV4 presigned URLs last at most 7 days. */
  static final int MAX_MINUTES = 7 * 24 * 60;

  private final S3Presigner presigner;
  private final Duration expiry;

  ReportLinks(S3Presigner presigner, Duration expiry) {
    this.presigner = presigner;
    this.expiry = expiry;
  }

  static Duration expiry(Map<String, String> env) {
    String value = env.get(EXPIRY_ENV);
    if (value == null || value.isBlank()) {
      return Duration.ofMinutes(DEFAULT_MINUTES);
    }
    try {
      int minutes = Integer.parseInt(value.trim());
      if (minutes >= 1 && minutes <= MAX_MINUTES) {
        return Duration.ofMinutes(minutes);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new ConfigurationException(EXPIRY_ENV + " is malformed: expected whole minutes from 1 to " + MAX_MINUTES
        + ", got '" + value + "'");
  }

  /** The presigned URL of the report's HTML, or null when it is not an {@code s3://} object. */
  String link(ReportRef report) {
    if (report == null || report.html() == null || !report.html().startsWith("s3://")) {
      return null;
    }
    URI uri = URI.create(report.html());
    String key = uri.getPath().startsWith("/") ? uri.getPath().substring(1) : uri.getPath();
    return presigner.presignGetObject(b -> b.signatureDuration(expiry)
        .getObjectRequest(GetObjectRequest.builder().bucket(uri.getHost()).key(key)
            .responseContentType("text/html; charset=utf-8").build()))
        .url().toString();
  }
}
