package com.connectopsreview.phone;

import static com.connectopsreview.phone.Fixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.sections.PhoneSection.DiversityRow;
import com.connectopsreview.shared.sections.PhoneSection.Insight;
import com.connectopsreview.shared.sections.PhoneSection.NumberRow;
import com.connectopsreview.shared.sections.PhoneSection.Recommendation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The §1.7 / §4.12 rules and the aggregates, at their boundaries, on hand-built inventories. */
class PhoneRulesTest {

  /** {@code n} numbers of one type, country and carrier, ids prefixed so they stay distinct. */
  private static List<NumberRow> rows(int n, String type, String country, String carrier) {
    List<NumberRow> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      rows.add(row(type + "-" + country + "-" + carrier + "-" + i, type, country, carrier));
    }
    return rows;
  }

  @SafeVarargs
  private static PhoneStats stats(List<NumberRow>... groups) {
    List<NumberRow> all = new ArrayList<>();
    for (List<NumberRow> g : groups) {
      all.addAll(g);
    }
    return PhoneStats.of(all);
  }

  // ---- aggregates ----

  @Test
  void of_countsByTypeCountryAndCarrier_andBuildsTheDiversityTableCountDescending() {
    PhoneStats s = stats(rows(3, "DID", "US", "Verizon"), rows(1, "TOLL_FREE", "US", "Lumen"),
        rows(2, "DID", "GB", "BT"), rows(1, "UIFN", "DE", "Unknown"), rows(1, "SHORT_CODE", "US", "Verizon"),
        rows(1, "THIRD_PARTY_DID", "US", "Verizon"));

    assertEquals(9, s.total());
    assertEquals(Map.of("DID", 5L, "TOLL_FREE", 1L, "UIFN", 1L, "SHORT_CODE", 1L, "THIRD_PARTY_DID", 1L), s.byType());
    assertEquals(Map.of("US", 6L, "GB", 2L, "DE", 1L), s.byCountry());
    assertEquals(Map.of("Verizon", 5L, "Lumen", 1L, "BT", 2L, "Unknown", 1L), s.byCarrier());
    // "Unknown" is no carrier (upstream §6 item 15): 3 known carriers, not 4 and not 4 pairs.
    assertEquals(3, s.carrierDiversityScore());
    assertEquals(1, s.unknownCarrierNumbers());
    assertEquals(3, s.countriesCount());
    assertEquals(0, new BigDecimal("11.1").compareTo(s.tollFreePercent()));
    assertEquals(0, new BigDecimal("55.6").compareTo(s.didPercent()));
    assertEquals(1, s.uifn());
    assertEquals(1, s.shortCode());
    assertEquals(1, s.thirdParty());
    List<DiversityRow> table = s.diversityTable();
    assertEquals(List.of("US|Verizon|5", "GB|BT|2", "DE|Unknown|1", "US|Lumen|1"),
        table.stream().map(r -> r.country() + "|" + r.carrier() + "|" + r.count()).toList());
    assertEquals(5, table.get(0).numbers().size());
  }

  @Test
  void of_withoutNumbers_hasNoPercentagesAndNoRules() {
    PhoneStats s = PhoneStats.of(List.of());

    assertEquals(0, s.total());
    assertNull(s.tollFreePercent());
    assertNull(s.didPercent());
    assertFalse(PhoneRules.singleCarrier(s));
    assertFalse(PhoneRules.noTollFree(s));
    assertFalse(PhoneRules.highTollFreeShare(s));
    assertFalse(PhoneRules.noShortCode(s));
    assertTrue(PhoneRules.insights(s).isEmpty());
    assertTrue(PhoneRules.recommendations(s).isEmpty());
  }

  // ---- carrier diversity ----

  @Test
  void singleCarrier_isTrueForTwoOrMoreNumbersOnOneKnownCarrier() {
    assertTrue(PhoneRules.singleCarrier(stats(rows(2, "DID", "US", "Verizon"))));
    assertTrue(PhoneRules.singleCarrier(stats(rows(1, "DID", "US", "Verizon"), rows(1, "TOLL_FREE", "GB", "Verizon"))));
  }

  @Test
  void singleCarrier_isFalseForTwoCarriers_forOneNumber_andWhenACarrierIsUnknown() {
    assertFalse(PhoneRules.singleCarrier(stats(rows(1, "DID", "US", "Verizon"), rows(1, "DID", "US", "Lumen"))));
    assertFalse(PhoneRules.singleCarrier(stats(rows(1, "DID", "US", "Verizon"))));
    // The unknown one might be a second carrier: not evaluated rather than a HIGH finding on a guess.
    assertFalse(PhoneRules.singleCarrier(stats(rows(3, "DID", "US", "Verizon"), rows(1, "DID", "US", "Unknown"))));
    assertFalse(PhoneRules.singleCarrier(stats(rows(3, "DID", "US", "Unknown"))));
  }

  @Test
  void singleCarrierCountries_needTwoDidsOfOneKnownCarrierPerCountry() {
    PhoneStats s = stats(
        rows(2, "DID", "US", "Verizon"), rows(5, "TOLL_FREE", "US", "Lumen"), // US DIDs single, TF not counted
        rows(1, "DID", "GB", "BT"), // one DID only
        rows(1, "DID", "DE", "Telekom"), rows(1, "DID", "DE", "Vodafone"), // two carriers
        rows(1, "DID", "FR", "Orange"), rows(1, "DID", "FR", "Unknown"), // unknown: not evaluated
        rows(3, "TOLL_FREE", "CA", "Bell")); // no DIDs

    assertEquals(List.of("US|Verizon|2"), s.singleCarrierCountries().stream()
        .map(r -> r.country() + "|" + r.carrier() + "|" + r.count()).toList());
  }

  // ---- toll-free / DID ----

  @Test
  void noTollFree_needsDidsAndNoTollFree() {
    assertTrue(PhoneRules.noTollFree(stats(rows(1, "DID", "US", "A"))));
    assertFalse(PhoneRules.noTollFree(stats(rows(1, "DID", "US", "A"), rows(1, "TOLL_FREE", "US", "A"))));
    assertFalse(PhoneRules.noTollFree(stats(rows(2, "UIFN", "US", "A"))));
  }

  @Test
  void fewerTollFreeThanDid_needsBothAndFewerTollFree() {
    assertTrue(PhoneRules.fewerTollFreeThanDid(stats(rows(1, "TOLL_FREE", "US", "A"), rows(2, "DID", "US", "A"))));
    assertFalse(PhoneRules.fewerTollFreeThanDid(stats(rows(2, "TOLL_FREE", "US", "A"), rows(2, "DID", "US", "A"))));
    assertFalse(PhoneRules.fewerTollFreeThanDid(stats(rows(2, "DID", "US", "A"))));
    assertFalse(PhoneRules.fewerTollFreeThanDid(stats(rows(2, "TOLL_FREE", "US", "A"))));
  }

  @Test
  void highTollFreeShare_isAbove70PercentAsShown_70IsNot_70point1Is() {
    PhoneStats seventy = stats(rows(7, "TOLL_FREE", "US", "A"), rows(3, "DID", "US", "A"));
    PhoneStats seventyPointOne = stats(rows(701, "TOLL_FREE", "US", "A"), rows(299, "DID", "US", "A"));

    assertEquals(0, new BigDecimal("70.0").compareTo(seventy.tollFreePercent()));
    assertFalse(PhoneRules.highTollFreeShare(seventy));
    assertEquals(0, new BigDecimal("70.1").compareTo(seventyPointOne.tollFreePercent()));
    assertTrue(PhoneRules.highTollFreeShare(seventyPointOne));
  }

  @Test
  void costReview_needsMoreTollFreeThanDidAndMoreThanFive() {
    assertTrue(PhoneRules.costReview(stats(rows(6, "TOLL_FREE", "US", "A"), rows(5, "DID", "US", "A"))));
    assertFalse(PhoneRules.costReview(stats(rows(6, "TOLL_FREE", "US", "A"), rows(6, "DID", "US", "A"))));
    assertFalse(PhoneRules.costReview(stats(rows(5, "TOLL_FREE", "US", "A"))));
    assertTrue(PhoneRules.costReview(stats(rows(6, "TOLL_FREE", "US", "A"))));
  }

  @Test
  void noShortCode_needsMoreThanFiveNumbersAndNoShortCode() {
    assertTrue(PhoneRules.noShortCode(stats(rows(6, "DID", "US", "A"))));
    assertFalse(PhoneRules.noShortCode(stats(rows(5, "DID", "US", "A"))));
    assertFalse(PhoneRules.noShortCode(stats(rows(5, "DID", "US", "A"), rows(1, "SHORT_CODE", "US", "A"))));
  }

  // ---- insights and recommendations ----

  @Test
  void insights_followUpstreamConditions() {
    List<Insight> manyTollFree = PhoneRules.insights(stats(rows(18, "TOLL_FREE", "US", "A"), rows(2, "DID", "GB", "B"),
        rows(1, "UIFN", "DE", "C"), rows(1, "SHORT_CODE", "US", "A")));
    // 18 TF of 22 = 81.8 %, 3 countries, UIFN, short code, > 20 numbers.
    assertEquals(List.of("warning", "positive", "positive", "positive", "info"),
        manyTollFree.stream().map(Insight::type).toList());
    assertTrue(manyTollFree.get(0).message().contains("81.8 %"), manyTollFree.get(0).message());
    assertTrue(manyTollFree.get(1).message().contains("3 countries"), manyTollFree.get(1).message());
    assertTrue(manyTollFree.get(4).message().contains("22 numbers"), manyTollFree.get(4).message());

    List<Insight> fewTollFree = PhoneRules.insights(stats(rows(1, "TOLL_FREE", "US", "A"), rows(5, "DID", "US", "A")));
    // 16.7 % TF (low), 83.3 % DID (> 50), 5 DIDs in one country (> 3).
    assertEquals(List.of("info", "info", "info"), fewTollFree.stream().map(Insight::type).toList());
    assertTrue(fewTollFree.get(0).message().startsWith("Low toll-free usage (16.7 %)"));
    assertTrue(fewTollFree.get(2).message().equals("5 DIDs, all in US"), fewTollFree.get(2).message());

    // 20 % TF is not low, 50 % DID is not "mostly", 3 DIDs in one country not enough.
    assertTrue(PhoneRules.insights(stats(rows(1, "TOLL_FREE", "US", "A"), rows(4, "SHARED", "US", "A")))
        .isEmpty());
    assertTrue(PhoneRules.insights(stats(rows(1, "DID", "US", "A"), rows(1, "TOLL_FREE", "US", "A"))).isEmpty());
  }

  @Test
  void recommendations_carryUpstreamPriorities() {
    List<Recommendation> recs = PhoneRules.recommendations(stats(rows(6, "DID", "US", "A")));
    assertEquals(List.of("high|Carrier Diversity", "medium|Cost vs Resilience", "low|Capability"),
        recs.stream().map(r -> r.priority() + "|" + r.category()).toList());

    List<Recommendation> mix = PhoneRules.recommendations(stats(rows(1, "TOLL_FREE", "US", "A"),
        rows(2, "DID", "US", "B")));
    assertEquals(List.of("medium|Resilience"), mix.stream().map(r -> r.priority() + "|" + r.category()).toList());

    List<Recommendation> tollFreeHeavy = PhoneRules.recommendations(stats(rows(6, "TOLL_FREE", "US", "A"),
        rows(1, "DID", "US", "B"), rows(1, "SHORT_CODE", "US", "B")));
    assertEquals(List.of("low|Cost Optimization"),
        tollFreeHeavy.stream().map(r -> r.priority() + "|" + r.category()).toList());
  }
}
