package com.connectopsreview.flow;

import com.connectopsreview.flow.FlowDocument.Action;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Reachability over a flow's transitions (NextAction, Conditions[].NextAction, Errors[].NextAction). */
final class FlowGraph {

  private final Map<String, Action> byId;

  FlowGraph(FlowDocument document) {
    this.byId = document.byId();
  }

  /** Identifiers reachable from the StartAction, the StartAction included. */
  Set<String> reachableFromStart(FlowDocument document) {
    return document.startAction() == null ? Set.of() : reachable(Set.of(document.startAction()));
  }

  /** Identifiers reachable from {@code from}'s transitions (itself only if a path loops back to it). */
  Set<String> reachableAfter(Action from) {
    return reachable(from.transitions().targets());
  }

  private Set<String> reachable(Collection<String> starts) {
    Set<String> seen = new LinkedHashSet<>();
    Deque<String> todo = new ArrayDeque<>(starts);
    while (!todo.isEmpty()) {
      String id = todo.pop();
      Action action = byId.get(id);
      // A transition to an identifier that is not in the flow leads nowhere.
      if (action != null && seen.add(id)) {
        todo.addAll(action.transitions().targets());
      }
    }
    return seen;
  }
}
