package com.connectopsreview.local.sandbox;

import com.connectopsreview.shared.model.InstanceRef;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What every domain of a scenario is generated from: the seed, the size and its entity counts, the
 * instance (its ARN and creation time) and the end of the scenario's history (the sandbox's start),
 * with the naming the domains share (departments, modification times). Every value is a pure
 * function of the seed and size ({@link Seeded}).
 */
public final class ScenarioBasis {

  /** The departments entities are named after, from an offset chosen by the seed. */
  public static final List<String> DEPARTMENTS = List.of(
      "Sales", "Support", "Billing", "Claims", "Retention", "Onboarding", "Technical", "Returns", "Payments",
      "Reservations", "Escalations", "Partners");

  private static final Instant EPOCH = Instant.parse("2024-01-15T08:00:00Z");

  private final long seed;
  private final SandboxSize size;
  private final Counts counts;
  private final InstanceRef instance;
  private final Instant created;
  private final Instant end;
  private final int departmentOffset;

  /** @param end where time series and histories end (the sandbox's start) */
  public ScenarioBasis(long seed, SandboxSize size, Instant end) {
    this.seed = seed;
    this.size = Objects.requireNonNull(size, "size");
    this.end = Objects.requireNonNull(end, "end");
    this.counts = Counts.of(size);
    this.instance = InstanceRef.parse("arn:" + Scenario.PARTITION + ":connect:" + Scenario.REGION + ":"
        + Scenario.ACCOUNT_ID + ":instance/" + Seeded.uuid(seed, "instance", 0));
    this.created = EPOCH.plus(Duration.ofSeconds(Seeded.pick(seed, "created", 0, 300 * 86_400)));
    this.departmentOffset = Seeded.pick(seed, "departments", 0, DEPARTMENTS.size());
  }

  public long seed() {
    return seed;
  }

  public SandboxSize size() {
    return size;
  }

  public Counts counts() {
    return counts;
  }

  /** The one instance of the scenario. */
  public InstanceRef instance() {
    return instance;
  }

  /** When the instance was created; every entity was last modified after it. */
  public Instant created() {
    return created;
  }

  public Instant end() {
    return end;
  }

  /** The department of the {@code n}-th entity of a kind. */
  public String department(int n) {
    return DEPARTMENTS.get(Math.floorMod(n + departmentOffset, DEPARTMENTS.size()));
  }

  /** When entity {@code index} of {@code kind} was last modified: up to 400 days after the instance's creation. */
  public Instant modified(String kind, int index) {
    return created.plus(Duration.ofSeconds(Seeded.pick(seed, kind + ":modified", index, 400 * 86_400)));
  }
}
