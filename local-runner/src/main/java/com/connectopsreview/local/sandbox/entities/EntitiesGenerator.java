package com.connectopsreview.local.sandbox.entities;

import com.connectopsreview.local.sandbox.Counts;
import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.ScenarioBasis;
import com.connectopsreview.local.sandbox.Seeded;
import com.connectopsreview.local.sandbox.entities.EntitiesDomain.AgentStatus;
import com.connectopsreview.local.sandbox.entities.EntitiesDomain.HierarchyGroup;
import com.connectopsreview.local.sandbox.entities.EntitiesDomain.HoursOfOperation;
import com.connectopsreview.local.sandbox.entities.EntitiesDomain.IntegrationAssociation;
import com.connectopsreview.local.sandbox.entities.EntitiesDomain.LambdaFunction;
import com.connectopsreview.local.sandbox.entities.EntitiesDomain.LexBot;
import com.connectopsreview.local.sandbox.entities.EntitiesDomain.PredefinedAttribute;
import com.connectopsreview.local.sandbox.entities.EntitiesDomain.Prompt;
import com.connectopsreview.local.sandbox.entities.EntitiesDomain.Queue;
import com.connectopsreview.local.sandbox.entities.EntitiesDomain.QuickConnect;
import com.connectopsreview.local.sandbox.entities.EntitiesDomain.RoutingProfile;
import com.connectopsreview.local.sandbox.entities.EntitiesDomain.SecurityProfile;
import com.connectopsreview.local.sandbox.entities.EntitiesDomain.User;
import java.util.Locale;

/**
 * Builds the {@link EntitiesDomain}: one entity by index, each a pure function of the seed, the
 * index and the counts, so that any entity is generated on its own.
 */
public final class EntitiesGenerator {

  private static final String[] FIRST_NAMES = {
      "ana", "ben", "chloe", "david", "elena", "farid", "grace", "hiro", "ines", "jonas", "kate", "liam", "maya",
      "noah", "olga", "pablo", "quinn", "rosa", "sam", "tara", "umar", "vera", "will", "xena", "yusuf", "zoe",
      "amir", "bea", "carl", "dana", "emil", "fay", "gus", "hana", "ivan", "june", "kofi", "lena", "marco", "nina"};
  private static final String[] LAST_NAMES = {
      "silva", "berg", "chen", "dubois", "evans", "fischer", "garcia", "haddad", "ito", "jensen", "kowalski",
      "larsen", "moreau", "nakamura", "okafor", "petrov", "quist", "rossi", "schmidt", "tanaka", "ueda",
      "vargas", "weber", "xu", "yilmaz", "zhang", "andersen", "bianchi", "costa", "dahl", "ebert", "ferreira",
      "gomez", "holm", "iqbal", "jovanovic", "kim", "lopez", "meyer", "novak"};
  private static final String[] QUEUE_NAMES = {
      "BasicQueue", "Sales", "Support", "Billing", "Claims", "Retention", "Technical", "Callbacks"};
  private static final String[] DEFAULT_PROMPTS = {
      "Beep.wav", "CustomerHold.wav", "CustomerQueue.wav", "Music_Jazz_MyTimeToFly_Inst.wav",
      "Music_Pop_ThisAndThatIsLife_Inst.wav", "Music_Rock_EverywhereTheSunShines_Inst.wav"};
  private static final String[] TIME_ZONES = {
      "America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London"};
  private static final String[] DEFAULT_SECURITY_PROFILES = {"Admin", "Agent", "CallCenterManager", "QualityAnalyst"};
  private static final String[] AGENT_STATUSES = {"Available", "Offline", "Break", "Lunch", "Training", "Meeting"};
  private static final String[][] OTHER_INTEGRATIONS = {
      {"CASES_DOMAIN", "arn:aws:cases:us-east-1:123456789012:domain/"},
      {"WISDOM_ASSISTANT", "arn:aws:wisdom:us-east-1:123456789012:assistant/"}};

  private final ScenarioBasis basis;
  private final long seed;
  private final String instanceArn;
  private final Counts counts;
  private final int firstNameOffset;
  private final int lastNameOffset;

