package com.connectopsreview.phone;

/** Where a number's carrier came from in this review. */
public enum CarrierSource {
  /** The carrier cache of an earlier review (looked up at most 180 days ago). */
  CACHE,
  /** Pinpoint {@code PhoneNumberValidate} in this review. */
  LOOKUP,
  /** Not known this review: the lookup failed or was not made (access, time). */
  UNKNOWN
}
