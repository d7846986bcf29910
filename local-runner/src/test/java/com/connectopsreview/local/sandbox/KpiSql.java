package com.connectopsreview.local.sandbox;

import com.connectopsreview.local.sandbox.datalake.DataLakeDomain;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The analyzer's KPI queries (functions/athena-export, resources athena/queries/) bound the way the
 * sandbox expects them: {@code {{table}}} replaced by the quoted link name, each {@code :name} outside
 * comments by {@code ?}, and the two header lines {@code -- query: <name>} and
 * {@code -- parameters: <names in ? order>} in front. Execution parameters are SQL literals.
 */
final class KpiSql {

  /** A bound query: its text and the parameter name of each {@code ?}, in order. */
  record Bound(String name, String text, List<String> parameterNames) {

    /** The execution parameters for these values, one per {@code ?}. */
    List<String> parameters(Map<String, String> literals) {
      return parameterNames.stream().map(n -> {
        String v = literals.get(n);
        if (v == null) {
          throw new IllegalArgumentException("no value for parameter " + n + " of " + name);
        }
        return v;
      }).toList();
    }
  }

  private static final Pattern NAMED = Pattern.compile(":([a-z_][a-z0-9_]*)");
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneOffset.UTC);

  private KpiSql() {}

  static String source(String name) {
    try (InputStream in = KpiSql.class.getClassLoader().getResourceAsStream("athena/queries/" + name + ".sql")) {
      if (in == null) {
        throw new IllegalStateException("athena/queries/" + name + ".sql is not on the classpath (athena-export)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Bound bind(String name) {
    return bind(name, source(name));
  }

  static Bound bind(String name, String sql) {
    String tables = sql
        .replace("{{contact_record}}", link("contact_record"))
        .replace("{{contact_flow_events}}", link("contact_flow_events"));
    List<String> names = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (String line : tables.split("\n", -1)) {
      int comment = line.indexOf("--");
      String code = comment < 0 ? line : line.substring(0, comment);
      Matcher m = NAMED.matcher(code);
      StringBuilder bound = new StringBuilder();
      while (m.find()) {
        names.add(m.group(1));
        m.appendReplacement(bound, "?");
      }
      m.appendTail(bound);
      text.append(bound).append(comment < 0 ? "" : line.substring(comment)).append('\n');
    }
    return new Bound(name, "-- query: " + name + "\n-- parameters: " + String.join(", ", names) + "\n" + text,
        names);
  }

  static String link(String table) {
    return "\"" + DataLakeDomain.CONSUMER_DATABASE + "\".\"" + table + "_link\"";
  }

  /** A timestamp literal as Athena's CAST(... AS timestamp) reads it. */
  static String timestamp(Instant t) {
    return "'" + TIMESTAMP.format(t) + "'";
  }

  static String string(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
