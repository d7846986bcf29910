package com.connectopsreview.flow;

import static com.connectopsreview.flow.Fixtures.INSTANCE_ID;
import static com.connectopsreview.flow.Fixtures.NOW;
import static com.connectopsreview.flow.Fixtures.REVIEW_ID;
import static com.connectopsreview.flow.Fixtures.content;
import static com.connectopsreview.flow.Fixtures.flowArn;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.sections.FlowSection;
import com.connectopsreview.shared.sections.SectionContract;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The real SDK clients, built through {@link AwsClients} (so counted and paced), against WireMock
 * speaking Connect's REST-JSON protocol: the request shapes SDK 2.40.2 sends, and the call counts of
 * a large instance.
 */
class FlowAnalyzerWireTest {

  /** LastModifiedTime as Connect sends it (epoch seconds). */
  private static final long MODIFIED = 1_790_000_000L;

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path storeDir;

  @Test
  void run_sendsTheDocumentedRequestShapes_andDescribesOnlyWhatSearchReturnedWithoutContent() {
    stubInstance("true");
    WM.stubFor(post(urlEqualTo("/search-contact-flows")).withRequestBody(matchingJsonPath("$.NextToken", absent()))
        .willReturn(okJson(Json.toString(flowsPage(null, "p2",
            flowJson("f-1", "Main IVR", "CONTACT_FLOW", content("clean/inbound")),
            flowJson("f-2", "Default agent hold", "AGENT_HOLD", null))))));
    WM.stubFor(post(urlEqualTo("/search-contact-flows")).withRequestBody(matchingJsonPath("$.NextToken", equalTo("p2")))
        .willReturn(okJson(Json.toString(flowsPage(null, null,
            flowJson("f-3", "Orders", "CONTACT_FLOW", content("lint/lambda-timeout-positive")))))));
    WM.stubFor(get(urlEqualTo("/contact-flows/" + INSTANCE_ID + "/f-2")).willReturn(okJson(Json.toString(
        Json.mapper().createObjectNode().set("ContactFlow",
            flowJson("f-2", "Default agent hold", "AGENT_HOLD", content("logging/absent")))))));
    ObjectNode module = Json.mapper().createObjectNode().put("Id", "m-1").put("Arn", Fixtures.moduleArn("m-1"))
        .put("Name", "Account lookup").put("State", "ACTIVE").put("Status", "PUBLISHED");
    ObjectNode modules = Json.mapper().createObjectNode();
    modules.putArray("ContactFlowModules").add(module);
    modules.put("ApproximateTotalCount", 1);
    WM.stubFor(post(urlEqualTo("/search-contact-flow-modules")).willReturn(okJson(Json.toString(modules))));
    WM.stubFor(get(urlEqualTo("/contact-flow-modules/" + INSTANCE_ID + "/m-1")).willReturn(okJson(Json.toString(
        Json.mapper().createObjectNode().set("ContactFlowModule",
            module.deepCopy().put("Content", content("clean/module")))))));
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);

    AnalyzerResponse response = runner(store).run(Fixtures.request(NOW.plusSeconds(120)));

    assertEquals(ComponentStatus.OK, response.status(), () -> String.valueOf(response.errors()));
    assertEquals(new TreeMap<>(Map.of("Connect:DescribeInstance", 1L, "Connect:DescribeInstanceAttribute", 1L,
            "Connect:SearchContactFlows", 2L, "Connect:DescribeContactFlow", 1L,
            "Connect:SearchContactFlowModules", 1L, "Connect:DescribeContactFlowModule", 1L)),
        new TreeMap<>(response.apiCalls()));

