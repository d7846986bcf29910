package com.connectopsreview.quota;

import java.util.List;

/**
 * The Connect quotas the analyzer reads (upstream-spec §4.10 tables (1) and (2), plus agent statuses,
 * flow modules and predefined attributes). Keys are stable: they are part of the checkIds
 * ({@code QUOTA.<KEY>.…}) documented in docs/checks.md.
 */
public final class QuotaCatalog {

  /** Service Quotas' service code for Amazon Connect. */
  public static final String SERVICE_CODE = "connect";

  /**
   * An instance-level resource quota.
   *
   * @param usage how usage is counted; null for a quota whose usage no API counts (limit only)
   */
  public record InstanceQuota(String key, String label, String code, UsageSource usage) {}

  /**
   * A concurrency quota and the CloudWatch metrics that measure it ({@code AWS/Connect}, dimensions
   * InstanceId and MetricGroup).
   *
   * @param percentIsFraction true when Connect publishes the percentage metric as 0–1 (calls)
   */
  public record ConcurrencyQuota(String key, String label, String code, String metricGroup, String countMetric,
      String percentMetric, boolean percentIsFraction) {}

  public static final List<InstanceQuota> INSTANCE_QUOTAS = List.of(
      new InstanceQuota("CONTACT_FLOWS", "Contact flows per instance", "L-22922690", UsageSource.CONTACT_FLOWS),
      new InstanceQuota("FLOW_MODULES", "Flow modules per instance", "L-19755C7E", UsageSource.CONTACT_FLOW_MODULES),
      new InstanceQuota("USERS", "Users per instance", "L-9A46857E", UsageSource.USERS),
      new InstanceQuota("QUEUES", "Queues per instance", "L-19A87C94", UsageSource.STANDARD_QUEUES),
      new InstanceQuota("ROUTING_PROFILES", "Routing profiles per instance", "L-D3E7BE26",
          UsageSource.ROUTING_PROFILES),
      new InstanceQuota("SECURITY_PROFILES", "Security profiles per instance", "L-F325A715",
          UsageSource.SECURITY_PROFILES),
      new InstanceQuota("HOURS_OF_OPERATION", "Hours of operation per instance", "L-20CD02F7",
          UsageSource.HOURS_OF_OPERATIONS),
      new InstanceQuota("PROMPTS", "Prompts per instance", "L-0865B754", UsageSource.PROMPTS),
      new InstanceQuota("QUICK_CONNECTS", "Quick connects per instance", "L-68BBE2E8", UsageSource.QUICK_CONNECTS),
      new InstanceQuota("AGENT_STATUSES", "Agent statuses per instance", "L-D945C9A8", UsageSource.AGENT_STATUSES),
      new InstanceQuota("PHONE_NUMBERS", "Phone numbers per instance", "L-8F812903", UsageSource.PHONE_NUMBERS),
      new InstanceQuota("LEX_BOTS_V1", "Amazon Lex bots per instance", "L-B93A6612", UsageSource.LEX_V1_BOTS),
      new InstanceQuota("LEX_BOTS_V2", "Amazon Lex V2 bot aliases per instance", "L-CCEA7427",
          UsageSource.LEX_V2_BOT_ALIASES),
      new InstanceQuota("USER_HIERARCHY_GROUPS", "User hierarchy groups per instance", "L-D68AAAE4",
          UsageSource.USER_HIERARCHY_GROUPS),
      new InstanceQuota("LAMBDA_FUNCTIONS", "AWS Lambda functions per instance", "L-E3D2F503",
          UsageSource.LAMBDA_FUNCTIONS),
      new InstanceQuota("PREDEFINED_ATTRIBUTES", "Predefined attributes per instance", "L-3828FBF0",
          UsageSource.PREDEFINED_ATTRIBUTES),
      new InstanceQuota("APPLICATION_INTEGRATIONS", "Application integration associations per instance",
          "L-FC6A5030", UsageSource.APPLICATION_INTEGRATIONS),
      new InstanceQuota("PROFICIENCIES_PER_AGENT", "Proficiencies per agent", "L-50375162", null),
      new InstanceQuota("CAMPAIGNS", "Campaigns per instance", "L-7F7B4C39", null));

  public static final List<ConcurrencyQuota> CONCURRENCY_QUOTAS = List.of(
      new ConcurrencyQuota("CONCURRENT_CALLS", "Concurrent active calls per instance", "L-12AB7C57", "VoiceCalls",
          "ConcurrentCalls", "ConcurrentCallsPercentage", true),
      new ConcurrencyQuota("CONCURRENT_CHATS", "Concurrent active chats per instance", "L-D4BA6F6E", "Chats",
          "ConcurrentActiveChats", "ConcurrentActiveChatsPercentage", false),
      new ConcurrencyQuota("CONCURRENT_TASKS", "Concurrent active tasks per instance", "L-60553137", "Tasks",
          "ConcurrentTasks", "ConcurrentTasksPercentage", false),
      new ConcurrencyQuota("CONCURRENT_EMAILS", "Concurrent active emails per instance", "L-B117F12F", "Email",
          "ConcurrentEmails", "ConcurrentEmailsPercentage", false));

  /** Codes of every quota above (instance and concurrency). */
  public static java.util.Set<String> catalogCodes() {
    java.util.Set<String> codes = new java.util.LinkedHashSet<>();
    INSTANCE_QUOTAS.forEach(q -> codes.add(q.code()));
    CONCURRENCY_QUOTAS.forEach(q -> codes.add(q.code()));
    return codes;
  }

  /** Account-level API rate quotas are the ones whose default name starts with this. */
  public static final String RATE_QUOTA_PREFIX = "Rate of";

  private QuotaCatalog() {}
}
