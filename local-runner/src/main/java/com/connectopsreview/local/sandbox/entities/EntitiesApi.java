package com.connectopsreview.local.sandbox.entities;

import static com.connectopsreview.local.sandbox.server.EntityListOperation.PageSizes.STANDARD;
import static com.connectopsreview.local.sandbox.server.EntityListOperation.PageSizes.upTo;
import static com.connectopsreview.local.sandbox.server.Payload.object;

import com.connectopsreview.local.sandbox.EntityList;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.server.Call;
import com.connectopsreview.local.sandbox.server.ConnectService;
import com.connectopsreview.local.sandbox.server.EntityListOperation;
import com.connectopsreview.local.sandbox.server.EntityListOperation.PageSizes;
import com.connectopsreview.local.sandbox.server.EntityListOperation.Selection;
import com.connectopsreview.local.sandbox.server.EntityListOperation.Selector;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.connect.model.AgentStatusType;
import software.amazon.awssdk.services.connect.model.IntegrationType;
import software.amazon.awssdk.services.connect.model.LexVersion;
import software.amazon.awssdk.services.connect.model.QuickConnectType;

/**
 * The entities domain's Connect operations: one list operation per entity, one row each (route,
 * answer member, page sizes, filters, summary), all served by {@link EntityListOperation}'s one
 * handler. Page sizes are the documented ones: 1..1,000 and 100 when absent for most lists, 1..25
 * for ListBots and ListLambdaFunctions, 1..100 for ListPredefinedAttributes and
 * ListIntegrationAssociations (their maximum when absent).
 */
final class EntitiesApi {

  private EntitiesApi() {}

  /** @param instanceId the instance's id, which integration summaries name */
  static List<EntityListOperation<?>> operations(EntitiesDomain e, String instanceId) {
    int standard = e.standardQueues();
    return List.of(
        row("ListUsers", "/users-summary/{InstanceId}", "UserSummaryList", STANDARD, e.users(), Selector.ALL,
            u -> summary(u.id(), u.arn(), "Username", u.username(), null, null, u.lastModified())),
        row("ListQueues", "/queues-summary/{InstanceId}", "QueueSummaryList", STANDARD, e.queues(),
            call -> Selection.ofTypes(call, "queueTypes", Set.of("STANDARD", "AGENT"),
                i -> i < standard ? "STANDARD" : "AGENT"),
            q -> summary(q.id(), q.arn(), "Name", q.name(), "QueueType", q.type(), q.lastModified())),
        row("ListRoutingProfiles", "/routing-profiles-summary/{InstanceId}", "RoutingProfileSummaryList", STANDARD,
            e.routingProfiles(), Selector.ALL, p -> summary(p.id(), p.arn(), p.name(), p.lastModified())),
        row("ListPrompts", "/prompts-summary/{InstanceId}", "PromptSummaryList", STANDARD, e.prompts(), Selector.ALL,
            p -> summary(p.id(), p.arn(), p.name(), p.lastModified())),
        row("ListHoursOfOperations", "/hours-of-operations-summary/{InstanceId}", "HoursOfOperationSummaryList",
            STANDARD, e.hoursOfOperations(), Selector.ALL, h -> summary(h.id(), h.arn(), h.name(), h.lastModified())),
        row("ListQuickConnects", "/quick-connects/{InstanceId}", "QuickConnectSummaryList", STANDARD,
            e.quickConnects(), call -> Selection.ofTypes(call, "QuickConnectTypes",
                ConnectService.names(QuickConnectType.knownValues()), i -> e.quickConnects().get(i).type()),
            q -> summary(q.id(), q.arn(), "Name", q.name(), "QuickConnectType", q.type(), q.lastModified())),
        row("ListSecurityProfiles", "/security-profiles-summary/{InstanceId}", "SecurityProfileSummaryList",
            STANDARD, e.securityProfiles(), Selector.ALL, p -> summary(p.id(), p.arn(), p.name(), p.lastModified())),
        row("ListAgentStatuses", "/agent-status/{InstanceId}", "AgentStatusSummaryList", STANDARD, e.agentStatuses(),
            call -> Selection.ofTypes(call, "AgentStatusTypes", ConnectService.names(AgentStatusType.knownValues()),
                i -> e.agentStatuses().get(i).type()),
            a -> summary(a.id(), a.arn(), "Name", a.name(), "Type", a.type(), a.lastModified())),
        row("ListBots", "/instance/{InstanceId}/bots", "LexBots", upTo(25), e.lexBots(),
            call -> bots(call, e.lexBots()),
            b -> b.aliasArn() == null
                ? object("LexBot", object("Name", b.name(), "LexRegion", b.region()))
                : object("LexV2Bot", object("AliasArn", b.aliasArn()))),
        row("ListUserHierarchyGroups", "/user-hierarchy-groups-summary/{InstanceId}", "UserHierarchyGroupSummaryList",
            STANDARD, e.userHierarchyGroups(), Selector.ALL,
            g -> summary(g.id(), g.arn(), g.name(), g.lastModified())),
        row("ListLambdaFunctions", "/instance/{InstanceId}/lambda-functions", "LambdaFunctions", upTo(25),
            e.lambdaFunctions(), Selector.ALL, EntitiesDomain.LambdaFunction::arn),
        row("ListPredefinedAttributes", "/predefined-attributes/{InstanceId}", "PredefinedAttributeSummaryList",
            upTo(100), e.predefinedAttributes(), Selector.ALL,
            a -> object("Name", a.name(), "LastModifiedTime", a.lastModified(), "LastModifiedRegion", Scenario.REGION)),
        row("ListIntegrationAssociations", "/instance/{InstanceId}/integration-associations",
            "IntegrationAssociationSummaryList", upTo(100), e.integrationAssociations(),
            call -> integrations(call, e.integrationAssociations()),
            a -> object("IntegrationAssociationId", a.id(), "IntegrationAssociationArn", a.arn(),
                "InstanceId", instanceId,
                "IntegrationType", a.integrationType(), "IntegrationArn", a.integrationArn(),
                "SourceApplicationUrl", a.sourceApplicationUrl(), "SourceApplicationName", a.sourceApplicationName(),
                "SourceType", a.sourceType())));
  }

