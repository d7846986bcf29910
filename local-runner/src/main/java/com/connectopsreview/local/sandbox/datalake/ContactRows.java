package com.connectopsreview.local.sandbox.datalake;

import com.connectopsreview.local.sandbox.SandboxSize;
import com.connectopsreview.local.sandbox.Seeded;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.ActiveQueue;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.ContactRecord;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.FlowEvent;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.QueuePlant;
import com.connectopsreview.local.sandbox.datalake.DataLakeDomain.Rows;
import com.connectopsreview.local.sandbox.flows.FlowsDomain;
import com.connectopsreview.local.sandbox.flows.FlowsDomain.ContactFlow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The rows of {@code contact_record} and {@code contact_flow_events}: {@value #SMALL_PER_DAY} contacts a
 * day (LARGE and HUGE {@value #LARGE_PER_DAY}) over the {@value #DAYS} days before the scenario's end,
 * each a pure function of (seed, index, end). Around them, what the KPI queries must handle: a few
 * contacts of {@value #EARLIER_DAYS} days before (outside any 30-day window), rows of another instance,
 * contacts delivered twice (the stale copy, processed earlier and still without its disconnect reason
 * and after-contact work, is appended at the end), callbacks and expired tasks, and contacts that end
 * in a flow before reaching a queue.
 *
 * <p>Outcome rates per 10,000 queued contacts (short abandons under 10 s, long abandons, then answered;
 * of the answered, the share within 20 s and the share transferred, per 100):
 * normal 200 / 300, 95 % / 8 %; {@link QueuePlant#HIGH_ABANDONMENT} 500 / 2,000, 70 % / 8 % (an
 * understaffed queue: long waits, so customers hang up, and its service level, which counts every
 * queued contact, is about 52 %); {@link QueuePlant#LOW_SERVICE_LEVEL} 200 / 300, 50 % / 8 % (about
 * 47 %); {@link QueuePlant#HIGH_TRANSFER_RATE} 200 / 300, 95 % / 35 %. Every other queue's service
 * level is about 90 %.
 */
final class ContactRows {

  static final int DAYS = 30;
  static final int EARLIER_DAYS = 3;
  static final int SMALL_PER_DAY = 150;
  static final int LARGE_PER_DAY = 1_500;

  /** Flows of the flows domain, by index (the same in every size and seed). */
  static final int QUEUE_FLOW = 4;
  static final int TRANSFER_FLOW = 7;
  static final int ENTRY_FLOW = 8;
  /** Where contacts end in the IVR: the order lookup without error branch, a menu flow, the slow CRM lookup. */
  static final int LAMBDA_FLOW = 9;
  static final int CRM_FLOW = 11;
  static final int MENU_FLOW = 14;
  private static final int[] INBOUND_FLOWS = {ENTRY_FLOW, MENU_FLOW, 16, 18};

  /** Fractional parts of irrationals: Weyl sequences, so that any run of a queue's contacts has its rates. */
  private static final double GOLDEN = 0.6180339887498949;
  private static final double ROOT2 = 0.41421356237309515;
  private static final double ROOT3 = 0.7320508075688772;

  private static final long SECOND = 1_000;
  private static final long MINUTE = 60 * SECOND;

  private final long seed;
  private final SandboxSize size;
  private final Instant end;
  private final String instanceId;
  private final String otherInstanceId;
  private final List<ActiveQueue> queues;
  private final FlowsDomain flows;
  private final List<ContactRecord> contacts = new ArrayList<>();
  private final List<ContactRecord> staleCopies = new ArrayList<>();
  private final List<FlowEvent> flowEvents = new ArrayList<>();
  /** Per queue: queued contacts so far, answered contacts so far (the Weyl sequences' indexes). */
  private int[] queued;
  private int[] answered;

  ContactRows(long seed, SandboxSize size, Instant end, String instanceId, String otherInstanceId,
      List<ActiveQueue> queues, FlowsDomain flows) {
    this.seed = seed;
    this.size = size;
    this.end = end;
    this.instanceId = instanceId;
    this.otherInstanceId = otherInstanceId;
    this.queues = List.copyOf(queues);
    this.flows = flows;
  }

  static int perDay(SandboxSize size) {
    return size == SandboxSize.SMALL ? SMALL_PER_DAY : LARGE_PER_DAY;
  }

  synchronized Rows generate() {
    contacts.clear();
    staleCopies.clear();
    flowEvents.clear();
    queued = new int[queues.size()];
    answered = new int[queues.size()];
    int inWindow = perDay(size) * DAYS;
    int earlier = perDay(size) / 5 * EARLIER_DAYS;
    Instant windowStart = end.minus(Duration.ofDays(DAYS));
    spread(0, inWindow, windowStart, Duration.ofDays(DAYS));
    spread(inWindow, earlier, windowStart.minus(Duration.ofDays(EARLIER_DAYS)), Duration.ofDays(EARLIER_DAYS));
    List<ContactRecord> all = new ArrayList<>(contacts);
    all.addAll(staleCopies);
    return new Rows(all, flowEvents);
  }

  /** Contacts {@code first..first+count-1}, evenly over {@code span} from {@code from}, each jittered in its slot. */
  private void spread(int first, int count, Instant from, Duration span) {
    long slot = span.toMillis() / count;
    for (int i = 0; i < count; i++) {
      int n = first + i;
      contact(n, from.plusMillis(i * slot + pick("slot", n, (int) slot)));
    }
  }

  private void contact(int n, Instant t) {
    String id = Seeded.uuid(seed, "datalake-contact", n);
    String instance = pick("instance", n, 1_000) < 30 ? otherInstanceId : instanceId;
    int kind = pick("kind", n, 10_000);
    ContactRecord record;
    if (kind < 800) {
      record = endedInFlow(n, id, instance, t);
    } else if (kind < 1_300) {
      record = outbound(n, id, instance, t);
    } else {
      record = queued(n, id, instance, t);
    }
    contacts.add(record);
    if (pick("duplicate", n, 1_000) < 15) {
      staleCopies.add(new ContactRecord(record.contactId(), record.instanceId(), record.initiationTimestamp(),
          record.disconnectTimestamp(), record.channel(), record.initiationMethod(), null, record.queueId(),
          record.queueName(), record.queueEnqueueTimestamp(), record.queueDurationMs(),
          record.agentConnectedToAgentTimestamp(), null, record.agentInteractionDurationMs(),
          record.agentCustomerHoldDurationMs(), null,
          record.dataLakeLastProcessedTimestamp().minusMillis(10 * MINUTE + pick("stale", n, (int) (90 * MINUTE)))));
    }
  }

  /** Never queued, never with an agent: the customer hangs up or the flow disconnects in the IVR. */
  private ContactRecord endedInFlow(int n, String id, String instance, Instant t) {
    int f = pick("ivr-flow", n, 100);
    int last = f < 55 ? LAMBDA_FLOW : f < 85 ? MENU_FLOW : CRM_FLOW;
    int r = pick("ivr-reason", n, 100);
    int flowShare = last == LAMBDA_FLOW ? 80 : last == MENU_FLOW ? 15 : 50;
    String reason = r == 99 ? "TELECOM_PROBLEM" : r < flowShare ? "CONTACT_FLOW_DISCONNECT" : "CUSTOMER_DISCONNECT";
    Instant lastStart = t.plusMillis(2 * SECOND + pick("ivr-start", n, (int) (18 * SECOND)));
    Instant disconnect = lastStart.plusMillis(5 * SECOND + pick("ivr-stay", n, (int) (55 * SECOND)));
    if (pick("ivr-entry", n, 2) == 0) {
      event(id, instance, ENTRY_FLOW, t.plusMillis(300), lastStart);
    }
    event(id, instance, last, lastStart, disconnect);
    return new ContactRecord(id, instance, t, disconnect, pick("ivr-channel", n, 10) == 0 ? "CHAT" : "VOICE",
        pick("ivr-method", n, 10) == 0 ? "TRANSFER" : "INBOUND", reason, null, null, null, null, null, null, null,
        null, null, processed(n, disconnect));
  }

  /** Agent-initiated voice calls: a queue for the record, never enqueued, no flow. */
  private ContactRecord outbound(int n, String id, String instance, Instant t) {
    ActiveQueue queue = queues.get(pick("queue", n, queues.size()));
    Instant connected = t.plusMillis(3 * SECOND + pick("ring", n, (int) (22 * SECOND)));
    long talk = 30 * SECOND + pick("talk", n, (int) (570 * SECOND));
    Instant disconnect = connected.plusMillis(talk);
    long acw = 10 * SECOND + pick("acw", n, (int) (110 * SECOND));
    return new ContactRecord(id, instance, t, disconnect, "VOICE", "OUTBOUND",
        pick("reason", n, 2) == 0 ? "AGENT_DISCONNECT" : "CUSTOMER_DISCONNECT", queue.id(), queue.name(), null, null,
        connected, null, talk, 0L, acw, processed(n, disconnect.plusMillis(acw)));
  }

  private ContactRecord queued(int n, String id, String instance, Instant t) {
    int q = pick("queue", n, queues.size());
    ActiveQueue queue = queues.get(q);
    int c = pick("channel", n, 100);
    String channel = c < 70 ? "VOICE" : c < 90 ? "CHAT" : "TASK";
    int m = pick("method", n, 100);
    String method = switch (channel) {
      case "TASK" -> "API";
      case "CHAT" -> m < 90 ? "INBOUND" : "TRANSFER";
      default -> m < 80 ? "INBOUND" : m < 87 ? "TRANSFER" : m < 93 ? "QUEUE_TRANSFER" : "CALLBACK";
    };
    Instant enqueue = t.plusMillis(channel.equals("TASK") ? SECOND + pick("ivr", n, (int) (2 * SECOND))
        : 10 * SECOND + pick("ivr", n, (int) (50 * SECOND)));
    if (method.equals("QUEUE_TRANSFER")) {
      event(id, instance, TRANSFER_FLOW, t.plusMillis(300), enqueue);
    } else if (!method.equals("CALLBACK")) {
      event(id, instance, INBOUND_FLOWS[q % INBOUND_FLOWS.length], t.plusMillis(300), enqueue);
    }
    int[] profile = switch (queue.plant()) {
      case HIGH_ABANDONMENT -> new int[] {500, 2_000, 70, 8};
      case LOW_SERVICE_LEVEL -> new int[] {200, 300, 50, 8};
      case HIGH_TRANSFER_RATE -> new int[] {200, 300, 95, 35};
      case NONE -> new int[] {200, 300, 95, 8};
    };
    // Outcomes follow a low-discrepancy sequence per queue rather than independent draws: contacts are
    // generated in time order, so every window (a day, a week) of a queue has its rates to within a contact.
    int o = weyl(queued[q]++, GOLDEN, q, 10_000);
    if (o < profile[0] + profile[1] || channel.equals("TASK") && o < profile[0] + profile[1] + 300) {
      boolean abandoned = o < profile[0] + profile[1];
      long waited = o < profile[0] ? SECOND + pick("wait", n, (int) (9 * SECOND - 1))
          : abandoned ? 10 * SECOND + pick("wait", n, (int) (390 * SECOND))
          : 10 * MINUTE + pick("wait", n, (int) (50 * MINUTE));
      Instant disconnect = enqueue.plusMillis(waited);
      event(id, instance, QUEUE_FLOW, enqueue, disconnect);
      return new ContactRecord(id, instance, t, disconnect, channel, method,
          abandoned ? "CUSTOMER_DISCONNECT" : "EXPIRED", queue.id(), queue.name(), enqueue, waited, null, null, null,
          null, null, processed(n, disconnect));
    }
    int a = answered[q]++;
    boolean inThreshold = weyl(a, ROOT2, q, 100) < profile[2];
    long waited = inThreshold ? SECOND + pick("wait", n, (int) (19 * SECOND))
        : 20 * SECOND + 1 + pick("wait", n, (int) (220 * SECOND));
    Instant connected = enqueue.plusMillis(waited);
    event(id, instance, QUEUE_FLOW, enqueue, connected);
    long talk = 60 * SECOND + pick("talk", n, (int) (840 * SECOND));
    long hold = pick("held", n, 100) < 30 ? 10 * SECOND + pick("hold", n, (int) (110 * SECOND)) : 0;
    long acw = 10 * SECOND + pick("acw", n, (int) (170 * SECOND));
    Instant transferred = weyl(a, ROOT3, q, 100) < profile[3] ? connected.plusMillis(talk / 2) : null;
    Instant disconnect = connected.plusMillis(talk + hold);
    return new ContactRecord(id, instance, t, disconnect, channel, method,
        pick("reason", n, 100) < 45 ? "AGENT_DISCONNECT" : "CUSTOMER_DISCONNECT", queue.id(), queue.name(), enqueue,
        waited, connected, transferred, talk, hold, acw, processed(n, disconnect.plusMillis(acw)));
  }

  private void event(String contactId, String instance, int flowIndex, Instant start, Instant end) {
    ContactFlow flow = flows.flows().get(flowIndex);
    flowEvents.add(new FlowEvent(contactId, instance, flow.id(), flow.type(), start, end));
  }

  /** The data lake processes a record a few minutes after the contact's last change. */
  private Instant processed(int n, Instant lastChange) {
    return lastChange.plusMillis(2 * MINUTE + pick("processed", n, (int) (38 * MINUTE)));
  }

  /** The {@code k}-th value of queue {@code q}'s sequence with step {@code step}, from 0 to bound-1; its start set by the seed. */
  private int weyl(int k, double step, int q, int bound) {
    double start = Seeded.pick(seed, "datalake-weyl-" + step, q, 1 << 20) / (double) (1 << 20);
    double x = start + k * step;
    return (int) ((x - Math.floor(x)) * bound);
  }

  private int pick(String kind, int n, int bound) {
    return Seeded.pick(seed, "datalake-" + kind, n, bound);
  }
}
