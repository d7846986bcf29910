package com.connectopsreview.local.sandbox.server;

import static com.connectopsreview.local.sandbox.server.AwsService.CONNECT;
import static com.connectopsreview.local.sandbox.server.Payload.object;

import com.connectopsreview.local.sandbox.EntityList;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.Scenario.StorageConfig;
import com.connectopsreview.local.sandbox.server.Pager.Page;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter.Limit;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.connect.model.AgentStatusType;
import software.amazon.awssdk.services.connect.model.ContactFlowType;
import software.amazon.awssdk.services.connect.model.IntegrationType;
import software.amazon.awssdk.services.connect.model.LexVersion;
import software.amazon.awssdk.services.connect.model.InstanceAttributeType;
import software.amazon.awssdk.services.connect.model.InstanceStorageResourceType;
import software.amazon.awssdk.services.connect.model.PhoneNumberCountryCode;
import software.amazon.awssdk.services.connect.model.PhoneNumberType;
import software.amazon.awssdk.services.connect.model.QuickConnectType;

/**
 * Amazon Connect over REST-JSON, as the SDK 2.40.2 ConnectClient calls it (paths taken from its
 * request marshallers). Page sizes: the documented maximum of each API (7 for
 * ListInstanceAttributes, 10 for ListInstanceStorageConfigs, 25 for ListBots and ListLambdaFunctions,
 * 100 for ListPredefinedAttributes and ListIntegrationAssociations, 1,000 for the other entity
 * lists), and the documented default of 100 for the 1,000-lists when maxResults is absent (the
 * maximum for the others).
 */
final class ConnectApi {

  /** Connect's documented default for every API not listed otherwise: 2 requests/s, burst 5, per API. */
  static final Limit DEFAULT = ApiRateLimiter.CONNECT_DEFAULT;
  /** Connect's documented limit of GetMetricData and GetCurrentMetricData (for the metric operations to come). */
  static final Limit METRICS = new Limit(5, 8);

  private static final int LIST_DEFAULT = 100;
  private static final int LIST_MAX = 1_000;
  /** ListBots and ListLambdaFunctions: maxResults 1..25 (their documented maximum, also the default). */
  private static final int SMALL_LIST_MAX = 25;
  /** ListPredefinedAttributes and ListIntegrationAssociations: maxResults 1..100. */
  private static final int HUNDRED_LIST_MAX = 100;
  /** SearchContactFlows and SearchContactFlowModules: MaxResults 1..100; 100 when absent (assumed). */
  private static final int SEARCH_MAX = 100;

  private final Scenario scenario;
  private final Pager pager;

