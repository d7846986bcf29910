package com.connectopsreview.shared.privacy;

import com.connectopsreview.shared.exception.ConfigurationException;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** A dotted field path of a redaction policy, each name a case-insensitive glob ({@code *} = any characters). */
record FieldPath(String text, List<Pattern> segments) {

  static FieldPath parse(String text) {
    String[] names = text.split("\\.", -1);
    if (Arrays.stream(names).anyMatch(String::isBlank)) {
      throw new ConfigurationException("redaction policy: '" + text
          + "' is not a field path (names joined by dots, e.g. CustomerEndpoint.Address or Attributes.*)");
    }
    List<Pattern> segments = Arrays.stream(names).map(FieldPath::glob).toList();
    return new FieldPath(text, segments);
  }

  /** The names as written, for asking whether another path covers this one. */
  List<String> names() {
    return List.of(text.split("\\."));
  }

  /** Whether this path names {@code path} or one of its ancestors. */
  boolean covers(List<String> path) {
    if (path.size() < segments.size()) {
      return false;
    }
    for (int i = 0; i < segments.size(); i++) {
      if (!segments.get(i).matcher(path.get(i)).matches()) {
        return false;
      }
    }
    return true;
  }

  private static Pattern glob(String name) {
    String[] parts = name.trim().split("\\*", -1);
    StringBuilder regex = new StringBuilder(Pattern.quote(parts[0]));
    for (int i = 1; i < parts.length; i++) {
      regex.append(".*").append(Pattern.quote(parts[i]));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }
}
