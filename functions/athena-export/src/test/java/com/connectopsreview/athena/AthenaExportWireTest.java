package com.connectopsreview.athena;

import static com.connectopsreview.athena.Fixtures.NOW;
import static com.connectopsreview.athena.Fixtures.REVIEW_ID;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerResponse;
import com.connectopsreview.shared.model.AnalyzerResult;
import com.connectopsreview.shared.model.ComponentStatus;
import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.ratelimit.ApiCallCounter;
import com.connectopsreview.shared.ratelimit.ApiRateLimiter;
import com.connectopsreview.shared.sections.AthenaSection;
import com.connectopsreview.shared.sections.AthenaSection.CheckIds;
import com.connectopsreview.shared.sections.AthenaSection.Readiness;
import com.connectopsreview.shared.sections.SectionContract;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The real AthenaClient and GlueClient (SDK 2.40.2), built through {@link AwsClients}, against WireMock
 * speaking their JSON 1.1 protocol: {@code POST /} with {@code X-Amz-Target: AmazonAthena.GetWorkGroup},
 * {@code AWSGlue.GetDatabase}, {@code AWSGlue.GetTables} and {@code AWSGlue.GetTable}.
 */
class AthenaExportWireTest {

  static final String GET_WORK_GROUP = "AmazonAthena.GetWorkGroup";
  static final String GET_DATABASE = "AWSGlue.GetDatabase";
  static final String GET_TABLES = "AWSGlue.GetTables";
  static final String GET_TABLE = "AWSGlue.GetTable";

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path storeDir;

