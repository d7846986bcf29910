package com.connectopsreview.phone;

import com.connectopsreview.shared.json.Json;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The phone component's cache document for one instance, kept in the store across reviews: per
 * phone-number id the carrier Pinpoint named (a number's carrier rarely changes) and when the
 * number's status was last checked (so each review checks the least recently checked first).
 *
 * <pre>{"version":1,"numbers":{"&lt;phoneNumberId&gt;":{"number","carrier","phoneType","carrierCheckedAt",
 *   "statusCheckedAt"}}}</pre>
 */
final class PhoneCache {

  static final int VERSION = 1;
  /** A carrier looked up longer ago than this is looked up again (numbers can be ported). */
  static final Duration CARRIER_MAX_AGE = Duration.ofDays(180);

  /**
   * What the cache knows about one number.
   *
   * @param number the E.164 number the carrier belongs to (a reused id with another number is a miss)
   * @param carrier null when Pinpoint answered without one
   * @param carrierCheckedAt null when the carrier was never looked up successfully
   * @param statusCheckedAt null when the status was never checked
   * @param status the status found then (CLAIMED, IN_PROGRESS, FAILED), shown until the number is checked again
   * @param statusMessage its message, if any
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Entry(String number, String carrier, String phoneType, Instant carrierCheckedAt, Instant statusCheckedAt,
      String status, String statusMessage) {

    Entry withCarrier(String newCarrier, String newPhoneType, Instant checkedAt) {
      return new Entry(number, newCarrier, newPhoneType, checkedAt, statusCheckedAt, status, statusMessage);
    }

    Entry withStatus(String newStatus, String newMessage, Instant checkedAt) {
      return new Entry(number, carrier, phoneType, carrierCheckedAt, checkedAt, newStatus, newMessage);
    }

    /** The carrier, if it was looked up for {@code currentNumber} no more than 180 days before {@code now}. */
    boolean hasFreshCarrier(String currentNumber, Instant now) {
      return carrierCheckedAt != null && number != null && number.equals(currentNumber)
          && !carrierCheckedAt.isBefore(now.minus(CARRIER_MAX_AGE));
    }
  }

  record Document(int version, Map<String, Entry> numbers) {}

  /** The entries read, and why the stored document was ignored (null when it was used or absent). */
  record Loaded(Map<String, Entry> entries, String note) {

    static Loaded empty() {
      return new Loaded(Map.of(), null);
    }
  }

  private PhoneCache() {}

  /** Reads a stored document; an unreadable one or one of another version is ignored, never fatal. */
  static Loaded parse(Optional<byte[]> stored) {
    if (stored.isEmpty()) {
      return Loaded.empty();
    }
    JsonNode root;
    try {
      root = Json.mapper().readTree(stored.get());
    } catch (IOException e) {
      return new Loaded(Map.of(), "cache ignored: not JSON (" + e.getClass().getSimpleName() + ")");
    }
    if (root == null || !root.isObject()) {
      return new Loaded(Map.of(), "cache ignored: not a JSON object");
    }
    JsonNode version = root.get("version");
    if (version == null || !version.canConvertToInt() || version.asInt() != VERSION) {
      return new Loaded(Map.of(), "cache ignored: version " + (version == null ? "missing" : version.toString())
          + ", expected " + VERSION);
    }
    try {
      Document document = Json.mapper().treeToValue(root, Document.class);
      Map<String, Entry> entries = new LinkedHashMap<>();
      if (document.numbers() != null) {
        document.numbers().forEach((id, entry) -> {
          if (id != null && entry != null) {
            entries.put(id, entry);
          }
        });
      }
      return new Loaded(entries, null);
    } catch (IOException | IllegalArgumentException e) {
      return new Loaded(Map.of(), "cache ignored: unreadable entries (" + e.getClass().getSimpleName() + ")");
    }
  }

  static byte[] serialize(Map<String, Entry> entries) {
    return Json.toBytes(new Document(VERSION, entries));
  }
}
