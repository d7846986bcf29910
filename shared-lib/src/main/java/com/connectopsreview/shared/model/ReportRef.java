package com.connectopsreview.shared.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Where the rendered report artifacts were stored (store-specific locations, e.g. s3:// URIs or paths).
 *
 * @param csv findings.csv; null in manifests written before it existed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReportRef(String html, String json, String csv) {

  public ReportRef(String html, String json) {
    this(html, json, null);
  }
}
