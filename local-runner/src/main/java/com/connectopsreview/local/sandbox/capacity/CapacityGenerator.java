package com.connectopsreview.local.sandbox.capacity;

import com.connectopsreview.local.sandbox.EntityList;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.ScenarioBasis;
import com.connectopsreview.local.sandbox.entities.EntitiesDomain;
import java.util.stream.IntStream;

/**
 * Builds the {@link CapacityDomain}: quotas sized from the entity counts, and metric series that end
 * at the basis' end, with one set of queue metrics per STANDARD queue of the entities domain.
 */
public final class CapacityGenerator {

  private CapacityGenerator() {}

  public static CapacityDomain generate(ScenarioBasis basis, Scenario earlier) {
    EntityList<EntitiesDomain.Queue> queues = EntitiesDomain.of(earlier).queues();
    return new CapacityDomain(SandboxQuotas.of(basis.size(), basis.counts()),
        new MetricSeries(basis.seed(), basis.size(), basis.instance().id(), basis.end(),
            IntStream.range(0, basis.counts().standardQueues()).mapToObj(i -> queues.get(i).name()).toList()));
  }
}