  private EntitiesGenerator(ScenarioBasis basis) {
    this.basis = basis;
    this.seed = basis.seed();
    this.instanceArn = basis.instance().arn();
    this.counts = basis.counts();
    this.firstNameOffset = Seeded.pick(seed, "first-names", 0, FIRST_NAMES.length);
    this.lastNameOffset = Seeded.pick(seed, "last-names", 0, LAST_NAMES.length);
  }

  public static EntitiesDomain generate(ScenarioBasis basis, Scenario earlier) {
    return new EntitiesDomain(new EntitiesGenerator(basis), basis.counts());
  }

  private String department(int n) {
    return basis.department(n);
  }

  String userId(int i) {
    return Seeded.uuid(seed, "user", i);
  }

  User user(int i) {
    String id = userId(i);
    int nf = FIRST_NAMES.length;
    int nl = LAST_NAMES.length;
    String first = FIRST_NAMES[(i + firstNameOffset) % nf];
    String last = LAST_NAMES[((i / nf) + lastNameOffset) % nl];
    int round = i / (nf * nl);
    String username = first + "." + last + (round == 0 ? "" : String.valueOf(round + 1));
    return new User(i, id, instanceArn + "/agent/" + id, username, capitalize(first), capitalize(last),
        username + "@example.com", routingProfileId(i % counts.routingProfiles()), basis.modified("user", i));
  }

  String queueId(int i) {
    return i < counts.standardQueues() ? Seeded.uuid(seed, "queue", i)
        : Seeded.uuid(seed, "agent-queue", i - counts.standardQueues());
  }

  Queue queue(int i) {
    String id = queueId(i);
    String arn = instanceArn + "/queue/" + id;
    if (i < counts.standardQueues()) {
      int round = i / QUEUE_NAMES.length;
      String name = QUEUE_NAMES[i % QUEUE_NAMES.length] + (round == 0 ? "" : " " + (round + 1));
      return new Queue(i, id, arn, name, "STANDARD", hoursId(i % counts.hoursOfOperations()), null,
          basis.modified("queue", i));
    }
    int user = i - counts.standardQueues();
    return new Queue(i, id, arn, null, "AGENT", null, userId(user), basis.modified("queue", i));
  }

  String routingProfileId(int i) {
    return Seeded.uuid(seed, "routing", i);
  }

  RoutingProfile routingProfile(int i) {
    String id = routingProfileId(i);
    String name = i == 0 ? "Basic Routing Profile" : department(i) + " agents " + i;
    return new RoutingProfile(i, id, instanceArn + "/routing-profile/" + id, name, basis.modified("routing", i));
  }

  String promptId(int i) {
    return Seeded.uuid(seed, "prompt", i);
  }

  Prompt prompt(int i) {
    String id = promptId(i);
    String name = i < DEFAULT_PROMPTS.length ? DEFAULT_PROMPTS[i]
        : department(i) + " greeting " + (i - DEFAULT_PROMPTS.length + 1) + ".wav";
    return new Prompt(i, id, instanceArn + "/prompt/" + id, name, basis.modified("prompt", i));
  }

  String hoursId(int i) {
    return Seeded.uuid(seed, "hours", i);
  }

  HoursOfOperation hours(int i) {
    String id = hoursId(i);
    String name = i == 0 ? "Basic Hours" : department(i) + " hours " + i;
    return new HoursOfOperation(i, id, instanceArn + "/operating-hours/" + id, name,
        TIME_ZONES[i % TIME_ZONES.length], basis.modified("hours", i));
  }

  String quickConnectId(int i) {
    return Seeded.uuid(seed, "quick", i);
  }

  QuickConnect quickConnect(int i) {
    String id = quickConnectId(i);
    String type = switch (i % 3) {
      case 0 -> "QUEUE";
      case 1 -> "USER";
      default -> "PHONE_NUMBER";
    };
    return new QuickConnect(i, id, instanceArn + "/transfer-destination/" + id,
        "Transfer to " + department(i) + " " + (i + 1), type, basis.modified("quick", i));
  }

