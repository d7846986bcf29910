package com.connectopsreview.local.sandbox.telephony;

import com.connectopsreview.local.sandbox.EntityList;
import com.connectopsreview.local.sandbox.SandboxDomain;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.local.sandbox.server.Pager;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * The numbers claimed to the instance, with their carrier, claim status and whether a flow answers
 * them: they carry the telephony plants of {@code PlantedProblems.phone()} (see
 * {@link TelephonyGenerator} for which number carries which).
 */
public final class TelephonyDomain implements SandboxDomain {

  /**
   * A number claimed to the instance.
   *
   * @param carrier the carrier Pinpoint's PhoneNumberValidate reports for it
   * @param status DescribePhoneNumber's PhoneNumberStatus.Status: CLAIMED, IN_PROGRESS or FAILED
   * @param statusMessage PhoneNumberStatus.Message; null for CLAIMED
   * @param used whether a flow answers it (ListFlowAssociations); every number targets the instance
   */
  public record PhoneNumber(
      int index, String id, String arn, String number, String countryCode, String type, String carrier,
      String description, String status, String statusMessage, boolean used) {}

  private final EntityList<PhoneNumber> phoneNumbers;

  TelephonyDomain(EntityList<PhoneNumber> phoneNumbers) {
    this.phoneNumbers = phoneNumbers;
  }

  public static TelephonyDomain of(Scenario scenario) {
    return scenario.domain(TelephonyDomain.class);
  }

  public EntityList<PhoneNumber> phoneNumbers() {
    return phoneNumbers;
  }

  /** Numbers no flow answers (unused): absent from ListFlowAssociations. */
  public List<PhoneNumber> unusedPhoneNumbers() {
    return phoneNumbers.stream().filter(n -> !n.used()).toList();
  }

  /** Numbers whose DescribePhoneNumber status is {@code status} (CLAIMED, IN_PROGRESS or FAILED). */
  public List<PhoneNumber> phoneNumbersWithStatus(String status) {
    return phoneNumbers.stream().filter(n -> n.status().equals(status)).toList();
  }

  /** The number with this E.164 value, if the scenario has it. */
  public Optional<PhoneNumber> phoneNumberByE164(String e164) {
    return phoneNumbers.stream().filter(n -> n.number().equals(e164)).findFirst();
  }

  @Override
  public void register(OperationRegistry registry, Scenario scenario, Pager pager) {
    new TelephonyApi(this, scenario, pager).register(registry);
    new PinpointApi(this).register(registry);
  }

  @Override
  public void writeJson(JsonGenerator g) throws IOException {
    phoneNumbers.writeJson(g, "phoneNumbers");
  }
}
