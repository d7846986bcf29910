package com.connectopsreview.system;

import com.connectopsreview.shared.registry.AnalyzerSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The orchestrator function can reach every analyzer of the registry and the report generator: one
 * environment variable per entry naming a function of the template, that function's Lambda timeout
 * covering the analyzer's budget, lambda:InvokeFunction on exactly those functions, and an orchestrator
 * timeout longer than the longest analyzer plus the report.
 */
final class RegistryWiringCheck {

  private RegistryWiringCheck() {}

  static List<String> check(Template template, String orchestrator, List<AnalyzerSpec> analyzers,
      String reportEnvVar, Duration reportTimeout) {
    List<String> problems = new ArrayList<>();
    if (!Template.SERVERLESS_FUNCTION.equals(template.type(orchestrator))) {
      problems.add("Resources." + orchestrator + ": no " + Template.SERVERLESS_FUNCTION + " of that name");
      return problems;
    }
    String envPath = "Resources." + orchestrator + ".Properties.Environment.Variables.";
    Map<String, Object> environment = template.functionEnvironment(orchestrator);
    Set<String> invoked = new LinkedHashSet<>();
    for (AnalyzerSpec spec : analyzers) {
      String target = functionNamedBy(template, environment, spec.functionEnvVar(), envPath, problems);
      if (target != null) {
        invoked.add(target);
        timeoutCovers(template, target, spec.timeout(), "analyzer '" + spec.name() + "'", problems);
      }
    }
    String report = functionNamedBy(template, environment, reportEnvVar, envPath, problems);
    if (report != null) {
      invoked.add(report);
      timeoutCovers(template, report, reportTimeout, "the report", problems);
    }

    Duration longest = analyzers.stream().map(AnalyzerSpec::timeout).max(Duration::compareTo)
        .orElse(Duration.ZERO);
    long needed = longest.plus(reportTimeout).toSeconds();
    long own = template.functionTimeoutSeconds(orchestrator);
    if (own <= needed) {
      problems.add("Resources." + orchestrator + ".Properties.Timeout: " + own + " s must exceed the longest"
          + " analyzer (" + longest.toSeconds() + " s) plus the report (" + reportTimeout.toSeconds() + " s)");
    }
    invokePermission(template, orchestrator, invoked, problems);
    return problems;
  }

  private static String functionNamedBy(Template template, Map<String, Object> environment, String variable,
      String envPath, List<String> problems) {
    Object value = environment.get(variable);
    if (value == null) {
      problems.add(envPath + variable + ": missing; the orchestrator reads it to find the function");
      return null;
    }
    String target = Template.refTarget(value);
    if (target == null || !Template.SERVERLESS_FUNCTION.equals(template.type(target))) {
      problems.add(envPath + variable + ": must be !Ref of an " + Template.SERVERLESS_FUNCTION + ", got " + value);
      return null;
    }
    return target;
  }

  private static void timeoutCovers(Template template, String function, Duration budget, String what,
      List<String> problems) {
    long timeout = template.functionTimeoutSeconds(function);
    if (timeout < budget.toSeconds()) {
      problems.add("Resources." + function + ".Properties.Timeout: " + timeout + " s is shorter than "
          + what + " may take (" + budget.toSeconds() + " s, AnalyzerRegistry)");
    }
  }

  /** The orchestrator's role allows lambda:InvokeFunction on exactly the functions it is wired to. */
  private static void invokePermission(Template template, String orchestrator, Set<String> expected,
      List<String> problems) {
    String rolePath = "Resources." + orchestrator + ".Properties.Role";
    String role = Template.getAttTarget(template.properties(orchestrator).get("Role"), "Arn");
    if (role == null || !"AWS::IAM::Role".equals(template.type(role))) {
      problems.add(rolePath + ": must be !GetAtt <an AWS::IAM::Role>.Arn");
      return;
    }
    Set<String> granted = new TreeSet<>();
    for (IamCheck.LocatedStatement located : IamCheck.roleStatements(template, role)) {
      Map<String, Object> statement = located.statement();
      if ("Allow".equals(statement.get("Effect"))
          && IamCheck.strings(statement.get("Action")).contains("lambda:InvokeFunction")) {
        for (Object resource : Template.list(statement.get("Resource"))) {
          String function = Template.getAttTarget(resource, "Arn");
          granted.add(function != null ? function : String.valueOf(resource));
        }
      }
    }
    if (!granted.equals(new TreeSet<>(expected))) {
      problems.add("Resources." + role + ".Properties.Policies: lambda:InvokeFunction is granted on "
          + granted + " but the orchestrator invokes " + new TreeSet<>(expected));
    }
  }
}