  String securityProfileId(int i) {
    return Seeded.uuid(seed, "security", i);
  }

  SecurityProfile securityProfile(int i) {
    String id = securityProfileId(i);
    String name = i < DEFAULT_SECURITY_PROFILES.length ? DEFAULT_SECURITY_PROFILES[i]
        : department(i) + " profile " + (i - DEFAULT_SECURITY_PROFILES.length + 1);
    return new SecurityProfile(i, id, instanceArn + "/security-profile/" + id, name,
        basis.modified("security", i));
  }

  String agentStatusId(int i) {
    return Seeded.uuid(seed, "status", i);
  }

  AgentStatus agentStatus(int i) {
    String id = agentStatusId(i);
    String name = i < AGENT_STATUSES.length ? AGENT_STATUSES[i] : "Away " + (i - AGENT_STATUSES.length + 1);
    String type = i == 0 ? "ROUTABLE" : i == 1 ? "OFFLINE" : "CUSTOM";
    return new AgentStatus(i, id, instanceArn + "/agent-state/" + id, name, type, basis.modified("status", i));
  }

  String hierarchyGroupId(int i) {
    return Seeded.uuid(seed, "hierarchy", i);
  }

  HierarchyGroup hierarchyGroup(int i) {
    String id = hierarchyGroupId(i);
    return new HierarchyGroup(i, id, instanceArn + "/agent-group/" + id,
        department(i) + " team " + (i / ScenarioBasis.DEPARTMENTS.size() + 1), basis.modified("hierarchy", i));
  }

  String lambdaArn(int i) {
    return "arn:aws:lambda:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID + ":function:connect-"
        + department(i).toLowerCase(Locale.ROOT) + "-lookup-" + (i + 1);
  }

  LambdaFunction lambdaFunction(int i) {
    return new LambdaFunction(i, lambdaArn(i));
  }

  /** A V1 bot's name, a V2 alias's ARN. */
  String lexBotId(int i) {
    LexBot bot = lexBot(i);
    return bot.name() != null ? bot.name() : bot.aliasArn();
  }

  LexBot lexBot(int i) {
    if (i < counts.lexBotsV1()) {
      return new LexBot(i, "V1", department(i) + "Bot" + (i + 1), Scenario.REGION, null);
    }
    int v2 = i - counts.lexBotsV1();
    return new LexBot(i, "V2", null, null, "arn:aws:lex:" + Scenario.REGION + ":" + Scenario.ACCOUNT_ID
        + ":bot-alias/" + Seeded.hex(seed, "lex-bot", v2 / 3, 10).toUpperCase(Locale.ROOT) + "/"
        + Seeded.hex(seed, "lex-alias", v2, 10).toUpperCase(Locale.ROOT));
  }

  String predefinedAttributeName(int i) {
    return department(i).toLowerCase(Locale.ROOT) + "_skill_" + (i / ScenarioBasis.DEPARTMENTS.size() + 1);
  }

  PredefinedAttribute predefinedAttribute(int i) {
    return new PredefinedAttribute(i, predefinedAttributeName(i), basis.modified("predefined", i));
  }

  String integrationId(int i) {
    return Seeded.uuid(seed, "integration", i);
  }

  IntegrationAssociation integration(int i) {
    String id = integrationId(i);
    String arn = instanceArn + "/integration-association/" + id;
    if (i < counts.applicationIntegrations()) {
      String app = department(i).toLowerCase(Locale.ROOT) + "-workspace-app-" + (i + 1);
      return new IntegrationAssociation(i, id, arn, "APPLICATION", "arn:aws:app-integrations:" + Scenario.REGION
          + ":" + Scenario.ACCOUNT_ID + ":application/" + Seeded.uuid(seed, "application", i),
          app, "https://" + app + ".example.com", null);
    }
    String[] other = OTHER_INTEGRATIONS[(i - counts.applicationIntegrations()) % OTHER_INTEGRATIONS.length];
    return new IntegrationAssociation(i, id, arn, other[0], other[1] + Seeded.uuid(seed, "other-integration", i),
        null, null, null);
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
