package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.telephony.TelephonyDomain;
import com.connectopsreview.local.sandbox.instance.InstanceConfigDomain;
import com.connectopsreview.local.sandbox.flows.FlowsDomain;
import com.connectopsreview.local.sandbox.entities.EntitiesDomain;
import com.connectopsreview.shared.json.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.Attribute;
import software.amazon.awssdk.services.connect.model.ContactFlow;
import software.amazon.awssdk.services.connect.model.ContactFlowSummary;
import software.amazon.awssdk.services.connect.model.ContactFlowType;
import software.amazon.awssdk.services.connect.model.DescribeInstanceResponse;
import software.amazon.awssdk.services.connect.model.Instance;
import software.amazon.awssdk.services.connect.model.InstanceAttributeType;
import software.amazon.awssdk.services.connect.model.InstanceStorageConfig;
import software.amazon.awssdk.services.connect.model.InstanceStorageResourceType;
import software.amazon.awssdk.services.connect.model.InvalidParameterException;
import software.amazon.awssdk.services.connect.model.ListInstanceAttributesResponse;
import software.amazon.awssdk.services.connect.model.ListPhoneNumbersSummary;
import software.amazon.awssdk.services.connect.model.ListUsersResponse;
import software.amazon.awssdk.services.connect.model.PhoneNumberType;
import software.amazon.awssdk.services.connect.model.QueueSummary;
import software.amazon.awssdk.services.connect.model.QueueType;
import software.amazon.awssdk.services.connect.model.ResourceNotFoundException;
import software.amazon.awssdk.services.connect.model.StorageType;

/**
 * Every routed Amazon Connect operation through the real ConnectClient (built by shared-lib's
 * AwsClients), against the SMALL sandbox: REST-JSON paths, epoch-second timestamps, pagination and
 * error mapping.
 */
@ExtendWith(LoopbackGuardExtension.class)
class SandboxConnectWireTest {

  private static Sandbox sandbox;
  private static Scenario scenario;
  private static String instanceId;
  private SandboxClients clients;
  private ConnectClient connect;