  ConnectApi(Scenario scenario, Pager pager) {
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
    r.rest(CONNECT, "ListContactFlows", "GET", "/contact-flows-summary/{InstanceId}", DEFAULT, this::listContactFlows);
    r.rest(CONNECT, "DescribeContactFlow", "GET", "/contact-flows/{InstanceId}/{ContactFlowId}", DEFAULT,
        this::describeContactFlow);
    r.rest(CONNECT, "ListContactFlowModules", "GET", "/contact-flow-modules-summary/{InstanceId}", DEFAULT,
        this::listContactFlowModules);
    r.rest(CONNECT, "SearchContactFlows", "POST", "/search-contact-flows", DEFAULT, this::searchContactFlows);
    r.rest(CONNECT, "SearchContactFlowModules", "POST", "/search-contact-flow-modules", DEFAULT,
        this::searchContactFlowModules);
    r.rest(CONNECT, "DescribeContactFlowModule", "GET", "/contact-flow-modules/{InstanceId}/{ContactFlowModuleId}",
        DEFAULT, this::describeContactFlowModule);
    r.rest(CONNECT, "ListUsers", "GET", "/users-summary/{InstanceId}", DEFAULT, this::listUsers);
    r.rest(CONNECT, "ListQueues", "GET", "/queues-summary/{InstanceId}", DEFAULT, this::listQueues);
    r.rest(CONNECT, "ListRoutingProfiles", "GET", "/routing-profiles-summary/{InstanceId}", DEFAULT,
        this::listRoutingProfiles);
    r.rest(CONNECT, "ListPrompts", "GET", "/prompts-summary/{InstanceId}", DEFAULT, this::listPrompts);
    r.rest(CONNECT, "ListHoursOfOperations", "GET", "/hours-of-operations-summary/{InstanceId}", DEFAULT,
        this::listHoursOfOperations);
    r.rest(CONNECT, "ListQuickConnects", "GET", "/quick-connects/{InstanceId}", DEFAULT, this::listQuickConnects);
    r.rest(CONNECT, "ListPhoneNumbersV2", "POST", "/phone-number/list", DEFAULT, this::listPhoneNumbersV2);
    r.rest(CONNECT, "DescribePhoneNumber", "GET", "/phone-number/{PhoneNumberId}", DEFAULT, this::describePhoneNumber);
    r.rest(CONNECT, "ListFlowAssociations", "GET", "/flow-associations-summary/{InstanceId}", DEFAULT,
        this::listFlowAssociations);
    r.rest(CONNECT, "ListSecurityProfiles", "GET", "/security-profiles-summary/{InstanceId}", DEFAULT,
        this::listSecurityProfiles);
    r.rest(CONNECT, "ListAgentStatuses", "GET", "/agent-status/{InstanceId}", DEFAULT, this::listAgentStatuses);
    r.rest(CONNECT, "ListBots", "GET", "/instance/{InstanceId}/bots", DEFAULT, this::listBots);
    r.rest(CONNECT, "ListUserHierarchyGroups", "GET", "/user-hierarchy-groups-summary/{InstanceId}", DEFAULT,
        this::listUserHierarchyGroups);
    r.rest(CONNECT, "ListLambdaFunctions", "GET", "/instance/{InstanceId}/lambda-functions", DEFAULT,
        this::listLambdaFunctions);
    r.rest(CONNECT, "ListPredefinedAttributes", "GET", "/predefined-attributes/{InstanceId}", DEFAULT,
        this::listPredefinedAttributes);
    r.rest(CONNECT, "ListIntegrationAssociations", "GET", "/instance/{InstanceId}/integration-associations", DEFAULT,
        this::listIntegrationAssociations);
  }

  // ---- instance ----

