package com.connectopsreview.athena;

import static com.connectopsreview.athena.Fixtures.INSTANCE;
import static com.connectopsreview.athena.Fixtures.SETTINGS;
import static com.connectopsreview.athena.Fixtures.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.model.Finding;
import com.connectopsreview.shared.model.Severity;
import com.connectopsreview.shared.sections.AthenaSection.CheckIds;
import com.connectopsreview.shared.sections.AthenaSection.Target;
import com.connectopsreview.shared.sections.AthenaSection.Workgroup;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.model.EncryptionConfiguration;
import software.amazon.awssdk.services.athena.model.EncryptionOption;
import software.amazon.awssdk.services.athena.model.ManagedQueryResultsConfiguration;
import software.amazon.awssdk.services.athena.model.ResultConfiguration;
import software.amazon.awssdk.services.athena.model.WorkGroup;
import software.amazon.awssdk.services.athena.model.WorkGroupConfiguration;
import software.amazon.awssdk.services.athena.model.WorkGroupState;

class AthenaReadinessRulesTest {

  private final AthenaReadinessRules rules = new AthenaReadinessRules(INSTANCE);

  @Test
  void workgroupFindings_enabledWithEncryptedLocation_isOnePass() {
    Workgroup group = AthenaReadinessRules.workgroup(group(WorkGroupState.ENABLED, "s3://wg-results/",
        EncryptionOption.SSE_KMS, true), SETTINGS);

    List<Finding> findings = rules.workgroupFindings(group);

    assertEquals(List.of(CheckIds.WORKGROUP_READY), ids(findings));
    assertEquals(Severity.PASS, findings.get(0).severity());
    assertEquals("arn:aws:athena:us-east-1:123456789012:workgroup/connect_wg", findings.get(0).resource());
    assertEquals("SSE_KMS", group.encryptionOption());
    assertEquals("s3://wg-results/", group.effectiveOutputLocation());
  }

  @Test
  void workgroupFindings_disabled_isHighAndNoPass() {
    List<Finding> findings = rules.workgroupFindings(AthenaReadinessRules.workgroup(group(WorkGroupState.DISABLED,
        "s3://wg-results/", EncryptionOption.SSE_S3, false), SETTINGS));

    assertEquals(List.of(CheckIds.WORKGROUP_DISABLED), ids(findings));
    assertEquals(Severity.HIGH, findings.get(0).severity());
    assertEquals("DISABLED", findings.get(0).evidence().get("state"));
  }

  @Test
  void workgroup_withoutLocation_notEnforced_usesTheConfiguredLocation() {
    Workgroup group = AthenaReadinessRules.workgroup(group(WorkGroupState.ENABLED, null, null, false), SETTINGS);

    assertNull(group.outputLocation());
    assertEquals("s3://results-bucket/athena/", group.effectiveOutputLocation());
    // The configured location is used, but nothing encrypts the results.
    assertEquals(List.of(CheckIds.WORKGROUP_RESULTS_NOT_ENCRYPTED), ids(rules.workgroupFindings(group)));
  }

  @Test
  void workgroup_withoutLocation_enforced_ignoresTheConfiguredLocation_andHasNone() {
    Workgroup group = AthenaReadinessRules.workgroup(group(WorkGroupState.ENABLED, null, null, true), SETTINGS);

    assertNull(group.effectiveOutputLocation());
    List<Finding> findings = rules.workgroupFindings(group);
    assertEquals(List.of(CheckIds.WORKGROUP_NO_RESULT_LOCATION), ids(findings));
    assertEquals(Severity.MEDIUM, findings.get(0).severity());
    assertTrue(findings.get(0).detail().contains("enforces"), findings.get(0).detail());
  }

  @Test
  void workgroup_withoutLocationAnywhere_isNoResultLocation() {
    Workgroup group = AthenaReadinessRules.workgroup(group(WorkGroupState.ENABLED, null, null, false),
        new AthenaSettings("db", null, null, null, null));

    assertEquals(List.of(CheckIds.WORKGROUP_NO_RESULT_LOCATION), ids(rules.workgroupFindings(group)));
  }

  @Test
  void workgroup_withManagedQueryResults_needsNoLocation() {
    WorkGroup managed = WorkGroup.builder().name("connect_wg").state(WorkGroupState.ENABLED)
        .configuration(WorkGroupConfiguration.builder().enforceWorkGroupConfiguration(true)
            .managedQueryResultsConfiguration(ManagedQueryResultsConfiguration.builder().enabled(true).build()).build())
        .build();

    Workgroup group = AthenaReadinessRules.workgroup(managed, SETTINGS);

    assertTrue(group.managedQueryResults());
    assertEquals(List.of(CheckIds.WORKGROUP_READY), ids(rules.workgroupFindings(group)));
  }

  @Test
  void noStorageDescriptor_onALink_tellsToGrantOnTheTargetInTheProducerAccount() {
    Finding finding = rules.noStorageDescriptor("connect_consumer", "contact_record_link",
        new Target("111111111111", "connect_datalake", "contact_record", "us-east-1"));

    assertEquals(Severity.HIGH, finding.severity());
    assertEquals(CheckIds.RESOURCE_LINK_NO_STORAGE_DESCRIPTOR, finding.checkId());
    assertTrue(finding.recommendation().contains("DESCRIBE and SELECT on the TARGET table connect_datalake.contact_record"),
        finding.recommendation());
    assertTrue(finding.recommendation().contains("producer account 111111111111"), finding.recommendation());
    assertEquals("arn:aws:glue:us-east-1:123456789012:table/connect_consumer/contact_record_link", finding.resource());
    assertEquals("111111111111", finding.evidence().get("targetCatalogId"));
  }

  @Test
  void isLakeFormationDenial_onlyForAccessDeniedNamingLakeFormation() {
    assertTrue(AthenaReadinessRules.isLakeFormationDenial(Fixtures.glueError(400, "AccessDeniedException",
        "Insufficient Lake Formation permission(s) on contact_record")));
    assertFalse(AthenaReadinessRules.isLakeFormationDenial(Fixtures.glueError(400, "AccessDeniedException",
        "User: arn:aws:sts::123456789012:assumed-role/x is not authorized to perform: glue:GetTable")));
    assertFalse(AthenaReadinessRules.isLakeFormationDenial(Fixtures.glueError(400, "EntityNotFoundException",
        "Lake Formation table not found")));
    assertFalse(AthenaReadinessRules.isLakeFormationDenial(null));
  }

  private static WorkGroup group(WorkGroupState state, String location, EncryptionOption encryption, boolean enforce) {
    ResultConfiguration.Builder results = ResultConfiguration.builder().outputLocation(location);
    if (encryption != null) {
      results.encryptionConfiguration(EncryptionConfiguration.builder().encryptionOption(encryption).build());
    }
    return WorkGroup.builder().name("connect_wg").state(state).configuration(WorkGroupConfiguration.builder()
        .resultConfiguration(results.build()).enforceWorkGroupConfiguration(enforce).build()).build();
  }
}
