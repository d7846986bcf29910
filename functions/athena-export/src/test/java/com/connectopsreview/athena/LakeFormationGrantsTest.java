package com.connectopsreview.athena;

import static com.connectopsreview.athena.Fixtures.NOW;
import static com.connectopsreview.athena.Fixtures.PRODUCER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.connectopsreview.shared.analyzer.ReadLog;
import com.connectopsreview.shared.testing.SdkMocks;
import com.connectopsreview.shared.time.TimeBudget;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.LakeFormationException;
import software.amazon.awssdk.services.lakeformation.model.ListPermissionsRequest;
import software.amazon.awssdk.services.lakeformation.model.ListPermissionsResponse;
import software.amazon.awssdk.services.lakeformation.model.PrincipalResourcePermissions;
import software.amazon.awssdk.services.lakeformation.model.TableResource;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

class LakeFormationGrantsTest {

  private static final String ROLE = "arn:aws:iam::123456789012:role/AthenaExportRole";

  private final LakeFormationClient lakeFormation = SdkMocks.client(LakeFormationClient.class);
  private final StsClient sts = SdkMocks.client(StsClient.class);
  private final ReadLog log = new ReadLog(new TimeBudget(Clock.fixed(NOW, ZoneOffset.UTC), NOW.plusSeconds(60)), 1);
  private int lakeFormationBuilt;
  private int stsBuilt;

  @Test
  void onTable_assumedRoleCaller_isAskedAboutAsItsIamRole_onTheTable() {
    callerIs("arn:aws:sts::123456789012:assumed-role/AthenaExportRole/athena-export-session");
    when(lakeFormation.listPermissions(any(ListPermissionsRequest.class))).thenReturn(page(null, "DESCRIBE"));

    LakeFormationGrants.Held held = grants(null).onTable(PRODUCER, "connect_datalake", "contact_record");

    assertEquals(new LakeFormationGrants.Held(ROLE, List.of("DESCRIBE"), null), held);
    ArgumentCaptor<ListPermissionsRequest> captor = ArgumentCaptor.forClass(ListPermissionsRequest.class);
    verify(lakeFormation).listPermissions(captor.capture());
    ListPermissionsRequest request = captor.getValue();
    assertEquals(ROLE, request.principal().dataLakePrincipalIdentifier());
    TableResource table = request.resource().table();
    assertEquals(PRODUCER, table.catalogId());
    assertEquals("connect_datalake", table.databaseName());
    assertEquals("contact_record", table.name());
    assertNull(request.resource().database(), "the table, not its database");
  }

  @Test
  void onTable_mergesEveryPage_sortedWithoutDuplicates() {
    callerIs("arn:aws:sts::123456789012:assumed-role/AthenaExportRole/s");
    when(lakeFormation.listPermissions(argThat((ListPermissionsRequest r) -> r != null && r.nextToken() == null)))
        .thenReturn(page("page-2", "SELECT", "DESCRIBE"));
    when(lakeFormation.listPermissions(argThat((ListPermissionsRequest r) -> r != null && "page-2".equals(r.nextToken()))))
        .thenReturn(page(null, "DESCRIBE", "ALTER"));

    LakeFormationGrants.Held held = grants(null).onTable(PRODUCER, "connect_datalake", "contact_record");

    assertEquals(List.of("ALTER", "DESCRIBE", "SELECT"), held.permissions());
    verify(lakeFormation, times(2)).listPermissions(any(ListPermissionsRequest.class));
  }

  @Test
  void onTable_nothingGranted_isAnEmptyList_notUnknown() {
    callerIs("arn:aws:sts::123456789012:assumed-role/AthenaExportRole/s");
    when(lakeFormation.listPermissions(any(ListPermissionsRequest.class))).thenReturn(page(null));

    LakeFormationGrants.Held held = grants(null).onTable(PRODUCER, "connect_datalake", "contact_record");

    assertEquals(List.of(), held.permissions());
    assertNull(held.reason());
  }

