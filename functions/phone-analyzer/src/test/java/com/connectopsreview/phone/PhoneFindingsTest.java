package com.connectopsreview.phone;

import static com.connectopsreview.phone.Fixtures.INSTANCE;
import static com.connectopsreview.phone.Fixtures.INSTANCE_ARN;
import static com.connectopsreview.phone.Fixtures.PHONE_NUMBERS_URL;
import static com.connectopsreview.phone.Fixtures.all;
import static com.connectopsreview.phone.Fixtures.checkIds;
import static com.connectopsreview.phone.Fixtures.only;
import static com.connectopsreview.phone.Fixtures.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.phone.PhoneFindings.StatusCoverage;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Pillar;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.PhoneSection.CheckIds;
import com.connectopsreview.shared.sections.PhoneSection.NumberRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each checkId's severity, pillar, resource, link and evidence, positive and negative. */
class PhoneFindingsTest {

  private static final StatusCoverage ALL_CHECKED = new StatusCoverage(0, 0, false);

  private final PhoneFindings findings = new PhoneFindings(INSTANCE, PHONE_NUMBERS_URL);

  private List<Finding> of(List<NumberRow> rows) {
    return of(rows, ALL_CHECKED);
  }

  private List<Finding> of(List<NumberRow> rows, StatusCoverage coverage) {
    return findings.of(PhoneStats.of(rows), rows, coverage);
  }

  @Test
  void noNumbers_givesOnlyNumbersNone() {
    List<Finding> result = of(List.of());

    assertEquals(List.of(CheckIds.NUMBERS_NONE), checkIds(result));
    Finding none = result.get(0);
    assertEquals(Severity.INFO, none.severity());
    assertEquals(INSTANCE_ARN, none.resource());
    assertEquals(PHONE_NUMBERS_URL, none.consoleUrl());
  }

  @Test
  void singleCarrier_isHighReliabilityOnTheInstance_andNotRaisedForTwoCarriers() {
    Finding single = only(of(List.of(row("a", "DID", "US", "Verizon"), row("b", "TOLL_FREE", "US", "Verizon"))),
        CheckIds.CARRIER_SINGLE);

    assertEquals(Severity.HIGH, single.severity());
    assertEquals(Pillar.RELIABILITY, single.pillar());
    assertEquals(INSTANCE_ARN, single.resource());
    assertEquals("Verizon", single.evidence().get("carrier"));
    assertEquals(2L, single.evidence().get("totalNumbers"));
    assertEquals(Map.of("Verizon", 2L), single.evidence().get("byCarrier"));

    List<Finding> two = of(List.of(row("a", "DID", "US", "Verizon"), row("b", "TOLL_FREE", "US", "Lumen")));
    assertTrue(all(two, CheckIds.CARRIER_SINGLE).isEmpty());
    assertTrue(all(of(List.of(row("a", "DID", "US", "Verizon"))), CheckIds.CARRIER_SINGLE).isEmpty());
  }

  @Test
  void singleCarrierInCountry_isOnePerCountryWithTheCountryAsResource() {
    List<Finding> result = of(List.of(row("us1", "DID", "US", "Verizon"), row("us2", "DID", "US", "Verizon"),
        row("gb1", "DID", "GB", "BT"), row("gb2", "DID", "GB", "BT"), row("gb3", "DID", "GB", "BT"),
        row("de1", "DID", "DE", "Telekom"), row("de2", "DID", "DE", "Vodafone")));

    List<Finding> countries = all(result, CheckIds.CARRIER_SINGLE_IN_COUNTRY);
    assertEquals(List.of("GB", "US"), countries.stream().map(Finding::resource).toList());
    Finding gb = countries.get(0);
    assertEquals(Severity.MEDIUM, gb.severity());
    assertEquals(Pillar.RELIABILITY, gb.pillar());
    assertEquals("BT", gb.evidence().get("carrier"));
    assertEquals(3L, gb.evidence().get("didCount"));
    assertEquals(3, ((List<?>) gb.evidence().get("numbers")).size());
    assertTrue(all(result, CheckIds.CARRIER_SINGLE).isEmpty(), "three carriers overall");
  }

