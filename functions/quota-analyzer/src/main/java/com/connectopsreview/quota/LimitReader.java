package com.connectopsreview.quota;

import com.connectopsreview.shared.sections.QuotaSection.LimitSource;
import com.connectopsreview.shared.time.TimeBudget;
import java.util.Optional;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.servicequotas.model.GetAwsDefaultServiceQuotaRequest;
import software.amazon.awssdk.services.servicequotas.model.GetServiceQuotaRequest;
import software.amazon.awssdk.services.servicequotas.model.IllegalArgumentException;
import software.amazon.awssdk.services.servicequotas.model.NoSuchResourceException;
import software.amazon.awssdk.services.servicequotas.model.ServiceQuota;

/**
 * Reads one Connect quota's value: applied to the instance ({@code GetServiceQuota} with the instance
 * ARN as ContextId), else applied to the account ({@code GetServiceQuota} without context), else the
 * AWS default ({@code GetAWSDefaultServiceQuota}). A level is skipped when Service Quotas answers
 * NoSuchResource (nothing at that level) or, for the context call, IllegalArgument (the quota takes
 * no context); any other error propagates.
 */
final class LimitReader {

  private final ServiceQuotasClient serviceQuotas;
  private final TimeBudget budget;

  LimitReader(ServiceQuotasClient serviceQuotas, TimeBudget budget) {
    this.serviceQuotas = serviceQuotas;
    this.budget = budget;
  }

  /** The most specific value, or empty when the quota exists at no level (e.g. not in this Region). */
  Optional<QuotaLimit> read(String quotaCode, String instanceArn) {
    try {
      budget.check("ServiceQuotas GetServiceQuota " + quotaCode + " (instance)");
      Optional<QuotaLimit> instance = valueOf(serviceQuotas.getServiceQuota(GetServiceQuotaRequest.builder()
          .serviceCode(QuotaCatalog.SERVICE_CODE).quotaCode(quotaCode).contextId(instanceArn).build()).quota(),
          LimitSource.INSTANCE);
      if (instance.isPresent()) {
        return instance;
      }
    } catch (NoSuchResourceException | IllegalArgumentException e) {
      // not applied per instance: fall back to the account
    }
    try {
      budget.check("ServiceQuotas GetServiceQuota " + quotaCode + " (account)");
      Optional<QuotaLimit> account = valueOf(serviceQuotas.getServiceQuota(GetServiceQuotaRequest.builder()
          .serviceCode(QuotaCatalog.SERVICE_CODE).quotaCode(quotaCode).build()).quota(), LimitSource.ACCOUNT);
      if (account.isPresent()) {
        return account;
      }
    } catch (NoSuchResourceException e) {
      // nothing applied to the account: fall back to the AWS default
    }
    try {
      budget.check("ServiceQuotas GetAWSDefaultServiceQuota " + quotaCode);
      return valueOf(serviceQuotas.getAWSDefaultServiceQuota(GetAwsDefaultServiceQuotaRequest.builder()
          .serviceCode(QuotaCatalog.SERVICE_CODE).quotaCode(quotaCode).build()).quota(), LimitSource.DEFAULT);
    } catch (NoSuchResourceException e) {
      return Optional.empty();
    }
  }

  private static Optional<QuotaLimit> valueOf(ServiceQuota quota, LimitSource source) {
    return quota == null || quota.value() == null ? Optional.empty()
        : Optional.of(QuotaLimit.of(quota.value(), source));
  }
}
