package com.connectopsreview.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Least privilege in every policy the template writes: no Allow grants {@code *} or {@code service:*},
 * an Allow on Resource {@code *} only for actions on {@link #WILDCARD_RESOURCE_ACTIONS} (APIs without
 * resource-level permissions), no NotAction / NotResource in an Allow, no managed policies, and every
 * function with an explicit role (SAM's generated role carries AWSLambdaBasicExecutionRole, whose logs
 * permissions are on Resource *). Deny statements may be broad: they only take permissions away.
 */
final class IamCheck {

  /** Actions that may be allowed on Resource "*", each with the reason. */
  static final Map<String, String> WILDCARD_RESOURCE_ACTIONS =
      Map.ofEntries(
          Map.entry("xray:PutTraceSegments", "X-Ray trace APIs have no resource-level permissions"),
          Map.entry("xray:PutTelemetryRecords", "X-Ray trace APIs have no resource-level permissions"),
          Map.entry("cloudwatch:GetMetricData", "CloudWatch metric reads have no resource-level permissions"),
          Map.entry("cloudwatch:ListMetrics", "CloudWatch metric reads have no resource-level permissions"),
          Map.entry("servicequotas:ListServiceQuotas", "Service Quotas list APIs have no resource-level permissions"),
          Map.entry("servicequotas:ListAWSDefaultServiceQuotas",
              "Service Quotas list APIs have no resource-level permissions"),
          Map.entry("cloudtrail:LookupEvents", "CloudTrail event history lookups have no resource-level permissions"),
          Map.entry("logs:GetQueryResults",
              "Logs Insights results are read by query id, without resource-level permissions"),
          Map.entry("logs:StopQuery",
              "Logs Insights queries are stopped by query id, without resource-level permissions"),
          Map.entry("lakeformation:GetDataAccess",
              "Lake Formation's credential vending for Athena has no resource-level permissions"),
          Map.entry("lakeformation:ListPermissions", "Lake Formation APIs have no resource-level permissions"));

  private static final Set<String> POLICY_DOCUMENT_TYPES =
      Set.of("AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::S3::BucketPolicy",
          "AWS::SQS::QueuePolicy", "AWS::SNS::TopicPolicy");

  /** One statement with the path that names it in messages. */
  record LocatedStatement(String path, Map<String, Object> statement) {}

  private IamCheck() {}

  static List<String> check(Template template) {
    List<String> problems = new ArrayList<>();
    template.resources().keySet().forEach(id -> {
      String type = String.valueOf(template.type(id));
      Map<String, Object> properties = template.properties(id);
      String base = "Resources." + id + ".Properties";
      if (type.equals("AWS::IAM::Role")) {
        if (properties.containsKey("ManagedPolicyArns")) {
          problems.add(base + ".ManagedPolicyArns: managed policies are not allowed; write inline statements");
        }
        statements(properties.get("AssumeRolePolicyDocument"), base + ".AssumeRolePolicyDocument")
            .forEach(s -> checkStatement(s, problems));
        roleStatements(template, id).forEach(s -> checkStatement(s, problems));
      } else if (POLICY_DOCUMENT_TYPES.contains(type)) {
        statements(properties.get("PolicyDocument"), base + ".PolicyDocument")
            .forEach(s -> checkStatement(s, problems));
      } else if (type.equals(Template.SERVERLESS_FUNCTION)) {
        if (!properties.containsKey("Role")) {
          problems.add(base + ".Role: missing; SAM's generated role would get AWSLambdaBasicExecutionRole"
              + " (logs on Resource *): give the function its own AWS::IAM::Role");
        }
        if (template.functionProperty(id, "Policies").isPresent()) {
          problems.add(base + ".Policies: SAM policies and policy templates are not allowed;"
              + " put inline statements on the function's AWS::IAM::Role");
        }
      }
    });
    return problems;
  }

  /** Statements of the role's inline policies, Fn::If branches expanded. */
  static List<LocatedStatement> roleStatements(Template template, String roleId) {
    List<LocatedStatement> all = new ArrayList<>();
    List<Object> policies = Template.list(template.properties(roleId).get("Policies"));
    for (int i = 0; i < policies.size(); i++) {
      all.addAll(statements(Template.map(policies.get(i)).get("PolicyDocument"),
          "Resources." + roleId + ".Properties.Policies[" + i + "].PolicyDocument"));
    }
    return all;
  }

  static List<LocatedStatement> statements(Object document, String path) {
    List<LocatedStatement> found = new ArrayList<>();
    List<Object> statements = Template.list(Template.map(document).get("Statement"));
    for (int i = 0; i < statements.size(); i++) {
      expand(statements.get(i), path + ".Statement[" + i + "]", found);
    }
    return found;
  }

  /** A statement, or both branches of an Fn::If that yields one (AWS::NoValue yields none). */
  private static void expand(Object node, String path, List<LocatedStatement> found) {
    Map<String, Object> map = Template.map(node);
    if (map.size() == 1 && map.get("Fn::If") instanceof List<?> args && args.size() == 3) {
      expand(args.get(1), path + ".Fn::If[1]", found);
      expand(args.get(2), path + ".Fn::If[2]", found);
    } else if ("AWS::NoValue".equals(Template.refTarget(node))) {
      return;
    } else {
      Object sid = map.get("Sid");
      found.add(new LocatedStatement(sid == null ? path : path + " (Sid " + sid + ")", map));
    }
  }

  /** The statement's string actions or resources (intrinsics are not wildcards). */
  static List<String> strings(Object value) {
    return Template.list(value).stream().filter(String.class::isInstance).map(String.class::cast).toList();
  }

  private static void checkStatement(LocatedStatement located, List<String> problems) {
    Map<String, Object> statement = located.statement();
    if (!"Allow".equals(statement.get("Effect"))) {
      return;
    }
    String path = located.path();
    if (statement.containsKey("NotAction") || statement.containsKey("NotResource")) {
      problems.add(path + ": an Allow with NotAction/NotResource grants everything else");
    }
    List<String> actions = strings(statement.get("Action"));
    for (String action : actions) {
      if (action.equals("*") || action.endsWith(":*")) {
        problems.add(path + ": Action '" + action + "' grants a whole service; list the actions");
      }
    }
    if (strings(statement.get("Resource")).contains("*")) {
      List<String> notAllowed =
          actions.stream().filter(a -> !WILDCARD_RESOURCE_ACTIONS.containsKey(a)).toList();
      if (!notAllowed.isEmpty()) {
        problems.add(path + ": Resource '*' for " + notAllowed
            + ", which are not on the allow-list of APIs without resource-level permissions");
      }
    }
  }
}
