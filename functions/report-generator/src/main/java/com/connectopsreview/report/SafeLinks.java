package com.connectopsreview.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Decides which strings may become an {@code href}. Only absolute http(s) URLs with a host pass;
 * everything else ({@code javascript:}, {@code data:}, scheme-relative, malformed) is rendered as
 * text. Escaping already keeps the attribute intact; this keeps a stored value from choosing the
 * scheme (defence in depth: findings come from our analyzers, but their inputs do not).
 */
final class SafeLinks {

  private SafeLinks() {}

  /** The URL if it is safe as a link target, else null. */
  static String httpOrNull(String url) {
    if (url == null || url.isBlank()) {
      return null;
    }
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      // Browsers drop tabs/newlines inside URLs ("java\tscript:"); refuse them and other controls.
      if (Character.isISOControl(c) || Character.isWhitespace(c)) {
        return null;
      }
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (scheme == null || uri.getHost() == null || uri.isOpaque()) {
        return null;
      }
      String lower = scheme.toLowerCase(Locale.ROOT);
      return lower.equals("https") || lower.equals("http") ? url : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
