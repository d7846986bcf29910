package com.connectopsreview.local.sandbox.entities;

import com.connectopsreview.local.sandbox.Counts;
import com.connectopsreview.local.sandbox.EntityList;
import com.connectopsreview.local.sandbox.SandboxDomain;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.server.EntityListOperation;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.local.sandbox.server.Pager;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;

/**
 * The instance's contact-center entities: users, queues, routing profiles, prompts, hours, quick
 * connects, security profiles, agent statuses, hierarchy groups, Lambda functions, Lex bots,
 * predefined attributes and integration associations, each an {@link EntityList} generated on
 * demand, and served by one Connect list operation each ({@link EntitiesApi}).
 */
public final class EntitiesDomain implements SandboxDomain {

  public record User(
      int index, String id, String arn, String username, String firstName, String lastName, String email,
      String routingProfileId, Instant lastModified) {}

  /** STANDARD queues come first; then one AGENT queue per user ({@code userId} set, no name). */
  public record Queue(
      int index, String id, String arn, String name, String type, String hoursOfOperationId, String userId,
      Instant lastModified) {}

  public record RoutingProfile(int index, String id, String arn, String name, Instant lastModified) {}

  public record Prompt(int index, String id, String arn, String name, Instant lastModified) {}

  public record HoursOfOperation(int index, String id, String arn, String name, String timeZone, Instant lastModified) {}

  public record QuickConnect(int index, String id, String arn, String name, String type, Instant lastModified) {}

  public record SecurityProfile(int index, String id, String arn, String name, Instant lastModified) {}

  /** @param type ROUTABLE, OFFLINE or CUSTOM */
  public record AgentStatus(int index, String id, String arn, String name, String type, Instant lastModified) {}

  public record HierarchyGroup(int index, String id, String arn, String name, Instant lastModified) {}

  public record LambdaFunction(int index, String arn) {}

  /**
   * A bot associated with the instance: V1 bots first ({@code name} and {@code region}), then V2 bot
   * aliases ({@code aliasArn}).
   */
  public record LexBot(int index, String lexVersion, String name, String region, String aliasArn) {}

  public record PredefinedAttribute(int index, String name, Instant lastModified) {}

  /** APPLICATION associations first ({@code Counts.applicationIntegrations()}), then other types. */
  public record IntegrationAssociation(
      int index, String id, String arn, String integrationType, String integrationArn, String sourceApplicationName,
      String sourceApplicationUrl, String sourceType) {}

  private final Counts counts;
  private final EntityList<User> users;
  private final EntityList<Queue> queues;
  private final EntityList<RoutingProfile> routingProfiles;
  private final EntityList<Prompt> prompts;
  private final EntityList<HoursOfOperation> hoursOfOperations;
  private final EntityList<QuickConnect> quickConnects;
  private final EntityList<SecurityProfile> securityProfiles;
  private final EntityList<AgentStatus> agentStatuses;
  private final EntityList<HierarchyGroup> userHierarchyGroups;
  private final EntityList<LambdaFunction> lambdaFunctions;
  private final EntityList<LexBot> lexBots;
  private final EntityList<PredefinedAttribute> predefinedAttributes;
  private final EntityList<IntegrationAssociation> integrationAssociations;

