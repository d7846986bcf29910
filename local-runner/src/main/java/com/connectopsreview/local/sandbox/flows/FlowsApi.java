package com.connectopsreview.local.sandbox.flows;

import static com.connectopsreview.local.sandbox.server.ConnectService.CONNECT;
import static com.connectopsreview.local.sandbox.server.ConnectService.DEFAULT;
import static com.connectopsreview.local.sandbox.server.EntityListOperation.PageSizes.STANDARD;
import static com.connectopsreview.local.sandbox.server.Payload.object;

import com.connectopsreview.local.sandbox.EntityList;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.flows.FlowsDomain.ContactFlow;
import com.connectopsreview.local.sandbox.flows.FlowsDomain.FlowModule;
import com.connectopsreview.local.sandbox.server.Call;
import com.connectopsreview.local.sandbox.server.ConnectService;
import com.connectopsreview.local.sandbox.server.EntityListOperation;
import com.connectopsreview.local.sandbox.server.EntityListOperation.Selection;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.local.sandbox.server.Pager;
import com.connectopsreview.local.sandbox.server.Pager.Page;
import com.connectopsreview.shared.hash.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import software.amazon.awssdk.services.connect.model.ContactFlowType;

/**
 * The flows domain's Connect operations: the two lists (rows of {@link EntityListOperation}), the
 * two describes, and the two searches (POST with a JSON body, MaxResults 1..100, 100 when absent
 * (assumed), content included).
 */
final class FlowsApi {

  /** SearchContactFlows and SearchContactFlowModules: MaxResults 1..100; 100 when absent (assumed). */
  private static final int SEARCH_MAX = 100;

  private final FlowsDomain domain;
  private final Scenario scenario;
  private final Pager pager;

  FlowsApi(FlowsDomain domain, Scenario scenario, Pager pager) {
    this.domain = domain;
    this.scenario = scenario;
    this.pager = pager;
  }

  void register(OperationRegistry r) {
    EntityList<ContactFlow> flows = domain.flows();
    EntityList<FlowModule> modules = domain.flowModules();
    new EntityListOperation<>("ListContactFlows", "/contact-flows-summary/{InstanceId}", "ContactFlowSummaryList",
        STANDARD, flows, call -> Selection.ofTypes(call, "contactFlowTypes",
            ConnectService.names(ContactFlowType.knownValues()), i -> flows.get(i).type()),
        f -> object("Id", f.id(), "Arn", f.arn(), "Name", f.name(), "ContactFlowType", f.type(),
            "ContactFlowState", f.state(), "ContactFlowStatus", f.status()))
        .register(r, scenario, pager);
    r.rest(CONNECT, "DescribeContactFlow", "GET", "/contact-flows/{InstanceId}/{ContactFlowId}", DEFAULT,
        this::describeContactFlow);
    new EntityListOperation<>("ListContactFlowModules", "/contact-flow-modules-summary/{InstanceId}",
        "ContactFlowModulesSummaryList", STANDARD, modules, call -> moduleState(call, modules),
        m -> object("Id", m.id(), "Arn", m.arn(), "Name", m.name(), "State", m.state()))
        .register(r, scenario, pager);
    r.rest(CONNECT, "SearchContactFlows", "POST", "/search-contact-flows", DEFAULT, this::searchContactFlows);
    r.rest(CONNECT, "SearchContactFlowModules", "POST", "/search-contact-flow-modules", DEFAULT,
        this::searchContactFlowModules);
    r.rest(CONNECT, "DescribeContactFlowModule", "GET", "/contact-flow-modules/{InstanceId}/{ContactFlowModuleId}",
        DEFAULT, this::describeContactFlowModule);
  }

  /** ListContactFlowModules' optional {@code state} filter (ACTIVE or ARCHIVED). */
  private static Selection moduleState(Call call, EntityList<FlowModule> modules) {
    String state = call.query("state");
    if (state != null) {
      ConnectService.requireKnown(call, "state", List.of(state), Set.of("ACTIVE", "ARCHIVED"));
    }
    return new Selection(state == null ? "" : state, i -> state == null || state.equals(modules.get(i).state()));
  }

