package com.connectopsreview.local.sandbox.server;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The WireMock extension that answers every request (through the server's single catch-all stub)
 * with the {@link Dispatcher}'s answer, after the configured latency.
 */
final class SandboxTransformer implements ResponseDefinitionTransformerV2 {

  static final String NAME = "connect-ops-review-sandbox";

  private final Dispatcher dispatcher;
  private final Duration latency;

  SandboxTransformer(Dispatcher dispatcher, Duration latency) {
    this.dispatcher = dispatcher;
    this.latency = latency;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    WireResponse answer = dispatcher.dispatch(toWire(serveEvent.getRequest()));
    ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition()
        .withStatus(answer.status())
        .withBody(answer.body());
    answer.headers().forEach(response::withHeader);
    if (!latency.isZero()) {
      response.withFixedDelay(Math.toIntExact(latency.toMillis()));
    }
    return response.build();
  }

  static WireRequest toWire(Request request) {
    String url = request.getUrl();
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    Map<String, List<String>> query = new LinkedHashMap<>();
    if (q >= 0) {
      for (String pair : url.substring(q + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
        query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
      }
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (HttpHeader header : request.getHeaders().all()) {
      if (header.isPresent() && !header.values().isEmpty()) {
        headers.putIfAbsent(header.key().toLowerCase(Locale.ROOT), header.firstValue());
      }
    }
    return new WireRequest(request.getMethod().getName(), path, query, headers, request.getBody());
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return s;
    }
  }
}
