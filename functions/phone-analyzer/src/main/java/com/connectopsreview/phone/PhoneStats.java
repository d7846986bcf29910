package com.connectopsreview.phone;

import com.connectopsreview.shared.analyzer.Percent;
import com.connectopsreview.shared.sections.PhoneSection;
import com.connectopsreview.shared.sections.PhoneSection.DiversityRow;
import com.connectopsreview.shared.sections.PhoneSection.NumberRow;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts over the inventory (upstream-spec §1.7 aggregates, with the fix of §6 item 15: diversity is
 * the number of distinct known carriers, never of (country, carrier) pairs, and "Unknown" is not a
 * carrier).
 *
 * @param byType counts per PhoneNumberType (TOLL_FREE, DID, UIFN, SHARED, THIRD_PARTY_TF, THIRD_PARTY_DID,
 *     SHORT_CODE, or what Connect answers)
 * @param knownCarriers distinct carrier names, "Unknown" excluded
 * @param unknownCarrierNumbers numbers whose carrier is "Unknown"
 * @param singleCarrierCountries countries with at least 2 DIDs, every one of a known carrier, all the same one
 */
public record PhoneStats(
    long total,
    Map<String, Long> byType,
    Map<String, Long> byCountry,
    Map<String, Long> byCarrier,
    SortedSet<String> knownCarriers,
    long unknownCarrierNumbers,
    long tollFree,
    long did,
    long uifn,
    long shortCode,
    long thirdParty,
    long unused,
    BigDecimal tollFreePercent,
    BigDecimal didPercent,
    List<DiversityRow> diversityTable,
    List<DiversityRow> singleCarrierCountries) {

  public static final String UNKNOWN_CARRIER = PhoneSection.UNKNOWN_CARRIER;
  public static final String TOLL_FREE = "TOLL_FREE";
  public static final String DID = "DID";
  public static final String UIFN = "UIFN";
  public static final String SHORT_CODE = "SHORT_CODE";
  public static final String THIRD_PARTY_TF = "THIRD_PARTY_TF";
  public static final String THIRD_PARTY_DID = "THIRD_PARTY_DID";

  public static PhoneStats of(List<NumberRow> rows) {
    Map<String, Long> byType = new TreeMap<>();
    Map<String, Long> byCountry = new TreeMap<>();
    Map<String, Long> byCarrier = new TreeMap<>();
    SortedSet<String> known = new TreeSet<>();
    long unknown = 0;
    long unused = 0;
    Map<String, List<String>> pairs = new LinkedHashMap<>();
    Map<String, List<NumberRow>> didsByCountry = new TreeMap<>();
    for (NumberRow row : rows) {
      byType.merge(row.type(), 1L, Long::sum);
      byCountry.merge(row.country(), 1L, Long::sum);
      byCarrier.merge(row.carrier(), 1L, Long::sum);
      if (isUnknown(row.carrier())) {
        unknown++;
      } else {
        known.add(row.carrier());
      }
      if (row.unused()) {
        unused++;
      }
      pairs.computeIfAbsent(row.country() + "|" + row.carrier(), k -> new ArrayList<>()).add(row.number());
      if (DID.equals(row.type())) {
        didsByCountry.computeIfAbsent(row.country(), k -> new ArrayList<>()).add(row);
      }
    }
    long total = rows.size();
    long tollFree = byType.getOrDefault(TOLL_FREE, 0L);
    long did = byType.getOrDefault(DID, 0L);
    return new PhoneStats(total, byType, byCountry, byCarrier, known, unknown, tollFree, did,
        byType.getOrDefault(UIFN, 0L), byType.getOrDefault(SHORT_CODE, 0L),
        byType.getOrDefault(THIRD_PARTY_TF, 0L) + byType.getOrDefault(THIRD_PARTY_DID, 0L), unused,
        percent(tollFree, total), percent(did, total), diversityTable(pairs), singleCarrierCountries(didsByCountry));
  }

  public int carrierDiversityScore() {
    return knownCarriers.size();
  }

  public int countriesCount() {
    return byCountry.size();
  }

  static boolean isUnknown(String carrier) {
    return carrier == null || UNKNOWN_CARRIER.equals(carrier);
  }

  /** {@code part / whole · 100}, 1 dp half up; null when {@code whole} is 0. */
  static BigDecimal percent(long part, long whole) {
    return whole == 0 ? null : Percent.of(part, whole);
  }

  private static List<DiversityRow> diversityTable(Map<String, List<String>> pairs) {
    List<DiversityRow> table = new ArrayList<>();
    pairs.forEach((key, numbers) -> {
      int bar = key.indexOf('|');
      table.add(new DiversityRow(key.substring(0, bar), key.substring(bar + 1), numbers.size(), List.copyOf(numbers)));
    });
    table.sort(Comparator.comparingLong(DiversityRow::count).reversed()
        .thenComparing(DiversityRow::country).thenComparing(DiversityRow::carrier));
    return List.copyOf(table);
  }

  private static List<DiversityRow> singleCarrierCountries(Map<String, List<NumberRow>> didsByCountry) {
    List<DiversityRow> single = new ArrayList<>();
    didsByCountry.forEach((country, dids) -> {
      if (dids.size() < 2 || dids.stream().anyMatch(d -> isUnknown(d.carrier()))) {
        return;
      }
      String carrier = dids.get(0).carrier();
      if (dids.stream().allMatch(d -> carrier.equals(d.carrier()))) {
        single.add(new DiversityRow(country, carrier, dids.size(), dids.stream().map(NumberRow::number).toList()));
      }
    });
    return List.copyOf(single);
  }
}
