package com.connectopsreview.phone;

import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.TimeWindow;
import com.connectopsreview.shared.sections.PhoneSection.CarrierSource;
import com.connectopsreview.shared.sections.PhoneSection.NumberRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.connect.model.ListPhoneNumbersSummary;

/** Shared test data: the instance of the request fixture, numbers, request and finding helpers. */
final class Fixtures {

  static final String INSTANCE_ID = "11111111-2222-3333-4444-555555555555";
  static final String INSTANCE_ARN = "arn:aws:connect:us-east-1:123456789012:instance/" + INSTANCE_ID;
  static final InstanceRef INSTANCE = InstanceRef.parse(INSTANCE_ARN);
  static final String REVIEW_ID = "20261123T090000Z-abcdef";
  static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
  static final TimeWindow WINDOW = new TimeWindow(NOW.minusSeconds(14 * 86_400L), NOW);
  static final String ACCESS_URL = "https://contoso.my.connect.aws";
  static final String PHONE_NUMBERS_URL = "https://contoso.my.connect.aws/numbers#/";
  static final String TELEPHONY_URL = "https://us-east-1.console.aws.amazon.com/connect/v2/app/instances/"
      + INSTANCE_ID + "/telephony?region=us-east-1";

  private Fixtures() {}

  static AnalyzerRequest request(Instant deadline) {
    return new AnalyzerRequest(REVIEW_ID, "phone", INSTANCE, WINDOW, deadline, Map.of());
  }

  static String arn(String phoneNumberId) {
    return "arn:aws:connect:us-east-1:123456789012:phone-number/" + phoneNumberId;
  }

  /** A listed number targeting the instance ({@code targeted} false: no TargetArn, i.e. unused). */
  static ListPhoneNumbersSummary listed(String id, String number, String country, String type, boolean targeted) {
    return ListPhoneNumbersSummary.builder().phoneNumberId(id).phoneNumberArn(arn(id)).phoneNumber(number)
        .phoneNumberCountryCode(country).phoneNumberType(type).targetArn(targeted ? INSTANCE_ARN : null)
        .phoneNumberDescription("desc " + id).build();
  }

  /** A data row as the analyzer builds it, for the rules and findings tests. */
  static NumberRow row(String id, String type, String country, String carrier) {
    return row(id, type, country, carrier, false, null);
  }

  static NumberRow row(String id, String type, String country, String carrier, boolean unused, String status) {
    return new NumberRow(id, arn(id), "+1202555" + String.format("%04d", Math.abs(id.hashCode()) % 10000), country,
        type, unused ? null : INSTANCE_ARN, null, carrier,
        PhoneStats.UNKNOWN_CARRIER.equals(carrier) ? CarrierSource.UNKNOWN : CarrierSource.LOOKUP, status,
        status == null ? null : "message of " + id, status == null ? null : NOW, unused);
  }

  static Finding only(List<Finding> findings, String checkId) {
    List<Finding> matching = findings.stream().filter(f -> f.checkId().equals(checkId)).toList();
    if (matching.size() != 1) {
      throw new AssertionError("expected exactly one " + checkId + " but found " + matching.size() + " in "
          + checkIds(findings));
    }
    return matching.get(0);
  }

  static List<Finding> all(List<Finding> findings, String checkId) {
    return findings.stream().filter(f -> f.checkId().equals(checkId)).toList();
  }

  static List<String> checkIds(List<Finding> findings) {
    return findings.stream().map(Finding::checkId).toList();
  }


}
