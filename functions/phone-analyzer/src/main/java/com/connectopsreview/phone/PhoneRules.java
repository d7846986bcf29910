package com.connectopsreview.phone;

import com.connectopsreview.shared.sections.PhoneSection.Insight;
import com.connectopsreview.shared.sections.PhoneSection.Recommendation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The inventory rules of upstream-spec §1.7 (G2 insights and recommendations) and §4.12 item 2 (G3
 * telephony rules), in one place: the findings and the {@code data} lists use the same predicates.
 * Percentages are compared as shown (1 dp), so 70.0 % is not above 70 and 70.1 % is.
 */
public final class PhoneRules {

  static final BigDecimal HIGH_TOLL_FREE_PERCENT = BigDecimal.valueOf(70);
  static final BigDecimal LOW_TOLL_FREE_PERCENT = BigDecimal.valueOf(20);
  static final BigDecimal HIGH_DID_PERCENT = BigDecimal.valueOf(50);
  /** Upstream's "TF > 5" and "total > 5". */
  static final long SMALL_INVENTORY = 5;
  /** §4.12: above this many numbers the daily per-number charge is worth a look. */
  static final long LARGE_INVENTORY = 20;
  /** §4.12: more DIDs than this, all in one country. */
  static final long SINGLE_COUNTRY_DIDS = 3;

  private PhoneRules() {}

  /**
   * All numbers (more than one) on fewer than 2 carriers. Evaluated only when every number's carrier
   * is known: an "Unknown" carrier might be a second one, and a HIGH finding must not rest on a guess.
   */
  public static boolean singleCarrier(PhoneStats s) {
    return s.total() > 1 && s.unknownCarrierNumbers() == 0 && s.knownCarriers().size() < 2;
  }

  /** DIDs but no toll-free number (§4.12 {@code telephony_no_toll_free_backup}, warn). */
  public static boolean noTollFree(PhoneStats s) {
    return s.did() > 0 && s.tollFree() == 0;
  }

  /** §1.7: TF > 0, DID > 0 and TF < DID. */
  public static boolean fewerTollFreeThanDid(PhoneStats s) {
    return s.tollFree() > 0 && s.did() > 0 && s.tollFree() < s.did();
  }

  /** §1.7: TF % > 70. */
  public static boolean highTollFreeShare(PhoneStats s) {
    return s.tollFreePercent() != null && s.tollFreePercent().compareTo(HIGH_TOLL_FREE_PERCENT) > 0;
  }

  /** §1.7: TF > DID and TF > 5. */
  public static boolean costReview(PhoneStats s) {
    return s.tollFree() > s.did() && s.tollFree() > SMALL_INVENTORY;
  }

  /** §1.7: no short code and total > 5. */
  public static boolean noShortCode(PhoneStats s) {
    return s.shortCode() == 0 && s.total() > SMALL_INVENTORY;
  }

  /** §1.7 insights, then the G3 info rules of §4.12 item 2 that §1.7 does not already say. */
  public static List<Insight> insights(PhoneStats s) {
    List<Insight> insights = new ArrayList<>();
    if (s.total() == 0) {
      return insights;
    }
    if (highTollFreeShare(s)) {
      insights.add(new Insight("warning", "High toll-free usage (" + s.tollFreePercent().toPlainString() + " %)",
          "Toll-free numbers add resiliency (carrier load balancing in the US) but cost more per minute than DIDs."));
    }
    if (s.tollFree() > 0 && s.tollFreePercent().compareTo(LOW_TOLL_FREE_PERCENT) < 0) {
      insights.add(new Insight("info", "Low toll-free usage (" + s.tollFreePercent().toPlainString() + " %)",
          "Consider whether callers need a free-to-call number for accessibility."));
    }
    if (s.didPercent().compareTo(HIGH_DID_PERCENT) > 0) {
      insights.add(new Insight("info", "Mostly DIDs (" + s.didPercent().toPlainString() + " %)",
          "DIDs give local presence and cost less, but offer less carrier redundancy than toll-free numbers."));
    }
    if (s.countriesCount() > 1) {
      insights.add(new Insight("positive", "International presence in " + s.countriesCount() + " countries",
          "Numbers in " + String.join(", ", s.byCountry().keySet()) + "."));
    }
    if (s.uifn() > 0) {
      insights.add(new Insight("positive", "Global toll-free access (" + s.uifn() + " UIFN)",
          "Universal International Freephone Numbers reach the contact center free of charge from several countries."));
    }
    if (s.shortCode() > 0) {
      insights.add(new Insight("positive", "SMS capability (" + s.shortCode() + " short code(s))",
          "Short codes send and receive SMS at high throughput."));
    }
    if (s.did() > SINGLE_COUNTRY_DIDS && s.countriesCount() == 1) {
      insights.add(new Insight("info", s.did() + " DIDs, all in " + s.byCountry().keySet().iterator().next(),
          "Every number is in one country (G3 telephony_single_country)."));
    }
    if (s.total() > LARGE_INVENTORY) {
      insights.add(new Insight("info", "Large inventory: " + s.total() + " numbers",
          "Amazon Connect charges a daily fee per claimed number; release the ones no flow needs"
              + (s.unused() > 0 ? " (" + s.unused() + " are not answered by any flow)." : ".")));
    }
    return insights;
  }

  /** §1.7 recommendations with their priorities. */
  public static List<Recommendation> recommendations(PhoneStats s) {
    List<Recommendation> recommendations = new ArrayList<>();
    if (s.total() == 0) {
      return recommendations;
    }
    if (singleCarrier(s)) {
      recommendations.add(new Recommendation("high", "Carrier Diversity",
          "Add numbers from a second carrier",
          "All " + s.total() + " numbers are on " + s.knownCarriers().first()
              + ": a single point of failure when that carrier has an outage."));
    }
    if (s.tollFree() == 0) {
      recommendations.add(new Recommendation("medium", "Cost vs Resilience",
          "Consider toll-free numbers for redundancy",
          "US toll-free numbers are load-balanced across carriers automatically; DIDs are cheaper but depend on"
              + " one carrier each."));
    }
    if (fewerTollFreeThanDid(s)) {
      recommendations.add(new Recommendation("medium", "Resilience",
          "Prefer toll-free numbers for the main US entry points",
          s.tollFree() + " toll-free against " + s.did() + " DIDs; if DIDs stay the main entry, spread them over"
              + " carriers (extra cost)."));
    }
    if (costReview(s)) {
      recommendations.add(new Recommendation("low", "Cost Optimization",
          "Review the toll-free / DID balance",
          s.tollFree() + " toll-free against " + s.did() + " DIDs; toll-free minutes cost more."));
    }
    if (noShortCode(s)) {
      recommendations.add(new Recommendation("low", "Capability",
          "Consider short codes for SMS",
          "No short code among " + s.total() + " numbers."));
    }
    return recommendations;
  }
}
