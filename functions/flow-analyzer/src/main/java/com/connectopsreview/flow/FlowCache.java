package com.connectopsreview.flow;

import com.connectopsreview.shared.aws.AwsErrors;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.store.ResultStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The flow analyses carried from one review of an instance to the next, in the store's cache
 * document ({@code ResultStore.getCache/putCache("flow", instanceId)}): per flow and per module the
 * SHA-256 of its content, its LastModifiedTime and its {@link FlowAnalysis}. A flow whose content
 * hash is unchanged is not analyzed again; one listed without content and with an unchanged
 * LastModifiedTime is not even described.
 *
 * <p>The document carries {@link #VERSION} (its own shape) and the lint rules' version
 * ({@link FlowLintCatalog#VERSION}); a document of another version, or one that cannot be read, is
 * ignored (logged, never fatal), so a rule change re-analyzes every flow once.
 */
final class FlowCache {

  private static final Logger LOG = LoggerFactory.getLogger(FlowCache.class);

  static final int VERSION = 1;

  /**
   * One flow's or module's cached analysis.
   *
   * @param lastModifiedTime null when Connect gave none (modules, List fallback)
   */
  record Entry(String contentSha256, Instant lastModifiedTime, FlowAnalysis analysis) {}

  /** The stored document; maps keyed by flow / module id. */
  record Document(int version, String rulesVersion, Map<String, Entry> flows, Map<String, Entry> modules) {

    Document {
      flows = flows == null ? new LinkedHashMap<>() : new LinkedHashMap<>(flows);
      modules = modules == null ? new LinkedHashMap<>() : new LinkedHashMap<>(modules);
    }

    static Document empty() {
      return new Document(VERSION, FlowLintCatalog.VERSION, Map.of(), Map.of());
    }

    Map<String, Entry> of(FlowRecord.Kind kind) {
      return kind == FlowRecord.Kind.FLOW ? flows : modules;
    }
  }

  private FlowCache() {}

  /** The instance's cache, or an empty one when there is none, it is unreadable or of another version. */
  static Document read(ResultStore store, String component, String instanceId) {
    Optional<byte[]> stored;
    try {
      stored = store.getCache(component, instanceId);
    } catch (RuntimeException e) {
      LOG.warn("flow cache not read, analyzing every flow: {}", AwsErrors.reason(e));
      return Document.empty();
    }
    if (stored.isEmpty()) {
      LOG.info("no flow cache yet for this instance");
      return Document.empty();
    }
    try {
      JsonNode tree = Json.mapper().readTree(stored.get());
      int version = tree.path("version").asInt(-1);
      String rules = tree.path("rulesVersion").asText(null);
      if (version != VERSION || !FlowLintCatalog.VERSION.equals(rules)) {
        LOG.info("flow cache of version {} / rules {} ignored (current {} / {})", version, rules, VERSION,
            FlowLintCatalog.VERSION);
        return Document.empty();
      }
      return Json.mapper().treeToValue(tree, Document.class);
    } catch (java.io.IOException | RuntimeException e) {
      LOG.warn("flow cache unreadable, ignored: {}", e.getClass().getSimpleName());
      return Document.empty();
    }
  }

  /** Stores the document; a failure is logged only (the review's result does not depend on it). */
  static boolean write(ResultStore store, String component, String instanceId, Document document) {
    try {
      store.putCache(component, instanceId, Json.toBytes(document));
      return true;
    } catch (RuntimeException e) {
      LOG.warn("flow cache not saved; the next review analyzes every flow again: {}", AwsErrors.reason(e));
      return false;
    }
  }
}
