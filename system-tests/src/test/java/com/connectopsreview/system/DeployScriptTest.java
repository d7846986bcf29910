package com.connectopsreview.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/deploy.sh with fake aws, sam and mvn: which deploy path it takes and with what. */
class DeployScriptTest {

  static final String ARN = "AmazonConnectInstanceARN=arn:aws:connect:eu-west-2:123456789012:instance/"
      + "11111111-2222-3333-4444-555555555555";

  @TempDir Path dir;
  ScriptHarness sh;

  @BeforeEach
  void setUp() {
    ScriptHarness.assumeBash();
    sh = new ScriptHarness(dir);
    sh.fake("aws", OperatorScriptsTest.FAKE_AWS);
    sh.fake("mvn", "exit 0");
  }

  @Test
  void withSam_buildsThenDeploysGuided_andNeverTouchesCloudFormationDirectly() {
    sh.fake("sam", "[ \"$1\" = --version ] && echo 'SAM CLI, version 1.130.0'; exit 0");

    var result = sh.run("deploy.sh", "");

    assertEquals(0, result.exitCode(), result.all());
    assertEquals(List.of(List.of("sts", "get-caller-identity", "--query", "Account", "--output", "text")),
        sh.callsWith("aws", "sts"));
    assertEquals(List.of(List.of("-B", "-ntp", "package", "-DskipTests")), sh.calls("mvn"));
    assertEquals(List.of(List.of("deploy", "--template-file", "template.yaml", "--guided")),
        sh.callsWith("sam", "deploy"));
    assertEquals(List.of(), sh.callsWith("aws", "cloudformation"));
    assertTrue(result.stdout().contains("Account:     123456789012"), result.stdout());
  }

  @Test
  void withSamUnguided_deploysSamconfigsStack_withTheOverrides() {
    sh.fake("sam", "exit 0");

    var result = sh.run("deploy.sh", "", "--no-guided", "--region", "eu-west-2", "--parameter-overrides", ARN,
        "StorageBackend=dynamodb");

    assertEquals(0, result.exitCode(), result.all());
    assertEquals(List.of(List.of("deploy", "--template-file", "template.yaml", "--stack-name", "connect-ops-review",
        "--region", "eu-west-2", "--parameter-overrides", ARN, "StorageBackend=dynamodb")), sh.callsWith("sam", "deploy"));
  }

  @Test
  void withoutSam_packagesToTheBucket_thenDeploysWithTheCapabilities() {
    var result = sh.run("deploy.sh", "", "--stack", "ops", "--s3-bucket", "my-artifacts", "--profile", "ops-admin",
        "--parameter-overrides", ARN);

    assertEquals(0, result.exitCode(), result.all());
    assertEquals(1, sh.calls("mvn").size());
    List<String> pack = sh.callsWith("aws", "cloudformation", "package").getFirst();
    assertEquals(List.of("--profile", "ops-admin", "cloudformation", "package", "--template-file", "template.yaml",
        "--s3-bucket", "my-artifacts", "--s3-prefix", "connect-ops-review", "--output-template-file"),
        pack.subList(0, pack.size() - 1));
    String packaged = pack.getLast();
    assertEquals(List.of(List.of("--profile", "ops-admin", "cloudformation", "deploy", "--template-file", packaged,
        "--stack-name", "ops", "--capabilities", "CAPABILITY_IAM", "CAPABILITY_AUTO_EXPAND",
        "--parameter-overrides", ARN)), sh.callsWith("aws", "cloudformation", "deploy"));
    assertTrue(!Files.exists(Path.of(packaged)), "the packaged template is a temporary file");
  }

  @Test
  void cloudformationFlag_skipsAnInstalledSam() {
    sh.fake("sam", "exit 0");

    var result = sh.run("deploy.sh", "", "--cloudformation", "--s3-bucket", "my-artifacts", "--skip-build");

    assertEquals(0, result.exitCode(), result.all());
    assertEquals(List.of(), sh.callsWith("sam", "deploy"));
    assertEquals(List.of(), sh.calls("mvn"));
    assertEquals(1, sh.callsWith("aws", "cloudformation", "deploy").size());
  }

  @Test
  void withoutSamOrBucket_explainsWhatIsNeeded_beforeBuilding() {
    var result = sh.run("deploy.sh", "");

    assertEquals(2, result.exitCode(), result.all());
    assertTrue(result.stderr().contains("without the SAM CLI, --s3-bucket BUCKET is required"), result.stderr());
    assertEquals(List.of(), sh.calls("mvn"));
  }

  @Test
  void missingCredentials_areNamed_beforeBuilding() {
    sh.file("no-credentials", "");

    var result = sh.run("deploy.sh", "", "--s3-bucket", "my-artifacts");

    assertEquals(2, result.exitCode(), result.all());
    assertTrue(result.stderr().contains("Unable to locate credentials"), result.stderr());
    assertTrue(result.stderr().contains("no usable AWS credentials"), result.stderr());
    assertEquals(List.of(), sh.calls("mvn"));
  }

  @Test
  void missingMavenOrAws_isNamed() {
    ScriptHarness bare = new ScriptHarness(dir.resolve("bare"));
    var noMaven = bare.run("deploy.sh", "");
    bare.fake("mvn", "exit 0");
    var noAws = bare.run("deploy.sh", "");

    assertEquals(2, noMaven.exitCode(), noMaven.all());
    assertTrue(noMaven.stderr().contains("Maven (mvn) is not on PATH"), noMaven.stderr());
    assertEquals(2, noAws.exitCode(), noAws.all());
    assertTrue(noAws.stderr().contains("the AWS CLI (aws) is not on PATH"), noAws.stderr());
  }

  @Test
  void help_printsUsage_andBadInputExitsTwo() {
    var help = sh.run("deploy.sh", "", "--help");
    var bad = sh.run("deploy.sh", "", "--parameter-overrides", "no-equals-sign");
    var unknown = sh.run("deploy.sh", "", "--force");

    assertEquals(0, help.exitCode(), help.all());
    assertTrue(help.stdout().startsWith("Usage: scripts/deploy.sh"), help.stdout());
    assertEquals(2, bad.exitCode(), bad.all());
    assertTrue(bad.stderr().contains("--parameter-overrides takes Key=Value arguments, got 'no-equals-sign'"),
        bad.stderr());
    assertEquals(2, unknown.exitCode(), unknown.all());
    assertTrue(unknown.stderr().contains("unknown option '--force'"), unknown.stderr());
    assertEquals(List.of(), sh.calls("mvn"));
  }
}
