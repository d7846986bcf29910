package com.connectopsreview.flow;

/**
 * What a flow's content says about flow logging (the "Set logging behavior" block, action
 * {@code UpdateFlowLoggingBehavior}).
 */
public enum LoggingBehavior {
  /** At least one action sets {@code FlowLoggingBehavior} to {@code Enabled}: the flow logs (upstream-spec §1.8). */
  ENABLED,
  /** Only {@code Disabled} actions. */
  DISABLED,
  /** No logging action at all. */
  ABSENT
}