  @Test
  void onTable_withARoleArnGiven_asksAboutThatRole_andNeverCallsSts() {
    String dataLakeRole = "arn:aws:iam::123456789012:role/DataLakeReader";
    when(lakeFormation.listPermissions(any(ListPermissionsRequest.class))).thenReturn(page(null, "SELECT"));

    LakeFormationGrants.Held held = grants(dataLakeRole).onTable(PRODUCER, "connect_datalake", "contact_record");

    assertEquals(dataLakeRole, held.principal());
    verify(lakeFormation).listPermissions(argThat((ListPermissionsRequest r) -> r != null
        && dataLakeRole.equals(r.principal().dataLakePrincipalIdentifier())));
    verifyNoInteractions(sts);
    assertEquals(0, stsBuilt, "no STS client is even built");
  }

  @Test
  void onTable_callerIdentityIsReadOnce_forEveryTable() {
    callerIs("arn:aws:sts::123456789012:assumed-role/AthenaExportRole/s");
    when(lakeFormation.listPermissions(any(ListPermissionsRequest.class))).thenReturn(page(null, "SELECT"));
    LakeFormationGrants grants = grants(null);

    grants.onTable(PRODUCER, "connect_datalake", "contact_record");
    grants.onTable(PRODUCER, "connect_datalake", "contact_flow_events");

    verify(sts, times(1)).getCallerIdentity();
  }

  @Test
  void onTable_listPermissionsFailing_isHeldWithAReason() {
    callerIs("arn:aws:sts::123456789012:assumed-role/AthenaExportRole/s");
    when(lakeFormation.listPermissions(any(ListPermissionsRequest.class))).thenThrow(LakeFormationException.builder()
        .statusCode(400).message("Insufficient Lake Formation permission(s): Required Grantable on contact_record")
        .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException")
            .errorMessage("Insufficient Lake Formation permission(s): Required Grantable on contact_record")
            .serviceName("LakeFormation").build()).build());

    LakeFormationGrants.Held held = grants(null).onTable(PRODUCER, "connect_datalake", "contact_record");

    assertEquals(ROLE, held.principal());
    assertNull(held.permissions(), "unknown, not none");
    assertTrue(held.reason().startsWith("Lake Formation ListPermissions: "), held.reason());
    assertTrue(held.reason().contains("Required Grantable"), held.reason());
  }

  @Test
  void onTable_callerIdentityFailing_isHeldWithoutPrincipal_andNoListing() {
    when(sts.getCallerIdentity()).thenThrow(StsException.builder().statusCode(500).message("service unavailable")
        .build());

    LakeFormationGrants.Held held = grants(null).onTable(PRODUCER, "connect_datalake", "contact_record");

    assertNull(held.principal());
    assertNull(held.permissions());
    assertTrue(held.reason().startsWith("the caller's identity could not be read (STS GetCallerIdentity: "),
        held.reason());
    verifyNoInteractions(lakeFormation);
    assertEquals(0, lakeFormationBuilt);
  }

  @Test
  void grants_notAskedAbout_buildNoClient() {
    grants(null);

    assertEquals(0, lakeFormationBuilt + stsBuilt, "the clients are built only when a denial is explained");
  }

  @Test
  void roleOf_assumedRoleBecomesTheRole_otherArnsStayAsTheyAre() {
    assertEquals(ROLE, LakeFormationGrants.roleOf("arn:aws:sts::123456789012:assumed-role/AthenaExportRole/x"));
    assertEquals("arn:aws-us-gov:iam::123456789012:role/Reader",
        LakeFormationGrants.roleOf("arn:aws-us-gov:sts::123456789012:assumed-role/Reader/session@example.com"));
    assertEquals("arn:aws:iam::123456789012:user/alice", LakeFormationGrants.roleOf("arn:aws:iam::123456789012:user/alice"));
  }

  private LakeFormationGrants grants(String roleArn) {
    return new LakeFormationGrants(() -> {
      lakeFormationBuilt++;
      return lakeFormation;
    }, () -> {
      stsBuilt++;
      return sts;
    }, log, roleArn);
  }

  private void callerIs(String arn) {
    when(sts.getCallerIdentity()).thenReturn(GetCallerIdentityResponse.builder().arn(arn)
        .account("123456789012").userId("AROAEXAMPLE:session").build());
  }

  private static ListPermissionsResponse page(String nextToken, String... permissions) {
    return ListPermissionsResponse.builder().nextToken(nextToken).principalResourcePermissions(
        PrincipalResourcePermissions.builder().permissionsWithStrings(permissions).build()).build();
  }
}
