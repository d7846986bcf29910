package com.connectopsreview.local.sandbox.datalake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the sandbox reads from a query text as the analyzer binds it: the name ({@code -- query: <name>}),
 * the execution parameters' names in {@code ?} order ({@code -- parameters: a, b, ...}), the number of
 * {@code ?} placeholders (outside literals, quoted names and comments), the tables it reads (each
 * {@code FROM} or {@code JOIN} of a qualified name, or of a bare name that no {@code WITH} defines), with
 * their line and column as Athena reports them, and the names of the final SELECT's columns.
 * It does not parse SQL beyond that: {@link KpiQueries} evaluates the known queries in Java.
 */
final class BoundQuery {

  /** A table reference; {@code database} null when unqualified (the QueryExecutionContext's database applies). */
  record TableRef(String database, String table, int line, int column) {}

  private static final Pattern NAME_LINE = Pattern.compile("(?m)^\\s*--\\s*query:\\s*([A-Za-z0-9_]+)\\s*$");
  private static final Pattern PARAMETERS_LINE = Pattern.compile("(?m)^\\s*--\\s*parameters:(.*)$");
  private static final String IDENT = "(?:\"([^\"]+)\"|([A-Za-z_][A-Za-z0-9_]*))";
  private static final Pattern TABLE_REF = Pattern.compile("(?i)\\b(?:FROM|JOIN)\\s+" + IDENT + "(?:\\s*\\.\\s*"
      + IDENT + ")?");
  private static final Pattern CTE = Pattern.compile("(?i)(?:WITH|,)\\s*" + IDENT + "\\s+AS\\s*\\(");
  private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss[.SSS][.SS][.S]");

  private final String text;
  /** The text with comments, string literals and quoted names blanked out (same length, same lines). */
  private final String code;

  BoundQuery(String text) {
    this.text = text;
    this.code = blank(text);
  }

  String text() {
    return text;
  }

  /** The {@code -- query:} name, if the text has one. */
  Optional<String> name() {
    Matcher m = NAME_LINE.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }

  /** The {@code -- parameters:} names in order; empty when the line is absent or empty. */
  List<String> parameterNames() {
    Matcher m = PARAMETERS_LINE.matcher(text);
    List<String> names = new ArrayList<>();
    if (m.find()) {
      for (String name : m.group(1).split(",")) {
        if (!name.isBlank()) {
          names.add(name.trim());
        }
      }
    }
    return names;
  }

  /** The {@code ?} placeholders outside comments, literals and quoted names. */
  int placeholders() {
    return (int) code.chars().filter(c -> c == '?').count();
  }

  /** Tables read, in the order they appear; names a WITH clause defines are not tables. */
  List<TableRef> tables() {
    Set<String> ctes = new LinkedHashSet<>();
    Matcher cte = CTE.matcher(text);
    while (cte.find()) {
      if (!inBlank(cte.start())) {
        ctes.add(ident(cte, 1));
      }
    }
    List<TableRef> refs = new ArrayList<>();
    Matcher m = TABLE_REF.matcher(text);
    while (m.find()) {
      if (inBlank(m.start())) {
        continue;
      }
      String first = ident(m, 1);
      String second = m.group(3) != null || m.group(4) != null ? ident(m, 3) : null;
      int at = m.start(m.group(1) != null ? 1 : 2) - (m.group(1) != null ? 1 : 0);
      if (second != null) {
        refs.add(position(first, second, at));
      } else if (!ctes.contains(first)) {
        refs.add(position(null, first, at));
      }
    }
    return refs;
  }

