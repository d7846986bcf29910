package com.connectopsreview.local.sandbox;

import com.connectopsreview.shared.json.Json;
import com.connectopsreview.shared.model.InstanceRef;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sandbox's fictional contact center: one Amazon Connect instance, as the composition of its
 * domains (instance configuration, entities, flows, telephony, quotas and metrics), each read
 * through its own class, e.g. {@code EntitiesDomain.of(scenario).users()}. Built by
 * {@link ScenarioGenerator}; the same seed and size always give the same scenario.
 *
 * <p>Extension point: a later analyzer (CloudTrail events, flow-log lines, data-lake tables) adds a
 * domain of its own ({@link SandboxDomain}: records, generator, served operations, in a package of
 * its own) and one line in {@link ScenarioGenerator}'s list of domains; nothing here changes.
 */
public final class Scenario {

  public static final String PARTITION = "aws";
  public static final String ACCOUNT_ID = "123456789012";
  public static final String REGION = "us-east-1";

  private final ScenarioBasis basis;
  private final Map<Class<? extends SandboxDomain>, SandboxDomain> domains;

  /** A scenario without domains yet. */
  Scenario(ScenarioBasis basis) {
    this(basis, Map.of());
  }

  private Scenario(ScenarioBasis basis, Map<Class<? extends SandboxDomain>, SandboxDomain> domains) {
    this.basis = basis;
    this.domains = domains;
  }

  /** This scenario with one more domain, after the others. */
  Scenario with(SandboxDomain domain) {
    Map<Class<? extends SandboxDomain>, SandboxDomain> more = new LinkedHashMap<>(domains);
    if (more.putIfAbsent(domain.getClass(), domain) != null) {
      throw new IllegalStateException("domain added twice: " + domain.getClass().getSimpleName());
    }
    return new Scenario(basis, Collections.unmodifiableMap(more));
  }

  public ScenarioBasis basis() {
    return basis;
  }

  public long seed() {
    return basis.seed();
  }

  public SandboxSize size() {
    return basis.size();
  }

  public Counts counts() {
    return basis.counts();
  }

  /** The scenario's one instance (its id and ARN); its configuration is in the instance configuration domain. */
  public InstanceRef instanceRef() {
    return basis.instance();
  }

  /** The domain of this type; every domain class has an {@code of(Scenario)} that calls this. */
  public <D extends SandboxDomain> D domain(Class<D> type) {
    SandboxDomain domain = domains.get(type);
    if (domain == null) {
      throw new IllegalStateException("the scenario has no " + type.getSimpleName() + " (it has "
          + domains.keySet().stream().map(Class::getSimpleName).toList() + ")");
    }
    return type.cast(domain);
  }

  /** Every domain, in generation order. */
  public Collection<SandboxDomain> domains() {
    return domains.values();
  }

  /**
   * Writes the whole scenario as one JSON document, domain by domain, entity by entity (streamed, so
   * LARGE and HUGE need no more memory than SMALL). Two scenarios are equal exactly when their dumps are.
   */
  public void writeJson(OutputStream out) {
    try (JsonGenerator g = Json.mapper().getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeNumberField("seed", seed());
      g.writeStringField("size", size().name());
      g.writeObjectField("counts", counts());
      for (SandboxDomain domain : domains.values()) {
        domain.writeJson(g);
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the scenario", e);
    }
  }
}
