package com.connectopsreview.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.registry.AnalyzerRegistry;
import com.connectopsreview.shared.store.DynamoDbResultStore;
import com.connectopsreview.shared.store.ResultStoreFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * template.yaml against the code it deploys. cfn-lint validates the template on its own terms; these
 * checks cover what it cannot see: handler classes, the packaged zips, the analyzer registry, the
 * store's table, and this project's IAM rules. Each check is proven able to fail in
 * {@link TemplateCheckerTest}. Needs `mvn package` of the function modules (the reactor does it).
 */
class TemplateTest {

  private static final Path REPO_ROOT = RepoRoot.find();
  private static final Template TEMPLATE = Template.load(REPO_ROOT.resolve("template.yaml"));

  private static final String ORCHESTRATOR = "OrchestratorFunction";
  private static final String RESULTS_TABLE = "ResultsTable";

  @Test
  void everyHandlerIsALoadableLambdaHandlerClass() {
    assertNoProblems(HandlerCheck.check(TEMPLATE, TemplateTest.class.getClassLoader()));
  }

  @Test
  void everyReferenceTargetsSomethingTheTemplateDeclares() {
    assertNoProblems(ReferenceCheck.check(TEMPLATE));
  }

  @Test
  void theOnlyUndeclaredNamesAllowedAreTheResourcesSamGeneratesForTheSchedules() {
    // The orchestrator's Schedule event and EventInvokeConfig, the athena export's Schedule event; no
    // function relies on a SAM-made role.
    assertEquals(
        Set.of("OrchestratorFunctionEventInvokeConfig", "OrchestratorFunctionReviewSchedule",
            "OrchestratorFunctionReviewSchedulePermission", "AthenaExportFunctionDailyExport",
            "AthenaExportFunctionDailyExportPermission"),
        ReferenceCheck.samGeneratedResources(TEMPLATE).keySet(),
        () -> "Resources: the SAM transform's generated resources changed: "
            + ReferenceCheck.samGeneratedResources(TEMPLATE));
  }

  @Test
  void everyCodeUriIsAPackagedLambdaZipWithItsHandler() {
    assertNoProblems(CodeArtifactCheck.check(TEMPLATE, REPO_ROOT));
  }

  @Test
  void iamGrantsNoWildcardActionsAndWildcardResourcesOnlyWhereAwsHasNoResourceLevelPermission() {
    assertNoProblems(IamCheck.check(TEMPLATE));
  }

  @Test
  void orchestratorCanInvokeEveryRegisteredAnalyzerAndTheReportWithinTheirBudgets() {
    assertNoProblems(RegistryWiringCheck.check(TEMPLATE, ORCHESTRATOR, AnalyzerRegistry.all(),
        AnalyzerRegistry.REPORT_GENERATOR_ENV, AnalyzerRegistry.REPORT_TIMEOUT));
  }

  @Test
  void resultsTableIsTheTableTheDynamoDbStoreNeeds() {
    assertEquals("AWS::DynamoDB::Table", TEMPLATE.type(RESULTS_TABLE), "Resources." + RESULTS_TABLE + ".Type");
    TableShape store = TableShape.fromStore(DynamoDbResultStore.tableDefinition("results"),
        DynamoDbResultStore.timeToLiveDefinition("results"));
    TableShape template = TableShape.fromTemplate(TEMPLATE.properties(RESULTS_TABLE));
    assertEquals(store, template, "Resources." + RESULTS_TABLE + ".Properties differ from"
        + " DynamoDbResultStore.tableDefinition/timeToLiveDefinition");
  }

  @Test
  void everyFunctionGetsTheStoreSettingsTheStoreFactoryReads() {
    List<String> problems = new ArrayList<>();
    for (String function : TEMPLATE.functions()) {
      Map<String, Object> environment = TEMPLATE.functionEnvironment(function);
      for (String variable : List.of(ResultStoreFactory.STORAGE_BACKEND, ResultStoreFactory.REPORTS_BUCKET,
          ResultStoreFactory.RESULTS_TABLE)) {
        if (!environment.containsKey(variable)) {
          problems.add("Resources." + function + ".Properties.Environment.Variables." + variable + ": missing");
        }
      }
    }
    assertNoProblems(problems);
  }

