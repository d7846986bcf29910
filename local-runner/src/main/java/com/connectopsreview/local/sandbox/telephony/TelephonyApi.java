package com.connectopsreview.local.sandbox.telephony;

import static com.connectopsreview.local.sandbox.server.ConnectService.CONNECT;
import static com.connectopsreview.local.sandbox.server.ConnectService.DEFAULT;
import static com.connectopsreview.local.sandbox.server.ConnectService.LIST_DEFAULT;
import static com.connectopsreview.local.sandbox.server.ConnectService.LIST_MAX;
import static com.connectopsreview.local.sandbox.server.Payload.object;

import com.connectopsreview.local.sandbox.EntityList;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.flows.FlowsDomain;
import com.connectopsreview.local.sandbox.server.Call;
import com.connectopsreview.local.sandbox.server.ConnectService;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.local.sandbox.server.Pager;
import com.connectopsreview.local.sandbox.server.Pager.Page;
import com.connectopsreview.local.sandbox.telephony.TelephonyDomain.PhoneNumber;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import software.amazon.awssdk.services.connect.model.PhoneNumberCountryCode;
import software.amazon.awssdk.services.connect.model.PhoneNumberType;

/** The telephony domain's Connect operations: the numbers, their claim status, the flows that answer them. */
final class TelephonyApi {

  private final TelephonyDomain telephony;
  private final Scenario scenario;
  private final Pager pager;

  TelephonyApi(TelephonyDomain telephony, Scenario scenario, Pager pager) {
    this.telephony = telephony;
    this.scenario = scenario;
    this.pager = pager;
  }

  void register(OperationRegistry r) {
    r.rest(CONNECT, "ListPhoneNumbersV2", "POST", "/phone-number/list", DEFAULT, this::listPhoneNumbersV2);
    r.rest(CONNECT, "DescribePhoneNumber", "GET", "/phone-number/{PhoneNumberId}", DEFAULT, this::describePhoneNumber);
    r.rest(CONNECT, "ListFlowAssociations", "GET", "/flow-associations-summary/{InstanceId}", DEFAULT,
        this::listFlowAssociations);
  }

  /** ListPhoneNumbersV2: POST with a JSON body; numbers claimed to the instance (or all, when no target is given). */
  private JsonNode listPhoneNumbersV2(Call call) {
    String targetArn = call.string("TargetArn");
    String instanceId = call.string("InstanceId");
    if (targetArn != null && instanceId != null) {
      throw call.service().invalidParameter("Specify either TargetArn or InstanceId, not both");
    }
    if (targetArn != null || instanceId != null) {
      call.instance(scenario, targetArn != null ? targetArn : instanceId);
    }
    Set<String> countries = new TreeSet<>(call.strings("PhoneNumberCountryCodes"));
    ConnectService.requireKnown(call, "PhoneNumberCountryCodes", countries,
        ConnectService.names(PhoneNumberCountryCode.knownValues()));
    Set<String> types = new TreeSet<>(call.strings("PhoneNumberTypes"));
    ConnectService.requireKnown(call, "PhoneNumberTypes", types, ConnectService.names(PhoneNumberType.knownValues()));
    String prefix = call.string("PhoneNumberPrefix");
    String wanted = prefix == null ? null : prefix.startsWith("+") ? prefix : "+" + prefix;
    EntityList<PhoneNumber> numbers = telephony.phoneNumbers();
    IntPredicate include = i -> {
      PhoneNumber n = numbers.get(i);
      return (countries.isEmpty() || countries.contains(n.countryCode()))
          && (types.isEmpty() || types.contains(n.type()))
          && (wanted == null || n.number().startsWith(wanted));
    };
    String scope = "countries=" + countries + ";types=" + types + ";prefix=" + wanted;
    Page page = pager.page(call, scope, numbers.size(), include, call.integer("MaxResults"), "MaxResults",
        call.string("NextToken"), LIST_DEFAULT, LIST_MAX);
    String instanceArn = scenario.instanceRef().arn();
    return object(
        "NextToken", page.nextToken(),
        "ListPhoneNumbersSummaryList", page.indexes().stream().map(numbers::get)
            .map(n -> object("PhoneNumberId", n.id(), "PhoneNumberArn", n.arn(), "PhoneNumber", n.number(),
                "PhoneNumberCountryCode", n.countryCode(), "PhoneNumberType", n.type(),
                "TargetArn", instanceArn,
                "InstanceId", scenario.instanceRef().id(), "PhoneNumberDescription", n.description()))
            .toList());
  }

  /**
   * DescribePhoneNumber: GET /phone-number/{PhoneNumberId} (the id or the number's ARN);
   * ClaimedPhoneNumberSummary with PhoneNumberStatus (CLAIMED, IN_PROGRESS or FAILED, with a message
   * when not CLAIMED) and TargetArn (every claimed number targets the instance, used or not).
   */
  private JsonNode describePhoneNumber(Call call) {
    String id = call.path("PhoneNumberId");
    EntityList<PhoneNumber> numbers = telephony.phoneNumbers();
    PhoneNumber n = numbers.byIdOrArn(id, PhoneNumber::arn)
        .orElseThrow(() -> call.service().notFound("Phone number not found: " + id));
    return object("ClaimedPhoneNumberSummary", object(
        "PhoneNumberId", n.id(),
        "PhoneNumberArn", n.arn(),
        "PhoneNumber", n.number(),
        "PhoneNumberCountryCode", n.countryCode(),
        "PhoneNumberType", n.type(),
        "PhoneNumberDescription", n.description(),
        "TargetArn", scenario.instanceRef().arn(),
        "InstanceId", scenario.instanceRef().id(),
        "Tags", Map.of(),
        "PhoneNumberStatus", object("Status", n.status(), "Message", n.statusMessage())));
  }

  /**
   * ListFlowAssociations: GET /flow-associations-summary/{InstanceId}?ResourceType=&maxResults=&nextToken=;
   * one VOICE_PHONE_NUMBER association (ResourceId = the number's ARN) per used number, to the main
   * inbound flow. What tells an unused number: it targets the instance but no flow answers it.
   */
  private JsonNode listFlowAssociations(Call call) {
    call.instance(scenario, call.path("InstanceId"));
    String type = call.query("ResourceType");
    Set<String> known = Set.of("WHATSAPP_MESSAGING_PHONE_NUMBER", "VOICE_PHONE_NUMBER", "INBOUND_EMAIL",
        "OUTBOUND_EMAIL", "ANALYTICS_CONNECTOR");
    if (type != null && !known.contains(type)) {
      throw call.service().invalidParameter("Invalid ResourceType: " + type);
    }
    EntityList<PhoneNumber> numbers = telephony.phoneNumbers();
    boolean voice = type == null || type.equals("VOICE_PHONE_NUMBER");
    Page page = pager.page(call, "type=" + type, numbers.size(), i -> voice && numbers.get(i).used(),
        call.queryInt("maxResults"), "maxResults", call.query("nextToken"), LIST_DEFAULT, LIST_MAX);
    String flowId = FlowsDomain.of(scenario).flows().get(0).id();
    return object(
        "NextToken", page.nextToken(),
        "FlowAssociationSummaryList", page.indexes().stream().map(numbers::get)
            .map(n -> object("ResourceId", n.arn(), "FlowId", flowId, "ResourceType", "VOICE_PHONE_NUMBER"))
            .toList());
  }
}
