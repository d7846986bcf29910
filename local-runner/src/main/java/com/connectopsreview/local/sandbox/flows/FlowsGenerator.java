package com.connectopsreview.local.sandbox.flows;

import com.connectopsreview.local.sandbox.Counts;
import com.connectopsreview.local.sandbox.EntityList;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.ScenarioBasis;
import com.connectopsreview.local.sandbox.Seeded;
import com.connectopsreview.local.sandbox.entities.EntitiesDomain;
import com.connectopsreview.local.sandbox.flows.FlowsDomain.ContactFlow;
import com.connectopsreview.local.sandbox.flows.FlowsDomain.FlowLogging;
import com.connectopsreview.local.sandbox.flows.FlowsDomain.FlowModule;
import com.connectopsreview.local.sandbox.flows.FlowsDomain.LintRule;
import java.util.Locale;

/**
 * Builds the {@link FlowsDomain}: Connect's default flows, then the lint plants, then generated
 * flows of a cycle of types; their content refers to the entities domain's queues, prompts, hours
 * and Lambda functions.
 */
public final class FlowsGenerator {

  /** Connect's own flows, present on every instance; generated flows follow them. */
  private static final String[][] DEFAULT_FLOWS = {
      {"Default agent hold", "AGENT_HOLD"},
      {"Default agent transfer", "AGENT_TRANSFER"},
      {"Default agent whisper", "AGENT_WHISPER"},
      {"Default customer hold", "CUSTOMER_HOLD"},
      {"Default customer queue", "CUSTOMER_QUEUE"},
      {"Default customer whisper", "CUSTOMER_WHISPER"},
      {"Default outbound", "OUTBOUND_WHISPER"},
      {"Default queue transfer", "QUEUE_TRANSFER"},
      {"Sample inbound flow (first contact experience)", "CONTACT_FLOW"},
  };
  private static final String[] FLOW_TYPE_CYCLE = {
      "CONTACT_FLOW", "CONTACT_FLOW", "CUSTOMER_QUEUE", "CONTACT_FLOW", "CUSTOMER_WHISPER",
      "CONTACT_FLOW", "AGENT_WHISPER", "CONTACT_FLOW", "QUEUE_TRANSFER", "CONTACT_FLOW"};

  /**
   * The lint plants are the flows right after Connect's default flows, one per rule in
   * {@link LintRule} order: the same indexes for every seed and size.
   */
  public static final int FIRST_LINT_PLANT_INDEX = 9;
  private static final String[] LINT_PLANT_NAMES = {
      "Planted lint: order lookup without error branch",
      "Planted lint: orphaned survey prompt",
      "Planted lint: CRM lookup with a 30 s Lambda timeout",
      "Planted lint: transfer to a hard-coded number",
      "Planted lint: payment input leaves logging off"};

  private final ScenarioBasis basis;
  private final long seed;
  private final String instanceArn;

  private FlowsGenerator(ScenarioBasis basis) {
    this.basis = basis;
    this.seed = basis.seed();
    this.instanceArn = basis.instance().arn();
  }

  public static FlowsDomain generate(ScenarioBasis basis, Scenario earlier) {
    FlowsGenerator generator = new FlowsGenerator(basis);
    long seed = basis.seed();
    Counts counts = basis.counts();
    EntityList<FlowModule> modules = new EntityList<>(counts.flowModules(), generator::flowModule,
        i -> Seeded.uuid(seed, "module", i));
    return new FlowsDomain(seed,
        new EntityList<>(counts.flows(), generator::flow, i -> Seeded.uuid(seed, "flow", i)),
        modules, new FlowContent(seed, EntitiesDomain.of(earlier), modules));
  }

  ContactFlow flow(int i) {
    String id = Seeded.uuid(seed, "flow", i);
    String arn = instanceArn + "/contact-flow/" + id;
    if (i < DEFAULT_FLOWS.length) {
      return new ContactFlow(i, id, arn, DEFAULT_FLOWS[i][0], DEFAULT_FLOWS[i][1], "ACTIVE", "PUBLISHED",
          "Created by Amazon Connect", FlowLogging.ABSENT, null, basis.created());
    }
    int plant = i - FIRST_LINT_PLANT_INDEX;
    if (plant >= 0 && plant < LINT_PLANT_NAMES.length) {
      LintRule rule = LintRule.values()[plant];
      return new ContactFlow(i, id, arn, LINT_PLANT_NAMES[plant], "CONTACT_FLOW", "ACTIVE", "PUBLISHED",
          "Planted for the flow analyzer: breaks " + rule.checkId() + " once",
          rule == LintRule.LOGGING_NOT_REENABLED ? FlowLogging.DISABLED : FlowLogging.ENABLED, rule,
          basis.modified("flow", i));
    }
    int g = i - DEFAULT_FLOWS.length;
    String type = FLOW_TYPE_CYCLE[g % FLOW_TYPE_CYCLE.length];
    String dept = basis.department(g);
    String purpose = switch (type) {
      case "CONTACT_FLOW" -> "inbound";
      case "CUSTOMER_QUEUE" -> "queue";
      case "CUSTOMER_WHISPER" -> "customer whisper";
      case "AGENT_WHISPER" -> "agent whisper";
      default -> "transfer";
    };
    // Planted for the flow analyzer: every fifth generated flow never sets logging; some inbound flows
    // pause it around a sensitive input and turn it back on (correct, no lint finding).
    FlowLogging logging = g % 5 == 3 ? FlowLogging.ABSENT
        : g % 13 == 7 && type.equals("CONTACT_FLOW") ? FlowLogging.PAUSED : FlowLogging.ENABLED;
    return new ContactFlow(i, id, arn, String.format(Locale.ROOT, "%s %s %04d", dept, purpose, g + 1), type,
        g % 50 == 49 ? "ARCHIVED" : "ACTIVE", g % 23 == 22 ? "SAVED" : "PUBLISHED",
        dept + " " + purpose + " flow", logging, null, basis.modified("flow", i));
  }

  FlowModule flowModule(int i) {
    String id = Seeded.uuid(seed, "module", i);
    return new FlowModule(i, id, instanceArn + "/flow-module/" + id,
        String.format(Locale.ROOT, "%s module %02d", basis.department(i), i + 1), "ACTIVE", "PUBLISHED",
        i % 3 == 2 ? FlowLogging.ABSENT : FlowLogging.ENABLED, basis.modified("module", i));
  }
}