    WM.verify(1, postRequestedFor(urlEqualTo("/search-contact-flows"))
        .withRequestBody(equalToJson("{\"InstanceId\":\"" + INSTANCE_ID + "\",\"MaxResults\":100}")));
    WM.verify(1, postRequestedFor(urlEqualTo("/search-contact-flows"))
        .withRequestBody(equalToJson("{\"InstanceId\":\"" + INSTANCE_ID + "\",\"MaxResults\":100,"
            + "\"NextToken\":\"p2\"}")));
    WM.verify(1, postRequestedFor(urlEqualTo("/search-contact-flow-modules"))
        .withRequestBody(equalToJson("{\"InstanceId\":\"" + INSTANCE_ID + "\",\"MaxResults\":100}")));
    WM.verify(1, getRequestedFor(urlEqualTo("/contact-flows/" + INSTANCE_ID + "/f-2")));
    WM.verify(1, getRequestedFor(urlEqualTo("/contact-flow-modules/" + INSTANCE_ID + "/m-1")));
    WM.verify(1, getRequestedFor(urlEqualTo("/instance/" + INSTANCE_ID + "/attribute/CONTACTFLOW_LOGS")));
    WM.verify(1, getRequestedFor(urlEqualTo("/instance/" + INSTANCE_ID)));
    WM.verify(0, getRequestedFor(urlPathMatching("/contact-flows/" + INSTANCE_ID + "/f-[13]")));

