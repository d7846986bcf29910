package com.connectopsreview.shared.model;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Review ids: {@code yyyyMMdd'T'HHmmss'Z'-xxxxxx} (UTC time + 6 random base-32 characters). They sort
 * by creation time as plain strings and are unique without coordination. Ids given by a caller only
 * need to match {@link #PATTERN}: safe in S3 keys, DynamoDB keys and file names.
 */
public final class ReviewIds {

  public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private ReviewIds() {}

  public static String newId(Clock clock) {
    StringBuilder sb = new StringBuilder(STAMP.format(clock.instant())).append('-');
    for (int i = 0; i < 6; i++) {
      sb.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
    }
    return sb.toString();
  }

  public static boolean isValid(String id) {
    return id != null && PATTERN.matcher(id).matches() && !id.contains("..");
  }
}
