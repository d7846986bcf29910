package com.connectopsreview.local.sandbox.capacity;

import com.connectopsreview.local.sandbox.Counts;
import com.connectopsreview.local.sandbox.SandboxSize;
import com.connectopsreview.local.sandbox.Seeded;
import com.connectopsreview.local.sandbox.capacity.CapacityDomain.Quota;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The Service Quotas values of the sandbox (service code {@code connect}), computed from a size's
 * entity counts. The codes are Amazon Connect's real quota codes (upstream-spec §4.10); default
 * values are close to AWS's documented defaults but are sandbox values, not a reference.
 *
 * <p>Planted: Users per instance at 85 % ({@code round(users / 0.85)}), Queues per instance at 99 %
 * of the STANDARD queues ({@code round(standardQueues / 0.99)}), Proficiencies per agent limit-only
 * (no API counts it). Every other measured quota is at most 50 % used. Concurrent active calls is
 * sized so that the ConcurrentCalls peak of {@link MetricSeries} is exactly 70 % of it.
 */
public final class SandboxQuotas {

  public static final String USERS = "L-9A46857E";
  public static final String QUEUES = "L-19A87C94";
  public static final String PROFICIENCIES_PER_AGENT = "L-50375162";
  public static final String CONCURRENT_CALLS = "L-12AB7C57";
  public static final String CONCURRENT_CHATS = "L-D4BA6F6E";
  public static final String CONCURRENT_TASKS = "L-60553137";
  public static final String CONCURRENT_EMAILS = "L-B117F12F";
  /** Answered only without ContextId (applied account value): the first fallback. */
  public static final String LEX_BOTS_V1 = "L-B93A6612";
  /** Neither instance nor account value: only GetAWSDefaultServiceQuota answers (the last fallback). */
  public static final String WORKSPACES = "L-6402A996";

  /** The one API rate quota whose applied value differs from its default. */
  public static final String MODIFIED_RATE_API = "StartOutboundVoiceContact";
  public static final double MODIFIED_RATE_VALUE = 10;

  /** Connect APIs with a "Rate of <API> API requests" quota (codes are sandbox-made, stable for every seed). */
  private static final List<String> RATE_APIS = List.of(
      "DescribeInstance", "ListInstanceAttributes", "ListInstanceStorageConfigs", "ListContactFlows",
      "DescribeContactFlow", "ListContactFlowModules", "ListUsers", "DescribeUser", "ListQueues",
      "ListRoutingProfiles", "ListSecurityProfiles", "ListHoursOfOperations", "ListPrompts", "ListQuickConnects",
      "ListAgentStatuses", "ListPhoneNumbersV2", "ListBots", "ListUserHierarchyGroups", "ListLambdaFunctions",
      "ListPredefinedAttributes", "ListIntegrationAssociations", "GetMetricData", "GetMetricDataV2",
      "GetCurrentMetricData", "GetCurrentUserData", "StartOutboundVoiceContact", "StartChatContact",
      "StartTaskContact", "UpdateContactAttributes", "SearchContacts");
  private static final List<String> FIVE_PER_SECOND = List.of(
      "GetMetricData", "GetMetricDataV2", "GetCurrentMetricData", "GetCurrentUserData");

  private SandboxQuotas() {}

  /** The concurrent-calls quota applied to the instance of a size. */
  public static int concurrentCalls(SandboxSize size) {
    return switch (size) {
      case SMALL -> 100;
      case LARGE -> 1_000;
      case HUGE -> 5_000;
    };
  }

  static int concurrentChats(SandboxSize size) {
    return switch (size) {
      case SMALL -> 500;
      case LARGE -> 5_000;
      case HUGE -> 10_000;
    };
  }

  static int concurrentTasks(SandboxSize size) {
    return size == SandboxSize.SMALL ? 2_500 : 10_000;
  }

  static int concurrentEmails(SandboxSize size) {
    return size == SandboxSize.SMALL ? 100 : 1_000;
  }

