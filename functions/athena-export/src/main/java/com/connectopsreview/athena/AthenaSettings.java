package com.connectopsreview.athena;

import com.connectopsreview.shared.exception.ConfigurationException;
import com.connectopsreview.shared.sections.AthenaSection;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The {@code athena} function's settings, read once from its environment (the template sets them from
 * stack parameters). A blank database switches the component off: it is SKIPPED, not FAILED.
 *
 * @param database ATHENA_DATABASE: the Glue database (or resource link) holding the data lake tables; null = off
 * @param workgroup ATHENA_WORKGROUP, default {@value #DEFAULT_WORKGROUP}
 * @param outputLocation ATHENA_OUTPUT_LOCATION ({@code s3://bucket/prefix/}), null when unset
 * @param dataLakeRoleArn DATALAKE_ROLE_ARN, the role to assume for the data lake; null when unset
 */
public record AthenaSettings(String database, String workgroup, String outputLocation, String dataLakeRoleArn) {

  public static final String DATABASE_ENV = "ATHENA_DATABASE";
  public static final String WORKGROUP_ENV = "ATHENA_WORKGROUP";
  public static final String OUTPUT_LOCATION_ENV = "ATHENA_OUTPUT_LOCATION";
  public static final String ROLE_ARN_ENV = "DATALAKE_ROLE_ARN";
  public static final String DEFAULT_WORKGROUP = "primary";

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
    require(DATABASE_ENV, database, DATABASE, "a Glue database name (letters, digits, '_' or '-', at most 255)");
    require(WORKGROUP_ENV, workgroup, WORKGROUP, "an Athena workgroup name ([a-zA-Z0-9._-], at most 128)");
    require(OUTPUT_LOCATION_ENV, outputLocation, OUTPUT_LOCATION, "an S3 URI such as s3://bucket/prefix/");
    require(ROLE_ARN_ENV, dataLakeRoleArn, ROLE_ARN, "an IAM role ARN such as arn:aws:iam::123456789012:role/name");
  }

  /** Off: no database configured. */
  public static AthenaSettings off() {
    return new AthenaSettings(null, null, null, null);
  }

  /** From {@code env} (System::getenv in Lambda); a malformed value is a ConfigurationException naming it. */
  public static AthenaSettings fromEnvironment(Function<String, String> env) {
    return new AthenaSettings(env.apply(DATABASE_ENV), env.apply(WORKGROUP_ENV), env.apply(OUTPUT_LOCATION_ENV),
        env.apply(ROLE_ARN_ENV));
  }

  public boolean enabled() {
    return database != null;
  }

  /** The settings as the section echoes them. */
  AthenaSection.Settings echo() {
    return new AthenaSection.Settings(enabled(), database, workgroup, outputLocation, dataLakeRoleArn);
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
