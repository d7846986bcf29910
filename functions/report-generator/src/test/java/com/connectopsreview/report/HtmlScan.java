package com.connectopsreview.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Small, regex-free HTML helpers for tests: tag balance and attribute extraction. */
final class HtmlScan {

  private static final Set<String> VOID =
      Set.of("meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source");

  private HtmlScan() {}

  /**
   * Checks every non-void element is closed in order. Returns a description of the first problem,
   * or null when balanced. Text never contains '<' because the template escapes it.
   */
  static String balanceProblem(String html) {
    Deque<String> open = new ArrayDeque<>();
    int i = 0;
    while ((i = html.indexOf('<', i)) >= 0) {
      if (html.startsWith("<!", i)) {
        i = html.indexOf('>', i) + 1;
        continue;
      }
      boolean closing = html.charAt(i + 1) == '/';
      int start = i + (closing ? 2 : 1);
      int end = start;
      while (end < html.length() && Character.isLetterOrDigit(html.charAt(end))) {
        end++;
      }
      String name = html.substring(start, end).toLowerCase(Locale.ROOT);
      int close = html.indexOf('>', end);
      if (name.isEmpty() || close < 0) {
        return "malformed tag at offset " + i;
      }
      if (closing) {
        String top = open.poll();
        if (!name.equals(top)) {
          return "</" + name + "> closes <" + top + "> at offset " + i;
        }
      } else if (html.charAt(close - 1) == '/') {
        // Self-closing: only meaningful in inline SVG (<line/>, <polyline/>), where it closes the element.
        i = close + 1;
        continue;
      } else if (!VOID.contains(name)) {
        if (name.equals("style")) {
          int styleEnd = html.indexOf("</style>", close);
          i = styleEnd;
          open.push(name);
          continue;
        }
        open.push(name);
      }
      i = close + 1;
    }
    return open.isEmpty() ? null : "unclosed " + open;
  }

  /**
   * The text between tags of a fragment (entities left as they are), one entry per non-blank run:
   * what a reader would see, without attribute values.
   */
  static List<String> texts(String html) {
    List<String> texts = new ArrayList<>();
    int i = 0;
    while (i < html.length()) {
      int open = html.indexOf('<', i);
      String text = (open < 0 ? html.substring(i) : html.substring(i, open)).strip();
      if (!text.isEmpty()) {
        texts.add(text);
      }
      if (open < 0) {
        break;
      }
      i = html.indexOf('>', open) + 1;
    }
    return texts;
  }

  /** Values of every {@code attribute="..."} in document order. */
  static List<String> attributeValues(String html, String attribute) {
    List<String> values = new ArrayList<>();
    String marker = " " + attribute + "=\"";
    int i = 0;
    while ((i = html.indexOf(marker, i)) >= 0) {
      int start = i + marker.length();
      int end = html.indexOf('"', start);
      values.add(html.substring(start, end));
      i = end;
    }
    return values;
  }

  /** The element starting at {@code <tag id="id"} up to its matching close tag (same tag name, no nesting of it). */
  static String elementById(String html, String tag, String id) {
    int start = html.indexOf("<" + tag + " id=\"" + id + "\"");
    if (start < 0) {
      return null;
    }
    int end = html.indexOf("</" + tag + ">", start);
    return html.substring(start, end + tag.length() + 3);
  }

  static int count(String haystack, String needle) {
    int n = 0;
    int i = 0;
    while ((i = haystack.indexOf(needle, i)) >= 0) {
      n++;
      i += needle.length();
    }
    return n;
  }
}
