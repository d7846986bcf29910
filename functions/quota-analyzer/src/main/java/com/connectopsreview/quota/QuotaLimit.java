package com.connectopsreview.quota;

import com.connectopsreview.shared.sections.QuotaSection.LimitSource;
import java.math.BigDecimal;
import java.util.Objects;

/** A quota's value and where it was read. */
public record QuotaLimit(BigDecimal value, LimitSource source) {

  public QuotaLimit {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(source, "source");
  }

  /** Service Quotas answers doubles; quota values are whole numbers in practice, kept exact either way. */
  static QuotaLimit of(double value, LimitSource source) {
    return new QuotaLimit(Numbers.exact(value), source);
  }
}
