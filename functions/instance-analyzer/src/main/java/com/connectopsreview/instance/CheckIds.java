package com.connectopsreview.instance;

/**
 * Every checkId the instance analyzer emits. Stable once released; each one is documented in
 * {@code docs/checks.md} (section "instance") with its pillar, severity rule, evidence and
 * recommendation.
 */
public final class CheckIds {

  public static final String IDENTITY_SAML = "INSTANCE.IDENTITY.SAML";
  public static final String IDENTITY_NOT_SAML = "INSTANCE.IDENTITY.NOT_SAML";

  public static final String REPLICATION_NONE = "INSTANCE.REPLICATION.NONE";
  public static final String REPLICATION_CONFIGURED = "INSTANCE.REPLICATION.CONFIGURED";
  public static final String REPLICATION_UNHEALTHY = "INSTANCE.REPLICATION.UNHEALTHY";

  public static final String CALLS_ENABLED = "INSTANCE.CALLS.ENABLED";
  public static final String CALLS_DISABLED = "INSTANCE.CALLS.DISABLED";

  public static final String FLOW_LOGS_ENABLED = "INSTANCE.FLOW_LOGS.ENABLED";
  public static final String FLOW_LOGS_DISABLED = "INSTANCE.FLOW_LOGS.DISABLED";

  public static final String CONTACT_LENS_ENABLED = "INSTANCE.CONTACT_LENS.ENABLED";
  public static final String CONTACT_LENS_DISABLED = "INSTANCE.CONTACT_LENS.DISABLED";

  public static final String S3_ENCRYPTION_CMK = "INSTANCE.S3_ENCRYPTION.CMK";
  public static final String S3_ENCRYPTION_AWS_MANAGED = "INSTANCE.S3_ENCRYPTION.AWS_MANAGED";
  public static final String S3_ENCRYPTION_NONE = "INSTANCE.S3_ENCRYPTION.NONE";
  public static final String S3_ENCRYPTION_NO_CONFIGS = "INSTANCE.S3_ENCRYPTION.NO_CONFIGS";

  public static final String STREAM_ENCRYPTION_ENCRYPTED = "INSTANCE.STREAM_ENCRYPTION.ENCRYPTED";
  public static final String STREAM_ENCRYPTION_KVS_NONE = "INSTANCE.STREAM_ENCRYPTION.KVS_NONE";
  public static final String STREAM_ENCRYPTION_KDS_NONE = "INSTANCE.STREAM_ENCRYPTION.KDS_NONE";
  public static final String STREAM_ENCRYPTION_FIREHOSE_NONE = "INSTANCE.STREAM_ENCRYPTION.FIREHOSE_NONE";
  public static final String STREAM_ENCRYPTION_UNVERIFIED = "INSTANCE.STREAM_ENCRYPTION.UNVERIFIED";
  public static final String STREAM_ENCRYPTION_NO_STREAMS = "INSTANCE.STREAM_ENCRYPTION.NO_STREAMS";
  public static final String STREAM_DESTINATION_NOT_FOUND = "INSTANCE.STREAM_DESTINATION.NOT_FOUND";

  public static final String KVS_RETENTION_ZERO = "INSTANCE.KVS_RETENTION.ZERO";

  public static final String STORAGE_TYPES_UNSUPPORTED = "INSTANCE.STORAGE.TYPES_UNSUPPORTED";

  private CheckIds() {}
}
