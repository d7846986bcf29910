package com.connectopsreview.shared.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InstanceRefTest {

  static final String ID = "11111111-2222-3333-4444-555555555555";

  @ParameterizedTest
  @CsvSource({
      "aws, us-east-1, console.aws.amazon.com",
      "aws-us-gov, us-gov-west-1, console.amazonaws-us-gov.com",
      "aws-cn, cn-north-1, console.amazonaws.cn"})
  void parse_acceptsEveryPartition(String partition, String region, String domain) {
    InstanceRef ref = InstanceRef.parse("arn:" + partition + ":connect:" + region + ":123456789012:instance/" + ID);

    assertEquals(partition, ref.partition());
    assertEquals(region, ref.region());
    assertEquals("123456789012", ref.accountId());
    assertEquals(ID, ref.id());
    assertEquals(domain, ref.consoleDomain());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "arn:aws:connect:us-east-1:123456789012:queue/x | resource",
      "arn:aws:s3:::bucket | service",
      "arn:aws-xx:connect:us-east-1:123456789012:instance/" + ID + " | partition",
      "arn:aws:connect:useast1:123456789012:instance/" + ID + " | region",
      "arn:aws:connect:us-east-1:12345:instance/" + ID + " | account",
      "arn:aws:connect:us-east-1:123456789012:instance/not-a-uuid | instance id",
      "arn:aws-us-gov:connect:us-east-1:123456789012:instance/" + ID + " | partition",
      "hello | not an ARN"})
  void parse_whenMalformed_saysWhatIsWrong(String arn, String mentions) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InstanceRef.parse(arn));

    assertTrue(e.getMessage().contains(mentions), e.getMessage());
  }

  @Test
  void parse_whenBlank_saysEmpty() {
    assertThrows(IllegalArgumentException.class, () -> InstanceRef.parse(" "));
    assertThrows(IllegalArgumentException.class, () -> InstanceRef.parse(null));
  }
}