  private JsonNode describeInstance(Call call) {
    Scenario.Instance i = call.instance(scenario, call.path("InstanceId"));
    Scenario.Replication replication = i.replication();
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
    List<Map.Entry<String, String>> attributes = new ArrayList<>(scenario.attributes().entrySet());
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
    String value = scenario.attributes().get(type);
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
    requireKnown(call, "resourceType", List.of(type), names(InstanceStorageResourceType.knownValues()));
    List<StorageConfig> configs = scenario.storageConfigs(type);
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

  // ---- flows ----

  private JsonNode listContactFlows(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    Set<String> types = typeFilter(call, "contactFlowTypes", names(ContactFlowType.knownValues()));
    EntityList<Scenario.ContactFlow> flows = scenario.flows();
    return list(call, "ContactFlowSummaryList", flows, scope(types),
        i -> types.isEmpty() || types.contains(flows.get(i).type()),
        f -> object("Id", f.id(), "Arn", f.arn(), "Name", f.name(), "ContactFlowType", f.type(),
            "ContactFlowState", f.state(), "ContactFlowStatus", f.status()));
  }

  private JsonNode describeContactFlow(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    String id = call.path("ContactFlowId");
    Scenario.ContactFlow f = scenario.flows().byId(id).or(() -> scenario.flows().stream()
            .filter(flow -> flow.arn().equals(id)).findFirst())
        .orElseThrow(() -> call.service().notFound("Contact flow not found: " + id));
    return object("ContactFlow", contactFlow(f));
  }

  /** A ContactFlow object as DescribeContactFlow and SearchContactFlows answer it, content included. */
  private JsonNode contactFlow(Scenario.ContactFlow f) {
    String content = scenario.flowContent(f);
    return object(
        "Arn", f.arn(),
        "Id", f.id(),
        "Name", f.name(),
        "Type", f.type(),
        "State", f.state(),
        "Status", f.status(),
        "Description", f.description(),
        "Content", content,
        "Tags", Map.of(),
        "FlowContentSha256", sha256(content),
        "LastModifiedTime", f.lastModified(),
        "LastModifiedRegion", Scenario.REGION);
  }

  /** A ContactFlowModule object as DescribeContactFlowModule and SearchContactFlowModules answer it. */
  private JsonNode contactFlowModule(Scenario.FlowModule m) {
    String content = scenario.flowModuleContent(m);
    return object(
        "Arn", m.arn(),
        "Id", m.id(),
        "Name", m.name(),
        "Content", content,
        "Description", "Shared steps: " + m.name(),
        "State", m.state(),
        "Status", m.status(),
        "Tags", Map.of(),
        "FlowModuleContentSha256", sha256(content));
  }

  /**
   * SearchContactFlows: POST with a JSON body (InstanceId, MaxResults 1..100, NextToken, optional
   * SearchCriteria and SearchFilter); every matching flow of every state and status, content
   * included, with ApproximateTotalCount.
   */
  private JsonNode searchContactFlows(Call call) {
    call.instance(scenario, call.string("InstanceId"));
    JsonNode criteria = call.input().get("SearchCriteria");
    JsonNode filter = call.input().get("SearchFilter");
    EntityList<Scenario.ContactFlow> flows = scenario.flows();
    IntPredicate include = searchPredicate(call, criteria, filter, i -> {
      Scenario.ContactFlow f = flows.get(i);
      return Map.of("name", f.name(), "description", f.description(), "id", f.id(), "arn", f.arn(),
          "Type", f.type(), "State", f.state(), "Status", f.status());
    });
    Page page = pager.page(call, scopeOf(criteria, filter), flows.size(), include, call.integer("MaxResults"),
        "MaxResults", call.string("NextToken"), SEARCH_MAX, SEARCH_MAX);
    return object(
        "ContactFlows", page.indexes().stream().map(flows::get).map(this::contactFlow).toList(),
        "NextToken", page.nextToken(),
        "ApproximateTotalCount", count(flows.size(), include));
  }

  /** SearchContactFlowModules: as SearchContactFlows, for flow modules (no TypeCondition). */
  private JsonNode searchContactFlowModules(Call call) {
    call.instance(scenario, call.string("InstanceId"));
    JsonNode criteria = call.input().get("SearchCriteria");
    JsonNode filter = call.input().get("SearchFilter");
    EntityList<Scenario.FlowModule> modules = scenario.flowModules();
    IntPredicate include = searchPredicate(call, criteria, filter, i -> {
      Scenario.FlowModule m = modules.get(i);
      return Map.of("name", m.name(), "description", "Shared steps: " + m.name(), "id", m.id(), "arn", m.arn(),
          "State", m.state(), "Status", m.status());
    });
    Page page = pager.page(call, scopeOf(criteria, filter), modules.size(), include, call.integer("MaxResults"),
        "MaxResults", call.string("NextToken"), SEARCH_MAX, SEARCH_MAX);
    return object(
        "ContactFlowModules", page.indexes().stream().map(modules::get).map(this::contactFlowModule).toList(),
        "NextToken", page.nextToken(),
        "ApproximateTotalCount", count(modules.size(), include));
  }

  private JsonNode describeContactFlowModule(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    String id = call.path("ContactFlowModuleId");
    Scenario.FlowModule m = scenario.flowModules().byId(id).or(() -> scenario.flowModules().stream()
            .filter(module -> module.arn().equals(id)).findFirst())
        .orElseThrow(() -> call.service().notFound("Contact flow module not found: " + id));
    return object("ContactFlowModule", contactFlowModule(m));
  }

  /**
   * Which entities a search keeps. SearchCriteria: StringCondition (FieldName name, description, id
   * or arn; ComparisonType EXACT, CONTAINS or STARTS_WITH, the last two ignoring case), TypeCondition,
   * StateCondition, StatusCondition, AndConditions, OrConditions; every condition given must hold. A
   * SearchFilter (tags) keeps nothing: the scenario's flows have no tags.
   */
  private static IntPredicate searchPredicate(Call call, JsonNode criteria, JsonNode filter,
      java.util.function.IntFunction<Map<String, String>> fieldsOf) {
    boolean filtered = filter != null && !filter.isNull() && !filter.isEmpty();
    if (filtered) {
      return i -> false;
    }
    if (criteria == null || criteria.isNull() || criteria.isEmpty()) {
      return i -> true;
    }
    validateCriteria(call, criteria);
    return i -> matches(criteria, fieldsOf.apply(i));
  }

  private static void validateCriteria(Call call, JsonNode criteria) {
    JsonNode string = criteria.get("StringCondition");
    if (string != null && !string.isNull()) {
      String field = string.path("FieldName").asText("");
      if (!Set.of("name", "description", "id", "arn").contains(field)) {
        throw call.service().invalidParameter("Invalid SearchCriteria: StringCondition.FieldName '" + field
            + "' is not searchable (name, description, id, arn)");
      }
      String comparison = string.path("ComparisonType").asText("");
      if (!Set.of("EXACT", "CONTAINS", "STARTS_WITH").contains(comparison)) {
        throw call.service().invalidParameter("Invalid SearchCriteria: StringCondition.ComparisonType '"
            + comparison + "' (EXACT, CONTAINS, STARTS_WITH)");
      }
    }
    for (String list : List.of("AndConditions", "OrConditions")) {
      JsonNode conditions = criteria.get(list);
      if (conditions != null && conditions.isArray()) {
        conditions.forEach(c -> validateCriteria(call, c));
      }
    }
  }

  private static boolean matches(JsonNode criteria, Map<String, String> fields) {
    JsonNode string = criteria.get("StringCondition");
    if (string != null && !string.isNull()) {
      String actual = fields.getOrDefault(string.path("FieldName").asText(), "");
      String wanted = string.path("Value").asText("");
      boolean ok = switch (string.path("ComparisonType").asText()) {
        case "EXACT" -> actual.equals(wanted);
        case "CONTAINS" -> actual.toLowerCase(java.util.Locale.ROOT).contains(wanted.toLowerCase(java.util.Locale.ROOT));
        default -> actual.toLowerCase(java.util.Locale.ROOT).startsWith(wanted.toLowerCase(java.util.Locale.ROOT));
      };
      if (!ok) {
        return false;
      }
    }
    for (String member : List.of("Type", "State", "Status")) {
      JsonNode condition = criteria.get(member + "Condition");
      if (condition != null && !condition.isNull() && !condition.asText().equals(fields.get(member))) {
        return false;
      }
    }
    JsonNode and = criteria.get("AndConditions");
    if (and != null && and.isArray()) {
      for (JsonNode c : and) {
        if (!matches(c, fields)) {
          return false;
        }
      }
    }
    JsonNode or = criteria.get("OrConditions");
    if (or != null && or.isArray() && !or.isEmpty()) {
      boolean any = false;
      for (JsonNode c : or) {
        any |= matches(c, fields);
      }
      return any;
    }
    return true;
  }

  private static String scopeOf(JsonNode criteria, JsonNode filter) {
    return (criteria == null ? "" : criteria.toString()) + "|" + (filter == null ? "" : filter.toString());
  }

  private static long count(int total, IntPredicate include) {
    long n = 0;
    for (int i = 0; i < total; i++) {
      if (include.test(i)) {
        n++;
      }
    }
    return n;
  }

  private static String sha256(String content) {
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  private JsonNode listContactFlowModules(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    String state = call.query("state");
    if (state != null) {
      requireKnown(call, "state", List.of(state), Set.of("ACTIVE", "ARCHIVED"));
    }
    EntityList<Scenario.FlowModule> modules = scenario.flowModules();
    return list(call, "ContactFlowModulesSummaryList", modules, state == null ? "" : state,
        i -> state == null || state.equals(modules.get(i).state()),
        m -> object("Id", m.id(), "Arn", m.arn(), "Name", m.name(), "State", m.state()));
  }

  // ---- users, queues, routing ----

  private JsonNode listUsers(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    return list(call, "UserSummaryList", scenario.users(), "", i -> true,
        u -> object("Id", u.id(), "Arn", u.arn(), "Username", u.username(), "LastModifiedTime", u.lastModified(),
            "LastModifiedRegion", Scenario.REGION));
  }

  private JsonNode listQueues(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    Set<String> types = typeFilter(call, "queueTypes", Set.of("STANDARD", "AGENT"));
    int standard = scenario.counts().standardQueues();
    IntPredicate include = i -> types.isEmpty() || types.contains(i < standard ? "STANDARD" : "AGENT");
    return list(call, "QueueSummaryList", scenario.queues(), scope(types), include,
        q -> object("Id", q.id(), "Arn", q.arn(), "Name", q.name(), "QueueType", q.type(),
            "LastModifiedTime", q.lastModified(), "LastModifiedRegion", Scenario.REGION));
  }

  private JsonNode listRoutingProfiles(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    return list(call, "RoutingProfileSummaryList", scenario.routingProfiles(), "", i -> true,
        p -> object("Id", p.id(), "Arn", p.arn(), "Name", p.name(), "LastModifiedTime", p.lastModified(),
            "LastModifiedRegion", Scenario.REGION));
  }

  private JsonNode listPrompts(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    return list(call, "PromptSummaryList", scenario.prompts(), "", i -> true,
        p -> object("Id", p.id(), "Arn", p.arn(), "Name", p.name(), "LastModifiedTime", p.lastModified(),
            "LastModifiedRegion", Scenario.REGION));
  }

  private JsonNode listHoursOfOperations(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    return list(call, "HoursOfOperationSummaryList", scenario.hoursOfOperations(), "", i -> true,
        h -> object("Id", h.id(), "Arn", h.arn(), "Name", h.name(), "LastModifiedTime", h.lastModified(),
            "LastModifiedRegion", Scenario.REGION));
  }

  private JsonNode listQuickConnects(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    Set<String> types = typeFilter(call, "QuickConnectTypes", names(QuickConnectType.knownValues()));
    EntityList<Scenario.QuickConnect> quickConnects = scenario.quickConnects();
    return list(call, "QuickConnectSummaryList", quickConnects, scope(types),
        i -> types.isEmpty() || types.contains(quickConnects.get(i).type()),
        q -> object("Id", q.id(), "Arn", q.arn(), "Name", q.name(), "QuickConnectType", q.type(),
            "LastModifiedTime", q.lastModified(), "LastModifiedRegion", Scenario.REGION));
  }

  // ---- usage counts (quota analyzer) ----

  private JsonNode listSecurityProfiles(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    return list(call, "SecurityProfileSummaryList", scenario.securityProfiles(), "", i -> true,
        p -> object("Id", p.id(), "Arn", p.arn(), "Name", p.name(), "LastModifiedTime", p.lastModified(),
            "LastModifiedRegion", Scenario.REGION));
  }

  private JsonNode listAgentStatuses(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    Set<String> types = typeFilter(call, "AgentStatusTypes", names(AgentStatusType.knownValues()));
    EntityList<Scenario.AgentStatus> statuses = scenario.agentStatuses();
    return list(call, "AgentStatusSummaryList", statuses, scope(types),
        i -> types.isEmpty() || types.contains(statuses.get(i).type()),
        a -> object("Id", a.id(), "Arn", a.arn(), "Name", a.name(), "Type", a.type(),
            "LastModifiedTime", a.lastModified(), "LastModifiedRegion", Scenario.REGION));
  }

  /** ListBots: lexVersion (V1 or V2) is required; pages of at most 25. */
  private JsonNode listBots(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    String version = call.query("lexVersion");
    if (version == null) {
      throw call.service().invalidParameter("lexVersion is required");
    }
    requireKnown(call, "lexVersion", List.of(version), names(LexVersion.knownValues()));
    EntityList<Scenario.LexBot> bots = scenario.lexBots();
    Page page = pager.page(call, version, bots.size(), i -> bots.get(i).lexVersion().equals(version),
        call.queryInt("maxResults"), "maxResults", call.query("nextToken"), SMALL_LIST_MAX, SMALL_LIST_MAX);
    return object(
        "LexBots", page.indexes().stream().map(bots::get)
            .map(b -> b.aliasArn() == null
                ? object("LexBot", object("Name", b.name(), "LexRegion", b.region()))
                : object("LexV2Bot", object("AliasArn", b.aliasArn())))
            .toList(),
        "NextToken", page.nextToken());
  }

  private JsonNode listUserHierarchyGroups(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    return list(call, "UserHierarchyGroupSummaryList", scenario.userHierarchyGroups(), "", i -> true,
        g -> object("Id", g.id(), "Arn", g.arn(), "Name", g.name(), "LastModifiedTime", g.lastModified(),
            "LastModifiedRegion", Scenario.REGION));
  }

  /** ListLambdaFunctions: a list of ARNs; pages of at most 25. */
  private JsonNode listLambdaFunctions(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    EntityList<Scenario.LambdaFunction> functions = scenario.lambdaFunctions();
    Page page = pager.page(call, "", functions.size(), i -> true, call.queryInt("maxResults"), "maxResults",
        call.query("nextToken"), SMALL_LIST_MAX, SMALL_LIST_MAX);
    return object("LambdaFunctions", page.indexes().stream().map(i -> functions.get(i).arn()).toList(),
        "NextToken", page.nextToken());
  }

  /** ListPredefinedAttributes: pages of at most 100. */
  private JsonNode listPredefinedAttributes(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    EntityList<Scenario.PredefinedAttribute> attributes = scenario.predefinedAttributes();
    Page page = pager.page(call, "", attributes.size(), i -> true, call.queryInt("maxResults"), "maxResults",
        call.query("nextToken"), HUNDRED_LIST_MAX, HUNDRED_LIST_MAX);
    return object("PredefinedAttributeSummaryList", page.indexes().stream().map(attributes::get)
            .map(a -> object("Name", a.name(), "LastModifiedTime", a.lastModified(),
                "LastModifiedRegion", Scenario.REGION))
            .toList(),
        "NextToken", page.nextToken());
  }

  /** ListIntegrationAssociations: optional integrationType and integrationArn filters; pages of at most 100. */
  private JsonNode listIntegrationAssociations(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    String type = call.query("integrationType");
    if (type != null) {
      requireKnown(call, "integrationType", List.of(type), names(IntegrationType.knownValues()));
    }
    String integrationArn = call.query("integrationArn");
    EntityList<Scenario.IntegrationAssociation> associations = scenario.integrationAssociations();
    IntPredicate include = i -> (type == null || type.equals(associations.get(i).integrationType()))
        && (integrationArn == null || integrationArn.equals(associations.get(i).integrationArn()));
    Page page = pager.page(call, type + ";" + integrationArn, associations.size(), include,
        call.queryInt("maxResults"), "maxResults", call.query("nextToken"), HUNDRED_LIST_MAX, HUNDRED_LIST_MAX);
    String instanceId = scenario.instance().ref().id();
    return object("IntegrationAssociationSummaryList", page.indexes().stream().map(associations::get)
            .map(a -> object("IntegrationAssociationId", a.id(), "IntegrationAssociationArn", a.arn(),
                "InstanceId", instanceId, "IntegrationType", a.integrationType(), "IntegrationArn", a.integrationArn(),
                "SourceApplicationUrl", a.sourceApplicationUrl(), "SourceApplicationName", a.sourceApplicationName(),
                "SourceType", a.sourceType()))
            .toList(),
        "NextToken", page.nextToken());
  }

  // ---- telephony ----

  /** ListPhoneNumbersV2: POST with a JSON body; numbers claimed to the instance (or all, when no target is given). */
  private JsonNode listPhoneNumbersV2(Call call) {
    String targetArn = call.string("TargetArn");
    String instanceId = call.string("InstanceId");
    if (targetArn != null && instanceId != null) {
      throw call.service().invalidParameter("Specify either TargetArn or InstanceId, not both");
    }
    if (targetArn != null || instanceId != null) {
      call.instance(scenario, targetArn != null ? targetArn : instanceId);
    }
    Set<String> countries = new TreeSet<>(call.strings("PhoneNumberCountryCodes"));
    requireKnown(call, "PhoneNumberCountryCodes", countries, names(PhoneNumberCountryCode.knownValues()));
    Set<String> types = new TreeSet<>(call.strings("PhoneNumberTypes"));
    requireKnown(call, "PhoneNumberTypes", types, names(PhoneNumberType.knownValues()));
    String prefix = call.string("PhoneNumberPrefix");
    String wanted = prefix == null ? null : prefix.startsWith("+") ? prefix : "+" + prefix;
    EntityList<Scenario.PhoneNumber> numbers = scenario.phoneNumbers();
    IntPredicate include = i -> {
      Scenario.PhoneNumber n = numbers.get(i);
      return (countries.isEmpty() || countries.contains(n.countryCode()))
          && (types.isEmpty() || types.contains(n.type()))
          && (wanted == null || n.number().startsWith(wanted));
    };
    String scope = "countries=" + countries + ";types=" + types + ";prefix=" + wanted;
    Page page = pager.page(call, scope, numbers.size(), include, call.integer("MaxResults"), "MaxResults",
        call.string("NextToken"), LIST_DEFAULT, LIST_MAX);
    String instanceArn = scenario.instance().ref().arn();
    return object(
        "NextToken", page.nextToken(),
        "ListPhoneNumbersSummaryList", page.indexes().stream().map(numbers::get)
            .map(n -> object("PhoneNumberId", n.id(), "PhoneNumberArn", n.arn(), "PhoneNumber", n.number(),
                "PhoneNumberCountryCode", n.countryCode(), "PhoneNumberType", n.type(),
                "TargetArn", instanceArn,
                "InstanceId", scenario.instance().ref().id(), "PhoneNumberDescription", n.description()))
            .toList());
  }

  /**
   * DescribePhoneNumber: GET /phone-number/{PhoneNumberId} (the id or the number's ARN);
   * ClaimedPhoneNumberSummary with PhoneNumberStatus (CLAIMED, IN_PROGRESS or FAILED, with a message
   * when not CLAIMED) and TargetArn (every claimed number targets the instance, used or not).
   */
  private JsonNode describePhoneNumber(Call call) {
    String id = call.path("PhoneNumberId");
    EntityList<Scenario.PhoneNumber> numbers = scenario.phoneNumbers();
    Scenario.PhoneNumber n = numbers.byId(id).or(() -> numbers.stream().filter(p -> p.arn().equals(id)).findFirst())
        .orElseThrow(() -> call.service().notFound("Phone number not found: " + id));
    return object("ClaimedPhoneNumberSummary", object(
        "PhoneNumberId", n.id(),
        "PhoneNumberArn", n.arn(),
        "PhoneNumber", n.number(),
        "PhoneNumberCountryCode", n.countryCode(),
        "PhoneNumberType", n.type(),
        "PhoneNumberDescription", n.description(),
        "TargetArn", scenario.instance().ref().arn(),
        "InstanceId", scenario.instance().ref().id(),
        "Tags", Map.of(),
        "PhoneNumberStatus", object("Status", n.status(), "Message", n.statusMessage())));
  }

  /**
   * ListFlowAssociations: GET /flow-associations-summary/{InstanceId}?ResourceType=&maxResults=&nextToken=;
   * one VOICE_PHONE_NUMBER association (ResourceId = the number's ARN) per used number, to the main
   * inbound flow. What tells an unused number: it targets the instance but no flow answers it.
   */
  private JsonNode listFlowAssociations(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    String type = call.query("ResourceType");
    Set<String> known = Set.of("WHATSAPP_MESSAGING_PHONE_NUMBER", "VOICE_PHONE_NUMBER", "INBOUND_EMAIL",
        "OUTBOUND_EMAIL", "ANALYTICS_CONNECTOR");
    if (type != null && !known.contains(type)) {
      throw call.service().invalidParameter("Invalid ResourceType: " + type);
    }
    EntityList<Scenario.PhoneNumber> numbers = scenario.phoneNumbers();
    boolean voice = type == null || type.equals("VOICE_PHONE_NUMBER");
    Page page = pager.page(call, "type=" + type, numbers.size(), i -> voice && numbers.get(i).used(),
        call.queryInt("maxResults"), "maxResults", call.query("nextToken"), LIST_DEFAULT, LIST_MAX);
    String flowId = scenario.flows().get(0).id();
    return object(
        "NextToken", page.nextToken(),
        "FlowAssociationSummaryList", page.indexes().stream().map(numbers::get)
            .map(n -> object("ResourceId", n.arn(), "FlowId", flowId, "ResourceType", "VOICE_PHONE_NUMBER"))
            .toList());
  }

  // ---- helpers ----

  /** One page of an entity list in the standard shape: {@code {<listMember>: [...], NextToken}}. */
  private <T> JsonNode list(Call call, String listMember, EntityList<T> entities, String scope, IntPredicate include,
      Function<T, JsonNode> summary) {
    Page page = pager.page(call, scope, entities.size(), include, call.queryInt("maxResults"), "maxResults",
        call.query("nextToken"), LIST_DEFAULT, LIST_MAX);
    return object(listMember, page.indexes().stream().map(entities::get).map(summary).toList(),
        "NextToken", page.nextToken());
  }

  /** A list-valued query filter, validated against the enum's values. */
  private static Set<String> typeFilter(Call call, String parameter, Set<String> known) {
    Set<String> values = new TreeSet<>(call.queryAll(parameter));
    requireKnown(call, parameter, values, known);
    return values;
  }

  private static void requireKnown(Call call, String parameter, Iterable<String> values, Set<String> known) {
    for (String value : values) {
      if (!known.contains(value)) {
        throw call.service().invalidParameter("Value '" + value + "' at '" + parameter
            + "' failed to satisfy constraint: Member must satisfy enum value set: " + new TreeSet<>(known));
      }
    }
  }

  private static String scope(Set<String> filter) {
    return String.join(",", filter);
  }

  private static Set<String> names(Set<?> enumValues) {
    return enumValues.stream().map(String::valueOf).collect(Collectors.toSet());
  }
}
