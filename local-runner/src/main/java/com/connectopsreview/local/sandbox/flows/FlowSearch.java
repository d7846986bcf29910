package com.connectopsreview.local.sandbox.flows;

import com.connectopsreview.local.sandbox.server.Call;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * Which entities SearchContactFlows and SearchContactFlowModules keep. SearchCriteria:
 * StringCondition (FieldName name, description, id or arn; ComparisonType EXACT, CONTAINS or
 * STARTS_WITH, the last two ignoring case), TypeCondition, StateCondition, StatusCondition,
 * AndConditions, OrConditions; every condition given must hold. A SearchFilter (tags) keeps nothing:
 * the scenario's flows have no tags.
 */
final class FlowSearch {

  private FlowSearch() {}

  /** @param fieldsOf an entity's searchable fields (name, description, id, arn, Type, State, Status) */
  static IntPredicate predicate(Call call, JsonNode criteria, JsonNode filter,
      IntFunction<Map<String, String>> fieldsOf) {
    boolean filtered = filter != null && !filter.isNull() && !filter.isEmpty();
    if (filtered) {
      return i -> false;
    }
    if (criteria == null || criteria.isNull() || criteria.isEmpty()) {
      return i -> true;
    }
    validate(call, criteria);
    return i -> matches(criteria, fieldsOf.apply(i));
  }

  /** What a search's NextTokens are bound to: its criteria and filter. */
  static String scope(JsonNode criteria, JsonNode filter) {
    return (criteria == null ? "" : criteria.toString()) + "|" + (filter == null ? "" : filter.toString());
  }

  /** ApproximateTotalCount: how many of {@code 0..total-1} the search keeps. */
  static long count(int total, IntPredicate include) {
    long n = 0;
    for (int i = 0; i < total; i++) {
      if (include.test(i)) {
        n++;
      }
    }
    return n;
  }

  private static void validate(Call call, JsonNode criteria) {
    JsonNode string = criteria.get("StringCondition");
    if (string != null && !string.isNull()) {
      String field = string.path("FieldName").asText("");
      if (!Set.of("name", "description", "id", "arn").contains(field)) {
        throw call.service().invalidParameter("Invalid SearchCriteria: StringCondition.FieldName '" + field
            + "' is not searchable (name, description, id, arn)");
      }
      String comparison = string.path("ComparisonType").asText("");
      if (!Set.of("EXACT", "CONTAINS", "STARTS_WITH").contains(comparison)) {
        throw call.service().invalidParameter("Invalid SearchCriteria: StringCondition.ComparisonType '"
            + comparison + "' (EXACT, CONTAINS, STARTS_WITH)");
      }
    }
    for (String list : List.of("AndConditions", "OrConditions")) {
      JsonNode conditions = criteria.get(list);
      if (conditions != null && conditions.isArray()) {
        conditions.forEach(c -> validate(call, c));
      }
    }
  }

  private static boolean matches(JsonNode criteria, Map<String, String> fields) {
    JsonNode string = criteria.get("StringCondition");
    if (string != null && !string.isNull()) {
      String actual = fields.getOrDefault(string.path("FieldName").asText(), "");
      String wanted = string.path("Value").asText("");
      boolean ok = switch (string.path("ComparisonType").asText()) {
        case "EXACT" -> actual.equals(wanted);
        case "CONTAINS" -> actual.toLowerCase(Locale.ROOT).contains(wanted.toLowerCase(Locale.ROOT));
        default -> actual.toLowerCase(Locale.ROOT).startsWith(wanted.toLowerCase(Locale.ROOT));
      };
      if (!ok) {
        return false;
      }
    }
    for (String member : List.of("Type", "State", "Status")) {
      JsonNode condition = criteria.get(member + "Condition");
      if (condition != null && !condition.isNull() && !condition.asText().equals(fields.get(member))) {
        return false;
      }
    }
    JsonNode and = criteria.get("AndConditions");
    if (and != null && and.isArray()) {
      for (JsonNode c : and) {
        if (!matches(c, fields)) {
          return false;
        }
      }
    }
    JsonNode or = criteria.get("OrConditions");
    if (or != null && or.isArray() && !or.isEmpty()) {
      boolean any = false;
      for (JsonNode c : or) {
        any |= matches(c, fields);
      }
      return any;
    }
    return true;
  }
}
