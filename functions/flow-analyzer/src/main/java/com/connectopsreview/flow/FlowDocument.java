package com.connectopsreview.flow;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Amazon Connect Flow Language document (what {@code ContactFlow.Content} holds), reduced to
 * what the checks read: {@code Version}, {@code StartAction} and the {@code Actions}, each with its
 * {@code Identifier}, {@code Type}, {@code Parameters} and {@code Transitions}. {@code Metadata}
 * (designer positions) is ignored. Built by {@link FlowParser}.
 *
 * @param version null when the document has none
 * @param startAction the Identifier of the first action; null only for a document without actions
 * @param actions in document order
 */
public record FlowDocument(String version, String startAction, List<Action> actions) {

  public FlowDocument {
    actions = List.copyOf(actions);
  }

  /** The actions by Identifier, in document order. */
  public Map<String, Action> byId() {
    Map<String, Action> byId = new LinkedHashMap<>();
    actions.forEach(a -> byId.put(a.identifier(), a));
    return Collections.unmodifiableMap(byId);
  }

  /**
   * One step of the flow.
   *
   * @param parameters the {@code Parameters} object (an empty object when absent)
   */
  public record Action(String identifier, String type, JsonNode parameters, Transitions transitions) {

    /** A parameter's text, or null when it is absent or not a string/number. */
    public String parameter(String name) {
      JsonNode value = parameters.get(name);
      return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }

    public boolean isType(String expected) {
      return expected.equals(type);
    }
  }

  /**
   * Where the flow goes after an action.
   *
   * @param nextAction null when absent (terminating actions have none)
   */
  public record Transitions(String nextAction, List<ConditionBranch> conditions, List<ErrorBranch> errors) {

    public static final Transitions NONE = new Transitions(null, List.of(), List.of());

    public Transitions {
      conditions = List.copyOf(conditions);
      errors = List.copyOf(errors);
    }

    /** Every action this one can lead to: NextAction, the conditions' and the errors' NextAction. */
    public List<String> targets() {
      List<String> targets = new ArrayList<>();
      if (nextAction != null) {
        targets.add(nextAction);
      }
      conditions.stream().map(ConditionBranch::nextAction).filter(t -> t != null).forEach(targets::add);
      errors.stream().map(ErrorBranch::nextAction).filter(t -> t != null).forEach(targets::add);
      return targets;
    }
  }

  /** {@code Conditions[]}: the branch taken when {@code condition} holds (e.g. Equals + Operands). */
  public record ConditionBranch(String nextAction, JsonNode condition) {}

  /** {@code Errors[]}: the branch taken on {@code errorType}; nextAction null when the entry has none. */
  public record ErrorBranch(String nextAction, String errorType) {}
}