  @BeforeAll
  static void startSandbox() {
    sandbox = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL));
    scenario = sandbox.scenario();
    instanceId = sandbox.instance().id();
  }

  @AfterAll
  static void stopSandbox() {
    sandbox.close();
  }

  @BeforeEach
  void newClients() {
    clients = SandboxClients.unlimited(sandbox);
    connect = clients.connect();
  }

  @Test
  void describeInstance_returnsTheScenarioInstance() {
    InstanceConfigDomain config = InstanceConfigDomain.of(scenario);
    DescribeInstanceResponse response = connect.describeInstance(b -> b.instanceId(instanceId));

    Instance i = response.instance();
    assertEquals(instanceId, i.id());
    assertEquals(sandbox.instance().arn(), i.arn());
    assertEquals("CONNECT_MANAGED", i.identityManagementTypeAsString());
    assertEquals(config.instance().alias(), i.instanceAlias());
    assertEquals(config.instance().createdTime(), i.createdTime());
    assertEquals("ACTIVE", i.instanceStatusAsString());
    assertEquals(true, i.inboundCallsEnabled());
    assertEquals(false, i.outboundCallsEnabled());
    assertEquals(config.instance().accessUrl(), i.instanceAccessUrl());
    assertEquals("sandbox", i.tags().get("environment"));
    assertNull(response.replicationConfiguration());
    // The ARN works as InstanceId too.
    assertEquals(instanceId, connect.describeInstance(b -> b.instanceId(sandbox.instance().arn())).instance().id());
  }

  @Test
  void unknownInstance_isResourceNotFound404() {
    ResourceNotFoundException e = assertThrows(ResourceNotFoundException.class,
        () -> connect.describeInstance(b -> b.instanceId("00000000-0000-4000-8000-000000000000")));

    assertEquals(404, e.statusCode());
    assertEquals("ResourceNotFoundException", e.awsErrorDetails().errorCode());
    assertTrue(e.getMessage().contains("00000000-0000-4000-8000-000000000000"), e.getMessage());
    assertThrows(ResourceNotFoundException.class, () -> connect.listUsers(b -> b.instanceId("nope")));
  }

  @Test
  void listInstanceAttributes_pagesOfSevenCoverEveryAttribute() {
    ListInstanceAttributesResponse first = connect.listInstanceAttributes(b -> b.instanceId(instanceId));

    assertEquals(7, first.attributes().size());
    assertNotNull(first.nextToken());
    Map<String, String> all = connect.listInstanceAttributesPaginator(b -> b.instanceId(instanceId)).attributes()
        .stream().collect(Collectors.toMap(Attribute::attributeTypeAsString, Attribute::value));
    assertEquals(InstanceConfigDomain.of(scenario).attributes(), all);
    assertEquals(InstanceAttributeType.knownValues().size(), all.size());
    assertEquals(Map.of("Connect:ListInstanceAttributes", 3L), clients.counter().snapshot());
  }

  @Test
  void describeInstanceAttribute_answersEachTypeAndRejectsAnUnknownOne() {
    for (InstanceAttributeType type : InstanceAttributeType.knownValues()) {
      Attribute attribute = connect.describeInstanceAttribute(b -> b.instanceId(instanceId).attributeType(type))
          .attribute();
      assertEquals(type, attribute.attributeType());
      assertEquals(InstanceConfigDomain.of(scenario).attributes().get(type.toString()), attribute.value());
    }
    InvalidParameterException e = assertThrows(InvalidParameterException.class,
        () -> connect.describeInstanceAttribute(b -> b.instanceId(instanceId).attributeType("NOT_A_TYPE")));
    assertEquals(400, e.statusCode());
  }

  @Test
  void listInstanceStorageConfigs_everyResourceType() {
    InstanceConfigDomain config = InstanceConfigDomain.of(scenario);
    int configured = 0;
    for (InstanceStorageResourceType type : InstanceStorageResourceType.knownValues()) {
      List<InstanceStorageConfig> configs = connect.listInstanceStorageConfigsPaginator(
          b -> b.instanceId(instanceId).resourceType(type)).storageConfigs().stream().toList();
      assertEquals(config.storageConfigs(type.toString()).size(), configs.size(), type.toString());
      configured += configs.size();
    }
    assertEquals(config.storageConfigs().size(), configured);

    InstanceStorageConfig reports = connect.listInstanceStorageConfigs(
        b -> b.instanceId(instanceId).resourceType(InstanceStorageResourceType.SCHEDULED_REPORTS)).storageConfigs().get(0);
    assertEquals(StorageType.S3, reports.storageType());
    assertNull(reports.s3Config().encryptionConfig());
    InstanceStorageConfig media = connect.listInstanceStorageConfigs(
        b -> b.instanceId(instanceId).resourceType(InstanceStorageResourceType.MEDIA_STREAMS)).storageConfigs().get(0);
    assertEquals(StorageType.KINESIS_VIDEO_STREAM, media.storageType());
    assertEquals(0, media.kinesisVideoStreamConfig().retentionPeriodHours());
    assertEquals("KMS", media.kinesisVideoStreamConfig().encryptionConfig().encryptionTypeAsString());
    InstanceStorageConfig ctr = connect.listInstanceStorageConfigs(
        b -> b.instanceId(instanceId).resourceType(InstanceStorageResourceType.CONTACT_TRACE_RECORDS))
        .storageConfigs().get(0);
    assertEquals(config.firehoseStreams().get(0).arn(), ctr.kinesisFirehoseConfig().firehoseArn());
    assertThrows(InvalidParameterException.class,
        () -> connect.listInstanceStorageConfigs(b -> b.instanceId(instanceId).resourceType("NOT_A_TYPE")));
  }

  @Test
  void listContactFlows_filtersByTypeAndPaginates() {
    FlowsDomain flowsDomain = FlowsDomain.of(scenario);
    List<ContactFlowSummary> all = connect.listContactFlowsPaginator(b -> b.instanceId(instanceId).maxResults(5))
        .contactFlowSummaryList().stream().toList();
    assertEquals(flowsDomain.flows().size(), all.size());
    assertEquals(flowsDomain.flows().get(3).name(), all.get(3).name());
    assertEquals(flowsDomain.flows().get(3).arn(), all.get(3).arn());

    List<ContactFlowSummary> queueFlows = connect.listContactFlowsPaginator(
            b -> b.instanceId(instanceId).contactFlowTypes(ContactFlowType.CUSTOMER_QUEUE).maxResults(1))
        .contactFlowSummaryList().stream().toList();
    long expected = flowsDomain.flows().stream().filter(f -> f.type().equals("CUSTOMER_QUEUE")).count();
    assertEquals(expected, queueFlows.size());
    assertTrue(expected >= 2, "several customer-queue flows to page over");
    assertTrue(queueFlows.stream().allMatch(f -> f.contactFlowType() == ContactFlowType.CUSTOMER_QUEUE));
    assertThrows(InvalidParameterException.class,
        () -> connect.listContactFlows(b -> b.instanceId(instanceId).contactFlowTypesWithStrings("NOPE")));
  }

  @Test
  void describeContactFlow_returnsFlowLanguageContent() throws Exception {
    FlowsDomain flowsDomain = FlowsDomain.of(scenario);
    FlowsDomain.ContactFlow planned = flowsDomain.flows().get(10);

    ContactFlow flow = connect.describeContactFlow(b -> b.instanceId(instanceId).contactFlowId(planned.id()))
        .contactFlow();

    assertEquals(planned.name(), flow.name());
    assertEquals(planned.type(), flow.typeAsString());
    assertEquals(planned.lastModified(), flow.lastModifiedTime());
    assertEquals(flowsDomain.flowContent(planned), flow.content());
    assertEquals("2019-10-30", Json.mapper().readTree(flow.content()).get("Version").asText());
    assertThrows(ResourceNotFoundException.class, () -> connect.describeContactFlow(
        b -> b.instanceId(instanceId).contactFlowId("00000000-0000-4000-8000-000000000000")));
  }

  @Test
  void listUsers_pagesWithOpaqueTokensAndEpochSecondTimestamps() {
    EntitiesDomain entities = EntitiesDomain.of(scenario);
    ListUsersResponse first = connect.listUsers(b -> b.instanceId(instanceId).maxResults(15));
    assertEquals(15, first.userSummaryList().size());
    assertNotNull(first.nextToken());
    assertFalse(first.nextToken().contains("15"), "the token is opaque: " + first.nextToken());
    assertEquals(entities.users().get(0).lastModified(), first.userSummaryList().get(0).lastModifiedTime());
    assertEquals("us-east-1", first.userSummaryList().get(0).lastModifiedRegion());

    List<String> usernames = new ArrayList<>();
    String token = null;
    int pages = 0;
    do {
      String next = token;
      ListUsersResponse page = connect.listUsers(b -> b.instanceId(instanceId).maxResults(15).nextToken(next));
      page.userSummaryList().forEach(u -> usernames.add(u.username()));
      token = page.nextToken();
      pages++;
    } while (token != null);

    assertEquals(3, pages);
    assertEquals(entities.users().stream().map(EntitiesDomain.User::username).toList(), usernames);
    assertEquals(usernames.size(), new HashSet<>(usernames).size());
  }

  @Test
  void pagination_rejectsTamperedForeignAndOutOfRangeArguments() {
    String usersToken = connect.listUsers(b -> b.instanceId(instanceId).maxResults(5)).nextToken();

    InvalidParameterException garbage = assertThrows(InvalidParameterException.class,
        () -> connect.listUsers(b -> b.instanceId(instanceId).nextToken("not-a-token")));
    assertEquals(400, garbage.statusCode());
    assertTrue(garbage.getMessage().contains("NextToken"), garbage.getMessage());
    // A token is only valid for the operation that issued it.
    assertThrows(InvalidParameterException.class,
        () -> connect.listQueues(b -> b.instanceId(instanceId).nextToken(usersToken)));
    InvalidParameterException tooMany = assertThrows(InvalidParameterException.class,
        () -> connect.listUsers(b -> b.instanceId(instanceId).maxResults(1001)));
    assertTrue(tooMany.getMessage().contains("less than or equal to 1000"), tooMany.getMessage());
    assertThrows(InvalidParameterException.class,
        () -> connect.listInstanceAttributes(b -> b.instanceId(instanceId).maxResults(8)));
    assertThrows(InvalidParameterException.class,
        () -> connect.listUsers(b -> b.instanceId(instanceId).maxResults(0)));
  }

  @Test
  void listQueues_filtersStandardAndAgentQueues() {
    List<QueueSummary> standard = connect.listQueuesPaginator(
        b -> b.instanceId(instanceId).queueTypes(QueueType.STANDARD)).queueSummaryList().stream().toList();
    List<QueueSummary> agent = connect.listQueuesPaginator(
        b -> b.instanceId(instanceId).queueTypes(QueueType.AGENT).maxResults(7)).queueSummaryList().stream().toList();
    List<QueueSummary> both = connect.listQueuesPaginator(
        b -> b.instanceId(instanceId).queueTypes(QueueType.STANDARD, QueueType.AGENT)).queueSummaryList().stream()
        .toList();

    assertEquals(scenario.counts().standardQueues(), standard.size());
    assertTrue(standard.stream().allMatch(q -> q.queueType() == QueueType.STANDARD && q.name() != null));
    assertEquals(EntitiesDomain.of(scenario).users().size(), agent.size());
    assertTrue(agent.stream().allMatch(q -> q.queueType() == QueueType.AGENT && q.name() == null));
    assertEquals(standard.size() + agent.size(), both.size());
  }

  @Test
  void listPhoneNumbersV2_postsAJsonBodyAndFilters() {
    TelephonyDomain telephony = TelephonyDomain.of(scenario);
    List<ListPhoneNumbersSummary> all = connect.listPhoneNumbersV2Paginator(
        b -> b.instanceId(instanceId).maxResults(5)).listPhoneNumbersSummaryList().stream().toList();
    assertEquals(telephony.phoneNumbers().size(), all.size());
    ListPhoneNumbersSummary first = all.get(0);
    TelephonyDomain.PhoneNumber planned = telephony.phoneNumbers().get(0);
    assertEquals(planned.number(), first.phoneNumber());
    assertEquals(planned.arn(), first.phoneNumberArn());
    assertEquals(sandbox.instance().arn(), first.targetArn());
    assertEquals(instanceId, first.instanceId());

    List<ListPhoneNumbersSummary> tollFree = connect.listPhoneNumbersV2Paginator(
            b -> b.targetArn(sandbox.instance().arn()).phoneNumberTypes(PhoneNumberType.TOLL_FREE))
        .listPhoneNumbersSummaryList().stream().toList();
    assertEquals(telephony.phoneNumbers().stream().filter(n -> n.type().equals("TOLL_FREE")).count(), tollFree.size());
    List<ListPhoneNumbersSummary> uk = connect.listPhoneNumbersV2(
        b -> b.instanceId(instanceId).phoneNumberCountryCodesWithStrings("GB")).listPhoneNumbersSummaryList();
    assertEquals(1, uk.size());
    assertTrue(uk.get(0).phoneNumber().startsWith("+44"));
    List<ListPhoneNumbersSummary> byPrefix = connect.listPhoneNumbersV2(
        b -> b.instanceId(instanceId).phoneNumberPrefix("44")).listPhoneNumbersSummaryList();
    assertEquals(uk.get(0).phoneNumberId(), byPrefix.get(0).phoneNumberId());
    assertThrows(InvalidParameterException.class, () -> connect.listPhoneNumbersV2(
        b -> b.instanceId(instanceId).targetArn(sandbox.instance().arn())));
    assertThrows(ResourceNotFoundException.class, () -> connect.listPhoneNumbersV2(
        b -> b.instanceId("00000000-0000-4000-8000-000000000000")));
  }

  static Stream<Arguments> entityLists() {
    EntitiesDomain entities = EntitiesDomain.of(scenario);
    return Stream.of(
        Arguments.of("ListContactFlowModules", (Function<ConnectClient, Integer>) c -> c.listContactFlowModulesPaginator(
            b -> b.instanceId(instanceId).maxResults(3)).contactFlowModulesSummaryList().stream().toList().size(),
            FlowsDomain.of(scenario).flowModules().size()),
        Arguments.of("ListRoutingProfiles", (Function<ConnectClient, Integer>) c -> c.listRoutingProfilesPaginator(
            b -> b.instanceId(instanceId).maxResults(2)).routingProfileSummaryList().stream().toList().size(),
            entities.routingProfiles().size()),
        Arguments.of("ListPrompts", (Function<ConnectClient, Integer>) c -> c.listPromptsPaginator(
            b -> b.instanceId(instanceId).maxResults(4)).promptSummaryList().stream().toList().size(),
            entities.prompts().size()),
        Arguments.of("ListHoursOfOperations", (Function<ConnectClient, Integer>) c -> c.listHoursOfOperationsPaginator(
            b -> b.instanceId(instanceId).maxResults(3)).hoursOfOperationSummaryList().stream().toList().size(),
            entities.hoursOfOperations().size()),
        Arguments.of("ListQuickConnects", (Function<ConnectClient, Integer>) c -> c.listQuickConnectsPaginator(
            b -> b.instanceId(instanceId).maxResults(4)).quickConnectSummaryList().stream().toList().size(),
            entities.quickConnects().size()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("entityLists")
  void otherEntityLists_returnEveryEntityAcrossPages(String operation, Function<ConnectClient, Integer> listAll,
      int expected) {
    assertEquals(expected, listAll.apply(connect));
    long calls = clients.counter().snapshot().get("Connect:" + operation);
    assertTrue(calls >= 2, operation + " paginated over " + calls + " calls");
  }

  @Test
  void servedCalls_matchTheClientsCount() {
    try (Sandbox own = Sandbox.start(SandboxOptions.defaults(SandboxSize.SMALL))) {
      SandboxClients c = SandboxClients.unlimited(own);
      String id = own.instance().id();
      c.connect().describeInstance(b -> b.instanceId(id));
      c.connect().listUsersPaginator(b -> b.instanceId(id).maxResults(10)).userSummaryList().stream().count();
      assertThrows(ResourceNotFoundException.class, () -> c.connect().describeInstance(b -> b.instanceId("x")));

      assertEquals(Map.of("Connect:DescribeInstance", 2L, "Connect:ListUsers", 4L), own.servedCalls());
      assertEquals(own.servedCalls(), c.counter().snapshot());
      assertEquals(Map.of(), own.throttledCalls());
      assertEquals(List.of(), own.unroutedRequests());
    }
  }
}
