package com.connectopsreview.local.sandbox.kms;

import com.connectopsreview.local.sandbox.PlantedProblems;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.ScenarioBasis;
import com.connectopsreview.local.sandbox.Seeded;
import com.connectopsreview.local.sandbox.instance.InstanceConfigDomain;
import com.connectopsreview.local.sandbox.kms.KmsDomain.Key;
import com.connectopsreview.local.sandbox.kms.KmsDomain.Rotation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the {@link KmsDomain} from the instance configuration generated before it: one symmetric
 * customer managed key per key ARN its storage configs and streams name, and one AWS managed key
 * per {@code alias/aws/...} they name. A key that any Kinesis data stream or Firehose stream uses has
 * automatic rotation off (the planted gap of {@link PlantedProblems#instance()}); every other key
 * rotates every 365 days.
 */
public final class KmsGenerator {

  private static final int ROTATION_DAYS = 365;

  private KmsGenerator() {}

  public static KmsDomain generate(ScenarioBasis basis, Scenario earlier) {
    InstanceConfigDomain config = InstanceConfigDomain.of(earlier);
    Set<String> storageKeys = new LinkedHashSet<>();
    Set<String> awsAliases = new LinkedHashSet<>();
    for (InstanceConfigDomain.StorageConfig c : config.storageConfigs()) {
      String keyId = c.s3() != null ? c.s3().kmsKeyId() : c.kvs() != null ? c.kvs().kmsKeyId() : null;
      if (keyId != null) {
        (keyId.startsWith("alias/aws/") ? awsAliases : storageKeys).add(keyId);
      }
    }
    Set<String> streamKeys = new LinkedHashSet<>();
    config.kinesisStreams().stream().filter(s -> "KMS".equals(s.encryptionType()) && s.keyId() != null)
        .forEach(s -> streamKeys.add(s.keyId()));
    config.firehoseStreams().stream().filter(s -> s.encryption() != null
            && "CUSTOMER_MANAGED_CMK".equals(s.encryption().keyType()) && s.encryption().keyArn() != null)
        .forEach(s -> streamKeys.add(s.encryption().keyArn()));

    String alias = config.instance().alias();
    // Keys predate the instance: created before it was, so their rotation schedule runs from then.
    Instant created = basis.created().minus(Duration.ofDays(30 + Seeded.pick(basis.seed(), "kms-created", 0, 60)));
    List<Key> keys = new ArrayList<>();
    int storage = 0;
    int streams = 0;
    for (String arn : union(storageKeys, streamKeys)) {
      boolean streaming = streamKeys.contains(arn);
      String name = "alias/" + alias + (streaming ? "-connect-streams" : "-connect-storage")
          + suffix(streaming ? streams++ : storage++);
      Rotation rotation = streaming ? new Rotation(false, null, null)
          : new Rotation(true, ROTATION_DAYS, created);
      keys.add(new Key(arn.substring(arn.lastIndexOf('/') + 1), arn, "CUSTOMER", "Enabled", "SYMMETRIC_DEFAULT",
          "ENCRYPT_DECRYPT", "AWS_KMS", created,
          streaming ? "Contact records, agent events and Contact Lens segments of " + alias
              : "Recordings, transcripts and attachments of " + alias,
          List.of(name), rotation));
    }
    int n = 0;
    for (String awsAlias : awsAliases) {
      String id = Seeded.uuid(basis.seed(), "kms-aws", n++);
      keys.add(new Key(id, "arn:" + Scenario.PARTITION + ":kms:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID
          + ":key/" + id, "AWS", "Enabled", "SYMMETRIC_DEFAULT", "ENCRYPT_DECRYPT", "AWS_KMS", created,
          "Default key that protects my " + awsAlias.substring("alias/aws/".length()) + " data when no other key is "
              + "defined", List.of(awsAlias), new Rotation(true, ROTATION_DAYS, created)));
    }
    return new KmsDomain(keys);
  }

  private static List<String> union(Set<String> first, Set<String> second) {
    Set<String> all = new LinkedHashSet<>(first);
    all.addAll(second);
    return List.copyOf(all);
  }

  private static String suffix(int index) {
    return index == 0 ? "" : "-" + (index + 1);
  }
}
