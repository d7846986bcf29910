package com.connectopsreview.athena;

import static com.connectopsreview.athena.Fixtures.NOW;
import static com.connectopsreview.athena.Fixtures.REVIEW_ID;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import com.connectopsreview.shared.sections.SectionContract;
import com.connectopsreview.shared.store.LocalDirectoryResultStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The KPI queries over the wire: the real SDK 2.40.2 clients against WireMock speaking Athena's and
 * Glue's JSON 1.1, Lake Formation's REST-JSON, S3's REST-XML (path-style) and STS's query protocol.
 * Proves StartQueryExecution's fields (ExecutionParameters in {@code ?} order, context, workgroup,
 * token), GetQueryExecution, GetQueryResults paged by NextToken, ListPermissions' Principal and
 * Resource, GetBucketLifecycleConfiguration, AssumeRole with DATALAKE_ROLE_ARN, and that a failing
 * query leaves the others' results and exports stored (PARTIAL, naming it).
 */
class AthenaQueryWireTest {

  static final String START = "AmazonAthena.StartQueryExecution";
  static final String GET_EXECUTION = "AmazonAthena.GetQueryExecution";
  static final String GET_RESULTS = "AmazonAthena.GetQueryResults";

  @RegisterExtension
  static final WireMockExtension WM = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @TempDir Path storeDir;

