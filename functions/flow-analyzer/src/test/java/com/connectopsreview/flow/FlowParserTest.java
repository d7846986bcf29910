package com.connectopsreview.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.connectopsreview.flow.FlowDocument.Action;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowParserTest {

  @Test
  void parse_readsStartActionActionsParametersAndEveryTransitionKind() throws UnparsableFlowException {
    FlowDocument doc = FlowParser.parse(Fixtures.content("lint/no-error-branch-positive"));

    assertEquals("2019-10-30", doc.version());
    assertEquals("log-on", doc.startAction());
    assertEquals(7, doc.actions().size());
    Action menu = doc.byId().get("menu");
    assertEquals("GetParticipantInput", menu.type());
    assertEquals("5", menu.parameter("InputTimeLimitSeconds"));
    assertEquals("to-support", menu.transitions().nextAction());
    assertEquals(List.of("set-queue", "to-support"),
        menu.transitions().conditions().stream().map(FlowDocument.ConditionBranch::nextAction).toList());
    assertEquals("1", menu.transitions().conditions().get(0).condition().at("/Operands/0").asText());
    assertEquals("InputTimeLimitExceeded", menu.transitions().errors().get(0).errorType());
    assertNull(menu.transitions().errors().get(1).nextAction());
    assertEquals(List.of("to-support", "set-queue", "to-support", "set-queue"), menu.transitions().targets());
    Action disconnect = doc.byId().get("disconnect");
    assertEquals(List.of(), disconnect.transitions().targets());
  }

  @Test
  void parse_withoutParametersOrTransitions_givesEmptyOnes() throws UnparsableFlowException {
    FlowDocument doc = FlowParser.parse("""
        {"StartAction":"a","Actions":[{"Identifier":"a","Type":"DisconnectParticipant"}]}""");

    assertNull(doc.version());
    assertEquals(0, doc.actions().get(0).parameters().size());
    assertEquals(FlowDocument.Transitions.NONE, doc.actions().get(0).transitions());
  }

  @Test
  void parse_refusesDuplicateIdentifiersMissingTypeAndNonObjects() {
    assertEquals("Actions[1].Identifier 'a' is used by another action", message("""
        {"StartAction":"a","Actions":[{"Identifier":"a","Type":"X"},{"Identifier":"a","Type":"Y"}]}"""));
    assertEquals("Actions[0].Type is missing", message("""
        {"StartAction":"a","Actions":[{"Identifier":"a"}]}"""));
    assertEquals("Actions[0] is not an object", message("""
        {"StartAction":"a","Actions":["a"]}"""));
    assertEquals("content is not a JSON object", message("[1,2]"));
    assertEquals("StartAction is missing", message("""
        {"Actions":[{"Identifier":"a","Type":"X"}]}"""));
    assertEquals("Actions[0].Parameters is not an object", message("""
        {"StartAction":"a","Actions":[{"Identifier":"a","Type":"X","Parameters":"none"}]}"""));
    assertEquals("Actions[0].Transitions.NextAction is not a string", message("""
        {"StartAction":"a","Actions":[{"Identifier":"a","Type":"X","Transitions":{"NextAction":1}}]}"""));
  }

  private static String message(String content) {
    return assertThrows(UnparsableFlowException.class, () -> FlowParser.parse(content)).getMessage();
  }
}
