package com.connectopsreview.local.sandbox.instance;

import static com.connectopsreview.local.sandbox.server.ConnectService.CONNECT;
import static com.connectopsreview.local.sandbox.server.ConnectService.DEFAULT;
import static com.connectopsreview.local.sandbox.server.Payload.object;

import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.instance.InstanceConfigDomain.StorageConfig;
import com.connectopsreview.local.sandbox.server.Call;
import com.connectopsreview.local.sandbox.server.ConnectService;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.local.sandbox.server.Pager;
import com.connectopsreview.local.sandbox.server.Pager.Page;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.connect.model.InstanceAttributeType;
import software.amazon.awssdk.services.connect.model.InstanceStorageResourceType;

/**
 * The instance's Connect operations: DescribeInstance, its attributes and its storage configs
 * (pages of at most 7 for ListInstanceAttributes and 10 for ListInstanceStorageConfigs, their
 * documented maximum and default).
 */
final class InstanceConfigApi {

  private final InstanceConfigDomain config;
  private final Scenario scenario;
  private final Pager pager;

  InstanceConfigApi(InstanceConfigDomain config, Scenario scenario, Pager pager) {
    this.config = config;
    this.scenario = scenario;
    this.pager = pager;
  }

  void register(OperationRegistry r) {
    r.rest(CONNECT, "DescribeInstance", "GET", "/instance/{InstanceId}", DEFAULT, this::describeInstance);
    r.rest(CONNECT, "ListInstanceAttributes", "GET", "/instance/{InstanceId}/attributes", DEFAULT,
        this::listInstanceAttributes);
    r.rest(CONNECT, "DescribeInstanceAttribute", "GET", "/instance/{InstanceId}/attribute/{AttributeType}", DEFAULT,
        this::describeInstanceAttribute);
    r.rest(CONNECT, "ListInstanceStorageConfigs", "GET", "/instance/{InstanceId}/storage-configs", DEFAULT,
        this::listInstanceStorageConfigs);
  }

  private JsonNode describeInstance(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    InstanceConfigDomain.Instance i = config.instance();
    InstanceConfigDomain.Replication replication = i.replication();
    return object(
        "Instance", object(
            "Id", i.ref().id(),
            "Arn", i.ref().arn(),
            "IdentityManagementType", i.identityManagementType(),
            "InstanceAlias", i.alias(),
            "CreatedTime", i.createdTime(),
            "ServiceRole", i.serviceRole(),
            "InstanceStatus", i.status(),
            "InboundCallsEnabled", i.inboundCallsEnabled(),
            "OutboundCallsEnabled", i.outboundCallsEnabled(),
            "InstanceAccessUrl", i.accessUrl(),
            "Tags", i.tags()),
        "ReplicationConfiguration", replication == null ? null : object(
            "ReplicationStatusSummaryList", replication.regions().stream()
                .map(r -> object("Region", r.region(), "ReplicationStatus", r.status(),
                    "ReplicationStatusReason", r.reason()))
                .toList(),
            "SourceRegion", replication.sourceRegion(),
            "GlobalSignInEndpoint", replication.globalSignInEndpoint()));
  }

  private JsonNode listInstanceAttributes(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    List<Map.Entry<String, String>> attributes = new ArrayList<>(config.attributes().entrySet());
    Page page = pager.page(call, "", attributes.size(), i -> true, call.queryInt("maxResults"), "maxResults",
        call.query("nextToken"), 7, 7);
    return object(
        "Attributes", page.indexes().stream()
            .map(i -> object("AttributeType", attributes.get(i).getKey(), "Value", attributes.get(i).getValue()))
            .toList(),
        "NextToken", page.nextToken());
  }

  private JsonNode describeInstanceAttribute(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    String type = call.path("AttributeType");
    String value = config.attributes().get(type);
    if (value == null) {
      throw call.service().invalidParameter("Invalid AttributeType '" + type + "'; valid values: "
          + InstanceAttributeType.knownValues().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")));
    }
    return object("Attribute", object("AttributeType", type, "Value", value));
  }

  private JsonNode listInstanceStorageConfigs(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    String type = call.query("resourceType");
    if (type == null || type.isEmpty()) {
      throw call.service().invalidParameter("resourceType is required");
    }
    ConnectService.requireKnown(call, "resourceType", List.of(type),
        ConnectService.names(InstanceStorageResourceType.knownValues()));
    List<StorageConfig> configs = config.storageConfigs(type);
    Page page = pager.page(call, type, configs.size(), i -> true, call.queryInt("maxResults"), "maxResults",
        call.query("nextToken"), 10, 10);
    return object(
        "StorageConfigs", page.indexes().stream().map(i -> storageConfig(configs.get(i))).toList(),
        "NextToken", page.nextToken());
  }

  private static JsonNode storageConfig(StorageConfig c) {
    return object(
        "AssociationId", c.associationId(),
        "StorageType", c.storageType(),
        "S3Config", c.s3() == null ? null : object(
            "BucketName", c.s3().bucket(),
            "BucketPrefix", c.s3().prefix(),
            "EncryptionConfig", encryption(c.s3().kmsKeyId())),
        "KinesisVideoStreamConfig", c.kvs() == null ? null : object(
            "Prefix", c.kvs().prefix(),
            "RetentionPeriodHours", c.kvs().retentionHours(),
            "EncryptionConfig", encryption(c.kvs().kmsKeyId())),
        "KinesisStreamConfig", c.kinesisStreamArn() == null ? null : object("StreamArn", c.kinesisStreamArn()),
        "KinesisFirehoseConfig", c.firehoseArn() == null ? null : object("FirehoseArn", c.firehoseArn()));
  }

  private static JsonNode encryption(String keyId) {
    return keyId == null ? null : object("EncryptionType", "KMS", "KeyId", keyId);
  }
}