  static List<Quota> of(SandboxSize size, Counts c) {
    List<Quota> q = new ArrayList<>();
    q.add(instance("L-22922690", "Contact flows per instance", 100, c.flows()));
    q.add(new Quota(QUEUES, "Queues per instance", 50, 50d, (double) Math.round(c.standardQueues() / 0.99), true,
        null));
    q.add(instance("L-D3E7BE26", "Routing profiles per instance", 100, c.routingProfiles()));
    q.add(instance("L-F325A715", "Security profiles per instance", 100, c.securityProfiles()));
    q.add(new Quota(USERS, "Users per instance", 500, 500d, (double) Math.round(c.users() / 0.85), true, null));
    q.add(new Quota(LEX_BOTS_V1, "Amazon Lex bots per instance", 50, 50d, null, true, null));
    q.add(instance("L-CCEA7427", "Amazon Lex V2 bot aliases per instance", 100, c.lexV2BotAliases()));
    q.add(instance("L-8F812903", "Phone numbers per instance", 10, c.phoneNumbers()));
    q.add(instance("L-68BBE2E8", "Quick connects per instance", 100, c.quickConnects()));
    q.add(instance("L-20CD02F7", "Hours of operation per instance", 100, c.hoursOfOperations()));
    q.add(instance("L-D68AAAE4", "User hierarchy groups per instance", 500, c.userHierarchyGroups()));
    q.add(instance("L-E3D2F503", "AWS Lambda functions per instance", 50, c.lambdaFunctions()));
    q.add(instance("L-FC6A5030", "Application integration associations per instance", 50,
        c.applicationIntegrations()));
    q.add(instance("L-0865B754", "Prompts per instance", 500, c.prompts()));
    q.add(instance("L-D492D362", "Data tables per instance", 100, 0));
    q.add(instance("L-F4C86B27", "Email addresses per instance", 100, 0));
    q.add(instance("L-DFA239E1", "Notifications per instance", 100, 0));
    q.add(instance("L-516BC0EB", "Queues per routing profile per instance", 50, 0));
    q.add(new Quota(WORKSPACES, "Workspaces per instance", 50, null, null, true, null));
    q.add(new Quota(PROFICIENCIES_PER_AGENT, "Proficiencies per agent", 50, 50d, 50d, false, null));
    q.add(new Quota("L-7F7B4C39", "Campaigns per instance", 50, 50d, null, true, null));
    q.add(instance("L-D945C9A8", "Agent statuses per instance", 50, c.agentStatuses()));
    q.add(instance("L-19755C7E", "Flow modules per instance", 100, c.flowModules()));
    q.add(instance("L-3828FBF0", "Predefined attributes per instance", 128, c.predefinedAttributes()));
    q.add(new Quota(CONCURRENT_CALLS, "Concurrent active calls per instance", 10, 10d,
        (double) concurrentCalls(size), true, null));
    q.add(new Quota(CONCURRENT_CHATS, "Concurrent active chats per instance", 100, 100d,
        (double) concurrentChats(size), true, null));
    q.add(new Quota(CONCURRENT_EMAILS, "Concurrent active emails per instance", 100, 100d,
        (double) concurrentEmails(size), true, null));
    q.add(new Quota(CONCURRENT_TASKS, "Concurrent active tasks per instance", 2_500, 2_500d,
        (double) concurrentTasks(size), true, null));
    q.add(new Quota("L-E908C3A1", "Concurrent campaign calls per instance", 10, 10d, 10d, true, null));
    for (String api : RATE_APIS) {
      double byDefault = FIVE_PER_SECOND.contains(api) ? 5 : 2;
      double applied = api.equals(MODIFIED_RATE_API) ? MODIFIED_RATE_VALUE : byDefault;
      q.add(new Quota(rateCode(api), "Rate of " + api + " API requests", byDefault, applied, null, true, api));
    }
    return List.copyOf(q);
  }

  /** A sandbox-made but stable code for an API rate quota ({@code L-} and 8 hex digits). */
  static String rateCode(String api) {
    return "L-" + HexFormat.of().formatHex(java.nio.ByteBuffer.allocate(8)
        .putLong(Seeded.hash(0, "rate-quota", api.hashCode())).array(), 0, 4).toUpperCase(Locale.ROOT);
  }

  /** An instance quota used at most 50 %: the default, or twice the usage rounded up to a hundred. */
  private static Quota instance(String code, String name, int byDefault, int used) {
    double value = Math.max(byDefault, Math.ceil(used * 2 / 100.0) * 100);
    return new Quota(code, name, byDefault, (double) byDefault, value, true, null);
  }
}
