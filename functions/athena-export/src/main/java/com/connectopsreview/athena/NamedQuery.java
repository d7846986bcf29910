package com.connectopsreview.athena;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One KPI query, kept as a resource file ({@code athena/queries/<name>.sql}): its text with
 * {@code {{table}}} placeholders for the data lake tables it reads and {@code :name} placeholders for
 * values. {@link #bind} turns it into what StartQueryExecution takes: table names written in as quoted
 * identifiers (identifiers cannot be parameters), every value as an execution parameter in {@code ?}
 * order, so no value is ever concatenated into the SQL.
 *
 * @param name the file's base name, also its {@code -- query:} line
 * @param template the file's text
 * @param tables the data lake tables it reads, in order of first use
 * @param parameters the value names in {@code ?} order (a name used twice appears twice)
 */
public record NamedQuery(String name, String template, List<String> tables, List<String> parameters) {

  /** The KPI queries, in the order they run and are reported. */
  public static final List<String> NAMES = List.of("queue_kpis", "contact_volume", "flow_disconnects");

  private static final Pattern TABLE = Pattern.compile("\\{\\{([a-z_]+)}}");
  /** {@code :name}, not inside {@code '...'} literals nor the {@code ::} of a cast. */
  private static final Pattern PARAMETER = Pattern.compile("(?<![:\\w]):([a-z_]+)\\b");
  /** What Glue names and Athena accepts, written in double quotes; anything else is refused, not escaped. */
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_-]{1,255}");

  public NamedQuery {
    tables = List.copyOf(tables);
    parameters = List.copyOf(parameters);
  }

  /** Every query of {@link #NAMES}, read from the classpath. */
  public static List<NamedQuery> all() {
    return NAMES.stream().map(NamedQuery::load).toList();
  }

  static NamedQuery load(String name) {
    String resource = "athena/queries/" + name + ".sql";
    try (InputStream in = NamedQuery.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("query resource " + resource + " is missing");
      }
      return parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + resource, e);
    }
  }

  static NamedQuery parse(String name, String text) {
    if (!text.startsWith("-- query: " + name + "\n")) {
      throw new IllegalStateException("query " + name + " must start with '-- query: " + name + "'");
    }
    String sql = withoutComments(text);
    Set<String> tables = new LinkedHashSet<>();
    Matcher t = TABLE.matcher(sql);
    while (t.find()) {
      tables.add(t.group(1));
    }
    List<String> parameters = new ArrayList<>();
    Matcher p = PARAMETER.matcher(withoutLiterals(sql));
    while (p.find()) {
      parameters.add(p.group(1));
    }
    return new NamedQuery(name, text, List.copyOf(tables), parameters);
  }

  /**
   * The query as StartQueryExecution takes it.
   *
   * @param database the Glue database the tables are in
   * @param tableNames each data lake table's name in that database (a resource link's own name)
   * @param values a literal per parameter name, as Athena's ExecutionParameters take them ({@link #string},
   *     or digits for numbers)
   * @throws IllegalArgumentException on a missing table or value, or a name that is not a plain identifier
   */
  public Bound bind(String database, Map<String, String> tableNames, Map<String, String> values) {
    String sql = withoutComments(template);
    StringBuilder out = new StringBuilder("-- query: ").append(name).append('\n')
        .append("-- parameters: ").append(String.join(", ", parameters)).append('\n');
    Matcher t = TABLE.matcher(sql);
    StringBuilder replaced = new StringBuilder();
    while (t.find()) {
      String table = tableNames.get(t.group(1));
      if (table == null) {
        throw new IllegalArgumentException("query " + name + " needs table " + t.group(1) + ", which is not resolved");
      }
      t.appendReplacement(replaced, Matcher.quoteReplacement(quoted(database) + "." + quoted(table)));
    }
    t.appendTail(replaced);
    List<String> bound = new ArrayList<>();
    for (String parameter : parameters) {
      String value = values.get(parameter);
      if (value == null) {
        throw new IllegalArgumentException("query " + name + " needs a value for :" + parameter);
      }
      bound.add(value);
    }
    out.append(replaceParameters(replaced.toString()).strip()).append('\n');
    return new Bound(name, out.toString(), bound);
  }

  /** A string as an execution parameter: single-quoted, quotes doubled (SQL's own escaping). */
  public static String string(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  private static String quoted(String identifier) {
    if (!IDENTIFIER.matcher(identifier).matches()) {
      throw new IllegalArgumentException("'" + identifier + "' is not a table or database name Athena can read");
    }
    return "\"" + identifier + "\"";
  }

  /** {@code :name} outside literals becomes {@code ?}; literals are copied as they are. */
  private static String replaceParameters(String sql) {
    StringBuilder out = new StringBuilder();
    String masked = withoutLiterals(sql);
    Matcher p = PARAMETER.matcher(masked);
    int last = 0;
    while (p.find()) {
      out.append(sql, last, p.start()).append('?');
      last = p.end();
    }
    return out.append(sql.substring(last)).toString();
  }

  /** Comment lines dropped: they document the file, the bound text carries its own two header lines. */
  private static String withoutComments(String text) {
    StringBuilder out = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      if (!line.stripLeading().startsWith("--")) {
        out.append(line).append('\n');
      }
    }
    return out.toString();
  }

  /** The text with every {@code '...'} literal's content blanked (same length), so ':' inside one is not a parameter. */
  private static String withoutLiterals(String sql) {
    char[] chars = sql.toCharArray();
    boolean inLiteral = false;
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] == '\'') {
        inLiteral = !inLiteral;
      } else if (inLiteral) {
        chars[i] = ' ';
      }
    }
    return new String(chars);
  }

  /**
   * A query ready for StartQueryExecution.
   *
   * @param queryString the SQL, starting with {@code -- query: <name>} and {@code -- parameters: ...}
   * @param executionParameters the values, in {@code ?} order
   */
  public record Bound(String name, String queryString, List<String> executionParameters) {
    public Bound {
      executionParameters = List.copyOf(executionParameters);
    }
  }
}