  private JsonNode describeContactFlow(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    String id = call.path("ContactFlowId");
    ContactFlow f = domain.flows().byIdOrArn(id, ContactFlow::arn)
        .orElseThrow(() -> call.service().notFound("Contact flow not found: " + id));
    return object("ContactFlow", contactFlow(f));
  }

  private JsonNode describeContactFlowModule(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    String id = call.path("ContactFlowModuleId");
    FlowModule m = domain.flowModules().byIdOrArn(id, FlowModule::arn)
        .orElseThrow(() -> call.service().notFound("Contact flow module not found: " + id));
    return object("ContactFlowModule", contactFlowModule(m));
  }

  /** A ContactFlow object as DescribeContactFlow and SearchContactFlows answer it, content included. */
  private JsonNode contactFlow(ContactFlow f) {
    String content = domain.flowContent(f);
    return object(
        "Arn", f.arn(),
        "Id", f.id(),
        "Name", f.name(),
        "Type", f.type(),
        "State", f.state(),
        "Status", f.status(),
        "Description", f.description(),
        "Content", content,
        "Tags", Map.of(),
        "FlowContentSha256", Sha256.hex(content),
        "LastModifiedTime", f.lastModified(),
        "LastModifiedRegion", Scenario.REGION);
  }

  /** A ContactFlowModule object as DescribeContactFlowModule and SearchContactFlowModules answer it. */
  private JsonNode contactFlowModule(FlowModule m) {
    String content = domain.flowModuleContent(m);
    return object(
        "Arn", m.arn(),
        "Id", m.id(),
        "Name", m.name(),
        "Content", content,
        "Description", "Shared steps: " + m.name(),
        "State", m.state(),
        "Status", m.status(),
        "Tags", Map.of(),
        "FlowModuleContentSha256", Sha256.hex(content));
  }

  /**
   * SearchContactFlows: POST with a JSON body (InstanceId, MaxResults 1..100, NextToken, optional
   * SearchCriteria and SearchFilter); every matching flow of every state and status, content
   * included, with ApproximateTotalCount.
   */
  private JsonNode searchContactFlows(Call call) {
    EntityList<ContactFlow> flows = domain.flows();
    return search(call, "ContactFlows", flows, i -> {
      ContactFlow f = flows.get(i);
      return Map.of("name", f.name(), "description", f.description(), "id", f.id(), "arn", f.arn(),
          "Type", f.type(), "State", f.state(), "Status", f.status());
    }, this::contactFlow);
  }

  /** SearchContactFlowModules: as SearchContactFlows, for flow modules (no TypeCondition). */
  private JsonNode searchContactFlowModules(Call call) {
    EntityList<FlowModule> modules = domain.flowModules();
    return search(call, "ContactFlowModules", modules, i -> {
      FlowModule m = modules.get(i);
      return Map.of("name", m.name(), "description", "Shared steps: " + m.name(), "id", m.id(), "arn", m.arn(),
          "State", m.state(), "Status", m.status());
    }, this::contactFlowModule);
  }

  /** One page of a search over {@code entities}, each answered in full by {@code answer}. */
  private <T> JsonNode search(Call call, String listMember, EntityList<T> entities,
      IntFunction<Map<String, String>> fieldsOf, Function<T, JsonNode> answer) {
    call.instance(scenario, call.string("InstanceId"));
    JsonNode criteria = call.input().get("SearchCriteria");
    JsonNode filter = call.input().get("SearchFilter");
    IntPredicate include = FlowSearch.predicate(call, criteria, filter, fieldsOf);
    Page page = pager.page(call, FlowSearch.scope(criteria, filter), entities.size(), include,
        call.integer("MaxResults"), "MaxResults", call.string("NextToken"), SEARCH_MAX, SEARCH_MAX);
    return object(
        listMember, page.indexes().stream().map(entities::get).map(answer).toList(),
        "NextToken", page.nextToken(),
        "ApproximateTotalCount", FlowSearch.count(entities.size(), include));
  }
}
