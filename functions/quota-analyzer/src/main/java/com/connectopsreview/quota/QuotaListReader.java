package com.connectopsreview.quota;

import com.connectopsreview.shared.analyzer.Pages;
import com.connectopsreview.shared.sections.QuotaSection.OtherQuota;
import com.connectopsreview.shared.sections.QuotaSection.RateQuota;
import com.connectopsreview.shared.sections.QuotaSection.RowStatus;
import com.connectopsreview.shared.time.TimeBudget;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.servicequotas.model.ListAwsDefaultServiceQuotasRequest;
import software.amazon.awssdk.services.servicequotas.model.ListAwsDefaultServiceQuotasResponse;
import software.amazon.awssdk.services.servicequotas.model.ListServiceQuotasRequest;
import software.amazon.awssdk.services.servicequotas.model.ListServiceQuotasResponse;
import software.amazon.awssdk.services.servicequotas.model.ServiceQuota;

/**
 * Connect's quotas as Service Quotas lists them: the AWS defaults ({@code ListAWSDefaultServiceQuotas}),
 * each with the account's applied value ({@code ListServiceQuotas}) where one is listed. Both lists
 * fully paginated, 100 per page. The API rate quotas are those whose name starts with "Rate of";
 * every other quota not in {@link QuotaCatalog} is an "other" quota: limit known, usage not measured.
 */
final class QuotaListReader {

  static final int PAGE_SIZE = 100;

  private final ServiceQuotasClient serviceQuotas;
  private final TimeBudget budget;

  QuotaListReader(ServiceQuotasClient serviceQuotas, TimeBudget budget) {
    this.serviceQuotas = serviceQuotas;
    this.budget = budget;
  }

  /** The rate quotas and the other quotas, each in the defaults' order. */
  record Listing(List<RateQuota> rates, List<OtherQuota> others) {}

  Listing read() {
    java.util.Set<String> catalog = QuotaCatalog.catalogCodes();
    Map<String, ServiceQuota> otherDefaults = new LinkedHashMap<>();
    Map<String, ServiceQuota> defaults = new LinkedHashMap<>();
    for (ListAwsDefaultServiceQuotasResponse page : Pages.of(budget, "ServiceQuotas ListAWSDefaultServiceQuotas",
        serviceQuotas.listAWSDefaultServiceQuotasPaginator(ListAwsDefaultServiceQuotasRequest.builder()
            .serviceCode(QuotaCatalog.SERVICE_CODE).maxResults(PAGE_SIZE).build()))) {
      for (ServiceQuota q : page.quotas()) {
        if (q.quotaCode() == null || q.value() == null || catalog.contains(q.quotaCode())) {
          continue;
        }
        boolean rate = q.quotaName() != null && q.quotaName().startsWith(QuotaCatalog.RATE_QUOTA_PREFIX);
        (rate ? defaults : otherDefaults).putIfAbsent(q.quotaCode(), q);
      }
    }

    Map<String, BigDecimal> applied = new LinkedHashMap<>();
    for (ListServiceQuotasResponse page : Pages.of(budget, "ServiceQuotas ListServiceQuotas",
        serviceQuotas.listServiceQuotasPaginator(ListServiceQuotasRequest.builder()
            .serviceCode(QuotaCatalog.SERVICE_CODE).maxResults(PAGE_SIZE).build()))) {
      page.quotas().stream()
          .filter(q -> q.quotaCode() != null && q.value() != null
              && (defaults.containsKey(q.quotaCode()) || otherDefaults.containsKey(q.quotaCode())))
          .forEach(q -> applied.putIfAbsent(q.quotaCode(), Numbers.exact(q.value())));
    }

    List<RateQuota> rates = new ArrayList<>();
    defaults.forEach((code, quota) -> {
      BigDecimal defaultValue = Numbers.exact(quota.value());
      BigDecimal appliedValue = applied.get(code);
      boolean modified = appliedValue != null && appliedValue.compareTo(defaultValue) != 0;
      rates.add(new RateQuota(code, quota.quotaName(), defaultValue, appliedValue, quota.unit(), modified));
    });
    List<OtherQuota> others = new ArrayList<>();
    otherDefaults.forEach((code, quota) -> others.add(new OtherQuota(code, quota.quotaName(),
        Numbers.exact(quota.value()), applied.get(code), quota.unit(), RowStatus.NOT_MEASURED)));
    return new Listing(List.copyOf(rates), List.copyOf(others));
  }
}
