package com.connectopsreview.shared.privacy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks what identifies a customer in free text: e-mail addresses, card-like digit runs (13 to 19
 * digits, spaces or dashes between them), E.164 numbers ({@code +} and 7 to 15 digits) and national
 * phone numbers (9 to 15 digits, with the usual separators). ARNs are left whole: their account id
 * is not a phone number, and the review needs them to name resources.
 *
 * <p>Deliberately eager: any bare run of 9 or more digits is masked (an epoch in milliseconds too),
 * because typed input is digits. Runs glued to letters, dashes or colons (UUIDs, ids) are not.
 */
final class TextRedactor {

  private static final Pattern ARN = Pattern.compile("arn:aws[\\w-]*:[\\w-]+:[\\w-]*:\\d*:\\S+");
  private static final Pattern EMAIL = Pattern.compile("[\\w.%+-]+@[\\w-]+(?:\\.[\\w-]+)*\\.[A-Za-z]{2,}");
  private static final String BEFORE = "(?<![\\w:/-])";
  private static final String AFTER = "(?![\\w:/-])";
  private static final Pattern CARD = Pattern.compile(BEFORE + "\\d(?:[ -]?\\d){12,18}" + AFTER);
  private static final Pattern E164 = Pattern.compile("(?<![\\w+])\\+\\d(?:[ .()-]{0,2}\\d){6,14}" + AFTER);
  private static final Pattern NATIONAL = Pattern.compile(BEFORE + "\\(?\\d(?:[ .()-]{0,2}\\d){8,14}" + AFTER);

  private TextRedactor() {}

  static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    Matcher arn = ARN.matcher(text);
    int from = 0;
    while (arn.find()) {
      out.append(mask(text.substring(from, arn.start()))).append(arn.group());
      from = arn.end();
    }
    return out.append(mask(text.substring(from))).toString();
  }

  private static String mask(String text) {
    String s = EMAIL.matcher(text).replaceAll("[email]");
    s = E164.matcher(s).replaceAll("[phone]");
    s = CARD.matcher(s).replaceAll("[card]");
    return NATIONAL.matcher(s).replaceAll("[phone]");
  }
}
