package com.connectopsreview.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every {@code Ref}, {@code GetAtt}, {@code ${X}} inside {@code Sub}, {@code DependsOn} and condition
 * name in the template targets something the template declares: a resource, a parameter, a pseudo
 * parameter, a condition, or a resource SAM generates (see {@link #samGeneratedResources}).
 */
final class ReferenceCheck {

  static final Set<String> PSEUDO_PARAMETERS =
      Set.of(
          "AWS::AccountId", "AWS::NoValue", "AWS::NotificationARNs", "AWS::Partition", "AWS::Region",
          "AWS::StackId", "AWS::StackName", "AWS::URLSuffix");

  /** ${Name}, ${Name.Attribute}, ${!Literal}; the name part up to the first dot. */
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private final Template template;
  private final Map<String, String> generated;
  private final List<String> problems = new ArrayList<>();

  private ReferenceCheck(Template template) {
    this.template = template;
    this.generated = samGeneratedResources(template);
  }

  /** Problems, each naming the path of the bad reference; empty when all resolve. */
  static List<String> check(Template template) {
    ReferenceCheck check = new ReferenceCheck(template);
    for (String section : List.of("Rules", "Conditions", "Globals", "Resources", "Outputs")) {
      check.walk(template.root().get(section), section);
    }
    check.resourceAttributes();
    return check.problems;
  }

  /**
   * Resources the SAM transform adds, by logical id, with what produces them. The template may refer to
   * these; no other undeclared name is accepted. Only what SAM generates for the features this project
   * uses is listed: a function's role when it has no Role, its version and alias with AutoPublishAlias,
   * its EventInvokeConfig, and the rule and permission of each Schedule event.
   */
  static Map<String, String> samGeneratedResources(Template template) {
    Map<String, String> generated = new LinkedHashMap<>();
    for (String function : template.functions()) {
      Map<String, Object> properties = template.properties(function);
      if (!properties.containsKey("Role")) {
        generated.put(function + "Role", function + " has no Role, so SAM creates one");
      }
      if (template.functionProperty(function, "AutoPublishAlias").isPresent()) {
        generated.put(function + ".Version", function + " AutoPublishAlias");
        generated.put(function + ".Alias", function + " AutoPublishAlias");
      }
      if (properties.containsKey("EventInvokeConfig")) {
        generated.put(function + "EventInvokeConfig", function + " EventInvokeConfig");
      }
      Template.map(properties.get("Events")).forEach((event, definition) -> {
        if ("Schedule".equals(Template.map(definition).get("Type"))) {
          generated.put(function + event, function + " Schedule event " + event);
          generated.put(function + event + "Permission", function + " Schedule event " + event);
        }
      });
    }
    return generated;
  }

  private void walk(Object node, String path) {
    if (node instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        walk(list.get(i), path + "[" + i + "]");
      }
      return;
    }
    if (!(node instanceof Map<?, ?>)) {
      return;
    }
    Map<String, Object> map = Template.map(node);
    if (map.size() == 1) {
      Map.Entry<String, Object> only = map.entrySet().iterator().next();
      String key = only.getKey();
      Object value = only.getValue();
      switch (key) {
        case "Ref" -> {
          ref(value, path);
          return;
        }
        case "Fn::GetAtt" -> {
          getAtt(value, path);
          return;
        }
        case "Fn::Sub" -> {
          sub(value, path);
          return;
        }
        case "Condition" -> {
          if (value instanceof String name) {
            condition(name, path + ".Condition");
            return;
          }
        }
        case "Fn::If" -> {
          List<Object> args = Template.list(value);
          if (!args.isEmpty() && args.get(0) instanceof String name) {
            condition(name, path + ".Fn::If[0]");
          }
          for (int i = 1; i < args.size(); i++) {
            walk(args.get(i), path + ".Fn::If[" + i + "]");
          }
          return;
        }
        default -> { }
      }
    }
    map.forEach((key, value) -> walk(value, path + "." + key));
  }

  private void ref(Object target, String path) {
    if (!(target instanceof String name)) {
      problems.add(path + ": Ref needs a name, got " + target);
    } else if (!PSEUDO_PARAMETERS.contains(name) && !template.parameters().containsKey(name)
        && !template.resources().containsKey(name) && !generated.containsKey(name)) {
      problems.add(path + ": Ref '" + name + "' is not a parameter, resource or pseudo parameter");
    }
  }

  private void getAtt(Object value, String path) {
    List<Object> args = Template.list(value);
    if (args.size() != 2 || !(args.get(0) instanceof String resource)) {
      problems.add(path + ": GetAtt needs [Resource, Attribute], got " + value);
      return;
    }
    resourceName(resource, path, "GetAtt");
  }

  private void sub(Object value, String path) {
    String text;
    Map<String, Object> variables = Map.of();
    if (value instanceof String s) {
      text = s;
    } else if (value instanceof List<?> args && args.size() == 2 && args.get(0) instanceof String s) {
      text = s;
      variables = Template.map(args.get(1));
      walk(args.get(1), path + ".Fn::Sub[1]");
    } else {
      problems.add(path + ": Sub needs a string or [string, {variables}], got " + value);
      return;
    }
    Matcher m = SUB_VARIABLE.matcher(text);
    while (m.find()) {
      String expression = m.group(1).trim();
      if (expression.startsWith("!")) {
        continue; // ${!Literal} is written out as ${Literal}
      }
      int dot = expression.indexOf('.');
      if (PSEUDO_PARAMETERS.contains(expression) || variables.containsKey(expression)) {
        continue;
      }
      if (dot > 0) {
        resourceName(expression.substring(0, dot), path, "Sub ${" + expression + "}");
      } else if (!template.parameters().containsKey(expression)
          && !template.resources().containsKey(expression) && !generated.containsKey(expression)) {
        problems.add(path + ": Sub ${" + expression + "} is not a parameter, resource, pseudo parameter"
            + " or Sub variable");
      }
    }
  }

  private void resourceName(String resource, String path, String what) {
    if (template.parameters().containsKey(resource)) {
      problems.add(path + ": " + what + " names parameter '" + resource + "'; attributes exist on resources only");
    } else if (!template.resources().containsKey(resource) && !generated.containsKey(resource)) {
      problems.add(path + ": " + what + " targets '" + resource + "', which is not a resource");
    }
  }

  private void condition(String name, String path) {
    if (!template.conditions().containsKey(name)) {
      problems.add(path + ": condition '" + name + "' is not declared in Conditions");
    }
  }

  /** Resource- and output-level Condition and DependsOn. */
  private void resourceAttributes() {
    template.resources().forEach((id, definition) -> {
      Map<String, Object> resource = Template.map(definition);
      if (resource.get("Condition") instanceof String name) {
        condition(name, "Resources." + id + ".Condition");
      }
      for (Object dependency : Template.list(resource.get("DependsOn"))) {
        if (!(dependency instanceof String target)
            || !template.resources().containsKey(target) && !generated.containsKey(target)) {
          problems.add("Resources." + id + ".DependsOn: '" + dependency + "' is not a resource");
        }
      }
    });
    template.section("Outputs").forEach((id, definition) -> {
      if (Template.map(definition).get("Condition") instanceof String name) {
        condition(name, "Outputs." + id + ".Condition");
      }
    });
  }
}
