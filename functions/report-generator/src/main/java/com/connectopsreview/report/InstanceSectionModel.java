package com.connectopsreview.report;

import static com.connectopsreview.report.HtmlReportModel.map;
import static com.connectopsreview.report.SectionData.listed;
import static com.connectopsreview.report.SectionData.number;
import static com.connectopsreview.report.SectionData.text;

import com.connectopsreview.report.SectionData.SectionRead;
import com.connectopsreview.shared.sections.InstanceSection;
import com.connectopsreview.shared.sections.InstanceSection.AlarmCoverage;
import com.connectopsreview.shared.sections.InstanceSection.KinesisStream;
import com.connectopsreview.shared.sections.InstanceSection.KmsKey;
import com.connectopsreview.shared.sections.InstanceSection.Details;
import com.connectopsreview.shared.sections.InstanceSection.ReplicaRegion;
import com.connectopsreview.shared.sections.InstanceSection.Replication;
import com.connectopsreview.shared.sections.InstanceSection.StorageConfigEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The instance section's model, from the {@code instance} component's data ({@link InstanceSection}).
 * Any field may be missing or null (an analyzer that ran partly); the section then shows what it has.
 */
final class InstanceSectionModel {

  /** The details of a payload without them: every row a dash. */
  private static final Details NO_DETAILS = new Details(null, null, null, null, null, null, null, null, null, null);

  private InstanceSectionModel() {}

  static Map<String, Object> of(ComponentReport component) {
    SectionRead<InstanceSection> read = read(component);
    InstanceSection data = read.section();
    if (data == null || (data.instance() == null && data.attributes() == null && data.storageConfigs() == null)) {
      return SectionData.unavailable(component, read);
    }
    return map(
        "available", true,
        "details", details(data.instance() == null ? NO_DETAILS : data.instance()),
        "attributes", attributes(data.attributes()),
        "replication", replication(data.replication()),
        "storageConfigs", storageConfigs(data.storageConfigs()),
        "unconfigured", texts(data.unconfiguredResourceTypes()),
        "kmsKeys", kmsKeys(data.kmsKeys()),
        "kinesisStreams", kinesisStreams(data.kinesisStreams()));
  }

  static SectionRead<InstanceSection> read(ComponentReport component) {
    return SectionData.read(component, InstanceSection.class, InstanceSection.SCHEMA_VERSION);
  }

  private static List<Map<String, Object>> details(Details instance) {
    String accessUrl = text(instance.accessUrl());
    List<Map<String, Object>> rows = new ArrayList<>();
    rows.add(row("Alias", text(instance.alias()), false));
    rows.add(row("Instance ID", text(instance.id()), true));
    rows.add(row("ARN", text(instance.arn()), true));
    rows.add(row("Identity management", text(instance.identityManagementType()), false));
    rows.add(row("Status", text(instance.status()), false));
    rows.add(row("Service role", text(instance.serviceRole()), true));
    rows.add(row("Created", Formats.utc(instance.createdTime()), false));
    rows.add(row("Inbound calls", Formats.yesNo(instance.inboundCallsEnabled()), false));
    rows.add(row("Outbound calls", Formats.yesNo(instance.outboundCallsEnabled()), false));
    Map<String, Object> access = row("Access URL", accessUrl, false);
    access.put("href", SafeLinks.httpOrNull(accessUrl));
    rows.add(access);
    return rows;
  }

  private static Map<String, Object> row(String label, String value, boolean code) {
    return map("label", label, "value", value, "code", code);
  }

  private static List<Map<String, Object>> attributes(Map<String, String> attributes) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (attributes != null) {
      Map<String, String> sorted = new TreeMap<>();
      attributes.forEach((name, value) -> sorted.put(name, text(value)));
      sorted.forEach((name, value) -> rows.add(map("name", name, "value", value)));
    }
    return rows;
  }

  private static Map<String, Object> replication(Replication replication) {
    if (replication == null) {
      return null;
    }
    List<Map<String, Object>> regions = new ArrayList<>();
    for (ReplicaRegion region : listed(replication.regions())) {
      regions.add(map(
          "region", text(region.region()),
          "status", text(region.status()),
          "reason", text(region.reason())));
    }
    return map(
        "sourceRegion", text(replication.sourceRegion()),
        "globalSignInEndpoint", text(replication.globalSignInEndpoint()),
        "regions", regions);
  }

  private static List<Map<String, Object>> storageConfigs(List<StorageConfigEntry> configs) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (StorageConfigEntry config : listed(configs)) {
      rows.add(map(
          "resourceType", text(config.resourceType()),
          "storageType", text(config.storageType()),
          "destination", text(config.destination()),
          "encryption", text(config.encryption()),
          "kmsKeyId", text(config.kmsKeyId()),
          "retentionHours", number(config.retentionHours())));
    }
    return rows;
  }

  private static List<Map<String, Object>> kmsKeys(List<KmsKey> keys) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (KmsKey key : listed(keys)) {
      rows.add(map(
          "key", text(key.keyArn()) != null ? key.keyArn() : text(key.keyId()),
          "usedBy", String.join(", ", texts(key.usedBy())),
          "keyState", text(key.keyState()),
          "rotation", text(key.rotation()),
          "rotationPeriodInDays", number(key.rotationPeriodInDays()),
          "nextRotation", Formats.utc(key.nextRotationDate()),
          "reason", text(key.reason())));
    }
    return rows;
  }

  private static List<Map<String, Object>> kinesisStreams(List<KinesisStream> streams) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (KinesisStream stream : listed(streams)) {
      AlarmCoverage alarms = stream.alarms();
      rows.add(map(
          "name", text(stream.name()),
          "resourceTypes", String.join(", ", texts(stream.resourceTypes())),
          "retentionHours", number(stream.retentionHours()),
          "coverage", alarms == null ? null
              : alarms.found() + " of " + alarms.recommended() + " (" + number(alarms.coveragePercent()) + " %)",
          "missing", alarms == null ? null : String.join(", ", texts(alarms.missing()))));
    }
    return rows;
  }

  private static List<String> texts(List<String> values) {
    List<String> texts = new ArrayList<>();
    for (String value : listed(values)) {
      if (text(value) != null) {
        texts.add(value);
      }
    }
    return texts;
  }
}
