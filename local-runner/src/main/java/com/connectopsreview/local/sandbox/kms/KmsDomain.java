package com.connectopsreview.local.sandbox.kms;

import com.connectopsreview.local.sandbox.PlantedProblems;
import com.connectopsreview.local.sandbox.SandboxDomain;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.local.sandbox.server.Pager;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The KMS keys the instance configuration names: every customer managed key of its storage configs
 * and streams, and the AWS managed keys its {@code alias/aws/...} references stand for. Carries the
 * planted rotation gap of {@link PlantedProblems#instance()}: the key of the streams has automatic
 * rotation off, the storage key has it on.
 */
public final class KmsDomain implements SandboxDomain {

  /**
   * One key, as DescribeKey's {@code KeyMetadata} describes it.
   *
   * @param keyManager CUSTOMER or AWS
   * @param keyState Enabled, Disabled, PendingDeletion, ...
   * @param aliases alias names ({@code alias/...}) that point at it
   */
  public record Key(
      String keyId, String arn, String keyManager, String keyState, String keySpec, String keyUsage, String origin,
      Instant created, String description, List<String> aliases, Rotation rotation) {

    public Key {
      aliases = List.copyOf(aliases);
    }

    public boolean isCustomerManaged() {
      return "CUSTOMER".equals(keyManager);
    }
  }

  /**
   * Automatic rotation. The next rotation date is not part of the scenario: it depends on when the
   * sandbox runs, so GetKeyRotationStatus computes it from {@code since} and the scenario's end.
   *
   * @param periodInDays and {@code since} (when rotation was turned on) only when enabled
   */
  public record Rotation(boolean enabled, Integer periodInDays, Instant since) {

    /** The first rotation after {@code now}: every {@code periodInDays} from {@code since}. */
    public Instant nextRotationAfter(Instant now) {
      Duration period = Duration.ofDays(periodInDays);
      long elapsed = Math.max(0, Duration.between(since, now).toSeconds() / period.toSeconds());
      Instant next = since.plus(period.multipliedBy(elapsed + 1));
      return next.isAfter(now) ? next : next.plus(period);
    }
  }

  private final List<Key> keys;

  KmsDomain(List<Key> keys) {
    this.keys = List.copyOf(keys);
  }

  public static KmsDomain of(Scenario scenario) {
    return scenario.domain(KmsDomain.class);
  }

  /** Customer managed keys first (storage, then streams), then the AWS managed ones. */
  public List<Key> keys() {
    return keys;
  }

  /** The key a KeyId names: key id, key ARN, alias name or alias ARN of this account and Region. */
  public Optional<Key> key(String reference) {
    String prefix = "arn:" + Scenario.PARTITION + ":kms:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID + ":";
    String local = reference.startsWith(prefix) ? reference.substring(prefix.length()) : reference;
    if (local.startsWith("key/")) {
      String id = local.substring("key/".length());
      return keys.stream().filter(k -> k.keyId().equals(id)).findFirst();
    }
    if (local.startsWith("alias/")) {
      return keys.stream().filter(k -> k.aliases().contains(local)).findFirst();
    }
    return local.startsWith("arn:") ? Optional.empty() : keys.stream().filter(k -> k.keyId().equals(local)).findFirst();
  }

  /** The customer managed keys with automatic rotation off: the planted rotation gap. */
  public List<Key> keysWithoutRotation() {
    return keys.stream().filter(k -> k.isCustomerManaged() && !k.rotation().enabled()).toList();
  }

  /** No customer data lives here (key metadata only); for the privacy test, which checks every domain. */
  public List<String> plantedCustomerData() {
    return List.of();
  }

  @Override
  public void register(OperationRegistry registry, Scenario scenario, Pager pager) {
    new KmsApi(this, scenario).register(registry);
  }

  @Override
  public void writeJson(JsonGenerator g) throws IOException {
    g.writeObjectField("kmsKeys", keys);
  }
}
