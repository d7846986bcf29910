package com.connectopsreview.local.sandbox;

import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.local.sandbox.server.Pager;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/**
 * One domain of the sandbox's contact center (instance configuration, entities, flows, telephony,
 * quotas and metrics): its records, generated from the {@link ScenarioBasis}, and the operations
 * that serve them. A domain lives in its own package ({@code XDomain} with its records,
 * {@code XGenerator}, the {@code *Api} classes of its operations) and is registered with one line in
 * {@link ScenarioGenerator}.
 */
public interface SandboxDomain {

  /** Builds a domain; {@code earlier} holds the domains generated before it, which it may read. */
  @FunctionalInterface
  interface Generator {
    SandboxDomain generate(ScenarioBasis basis, Scenario earlier);
  }

  /** Registers the operations that serve this domain; their handlers may read every domain of {@code scenario}. */
  void register(OperationRegistry registry, Scenario scenario, Pager pager);

  /** Writes this domain's members into the scenario's JSON dump ({@link Scenario#writeJson}). */
  void writeJson(JsonGenerator g) throws IOException;
}
