package com.connectopsreview.local.sandbox.flows;

import com.connectopsreview.local.sandbox.EntityList;
import com.connectopsreview.local.sandbox.SandboxDomain;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.server.OperationRegistry;
import com.connectopsreview.local.sandbox.server.Pager;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The instance's flows and flow modules, with their Flow Language content ({@link FlowContent}):
 * Connect's default flows, the lint plants, the generated flows. They carry the flow plants (logging,
 * {@link #lintPlants()}) of {@code PlantedProblems.flow()}.
 */
public final class FlowsDomain implements SandboxDomain {

  /** How the flow's content sets logging (its UpdateFlowLoggingBehavior actions). */
  public enum FlowLogging {
    /** Enabled by the first action. */
    ENABLED,
    /**
     * Enabled by the first action, Disabled just before one sensitive input (an account number) and
     * Enabled again on every path out of it: correct, no lint finding.
     */
    PAUSED,
    /**
     * Enabled by the first action, later Disabled and never Enabled again: only the
     * {@code FLOW.LINT.LOGGING_NOT_REENABLED} plant.
     */
    DISABLED,
    /** No logging action at all: the flow does not log ({@code FLOW.LOGGING.MISSING}). */
    ABSENT;

    /** Whether the content has an Enabled UpdateFlowLoggingBehavior action. */
    public boolean enablesLogging() {
      return this != ABSENT;
    }
  }

  /** Lint rules of the flow analyzer that named flows of the scenario break, one rule per flow. */
  public enum LintRule {
    NO_ERROR_BRANCH, UNREACHABLE, LAMBDA_TIMEOUT, HARDCODED_PHONE, LOGGING_NOT_REENABLED;

    /** The flow analyzer's checkId, e.g. {@code FLOW.LINT.NO_ERROR_BRANCH}. */
    public String checkId() {
      return "FLOW.LINT." + name();
    }
  }

  /**
   * A flow planted to break exactly one lint rule, in exactly one action.
   *
   * @param blockId the Identifier of the offending action
   * @param actionType that action's Type
   */
  public record LintPlant(String flowId, String flowArn, String flowName, LintRule rule, String blockId,
      String actionType) {

    public String checkId() {
      return rule.checkId();
    }
  }

  /**
   * A flow; its Flow Language content comes from {@link #flowContent(ContactFlow)}.
   *
   * @param lintPlant the one lint rule the content breaks; null for a clean flow
   */
  public record ContactFlow(
      int index, String id, String arn, String name, String type, String state, String status,
      String description, FlowLogging logging, LintRule lintPlant, Instant lastModified) {

    /** Connect's own flows ("Default ..." and "Sample ..."), reported with defaultFlow=true. */
    public boolean isDefault() {
      return name.startsWith("Default ") || name.startsWith("Sample ");
    }
  }

  public record FlowModule(
      int index, String id, String arn, String name, String state, String status, FlowLogging logging,
      Instant lastModified) {}

  private final long seed;
  private final EntityList<ContactFlow> flows;
  private final EntityList<FlowModule> flowModules;
  private final FlowContent content;

  FlowsDomain(long seed, EntityList<ContactFlow> flows, EntityList<FlowModule> flowModules, FlowContent content) {
    this.seed = seed;
    this.flows = flows;
    this.flowModules = flowModules;
    this.content = content;
  }

  public static FlowsDomain of(Scenario scenario) {
    return scenario.domain(FlowsDomain.class);
  }

  public EntityList<ContactFlow> flows() {
    return flows;
  }

  public EntityList<FlowModule> flowModules() {
    return flowModules;
  }

  /** The flow's Amazon Connect Flow Language document (JSON), generated on demand. */
  public String flowContent(ContactFlow flow) {
    return content.of(flow);
  }

  public String flowModuleContent(FlowModule module) {
    return content.of(module);
  }

  /**
   * The flows planted to break one lint rule each, in flow order (the same five flows, right after
   * Connect's default flows, for every seed and size). Every other flow and every module is clean.
   */
  public List<LintPlant> lintPlantDetails() {
    return flows.stream().filter(f -> f.lintPlant() != null)
        .map(f -> new LintPlant(f.id(), f.arn(), f.name(), f.lintPlant(), FlowContent.plantBlockId(seed, f),
            FlowContent.plantActionType(f.lintPlant())))
        .toList();
  }

  /** Flow id to the checkId of the one lint rule it breaks; clean flows are not in it. */
  public Map<String, String> lintPlants() {
    Map<String, String> plants = new LinkedHashMap<>();
    lintPlantDetails().forEach(p -> plants.put(p.flowId(), p.checkId()));
    return Collections.unmodifiableMap(plants);
  }

  /** Ids of the flows without any UpdateFlowLoggingBehavior Enabled action (Connect's default flows among them). */
  public List<String> flowIdsWithoutLogging() {
    return flows.stream().filter(f -> !f.logging().enablesLogging()).map(ContactFlow::id).toList();
  }

  @Override
  public void register(OperationRegistry registry, Scenario scenario, Pager pager) {
    new FlowsApi(this, scenario, pager).register(registry);
  }

  @Override
  public void writeJson(JsonGenerator g) throws IOException {
    g.writeArrayFieldStart("flows");
    for (int i = 0; i < flows.size(); i++) {
      ContactFlow flow = flows.get(i);
      g.writeStartObject();
      g.writeObjectField("flow", flow);
      g.writeStringField("content", flowContent(flow));
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("flowModules");
    for (int i = 0; i < flowModules.size(); i++) {
      FlowModule module = flowModules.get(i);
      g.writeStartObject();
      g.writeObjectField("module", module);
      g.writeStringField("content", flowModuleContent(module));
      g.writeEndObject();
    }
    g.writeEndArray();
  }
}
