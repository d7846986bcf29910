package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.entities.EntitiesDomain;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.AgentStatusType;
import software.amazon.awssdk.services.connect.model.IntegrationType;
import software.amazon.awssdk.services.connect.model.InvalidParameterException;
import software.amazon.awssdk.services.connect.model.LexBotConfig;
import software.amazon.awssdk.services.connect.model.LexVersion;
import software.amazon.awssdk.services.connect.model.ListBotsResponse;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;

/**
 * The Connect list APIs the quota analyzer counts usage with, through the real ConnectClient:
 * paths, page maxima, filters and full pagination, against the LARGE sandbox (several pages each).
 */
@ExtendWith(LoopbackGuardExtension.class)
class SandboxConnectUsageWireTest {

  private static Sandbox sandbox;
  private static Scenario scenario;
  private static String instanceId;

  @BeforeAll
  static void startSandbox() {
    sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.LARGE));
    scenario = sandbox.scenario();
    instanceId = sandbox.instance().id();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @Test
  void everyUsageList_countsTheScenarioEntities_overSeveralPages() {
    SandboxClients clients = SandboxClients.unlimited(sandbox);
    ConnectClient connect = clients.connect();
    Counts c = scenario.counts();

    assertEquals(c.securityProfiles(), connect.listSecurityProfilesPaginator(b -> b.instanceId(instanceId)
        .maxResults(7)).securityProfileSummaryList().stream().count());
    assertEquals(c.agentStatuses(), connect.listAgentStatusesPaginator(b -> b.instanceId(instanceId).maxResults(6))
        .agentStatusSummaryList().stream().count());
    assertEquals(c.userHierarchyGroups(), connect.listUserHierarchyGroupsPaginator(b -> b.instanceId(instanceId)
        .maxResults(1000)).userHierarchyGroupSummaryList().stream().count());
    List<String> lambdas = connect.listLambdaFunctionsPaginator(b -> b.instanceId(instanceId).maxResults(25))
        .lambdaFunctions().stream().toList();
    assertEquals(c.lambdaFunctions(), lambdas.size());
    assertEquals(EntitiesDomain.of(scenario).lambdaFunctions().get(0).arn(), lambdas.get(0));
    assertEquals(c.predefinedAttributes(), connect.listPredefinedAttributesPaginator(b -> b.instanceId(instanceId)
        .maxResults(100)).predefinedAttributeSummaryList().stream().count());
    assertEquals(c.applicationIntegrations(), connect.listIntegrationAssociationsPaginator(b -> b
        .instanceId(instanceId).integrationType(IntegrationType.APPLICATION).maxResults(5))
        .integrationAssociationSummaryList().stream()
        .peek(a -> assertEquals(IntegrationType.APPLICATION, a.integrationType())).count());
    assertEquals(c.applicationIntegrations() + Counts.OTHER_INTEGRATIONS, connect
        .listIntegrationAssociationsPaginator(b -> b.instanceId(instanceId)).integrationAssociationSummaryList()
        .stream().count());

    Map<String, Long> calls = clients.counter().snapshot();
    assertEquals((c.securityProfiles() + 6) / 7, calls.get("Connect:ListSecurityProfiles"));
    assertEquals((c.lambdaFunctions() + 24) / 25, calls.get("Connect:ListLambdaFunctions"));
  }

  @Test
  void listBots_separatesV1BotsFromV2Aliases_inPagesOfAtMost25() {
    ConnectClient connect = SandboxClients.unlimited(sandbox).connect();

    List<ListBotsResponse> v2 = connect.listBotsPaginator(b -> b.instanceId(instanceId).lexVersion(LexVersion.V2)
        .maxResults(25)).stream().toList();
    List<LexBotConfig> v1 = connect.listBotsPaginator(b -> b.instanceId(instanceId).lexVersion(LexVersion.V1))
        .lexBots().stream().toList();

    assertEquals(2, v2.size(), "30 aliases in pages of 25");
    assertEquals(scenario.counts().lexV2BotAliases(), v2.stream().mapToInt(p -> p.lexBots().size()).sum());
    assertTrue(v2.stream().flatMap(p -> p.lexBots().stream())
        .allMatch(b -> b.lexV2Bot().aliasArn().startsWith("arn:aws:lex:us-east-1:123456789012:bot-alias/")));
    assertEquals(scenario.counts().lexBotsV1(), v1.size());
    assertNotNull(v1.get(0).lexBot().name());
    assertNull(v1.get(0).lexV2Bot());

    assertThrows(InvalidParameterException.class, () -> connect.listBots(b -> b.instanceId(instanceId)
        .lexVersion(LexVersion.V2).maxResults(26)));
    assertThrows(InvalidParameterException.class, () -> connect.listBots(b -> b.instanceId(instanceId)));
  }

  @Test
  void filtersAndErrors() {
    ConnectClient connect = SandboxClients.unlimited(sandbox).connect();

    assertEquals(1, connect.listAgentStatusesPaginator(b -> b.instanceId(instanceId)
        .agentStatusTypes(AgentStatusType.ROUTABLE)).agentStatusSummaryList().stream().count());
    assertThrows(InvalidParameterException.class, () -> connect.listPredefinedAttributes(b -> b
        .instanceId(instanceId).maxResults(101)));
    assertThrows(InvalidParameterException.class, () -> connect.listLambdaFunctions(b -> b.instanceId(instanceId)
        .maxResults(26)));
    assertThrows(ResourceNotFoundException.class, () -> connect.listSecurityProfiles(b -> b.instanceId("nope")));
    assertThrows(InvalidParameterException.class, () -> connect.listIntegrationAssociations(b -> b
        .instanceId(instanceId).integrationType("NOT_A_TYPE")));
  }
}
