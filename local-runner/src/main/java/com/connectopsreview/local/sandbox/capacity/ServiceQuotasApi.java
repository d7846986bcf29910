package com.connectopsreview.local.sandbox.capacity;

import static com.connectopsreview.local.sandbox.server.Payload.object;

import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.capacity.CapacityDomain.Quota;
import com.connectopsreview.local.sandbox.server.AwsService;
import com.connectopsreview.local.sandbox.server.Call;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.local.sandbox.server.Pager;
import com.connectopsreview.local.sandbox.server.Pager.Page;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter.Limit;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Service Quotas over JSON 1.1 ({@code ServiceQuotasV20190624.*}) for service code {@code connect}:
 * the quotas of {@link CapacityDomain#quotas()}. An instance-level value is asked for with the instance
 * ARN as {@code ContextId}; a quota without one answers NoSuchResourceException, as does one without
 * an applied account value when asked without ContextId (the caller then falls back to
 * GetAWSDefaultServiceQuota).
 */
final class ServiceQuotasApi {

  /** JSON 1.1 ({@code ServiceQuotasV20190624.*}). */
  static final AwsService SERVICE_QUOTAS = AwsService.awsJson("ServiceQuotas", "servicequotas", "servicequotas",
      "ServiceQuotasV20190624", new AwsService.Errors("TooManyRequestsException", 400, operation -> "Rate exceeded",
          "ServiceException", "Something went wrong. Please try again later.", "NoSuchResourceException", 400,
          "IllegalArgumentException", "InvalidPaginationTokenException"),
      scenario -> "*");

  /**
   * Service Quotas does not document per-API rates in one place; 10 requests/s (burst 10) per
   * operation is the sandbox's assumption, in the range AWS's SDK guidance implies.
   */
  static final Limit LIMIT = new Limit(10, 10);

  static final String SERVICE_CODE = "connect";
  static final String SERVICE_NAME = "Amazon Connect";
  private static final int PAGE_MAX = 100;

  private final CapacityDomain capacity;
  private final Scenario scenario;
  private final Pager pager;

  ServiceQuotasApi(CapacityDomain capacity, Scenario scenario, Pager pager) {
    this.capacity = capacity;
    this.scenario = scenario;
    this.pager = pager;
  }

  void register(OperationRegistry r) {
    r.rpc(SERVICE_QUOTAS, "GetServiceQuota", LIMIT, this::getServiceQuota);
    r.rpc(SERVICE_QUOTAS, "GetAWSDefaultServiceQuota", LIMIT, this::getAwsDefaultServiceQuota);
    r.rpc(SERVICE_QUOTAS, "ListServiceQuotas", LIMIT, this::listServiceQuotas);
    r.rpc(SERVICE_QUOTAS, "ListAWSDefaultServiceQuotas", LIMIT, this::listAwsDefaultServiceQuotas);
  }

  private JsonNode getServiceQuota(Call call) {
    requireService(call);
    Quota quota = quota(call);
    String contextId = call.string("ContextId");
    if (contextId != null) {
      String instanceArn = scenario.instanceRef().arn();
      if (!contextId.equals(instanceArn)) {
        throw call.service().notFound("The context " + contextId + " does not exist for quota " + quota.code()
            + " of service connect.");
      }
      if (quota.instanceValue() == null) {
        throw call.service().notFound("Quota " + quota.code() + " of service connect is not applied at the "
            + "resource level; ask without ContextId.");
      }
      return object("Quota", quota(quota, quota.instanceValue(), "RESOURCE", instanceArn));
    }
    if (quota.accountValue() == null) {
      throw call.service().notFound("No applied value for quota " + quota.code() + " of service connect; use "
          + "GetAWSDefaultServiceQuota for its default.");
    }
    return object("Quota", quota(quota, quota.accountValue(), "ACCOUNT", null));
  }

  private JsonNode getAwsDefaultServiceQuota(Call call) {
    requireService(call);
    Quota quota = quota(call);
    return object("Quota", quota(quota, quota.defaultValue(), null, null));
  }

  /** Applied values: QuotaAppliedAtLevel ACCOUNT (default), RESOURCE (the instance's) or ALL; QuotaCode filter. */
  private JsonNode listServiceQuotas(Call call) {
    requireService(call);
    String level = call.string("QuotaAppliedAtLevel");
    String wantedLevel = level == null ? "ACCOUNT" : level;
    if (!List.of("ACCOUNT", "RESOURCE", "ALL").contains(wantedLevel)) {
      throw call.service().invalidParameter("Value '" + level + "' at 'quotaAppliedAtLevel' failed to satisfy "
          + "constraint: Member must satisfy enum value set: [ACCOUNT, RESOURCE, ALL]");
    }
    String code = call.string("QuotaCode");
    String instanceArn = scenario.instanceRef().arn();
    List<JsonNode> entries = new ArrayList<>();
    for (Quota q : capacity.quotas()) {
      if (code != null && !code.equals(q.code())) {
        continue;
      }
      if (!wantedLevel.equals("RESOURCE") && q.accountValue() != null) {
        entries.add(quota(q, q.accountValue(), "ACCOUNT", null));
      }
      if (!wantedLevel.equals("ACCOUNT") && q.instanceValue() != null) {
        entries.add(quota(q, q.instanceValue(), "RESOURCE", instanceArn));
      }
    }
    return page(call, wantedLevel + ";" + code, entries);
  }

  private JsonNode listAwsDefaultServiceQuotas(Call call) {
    requireService(call);
    List<JsonNode> entries = capacity.quotas().stream().map(q -> (JsonNode) quota(q, q.defaultValue(), null, null))
        .toList();
    return page(call, "", entries);
  }

  private JsonNode page(Call call, String scope, List<JsonNode> entries) {
    Page page = pager.page(call, scope, entries.size(), i -> true, call.integer("MaxResults"), "MaxResults",
        call.string("NextToken"), PAGE_MAX, PAGE_MAX);
    return object("Quotas", page.indexes().stream().map(entries::get).toList(), "NextToken", page.nextToken());
  }

  private static void requireService(Call call) {
    String service = call.string("ServiceCode");
    if (service == null || service.isEmpty()) {
      throw call.service().invalidParameter("1 validation error detected: Value null at 'serviceCode' failed to "
          + "satisfy constraint: Member must not be null");
    }
    if (!SERVICE_CODE.equals(service)) {
      throw call.service().notFound("The request failed because the specified service '" + service
          + "' does not exist (the sandbox knows service code connect).");
    }
  }

  private Quota quota(Call call) {
    String code = call.string("QuotaCode");
    if (code == null || code.isEmpty()) {
      throw call.service().invalidParameter("1 validation error detected: Value null at 'quotaCode' failed to "
          + "satisfy constraint: Member must not be null");
    }
    return capacity.quota(code).orElseThrow(() -> call.service().notFound(
        "The request failed because the specified quota '" + code + "' does not exist for service connect."));
  }

  /**
   * A ServiceQuota structure.
   *
   * @param level QuotaAppliedAtLevel (ACCOUNT or RESOURCE); null for a default value
   * @param contextId the instance ARN of a RESOURCE-level value
   */
  private static JsonNode quota(Quota q, double value, String level, String contextId) {
    Map<String, String> dimensions = new TreeMap<>();
    if (q.isRateQuota()) {
      dimensions.put("Class", "None");
      dimensions.put("Resource", q.usageApi());
      dimensions.put("Service", "Connect");
      dimensions.put("Type", "API");
    }
    return object(
        "ServiceCode", SERVICE_CODE,
        "ServiceName", SERVICE_NAME,
        "QuotaArn", q.arn(),
        "QuotaCode", q.code(),
        "QuotaName", q.name(),
        "Value", value,
        "Unit", "None",
        "Adjustable", q.adjustable(),
        "GlobalQuota", false,
        "UsageMetric", q.isRateQuota() ? object("MetricNamespace", "AWS/Usage", "MetricName", "CallCount",
            "MetricDimensions", dimensions, "MetricStatisticRecommendation", "Sum") : null,
        "Period", q.isRateQuota() ? object("PeriodValue", 1, "PeriodUnit", "SECOND") : null,
        "QuotaAppliedAtLevel", level,
        "QuotaContext", contextId == null ? null : object("ContextScope", "RESOURCE",
            "ContextScopeType", "AWS::Connect::Instance", "ContextId", contextId));
  }
}
