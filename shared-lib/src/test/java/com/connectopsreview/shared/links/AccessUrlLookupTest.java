package com.connectopsreview.shared.links;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.connectopsreview.shared.aws.ServiceClients;
import com.connectopsreview.shared.model.InstanceRef;
import com.connectopsreview.shared.testing.SdkMocks;
import com.connectopsreview.shared.testing.TestClock;
import com.connectopsreview.shared.time.TimeBudget;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.AccessDeniedException;
import software.amazon.awssdk.services.connect.model.DescribeInstanceRequest;
import software.amazon.awssdk.services.connect.model.DescribeInstanceResponse;
import software.amazon.awssdk.services.connect.model.Instance;

class AccessUrlLookupTest {

  private static final InstanceRef INSTANCE = InstanceRef.parse(
      "arn:aws:connect:eu-west-2:123456789012:instance/11111111-2222-3333-4444-555555555555");

  private final TestClock clock = TestClock.at("2026-11-23T09:00:00Z");
  private final ConnectClient connect = SdkMocks.client(ConnectClient.class);

  private AccessUrlLookup.Resolved read(long secondsLeft) {
    return AccessUrlLookup.read(ServiceClients.of(connect), INSTANCE,
        new TimeBudget(clock, clock.instant().plusSeconds(secondsLeft)));
  }

  @Test
  void read_withTheAccessUrl_linksIntoTheAdminWebsite() {
    when(connect.describeInstance(any(DescribeInstanceRequest.class))).thenReturn(DescribeInstanceResponse.builder()
        .instance(Instance.builder().instanceAccessUrl("https://contoso.my.connect.aws/").build()).build());

    AccessUrlLookup.Resolved resolved = read(60);

    assertNull(resolved.note());
    assertEquals("https://contoso.my.connect.aws/numbers#/", resolved.links().phoneNumbers());
  }

  @Test
  void read_whenDenied_keepsTheConsoleLinksAndSaysWhy() {
    when(connect.describeInstance(any(DescribeInstanceRequest.class))).thenThrow(AccessDeniedException.builder()
        .statusCode(403).awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException")
            .serviceName("Connect").errorMessage("not allowed").build()).build());

    AccessUrlLookup.Resolved resolved = read(60);

    assertFalse(resolved.links().hasAccessUrl());
    assertTrue(resolved.links().telephony().startsWith("https://eu-west-2.console.aws.amazon.com/"));
    assertEquals("instance access URL unknown (DescribeInstance: AccessDeniedException from Connect (HTTP 403): "
        + "not allowed)", resolved.note());
  }

  @Test
  void read_withoutAnAccessUrlOrTime_saysSoWithoutCallingWhenNoTimeIsLeft() {
    when(connect.describeInstance(any(DescribeInstanceRequest.class)))
        .thenReturn(DescribeInstanceResponse.builder().instance(Instance.builder().build()).build());

    assertEquals("DescribeInstance returned no InstanceAccessUrl", read(60).note());

    ConnectClient unused = SdkMocks.client(ConnectClient.class);
    AccessUrlLookup.Resolved spent = AccessUrlLookup.read(ServiceClients.of(unused), INSTANCE,
        new TimeBudget(clock, clock.instant().minusSeconds(1)));
    assertTrue(spent.note().contains("timed out: time budget spent before Connect DescribeInstance"), spent.note());
    verify(unused, never()).describeInstance(any(DescribeInstanceRequest.class));
  }
}