  @Test
  void tollFreeRules_fireWithTheirFixedSeveritiesAndPillars() {
    Finding none = only(of(List.of(row("a", "DID", "US", "A"))), CheckIds.TOLL_FREE_NONE);
    assertEquals(Severity.MEDIUM, none.severity());
    assertEquals(Pillar.RELIABILITY, none.pillar());

    List<Finding> fewer = of(List.of(row("t", "TOLL_FREE", "US", "A"), row("d1", "DID", "US", "B"),
        row("d2", "DID", "US", "A")));
    assertEquals(Severity.MEDIUM, only(fewer, CheckIds.TOLL_FREE_FEWER_THAN_DID).severity());
    assertTrue(all(fewer, CheckIds.TOLL_FREE_NONE).isEmpty());

    List<NumberRow> heavy = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      heavy.add(row("t" + i, "TOLL_FREE", "US", i % 2 == 0 ? "A" : "B"));
    }
    heavy.add(row("d", "DID", "US", "A"));
    List<Finding> result = of(heavy);
    Finding share = only(result, CheckIds.TOLL_FREE_HIGH_SHARE);
    assertEquals(Severity.LOW, share.severity());
    assertEquals(Pillar.COST, share.pillar());
    assertEquals(0, new java.math.BigDecimal("88.9").compareTo((java.math.BigDecimal) share.evidence()
        .get("tollFreePercent")));
    Finding mix = only(result, CheckIds.MIX_COST_REVIEW);
    assertEquals(Severity.LOW, mix.severity());
    assertEquals(Pillar.COST, mix.pillar());
    Finding sms = only(result, CheckIds.SMS_NO_SHORT_CODE);
    assertEquals(Severity.INFO, sms.severity());
    assertTrue(all(result, CheckIds.TOLL_FREE_FEWER_THAN_DID).isEmpty());
    assertTrue(all(result, CheckIds.TOLL_FREE_NONE).isEmpty());
  }

  @Test
  void unusedNumbers_areLowCostPerNumberWithTheDailyChargeAndTotalInTheSummary() {
    List<NumberRow> rows = new ArrayList<>();
    for (int i = 0; i < 22; i++) {
      rows.add(row("u" + i, "DID", "US", "A", true, null));
    }
    rows.add(row("used", "DID", "US", "B", false, null));

    List<Finding> result = of(rows);

    List<Finding> unused = all(result, CheckIds.NUMBER_UNUSED);
    assertEquals(22, unused.size());
    Finding first = unused.get(0);
    assertEquals(Severity.LOW, first.severity());
    assertEquals(Pillar.COST, first.pillar());
    assertEquals(Fixtures.arn("u0"), first.resource());
    assertEquals(PHONE_NUMBERS_URL, first.consoleUrl());
    assertTrue(first.detail().contains("daily fee"), first.detail());
    assertEquals("u0", first.evidence().get("phoneNumberId"));
    Finding summary = only(result, CheckIds.INVENTORY_SUMMARY);
    assertEquals(22L, summary.evidence().get("unusedNumbers"));
    assertTrue(summary.title().endsWith(", 22 unused"), summary.title());
    assertFalse(unused.stream().anyMatch(f -> f.resource().equals(Fixtures.arn("used"))));
  }

  @Test
  void statusFindings_failedIsHighInProgressIsLow_claimedAndUncheckedGiveNone() {
    List<Finding> result = of(List.of(row("f", "DID", "US", "A", false, "FAILED"),
        row("p", "DID", "US", "B", false, "IN_PROGRESS"), row("c", "DID", "US", "A", false, "CLAIMED"),
        row("n", "DID", "US", "B", false, null)));

    Finding failed = only(result, CheckIds.NUMBER_FAILED);
    assertEquals(Severity.HIGH, failed.severity());
    assertEquals(Pillar.OPERATIONAL_EXCELLENCE, failed.pillar());
    assertEquals(Fixtures.arn("f"), failed.resource());
    assertEquals("message of f", failed.evidence().get("statusMessage"));
    Finding progress = only(result, CheckIds.NUMBER_IN_PROGRESS);
    assertEquals(Severity.LOW, progress.severity());
    assertEquals(Pillar.OPERATIONAL_EXCELLENCE, progress.pillar());
    assertEquals("IN_PROGRESS", progress.evidence().get("status"));
  }

  @Test
  void partialCheck_onlyWhenTheSubBudgetLeftNumbersUnchecked() {
    List<NumberRow> rows = List.of(row("a", "DID", "US", "A"), row("b", "DID", "US", "B"));

    Finding partial = only(of(rows, new StatusCoverage(1, 1, true)), CheckIds.STATUS_PARTIAL_CHECK);
    assertEquals(Severity.INFO, partial.severity());
    assertEquals(1L, partial.evidence().get("statusChecked"));
    assertEquals(1L, partial.evidence().get("statusNotChecked"));
    assertTrue(partial.title().equals("Status checked for 1 of 2 numbers this review"), partial.title());

    assertTrue(all(of(rows, new StatusCoverage(2, 0, false)), CheckIds.STATUS_PARTIAL_CHECK).isEmpty());
    // Not checked because DescribePhoneNumber was denied: that is an error of the component, not this INFO.
    assertTrue(all(of(rows, new StatusCoverage(0, 2, false)), CheckIds.STATUS_PARTIAL_CHECK).isEmpty());
  }

  @Test
  void summary_isAlwaysThereWithTheCounts() {
    List<Finding> result = of(List.of(row("a", "DID", "US", "A"), row("b", "UIFN", "DE", "Unknown"),
        row("c", "THIRD_PARTY_TF", "US", "B")));

    Finding summary = only(result, CheckIds.INVENTORY_SUMMARY);
    assertEquals(Severity.INFO, summary.severity());
    assertEquals(3L, summary.evidence().get("totalNumbers"));
    assertEquals(2L, summary.evidence().get("carrierDiversityScore"));
    assertEquals(1L, summary.evidence().get("unknownCarrierNumbers"));
    assertEquals(2L, summary.evidence().get("countriesCount"));
    assertEquals(true, summary.evidence().get("hasUifn"));
    assertEquals(false, summary.evidence().get("hasShortCode"));
    assertEquals(true, summary.evidence().get("hasThirdParty"));
    assertTrue(summary.detail().contains("International presence in 2 countries"), summary.detail());
    assertEquals(Set.of(CheckIds.INVENTORY_SUMMARY, CheckIds.TOLL_FREE_NONE), Set.copyOf(checkIds(result)));
  }
}
