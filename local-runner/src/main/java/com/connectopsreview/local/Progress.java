package com.connectopsreview.local;

import com.connectopsreview.shared.model.AnalyzerResponse;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** One line per analyzer as it starts and as it ends, on stderr (stdout stays for results). */
final class Progress {

  private final PrintWriter err;
  private final boolean quiet;

  Progress(PrintWriter err, boolean quiet) {
    this.err = err;
    this.quiet = quiet;
  }

  void line(String text) {
    if (!quiet) {
      synchronized (err) {
        err.println(text);
        err.flush();
      }
    }
  }

  void started(String component) {
    line("[" + component + "] started");
  }

  void finished(String component, AnalyzerResponse response) {
    String reason = response.errors().isEmpty() ? "" : " — " + String.join("; ", response.errors());
    line("[" + component + "] " + response.status() + " in " + seconds(response.durationMs()) + ", "
        + response.findingCount() + " findings, API calls: " + calls(response.apiCalls()) + reason);
  }

  void failed(String component, long millis, String reason) {
    line("[" + component + "] FAILED after " + seconds(millis) + " — " + reason);
  }

  static String calls(Map<String, Long> apiCalls) {
    if (apiCalls.isEmpty()) {
      return "none";
    }
    long total = apiCalls.values().stream().mapToLong(Long::longValue).sum();
    return total + " (" + new java.util.TreeMap<>(apiCalls).entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")) + ")";
  }

  static String seconds(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }
}
