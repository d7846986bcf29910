package com.connectopsreview.local.sandbox.cloudtrail;

import com.connectopsreview.local.sandbox.Scenario;
import com.connectopsreview.local.sandbox.ScenarioBasis;
import com.connectopsreview.local.sandbox.Seeded;
import com.connectopsreview.local.sandbox.cloudtrail.CloudTrailDomain.Kind;
import com.connectopsreview.local.sandbox.cloudtrail.CloudTrailDomain.Target;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the {@link CloudTrailDomain}: every planted event of {@link Kind} (its count), background
 * up to {@link CloudTrailDomain#connectEvents}, the IAM plant on top, shuffled by the seed, spread
 * over the last {@link CloudTrailDomain#HISTORY_DAYS} days before the scenario's end, newest first.
 *
 * <p>Then one rearrangement so that the samples a review keeps are known: the five throttled
 * StartOutboundVoiceContact calls (whose parameters carry a customer's phone number and attributes)
 * are events 0, 2, 4, 6 and 8, and no other throttled call of this instance's Region and instance is
 * among the ten newest events. The ten most recent throttled calls a review samples therefore include
 * all five.
 */
public final class CloudTrailGenerator {

  /** Where the outbound-call throttles are placed. */
  static final int[] OUTBOUND_SLOTS = {0, 2, 4, 6, 8};

  private CloudTrailGenerator() {}

  public static CloudTrailDomain generate(ScenarioBasis basis, Scenario earlier) {
    long seed = basis.seed();
    List<Kind> plan = new ArrayList<>();
    int connect = 0;
    for (Kind kind : Kind.values()) {
      for (int n = 0; n < kind.count(); n++) {
        plan.add(kind);
      }
      connect += CloudTrailDomain.CONNECT_SOURCE.equals(kind.eventSource()) ? kind.count() : 0;
    }
    int background = CloudTrailDomain.connectEvents(basis.size()) - connect;
    if (background < 0) {
      throw new IllegalStateException("the plants need " + connect + " Connect events, more than the size holds");
    }
    for (int n = 0; n < background; n++) {
      plan.add(Kind.BACKGROUND);
    }
    Kind[] kinds = plan.toArray(new Kind[0]);
    // Fisher-Yates by the seed: the same history for the same seed, whatever the JVM.
    for (int i = kinds.length - 1; i > 0; i--) {
      int j = Seeded.pick(seed, "cloudtrail-shuffle", i, i + 1);
      Kind t = kinds[i];
      kinds[i] = kinds[j];
      kinds[j] = t;
    }
    placeOutboundThrottles(kinds);

    // Whole seconds, as CloudTrail records eventTime.
    Instant end = basis.end().truncatedTo(ChronoUnit.SECONDS);
    // An hour short of 14 days, so that a 14-day review started within the hour still covers it all.
    long spanMillis = Duration.ofDays(CloudTrailDomain.HISTORY_DAYS).minusHours(1).toMillis();
    double spacing = (double) spanMillis / (kinds.length + 1);
    Instant[] times = new Instant[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      // Half a spacing of jitter at most: times stay strictly decreasing with the index.
      double jitter = Seeded.pick(seed, "cloudtrail-time", i, 1_000) / 2_000.0;
      times[i] = end.minusMillis(Math.round((i + 1 + jitter) * spacing)).truncatedTo(ChronoUnit.SECONDS);
    }
    return new CloudTrailDomain(kinds, times, end, seed, Seeded.uuid(seed, "other-instance", 0));
  }

  private static void placeOutboundThrottles(Kind[] kinds) {
    int slot = 0;
    for (int i = 0; i < kinds.length && slot < OUTBOUND_SLOTS.length; i++) {
      if (kinds[i] == Kind.OUTBOUND_THROTTLED && !isSlot(i)) {
        while (kinds[OUTBOUND_SLOTS[slot]] == Kind.OUTBOUND_THROTTLED) {
          slot++;
        }
        swap(kinds, i, OUTBOUND_SLOTS[slot]);
      }
    }
    // Every other event among the ten newest: not a throttled call that the review would count.
    for (int i = 0; i < 10; i++) {
      if (!isSlot(i) && countsAsThrottledHere(kinds[i])) {
        for (int j = 10; j < kinds.length; j++) {
          if (kinds[j] == Kind.BACKGROUND) {
            swap(kinds, i, j);
            break;
          }
        }
      }
    }
  }

  /** Throttled, this Region, not another instance: what a review samples. */
  private static boolean countsAsThrottledHere(Kind kind) {
    return kind.isThrottled() && kind.region() == null && kind.target() != Target.OTHER_INSTANCE
        && CloudTrailDomain.CONNECT_SOURCE.equals(kind.eventSource());
  }

  private static boolean isSlot(int i) {
    for (int s : OUTBOUND_SLOTS) {
      if (s == i) {
        return true;
      }
    }
    return false;
  }

  private static void swap(Kind[] kinds, int i, int j) {
    Kind t = kinds[i];
    kinds[i] = kinds[j];
    kinds[j] = t;
  }
}