  @Test
  void run_startsEachQueryWithItsParameters_pagesTheResults_exportsThem_andAFailedQueryIsPartial() throws Exception {
    readyDataLake(WM);
    stubLifecycle(WM, "wg-results", false);
    stubQuery(WM, "queue_kpis", "exec-queue", "SUCCEEDED", List.of("day", "queue_id", "queue_name", "queued",
        "answered", "answered_in_threshold", "abandoned", "short_abandoned", "transferred", "talk_ms", "hold_ms",
        "acw_ms"), List.of(
            List.of("2026-11-20", "q-1", "Sales, \"West\"", "100", "80", "60", "15", "5", "8", "8000000", "800000",
                "1600000"),
            List.of("2026-11-21", "q-1", "Sales, \"West\"", "50", "45", "40", "4", "1", "2", "4500000", "0", "900000")));
    stubQuery(WM, "contact_volume", "exec-volume", "FAILED", List.of(), List.of());
    stubQuery(WM, "flow_disconnects", "exec-flows", "SUCCEEDED", List.of("flow_resource_id", "flow_type",
        "contacts_ended_in_flow", "customer_disconnects", "flow_disconnects", "other_disconnects"),
        List.of(List.of("flow-1", "CONTACT_FLOW", "12", "9", "3", "0")));
    LocalDirectoryResultStore store = Fixtures.storeWithManifest(storeDir);

    AnalyzerResponse response = runner(store, null).run(Fixtures.request(NOW.plusSeconds(120)));

    assertEquals(ComponentStatus.PARTIAL, response.status());
    AnalyzerResult stored = store.getResult(REVIEW_ID, "athena").orElseThrow();
    assertEquals(1, stored.errors().size(), stored.errors().toString());
    assertTrue(stored.errors().get(0).startsWith("Athena query contact_volume (exec-volume) FAILED: "
        + "HIVE_BAD_DATA: malformed"), stored.errors().get(0));

    List<LoggedRequest> starts = sent(START);
    assertEquals(3, starts.size());
    JsonNode first = body(starts.get(0));
    String sql = first.path("QueryString").asText();
    assertTrue(sql.startsWith("-- query: queue_kpis\n-- parameters: instance_id, window_start, window_end, "
        + "service_level_ms, short_abandon_ms\n"), sql);
    assertTrue(sql.contains("FROM \"connect_consumer\".\"contact_record_link\""), sql);
    assertFalse(sql.contains(Fixtures.INSTANCE.id()), "values are parameters, never in the text");
    assertEquals(List.of("'" + Fixtures.INSTANCE.id() + "'", "'2026-11-09 09:00:00.000'",
        "'2026-11-23 09:00:00.000'", "20000", "10000"), texts(first.path("ExecutionParameters")));
    assertEquals(count(sql, '?'), first.path("ExecutionParameters").size());
    assertEquals("connect_wg", first.path("WorkGroup").asText());
    assertEquals("connect_consumer", first.path("QueryExecutionContext").path("Database").asText());
    assertEquals("AwsDataCatalog", first.path("QueryExecutionContext").path("Catalog").asText());
    assertTrue(first.path("ClientRequestToken").asText().length() >= 32);
    assertTrue(first.path("ResultConfiguration").isMissingNode(), "the workgroup names its own location");
    assertEquals(6, body(starts.get(2)).path("ExecutionParameters").size(), "flow_disconnects binds each use");

    assertEquals("{\"QueryExecutionId\":\"exec-queue\"}", sent(GET_EXECUTION).get(0).getBodyAsString());
    List<LoggedRequest> resultPages = WM.findAll(postRequestedFor(urlEqualTo("/"))
        .withHeader("X-Amz-Target", equalTo(GET_RESULTS))
        .withRequestBody(matchingJsonPath("$.QueryExecutionId", equalTo("exec-queue"))));
    assertEquals(2, resultPages.size(), "two pages");
    assertEquals(1000, body(resultPages.get(0)).path("MaxResults").asInt());
    assertEquals("exec-queue-page-2", body(resultPages.get(1)).path("NextToken").asText());

    AthenaSection data = SectionContract.assertCurrent(stored.data(), AthenaSection.class);
    AthenaSection.QueryRun queue = data.queries().get(0);
    assertEquals("SUCCEEDED", queue.state());
    assertEquals(2, queue.rows());
    assertEquals(2_000_000L, queue.dataScannedBytes());
    assertEquals("FAILED", data.queries().get(1).state());
    assertEquals(List.of(), data.kpis().volume(), "the failed query's list is empty");
    AthenaSection.KpiRow sales = data.kpis().byQueue().get(0);
    assertEquals(150, sales.queued());
    assertEquals(19, sales.abandoned());
    assertEquals(12.7, sales.abandonmentRatePct());
    assertEquals(9.0, sales.abandonmentRateExShortPct(), "(19 - 6) / (150 - 6)");
    assertEquals(66.7, sales.serviceLevelPct(), "100 of 150 within 20 s");
    assertEquals(100.0, sales.averageTalkSeconds());
    assertEquals(6.4, sales.averageHoldSeconds());
    assertEquals(20.0, sales.averageAfterContactWorkSeconds());
    assertEquals(126.4, sales.averageHandleSeconds(), "talk + hold + ACW over 125 answered");
    assertEquals(List.of("flow-1"), data.kpis().flowDisconnects().stream().map(AthenaSection.FlowDisconnectRow::flowId)
        .toList());

    String csv = new String(store.getArtifact(REVIEW_ID, "athena-queue_kpis.csv").orElseThrow(), StandardCharsets.UTF_8);
    assertEquals(3, csv.split("\r\n").length, "header and two rows");
    assertTrue(csv.contains("\"Sales, \"\"West\"\"\""), csv);
    String jsonLines = new String(store.getArtifact(REVIEW_ID, "athena-queue_kpis.jsonl").orElseThrow(),
        StandardCharsets.UTF_8);
    assertEquals("Sales, \"West\"", Json.mapper().readTree(jsonLines.split("\n")[0]).path("queue_name").asText());
    assertEquals(queue.export().rows(), jsonLines.split("\n").length);
    assertTrue(store.getArtifact(REVIEW_ID, "athena-contact_volume.csv").isEmpty(), "nothing exported for a failure");

    Finding failed = stored.findings().stream().filter(f -> f.checkId().equals(CheckIds.QUERY_FAILED)).findFirst()
        .orElseThrow();
    assertEquals("exec-volume", failed.evidence().get("executionId"));
    Finding lifecycle = stored.findings().stream().filter(f -> f.checkId().equals(CheckIds.RESULTS_BUCKET_NO_LIFECYCLE))
        .findFirst().orElseThrow();
    assertEquals("arn:aws:s3:::wg-results", lifecycle.resource());
    List<LoggedRequest> lifecycleReads = WM.findAll(getRequestedFor(urlPathEqualTo("/wg-results")));
    assertEquals(1, lifecycleReads.size(), "path-style: the bucket is the path");
    assertTrue(lifecycleReads.get(0).getUrl().contains("lifecycle"), lifecycleReads.get(0).getUrl());
  }

