package com.connectopsreview.flow;

import com.connectopsreview.flow.FlowRecord.Kind;
import com.connectopsreview.shared.analyzer.Pages;
import com.connectopsreview.shared.time.TimeBudget;
import java.util.List;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.Attribute;
import software.amazon.awssdk.services.connect.model.ContactFlow;
import software.amazon.awssdk.services.connect.model.ContactFlowModule;
import software.amazon.awssdk.services.connect.model.DescribeContactFlowModuleRequest;
import software.amazon.awssdk.services.connect.model.DescribeContactFlowRequest;
import software.amazon.awssdk.services.connect.model.DescribeInstanceAttributeRequest;
import software.amazon.awssdk.services.connect.model.InstanceAttributeType;
import software.amazon.awssdk.services.connect.model.ListContactFlowModulesRequest;
import software.amazon.awssdk.services.connect.model.ListContactFlowModulesResponse;
import software.amazon.awssdk.services.connect.model.ListContactFlowsRequest;
import software.amazon.awssdk.services.connect.model.ListContactFlowsResponse;
import software.amazon.awssdk.services.connect.model.SearchContactFlowModulesRequest;
import software.amazon.awssdk.services.connect.model.SearchContactFlowModulesResponse;
import software.amazon.awssdk.services.connect.model.SearchContactFlowsRequest;
import software.amazon.awssdk.services.connect.model.SearchContactFlowsResponse;

/**
 * The Connect calls of one run, each after a budget check (pacing is the clients' interceptor's),
 * counting pages and Describe calls for the component's {@code data.analysis}. Listing methods go
 * through the SDK's paginators and append page by page to the caller's list, so what was read
 * before a failure is kept.
 */
final class FlowFetcher {

  /** SearchContactFlows / SearchContactFlowModules allow at most 100 per page. */
  static final int SEARCH_PAGE_SIZE = 100;
  /** ListContactFlows / ListContactFlowModules allow at most 1000 per page. */
  static final int LIST_PAGE_SIZE = 1000;

  private final ConnectClient connect;
  private final String instanceId;
  private final TimeBudget budget;
  private int searchPages;
  private int listPages;
  private int describeCalls;

  FlowFetcher(ConnectClient connect, String instanceId, TimeBudget budget) {
    this.connect = connect;
    this.instanceId = instanceId;
    this.budget = budget;
  }

  int searchPages() {
    return searchPages;
  }

  int listPages() {
    return listPages;
  }

  int describeCalls() {
    return describeCalls;
  }

  /** The CONTACTFLOW_LOGS instance attribute: true/false, null when Connect gives no value. */
  Boolean instanceFlowLogs() {
    budget.check("Connect DescribeInstanceAttribute");
    Attribute attribute = connect.describeInstanceAttribute(DescribeInstanceAttributeRequest.builder()
        .instanceId(instanceId).attributeType(InstanceAttributeType.CONTACTFLOW_LOGS).build()).attribute();
    String value = attribute == null ? null : attribute.value();
    return value == null || value.isBlank() ? null : Boolean.valueOf(value.trim());
  }

  /** Every flow, every state and status (no search criteria), with Content where Search returns it. */
  void searchFlows(List<FlowRecord> into) {
    for (SearchContactFlowsResponse page : Pages.of(budget, "Connect SearchContactFlows",
        connect.searchContactFlowsPaginator(SearchContactFlowsRequest.builder()
            .instanceId(instanceId).maxResults(SEARCH_PAGE_SIZE).build()))) {
      searchPages++;
      for (ContactFlow f : page.contactFlows()) {
        into.add(new FlowRecord(Kind.FLOW, f.id(), f.arn(), f.name(), f.typeAsString(), f.stateAsString(),
            f.statusAsString(), f.lastModifiedTime(), f.content()));
      }
    }
  }

  void searchModules(List<FlowRecord> into) {
    for (SearchContactFlowModulesResponse page : Pages.of(budget, "Connect SearchContactFlowModules",
        connect.searchContactFlowModulesPaginator(SearchContactFlowModulesRequest.builder()
            .instanceId(instanceId).maxResults(SEARCH_PAGE_SIZE).build()))) {
      searchPages++;
      for (ContactFlowModule m : page.contactFlowModules()) {
        into.add(new FlowRecord(Kind.MODULE, m.id(), m.arn(), m.name(), null, m.stateAsString(),
            m.statusAsString(), null, m.content()));
      }
    }
  }

  /** The fallback when Search is refused: summaries only (no content, no LastModifiedTime). */
  void listFlows(List<FlowRecord> into) {
    for (ListContactFlowsResponse page : Pages.of(budget, "Connect ListContactFlows",
        connect.listContactFlowsPaginator(ListContactFlowsRequest.builder()
            .instanceId(instanceId).maxResults(LIST_PAGE_SIZE).build()))) {
      listPages++;
      page.contactFlowSummaryList().forEach(f -> into.add(new FlowRecord(Kind.FLOW, f.id(), f.arn(), f.name(),
          f.contactFlowTypeAsString(), f.contactFlowStateAsString(), f.contactFlowStatusAsString(), null, null)));
    }
  }

  void listModules(List<FlowRecord> into) {
    for (ListContactFlowModulesResponse page : Pages.of(budget, "Connect ListContactFlowModules",
        connect.listContactFlowModulesPaginator(ListContactFlowModulesRequest.builder()
            .instanceId(instanceId).maxResults(LIST_PAGE_SIZE).build()))) {
      listPages++;
      page.contactFlowModulesSummaryList().forEach(m -> into.add(new FlowRecord(Kind.MODULE, m.id(), m.arn(),
          m.name(), null, m.stateAsString(), null, null, null)));
    }
  }

  /** The record with its content from DescribeContactFlow / DescribeContactFlowModule. */
  FlowRecord describe(FlowRecord record) {
    if (record.kind() == Kind.FLOW) {
      budget.check("Connect DescribeContactFlow");
      describeCalls++;
      ContactFlow f = connect.describeContactFlow(DescribeContactFlowRequest.builder()
          .instanceId(instanceId).contactFlowId(record.id()).build()).contactFlow();
      return f == null ? record : record.withDescribed(f.content(), f.lastModifiedTime(), f.stateAsString(),
          f.statusAsString());
    }
    budget.check("Connect DescribeContactFlowModule");
    describeCalls++;
    ContactFlowModule m = connect.describeContactFlowModule(DescribeContactFlowModuleRequest.builder()
        .instanceId(instanceId).contactFlowModuleId(record.id()).build()).contactFlowModule();
    return m == null ? record : record.withDescribed(m.content(), null, m.stateAsString(), m.statusAsString());
  }
}
