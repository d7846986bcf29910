package com.connectopsreview.shared.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One thing the review found. Identity across reviews is {@code checkId + resource}.
 *
 * @param checkId stable id {@code COMPONENT.CHECK[.VARIANT]}, upper case (see docs/checks.md)
 * @param evidence small map of the facts behind the finding (numbers exact: Long or BigDecimal)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
    String checkId,
    Severity severity,
    Pillar pillar,
    String title,
    String detail,
    String recommendation,
    String resource,
    String consoleUrl,
    Map<String, Object> evidence) {

  private static final Pattern CHECK_ID = Pattern.compile("[A-Z][A-Z0-9_]*(\\.[A-Z0-9_]+){1,3}");

  public Finding {
    Objects.requireNonNull(checkId, "checkId");
    if (!CHECK_ID.matcher(checkId).matches()) {
      throw new IllegalArgumentException(
          "checkId '" + checkId + "' must look like COMPONENT.CHECK[.VARIANT] in upper case");
    }
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(pillar, "pillar");
    Objects.requireNonNull(title, "title");
    evidence = evidence == null ? Map.of() : java.util.Collections.unmodifiableMap(
        new java.util.LinkedHashMap<>(evidence));
  }

  public static Builder builder(String checkId, Severity severity, Pillar pillar) {
    return new Builder(checkId, severity, pillar);
  }

  /** Fluent builder; checkId, severity, pillar and title are required. */
  public static final class Builder {
    private final String checkId;
    private final Severity severity;
    private final Pillar pillar;
    private String title;
    private String detail;
    private String recommendation;
    private String resource;
    private String consoleUrl;
    private final Map<String, Object> evidence = new java.util.LinkedHashMap<>();

    private Builder(String checkId, Severity severity, Pillar pillar) {
      this.checkId = checkId;
      this.severity = severity;
      this.pillar = pillar;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder detail(String detail) {
      this.detail = detail;
      return this;
    }

    public Builder recommendation(String recommendation) {
      this.recommendation = recommendation;
      return this;
    }

    public Builder resource(String resource) {
      this.resource = resource;
      return this;
    }

    public Builder consoleUrl(String consoleUrl) {
      this.consoleUrl = consoleUrl;
      return this;
    }

    public Builder evidence(String key, Object value) {
      if (value != null) {
        evidence.put(key, value);
      }
      return this;
    }

    public Finding build() {
      return new Finding(
          checkId, severity, pillar, title, detail, recommendation, resource, consoleUrl, evidence);
    }
  }
}
