package com.connectopsreview.phone;

/**
 * Every checkId the phone analyzer emits. Stable once released; documented in {@code docs/checks.md}
 * (section "phone").
 */
public final class CheckIds {

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
