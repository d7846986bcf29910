package com.connectopsreview.local.sandbox.observability;

import static com.connectopsreview.local.sandbox.server.Payload.object;

import com.connectopsreview.local.sandbox.capacity.CloudWatchApi;
import com.connectopsreview.local.sandbox.observability.ObservabilityDomain.MetricAlarm;
import com.connectopsreview.local.sandbox.server.ApiError;
import com.connectopsreview.local.sandbox.server.Call;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.local.sandbox.server.Pager;
import com.connectopsreview.local.sandbox.server.Pager.Page;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter.Limit;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * CloudWatch DescribeAlarms on the sandbox's CloudWatch query-protocol service
 * ({@link CloudWatchApi#CLOUDWATCH}): the scenario's metric alarms, filtered by {@code AlarmTypes}
 * (only metric alarms when absent, as documented; the scenario has no composite alarm),
 * {@code StateValue}, {@code AlarmNamePrefix} or {@code AlarmNames}, {@code ActionPrefix}; 1 to 100
 * a page ({@code MaxRecords}, 50 when absent), NextToken.
 */
final class AlarmsApi {

  /** CloudWatch's documented DescribeAlarms quota: 9 transactions per second. */
  static final Limit DESCRIBE_ALARMS = new Limit(9, 9);
  static final int DEFAULT_RECORDS = 50;
  static final int MAX_RECORDS = 100;
  private static final Set<String> TYPES = Set.of("MetricAlarm", "CompositeAlarm");
  private static final Set<String> STATES = Set.of("OK", "ALARM", "INSUFFICIENT_DATA");

  private final ObservabilityDomain domain;
  private final Pager pager;

  AlarmsApi(ObservabilityDomain domain, Pager pager) {
    this.domain = domain;
    this.pager = pager;
  }

  void register(OperationRegistry r) {
    r.query(CloudWatchApi.CLOUDWATCH, "DescribeAlarms", DESCRIBE_ALARMS, this::describeAlarms);
  }

  private JsonNode describeAlarms(Call call) {
    Map<String, String> form = new TreeMap<>();
    call.input().fields().forEachRemaining(e -> form.put(e.getKey(), e.getValue().asText()));
    List<String> types = listed(form, "AlarmTypes.member.");
    for (String type : types) {
      if (!TYPES.contains(type)) {
        throw call.service().invalidParameter("The value " + type + " for parameter AlarmTypes is not valid.");
      }
    }
    boolean metricAlarms = types.isEmpty() || types.contains("MetricAlarm");
    String state = form.get("StateValue");
    if (state != null && !STATES.contains(state)) {
      throw call.service().invalidParameter("The value " + state + " for parameter StateValue is not valid.");
    }
    String prefix = form.get("AlarmNamePrefix");
    List<String> names = listed(form, "AlarmNames.member.");
    if (prefix != null && !names.isEmpty()) {
      throw call.service().invalidParameter("AlarmNamePrefix and AlarmNames cannot be specified together.");
    }
    String actionPrefix = form.get("ActionPrefix");
    Integer maxRecords = null;
    if (form.containsKey("MaxRecords")) {
      try {
        maxRecords = Integer.valueOf(form.get("MaxRecords"));
      } catch (NumberFormatException e) {
        throw new ApiError("InvalidParameterValue", 400, "The parameter MaxRecords must be an integer.");
      }
    }
    List<MetricAlarm> alarms = domain.alarms();
    Page page = pager.page(call, String.join(",", types) + ";" + state + ";" + prefix + ";" + names + ";"
            + actionPrefix, alarms.size(),
        i -> metricAlarms && matches(alarms.get(i), state, prefix, names, actionPrefix), maxRecords, "MaxRecords",
        form.get("NextToken"), DEFAULT_RECORDS, MAX_RECORDS);
    return object(
        "MetricAlarms", page.indexes().stream().map(alarms::get).map(AlarmsApi::describe).toList(),
        "CompositeAlarms", List.of(),
        "NextToken", page.nextToken());
  }

  private static boolean matches(MetricAlarm a, String state, String prefix, List<String> names, String actionPrefix) {
    return (state == null || state.equals(a.stateValue()))
        && (prefix == null || a.name().startsWith(prefix))
        && (names.isEmpty() || names.contains(a.name()))
        && (actionPrefix == null || a.alarmActions().stream().anyMatch(x -> x.startsWith(actionPrefix)));
  }

  /** A MetricAlarm member as DescribeAlarms writes it. */
  private static JsonNode describe(MetricAlarm a) {
    return object(
        "AlarmName", a.name(),
        "AlarmArn", a.arn(),
        "AlarmConfigurationUpdatedTimestamp", a.stateUpdated().minusSeconds(86_400),
        "ActionsEnabled", a.actionsEnabled(),
        "OKActions", List.of(),
        "AlarmActions", a.alarmActions(),
        "InsufficientDataActions", List.of(),
        "StateValue", a.stateValue(),
        "StateReason", a.stateReason(),
        "StateUpdatedTimestamp", a.stateUpdated(),
        "MetricName", a.metricName(),
        "Namespace", a.namespace(),
        "Statistic", a.statistic(),
        "Dimensions", a.dimensions().entrySet().stream().map(d -> object("Name", d.getKey(), "Value", d.getValue()))
            .toList(),
        "Period", a.period(),
        "EvaluationPeriods", a.evaluationPeriods(),
        "DatapointsToAlarm", a.evaluationPeriods(),
        "Threshold", a.threshold(),
        "ComparisonOperator", a.comparisonOperator(),
        "TreatMissingData", "missing",
        "StateTransitionedTimestamp", a.stateUpdated());
  }

  /** The values of a flattened list ({@code AlarmTypes.member.1=...}), in index order. */
  private static List<String> listed(Map<String, String> form, String prefix) {
    Map<Integer, String> byIndex = new TreeMap<>();
    form.forEach((key, value) -> {
      if (key.startsWith(prefix)) {
        try {
          byIndex.put(Integer.valueOf(key.substring(prefix.length())), value);
        } catch (NumberFormatException e) {
          // not a member of this list
        }
      }
    });
    return new ArrayList<>(byIndex.values());
  }
}