  @Test
  void everyFunctionHasItsOwnRoleAndARetainedLogGroupItMayWrite() {
    List<String> problems = new ArrayList<>();
    Set<String> roles = new HashSet<>();
    for (String function : TEMPLATE.functions()) {
      String base = "Resources." + function + ".Properties.";
      String role = Template.getAttTarget(TEMPLATE.properties(function).get("Role"), "Arn");
      if (role == null || !"AWS::IAM::Role".equals(TEMPLATE.type(role)) || !roles.add(role)) {
        problems.add(base + "Role: must be !GetAtt of an AWS::IAM::Role no other function uses");
        continue;
      }
      Object logGroupRef = Template.map(TEMPLATE.properties(function).get("LoggingConfig")).get("LogGroup");
      String logGroup = Template.refTarget(logGroupRef);
      if (logGroup == null || !"AWS::Logs::LogGroup".equals(TEMPLATE.type(logGroup))) {
        problems.add(base + "LoggingConfig.LogGroup: must be !Ref of the function's AWS::Logs::LogGroup");
        continue;
      }
      if (!"LogRetentionDays".equals(Template.refTarget(TEMPLATE.properties(logGroup).get("RetentionInDays")))) {
        problems.add("Resources." + logGroup + ".Properties.RetentionInDays: must be !Ref LogRetentionDays");
      }
      boolean writesOwnGroup = IamCheck.roleStatements(TEMPLATE, role).stream()
          .map(IamCheck.LocatedStatement::statement)
          .anyMatch(s -> "Allow".equals(s.get("Effect"))
              && IamCheck.strings(s.get("Action")).containsAll(List.of("logs:CreateLogStream", "logs:PutLogEvents"))
              && logGroup.equals(Template.getAttTarget(s.get("Resource"), "Arn")));
      if (!writesOwnGroup) {
        problems.add("Resources." + role + ".Properties.Policies: no logs:CreateLogStream + logs:PutLogEvents"
            + " on !GetAtt " + logGroup + ".Arn");
      }
    }
    assertNoProblems(problems);
  }

  /**
   * The template's AllowedPattern checks the ARN's shape at deploy time, InstanceRef at run time; an ARN
   * one accepts and the other rejects would fail a deployed stack on every run. (InstanceRef also trims
   * and rejects an aws-partition ARN in a cn- region, which a regex without look-ahead cannot.)
   */
  @Test
  void instanceArnParameterAcceptsWhatInstanceRefAccepts() {
    String allowed = String.valueOf(
        Template.map(TEMPLATE.parameters().get("AmazonConnectInstanceARN")).get("AllowedPattern"));
    Pattern pattern = Pattern.compile(allowed);
    String uuid = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    List<String> samples = List.of(
        "arn:aws:connect:us-east-1:123456789012:instance/" + uuid,
        "arn:aws:connect:eu-central-2:123456789012:instance/" + uuid,
        "arn:aws:connect:ap-southeast-2:123456789012:instance/" + uuid,
        "arn:aws-us-gov:connect:us-gov-west-1:123456789012:instance/" + uuid,
        "arn:aws-cn:connect:cn-north-1:123456789012:instance/" + uuid,
        "arn:aws-us-gov:connect:us-east-1:123456789012:instance/" + uuid,
        "arn:aws:connect:us-gov-west-1:123456789012:instance/" + uuid,
        "arn:aws-cn:connect:eu-west-1:123456789012:instance/" + uuid,
        "arn:aws:connect:us-east-1:12345678901:instance/" + uuid,
        "arn:aws:connect:us-east-1:123456789012:instance/" + uuid.toUpperCase(),
        "arn:aws:connect:us-east-1:123456789012:instance/F" + uuid.substring(1),
        "arn:aws:connect:us-east-1:123456789012:instance/" + uuid.replace("-", ""),
        "arn:aws:connect:us-east-1:123456789012:instance/" + uuid + "/queue/abc",
        "arn:aws:connect:us-east-1:123456789012:" + uuid,
        "arn:aws:lambda:us-east-1:123456789012:instance/" + uuid,
        "arn:aws-xx:connect:us-east-1:123456789012:instance/" + uuid);
    List<String> disagreements = new ArrayList<>();
    for (String arn : samples) {
      boolean template = pattern.matcher(arn).matches();
      boolean runtime = parses(arn);
      if (template != runtime) {
        disagreements.add(arn + ": template " + (template ? "accepts" : "rejects")
            + ", InstanceRef " + (runtime ? "accepts" : "rejects"));
      }
    }
    assertTrue(disagreements.isEmpty(),
        () -> "Parameters.AmazonConnectInstanceARN.AllowedPattern disagrees with InstanceRef.parse:\n  "
            + String.join("\n  ", disagreements));
  }

  private static boolean parses(String arn) {
    try {
      InstanceRef.parse(arn);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void assertNoProblems(List<String> problems) {
    assertTrue(problems.isEmpty(), () -> "template.yaml:\n  " + String.join("\n  ", problems));
  }
}