  @Test
  void run_sendsEachReadsFields_followsGetTablesNextToken_andReadsTheLinkTargets() throws Exception {
    WM.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(GET_WORK_GROUP)).willReturn(json("""
        {"WorkGroup":{"Name":"connect_wg","State":"ENABLED","Configuration":{"ResultConfiguration":{
         "OutputLocation":"s3://wg-results/athena/","EncryptionConfiguration":{"EncryptionOption":"SSE_KMS",
         "KmsKey":"arn:aws:kms:us-east-1:123456789012:key/1"}},"EnforceWorkGroupConfiguration":true}}}""")));
    WM.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(GET_DATABASE)).willReturn(json("""
        {"Database":{"Name":"connect_consumer","TargetDatabase":{"CatalogId":"111111111111",
         "DatabaseName":"connect_datalake","Region":"us-east-1"}}}""")));
    WM.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(GET_TABLES))
        .withRequestBody(matchingJsonPath("$.NextToken", absent())).willReturn(json("""
        {"TableList":[{"Name":"contact_record_link","DatabaseName":"connect_consumer","TargetTable":{
         "CatalogId":"111111111111","DatabaseName":"connect_datalake","Name":"contact_record","Region":"us-east-1"}}],
         "NextToken":"page-2"}""")));
    WM.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(GET_TABLES))
        .withRequestBody(matchingJsonPath("$.NextToken", equalTo("page-2"))).willReturn(json("""
        {"TableList":[{"Name":"contact_flow_events_link","DatabaseName":"connect_consumer","TargetTable":{
         "CatalogId":"111111111111","DatabaseName":"connect_datalake","Name":"contact_flow_events",
         "Region":"us-east-1"}}]}""")));
    WM.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(GET_TABLE))
        .withRequestBody(matchingJsonPath("$.Name", equalTo("contact_record"))).willReturn(json("""
        {"Table":{"Name":"contact_record","DatabaseName":"connect_datalake","CatalogId":"111111111111",
         "StorageDescriptor":{"Columns":[{"Name":"contact_id","Type":"string"}],
         "Location":"s3://producer-datalake/contact_record/"},"IsRegisteredWithLakeFormation":true}}""")));
    // Seed 000's broken link: the target answers, but without its StorageDescriptor.
    WM.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(GET_TABLE))
        .withRequestBody(matchingJsonPath("$.Name", equalTo("contact_flow_events"))).willReturn(json("""
        {"Table":{"Name":"contact_flow_events","DatabaseName":"connect_datalake","CatalogId":"111111111111",
         "IsRegisteredWithLakeFormation":false}}""")));
    AthenaQueryWireTest.stubLifecycle(WM, "wg-results", true);
    AthenaQueryWireTest.stubQuery(WM, "queue_kpis", "exec-queue", "SUCCEEDED", List.of("day"), List.of());
    AthenaQueryWireTest.stubQuery(WM, "contact_volume", "exec-volume", "SUCCEEDED", List.of("day"), List.of());
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);

    AnalyzerResponse response = runner(store).run(Fixtures.request(NOW.plusSeconds(120)));

    assertEquals(ComponentStatus.OK, response.status(), () -> String.valueOf(response.errors()));
    assertEquals(Map.of("Athena:GetWorkGroup", 1L, "Glue:GetDatabase", 1L, "Glue:GetTables", 2L, "Glue:GetTable", 2L,
        "S3:GetBucketLifecycleConfiguration", 1L, "Athena:StartQueryExecution", 2L, "Athena:GetQueryExecution", 2L,
        "Athena:GetQueryResults", 2L), response.apiCalls());
    assertEquals(Json.mapper().readTree("{\"WorkGroup\":\"connect_wg\"}"), body(sent(GET_WORK_GROUP).get(0)));
    assertEquals(Json.mapper().readTree("{\"Name\":\"connect_consumer\"}"), body(sent(GET_DATABASE).get(0)));
    List<LoggedRequest> pages = sent(GET_TABLES);
    assertEquals(Json.mapper().readTree("{\"DatabaseName\":\"connect_consumer\"}"), body(pages.get(0)));
    assertEquals(Json.mapper().readTree("{\"DatabaseName\":\"connect_consumer\",\"NextToken\":\"page-2\"}"),
        body(pages.get(1)));
    assertEquals(Json.mapper().readTree(
        "{\"CatalogId\":\"111111111111\",\"DatabaseName\":\"connect_datalake\",\"Name\":\"contact_record\"}"),
        body(sent(GET_TABLE).get(0)));
    for (LoggedRequest request : WM.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target",
        com.github.tomakehurst.wiremock.client.WireMock.matching(".+")))) {
      assertTrue(request.getHeader("Content-Type").startsWith("application/x-amz-json-1.1"),
          request.getHeader("Content-Type"));
    }
    assertTrue(sent(GET_WORK_GROUP).get(0).getHeader("Authorization").contains("/us-east-1/athena/aws4_request"));
    assertTrue(sent(GET_TABLE).get(0).getHeader("Authorization").contains("/us-east-1/glue/aws4_request"));

    AnalyzerResult stored = store.getResult(REVIEW_ID, "athena").orElseThrow();
    AthenaSection data = SectionContract.assertCurrent(stored.data(), AthenaSection.class);
    assertEquals("SSE_KMS", data.workgroup().encryptionOption());
    assertTrue(data.workgroup().enforceWorkGroupConfiguration());
    assertEquals("connect_datalake", data.database().target().databaseName());
    assertTrue(data.tablesComplete());
    assertEquals(List.of(Readiness.READY, Readiness.NO_STORAGE_DESCRIPTOR),
        data.tables().stream().map(AthenaSection.TableRow::readiness).toList());
    assertEquals(List.of("SUCCEEDED", "SUCCEEDED", "NOT_STARTED"),
        data.queries().stream().map(AthenaSection.QueryRun::state).toList(), "flow_disconnects needs the broken link");
    assertTrue(data.resultsBucket().expiresObjects());
    Finding broken = stored.findings().stream()
        .filter(f -> f.checkId().equals(CheckIds.RESOURCE_LINK_NO_STORAGE_DESCRIPTOR)).findFirst().orElseThrow();
    assertEquals("arn:aws:glue:us-east-1:123456789012:table/connect_consumer/contact_flow_events_link",
        broken.resource());
  }

  @Test
  void run_glueAccessDeniedByLakeFormation_isTheFinding_andOtherDenialsAreErrors() {
    WM.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(GET_WORK_GROUP))
        .willReturn(error("AccessDeniedException", "User: arn:aws:sts::123456789012:assumed-role/x/y is not "
            + "authorized to perform: athena:GetWorkGroup")));
    WM.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(GET_DATABASE))
        .willReturn(error("AccessDeniedException", "Insufficient Lake Formation permission(s) on connect_consumer")));
    LocalDirectoryResultStore store = new LocalDirectoryResultStore(storeDir);

    AnalyzerResponse response = runner(store).run(Fixtures.request(NOW.plusSeconds(120)));

    assertEquals(ComponentStatus.PARTIAL, response.status());
    AnalyzerResult stored = store.getResult(REVIEW_ID, "athena").orElseThrow();
    assertEquals(1, stored.errors().size(), stored.errors().toString());
    assertTrue(stored.errors().get(0).startsWith("Athena workgroup connect_wg not read"), stored.errors().get(0));
    assertEquals(List.of(CheckIds.LAKE_FORMATION_DENIED), Fixtures.ids(stored.findings()));
    assertEquals("arn:aws:glue:us-east-1:123456789012:database/connect_consumer", stored.findings().get(0).resource());
    assertTrue(sent(GET_TABLES).isEmpty(), "no listing after the database was refused");
    AthenaSection data = SectionContract.assertCurrent(stored.data(), AthenaSection.class);
    assertNull(data.workgroup());
  }

  private static List<LoggedRequest> sent(String target) {
    return WM.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target)));
  }

  private static JsonNode body(LoggedRequest request) {
    try {
      return Json.mapper().readTree(request.getBodyAsString());
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  private static ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
  }

  private static ResponseDefinitionBuilder error(String code, String message) {
    return aResponse().withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
        .withHeader("x-amzn-ErrorType", code).withBody("{\"__type\":\"" + code + "\",\"message\":\"" + message + "\"}");
  }

  private AnalyzerRunner runner(LocalDirectoryResultStore store) {
    AwsClients clients = new AwsClients(new ApiCallCounter(ApiRateLimiter.unlimited()), AwsClients.Options.defaults()
        .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWIRETEST", "wire-secret")))
        .withEndpoint(URI.create(WM.baseUrl())));
    return AnalyzerRunner.of(AthenaExportFactory.withSettings(new AthenaSettings("connect_consumer", "connect_wg",
        null, null, null)), store, clients, Clock.fixed(NOW, ZoneOffset.UTC));
  }
}
