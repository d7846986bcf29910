package com.connectopsreview.local.sandbox.server;

import static com.connectopsreview.local.sandbox.server.ConnectService.CONNECT;
import static com.connectopsreview.local.sandbox.server.Payload.object;

import com.connectopsreview.local.sandbox.EntityList;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.server.Pager.Page;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;

/**
 * One Connect entity list operation as a row of a table: {@code GET <path>?maxResults=&nextToken=}
 * answering {@code {<listMember>: [summary, ...], NextToken}} a page at a time. One handler serves
 * every row; a domain lists its rows and registers them.
 *
 * @param name the operation, e.g. {@code ListUsers}
 * @param path its route, with the {@code {InstanceId}} path parameter
 * @param listMember the answer's member that holds the page
 * @param pageSizes maxResults when absent, and its documented maximum
 * @param entities what it lists
 * @param selector which entities a call's filters keep (validating the filters first)
 * @param summary one entity as the page shows it (an object, or a string for ListLambdaFunctions)
 */
public record EntityListOperation<T>(String name, String path, String listMember, PageSizes pageSizes,
    EntityList<T> entities, Selector selector, Function<T, ?> summary) {

  /** maxResults when absent and its largest accepted value. */
  public record PageSizes(int defaultSize, int maxSize) {
    /** Most Connect lists: 100 by default, at most 1,000. */
    public static final PageSizes STANDARD = new PageSizes(ConnectService.LIST_DEFAULT, ConnectService.LIST_MAX);

    /** Lists whose documented maximum is also their default. */
    public static PageSizes upTo(int max) {
      return new PageSizes(max, max);
    }
  }

  /** What a call's filters keep: the scope its NextTokens are bound to, and which indexes. */
  public record Selection(String scope, IntPredicate include) {
    /** No filter: every entity, tokens bound to the empty scope. */
    public static final Selection ALL = new Selection("", i -> true);

    /**
     * A list-valued enum filter (e.g. {@code queueTypes}): the entities whose type is one of the
     * values, or all of them when there is none.
     */
    public static Selection ofTypes(Call call, String parameter, Set<String> known, IntFunction<String> typeOf) {
      Set<String> types = ConnectService.typeFilter(call, parameter, known);
      return new Selection(ConnectService.scope(types), i -> types.isEmpty() || types.contains(typeOf.apply(i)));
    }
  }

  /** A call's selection; throws the service's error for a bad filter. */
  @FunctionalInterface
  public interface Selector {
    /** Every entity, whatever the call. */
    Selector ALL = call -> Selection.ALL;

    Selection select(Call call);
  }

  /** Registers this row as a Connect operation with Connect's default rate limit. */
  public void register(OperationRegistry registry, Scenario scenario, Pager pager) {
    registry.rest(CONNECT, name, "GET", path, ConnectService.DEFAULT, call -> serve(call, scenario, pager));
  }

  private JsonNode serve(Call call, Scenario scenario, Pager pager) {
    call.instance(scenario, call.path("InstanceId"));
    Selection selection = selector.select(call);
    Page page = pager.page(call, selection.scope(), entities.size(), selection.include(), call.queryInt("maxResults"),
        "maxResults", call.query("nextToken"), pageSizes.defaultSize(), pageSizes.maxSize());
    return object(listMember, page.indexes().stream().map(entities::get).map(summary).toList(),
        "NextToken", page.nextToken());
  }
}
