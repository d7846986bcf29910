package com.connectopsreview.athena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.shared.exception.ConfigurationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AthenaSettingsTest {

  @Test
  void fromEnvironment_withNothingSet_isOffWithThePrimaryWorkgroup() {
    AthenaSettings settings = AthenaSettings.fromEnvironment(Map.<String, String>of()::get);

    assertFalse(settings.enabled());
    assertNull(settings.database());
    assertEquals("primary", settings.workgroup());
    assertNull(settings.outputLocation());
    assertNull(settings.dataLakeRoleArn());
  }

  @Test
  void fromEnvironment_withBlankValues_treatsThemAsUnset() {
    AthenaSettings settings = AthenaSettings.fromEnvironment(Map.of("ATHENA_DATABASE", "  ", "ATHENA_WORKGROUP", "",
        "ATHENA_OUTPUT_LOCATION", " ", "DATALAKE_ROLE_ARN", "")::get);

    assertFalse(settings.enabled());
    assertEquals("primary", settings.workgroup());
  }

  @Test
  void fromEnvironment_withEverySetting_readsThemAll() {
    AthenaSettings settings = AthenaSettings.fromEnvironment(Map.of("ATHENA_DATABASE", "connect_consumer",
        "ATHENA_WORKGROUP", "connect-analytics.wg", "ATHENA_OUTPUT_LOCATION", "s3://my-results/athena/",
        "DATALAKE_ROLE_ARN", "arn:aws:iam::111111111111:role/DataLakeReader")::get);

    assertTrue(settings.enabled());
    assertEquals("connect_consumer", settings.database());
    assertEquals("connect-analytics.wg", settings.workgroup());
    assertEquals("s3://my-results/athena/", settings.outputLocation());
    assertEquals("arn:aws:iam::111111111111:role/DataLakeReader", settings.dataLakeRoleArn());
  }

  @Test
  void constructor_withMalformedValues_namesTheVariable() {
    assertNames("ATHENA_DATABASE", () -> new AthenaSettings("connect db", null, null, null, null));
    assertNames("ATHENA_WORKGROUP", () -> new AthenaSettings("db", "work group", null, null, null));
    assertNames("ATHENA_OUTPUT_LOCATION", () -> new AthenaSettings("db", null, "https://bucket/prefix/", null, null));
    assertNames("ATHENA_OUTPUT_LOCATION", () -> new AthenaSettings("db", null, "s3://Upper_Case/", null, null));
    assertNames("DATALAKE_ROLE_ARN", () -> new AthenaSettings("db", null, null, "arn:aws:iam::1234:role/x", null));
    assertNames("DATALAKE_ROLE_ARN", () -> new AthenaSettings("db", null, null,
        "arn:aws:iam::111111111111:user/someone", null));
  }

  private static void assertNames(String variable, Runnable build) {
    ConfigurationException e = assertThrows(ConfigurationException.class, build::run);
    assertTrue(e.getMessage().startsWith(variable + " is malformed"), e.getMessage());
  }
}
