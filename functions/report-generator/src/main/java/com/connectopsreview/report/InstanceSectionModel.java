package com.connectopsreview.report;

import static com.connectopsreview.report.HtmlReportModel.map;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The instance section's model, from the {@code instance} component's data:
 *
 * <pre>
 * { "instance": {id, arn, alias, identityManagementType, status, serviceRole, createdTime,
 *                inboundCallsEnabled, outboundCallsEnabled, accessUrl},
 *   "attributes": {NAME: value},
 *   "replication": null | {sourceRegion, globalSignInEndpoint, regions: [{region, status, reason}]},
 *   "storageConfigs": [{resourceType, storageType, destination, encryption, kmsKeyId, retentionHours}],
 *   "unconfiguredResourceTypes": [...] }
 * </pre>
 *
 * Any field may be missing or null (an analyzer that ran partly); the section then shows what it has.
 */
final class InstanceSectionModel {

  private InstanceSectionModel() {}

  static Map<String, Object> of(ComponentReport component) {
    JsonNode data = component == null ? null : component.data();
    boolean available = data != null && (data.path("instance").isObject()
        || data.path("attributes").isObject() || data.path("storageConfigs").isArray());
    if (!available) {
      return map(
          "available", false,
          "componentStatus", component == null ? null : component.status().name(),
          "componentAnchor", component == null ? null
              : "component-" + HtmlReportModel.anchor(component.name()));
    }
    return map(
        "available", true,
        "details", details(data.path("instance")),
        "attributes", attributes(data.path("attributes")),
        "replication", replication(data.path("replication")),
        "storageConfigs", storageConfigs(data.path("storageConfigs")),
        "unconfigured", texts(data.path("unconfiguredResourceTypes")));
  }

  private static List<Map<String, Object>> details(JsonNode instance) {
    String accessUrl = text(instance.path("accessUrl"));
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(row("Alias", text(instance.path("alias")), false));
    rows.add(row("Instance ID", text(instance.path("id")), true));
    rows.add(row("ARN", text(instance.path("arn")), true));
    rows.add(row("Identity management", text(instance.path("identityManagementType")), false));
    rows.add(row("Status", text(instance.path("status")), false));
    rows.add(row("Service role", text(instance.path("serviceRole")), true));
    rows.add(row("Created", Formats.utc(text(instance.path("createdTime"))), false));
    rows.add(row("Inbound calls", Formats.yesNo(bool(instance.path("inboundCallsEnabled"))), false));
    rows.add(row("Outbound calls", Formats.yesNo(bool(instance.path("outboundCallsEnabled"))), false));
    Map<String, Object> access = row("Access URL", accessUrl, false);
    access.put("href", SafeLinks.httpOrNull(accessUrl));
    rows.add(access);
    return rows;
  }

  private static Map<String, Object> row(String label, String value, boolean code) {
    return map("label", label, "value", value, "code", code);
  }

  private static List<Map<String, Object>> attributes(JsonNode attributes) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (attributes.isObject()) {
      Map<String, String> sorted = new TreeMap<>();
      attributes.properties().forEach(e -> sorted.put(e.getKey(), text(e.getValue())));
      sorted.forEach((name, value) -> rows.add(map("name", name, "value", value)));
    }
    return rows;
  }

  private static Map<String, Object> replication(JsonNode replication) {
    if (!replication.isObject()) {
      return null;
    }
    List<Map<String, Object>> regions = new ArrayList<>();
    for (JsonNode region : iterable(replication.path("regions"))) {
      regions.add(map(
          "region", text(region.path("region")),
          "status", text(region.path("status")),
          "reason", text(region.path("reason"))));
    }
    return map(
        "sourceRegion", text(replication.path("sourceRegion")),
        "globalSignInEndpoint", text(replication.path("globalSignInEndpoint")),
        "regions", regions);
  }

  private static List<Map<String, Object>> storageConfigs(JsonNode configs) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (JsonNode config : iterable(configs)) {
      rows.add(map(
          "resourceType", text(config.path("resourceType")),
          "storageType", text(config.path("storageType")),
          "destination", text(config.path("destination")),
          "encryption", text(config.path("encryption")),
          "kmsKeyId", text(config.path("kmsKeyId")),
          "retentionHours", text(config.path("retentionHours"))));
    }
    return rows;
  }

  private static List<String> texts(JsonNode array) {
    List<String> values = new ArrayList<>();
    for (JsonNode node : iterable(array)) {
      String value = text(node);
      if (value != null) {
        values.add(value);
      }
    }
    return values;
  }

  private static Iterable<JsonNode> iterable(JsonNode node) {
    return node.isArray() ? node : List.of();
  }

  /** A scalar as display text (numbers exact), a structure as JSON; null when absent or blank. */
  static String text(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isNumber()) {
      return Formats.value(node.numberValue());
    }
    if (node.isContainerNode()) {
      return node.toString();
    }
    String value = node.asText();
    return value.isBlank() ? null : value;
  }

  /** A JSON boolean, or the text "true"/"false"; null otherwise. */
  static Boolean bool(JsonNode node) {
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    if (node.isTextual()) {
      String value = node.asText().trim();
      if (value.equalsIgnoreCase("true")) {
        return true;
      }
      if (value.equalsIgnoreCase("false")) {
        return false;
      }
    }
    return null;
  }
}
