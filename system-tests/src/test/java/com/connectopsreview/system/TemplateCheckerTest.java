package com.connectopsreview.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.connectopsreview.shared.registry.AnalyzerSpec;
import com.connectopsreview.shared.store.DynamoDbResultStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks TemplateTest runs on template.yaml, run on a small template that passes them all, and
 * then on copies broken one way each: every check reports the breakage, naming resource and property.
 */
class TemplateCheckerTest {

  private static final String STREAM_HANDLER = StreamHandler.class.getName();
  private static final String TYPED_HANDLER = TypedHandler.class.getName();

  private static final String FIXTURE = """
      AWSTemplateFormatVersion: "2010-09-09"
      Transform: AWS::Serverless-2016-10-31
      Parameters:
        Stage:
          Type: String
      Conditions:
        IsProd: !Equals [!Ref Stage, prod]
      Globals:
        Function:
          Timeout: 60
      Resources:
        MainRole:
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument:
              Statement:
                - Effect: Allow
                  Principal: {Service: lambda.amazonaws.com}
                  Action: sts:AssumeRole
            Policies:
              - PolicyName: invoke
                PolicyDocument:
                  Statement:
                    - Sid: Invoke
                      Effect: Allow
                      Action: lambda:InvokeFunction
                      Resource: [!GetAtt WorkerFunction.Arn, !GetAtt ReportFunction.Arn]
                    - !If
                      - IsProd
                      - Sid: Traces
                        Effect: Allow
                        Action: [xray:PutTraceSegments]
                        Resource: "*"
                      - !Ref AWS::NoValue
        WorkerRole:
          Type: AWS::IAM::Role
          Properties:
            AssumeRolePolicyDocument:
              Statement:
                - Effect: Allow
                  Principal: {Service: lambda.amazonaws.com}
                  Action: sts:AssumeRole
        Bucket:
          Type: AWS::S3::Bucket
        BucketPolicy:
          Type: AWS::S3::BucketPolicy
          Properties:
            Bucket: !Ref Bucket
            PolicyDocument:
              Statement:
                - Sid: DenyInsecureTransport
                  Effect: Deny
                  Principal: "*"
                  Action: s3:*
                  Resource: !Sub "${Bucket.Arn}/*"
                  Condition: {Bool: {aws:SecureTransport: "false"}}
        MainFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: STREAM_HANDLER::handleRequest
            CodeUri: main.zip
            Role: !GetAtt MainRole.Arn
            Timeout: 900
            Environment:
              Variables:
                WORKER_FUNCTION: !Ref WorkerFunction
                REPORT_FUNCTION: !Ref ReportFunction
                LABEL: !Sub ["${AWS::StackName}-${Stage}-${!Literal}-${Local}-${Bucket.Arn}", {Local: !Ref Stage}]
            Events:
              Weekly:
                Type: Schedule
                Properties:
                  Schedule: rate(7 days)
        WorkerFunction:
          Type: AWS::Serverless::Function
          Properties:
            Handler: TYPED_HANDLER::handleRequest
            CodeUri: worker.zip
            Role: !GetAtt WorkerRole.Arn
            Timeout: 120
        ReportFunction:
          Type: AWS::Serverless::Function
          DependsOn: WorkerRole
          Properties:
            Handler: STREAM_HANDLER
            CodeUri: report.zip
            Role: !GetAtt WorkerRole.Arn
      Outputs:
        Label:
          Condition: IsProd
          Value: !Sub ["${Prefix}-${MainFunction}", {Prefix: !If [IsProd, prod, dev]}]
        Schedule:
          Value: !Ref MainFunctionWeekly
      """
      .replace("STREAM_HANDLER", STREAM_HANDLER).replace("TYPED_HANDLER", TYPED_HANDLER);

  private static final List<AnalyzerSpec> ANALYZERS =
      List.of(new AnalyzerSpec("worker", "WORKER_FUNCTION", Duration.ofSeconds(100), "Worker"));
  private static final Duration REPORT_TIMEOUT = Duration.ofSeconds(50);

