package com.connectopsreview.quota;

import com.connectopsreview.shared.time.TimeBudget;
import java.util.function.Function;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ListAgentStatusesRequest;
import software.amazon.awssdk.services.connect.model.ListBotsRequest;
import software.amazon.awssdk.services.connect.model.ListContactFlowModulesRequest;
import software.amazon.awssdk.services.connect.model.ListContactFlowsRequest;
import software.amazon.awssdk.services.connect.model.ListHoursOfOperationsRequest;
import software.amazon.awssdk.services.connect.model.ListIntegrationAssociationsRequest;
import software.amazon.awssdk.services.connect.model.ListLambdaFunctionsRequest;
import software.amazon.awssdk.services.connect.model.ListPhoneNumbersV2Request;
import software.amazon.awssdk.services.connect.model.ListPredefinedAttributesRequest;
import software.amazon.awssdk.services.connect.model.ListPromptsRequest;
import software.amazon.awssdk.services.connect.model.ListQueuesRequest;
import software.amazon.awssdk.services.connect.model.ListQuickConnectsRequest;
import software.amazon.awssdk.services.connect.model.ListRoutingProfilesRequest;
import software.amazon.awssdk.services.connect.model.ListSecurityProfilesRequest;
import software.amazon.awssdk.services.connect.model.ListUserHierarchyGroupsRequest;
import software.amazon.awssdk.services.connect.model.ListUsersRequest;
import software.amazon.awssdk.services.connect.model.IntegrationType;
import software.amazon.awssdk.services.connect.model.LexVersion;
import software.amazon.awssdk.services.connect.model.QueueSummary;
import software.amazon.awssdk.services.connect.model.QueueType;

/**
 * Counts what one instance has of a resource, exactly: every page of the resource's Connect list
 * API, each page as large as that API allows.
 */
final class UsageCounter {

  /** One page as far as counting goes. */
  private record Page(long items, String nextToken) {}

  private final ConnectClient connect;
  private final String instanceId;
  private final TimeBudget budget;

  UsageCounter(ConnectClient connect, String instanceId, TimeBudget budget) {
    this.connect = connect;
    this.instanceId = instanceId;
    this.budget = budget;
  }

  long count(UsageSource source) {
    int max = source.pageSize();
    String id = instanceId;
    Function<String, Page> page = switch (source) {
      case CONTACT_FLOWS -> token -> {
        var r = connect.listContactFlows(ListContactFlowsRequest.builder()
            .instanceId(id).maxResults(max).nextToken(token).build());
        return new Page(r.contactFlowSummaryList().size(), r.nextToken());
      };
      case CONTACT_FLOW_MODULES -> token -> {
        var r = connect.listContactFlowModules(ListContactFlowModulesRequest.builder()
            .instanceId(id).maxResults(max).nextToken(token).build());
        return new Page(r.contactFlowModulesSummaryList().size(), r.nextToken());
      };
      case USERS -> token -> {
        var r = connect.listUsers(ListUsersRequest.builder()
            .instanceId(id).maxResults(max).nextToken(token).build());
        return new Page(r.userSummaryList().size(), r.nextToken());
      };
      case STANDARD_QUEUES -> token -> {
        var r = connect.listQueues(ListQueuesRequest.builder()
            .instanceId(id).queueTypes(QueueType.STANDARD).maxResults(max)
            .nextToken(token).build());
        // Connect filters; an AGENT queue slipping through would still not count against the quota.
        return new Page(r.queueSummaryList().stream().filter(UsageCounter::isStandardQueue).count(), r.nextToken());
      };
      case ROUTING_PROFILES -> token -> {
        var r = connect.listRoutingProfiles(ListRoutingProfilesRequest.builder()
            .instanceId(id).maxResults(max).nextToken(token).build());
        return new Page(r.routingProfileSummaryList().size(), r.nextToken());
      };
      case SECURITY_PROFILES -> token -> {
        var r = connect.listSecurityProfiles(ListSecurityProfilesRequest.builder()
            .instanceId(id).maxResults(max).nextToken(token).build());
        return new Page(r.securityProfileSummaryList().size(), r.nextToken());
      };
      case HOURS_OF_OPERATIONS -> token -> {
        var r = connect.listHoursOfOperations(ListHoursOfOperationsRequest.builder()
            .instanceId(id).maxResults(max).nextToken(token).build());
        return new Page(r.hoursOfOperationSummaryList().size(), r.nextToken());
      };
      case PROMPTS -> token -> {
        var r = connect.listPrompts(ListPromptsRequest.builder()
            .instanceId(id).maxResults(max).nextToken(token).build());
        return new Page(r.promptSummaryList().size(), r.nextToken());
      };
      case QUICK_CONNECTS -> token -> {
        var r = connect.listQuickConnects(ListQuickConnectsRequest.builder()
            .instanceId(id).maxResults(max).nextToken(token).build());
        return new Page(r.quickConnectSummaryList().size(), r.nextToken());
      };
      case AGENT_STATUSES -> token -> {
        var r = connect.listAgentStatuses(ListAgentStatusesRequest.builder()
            .instanceId(id).maxResults(max).nextToken(token).build());
        return new Page(r.agentStatusSummaryList().size(), r.nextToken());
      };
      case PHONE_NUMBERS -> token -> {
        var r = connect.listPhoneNumbersV2(ListPhoneNumbersV2Request.builder()
            .instanceId(id).maxResults(max).nextToken(token).build());
        return new Page(r.listPhoneNumbersSummaryList().size(), r.nextToken());
      };
      case LEX_V1_BOTS, LEX_V2_BOT_ALIASES -> {
        LexVersion version = source == UsageSource.LEX_V1_BOTS ? LexVersion.V1 : LexVersion.V2;
        yield token -> {
          var r = connect.listBots(ListBotsRequest.builder()
              .instanceId(id).lexVersion(version).maxResults(max).nextToken(token).build());
          return new Page(r.lexBots().size(), r.nextToken());
        };
      }
      case USER_HIERARCHY_GROUPS -> token -> {
        var r = connect.listUserHierarchyGroups(ListUserHierarchyGroupsRequest.builder()
            .instanceId(id).maxResults(max).nextToken(token).build());
        return new Page(r.userHierarchyGroupSummaryList().size(), r.nextToken());
      };
      case LAMBDA_FUNCTIONS -> token -> {
        var r = connect.listLambdaFunctions(ListLambdaFunctionsRequest.builder()
            .instanceId(id).maxResults(max).nextToken(token).build());
        return new Page(r.lambdaFunctions().size(), r.nextToken());
      };
      case PREDEFINED_ATTRIBUTES -> token -> {
        var r = connect.listPredefinedAttributes(ListPredefinedAttributesRequest.builder()
            .instanceId(id).maxResults(max).nextToken(token).build());
        return new Page(r.predefinedAttributeSummaryList().size(), r.nextToken());
      };
      case APPLICATION_INTEGRATIONS -> token -> {
        var r = connect.listIntegrationAssociations(ListIntegrationAssociationsRequest.builder().instanceId(id)
            .integrationType(IntegrationType.APPLICATION).maxResults(max).nextToken(token).build());
        return new Page(r.integrationAssociationSummaryList().size(), r.nextToken());
      };
    };
    long total = 0;
    String token = null;
    do {
      budget.check("Connect " + source.operation());
      Page p = page.apply(token);
      total += p.items();
      token = p.nextToken();
    } while (token != null && !token.isEmpty());
    return total;
  }

  private static boolean isStandardQueue(QueueSummary queue) {
    return queue.queueType() != QueueType.AGENT;
  }
}
