package com.connectopsreview.athena;

import com.connectopsreview.shared.exception.ConfigurationException;
import com.connectopsreview.shared.sections.AthenaSection;
import com.connectopsreview.shared.sections.AthenaSection.Thresholds;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The {@code athena} function's settings, read once from its environment (the template sets them from
 * stack parameters). A blank database switches the component off: it is SKIPPED, not FAILED.
 *
 * @param database ATHENA_DATABASE: the Glue database (or resource link) holding the data lake tables; null = off
 * @param workgroup ATHENA_WORKGROUP, default {@value #DEFAULT_WORKGROUP}
 * @param outputLocation ATHENA_OUTPUT_LOCATION ({@code s3://bucket/prefix/}), null when unset
 * @param dataLakeRoleArn DATALAKE_ROLE_ARN, the role to assume for Glue, Lake Formation and Athena; null when unset
 * @param thresholds the KPI thresholds (ATHENA_SERVICE_LEVEL_SECONDS and the others, see {@link #fromEnvironment})
 */
public record AthenaSettings(String database, String workgroup, String outputLocation, String dataLakeRoleArn,
    Thresholds thresholds) {

  public static final String DATABASE_ENV = "ATHENA_DATABASE";
  public static final String WORKGROUP_ENV = "ATHENA_WORKGROUP";
  public static final String OUTPUT_LOCATION_ENV = "ATHENA_OUTPUT_LOCATION";
  public static final String ROLE_ARN_ENV = "DATALAKE_ROLE_ARN";
  public static final String SERVICE_LEVEL_SECONDS_ENV = "ATHENA_SERVICE_LEVEL_SECONDS";
  public static final String SERVICE_LEVEL_TARGET_ENV = "ATHENA_SERVICE_LEVEL_TARGET_PCT";
  public static final String SHORT_ABANDON_SECONDS_ENV = "ATHENA_SHORT_ABANDON_SECONDS";
  public static final String ABANDONMENT_MAX_ENV = "ATHENA_ABANDONMENT_MAX_PCT";
  public static final String TRANSFER_MAX_ENV = "ATHENA_TRANSFER_MAX_PCT";
  public static final String MIN_QUEUED_ENV = "ATHENA_MIN_QUEUED_CONTACTS";
  public static final String MAX_CONCURRENT_ENV = "ATHENA_MAX_CONCURRENT_QUERIES";
  public static final String PRICE_ENV = "ATHENA_PRICE_PER_TB_USD";
  public static final String DEFAULT_WORKGROUP = "primary";

  /**
   * Defaults: 80 % of contacts answered within 20 s (the common 80/20 service level goal), abandons
   * under 10 s counted as short, abandonment above 8 % and transfers above 25 % flagged, queues with
   * under 30 queued contacts not judged, 3 queries at a time (Athena's active DML quota, 20 to 25 in
   * most Regions, is shared by the whole account), USD 5 per TB scanned (Athena's list price in most
   * Regions).
   */
  public static final Thresholds DEFAULT_THRESHOLDS = new Thresholds(20, 80.0, 10, 8.0, 25.0, 30, 3, 5.0);

  /** Glue's name rules are wide; Athena's SQL names are letters, digits and underscores (hyphen tolerated in Glue). */
  private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_-]{1,255}");
  /** Athena WorkGroupName: {@code [a-zA-Z0-9._-]{1,128}}. */
  private static final Pattern WORKGROUP = Pattern.compile("[a-zA-Z0-9._-]{1,128}");
  /** An S3 URI: a bucket name (3-63 lower-case letters, digits, dots, hyphens), then an optional key prefix. */
  private static final Pattern OUTPUT_LOCATION = Pattern.compile("s3://[a-z0-9][a-z0-9.-]{1,61}[a-z0-9](/\\S*)?");
  private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");

  public AthenaSettings {
    database = blankToNull(database);
    workgroup = blankToNull(workgroup) == null ? DEFAULT_WORKGROUP : workgroup.trim();
    outputLocation = blankToNull(outputLocation);
    dataLakeRoleArn = blankToNull(dataLakeRoleArn);
    thresholds = thresholds == null ? DEFAULT_THRESHOLDS : thresholds;
    require(DATABASE_ENV, database, DATABASE, "a Glue database name (letters, digits, '_' or '-', at most 255)");
    require(WORKGROUP_ENV, workgroup, WORKGROUP, "an Athena workgroup name ([a-zA-Z0-9._-], at most 128)");
    require(OUTPUT_LOCATION_ENV, outputLocation, OUTPUT_LOCATION, "an S3 URI such as s3://bucket/prefix/");
    require(ROLE_ARN_ENV, dataLakeRoleArn, ROLE_ARN, "an IAM role ARN such as arn:aws:iam::123456789012:role/name");
  }

  /** Off: no database configured. */
  public static AthenaSettings off() {
    return new AthenaSettings(null, null, null, null, null);
  }

  /** A database (and optionally workgroup and output location), default thresholds, no role: the local runner's. */
  public static AthenaSettings of(String database, String workgroup, String outputLocation) {
    return new AthenaSettings(database, workgroup, outputLocation, null, null);
  }

  /** From {@code env} (System::getenv in Lambda); a malformed value is a ConfigurationException naming it. */
  public static AthenaSettings fromEnvironment(Function<String, String> env) {
    Thresholds d = DEFAULT_THRESHOLDS;
    Thresholds thresholds = new Thresholds(
        intSetting(env, SERVICE_LEVEL_SECONDS_ENV, d.serviceLevelSeconds(), 1, 3600),
        pctSetting(env, SERVICE_LEVEL_TARGET_ENV, d.serviceLevelTargetPct()),
        intSetting(env, SHORT_ABANDON_SECONDS_ENV, d.shortAbandonSeconds(), 0, 600),
        pctSetting(env, ABANDONMENT_MAX_ENV, d.abandonmentRateMaxPct()),
        pctSetting(env, TRANSFER_MAX_ENV, d.transferRateMaxPct()),
        intSetting(env, MIN_QUEUED_ENV, d.minQueuedContacts(), 1, 1_000_000),
        intSetting(env, MAX_CONCURRENT_ENV, d.maxConcurrentQueries(), 1, 20),
        doubleSetting(env, PRICE_ENV, d.pricePerTerabyteUsd(), 0, 1000));
    return new AthenaSettings(env.apply(DATABASE_ENV), env.apply(WORKGROUP_ENV), env.apply(OUTPUT_LOCATION_ENV),
        env.apply(ROLE_ARN_ENV), thresholds);
  }

  public boolean enabled() {
    return database != null;
  }

  /** The settings as the section echoes them. */
  AthenaSection.Settings echo() {
    return new AthenaSection.Settings(enabled(), database, workgroup, outputLocation, dataLakeRoleArn, thresholds);
  }

  private static int intSetting(Function<String, String> env, String name, int fallback, int min, int max) {
    String value = blankToNull(env.apply(name));
    if (value == null) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below, with the expected range
    }
    throw new ConfigurationException(name + " is malformed: expected a whole number from " + min + " to " + max
        + ", got '" + value + "'");
  }

  private static double pctSetting(Function<String, String> env, String name, double fallback) {
    return doubleSetting(env, name, fallback, 0, 100);
  }

  private static double doubleSetting(Function<String, String> env, String name, double fallback, double min,
      double max) {
    String value = blankToNull(env.apply(name));
    if (value == null) {
      return fallback;
    }
    try {
      double parsed = Double.parseDouble(value);
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below, with the expected range
    }
    throw new ConfigurationException(name + " is malformed: expected a number from " + min + " to " + max
        + ", got '" + value + "'");
  }

  private static void require(String name, String value, Pattern pattern, String expected) {
    if (value != null && !pattern.matcher(value).matches()) {
      throw new ConfigurationException(name + " is malformed: expected " + expected + ", got '" + value + "'");
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
