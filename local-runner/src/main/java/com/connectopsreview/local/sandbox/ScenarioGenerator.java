package com.connectopsreview.local.sandbox;

import com.connectopsreview.local.sandbox.capacity.CapacityGenerator;
import com.connectopsreview.local.sandbox.entities.EntitiesGenerator;
import com.connectopsreview.local.sandbox.flows.FlowsGenerator;
import com.connectopsreview.local.sandbox.instance.InstanceConfigGenerator;
import com.connectopsreview.local.sandbox.telephony.TelephonyGenerator;
import java.time.Instant;
import java.util.List;

/**
 * Builds the {@link Scenario} of a seed and size: its {@link ScenarioBasis}, then every domain in
 * order. Every value is a pure function of (seed, kind, index) ({@link Seeded}), so the scenario is
 * deterministic and its entities can be generated lazily, one at a time.
 *
 * <p>The instance configuration is fixed (it carries the planted problems of {@link PlantedProblems});
 * the seed only changes ids, names and numbers.
 */
public final class ScenarioGenerator {

  /**
   * The sandbox's domains, in generation order: a domain's generator may read the domains above it,
   * the operations are registered in this order. A new domain is one more line here.
   */
  private static final List<SandboxDomain.Generator> DOMAINS = List.of(
      InstanceConfigGenerator::generate,
      com.connectopsreview.local.sandbox.kms.KmsGenerator::generate,
      EntitiesGenerator::generate,
      FlowsGenerator::generate,
      TelephonyGenerator::generate,
      CapacityGenerator::generate,
      com.connectopsreview.local.sandbox.cloudtrail.CloudTrailGenerator::generate,
      com.connectopsreview.local.sandbox.observability.ObservabilityGenerator::generate,
      com.connectopsreview.local.sandbox.datalake.DataLakeGenerator::generate);

  private final ScenarioBasis basis;

  /** A scenario whose histories (metric series) end now (the sandbox's start). */
  public ScenarioGenerator(long seed, SandboxSize size) {
    this(seed, size, Instant.now());
  }

  /** @param end where the CloudWatch series end (samples exist strictly before it) */
  public ScenarioGenerator(long seed, SandboxSize size, Instant end) {
    this.basis = new ScenarioBasis(seed, size, end);
  }

  public Scenario generate() {
    Scenario scenario = new Scenario(basis);
    for (SandboxDomain.Generator domain : DOMAINS) {
      scenario = scenario.with(domain.generate(basis, scenario));
    }
    return scenario;
  }
}
