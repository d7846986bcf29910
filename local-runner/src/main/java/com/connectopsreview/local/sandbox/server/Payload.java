package com.connectopsreview.local.sandbox.server;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Response payloads as Jackson trees, and the two encodings the protocols write them in.
 *
 * <p>Timestamps stay {@link Instant}s inside the tree (as POJO nodes) until the encoding is known:
 * JSON protocols (REST-JSON, JSON 1.1) send epoch seconds with a fraction, AWS CBOR sends epoch
 * milliseconds, which is what the SDK's unmarshallers expect for each.
 */
public final class Payload {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** JSON with timestamps as epoch seconds. */
  static final ObjectMapper JSON = JsonMapper.builder()
      .addModule(new SimpleModule("sandbox-epoch-seconds").addSerializer(Instant.class, new EpochSeconds()))
      .build();

  /** CBOR with timestamps as epoch milliseconds. */
  static final ObjectMapper CBOR = CBORMapper.builder()
      .addModule(new SimpleModule("sandbox-epoch-millis").addSerializer(Instant.class, new EpochMillis()))
      .build();

  private Payload() {}

  /** An object from key/value pairs; null values are left out, as AWS leaves out unset members. */
  public static ObjectNode object(Object... keyValues) {
    if (keyValues.length % 2 != 0) {
      throw new IllegalArgumentException("object() takes key/value pairs, got " + keyValues.length + " arguments");
    }
    ObjectNode node = NODES.objectNode();
    for (int i = 0; i < keyValues.length; i += 2) {
      JsonNode value = value(keyValues[i + 1]);
      if (value != null) {
        node.set((String) keyValues[i], value);
      }
    }
    return node;
  }

  public static ArrayNode array(Iterable<?> values) {
    ArrayNode array = NODES.arrayNode();
    for (Object v : values) {
      JsonNode node = value(v);
      if (node != null) {
        array.add(node);
      }
    }
    return array;
  }

  /** A tree node for a Java value; null for null. */
  public static JsonNode value(Object v) {
    if (v == null) {
      return null;
    }
    if (v instanceof JsonNode node) {
      return node;
    }
    if (v instanceof String s) {
      return NODES.textNode(s);
    }
    if (v instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (v instanceof Integer n) {
      return NODES.numberNode(n);
    }
    if (v instanceof Long n) {
      return NODES.numberNode(n);
    }
    if (v instanceof Double n) {
      return NODES.numberNode(n);
    }
    if (v instanceof Instant t) {
      return NODES.pojoNode(t);
    }
    if (v instanceof Map<?, ?> map) {
      ObjectNode node = NODES.objectNode();
      map.forEach((k, value) -> {
        JsonNode child = value(value);
        if (child != null) {
          node.set(String.valueOf(k), child);
        }
      });
      return node;
    }
    if (v instanceof Iterable<?> list) {
      return array(list);
    }
    throw new IllegalArgumentException("no payload mapping for " + v.getClass().getName());
  }

  static byte[] json(JsonNode tree) {
    return write(JSON, tree);
  }

  static byte[] cbor(JsonNode tree) {
    return write(CBOR, tree);
  }

  private static byte[] write(ObjectMapper mapper, JsonNode tree) {
    try {
      return mapper.writeValueAsBytes(tree);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode a sandbox payload", e);
    }
  }

  private static final class EpochSeconds extends StdSerializer<Instant> {
    private static final long serialVersionUID = 1L;

    EpochSeconds() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      long millis = value.toEpochMilli();
      if (millis % 1000 == 0) {
        gen.writeNumber(millis / 1000);
      } else {
        gen.writeNumber(BigDecimal.valueOf(millis, 3));
      }
    }
  }

  private static final class EpochMillis extends StdSerializer<Instant> {
    private static final long serialVersionUID = 1L;

    EpochMillis() {
      super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      gen.writeNumber(value.toEpochMilli());
    }
  }
}
