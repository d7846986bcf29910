package com.connectopsreview.shared.sections;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} payload of the {@code phone} component: the inventory with its counts and shares,
 * the carrier-diversity table, the upstream insights and recommendations, every number, and what this
 * review looked up. The shape is documented in docs/checks.md (section "phone", "Data payload").
 *
 * @param byCarrier numbers per carrier, {@link #UNKNOWN_CARRIER} included
 * @param carrierDiversityScore distinct known carriers ({@link #UNKNOWN_CARRIER} is not a carrier)
 * @param tollFreePercent TOLL_FREE numbers of the total, 1 dp; null without numbers
 * @param didPercent DID numbers of the total, 1 dp; null without numbers
 * @param hasUifn whether any number is a UIFN (likewise {@code hasShortCode}, {@code hasThirdParty});
 *     the analyzer always says, a payload that does not (null) is shown as unknown
 */
public record PhoneSection(
    long totalNumbers,
    Map<String, Long> byType,
    Map<String, Long> byCountry,
    Map<String, Long> byCarrier,
    int carrierDiversityScore,
    int countriesCount,
    BigDecimal tollFreePercent,
    BigDecimal didPercent,
    Boolean hasUifn,
    Boolean hasShortCode,
    Boolean hasThirdParty,
    List<DiversityRow> diversityTable,
    List<Insight> insights,
    List<Recommendation> recommendations,
    List<NumberRow> numbers,
    Lookups lookups,
    Links links) implements Section {

  public static final int SCHEMA_VERSION = 1;

  /** The carrier of a number whose carrier Pinpoint did not name or could not be asked for. */
  public static final String UNKNOWN_CARRIER = "Unknown";

  @Override
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }

  /**
   * One claimed number.
   *
   * @param carrier the carrier's name, {@link #UNKNOWN_CARRIER} when Pinpoint named none or the lookup failed
   * @param status CLAIMED, IN_PROGRESS or FAILED from DescribePhoneNumber: the latest known, checked this
   *     review or kept in the cache from an earlier one; null when never checked
   * @param statusCheckedAt when that status was read
   * @param unused true when no flow answers the voice number (ListFlowAssociations); when those could
   *     not be read, true when ListPhoneNumbersV2 gives it no TargetArn ({@code lookups.unusedRule})
   */
  public record NumberRow(String phoneNumberId, String arn, String number, String country, String type,
      String targetArn, String description, String carrier, CarrierSource carrierSource, String status,
      String statusMessage, Instant statusCheckedAt, boolean unused) {}

  /** Where a number's carrier came from in this review. */
  public enum CarrierSource {
    /** The carrier cache of an earlier review (looked up at most 180 days ago). */
    CACHE,
    /** Pinpoint {@code PhoneNumberValidate} in this review. */
    LOOKUP,
    /** Not known this review: the lookup failed or was not made (access, time). */
    UNKNOWN
  }

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

  /**
   * Every checkId the phone analyzer emits. Stable once released; documented in {@code docs/checks.md}
   * (section "phone").
   */
  public static final class CheckIds {

    public static final String CARRIER_SINGLE = "PHONE.CARRIER.SINGLE";
    public static final String CARRIER_SINGLE_IN_COUNTRY = "PHONE.CARRIER.SINGLE_IN_COUNTRY";
    public static final String TOLL_FREE_NONE = "PHONE.TOLL_FREE.NONE";
    public static final String TOLL_FREE_FEWER_THAN_DID = "PHONE.TOLL_FREE.FEWER_THAN_DID";
    public static final String TOLL_FREE_HIGH_SHARE = "PHONE.TOLL_FREE.HIGH_SHARE";
    public static final String MIX_COST_REVIEW = "PHONE.MIX.COST_REVIEW";
    public static final String SMS_NO_SHORT_CODE = "PHONE.SMS.NO_SHORT_CODE";
    public static final String INVENTORY_SUMMARY = "PHONE.INVENTORY.SUMMARY";
    public static final String NUMBER_UNUSED = "PHONE.NUMBER.UNUSED";
    public static final String NUMBER_FAILED = "PHONE.NUMBER.FAILED";
    public static final String NUMBER_IN_PROGRESS = "PHONE.NUMBER.IN_PROGRESS";
    public static final String STATUS_PARTIAL_CHECK = "PHONE.STATUS.PARTIAL_CHECK";
    public static final String NUMBERS_NONE = "PHONE.NUMBERS.NONE";

    private CheckIds() {}
  }
}
