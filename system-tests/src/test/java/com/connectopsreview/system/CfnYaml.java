package com.connectopsreview.system;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a CloudFormation / SAM YAML template into plain maps and lists. Short-form intrinsics become
 * their long form ({@code !Ref X} is {@code {"Ref": "X"}}, {@code !GetAtt A.B} is
 * {@code {"Fn::GetAtt": ["A", "B"]}}), so the checks see one shape whichever form the author used.
 */
final class CfnYaml {

  /** YAML tag to long-form key. */
  private static final Map<String, String> SHORT_FORMS =
      Map.ofEntries(
          Map.entry("!Ref", "Ref"),
          Map.entry("!Condition", "Condition"),
          Map.entry("!GetAtt", "Fn::GetAtt"),
          Map.entry("!Sub", "Fn::Sub"),
          Map.entry("!If", "Fn::If"),
          Map.entry("!Join", "Fn::Join"),
          Map.entry("!Select", "Fn::Select"),
          Map.entry("!Equals", "Fn::Equals"),
          Map.entry("!Not", "Fn::Not"),
          Map.entry("!And", "Fn::And"),
          Map.entry("!Or", "Fn::Or"),
          Map.entry("!FindInMap", "Fn::FindInMap"),
          Map.entry("!Split", "Fn::Split"),
          Map.entry("!GetAZs", "Fn::GetAZs"),
          Map.entry("!ImportValue", "Fn::ImportValue"),
          Map.entry("!Base64", "Fn::Base64"),
          Map.entry("!Cidr", "Fn::Cidr"),
          Map.entry("!ToJsonString", "Fn::ToJsonString"),
          Map.entry("!Length", "Fn::Length"));

  private CfnYaml() {}

  /**
   * @throws IllegalArgumentException if the text is not YAML, repeats a key, or is not a mapping
   */
  static Map<String, Object> parse(String yaml) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false); // CloudFormation rejects them; a silent last-wins would hide one
    Object document;
    try {
      document = new Yaml(new IntrinsicConstructor(options)).load(yaml);
    } catch (YAMLException e) {
      throw new IllegalArgumentException("template is not valid YAML: " + e.getMessage(), e);
    }
    if (!(document instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("template is not a YAML mapping");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> root = (Map<String, Object>) map;
    return root;
  }

  /** SnakeYAML's safe constructor plus one construct per intrinsic tag. */
  private static final class IntrinsicConstructor extends SafeConstructor {

    IntrinsicConstructor(LoaderOptions options) {
      super(options);
      SHORT_FORMS.forEach((tag, function) -> yamlConstructors.put(new Tag(tag), new Intrinsic(function)));
    }

    private final class Intrinsic extends AbstractConstruct {

      private final String function;

      Intrinsic(String function) {
        this.function = function;
      }

      @Override
      public Object construct(Node node) {
        Object value;
        if (node instanceof ScalarNode scalar) {
          value = constructScalar(scalar);
        } else if (node instanceof SequenceNode sequence) {
          value = constructSequence(sequence);
        } else if (node instanceof MappingNode mapping) {
          value = constructMapping(mapping);
        } else {
          throw new YAMLException("unexpected node for " + node.getTag() + ": " + node.getNodeId());
        }
        if (function.equals("Fn::GetAtt") && value instanceof String dotted) {
          // !GetAtt Resource.Attribute; attributes may contain dots themselves (Endpoint.Address).
          int dot = dotted.indexOf('.');
          value = dot < 0 ? List.of(dotted) : List.of(dotted.substring(0, dot), dotted.substring(dot + 1));
        }
        return Map.of(function, value);
      }
    }
  }
}