  @TempDir Path repoRoot;

  @BeforeEach
  void packageFixtureZips() throws IOException {
    writeZip("main.zip", classEntry(STREAM_HANDLER), "lib/shared-lib-0.1.0.jar");
    writeZip("worker.zip", classEntry(TYPED_HANDLER), "lib/shared-lib-0.1.0.jar");
    writeZip("report.zip", classEntry(STREAM_HANDLER), "lib/shared-lib-0.1.0.jar",
        "lib/url-connection-client-2.40.2.jar");
  }

  @Test
  void theFixturePassesEveryCheck() {
    Template template = Template.parse(FIXTURE);

    assertEquals(List.of(), ReferenceCheck.check(template));
    assertEquals(List.of(), HandlerCheck.check(template, getClass().getClassLoader()));
    assertEquals(List.of(), CodeArtifactCheck.check(template, repoRoot));
    assertEquals(List.of(), IamCheck.check(template));
    assertEquals(List.of(), wiring(template));
  }

  // ---- parsing

  @Test
  void shortFormIntrinsicsBecomeTheirLongForm() {
    Map<String, Object> root = CfnYaml.parse("""
        A: !Ref X
        B: !GetAtt R.Endpoint.Address
        C: !Sub ["${V}", {V: !Select [0, !Split [",", !ImportValue Exported]]}]
        D: !Condition IsProd
        E: !Base64 {"Fn::Join": ["", [a, b]]}
        """);

    assertEquals(Map.of("Ref", "X"), root.get("A"));
    assertEquals(Map.of("Fn::GetAtt", List.of("R", "Endpoint.Address")), root.get("B"));
    assertEquals(Map.of("Fn::Sub", List.of("${V}", Map.of("V", Map.of("Fn::Select",
        List.of(0, Map.of("Fn::Split", List.of(",", Map.of("Fn::ImportValue", "Exported")))))))), root.get("C"));
    assertEquals(Map.of("Condition", "IsProd"), root.get("D"));
    assertEquals(Map.of("Fn::Base64", Map.of("Fn::Join", List.of("", List.of("a", "b")))), root.get("E"));
  }

