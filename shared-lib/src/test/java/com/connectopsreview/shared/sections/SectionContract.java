package com.connectopsreview.shared.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.connectopsreview.shared.json.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a stored {@code data} payload must satisfy to be its section's: it binds to the record with no
 * field left over, and the record writes the same JSON back. A field renamed on either side fails here
 * instead of becoming a dash in the report.
 */
public final class SectionContract {

  /** The shared mapper, except that a payload field the record does not have is an error. */
  private static final ObjectMapper STRICT =
      Json.mapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private SectionContract() {}

  /** {@code data} bound to {@code type}, failing on any field of the payload the record does not have. */
  public static <T extends Section> T bindStrictly(JsonNode data, Class<T> type) {
    try {
      return STRICT.treeToValue(data, type);
    } catch (JsonProcessingException e) {
      String at = e instanceof JsonMappingException mapping ? " at " + mapping.getPathReference() : "";
      return fail(type.getSimpleName() + " does not bind strictly: " + e.getOriginalMessage() + at);
    }
  }

  /**
   * Binds {@code data} strictly and writes the record back: the same tree, but for what the payload
   * leaves out or sets to null (the record writes null) and {@code schemaVersion} (older payloads have
   * none), with numbers compared by value. The record also writes its current {@code schemaVersion}.
   */
  public static <T extends Section> T assertRoundTrip(JsonNode data, Class<T> type) {
    T section = bindStrictly(data, type);
    JsonNode written = Json.tree(section);
    assertEquals(section.schemaVersion(), written.path("schemaVersion").intValue(), "schemaVersion written");
    String difference = difference(comparable(data), comparable(written), "");
    if (difference != null) {
      fail(type.getSimpleName() + " does not write back what it read: " + difference);
    }
    return section;
  }

  /**
   * What an analyzer stores now: its section at the record's {@code schemaVersion}, binding strictly and
   * writing back the same JSON ({@link #assertRoundTrip}).
   */
  public static <T extends Section> T assertCurrent(JsonNode data, Class<T> type) {
    T section = assertRoundTrip(data, type);
    assertEquals(section.schemaVersion(), data.path("schemaVersion").asInt(-1), "schemaVersion stored");
    return section;
  }

  /** The tree without null fields and without the top-level schemaVersion, numbers as plain decimals. */
  private static JsonNode comparable(JsonNode data) {
    JsonNode copy = normalized(data);
    if (copy instanceof ObjectNode object) {
      object.remove("schemaVersion");
    }
    return copy;
  }

  private static JsonNode normalized(JsonNode node) {
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      node.properties().forEach(e -> {
        if (!e.getValue().isNull()) {
          out.set(e.getKey(), normalized(e.getValue()));
        }
      });
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      node.forEach(e -> out.add(normalized(e)));
      return out;
    }
    if (node.isNumber()) {
      return JsonNodeFactory.instance.numberNode(node.decimalValue().stripTrailingZeros());
    }
    return node;
  }

  /** The first place where the trees differ, as a path with both values; null when they are equal. */
  private static String difference(JsonNode read, JsonNode written, String path) {
    if (read.isObject() && written.isObject()) {
      TreeSet<String> names = new TreeSet<>();
      read.fieldNames().forEachRemaining(names::add);
      written.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String at = path + "/" + name;
        if (!read.has(name) || !written.has(name)) {
          return at + (read.has(name) ? " is read but not written" : " is written (" + written.get(name)
              + ") but not in the payload");
        }
        String inner = difference(read.get(name), written.get(name), at);
        if (inner != null) {
          return inner;
        }
      }
      return null;
    }
    if (read.isArray() && written.isArray()) {
      if (read.size() != written.size()) {
        return path + ": " + read.size() + " elements read, " + written.size() + " written";
      }
      Iterator<JsonNode> r = read.elements();
      Iterator<JsonNode> w = written.elements();
      for (int i = 0; r.hasNext(); i++) {
        String inner = difference(r.next(), w.next(), path + "/" + i);
        if (inner != null) {
          return inner;
        }
      }
      return null;
    }
    return Objects.equals(read, written) ? null : path + ": read " + read + ", written " + written;
  }
}
