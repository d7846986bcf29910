package com.connectopsreview.shared.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed Amazon Connect instance ARN: {@code arn:<partition>:connect:<region>:<account>:instance/<id>}.
 * Region, account and instance id are always taken from the ARN, never guessed.
 */
public record InstanceRef(String arn, String partition, String region, String accountId, String id) {

  private static final Pattern ARN =
      Pattern.compile(
          "arn:(?<partition>aws|aws-us-gov|aws-cn):connect:(?<region>[a-z]{2}(?:-gov)?-[a-z]+-\\d):"
              + "(?<account>\\d{12}):instance/(?<id>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

  public InstanceRef {
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(id, "id");
  }

  /**
   * Parses an instance ARN.
   *
   * @throws IllegalArgumentException naming what is wrong with the value
   */
  public static InstanceRef parse(String arn) {
    if (arn == null || arn.isBlank()) {
      throw new IllegalArgumentException("instance ARN is empty");
    }
    String value = arn.trim();
    Matcher m = ARN.matcher(value);
    if (!m.matches()) {
      throw new IllegalArgumentException(describeProblem(value));
    }
    String partition = m.group("partition");
    String region = m.group("region");
    boolean regionFitsPartition =
        switch (partition) {
          case "aws-us-gov" -> region.startsWith("us-gov-");
          case "aws-cn" -> region.startsWith("cn-");
          default -> !region.startsWith("us-gov-") && !region.startsWith("cn-");
        };
    if (!regionFitsPartition) {
      throw new IllegalArgumentException(
          "region '" + region + "' does not belong to partition '" + partition + "'");
    }
    return new InstanceRef(value, partition, region, m.group("account"), m.group("id"));
  }

  /** Hostname suffix of the partition's console, used by {@code ConsoleLinks}. */
  @JsonIgnore
  public String consoleDomain() {
    return switch (partition) {
      case "aws-us-gov" -> "console.amazonaws-us-gov.com";
      case "aws-cn" -> "console.amazonaws.cn";
      default -> "console.aws.amazon.com";
    };
  }

  private static String describeProblem(String value) {
    String[] parts = value.split(":", 6);
    if (parts.length < 6 || !"arn".equals(parts[0])) {
      return "'" + abbreviate(value) + "' is not an ARN (expected arn:aws:connect:<region>:<account>:instance/<id>)";
    }
    if (!parts[1].matches("aws|aws-us-gov|aws-cn")) {
      return "unknown partition '" + parts[1] + "' (expected aws, aws-us-gov or aws-cn)";
    }
    if (!"connect".equals(parts[2])) {
      return "service '" + parts[2] + "' is not connect";
    }
    if (!parts[3].matches("[a-z]{2}(?:-gov)?-[a-z]+-\\d")) {
      return "region '" + parts[3] + "' is not a valid AWS region";
    }
    if (!parts[4].matches("\\d{12}")) {
      return "account '" + parts[4] + "' is not a 12-digit account id";
    }
    if (!parts[5].startsWith("instance/")) {
      return "resource '" + abbreviate(parts[5]) + "' is not instance/<id>";
    }
    return "instance id '" + abbreviate(parts[5].substring("instance/".length()))
        + "' is not a lower-case UUID";
  }

  private static String abbreviate(String s) {
    return s.length() <= 120 ? s : s.substring(0, 117) + "...";
  }
}
