package com.connectopsreview.athena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class NamedQueryTest {

  private static final Set<String> DATA_LAKE_TABLES = Set.of("contact_record", "contact_flow_events");
  private static final Set<String> PARAMETERS = Set.of("instance_id", "window_start", "window_end",
      "service_level_ms", "short_abandon_ms");
  private static final Map<String, String> LINKS = Map.of("contact_record", "contact_record_link",
      "contact_flow_events", "contact-flow-events-link");
  /** A distinct literal per parameter, so the order of executionParameters can be checked. */
  private static final Map<String, String> VALUES = Map.of(
      "instance_id", "'11111111-2222-3333-4444-555555555555'",
      "window_start", "'2026-11-09 09:00:00.000'",
      "window_end", "'2026-11-23 09:00:00.000'",
      "service_level_ms", "20000",
      "short_abandon_ms", "10000");
  private static final Pattern LITERAL = Pattern.compile("'[^']*'");
  private static final Pattern PLACEHOLDER = Pattern.compile("(?<![:\\w]):[a-z_]");

  @Test
  void all_loadsEveryResourceQuery_withItsHeaderTablesAndParameters() {
    List<NamedQuery> queries = NamedQuery.all();

    assertEquals(List.of("queue_kpis", "contact_volume", "flow_disconnects"),
        queries.stream().map(NamedQuery::name).toList());
    for (NamedQuery query : queries) {
      assertTrue(query.template().startsWith("-- query: " + query.name() + "\n"), query.name());
      assertFalse(query.tables().isEmpty(), query.name());
      assertTrue(DATA_LAKE_TABLES.containsAll(query.tables()), query.name() + " reads " + query.tables());
      assertFalse(query.parameters().isEmpty(), query.name());
      assertTrue(PARAMETERS.containsAll(query.parameters()), query.name() + " binds " + query.parameters());
      assertTrue(query.parameters().contains("instance_id"), query.name() + " must be scoped to the instance");
    }
    assertEquals(List.of("contact_record"), query("queue_kpis").tables());
    assertEquals(List.of("contact_record", "contact_flow_events"), query("flow_disconnects").tables());
    // The names in comments (":service_level_ms" in the column legend) are not parameters.
    assertEquals(List.of("instance_id", "window_start", "window_end", "service_level_ms", "short_abandon_ms"),
        query("queue_kpis").parameters());
    assertEquals(List.of("instance_id", "window_start", "window_end", "instance_id", "window_start", "window_end"),
        query("flow_disconnects").parameters());
  }

  @Test
  void bind_everyQuery_writesQuotedTables_andEveryValueAsAParameterInOrder() {
    for (NamedQuery query : NamedQuery.all()) {
      NamedQuery.Bound bound = query.bind("connect_consumer", LINKS, VALUES);
      String text = bound.queryString();
      String sql = sqlOf(query.template());

      assertEquals(query.name(), bound.name());
      assertEquals(query.parameters().stream().map(VALUES::get).toList(), bound.executionParameters(), query.name());
      assertEquals(bound.executionParameters().size(), count(text, "?"), query.name() + ": one ? per value");
      for (String table : query.tables()) {
        assertEquals(count(sql, "{{" + table + "}}"), count(text, "\"connect_consumer\".\"" + LINKS.get(table) + "\""),
            query.name() + ": every use of " + table);
      }
      assertFalse(text.contains("{{"), query.name());
      assertFalse(PLACEHOLDER.matcher(text).find(), query.name() + " keeps a :name: " + text);
      for (String value : VALUES.values()) {
        assertFalse(text.contains(value), query.name() + " must not concatenate " + value);
      }
    }
  }

  @Test
  void bind_keepsLiteralsUntouched() {
    for (NamedQuery query : NamedQuery.all()) {
      String text = query.bind("connect_consumer", LINKS, VALUES).queryString();
      Matcher literal = LITERAL.matcher(sqlOf(query.template()));
      while (literal.find()) {
        assertTrue(text.contains(literal.group()), query.name() + " lost " + literal.group());
      }
    }
    assertTrue(query("contact_volume").bind("db", LINKS, VALUES).queryString().contains("'%Y-%m-%d'"));
    String flows = query("flow_disconnects").bind("db", LINKS, VALUES).queryString();
    assertTrue(flows.contains("+ INTERVAL '1' DAY"), flows);
    assertTrue(flows.contains("= 'CUSTOMER_DISCONNECT'"), flows);
  }

  @Test
  void bind_startsWithTheTwoHeaderLines_andCarriesNoOtherComment() {
    for (NamedQuery query : NamedQuery.all()) {
      String[] lines = query.bind("connect_consumer", LINKS, VALUES).queryString().split("\n", -1);

      assertEquals("-- query: " + query.name(), lines[0]);
      assertEquals("-- parameters: " + String.join(", ", query.parameters()), lines[1]);
      for (int i = 2; i < lines.length; i++) {
        assertFalse(lines[i].stripLeading().startsWith("--"), query.name() + " line " + i + ": " + lines[i]);
      }
      assertTrue(lines[2].startsWith("WITH "), query.name() + ": the SQL follows the header: " + lines[2]);
    }
  }

  @Test
  void parse_colonInsideALiteralOrACast_isNotAParameter() {
    NamedQuery query = NamedQuery.parse("probe", "-- query: probe\n-- :in_comment is documentation\n"
        + "SELECT ':not_a_parameter', \"x\"::varchar, :instance_id FROM {{contact_record}} WHERE \"a\" = :window_end\n");

    assertEquals(List.of("instance_id", "window_end"), query.parameters());
    NamedQuery.Bound bound = query.bind("db", LINKS, VALUES);
    assertEquals("-- query: probe\n-- parameters: instance_id, window_end\n"
        + "SELECT ':not_a_parameter', \"x\"::varchar, ? FROM \"db\".\"contact_record_link\" WHERE \"a\" = ?\n",
        bound.queryString());
    assertEquals(List.of(VALUES.get("instance_id"), VALUES.get("window_end")), bound.executionParameters());
  }

  @Test
  void parse_withoutItsQueryLine_isRefused() {
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> NamedQuery.parse("queue_kpis", "-- query: contact_volume\nSELECT 1\n"));
    assertTrue(e.getMessage().contains("must start with '-- query: queue_kpis'"), e.getMessage());
  }

  @Test
  void bind_tableOrDatabaseNameThatIsNoIdentifier_isRefused() {
    Map<String, String> injected = new LinkedHashMap<>(LINKS);
    injected.put("contact_record", "x\"; DROP");

    IllegalArgumentException table = assertThrows(IllegalArgumentException.class,
        () -> query("queue_kpis").bind("connect_consumer", injected, VALUES));
    assertEquals("'x\"; DROP' is not a table or database name Athena can read", table.getMessage());
    IllegalArgumentException database = assertThrows(IllegalArgumentException.class,
        () -> query("queue_kpis").bind("db\".\"other", LINKS, VALUES));
    assertTrue(database.getMessage().contains("is not a table or database name"), database.getMessage());
  }

  @Test
  void bind_missingTableOrValue_isRefusedNamingIt() {
    IllegalArgumentException table = assertThrows(IllegalArgumentException.class,
        () -> query("flow_disconnects").bind("db", Map.of("contact_record", "contact_record"), VALUES));
    assertEquals("query flow_disconnects needs table contact_flow_events, which is not resolved", table.getMessage());

    Map<String, String> values = new LinkedHashMap<>(VALUES);
    values.remove("short_abandon_ms");
    IllegalArgumentException value = assertThrows(IllegalArgumentException.class,
        () -> query("queue_kpis").bind("db", LINKS, values));
    assertEquals("query queue_kpis needs a value for :short_abandon_ms", value.getMessage());
  }

  @Test
  void string_quotesAndDoublesQuotes() {
    assertEquals("'O''Brien'", NamedQuery.string("O'Brien"));
    assertEquals("''", NamedQuery.string(""));
    assertEquals("''''''", NamedQuery.string("''"));
  }

  private static NamedQuery query(String name) {
    return NamedQuery.all().stream().filter(q -> q.name().equals(name)).findFirst().orElseThrow();
  }

  /** The template without its comment lines: what the bound text is made from. */
  private static String sqlOf(String template) {
    List<String> lines = new ArrayList<>();
    for (String line : template.split("\n")) {
      if (!line.stripLeading().startsWith("--")) {
        lines.add(line);
      }
    }
    return String.join("\n", lines);
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
      n++;
    }
    return n;
  }
}