    AnalyzerResult stored = store.getResult(REVIEW_ID, "flow").orElseThrow();
    SectionContract.assertCurrent(stored.data(), FlowSection.class);
    JsonNode data = stored.data();
    assertTrue(data.get("instanceFlowLogs").asBoolean());
    assertEquals("MIXED", data.get("contentSource").asText());
    assertEquals(3, data.get("totalFlows").asInt());
    assertEquals(1, data.get("totalModules").asInt());
    assertEquals("ABSENT", data.at("/flows/1/logging").asText());
    assertTrue(data.at("/flows/1/dependsOnInstanceSetting").asBoolean());
    assertTrue(data.at("/flows/1/defaultFlow").asBoolean());
    assertEquals("https://contoso.my.connect.aws/contact-flows/edit?id="
        + flowArn("f-2").replace(":", "%3A").replace("/", "%2F") + "&tab=designer", data.at("/flows/1/editUrl").asText());
    assertEquals(4, data.at("/flows/2/lintCount").asInt());
    assertEquals(2, data.at("/analysis/describeCalls").asInt());
    assertEquals(3, data.at("/analysis/searchPages").asInt());
    assertEquals(4, data.at("/analysis/analyzed").asInt());
    // The cache remembers the described flow with the LastModifiedTime Connect gave.
    JsonNode cache = Json.mapper().valueToTree(Json.fromBytes(store.getCache("flow", INSTANCE_ID).orElseThrow(),
        Map.class));
    assertEquals(java.time.Instant.ofEpochSecond(MODIFIED).toString(), cache.at("/flows/f-2/lastModifiedTime").asText());
  }

  @Test
  void largeInstance_twoThousandFlowsWithContent_takeTwentySearchPagesAndNoDescribe_andTheSecondReviewReusesAll() {
    stubInstance("false");
    int pages = 20;
    for (int p = 0; p < pages; p++) {
      ArrayNode flows = Json.mapper().createArrayNode();
      for (int i = 0; i < FlowFetcher.SEARCH_PAGE_SIZE; i++) {
        int n = p * FlowFetcher.SEARCH_PAGE_SIZE + i;
        // Every tenth flow has no logging block; the rest are the clean inbound flow.
        flows.add(flowJson("flow-" + n, "Flow " + n, "CONTACT_FLOW",
            content(n % 10 == 0 ? "logging/absent" : "clean/inbound")));
      }
      ObjectNode page = Json.mapper().createObjectNode();
      page.set("ContactFlows", flows);
      page.put("ApproximateTotalCount", pages * FlowFetcher.SEARCH_PAGE_SIZE);
      if (p + 1 < pages) {
        page.put("NextToken", "page-" + (p + 1));
      }
      WM.stubFor(post(urlEqualTo("/search-contact-flows"))
          .withRequestBody(p == 0 ? matchingJsonPath("$.NextToken", absent())
              : matchingJsonPath("$.NextToken", equalTo("page-" + p)))
          .willReturn(okJson(Json.toString(page))));
    }
    WM.stubFor(post(urlEqualTo("/search-contact-flow-modules")).willReturn(okJson("{\"ContactFlowModules\":[]}")));
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);

    AnalyzerResponse first = runner(store).run(Fixtures.request(NOW.plusSeconds(600)));

    assertEquals(ComponentStatus.OK, first.status(), () -> String.valueOf(first.errors()));
    assertEquals(new TreeMap<>(Map.of("Connect:DescribeInstance", 1L, "Connect:DescribeInstanceAttribute", 1L,
        "Connect:SearchContactFlows", 20L, "Connect:SearchContactFlowModules", 1L)), new TreeMap<>(first.apiCalls()));
    AnalyzerResult stored = store.getResult(REVIEW_ID, "flow").orElseThrow();
    SectionContract.assertCurrent(stored.data(), FlowSection.class);
    assertEquals(2000, stored.data().get("totalFlows").asInt());
    assertEquals(2000, stored.data().get("flows").size());
    assertEquals(2000, stored.data().at("/analysis/analyzed").asInt());
    assertEquals("90.0", stored.data().get("loggingCompliancePercent").decimalValue().setScale(1).toPlainString());
    assertEquals(200, Fixtures.withCheckId(stored.findings(), "FLOW.LOGGING.MISSING").size());
    assertEquals(0, stored.data().get("lint").size());

    int before = WM.findAll(anyRequestedFor(anyUrl())).size();
    AnalyzerResponse second = runner(store).run(Fixtures.request(NOW.plusSeconds(600)));

    assertEquals(ComponentStatus.OK, second.status());
    assertEquals(23, WM.findAll(anyRequestedFor(anyUrl())).size() - before);
    AnalyzerResult again = store.getResult(REVIEW_ID, "flow").orElseThrow();
    SectionContract.assertCurrent(again.data(), FlowSection.class);
    assertEquals(0, again.data().at("/analysis/analyzed").asInt());
    assertEquals(2000, again.data().at("/analysis/reusedFromCache").asInt());
    assertEquals(200, Fixtures.withCheckId(again.findings(), "FLOW.LOGGING.MISSING").size());
  }

  // ---- stubs ----

  private static void stubInstance(String flowLogs) {
    WM.stubFor(get(urlEqualTo("/instance/" + INSTANCE_ID)).willReturn(okJson(
        "{\"Instance\":{\"Id\":\"" + INSTANCE_ID + "\",\"InstanceAccessUrl\":\"https://contoso.my.connect.aws\"}}")));
    WM.stubFor(get(urlPathEqualTo("/instance/" + INSTANCE_ID + "/attribute/CONTACTFLOW_LOGS")).willReturn(okJson(
        "{\"Attribute\":{\"AttributeType\":\"CONTACTFLOW_LOGS\",\"Value\":\"" + flowLogs + "\"}}")));
  }

  private static ObjectNode flowsPage(Long total, String nextToken, ObjectNode... flows) {
    ObjectNode page = Json.mapper().createObjectNode();
    ArrayNode list = page.putArray("ContactFlows");
    for (ObjectNode f : flows) {
      list.add(f);
    }
    page.put("ApproximateTotalCount", total == null ? flows.length : total);
    if (nextToken != null) {
      page.put("NextToken", nextToken);
    }
    return page;
  }

  /** A ContactFlow as Connect serializes it; content null leaves Content out. */
  private static ObjectNode flowJson(String id, String name, String type, String content) {
    ObjectNode flow = Json.mapper().createObjectNode().put("Arn", flowArn(id)).put("Id", id).put("Name", name)
        .put("Type", type).put("State", "ACTIVE").put("Status", "PUBLISHED").put("LastModifiedTime", MODIFIED)
        .put("LastModifiedRegion", "us-east-1");
    if (content != null) {
      flow.put("Content", content);
    }
    return flow;
  }

  private AnalyzerRunner runner(LocalDirectoryResultStore store) {
    AwsClients aws = new AwsClients(new ApiCallCounter(ApiRateLimiter.unlimited()), AwsClients.Options.defaults()
        .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWIRETEST", "wire-secret")))
        .withEndpoint(URI.create(WM.baseUrl())));
    return AnalyzerRunner.of(FlowAnalyzerFactory::create, store, aws, Clock.fixed(NOW, ZoneOffset.UTC));
  }
}
