package com.connectopsreview.local.sandbox.telephony;

import static com.connectopsreview.local.sandbox.server.Payload.object;

import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.server.AwsService;
import com.connectopsreview.local.sandbox.server.Call;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter.Limit;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Amazon Pinpoint's phone-number validation over REST-JSON, as the SDK 2.40.2 PinpointClient calls
 * it: {@code POST /v1/phone/number/validate} whose body is the NumberValidateRequest itself
 * ({@code {"PhoneNumber", "IsoCountryCode"}}, the operation's payload member) and whose answer is the
 * NumberValidateResponse itself. The scenario's numbers answer with their carrier; any other number
 * answers {@code PhoneType INVALID} (the sandbox's numbers are fictional, it knows no others).
 */
final class PinpointApi {

  /**
   * Amazon Pinpoint, REST-JSON ({@code /v1/...}), signed as {@code mobiletargeting}; errors as status +
   * {@code x-amzn-ErrorType} + {@code {"Message", "RequestID"}}.
   */
  static final AwsService PINPOINT = AwsService.restJson("Pinpoint", "mobiletargeting", "mobiletargeting",
      new AwsService.Errors("TooManyRequestsException", 429, operation -> "Too many requests",
          "InternalServerErrorException", "Internal server error", "NotFoundException", 404,
          "BadRequestException", "BadRequestException"),
      scenario -> "arn:aws:mobiletargeting:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID + ":phone/number/validate")
      .withRequestIdInErrors();

  /** Amazon Pinpoint's documented default for PhoneNumberValidate: 20 requests per second (burst and rate). */
  static final Limit VALIDATE = new Limit(20, 20);

  private final TelephonyDomain telephony;
  /** E.164 number to its index, built on first use (HUGE has 5,000 numbers). */
  private volatile Map<String, Integer> byNumber;

  PinpointApi(TelephonyDomain telephony) {
    this.telephony = telephony;
  }

  void register(OperationRegistry r) {
    r.rest(PINPOINT, "PhoneNumberValidate", "POST", "/v1/phone/number/validate", VALIDATE, this::phoneNumberValidate);
  }

  private JsonNode phoneNumberValidate(Call call) {
    String original = call.string("PhoneNumber");
    if (original == null || original.isBlank()) {
      throw call.service().invalidParameter("PhoneNumber is required");
    }
    String iso = call.string("IsoCountryCode");
    String e164 = cleanse(original, iso);
    Integer index = e164 == null ? null : numbers().get(e164);
    if (index == null) {
      return object(
          "OriginalPhoneNumber", original,
          "OriginalCountryCodeIso2", iso,
          "PhoneType", "INVALID",
          "PhoneTypeCode", 3);
    }
    TelephonyDomain.PhoneNumber n = telephony.phoneNumbers().get(index);
    boolean us = n.countryCode().equals("US");
    // Toll-free numbers are not mobile or VoIP lines; Pinpoint classes them as landlines.
    String phoneType = n.type().equals("TOLL_FREE") ? "LANDLINE" : "VOIP";
    return object(
        "Carrier", n.carrier(),
        "City", us ? null : "London",
        "CleansedPhoneNumberE164", n.number(),
        "CleansedPhoneNumberNational", us ? n.number().substring(2) : "0" + n.number().substring(3),
        "Country", us ? "United States" : "United Kingdom",
        "CountryCodeIso2", n.countryCode(),
        "CountryCodeNumeric", us ? "1" : "44",
        "OriginalCountryCodeIso2", iso == null ? n.countryCode() : iso,
        "OriginalPhoneNumber", original,
        "PhoneType", phoneType,
        "PhoneTypeCode", phoneType.equals("VOIP") ? 2 : 1,
        "Timezone", us ? "America/New_York" : "Europe/London");
  }

  /**
   * The E.164 form of what the caller sent: digits with a leading '+' as they are; a national
   * number with its country's prefix (US: 10 digits, GB: leading 0); null when it cannot be one.
   */
  static String cleanse(String number, String isoCountryCode) {
    String digits = number.replaceAll("[^0-9]", "");
    if (number.trim().startsWith("+")) {
      return "+" + digits;
    }
    String iso = isoCountryCode == null ? "" : isoCountryCode.toUpperCase(Locale.ROOT);
    if (iso.equals("US") && digits.length() == 10) {
      return "+1" + digits;
    }
    if (iso.equals("GB") && digits.startsWith("0")) {
      return "+44" + digits.substring(1);
    }
    return digits.isEmpty() ? null : "+" + digits;
  }

  private Map<String, Integer> numbers() {
    Map<String, Integer> map = byNumber;
    if (map == null) {
      map = new HashMap<>();
      for (int i = 0; i < telephony.phoneNumbers().size(); i++) {
        map.put(telephony.phoneNumbers().get(i).number(), i);
      }
      byNumber = map;
    }
    return map;
  }
}
