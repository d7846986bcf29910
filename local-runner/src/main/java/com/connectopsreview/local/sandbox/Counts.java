package com.connectopsreview.local.sandbox;

/**
 * How many of each entity a size has (the sizes table of docs/sandbox.md). LARGE and HUGE keep the
 * documented counts exactly; SMALL has 99 standard queues so that its Queues-per-instance quota of
 * 100 is 99 % used.
 */
public record Counts(
    int flows, int flowModules, int users, int standardQueues, int routingProfiles, int prompts,
    int hoursOfOperations, int quickConnects, int phoneNumbers, int securityProfiles, int agentStatuses,
    int userHierarchyGroups, int lambdaFunctions, int lexBotsV1, int lexV2BotAliases, int predefinedAttributes,
    int applicationIntegrations) {

  /** Integration associations of other types (Cases, Amazon Q) on every instance, after the APPLICATION ones. */
  public static final int OTHER_INTEGRATIONS = 2;

  public static Counts of(SandboxSize size) {
    return switch (size) {
      case SMALL -> new Counts(24, 4, 40, 99, 5, 10, 4, 6, 12, 6, 5, 7, 3, 1, 2, 4, 2);
      case LARGE -> new Counts(2_000, 50, 10_000, 200, 100, 300, 40, 500, 1_000, 40, 20, 300, 40, 5, 30, 60, 12);
      case HUGE -> new Counts(10_000, 200, 50_000, 1_000, 400, 1_000, 100, 2_000, 5_000, 150, 50, 1_500, 45, 10,
          60, 120, 30);
    };
  }
}
