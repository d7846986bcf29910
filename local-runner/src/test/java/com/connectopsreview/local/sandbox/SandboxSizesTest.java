package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.telephony.TelephonyDomain;
import com.connectopsreview.local.sandbox.flows.FlowsDomain;
import com.connectopsreview.local.sandbox.entities.EntitiesDomain;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ContactFlowSummary;
import software.amazon.awssdk.services.connect.model.ListPhoneNumbersSummary;
import software.amazon.awssdk.services.connect.model.UserSummary;

/** LARGE and HUGE served through the list APIs, page by page, with the real ConnectClient. */
@ExtendWith(LoopbackGuardExtension.class)
class SandboxSizesTest {

  @Test
  void large_servesExactly2000Flows10000Users1000NumbersAcrossPages() {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.LARGE))) {
      SandboxClients clients = SandboxClients.unlimited(sandbox);
      ConnectClient connect = clients.connect();
      String id = sandbox.instance().id();

      List<ContactFlowSummary> flows = connect.listContactFlowsPaginator(b -> b.instanceId(id).maxResults(1000))
          .contactFlowSummaryList().stream().toList();
      List<UserSummary> users = connect.listUsersPaginator(b -> b.instanceId(id).maxResults(1000))
          .userSummaryList().stream().toList();
      List<ListPhoneNumbersSummary> numbers = connect.listPhoneNumbersV2Paginator(b -> b.instanceId(id).maxResults(100))
          .listPhoneNumbersSummaryList().stream().toList();

      assertEquals(2_000, flows.size());
      assertEquals(10_000, users.size());
      assertEquals(1_000, numbers.size());
      assertEquals(2_000, distinct(flows.stream().map(ContactFlowSummary::id).toList()));
      assertEquals(10_000, distinct(users.stream().map(UserSummary::username).toList()));
      assertEquals(1_000, distinct(numbers.stream().map(ListPhoneNumbersSummary::phoneNumber).toList()));
      assertEquals(EntitiesDomain.of(sandbox.scenario()).users().get(9_999).username(), users.get(9_999).username());
      assertEquals(2L, clients.counter().snapshot().get("Connect:ListContactFlows"));
      assertEquals(10L, clients.counter().snapshot().get("Connect:ListUsers"));
      assertEquals(10L, clients.counter().snapshot().get("Connect:ListPhoneNumbersV2"));
    }
  }

  @Test
  void large_searchContactFlows_returnsAll2000FlowsWithContentIn20Pages_andNumbersInOnePage() {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.LARGE))) {
      FlowsDomain flowsDomain = FlowsDomain.of(sandbox.scenario());
      SandboxClients clients = SandboxClients.unlimited(sandbox);
      ConnectClient connect = clients.connect();
      String id = sandbox.instance().id();

      List<software.amazon.awssdk.services.connect.model.ContactFlow> flows = connect.searchContactFlowsPaginator(
          b -> b.instanceId(id).maxResults(100)).contactFlows().stream().toList();
      List<ListPhoneNumbersSummary> numbers = connect.listPhoneNumbersV2Paginator(
          b -> b.targetArn(sandbox.instance().arn()).maxResults(1000)).listPhoneNumbersSummaryList().stream().toList();

      assertEquals(2_000, flows.size());
      assertEquals(2_000, distinct(flows.stream().map(f -> f.id()).toList()));
      assertTrue(flows.stream().allMatch(f -> f.content() != null && f.content().startsWith("{\"Version\":\"2019-10-30\"")));
      assertEquals(flowsDomain.flowContent(flowsDomain.flows().get(1_999)), flows.get(1_999).content());
      assertEquals(1_000, numbers.size());
      assertTrue(numbers.stream().allMatch(n -> sandbox.instance().arn().equals(n.targetArn())));
      assertEquals(166, TelephonyDomain.of(sandbox.scenario()).unusedPhoneNumbers().size());
      assertEquals(20L, clients.counter().snapshot().get("Connect:SearchContactFlows"));
      assertEquals(1L, clients.counter().snapshot().get("Connect:ListPhoneNumbersV2"));
    }
  }

  @Test
  void large_withoutMaxResults_usesTheDefaultPageOf100() {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.LARGE))) {
      ConnectClient connect = SandboxClients.unlimited(sandbox).connect();

      var page = connect.listContactFlows(b -> b.instanceId(sandbox.instance().id()));

      assertEquals(100, page.contactFlowSummaryList().size());
      assertTrue(page.nextToken() != null);
    }
  }

  @Test
  void huge_startsLazilyAndServesEveryFlow() {
    try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.HUGE))) {
      FlowsDomain flowsDomain = FlowsDomain.of(sandbox.scenario());
      EntitiesDomain entities = EntitiesDomain.of(sandbox.scenario());
      ConnectClient connect = SandboxClients.unlimited(sandbox).connect();
      String id = sandbox.instance().id();

      long flows = connect.listContactFlowsPaginator(b -> b.instanceId(id).maxResults(1000))
          .contactFlowSummaryList().stream().count();
      EntitiesDomain.User last = entities.users().get(49_999);

      assertEquals(10_000, flows);
      assertEquals(50_000, entities.users().size());
      assertEquals(5_000, TelephonyDomain.of(sandbox.scenario()).phoneNumbers().size());
      assertTrue(last.username().contains("."), last.username());
      var flow = connect.describeContactFlow(b -> b.instanceId(id).contactFlowId(flowsDomain.flows().id(9_999)))
          .contactFlow();
      assertEquals(flowsDomain.flows().get(9_999).name(), flow.name());
    }
  }

  private static int distinct(List<String> values) {
    Set<String> set = new HashSet<>(values);
    return set.size();
  }
}