  /** The lists over {@code entities}' entities, by index. */
  EntitiesDomain(EntitiesGenerator entities, Counts counts) {
    this.counts = counts;
    this.users = new EntityList<>(counts.users(), entities::user, entities::userId);
    this.queues = new EntityList<>(counts.standardQueues() + counts.users(), entities::queue, entities::queueId);
    this.routingProfiles = new EntityList<>(counts.routingProfiles(), entities::routingProfile,
        entities::routingProfileId);
    this.prompts = new EntityList<>(counts.prompts(), entities::prompt, entities::promptId);
    this.hoursOfOperations = new EntityList<>(counts.hoursOfOperations(), entities::hours, entities::hoursId);
    this.quickConnects = new EntityList<>(counts.quickConnects(), entities::quickConnect, entities::quickConnectId);
    this.securityProfiles = new EntityList<>(counts.securityProfiles(), entities::securityProfile,
        entities::securityProfileId);
    this.agentStatuses = new EntityList<>(counts.agentStatuses(), entities::agentStatus, entities::agentStatusId);
    this.userHierarchyGroups = new EntityList<>(counts.userHierarchyGroups(), entities::hierarchyGroup,
        entities::hierarchyGroupId);
    this.lambdaFunctions = new EntityList<>(counts.lambdaFunctions(), entities::lambdaFunction, entities::lambdaArn);
    this.lexBots = new EntityList<>(counts.lexBotsV1() + counts.lexV2BotAliases(), entities::lexBot,
        entities::lexBotId);
    this.predefinedAttributes = new EntityList<>(counts.predefinedAttributes(), entities::predefinedAttribute,
        entities::predefinedAttributeName);
    this.integrationAssociations = new EntityList<>(counts.applicationIntegrations() + Counts.OTHER_INTEGRATIONS,
        entities::integration, entities::integrationId);
  }

  public static EntitiesDomain of(Scenario scenario) {
    return scenario.domain(EntitiesDomain.class);
  }

  public EntityList<User> users() {
    return users;
  }

  /** Standard queues ({@code counts().standardQueues()}) followed by one agent queue per user. */
  public EntityList<Queue> queues() {
    return queues;
  }

  /** How many of {@link #queues()} are STANDARD queues (they come first). */
  public int standardQueues() {
    return counts.standardQueues();
  }

  public EntityList<RoutingProfile> routingProfiles() {
    return routingProfiles;
  }

  public EntityList<Prompt> prompts() {
    return prompts;
  }

  public EntityList<HoursOfOperation> hoursOfOperations() {
    return hoursOfOperations;
  }

  public EntityList<QuickConnect> quickConnects() {
    return quickConnects;
  }

  public EntityList<SecurityProfile> securityProfiles() {
    return securityProfiles;
  }

  public EntityList<AgentStatus> agentStatuses() {
    return agentStatuses;
  }

  public EntityList<HierarchyGroup> userHierarchyGroups() {
    return userHierarchyGroups;
  }

  public EntityList<LambdaFunction> lambdaFunctions() {
    return lambdaFunctions;
  }

  /** V1 bots ({@code counts().lexBotsV1()}) followed by V2 bot aliases. */
  public EntityList<LexBot> lexBots() {
    return lexBots;
  }

  public EntityList<PredefinedAttribute> predefinedAttributes() {
    return predefinedAttributes;
  }

  /** APPLICATION associations ({@code counts().applicationIntegrations()}) followed by other types. */
  public EntityList<IntegrationAssociation> integrationAssociations() {
    return integrationAssociations;
  }

  @Override
  public void register(OperationRegistry registry, Scenario scenario, Pager pager) {
    for (EntityListOperation<?> operation : EntitiesApi.operations(this, scenario.instanceRef().id())) {
      operation.register(registry, scenario, pager);
    }
  }

  @Override
  public void writeJson(JsonGenerator g) throws IOException {
    users.writeJson(g, "users");
    queues.writeJson(g, "queues");
    routingProfiles.writeJson(g, "routingProfiles");
    prompts.writeJson(g, "prompts");
    hoursOfOperations.writeJson(g, "hoursOfOperations");
    quickConnects.writeJson(g, "quickConnects");
    securityProfiles.writeJson(g, "securityProfiles");
    agentStatuses.writeJson(g, "agentStatuses");
    userHierarchyGroups.writeJson(g, "userHierarchyGroups");
    lambdaFunctions.writeJson(g, "lambdaFunctions");
    lexBots.writeJson(g, "lexBots");
    predefinedAttributes.writeJson(g, "predefinedAttributes");
    integrationAssociations.writeJson(g, "integrationAssociations");
  }
}
