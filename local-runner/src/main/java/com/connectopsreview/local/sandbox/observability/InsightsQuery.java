package com.connectopsreview.local.sandbox.observability;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A small CloudWatch Logs Insights (Logs Insights QL) interpreter for the commands the log analyzer
 * sends: {@code filter} (field {@code like /regex/} or {@code like "text"}, {@code =}, {@code !=},
 * {@code ispresent(field)}, {@code and}, {@code or}, {@code not}, parentheses), {@code fields} (field
 * names and {@code ispresent(field) as name}), {@code stats count(*) [as name] [by field, ...]},
 * {@code sort field [asc|desc]} and {@code limit n}. Anything else is {@link MalformedQueryException}.
 *
 * <p>Events are the JSON flow-log records flattened to dotted field names ({@code Parameters.BotAliasArn})
 * plus {@code @timestamp}, {@code @message} and {@code @logStream}. A result row is an ordered map of
 * field to text; {@code @timestamp} is written as Logs Insights writes it ({@code yyyy-MM-dd HH:mm:ss.SSS}).
 */
final class InsightsQuery {

  /** The service's answer to a query it cannot parse. */
  static final class MalformedQueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MalformedQueryException(String message) {
      super(message);
    }
  }

  /** One log event: its timestamp and fields (values as text), {@code @message} included. */
  record Event(Instant timestamp, Map<String, String> fields) {}

  /** Rows and how many events the filters kept. */
  record Output(List<Map<String, String>> rows, long matched) {}

  static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
      .withZone(ZoneOffset.UTC);

  private final List<Predicate<Event>> filters = new ArrayList<>();
  private final List<String> fields = new ArrayList<>();
  private final Map<String, String> presenceAliases = new LinkedHashMap<>();
  private String countAlias;
  private List<String> groupBy;
  private String sortField;
  private boolean descending;
  private Integer limit;

  private InsightsQuery() {}

  /** @throws MalformedQueryException naming what is not understood */
  static InsightsQuery parse(String text) {
    InsightsQuery query = new InsightsQuery();
    Parser parser = new Parser(Tokens.of(text));
    do {
      query.command(parser);
    } while (parser.accept("|"));
    if (!parser.atEnd()) {
      throw new MalformedQueryException("unexpected '" + parser.peek() + "'");
    }
    return query;
  }

  private void command(Parser p) {
    String command = p.next().toLowerCase(Locale.ROOT);
    switch (command) {
      case "filter" -> filters.add(p.orExpression());
      case "fields" -> {
        do {
          if (p.acceptKeyword("ispresent")) {
            String field = p.parenthesizedField();
            p.expectKeyword("as");
            presenceAliases.put(p.field(), field);
          } else {
            fields.add(p.field());
          }
        } while (p.accept(","));
      }
      case "stats" -> {
        p.expectKeyword("count");
        p.expect("(");
        p.expect("*");
        p.expect(")");
        countAlias = p.acceptKeyword("as") ? p.field() : "count(*)";
        groupBy = new ArrayList<>();
        if (p.acceptKeyword("by")) {
          do {
            groupBy.add(p.field());
          } while (p.accept(","));
        }
      }
      case "sort" -> {
        sortField = p.field();
        descending = p.acceptKeyword("desc");
        if (!descending) {
          p.acceptKeyword("asc");
        }
      }
      case "limit" -> limit = p.number();
      default -> throw new MalformedQueryException("unsupported command '" + command + "'");
    }
  }

  /** Runs over {@code events} (already restricted to the query's groups and time range), at most {@code cap} rows. */
  Output run(List<Event> events, int cap) {
    List<Event> kept = events.stream().filter(e -> filters.stream().allMatch(f -> f.test(e))).toList();
    List<Map<String, String>> rows = new ArrayList<>();
    if (countAlias != null) {
      Map<List<String>, Long> groups = new LinkedHashMap<>();
      Map<List<String>, Map<String, String>> keys = new LinkedHashMap<>();
      for (Event e : kept) {
        Map<String, String> key = new LinkedHashMap<>();
        for (String field : groupBy) {
          String value = value(e, field);
          if (value != null) {
            key.put(field, value);
          }
        }
        List<String> id = groupBy.stream().map(key::get).toList();
        groups.merge(id, 1L, Long::sum);
        keys.putIfAbsent(id, key);
      }
      groups.forEach((id, count) -> {
        Map<String, String> row = new LinkedHashMap<>(keys.get(id));
        row.put(countAlias, String.valueOf(count));
        rows.add(row);
      });
    } else {
      List<Event> ordered = new ArrayList<>(kept);
      if (sortField != null) {
        Comparator<Event> order = Comparator.comparing(e -> sortKey(e, sortField),
            Comparator.nullsFirst(Comparator.naturalOrder()));
        ordered.sort(descending ? order.reversed() : order);
      }
      int pointer = 0;
      for (Event e : ordered) {
        Map<String, String> row = new LinkedHashMap<>();
        for (String field : fields.isEmpty() ? List.of("@timestamp", "@message") : fields) {
          String value = value(e, field);
          if (value != null) {
            row.put(field, value);
          }
        }
        row.put("@ptr", "sandbox-" + pointer++);
        rows.add(row);
      }
    }
    int max = Math.min(cap, limit == null ? cap : limit);
    return new Output(rows.size() > max ? new ArrayList<>(rows.subList(0, max)) : rows, kept.size());
  }

  private String value(Event e, String field) {
    String presence = presenceAliases.get(field);
    if (presence != null) {
      return value(e, presence) != null ? "1" : "0";
    }
    if (field.equals("@timestamp")) {
      return TIMESTAMP.format(e.timestamp());
    }
    return e.fields().get(field);
  }

  private String sortKey(Event e, String field) {
    return field.equals("@timestamp") ? String.format(Locale.ROOT, "%020d", e.timestamp().toEpochMilli())
        : value(e, field);
  }

  /** Recursive descent over the tokens of one query. */
  private static final class Parser {
    private final List<String> tokens;
    private int at;

    Parser(List<String> tokens) {
      this.tokens = tokens;
    }

    boolean atEnd() {
      return at >= tokens.size();
    }

    String peek() {
      return atEnd() ? "end of query" : tokens.get(at);
    }

    String next() {
      if (atEnd()) {
        throw new MalformedQueryException("the query ends too early");
      }
      return tokens.get(at++);
    }

    boolean accept(String symbol) {
      if (!atEnd() && tokens.get(at).equals(symbol)) {
        at++;
        return true;
      }
      return false;
    }

    boolean acceptKeyword(String keyword) {
      if (!atEnd() && tokens.get(at).equalsIgnoreCase(keyword)) {
        at++;
        return true;
      }
      return false;
    }

    void expect(String symbol) {
      if (!accept(symbol)) {
        throw new MalformedQueryException("expected '" + symbol + "' but found '" + peek() + "'");
      }
    }

    void expectKeyword(String keyword) {
      if (!acceptKeyword(keyword)) {
        throw new MalformedQueryException("expected '" + keyword + "' but found '" + peek() + "'");
      }
    }

    String field() {
      String token = next();
      if (!Tokens.isField(token)) {
        throw new MalformedQueryException("expected a field name but found '" + token + "'");
      }
      return token;
    }

    String parenthesizedField() {
      expect("(");
      String field = field();
      expect(")");
      return field;
    }

    int number() {
      String token = next();
      try {
        return Integer.parseInt(token);
      } catch (NumberFormatException e) {
        throw new MalformedQueryException("expected a number but found '" + token + "'");
      }
    }

    Predicate<Event> orExpression() {
      Predicate<Event> left = andExpression();
      while (acceptKeyword("or")) {
        left = left.or(andExpression());
      }
      return left;
    }

    private Predicate<Event> andExpression() {
      Predicate<Event> left = notExpression();
      while (acceptKeyword("and")) {
        left = left.and(notExpression());
      }
      return left;
    }

    private Predicate<Event> notExpression() {
      if (acceptKeyword("not")) {
        return notExpression().negate();
      }
      if (accept("(")) {
        Predicate<Event> inner = orExpression();
        expect(")");
        return inner;
      }
      if (acceptKeyword("ispresent")) {
        String field = parenthesizedField();
        return e -> e.fields().containsKey(field);
      }
      String field = field();
      String operator = next();
      String operand = next();
      if (operator.equalsIgnoreCase("like")) {
        if (Tokens.isRegex(operand)) {
          Pattern pattern = regex(operand);
          return e -> text(e, field) != null && pattern.matcher(text(e, field)).find();
        }
        String literal = Tokens.literal(operand);
        return e -> text(e, field) != null && text(e, field).contains(literal);
      }
      if (!Tokens.isString(operand) && !operand.matches("-?\\d+(\\.\\d+)?")) {
        throw new MalformedQueryException("expected a value after '" + operator + "' but found '" + operand + "'");
      }
      String literal = Tokens.literal(operand);
      return switch (operator) {
        case "=" -> e -> Objects.equals(text(e, field), literal);
        case "!=" -> e -> text(e, field) != null && !text(e, field).equals(literal);
        default -> throw new MalformedQueryException("unsupported operator '" + operator + "'");
      };
    }

    private static String text(Event e, String field) {
      return field.equals("@timestamp") ? TIMESTAMP.format(e.timestamp()) : e.fields().get(field);
    }

    private static Pattern regex(String token) {
      try {
        return Pattern.compile(token.substring(1, token.length() - 1));
      } catch (PatternSyntaxException e) {
        throw new MalformedQueryException("invalid regular expression " + token);
      }
    }
  }

  /** Splits a query into tokens: names, quoted strings, /regexes/, numbers and symbols. */
  private static final class Tokens {

    static List<String> of(String text) {
      List<String> tokens = new ArrayList<>();
      int i = 0;
      while (i < text.length()) {
        char c = text.charAt(i);
        if (Character.isWhitespace(c)) {
          i++;
        } else if (c == '#') {
          while (i < text.length() && text.charAt(i) != '\n') {
            i++;
          }
        } else if (c == '"' || c == '\'' || c == '/') {
          int end = closing(text, i);
          tokens.add(text.substring(i, end + 1));
          i = end + 1;
        } else if (c == '!' && i + 1 < text.length() && text.charAt(i + 1) == '=') {
          tokens.add("!=");
          i += 2;
        } else if ("|,()=*".indexOf(c) >= 0) {
          tokens.add(String.valueOf(c));
          i++;
        } else if (isFieldChar(c)) {
          int start = i;
          while (i < text.length() && isFieldChar(text.charAt(i))) {
            i++;
          }
          tokens.add(text.substring(start, i));
        } else {
          throw new MalformedQueryException("unexpected character '" + c + "' at " + i);
        }
      }
      return tokens;
    }

    private static int closing(String text, int open) {
      char quote = text.charAt(open);
      for (int i = open + 1; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\\') {
          i++;
        } else if (c == quote) {
          return i;
        }
      }
      throw new MalformedQueryException("unterminated " + (quote == '/' ? "regular expression" : "string"));
    }

    private static boolean isFieldChar(char c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '@' || c == '-';
    }

    static boolean isField(String token) {
      return !token.isEmpty() && isFieldChar(token.charAt(0)) && !Character.isDigit(token.charAt(0));
    }

    static boolean isRegex(String token) {
      return token.length() >= 2 && token.startsWith("/") && token.endsWith("/");
    }

    static boolean isString(String token) {
      return token.length() >= 2 && (token.startsWith("\"") || token.startsWith("'"));
    }

    static String literal(String token) {
      return isString(token) ? token.substring(1, token.length() - 1).replace("\\\"", "\"") : token;
    }
  }
}
