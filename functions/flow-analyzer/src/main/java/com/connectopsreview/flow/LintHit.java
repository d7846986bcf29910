package com.connectopsreview.flow;

/**
 * One lint rule's hit on one block of one flow's content.
 *
 * @param blockId the action's Identifier; null for {@code FLOW.CONTENT.UNPARSABLE}
 * @param actionType the action's Type; null for {@code FLOW.CONTENT.UNPARSABLE}
 * @param message what is wrong with the block, naming the parameter or value
 */
public record LintHit(String checkId, String blockId, String actionType, String message) {}