  @Test
  void run_lakeFormationDenial_asksListPermissionsForTheRolesGrantsOnTheTarget_signedAsTheAssumedRole()
      throws Exception {
    String role = "arn:aws:iam::222222222222:role/DataLakeReader";
    WM.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=AssumeRole")).willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "text/xml").withBody("""
        <AssumeRoleResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleResult>
        <Credentials><AccessKeyId>ASIAASSUMED</AccessKeyId><SecretAccessKey>assumed-secret</SecretAccessKey>
        <SessionToken>assumed-token</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials>
        <AssumedRoleUser><AssumedRoleId>AROA:connect-ops-review-athena</AssumedRoleId>
        <Arn>arn:aws:sts::222222222222:assumed-role/DataLakeReader/connect-ops-review-athena</Arn></AssumedRoleUser>
        </AssumeRoleResult><ResponseMetadata><RequestId>r-1</RequestId></ResponseMetadata></AssumeRoleResponse>""")));
    readyDataLake(WM);
    WM.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSGlue.GetTable"))
        .withRequestBody(matchingJsonPath("$.Name", equalTo("contact_flow_events"))).willReturn(aResponse()
            .withStatus(400).withHeader("Content-Type", "application/x-amz-json-1.1")
            .withBody("{\"__type\":\"AccessDeniedException\",\"message\":\"Insufficient Lake Formation permission(s) "
                + "on contact_flow_events\"}")));
    WM.stubFor(post(urlEqualTo("/ListPermissions")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("""
        {"PrincipalResourcePermissions":[{"Principal":{"DataLakePrincipalIdentifier":"%s"},
         "Resource":{"Table":{"CatalogId":"111111111111","DatabaseName":"connect_datalake","Name":"contact_flow_events"}},
         "Permissions":["SELECT"],"PermissionsWithGrantOption":[]}]}""".formatted(role))));
    stubLifecycle(WM, "wg-results", true);
    stubQuery(WM, "queue_kpis", "exec-queue", "SUCCEEDED", List.of("day"), List.of());
    stubQuery(WM, "contact_volume", "exec-volume", "SUCCEEDED", List.of("day"), List.of());
    LocalDirectoryResultStore store = Fixtures.storeWithManifest(storeDir);

    AnalyzerResponse response = runner(store, role).run(Fixtures.request(NOW.plusSeconds(120)));

    assertEquals(ComponentStatus.OK, response.status(), () -> String.valueOf(response.errors()));
    LoggedRequest assume = WM.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=AssumeRole")))
        .get(0);
    assertTrue(assume.getBodyAsString().contains("RoleArn=" + java.net.URLEncoder.encode(role, StandardCharsets.UTF_8)),
        assume.getBodyAsString());
    assertTrue(assume.getBodyAsString().contains("RoleSessionName=connect-ops-review-athena"));
    assertTrue(assume.getHeader("Authorization").contains("Credential=AKIDWIRETEST/"), "the function's own keys");
    LoggedRequest glue = sent("AWSGlue.GetDatabase").get(0);
    assertTrue(glue.getHeader("Authorization").contains("Credential=ASIAASSUMED/"), glue.getHeader("Authorization"));
    assertEquals("assumed-token", glue.getHeader("X-Amz-Security-Token"));

    LoggedRequest permissions = WM.findAll(postRequestedFor(urlEqualTo("/ListPermissions"))).get(0);
    JsonNode asked = body(permissions);
    assertEquals(role, asked.path("Principal").path("DataLakePrincipalIdentifier").asText());
    assertEquals(Json.mapper().readTree("{\"Table\":{\"CatalogId\":\"111111111111\",\"DatabaseName\":"
        + "\"connect_datalake\",\"Name\":\"contact_flow_events\"}}"), asked.path("Resource"));
    assertEquals("111111111111", asked.path("CatalogId").asText());
    assertTrue(permissions.getHeader("Authorization").contains("/us-east-1/lakeformation/aws4_request"));

    AnalyzerResult stored = store.getResult(REVIEW_ID, "athena").orElseThrow();
    Finding denied = stored.findings().stream().filter(f -> f.checkId().equals(CheckIds.LAKE_FORMATION_DENIED))
        .findFirst().orElseThrow();
    assertTrue(denied.detail().contains("grants " + role + " only SELECT there"), denied.detail());
    assertEquals("SELECT", denied.evidence().get("grantedPermissions"));
    assertEquals(role, denied.evidence().get("principal"));
  }

  /** The workgroup (with its own encrypted location), the link database and its two READY links. */
  static void readyDataLake(WireMockExtension wm) {
    wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonAthena.GetWorkGroup")).willReturn(json("""
        {"WorkGroup":{"Name":"connect_wg","State":"ENABLED","Configuration":{"ResultConfiguration":{
         "OutputLocation":"s3://wg-results/athena/","EncryptionConfiguration":{"EncryptionOption":"SSE_S3"}},
         "EnforceWorkGroupConfiguration":true}}}""")));
    wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSGlue.GetDatabase")).willReturn(json("""
        {"Database":{"Name":"connect_consumer"}}""")));
    wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSGlue.GetTables")).willReturn(json("""
        {"TableList":[{"Name":"contact_record_link","TargetTable":{"CatalogId":"111111111111",
         "DatabaseName":"connect_datalake","Name":"contact_record"}},{"Name":"contact_flow_events_link",
         "TargetTable":{"CatalogId":"111111111111","DatabaseName":"connect_datalake","Name":"contact_flow_events"}}]}""")));
    wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AWSGlue.GetTable")).willReturn(json("""
        {"Table":{"Name":"t","StorageDescriptor":{"Columns":[{"Name":"contact_id","Type":"string"}]}}}""")));
  }

  /** GetBucketLifecycleConfiguration, path-style: an expiring rule, or S3's NoSuchLifecycleConfiguration. */
  static void stubLifecycle(WireMockExtension wm, String bucket, boolean expiring) {
    wm.stubFor(get(urlEqualTo("/" + bucket + "?lifecycle")).willReturn(expiring
        ? aResponse().withStatus(200).withHeader("Content-Type", "application/xml").withBody("""
            <LifecycleConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><ID>expire</ID>
            <Filter><Prefix>athena/</Prefix></Filter><Status>Enabled</Status><Expiration><Days>30</Days></Expiration>
            </Rule></LifecycleConfiguration>""")
        : aResponse().withStatus(404).withHeader("Content-Type", "application/xml").withBody("""
            <Error><Code>NoSuchLifecycleConfiguration</Code><Message>The lifecycle configuration does not exist
            </Message><BucketName>%s</BucketName></Error>""".formatted(bucket))));
  }

  /**
   * One named query: StartQueryExecution answers {@code id}; GetQueryExecution {@code state} (FAILED with
   * an AthenaError); GetQueryResults two pages when there are rows (header and first row, then the rest).
   */
  static void stubQuery(WireMockExtension wm, String name, String id, String state, List<String> columns,
      List<List<String>> rows) {
    wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(START))
        .withRequestBody(matchingJsonPath("$.QueryString", containing("-- query: " + name + "\n")))
        .willReturn(json("{\"QueryExecutionId\":\"" + id + "\"}")));
    ObjectNode execution = Json.mapper().createObjectNode();
    ObjectNode qe = execution.putObject("QueryExecution").put("QueryExecutionId", id).put("StatementType", "DML");
    ObjectNode status = qe.putObject("Status").put("State", state).put("SubmissionDateTime", 1.7e9);
    if ("FAILED".equals(state)) {
      status.put("StateChangeReason", "HIVE_BAD_DATA: malformed value in column queue_id");
      status.putObject("AthenaError").put("ErrorCategory", 2).put("ErrorType", 1001)
          .put("ErrorMessage", "HIVE_BAD_DATA: malformed value in column queue_id");
    }
    qe.putObject("Statistics").put("DataScannedInBytes", 2_000_000L).put("EngineExecutionTimeInMillis", 1200L);
    wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(GET_EXECUTION))
        .withRequestBody(matchingJsonPath("$.QueryExecutionId", equalTo(id))).willReturn(json(execution.toString())));
    List<List<String>> firstPage = new java.util.ArrayList<>();
    firstPage.add(columns);
    if (!rows.isEmpty()) {
      firstPage.add(rows.get(0));
    }
    boolean paged = rows.size() > 1;
    wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(GET_RESULTS))
        .withRequestBody(matchingJsonPath("$.QueryExecutionId", equalTo(id)))
        .withRequestBody(matchingJsonPath("$.NextToken", absent()))
        .willReturn(json(results(columns, firstPage, paged ? id + "-page-2" : null))));
    if (paged) {
      wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(GET_RESULTS))
          .withRequestBody(matchingJsonPath("$.NextToken", equalTo(id + "-page-2")))
          .willReturn(json(results(columns, rows.subList(1, rows.size()), null))));
    }
  }

  private static String results(List<String> columns, List<List<String>> rows, String nextToken) {
    ObjectNode response = Json.mapper().createObjectNode();
    ObjectNode set = response.putObject("ResultSet");
    ArrayNode out = set.putArray("Rows");
    for (List<String> row : rows) {
      ArrayNode data = out.addObject().putArray("Data");
      row.forEach(value -> data.addObject().put("VarCharValue", value));
    }
    ArrayNode info = set.putObject("ResultSetMetadata").putArray("ColumnInfo");
    columns.forEach(c -> info.addObject().put("Name", c).put("Label", c).put("Type", "varchar"));
    if (nextToken != null) {
      response.put("NextToken", nextToken);
    }
    return response.toString();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
    return aResponse().withStatus(200).withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
  }

  private static List<LoggedRequest> sent(String target) {
    return WM.findAll(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo(target)));
  }

  private static JsonNode body(LoggedRequest request) throws java.io.IOException {
    return Json.mapper().readTree(request.getBodyAsString());
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new java.util.ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static int count(String text, char c) {
    return (int) text.chars().filter(ch -> ch == c).count();
  }

  private AnalyzerRunner runner(LocalDirectoryResultStore store, String roleArn) {
    AwsClients clients = new AwsClients(new ApiCallCounter(ApiRateLimiter.unlimited()), AwsClients.Options.defaults()
        .withCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDWIRETEST", "wire-secret")))
        .withEndpoint(URI.create(WM.baseUrl())));
    AthenaSettings settings = new AthenaSettings("connect_consumer", "connect_wg", null, roleArn, null);
    return AnalyzerRunner.of((c, s, clock) -> new AthenaExportAnalyzer(c, settings, s, clock, duration -> { }),
        store, clients, Clock.fixed(NOW, ZoneOffset.UTC));
  }
}
