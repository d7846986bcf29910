package com.connectopsreview.shared.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.json.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Executors;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The shipped log4j2.xml: one JSON object per line with reviewId and component, level from the env. */
class JsonLoggingTest {

  private static Layout<?> layout() {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Appender appender = context.getConfiguration().getAppender("json");
    return appender.getLayout();
  }

  private static JsonNode render(SortedArrayStringMap mdc, String message) throws Exception {
    var event = Log4jLogEvent.newBuilder()
        .setLoggerName("test.Logger").setLevel(Level.INFO).setMessage(new SimpleMessage(message))
        .setContextData(mdc).setTimeMillis(1_790_000_000_000L).build();
    String line = new String(layout().toByteArray(event), java.nio.charset.StandardCharsets.UTF_8);
    assertEquals(1, line.strip().lines().count(), "one line per event: " + line);
    return Json.mapper().readTree(line);
  }

  @Test
  void layout_writesReviewIdComponentLevelAndMessage() throws Exception {
    SortedArrayStringMap mdc = new SortedArrayStringMap();
    mdc.putValue("reviewId", "r-1");
    mdc.putValue("component", "instance");

    JsonNode line = render(mdc, "analyzer started\nsecond line");

    assertEquals("r-1", line.get("reviewId").asText());
    assertEquals("instance", line.get("component").asText());
    assertEquals("INFO", line.get("level").asText());
    assertEquals("connect-ops-review", line.get("service").asText());
    assertEquals("analyzer started\nsecond line", line.get("message").asText());
    assertTrue(line.get("timestamp").asText().endsWith("Z"));
  }

  @Test
  void layout_keepsTheKeysWhenNoReviewIsOpen() throws Exception {
    JsonNode line = render(new SortedArrayStringMap(), "cold start");

    assertEquals("", line.get("reviewId").asText());
    assertEquals("", line.get("component").asText());
  }

  @Test
  void rootLevel_comesFromTheEnvironment() {
    // surefire sets LOG_LEVEL=WARN for the test JVM (see the parent pom).
    assertEquals(Level.WARN, LogManager.getRootLogger().getLevel());
  }

  @Test
  void logContext_restoresThePreviousValuesAndPropagatesToWorkers() throws Exception {
    try (LogContext outer = LogContext.open("r-outer", "orchestrator")) {
      try (LogContext inner = LogContext.open("r-outer", "instance")) {
        assertEquals("instance", MDC.get("component"));
      }
      assertEquals("orchestrator", MDC.get("component"));
      var pool = Executors.newSingleThreadExecutor();
      try {
        String seen = pool.submit(LogContext.wrap("worker",
            () -> MDC.get("reviewId") + "/" + MDC.get("component"))).get();
        assertEquals("r-outer/worker", seen);
        assertNull(pool.submit(() -> MDC.get("reviewId")).get(), "nothing leaks into the pool thread");
      } finally {
        pool.shutdown();
      }
    }
    assertNull(MDC.get("reviewId"));
  }
}
