package com.connectopsreview.local.sandbox.telephony;

import com.connectopsreview.local.sandbox.EntityList;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.ScenarioBasis;
import com.connectopsreview.local.sandbox.Seeded;
import com.connectopsreview.local.sandbox.telephony.TelephonyDomain.PhoneNumber;
import java.util.Locale;

/**
 * Builds the {@link TelephonyDomain}. Index pattern: i % 10 == 9 is a UK DID (Ofcom's drama range
 * 020 7946 0xxx; two carriers, alternating by tens), i % 5 == 0 a US toll-free number, the rest US
 * DIDs in the fictional 555-01xx range. Numbers are unique up to 5,000 (HUGE). Every US DID comes
 * from one carrier; {@link #FAILED_NUMBER_INDEX} and {@link #IN_PROGRESS_NUMBER_INDEX} are the only
 * numbers not CLAIMED; every sixth number (index % 6 == 4) has no target (unused). Planted for the
 * telephony analyzer (PlantedProblems.phone()).
 */
public final class TelephonyGenerator {

  /** Sixty geographic area codes; US DID numbers use the 555-0100..0199 range reserved for fiction. */
  private static final String[] AREA_CODES = {
      "201", "202", "203", "205", "206", "207", "208", "209", "210", "212", "213", "214", "215", "216", "217",
      "218", "219", "224", "225", "228", "229", "231", "234", "239", "240", "248", "251", "252", "253", "254",
      "256", "260", "262", "267", "269", "270", "272", "276", "281", "301", "302", "303", "304", "305", "307",
      "308", "309", "310", "312", "313", "314", "315", "316", "317", "318", "319", "320", "321", "323", "325"};
  private static final String[] TOLL_FREE_CODES = {"800", "833", "844", "855", "866", "877", "888"};

  /** Every US DID's carrier: the single-carrier plant (PHONE.CARRIER.SINGLE_IN_COUNTRY for US). */
  public static final String CARRIER_US_DID = "Northwind Telecom";
  public static final String CARRIER_US_TOLL_FREE = "Contoso Networks";
  /** UK DIDs alternate between two carriers (by tens of the index), so GB is never single-carrier. */
  public static final String CARRIER_GB = "Fabrikam Telecom UK";
  public static final String CARRIER_GB_SECOND = "Litware Voice UK";

  /** The one number whose claim FAILED (a US DID, present in every size). */
  public static final int FAILED_NUMBER_INDEX = 7;
  /** The one number whose claim is IN_PROGRESS (a US DID, present in every size). */
  public static final int IN_PROGRESS_NUMBER_INDEX = 3;
  /** Numbers with {@code index % UNUSED_NUMBER_MODULUS == UNUSED_NUMBER_REMAINDER} are answered by no flow. */
  public static final int UNUSED_NUMBER_MODULUS = 6;
  public static final int UNUSED_NUMBER_REMAINDER = 4;

  private final ScenarioBasis basis;
  private final long seed;
  private final int areaCodeOffset;

  private TelephonyGenerator(ScenarioBasis basis) {
    this.basis = basis;
    this.seed = basis.seed();
    this.areaCodeOffset = Seeded.pick(seed, "area-codes", 0, AREA_CODES.length);
  }

  public static TelephonyDomain generate(ScenarioBasis basis, Scenario earlier) {
    TelephonyGenerator generator = new TelephonyGenerator(basis);
    return new TelephonyDomain(new EntityList<>(basis.counts().phoneNumbers(), generator::phoneNumber,
        i -> Seeded.uuid(basis.seed(), "number", i)));
  }

  PhoneNumber phoneNumber(int i) {
    String id = Seeded.uuid(seed, "number", i);
    String arn = "arn:aws:connect:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID + ":phone-number/" + id;
    String status = i == FAILED_NUMBER_INDEX ? "FAILED" : i == IN_PROGRESS_NUMBER_INDEX ? "IN_PROGRESS" : "CLAIMED";
    String message = switch (status) {
      case "FAILED" -> "The phone number could not be claimed: the carrier rejected the order. "
          + "Release the number and claim another one.";
      case "IN_PROGRESS" -> "The phone number claim is in progress.";
      default -> null;
    };
    boolean used = i % UNUSED_NUMBER_MODULUS != UNUSED_NUMBER_REMAINDER;
    int block = i / 100;
    String last2 = String.format(Locale.ROOT, "%02d", i % 100);
    if (i % 10 == 9) {
      return new PhoneNumber(i, id, arn, String.format(Locale.ROOT, "+442079460%03d", (i / 10) % 1000), "GB",
          "DID", (i / 10) % 2 == 0 ? CARRIER_GB : CARRIER_GB_SECOND, basis.department(i) + " UK line", status,
          message, used);
    }
    if (i % 5 == 0) {
      String number = "+1" + TOLL_FREE_CODES[block % TOLL_FREE_CODES.length] + "5550" + (1 + block / 7 % 9) + last2;
      return new PhoneNumber(i, id, arn, number, "US", "TOLL_FREE", CARRIER_US_TOLL_FREE,
          basis.department(i) + " toll-free line", status, message, used);
    }
    String number = "+1" + AREA_CODES[(block + areaCodeOffset) % AREA_CODES.length] + "55501" + last2;
    return new PhoneNumber(i, id, arn, number, "US", "DID", CARRIER_US_DID, basis.department(i) + " direct line",
        status, message, used);
  }
}