  private static <T> EntityListOperation<T> row(String name, String path, String listMember, PageSizes pageSizes,
      EntityList<T> entities, Selector selector, Function<T, ?> summary) {
    return new EntityListOperation<>(name, path, listMember, pageSizes, entities, selector, summary);
  }

  /** Id, Arn, Name, LastModifiedTime and LastModifiedRegion: the summary of most entities. */
  private static JsonNode summary(String id, String arn, String name, Instant lastModified) {
    return summary(id, arn, "Name", name, null, null, lastModified);
  }

  /** A summary with its name under {@code nameMember} and, when {@code typeMember} is set, its type. */
  private static JsonNode summary(String id, String arn, String nameMember, String name, String typeMember,
      String type, Instant lastModified) {
    return object("Id", id, "Arn", arn, nameMember, name, typeMember, type, "LastModifiedTime", lastModified,
        "LastModifiedRegion", Scenario.REGION);
  }

  /** ListBots: lexVersion (V1 or V2) is required; tokens are bound to it. */
  private static Selection bots(Call call, EntityList<EntitiesDomain.LexBot> bots) {
    String version = call.query("lexVersion");
    if (version == null) {
      throw call.service().invalidParameter("lexVersion is required");
    }
    ConnectService.requireKnown(call, "lexVersion", List.of(version), ConnectService.names(LexVersion.knownValues()));
    return new Selection(version, i -> bots.get(i).lexVersion().equals(version));
  }

  /** ListIntegrationAssociations: optional integrationType (validated) and integrationArn filters. */
  private static Selection integrations(Call call,
      EntityList<EntitiesDomain.IntegrationAssociation> associations) {
    String type = call.query("integrationType");
    if (type != null) {
      ConnectService.requireKnown(call, "integrationType", List.of(type),
          ConnectService.names(IntegrationType.knownValues()));
    }
    String integrationArn = call.query("integrationArn");
    return new Selection(type + ";" + integrationArn,
        i -> (type == null || type.equals(associations.get(i).integrationType()))
            && (integrationArn == null || integrationArn.equals(associations.get(i).integrationArn())));
  }
}
