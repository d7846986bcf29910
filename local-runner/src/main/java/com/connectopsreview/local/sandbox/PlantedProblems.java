package com.connectopsreview.local.sandbox;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What the sandbox scenario plants, per analyzer component, and the finding each plant must
 * trigger; also what is deliberately correct, whose problem finding must not appear. The same lists
 * are documented in {@code docs/sandbox.md} (a test keeps both in step), and end-to-end tests read
 * them from here instead of repeating them.
 *
 * <p>The instance configuration is the same for every seed and size, so these hold for all of them.
 */
public final class PlantedProblems {

  /**
   * One expectation.
   *
   * @param checkId the finding's checkId (docs/checks.md)
   * @param where what in the scenario causes it
   */
  public record Check(String checkId, String where) {}

  /**
   * @param planted problems that must be reported
   * @param passes PASS findings that must be reported (the correct configurations were evaluated)
   * @param absent findings that must not be reported (the scenario is deliberately correct there)
   */
  public record Expectations(String component, List<Check> planted, List<Check> passes, List<Check> absent) {

    public Expectations {
      planted = List.copyOf(planted);
      passes = List.copyOf(passes);
      absent = List.copyOf(absent);
    }

    /** Every checkId that must appear: planted problems and expected passes. */
    public Set<String> expectedCheckIds() {
      Set<String> ids = new LinkedHashSet<>();
      Stream.concat(planted.stream(), passes.stream()).forEach(c -> ids.add(c.checkId()));
      return ids;
    }

    /** Every checkId that must not appear. */
    public Set<String> unexpectedCheckIds() {
      Set<String> ids = new LinkedHashSet<>();
      absent.forEach(c -> ids.add(c.checkId()));
      return ids;
    }
  }

  private PlantedProblems() {}

  /** The {@code instance} component. */
  public static Expectations instance() {
    return new Expectations("instance",
        List.of(
            new Check("INSTANCE.IDENTITY.NOT_SAML", "IdentityManagementType CONNECT_MANAGED"),
            new Check("INSTANCE.REPLICATION.NONE", "DescribeInstance has no ReplicationConfiguration"),
            new Check("INSTANCE.CALLS.DISABLED", "OutboundCallsEnabled false (inbound on)"),
            new Check("INSTANCE.FLOW_LOGS.DISABLED", "attribute CONTACTFLOW_LOGS = false"),
            new Check("INSTANCE.S3_ENCRYPTION.NONE", "SCHEDULED_REPORTS in S3 without EncryptionConfig"),
            new Check("INSTANCE.S3_ENCRYPTION.AWS_MANAGED", "CHAT_TRANSCRIPTS in S3 with alias/aws/connect"),
            new Check("INSTANCE.STREAM_ENCRYPTION.KDS_NONE",
                "AGENT_EVENTS to Kinesis data stream <alias>-agent-events, EncryptionType NONE"),
            new Check("INSTANCE.KVS_RETENTION.ZERO", "MEDIA_STREAMS to Kinesis Video Streams with RetentionPeriodHours 0")),
        List.of(
            new Check("INSTANCE.CONTACT_LENS.ENABLED", "attribute CONTACT_LENS = true"),
            new Check("INSTANCE.S3_ENCRYPTION.CMK",
                "CALL_RECORDINGS, ATTACHMENTS, CONTACT_EVALUATIONS, SCREEN_RECORDINGS in S3 with a customer managed key"),
            new Check("INSTANCE.STREAM_ENCRYPTION.ENCRYPTED",
                "MEDIA_STREAMS KVS with a CMK; Kinesis <alias>-contact-lens (KMS); Firehose <alias>-ctr (CUSTOMER_MANAGED_CMK, ENABLED)")),
        List.of(
            new Check("INSTANCE.IDENTITY.SAML", "identity is CONNECT_MANAGED"),
            new Check("INSTANCE.REPLICATION.CONFIGURED", "no replica"),
            new Check("INSTANCE.REPLICATION.UNHEALTHY", "no replica"),
            new Check("INSTANCE.CALLS.ENABLED", "outbound calling is off"),
            new Check("INSTANCE.FLOW_LOGS.ENABLED", "flow logs are off"),
            new Check("INSTANCE.CONTACT_LENS.DISABLED", "Contact Lens is on"),
            new Check("INSTANCE.S3_ENCRYPTION.NO_CONFIGS", "seven resource types are stored in S3"),
            new Check("INSTANCE.STREAM_ENCRYPTION.KVS_NONE", "the KVS config is encrypted (CMK)"),
            new Check("INSTANCE.STREAM_ENCRYPTION.FIREHOSE_NONE", "the Firehose stream is KMS-encrypted"),
            new Check("INSTANCE.STREAM_ENCRYPTION.UNVERIFIED", "every stream can be described"),
            new Check("INSTANCE.STREAM_ENCRYPTION.NO_STREAMS", "three streaming destinations are configured"),
            new Check("INSTANCE.STREAM_DESTINATION.NOT_FOUND", "every stream the configs name exists"),
            new Check("INSTANCE.STORAGE.TYPES_UNSUPPORTED", "every storage resource type is answered")));
  }
}
