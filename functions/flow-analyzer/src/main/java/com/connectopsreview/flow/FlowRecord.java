package com.connectopsreview.flow;

import java.time.Instant;

/**
 * One flow or flow module as listed (SearchContactFlows / SearchContactFlowModules, or the List
 * fallback), with its content when the listing or a Describe call gave it.
 *
 * @param type the ContactFlowType; null for modules
 * @param lastModifiedTime null for modules (Connect does not return one) and for List summaries
 * @param content the Flow Language JSON; null or empty when not (yet) read
 */
record FlowRecord(Kind kind, String id, String arn, String name, String type, String state, String status,
    Instant lastModifiedTime, String content) {

  enum Kind { FLOW, MODULE }

  boolean hasContent() {
    return content != null && !content.isBlank();
  }

  /** Default and sample flows Connect creates with every instance ("Default …", "Sample …"). */
  boolean isDefaultFlow() {
    return name != null && (name.startsWith("Default ") || name.startsWith("Sample "));
  }

  /** "flow 'Main IVR' (id)" / "module 'Auth' (id)", for errors and logs. */
  String describe() {
    return (kind == Kind.FLOW ? "flow '" : "module '") + name + "' (" + id + ")";
  }

  /** This record with what a Describe call returned; listing metadata wins where both have a value. */
  FlowRecord withDescribed(String describedContent, Instant described, String describedState,
      String describedStatus) {
    return new FlowRecord(kind, id, arn, name, type, state == null ? describedState : state,
        status == null ? describedStatus : status, lastModifiedTime == null ? described : lastModifiedTime,
        describedContent);
  }
}