  /** The names of the final SELECT's columns, in order: each item's {@code AS} alias, or its bare column name. */
  List<String> selectColumns() {
    int select = lastTopLevel("SELECT");
    if (select < 0) {
      return List.of();
    }
    int from = code.toUpperCase(java.util.Locale.ROOT).indexOf("FROM", select);
    String list = text.substring(select + "SELECT".length(), from < 0 ? text.length() : from);
    String blanked = code.substring(select + "SELECT".length(), from < 0 ? code.length() : from);
    List<String> names = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i <= blanked.length(); i++) {
      char c = i < blanked.length() ? blanked.charAt(i) : ',';
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (c == ',' && depth == 0) {
        names.add(itemName(list.substring(start, i).trim()));
        start = i + 1;
      }
    }
    return names;
  }

  private static String itemName(String item) {
    Matcher alias = Pattern.compile("(?is).*\\bAS\\s+" + IDENT + "\\s*$").matcher(item);
    if (alias.matches()) {
      return alias.group(1) != null ? alias.group(1) : alias.group(2);
    }
    Matcher bare = Pattern.compile("(?s)^(?:.*\\.)?" + IDENT + "$").matcher(item);
    return bare.matches() ? (bare.group(1) != null ? bare.group(1) : bare.group(2)) : item;
  }

  /** The position of the last {@code keyword} at parenthesis depth 0, or -1. */
  private int lastTopLevel(String keyword) {
    String upper = code.toUpperCase(java.util.Locale.ROOT);
    int depth = 0;
    int found = -1;
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt(i);
      depth += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (depth == 0 && upper.startsWith(keyword, i) && (i == 0 || !Character.isLetterOrDigit(upper.charAt(i - 1)))
          && (i + keyword.length() >= upper.length() || !Character.isLetterOrDigit(upper.charAt(i + keyword.length())))) {
        found = i;
      }
    }
    return found;
  }

  private TableRef position(String database, String table, int offset) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new TableRef(database, table, line, offset - lineStart + 1);
  }

  private static String ident(Matcher m, int group) {
    return m.group(group) != null ? m.group(group) : m.group(group + 1);
  }

  /** Whether {@code offset} lies in a comment (the regexes over the raw text must skip those). */
  private boolean inBlank(int offset) {
    return code.charAt(offset) == ' ' && text.charAt(offset) != ' ';
  }

  /** Comments blanked; literal and quoted-name contents blanked (their quotes kept). */
  private static String blank(String text) {
    StringBuilder out = new StringBuilder(text);
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
        while (i < text.length() && text.charAt(i) != '\n') {
          out.setCharAt(i++, ' ');
        }
      } else if (c == '\'' || c == '"') {
        int j = i + 1;
        while (j < text.length() && !(text.charAt(j) == c && (j + 1 >= text.length() || text.charAt(j + 1) != c))) {
          j += text.charAt(j) == c ? 2 : 1;
        }
        for (int k = i + 1; k < Math.min(j, text.length()); k++) {
          if (text.charAt(k) != '\n') {
            out.setCharAt(k, ' ');
          }
        }
        i = j + 1;
      } else {
        i++;
      }
    }
    return out.toString();
  }

  // ---- execution parameters, as Athena takes them: SQL literals ----

  /** A value of an execution parameter: a string literal's content, or a number. */
  sealed interface Literal permits Text, Number {}

  record Text(String value) implements Literal {}

  record Number(long value) implements Literal {}

  /**
   * The literal an ExecutionParameters member holds: {@code 'text'} (with {@code ''} for a quote) or a
   * whole number; anything else is Athena's syntax error.
   *
   * @throws QueryFailure for anything else
   */
  static Literal literal(String parameter) {
    String p = parameter.trim();
    if (p.length() >= 2 && p.startsWith("'") && p.endsWith("'")) {
      return new Text(p.substring(1, p.length() - 1).replace("''", "'"));
    }
    try {
      return new Number(Long.parseLong(p));
    } catch (NumberFormatException e) {
      throw QueryFailure.user("INVALID_PARAMETER_USAGE: line 1:1: Execution parameter is not a literal: " + p, 1006);
    }
  }

  /** {@code CAST(x AS timestamp)} of a string: {@code yyyy-MM-dd[ HH:mm:ss[.SSS]]}, UTC (the session zone). */
  static Instant timestamp(Literal literal) {
    if (!(literal instanceof Text text)) {
      throw QueryFailure.user("TYPE_MISMATCH: line 1:1: Cannot cast bigint to timestamp", 1000);
    }
    String v = text.value().trim();
    try {
      if (v.length() == 10) {
        return LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return LocalDateTime.parse(v, TIMESTAMP).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw QueryFailure.user("INVALID_CAST_ARGUMENT: Value cannot be cast to timestamp: " + v, 1000);
    }
  }

  static long number(Literal literal, String name) {
    if (!(literal instanceof Number n)) {
      throw QueryFailure.user("TYPE_MISMATCH: line 1:1: Cannot apply operator: bigint <= varchar (parameter "
          + name + ")", 1000);
    }
    return n.value();
  }

  static String string(Literal literal, String name) {
    if (!(literal instanceof Text t)) {
      throw QueryFailure.user("TYPE_MISMATCH: line 1:1: Cannot apply operator: varchar = bigint (parameter "
          + name + ")", 1000);
    }
    return t.value();
  }

  /** Parameter name to its literal, first occurrence winning (a name may recur, one {@code ?} each). */
  static Map<String, Literal> byName(List<String> names, List<String> parameters) {
    Map<String, Literal> values = new LinkedHashMap<>();
    for (int i = 0; i < names.size() && i < parameters.size(); i++) {
      values.putIfAbsent(names.get(i), literal(parameters.get(i)));
    }
    return values;
  }
}
