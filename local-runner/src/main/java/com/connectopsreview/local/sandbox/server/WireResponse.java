package com.connectopsreview.local.sandbox.server;

import java.util.Map;

/** One HTTP answer: status, headers and body bytes (JSON, CBOR or XML). */
public record WireResponse(int status, Map<String, String> headers, byte[] body) {

  public WireResponse {
    headers = Map.copyOf(headers);
  }
}
