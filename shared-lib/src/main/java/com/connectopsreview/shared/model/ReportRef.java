package com.connectopsreview.shared.model;

/** Where the rendered report artifacts were stored (store-specific locations, e.g. s3:// URIs or paths). */
public record ReportRef(String html, String json) {}
