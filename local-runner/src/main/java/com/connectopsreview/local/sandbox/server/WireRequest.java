package com.connectopsreview.local.sandbox.server;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP request as the sandbox sees it, independent of the embedding server.
 *
 * @param path the raw (still percent-encoded) path, without the query
 * @param query decoded query parameters, each with all its values in order
 * @param headers header names in lower case to their first value
 */
public record WireRequest(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
    byte[] body) {

  public WireRequest {
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
    body = body == null ? new byte[0] : body;
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  public String contentType() {
    String value = header("content-type");
    return value == null ? "" : value.toLowerCase(Locale.ROOT);
  }

  /** {@code METHOD /path} for messages. */
  public String describe() {
    return method + " " + path;
  }
}