  @Test
  void aRepeatedKeyIsRejected() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CfnYaml.parse("Resources:\n  A: 1\n  A: 2\n"));
    assertTrue(e.getMessage().contains("A"), e.getMessage());
  }

  // ---- references

  @Test
  void aDanglingRefIsReportedWithItsResourceAndProperty() {
    List<String> problems = ReferenceCheck.check(broken("WORKER_FUNCTION: !Ref WorkerFunction",
        "WORKER_FUNCTION: !Ref WrokerFunction"));

    assertEquals(List.of("Resources.MainFunction.Properties.Environment.Variables.WORKER_FUNCTION:"
        + " Ref 'WrokerFunction' is not a parameter, resource or pseudo parameter"), problems);
  }

  @Test
  void aDanglingGetAttIsReported() {
    List<String> problems = ReferenceCheck.check(broken("Role: !GetAtt MainRole.Arn", "Role: !GetAtt MianRole.Arn"));

    assertEquals(List.of("Resources.MainFunction.Properties.Role: GetAtt targets 'MianRole', which is not a resource"),
        problems);
  }

  @Test
  void danglingSubVariablesAreReportedButLiteralsPseudoParametersAndSubVariablesAreNot() {
    List<String> problems = ReferenceCheck.check(broken("-${Local}-${Bucket.Arn}\"", "-${Loca}-${Bukket.Arn}\""));

    String path = "Resources.MainFunction.Properties.Environment.Variables.LABEL: ";
    assertEquals(List.of(
        path + "Sub ${Loca} is not a parameter, resource, pseudo parameter or Sub variable",
        path + "Sub ${Bukket.Arn} targets 'Bukket', which is not a resource"), problems);
  }

  @Test
  void anUndeclaredConditionIsReported() {
    List<String> problems = ReferenceCheck.check(broken("- !If\n                - IsProd", "- !If\n                - IsProduction"));

    assertEquals(List.of("Resources.MainRole.Properties.Policies[0].PolicyDocument.Statement[1].Fn::If[0]:"
        + " condition 'IsProduction' is not declared in Conditions"), problems);
  }

  @Test
  void aSamGeneratedNameIsAcceptedOnlyWhereSamGeneratesIt() {
    // The fixture's output refers to MainFunctionWeekly, the rule SAM makes for MainFunction's Schedule event.
    assertEquals(List.of("Outputs.Schedule.Value: Ref 'MainFunctionWeekly' is not a parameter, resource or"
        + " pseudo parameter"), ReferenceCheck.check(broken("Type: Schedule", "Type: SQS")));

    String roleRef = replaceOnce(FIXTURE, "Value: !Ref MainFunctionWeekly", "Value: !Ref WorkerFunctionRole");
    assertEquals(List.of("Outputs.Schedule.Value: Ref 'WorkerFunctionRole' is not a parameter, resource or"
        + " pseudo parameter"), ReferenceCheck.check(Template.parse(roleRef)), "WorkerFunction has its own Role");

    String samRole = replaceOnce(roleRef, "Role: !GetAtt WorkerRole.Arn\n      Timeout: 120", "Timeout: 120");
    assertEquals(List.of(), ReferenceCheck.check(Template.parse(samRole)),
        "without a Role, SAM generates WorkerFunctionRole");
  }

  // ---- handlers

  @Test
  void aMissingHandlerClassIsReported() {
    List<String> problems = HandlerCheck.check(
        broken(TYPED_HANDLER + "::handleRequest", "com.connectopsreview.nowhere.MissingHandler::handleRequest"),
        getClass().getClassLoader());

    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).startsWith("Resources.WorkerFunction.Properties.Handler: class"
        + " com.connectopsreview.nowhere.MissingHandler is not on the classpath"), problems.get(0));
  }

  @Test
  void aHandlerThatTheRuntimeCannotStartIsReported() {
    ClassLoader loader = getClass().getClassLoader();
    String path = "Resources.WorkerFunction.Properties.Handler: ";

    assertEquals(List.of(path + "java.lang.String implements neither RequestStreamHandler nor RequestHandler"),
        HandlerCheck.check(broken(TYPED_HANDLER + "::", "java.lang.String::"), loader));
    assertEquals(List.of(path + NoDefaultConstructorHandler.class.getName() + " has no public no-arg constructor"),
        HandlerCheck.check(broken(TYPED_HANDLER + "::", NoDefaultConstructorHandler.class.getName() + "::"), loader));
    assertEquals(List.of(path + TYPED_HANDLER + " has no public method handle(input, Context)"),
        HandlerCheck.check(broken("::handleRequest\n      CodeUri: worker.zip", "::handle\n      CodeUri: worker.zip"),
            loader));
  }

  // ---- packaged zips

  @Test
  void aMissingZipIsReported() throws IOException {
    Files.delete(repoRoot.resolve("worker.zip"));

    List<String> problems = CodeArtifactCheck.check(Template.parse(FIXTURE), repoRoot);

    assertEquals(List.of("Resources.WorkerFunction.Properties.CodeUri: " + repoRoot.resolve("worker.zip")
        + " does not exist (run `mvn package` first)"), problems);
  }

  @Test
  void aZipWithoutTheHandlerOrLibOrWithAForbiddenHttpClientIsReported() throws IOException {
    writeZip("main.zip", "com/other/Handler.class");
    writeZip("worker.zip", classEntry(TYPED_HANDLER), "lib/netty-nio-client-2.40.2.jar", "lib/apache-client-2.40.2.jar");

    List<String> problems = CodeArtifactCheck.check(Template.parse(FIXTURE), repoRoot);

    String main = "Resources.MainFunction.Properties.CodeUri: main.zip ";
    String worker = "Resources.WorkerFunction.Properties.CodeUri: worker.zip ";
    assertEquals(List.of(
        main + "has no " + classEntry(STREAM_HANDLER) + " at its root",
        main + "has no dependency jars in lib/",
        worker + "contains lib/netty-nio-client-2.40.2.jar (only url-connection-client may be packaged)",
        worker + "contains lib/apache-client-2.40.2.jar (only url-connection-client may be packaged)"), problems);
  }

  @Test
  void aCodeUriThatIsNotALocalZipPathIsReported() {
    List<String> problems = CodeArtifactCheck.check(broken("CodeUri: report.zip", "CodeUri: s3://bucket/report.zip"),
        repoRoot);

    assertEquals(List.of("Resources.ReportFunction.Properties.CodeUri: must be the local path of the zip"
        + " `mvn package` builds, got s3://bucket/report.zip"), problems);
  }

  // ---- IAM

  @Test
  void wildcardActionsAreReportedInAllowStatementsOnly() {
    List<String> problems = IamCheck.check(broken("Action: lambda:InvokeFunction", "Action: [\"*\", \"lambda:*\"]"));

    String statement = "Resources.MainRole.Properties.Policies[0].PolicyDocument.Statement[0] (Sid Invoke): ";
    assertEquals(List.of(
        statement + "Action '*' grants a whole service; list the actions",
        statement + "Action 'lambda:*' grants a whole service; list the actions"), problems);
  }

  @Test
  void aWildcardResourceIsReportedUnlessEveryActionIsAllowListed() {
    List<String> problems = IamCheck.check(broken("Action: [xray:PutTraceSegments]",
        "Action: [xray:PutTraceSegments, s3:GetObject]"));

    assertEquals(List.of("Resources.MainRole.Properties.Policies[0].PolicyDocument.Statement[1].Fn::If[1] (Sid Traces):"
        + " Resource '*' for [s3:GetObject], which are not on the allow-list of APIs without resource-level"
        + " permissions"), problems);
  }

  @Test
  void managedPoliciesSamPoliciesAndFunctionsWithoutARoleAreReported() {
    String yaml = replaceOnce(FIXTURE, "Role: !GetAtt WorkerRole.Arn\n      Timeout: 120",
        "Timeout: 120\n      Policies: [AWSLambdaBasicExecutionRole]");
    yaml = replaceOnce(yaml, "  WorkerRole:\n    Type: AWS::IAM::Role\n    Properties:\n",
        "  WorkerRole:\n    Type: AWS::IAM::Role\n    Properties:\n"
            + "      ManagedPolicyArns: [arn:aws:iam::aws:policy/AmazonConnectReadOnlyAccess]\n");

    assertEquals(List.of(
        "Resources.WorkerRole.Properties.ManagedPolicyArns: managed policies are not allowed; write inline statements",
        "Resources.WorkerFunction.Properties.Role: missing; SAM's generated role would get AWSLambdaBasicExecutionRole"
            + " (logs on Resource *): give the function its own AWS::IAM::Role",
        "Resources.WorkerFunction.Properties.Policies: SAM policies and policy templates are not allowed; put inline"
            + " statements on the function's AWS::IAM::Role"), IamCheck.check(Template.parse(yaml)));
  }

  // ---- registry wiring

  @Test
  void aMissingAnalyzerVariableIsReported() {
    List<String> problems = wiring(broken("WORKER_FUNCTION: !Ref WorkerFunction", "WORKER_FN: !Ref WorkerFunction"));

    assertTrue(problems.contains("Resources.MainFunction.Properties.Environment.Variables.WORKER_FUNCTION: missing;"
        + " the orchestrator reads it to find the function"), problems::toString);
  }

  @Test
  void functionTimeoutsShorterThanTheirBudgetsAreReported() {
    String yaml = replaceOnce(FIXTURE, "Timeout: 120", "Timeout: 90");
    List<String> problems = wiring(Template.parse(replaceOnce(yaml, "Timeout: 900", "Timeout: 150")));

    assertEquals(List.of(
        "Resources.WorkerFunction.Properties.Timeout: 90 s is shorter than analyzer 'worker' may take (100 s,"
            + " AnalyzerRegistry)",
        "Resources.MainFunction.Properties.Timeout: 150 s must exceed the longest analyzer (100 s) plus the report"
            + " (50 s)"), problems);
    assertEquals(List.of("Resources.ReportFunction.Properties.Timeout: 30 s is shorter than the report may take"
        + " (50 s, AnalyzerRegistry)"), wiring(broken("Timeout: 60", "Timeout: 30")), "Globals timeout applies");
  }

  @Test
  void anInvokePermissionThatDoesNotMatchTheWiredFunctionsIsReported() {
    List<String> problems = wiring(broken("[!GetAtt WorkerFunction.Arn, !GetAtt ReportFunction.Arn]",
        "[!GetAtt ReportFunction.Arn]"));

    assertEquals(List.of("Resources.MainRole.Properties.Policies: lambda:InvokeFunction is granted on"
        + " [ReportFunction] but the orchestrator invokes [ReportFunction, WorkerFunction]"), problems);
  }

  // ---- table

  @Test
  void aTableThatDiffersFromTheStoreDefinitionIsNotEqual() {
    TableShape store = TableShape.fromStore(DynamoDbResultStore.tableDefinition("t"),
        DynamoDbResultStore.timeToLiveDefinition("t"));
    String table = """
        BillingMode: PAY_PER_REQUEST
        AttributeDefinitions:
          - {AttributeName: reviewId, AttributeType: S}
          - {AttributeName: SORT, AttributeType: S}
          - {AttributeName: instanceId, AttributeType: S}
          - {AttributeName: createdAt, AttributeType: S}
        KeySchema:
          - {AttributeName: reviewId, KeyType: HASH}
          - {AttributeName: SORT, KeyType: RANGE}
        GlobalSecondaryIndexes:
          - IndexName: instanceId-createdAt-index
            KeySchema:
              - {AttributeName: instanceId, KeyType: HASH}
              - {AttributeName: createdAt, KeyType: RANGE}
            Projection: {ProjectionType: ALL}
        TimeToLiveSpecification: {AttributeName: ttl, Enabled: true}
        """;

    assertEquals(store, TableShape.fromTemplate(CfnYaml.parse(table.replace("SORT", "component"))));
    assertNotEquals(store, TableShape.fromTemplate(CfnYaml.parse(table.replace("SORT", "componentType"))));
    assertNotEquals(store, TableShape.fromTemplate(CfnYaml.parse(
        table.replace("SORT", "component").replace("ProjectionType: ALL", "ProjectionType: KEYS_ONLY"))));
    assertNotEquals(store, TableShape.fromTemplate(CfnYaml.parse(
        table.replace("SORT", "component").replace("Enabled: true", "Enabled: false"))));
  }

  // ---- helpers

  private static List<String> wiring(Template template) {
    return RegistryWiringCheck.check(template, "MainFunction", ANALYZERS, "REPORT_FUNCTION", REPORT_TIMEOUT);
  }

  /** The fixture with one piece of text replaced. */
  private static Template broken(String original, String replacement) {
    return Template.parse(replaceOnce(FIXTURE, original, replacement));
  }

  /** Fails unless {@code original} occurs exactly once, so a fixture edit cannot silently miss. */
  private static String replaceOnce(String yaml, String original, String replacement) {
    int first = yaml.indexOf(original);
    assertTrue(first >= 0 && yaml.indexOf(original, first + 1) < 0, "fixture must contain exactly once: " + original);
    return yaml.replace(original, replacement);
  }

  private static String classEntry(String className) {
    return className.replace('.', '/') + ".class";
  }

  private void writeZip(String name, String... entries) throws IOException {
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(repoRoot.resolve(name)))) {
      for (String entry : entries) {
        zip.putNextEntry(new ZipEntry(entry));
        zip.write(entry.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
  }

  // ---- handler classes the fixture names

  public static final class StreamHandler implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {}
  }

  public static final class TypedHandler implements RequestHandler<Map<String, Object>, String> {
    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
      return "ok";
    }
  }

  public static final class NoDefaultConstructorHandler implements RequestStreamHandler {
    public NoDefaultConstructorHandler(String unused) {}

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {}
  }
}
