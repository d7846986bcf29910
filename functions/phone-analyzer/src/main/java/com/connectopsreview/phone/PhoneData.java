package com.connectopsreview.phone;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The component's {@code data}: the inventory with its counts and shares, the carrier-diversity
 * table, the upstream insights and recommendations, every number, and what this review looked up.
 * The shape is documented in docs/checks.md (section "phone", "Data payload").
 *
 * @param carrierDiversityScore distinct known carriers ("Unknown" is not a carrier)
 * @param tollFreePercent TOLL_FREE numbers of the total, 1 dp; null without numbers
 * @param didPercent DID numbers of the total, 1 dp; null without numbers
 */
public record PhoneData(
    long totalNumbers,
    Map<String, Long> byType,
    Map<String, Long> byCountry,
    Map<String, Long> byCarrier,
    int carrierDiversityScore,
    int countriesCount,
    BigDecimal tollFreePercent,
    BigDecimal didPercent,
    boolean hasUifn,
    boolean hasShortCode,
    boolean hasThirdParty,
    List<DiversityRow> diversityTable,
    List<Insight> insights,
    List<Recommendation> recommendations,
    List<NumberRow> numbers,
    Lookups lookups,
    Links links) {

  /**
   * One claimed number.
   *
   * @param carrier the carrier's name, "Unknown" when Pinpoint named none or the lookup failed
   * @param status CLAIMED, IN_PROGRESS or FAILED from DescribePhoneNumber: the latest known, checked this
   *     review or kept in the cache from an earlier one; null when never checked
   * @param statusCheckedAt when that status was read
   * @param unused true when no flow answers the voice number (ListFlowAssociations); when those could
   *     not be read, true when ListPhoneNumbersV2 gives it no TargetArn ({@code lookups.unusedRule})
   */
  public record NumberRow(String phoneNumberId, String arn, String number, String country, String type,
      String targetArn, String description, String carrier, CarrierSource carrierSource, String status,
      String statusMessage, java.time.Instant statusCheckedAt, boolean unused) {}

  /** Numbers of one country on one carrier; {@code numbers} in inventory order. */
  public record DiversityRow(String country, String carrier, long count, List<String> numbers) {}

  /** An upstream insight: {@code type} warning, info or positive. */
  public record Insight(String type, String message, String detail) {}

  /** An upstream recommendation: {@code priority} high, medium or low. */
  public record Recommendation(String priority, String category, String recommendation, String detail) {}

  /**
   * What this review asked AWS and took from the cache.
   *
   * @param carrierLookups PhoneNumberValidate calls made (answered or failed)
   * @param carrierLookupFailures those that failed (carrier Unknown, not cached)
   * @param carriersNotLookedUp numbers neither cached nor looked up (lookups stopped or out of time)
   * @param cacheHits numbers whose carrier came from the cache
   * @param statusChecked numbers whose DescribePhoneNumber answered this review
   * @param statusNotChecked the others (status sub-budget spent, denied or failed)
   * @param cacheNote why the cache was ignored or not written; null when it was fine or simply absent
   * @param unusedRule NO_FLOW_ASSOCIATION (a voice number no flow answers), or NO_TARGET when the flow
   *     associations could not be read
   */
  public record Lookups(long carrierLookups, long carrierLookupFailures, long carriersNotLookedUp, long cacheHits,
      long statusChecked, long statusNotChecked, String cacheNote, String unusedRule) {}

  /**
   * @param phoneNumbers the admin website's phone-number page; null when the access URL is unknown
   * @param telephony the AWS console's telephony page of the instance (always known)
   * @param note why {@code phoneNumbers} is missing; null otherwise
   */
  public record Links(String phoneNumbers, String telephony, String note) {}
}
