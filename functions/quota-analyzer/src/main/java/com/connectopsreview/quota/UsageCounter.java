package com.connectopsreview.quota;

import com.connectopsreview.shared.analyzer.Pages;
import com.connectopsreview.shared.time.TimeBudget;
import java.util.function.ToLongFunction;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.IntegrationType;
import software.amazon.awssdk.services.connect.model.LexVersion;
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
import software.amazon.awssdk.services.connect.model.QueueSummary;
import software.amazon.awssdk.services.connect.model.QueueType;

/**
 * Counts what one instance has of a resource, exactly: every page of the resource's Connect list
 * API (through the SDK's paginator, the budget checked between pages), each page as large as that
 * API allows.
 */
final class UsageCounter {

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
    return switch (source) {
      case CONTACT_FLOWS -> sum(source, connect.listContactFlowsPaginator(ListContactFlowsRequest.builder()
          .instanceId(id).maxResults(max).build()), r -> r.contactFlowSummaryList().size());
      case CONTACT_FLOW_MODULES -> sum(source, connect.listContactFlowModulesPaginator(
          ListContactFlowModulesRequest.builder().instanceId(id).maxResults(max).build()),
          r -> r.contactFlowModulesSummaryList().size());
      case USERS -> sum(source, connect.listUsersPaginator(ListUsersRequest.builder()
          .instanceId(id).maxResults(max).build()), r -> r.userSummaryList().size());
      // Connect filters; an AGENT queue slipping through would still not count against the quota.
      case STANDARD_QUEUES -> sum(source, connect.listQueuesPaginator(ListQueuesRequest.builder()
          .instanceId(id).queueTypes(QueueType.STANDARD).maxResults(max).build()),
          r -> r.queueSummaryList().stream().filter(UsageCounter::isStandardQueue).count());
      case ROUTING_PROFILES -> sum(source, connect.listRoutingProfilesPaginator(ListRoutingProfilesRequest.builder()
          .instanceId(id).maxResults(max).build()), r -> r.routingProfileSummaryList().size());
      case SECURITY_PROFILES -> sum(source, connect.listSecurityProfilesPaginator(
          ListSecurityProfilesRequest.builder().instanceId(id).maxResults(max).build()),
          r -> r.securityProfileSummaryList().size());
      case HOURS_OF_OPERATIONS -> sum(source, connect.listHoursOfOperationsPaginator(
          ListHoursOfOperationsRequest.builder().instanceId(id).maxResults(max).build()),
          r -> r.hoursOfOperationSummaryList().size());
      case PROMPTS -> sum(source, connect.listPromptsPaginator(ListPromptsRequest.builder()
          .instanceId(id).maxResults(max).build()), r -> r.promptSummaryList().size());
      case QUICK_CONNECTS -> sum(source, connect.listQuickConnectsPaginator(ListQuickConnectsRequest.builder()
          .instanceId(id).maxResults(max).build()), r -> r.quickConnectSummaryList().size());
      case AGENT_STATUSES -> sum(source, connect.listAgentStatusesPaginator(ListAgentStatusesRequest.builder()
          .instanceId(id).maxResults(max).build()), r -> r.agentStatusSummaryList().size());
      case PHONE_NUMBERS -> sum(source, connect.listPhoneNumbersV2Paginator(ListPhoneNumbersV2Request.builder()
          .instanceId(id).maxResults(max).build()), r -> r.listPhoneNumbersSummaryList().size());
      case LEX_V1_BOTS, LEX_V2_BOT_ALIASES -> sum(source, connect.listBotsPaginator(ListBotsRequest.builder()
          .instanceId(id).lexVersion(source == UsageSource.LEX_V1_BOTS ? LexVersion.V1 : LexVersion.V2)
          .maxResults(max).build()), r -> r.lexBots().size());
      case USER_HIERARCHY_GROUPS -> sum(source, connect.listUserHierarchyGroupsPaginator(
          ListUserHierarchyGroupsRequest.builder().instanceId(id).maxResults(max).build()),
          r -> r.userHierarchyGroupSummaryList().size());
      case LAMBDA_FUNCTIONS -> sum(source, connect.listLambdaFunctionsPaginator(ListLambdaFunctionsRequest.builder()
          .instanceId(id).maxResults(max).build()), r -> r.lambdaFunctions().size());
      case PREDEFINED_ATTRIBUTES -> sum(source, connect.listPredefinedAttributesPaginator(
          ListPredefinedAttributesRequest.builder().instanceId(id).maxResults(max).build()),
          r -> r.predefinedAttributeSummaryList().size());
      case APPLICATION_INTEGRATIONS -> sum(source, connect.listIntegrationAssociationsPaginator(
          ListIntegrationAssociationsRequest.builder().instanceId(id).integrationType(IntegrationType.APPLICATION)
              .maxResults(max).build()), r -> r.integrationAssociationSummaryList().size());
    };
  }

  private <P> long sum(UsageSource source, SdkIterable<P> paginator, ToLongFunction<P> items) {
    long total = 0;
    for (P page : Pages.of(budget, "Connect " + source.operation(), paginator)) {
      total += items.applyAsLong(page);
    }
    return total;
  }

  private static boolean isStandardQueue(QueueSummary queue) {
    return queue.queueType() != QueueType.AGENT;
  }
}
