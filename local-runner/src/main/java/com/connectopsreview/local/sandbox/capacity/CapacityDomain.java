package com.connectopsreview.local.sandbox.capacity;

import com.connectopsreview.local.sandbox.SandboxDomain;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.local.sandbox.server.Pager;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Quotas and metrics: the Service Quotas values of service code {@code connect} ({@link SandboxQuotas})
 * and the instance's CloudWatch series ({@link MetricSeries}), which carry the planted quota and
 * metrics problems.
 */
public final class CapacityDomain implements SandboxDomain {

  /**
   * One Service Quotas quota of service code {@code connect}.
   *
   * @param accountValue the applied account-level value (GetServiceQuota without ContextId,
   *     ListServiceQuotas); null: none, GetServiceQuota without ContextId is NoSuchResourceException
   * @param instanceValue the value applied to the instance (GetServiceQuota with the instance ARN as
   *     ContextId); null: not an instance-level quota, GetServiceQuota with ContextId is NoSuchResourceException
   * @param usageApi for an API rate quota, the Connect API whose calls it limits (its UsageMetric); else null
   */
  public record Quota(
      String code, String name, double defaultValue, Double accountValue, Double instanceValue, boolean adjustable,
      String usageApi) {

    public String arn() {
      return "arn:" + Scenario.PARTITION + ":servicequotas:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID
          + ":connect/" + code;
    }

    public boolean isRateQuota() {
      return usageApi != null;
    }
  }

  private final List<Quota> quotas;
  private final MetricSeries metrics;

  CapacityDomain(List<Quota> quotas, MetricSeries metrics) {
    this.quotas = List.copyOf(quotas);
    this.metrics = metrics;
  }

  public static CapacityDomain of(Scenario scenario) {
    return scenario.domain(CapacityDomain.class);
  }

  /** Every Service Quotas quota of service code {@code connect}, instance quotas first. */
  public List<Quota> quotas() {
    return quotas;
  }

  public Optional<Quota> quota(String code) {
    return quotas.stream().filter(q -> q.code().equals(code)).findFirst();
  }

  /** The instance's CloudWatch metrics (namespace AWS/Connect): raw series and the planted patterns. */
  public MetricSeries metrics() {
    return metrics;
  }

  @Override
  public void register(OperationRegistry registry, Scenario scenario, Pager pager) {
    new ServiceQuotasApi(this, scenario, pager).register(registry);
    new CloudWatchApi(this, pager).register(registry);
  }

  @Override
  public void writeJson(JsonGenerator g) throws IOException {
    g.writeObjectField("quotas", quotas);
  }
}
