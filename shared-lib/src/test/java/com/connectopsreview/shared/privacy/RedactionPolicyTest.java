package com.connectopsreview.shared.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.exception.ConfigurationException;
import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.AnalyzerRequest;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.model.TimeWindow;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionPolicyTest {

  /** A flow-log event in the shape Connect writes, with customer data where it really turns up. */
  private static final String FLOW_LOG = """
      {
        "ContactId": "2f9bd7a4-6c1e-4b83-9d56-0a1b2c3d4e5f",
        "ContactFlowId": "arn:aws:connect:us-east-1:123456789012:instance/aaaa1111-2222-3333-4444-555566667777/contact-flow/bbbb1111-2222-3333-4444-555566667777",
        "ContactFlowName": "Main IVR",
        "ContactFlowModuleType": "InvokeExternalResource",
        "Identifier": "Invoke account lookup",
        "Timestamp": "2026-12-03T10:15:30.123Z",
        "Results": "The Lambda Function Returned An Error.",
        "Parameters": {
          "FunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:account-lookup",
          "Parameters": {"AccountNumber": "4111 1111 1111 1111", "Caller": "+12095550103"}
        },
        "ExternalResults": {"CustomerName": "Ana Ruiz", "email": "ana.ruiz@example.com"},
        "Attributes": {"Tier": "gold, call back on (209) 555-0188", "TypedPin": 48213377920}
      }
      """;

  private static JsonNode record() throws Exception {
    return Json.mapper().readTree(FLOW_LOG);
  }

  @Test
  void defaultPolicy_keepsIdentityAndOutcome_andRedactsEverythingTheCustomerGave() throws Exception {
    JsonNode original = record();
    JsonNode out = RedactionPolicy.defaultPolicy().apply(original);

    assertEquals("2f9bd7a4-6c1e-4b83-9d56-0a1b2c3d4e5f", out.get("ContactId").asText());
    assertEquals(original.get("ContactFlowId"), out.get("ContactFlowId"));
    assertEquals("Main IVR", out.get("ContactFlowName").asText());
    assertEquals("InvokeExternalResource", out.get("ContactFlowModuleType").asText());
    assertEquals("2026-12-03T10:15:30.123Z", out.get("Timestamp").asText());
    assertEquals("The Lambda Function Returned An Error.", out.get("Results").asText());
    String text = out.toString();
    for (String secret : List.of("4111", "2095550103", "Ana Ruiz", "ana.ruiz", "555-0188", "48213377920", "gold")) {
      assertFalse(text.contains(secret), secret + " leaked: " + text);
    }
    assertEquals(RedactionPolicy.REDACTED, out.at("/Parameters/Parameters/Caller").asText());
    assertEquals(RedactionPolicy.REDACTED, out.at("/Attributes/Tier").asText());
    assertEquals(Json.mapper().readTree(FLOW_LOG), original, "the input is not changed");
  }

  @Test
  void allowListedField_isKept_butPhoneNumbersInItAreStillMasked() throws Exception {
    RedactionPolicy policy = RedactionPolicy.of(RedactionPolicy.Mode.ALLOW_LIST,
        List.of("attributes.tier", "Parameters.FunctionArn"));

    JsonNode out = policy.apply(record());

    assertEquals("gold, call back on [phone]", out.at("/Attributes/Tier").asText());
    assertEquals("arn:aws:lambda:us-east-1:123456789012:function:account-lookup",
        out.at("/Parameters/FunctionArn").asText());
    assertEquals(RedactionPolicy.REDACTED, out.at("/Attributes/TypedPin").asText());
    assertTrue(policy.describe().startsWith("allow-list: mandatory fields + attributes.tier, Parameters.FunctionArn"),
        policy.describe());
  }

  @Test
  void denyList_removesTheListedFields_masksTheRest_andCannotRemoveMandatoryOnes() throws Exception {
    RedactionPolicy policy = RedactionPolicy.parse("""
        {"key": "REDACTION_CONFIG", "value": {"type": "BLACKLIST",
         "fields": ["ExternalResults", "Attributes.*", "ContactId", "Agent.Username", "*Timestamp"]}}
        """);

    JsonNode out = policy.apply(record());

    assertEquals(RedactionPolicy.Mode.DENY_LIST, policy.mode());
    assertEquals(RedactionPolicy.REDACTED, out.at("/ExternalResults/CustomerName").asText());
    assertEquals(RedactionPolicy.REDACTED, out.at("/Attributes/TypedPin").asText());
    assertEquals("[card]", out.at("/Parameters/Parameters/AccountNumber").asText());
    assertEquals("[phone]", out.at("/Parameters/Parameters/Caller").asText());
    assertEquals("2f9bd7a4-6c1e-4b83-9d56-0a1b2c3d4e5f", out.get("ContactId").asText());
    assertEquals("2026-12-03T10:15:30.123Z", out.get("Timestamp").asText());
    assertTrue(policy.describe().contains("kept despite the policy: ContactId, Agent.Username, *Timestamp"),
        policy.describe());
  }

  @Test
  void mandatoryFieldsSurviveAnAllowListThatNamesNothing_andADenyListOfEverything() throws Exception {
    JsonNode contact = Json.mapper().readTree("""
        {"ContactId": "c-1", "InitiationTimestamp": "2026-12-03T10:00:00Z",
         "Agent": {"Username": "jdoe", "ConnectedToAgentTimestamp": "2026-12-03T10:01:00Z"},
         "Queue": {"Name": "Billing", "Duration": 42},
         "SystemEndpoint": {"Address": "+18005550100", "Type": "TELEPHONE_NUMBER"},
         "CustomerEndpoint": {"Address": "+447700900123", "Type": "TELEPHONE_NUMBER"}}
        """);

    for (RedactionPolicy policy : List.of(RedactionPolicy.of(RedactionPolicy.Mode.ALLOW_LIST, List.of()),
        RedactionPolicy.of(RedactionPolicy.Mode.DENY_LIST, List.of("*")))) {
      JsonNode out = policy.apply(contact);
      assertEquals("c-1", out.get("ContactId").asText(), policy.describe());
      assertEquals("2026-12-03T10:00:00Z", out.get("InitiationTimestamp").asText());
      assertEquals("jdoe", out.at("/Agent/Username").asText());
      assertEquals("Billing", out.at("/Queue/Name").asText());
      assertEquals(42, out.at("/Queue/Duration").asInt());
      assertEquals("+18005550100", out.at("/SystemEndpoint/Address").asText(), "the system endpoint is ours");
      assertEquals(RedactionPolicy.REDACTED, out.at("/CustomerEndpoint/Address").asText());
    }
  }

  @Test
  void seedSpellingsAndOursAllParse() {
    assertEquals(RedactionPolicy.Mode.ALLOW_LIST,
        RedactionPolicy.parse("{\"type\":\"WHITELIST\",\"fields\":[\"InitiationMethod\"]}").mode());
    assertEquals(RedactionPolicy.Mode.ALLOW_LIST,
        RedactionPolicy.parse("{\"mode\":\"allow-list\",\"fields\":[]}").mode());
    assertEquals(RedactionPolicy.Mode.DENY_LIST,
        RedactionPolicy.parse("{\"type\":\"deny_list\",\"fields\":[\"CustomerEndpoint.Address\"]}").mode());
    assertSame(RedactionPolicy.Mode.ALLOW_LIST, RedactionPolicy.parse("  ").mode(), "blank means the default");
    assertEquals(RedactionPolicy.defaultPolicy().describe(), RedactionPolicy.parse(null).describe());
  }

  @Test
  void environment_unsetMeansTheDefault_andABadValueNamesTheVariable() {
    assertEquals(RedactionPolicy.defaultPolicy().describe(), RedactionPolicy.fromEnvironment(Map.of()).describe());
    assertEquals(RedactionPolicy.Mode.DENY_LIST, RedactionPolicy.fromEnvironment(
        Map.of("REDACTION_POLICY", "{\"type\":\"deny-list\",\"fields\":[\"Attributes.*\"]}")).mode());

    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> RedactionPolicy.fromEnvironment(Map.of("REDACTION_POLICY", "{\"type\":\"maybe\",\"fields\":[]}")));
    assertTrue(e.getMessage().startsWith("REDACTION_POLICY: redaction policy: type must be"), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      {"type": "allow-list", "fields": [|not valid JSON
      ["Results"]|must be a JSON object
      {"fields": ["Results"]}|type is missing
      {"type": "GREYLIST", "fields": []}|not 'GREYLIST'
      {"type": "allow-list"}|fields must be an array
      {"type": "allow-list", "fields": "Results"}|fields must be an array
      {"type": "allow-list", "fields": [3]}|fields[0] must be a string, not number
      {"type": "allow-list", "fields": ["Results", " "]}|fields[1] is empty
      {"type": "allow-list", "fields": ["Attributes..Tier"]}|'Attributes..Tier' is not a field path
      {"type": "allow-list", "fields": [], "field": []}|unknown key 'field'
      {"key": "PRIVACY", "value": {"type": "allow-list", "fields": []}}|key must be REDACTION_CONFIG
      """)
  void malformedPolicies_failNamingTheProblem(String json, String expected) {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> RedactionPolicy.parse(json));

    assertTrue(e.getMessage().startsWith("redaction policy: "), e.getMessage());
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  private static AnalyzerRequest requestWith(Map<String, String> options) {
    return new AnalyzerRequest("r-1", "logs", InstanceRef.parse("arn:aws:connect:us-east-1:123456789012:instance/"
        + "11111111-2222-3333-4444-555555555555"), TimeWindow.lastDays(Instant.parse("2026-01-08T00:00:00Z"), 7),
        Instant.parse("2026-01-08T00:05:00Z"), options);
  }

  @Test
  void aPolicyTravelsInARequestAsJsonAndReadsBackEqual() {
    RedactionPolicy policy = RedactionPolicy.parse(
        "{\"type\":\"BLACKLIST\",\"fields\":[\"Attributes.*\",\"ContactId\"]}");

    RedactionPolicy read = RedactionPolicy.forRequest(requestWith(Map.of(RedactionPolicy.OPTION, policy.toJson())));

    assertEquals(policy, read);
    assertEquals(policy.describe(), read.describe());
    assertTrue(read.describe().contains("kept despite the policy: ContactId"), read.describe());
  }

  @Test
  void aRequestWithoutAPolicyGetsTheDefault() {
    assertEquals(RedactionPolicy.defaultPolicy(), RedactionPolicy.forRequest(requestWith(Map.of())));
  }

  @Test
  void aMalformedPolicyInARequestNamesTheOption() {
    ConfigurationException e = assertThrows(ConfigurationException.class,
        () -> RedactionPolicy.forRequest(requestWith(Map.of(RedactionPolicy.OPTION, "{\"type\":\"maybe\"}"))));
    assertTrue(e.getMessage().startsWith("option redactionPolicy: redaction policy: "), e.getMessage());
  }
}
