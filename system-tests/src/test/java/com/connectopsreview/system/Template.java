package com.connectopsreview.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A parsed SAM template with the look-ups the checks share. Values are CfnYaml's maps and lists. */
record Template(Map<String, Object> root) {

  static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";

  /** Lambda's own default when neither the function nor Globals sets a timeout. */
  private static final long LAMBDA_DEFAULT_TIMEOUT_SECONDS = 3;

  static Template parse(String yaml) {
    return new Template(CfnYaml.parse(yaml));
  }

  static Template load(Path file) {
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  Map<String, Object> section(String name) {
    return map(root.get(name));
  }

  Map<String, Object> resources() {
    return section("Resources");
  }

  Map<String, Object> parameters() {
    return section("Parameters");
  }

  Map<String, Object> conditions() {
    return section("Conditions");
  }

  String type(String logicalId) {
    Object type = map(resources().get(logicalId)).get("Type");
    return type instanceof String s ? s : null;
  }

  Map<String, Object> properties(String logicalId) {
    return map(map(resources().get(logicalId)).get("Properties"));
  }

  /** Logical ids of the resources of this type, in template order. */
  List<String> resourcesOfType(String type) {
    List<String> ids = new ArrayList<>();
    resources().keySet().forEach(id -> {
      if (type.equals(type(id))) {
        ids.add(id);
      }
    });
    return ids;
  }

  List<String> functions() {
    return resourcesOfType(SERVERLESS_FUNCTION);
  }

  /** A function property, falling back to Globals.Function as SAM does. */
  Optional<Object> functionProperty(String functionId, String property) {
    Object own = properties(functionId).get(property);
    if (own != null) {
      return Optional.of(own);
    }
    return Optional.ofNullable(map(section("Globals").get("Function")).get(property));
  }

  /** Environment variables as SAM merges them: Globals first, the function's own on top. */
  Map<String, Object> functionEnvironment(String functionId) {
    Map<String, Object> merged = new LinkedHashMap<>();
    merged.putAll(map(map(map(section("Globals").get("Function")).get("Environment")).get("Variables")));
    merged.putAll(map(map(properties(functionId).get("Environment")).get("Variables")));
    return merged;
  }

  /**
   * The function's timeout in seconds (own, Globals, or Lambda's default).
   *
   * @throws IllegalArgumentException if the value is not a literal number
   */
  long functionTimeoutSeconds(String functionId) {
    Object timeout = functionProperty(functionId, "Timeout").orElse(LAMBDA_DEFAULT_TIMEOUT_SECONDS);
    if (timeout instanceof Number n) {
      return n.longValue();
    }
    if (timeout instanceof String s && s.matches("\\d+")) {
      return Long.parseLong(s);
    }
    throw new IllegalArgumentException(
        "Resources." + functionId + ".Properties.Timeout is not a literal number: " + timeout);
  }

  /** {@code Ref X} → X, else null. */
  static String refTarget(Object value) {
    return map(value).get("Ref") instanceof String s && map(value).size() == 1 ? s : null;
  }

  /** {@code Fn::GetAtt [X, attribute]} → X when the attribute matches, else null. */
  static String getAttTarget(Object value, String attribute) {
    if (map(value).size() == 1 && map(value).get("Fn::GetAtt") instanceof List<?> args
        && args.size() == 2 && attribute.equals(args.get(1)) && args.get(0) instanceof String id) {
      return id;
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  static List<Object> list(Object value) {
    if (value instanceof List<?> l) {
      return new ArrayList<>(l);
    }
    return value == null ? List.of() : List.of(value);
  }
}
