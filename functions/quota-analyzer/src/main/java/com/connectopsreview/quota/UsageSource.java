package com.connectopsreview.quota;

/**
 * The Connect list API that counts one instance quota's usage, with the largest page size that API
 * accepts (fewest calls). Counting is exact: every page is read.
 */
public enum UsageSource {
  CONTACT_FLOWS("ListContactFlows", 1000),
  CONTACT_FLOW_MODULES("ListContactFlowModules", 1000),
  USERS("ListUsers", 1000),
  /** STANDARD queues only: agent queues (one per user) do not count against the quota. */
  STANDARD_QUEUES("ListQueues", 1000),
  ROUTING_PROFILES("ListRoutingProfiles", 1000),
  SECURITY_PROFILES("ListSecurityProfiles", 1000),
  HOURS_OF_OPERATIONS("ListHoursOfOperations", 1000),
  PROMPTS("ListPrompts", 1000),
  QUICK_CONNECTS("ListQuickConnects", 1000),
  AGENT_STATUSES("ListAgentStatuses", 1000),
  PHONE_NUMBERS("ListPhoneNumbersV2", 1000),
  LEX_V1_BOTS("ListBots", 25),
  LEX_V2_BOT_ALIASES("ListBots", 25),
  USER_HIERARCHY_GROUPS("ListUserHierarchyGroups", 1000),
  LAMBDA_FUNCTIONS("ListLambdaFunctions", 25),
  PREDEFINED_ATTRIBUTES("ListPredefinedAttributes", 100),
  APPLICATION_INTEGRATIONS("ListIntegrationAssociations", 100);

  private final String operation;
  private final int pageSize;

  UsageSource(String operation, int pageSize) {
    this.operation = operation;
    this.pageSize = pageSize;
  }

  /** The Connect operation, e.g. {@code ListUsers}. */
  public String operation() {
    return operation;
  }

  /** The MaxResults sent: the largest the API allows. */
  public int pageSize() {
    return pageSize;
  }

  /** How the data and the docs name the call, with its fixed parameters. */
  public String describe() {
    return switch (this) {
      case STANDARD_QUEUES -> "ListQueues(QueueTypes=STANDARD)";
      case LEX_V1_BOTS -> "ListBots(LexVersion=V1)";
      case LEX_V2_BOT_ALIASES -> "ListBots(LexVersion=V2)";
      case APPLICATION_INTEGRATIONS -> "ListIntegrationAssociations(IntegrationType=APPLICATION)";
      default -> operation;
    };
  }
}
