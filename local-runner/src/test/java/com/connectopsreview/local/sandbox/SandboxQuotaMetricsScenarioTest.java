package com.connectopsreview.local.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.connectopsreview.local.sandbox.entities.EntitiesDomain;
import com.connectopsreview.local.sandbox.capacity.SandboxQuotas;
import com.connectopsreview.local.sandbox.capacity.MetricSeries;
import com.connectopsreview.local.sandbox.capacity.CapacityDomain;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The planted quota and metrics data, read from the scenario model only (no server): usage
 * percentages, the ConcurrentCalls peak and trend, the missed-calls spike, the throttling bursts,
 * the hot queue; and determinism by seed.
 */
class SandboxQuotaMetricsScenarioTest {

  private static final Instant END = Instant.parse("2025-03-10T14:37:12Z");

  @ParameterizedTest
  @EnumSource(value = SandboxSize.class, names = {"SMALL", "LARGE"})
  void quotas_usersAt85_queuesAt99_othersAtMostHalf(SandboxSize size) {
    Scenario s = new ScenarioGenerator(42, size, END).generate();
    CapacityDomain capacity = CapacityDomain.of(s);
    Counts c = s.counts();

    assertEquals(85.0, percent(c.users(), capacity.quota(SandboxQuotas.USERS).orElseThrow()), 0.11);
    assertEquals(99.0, percent(c.standardQueues(), capacity.quota(SandboxQuotas.QUEUES).orElseThrow()), 0.01);
    Map<String, Integer> usage = Map.ofEntries(
        Map.entry("L-22922690", c.flows()), Map.entry("L-D3E7BE26", c.routingProfiles()),
        Map.entry("L-F325A715", c.securityProfiles()), Map.entry("L-CCEA7427", c.lexV2BotAliases()),
        Map.entry("L-8F812903", c.phoneNumbers()), Map.entry("L-68BBE2E8", c.quickConnects()),
        Map.entry("L-20CD02F7", c.hoursOfOperations()), Map.entry("L-D68AAAE4", c.userHierarchyGroups()),
        Map.entry("L-E3D2F503", c.lambdaFunctions()), Map.entry("L-FC6A5030", c.applicationIntegrations()),
        Map.entry("L-0865B754", c.prompts()), Map.entry("L-D945C9A8", c.agentStatuses()),
        Map.entry("L-19755C7E", c.flowModules()), Map.entry("L-3828FBF0", c.predefinedAttributes()));
    usage.forEach((code, used) -> assertTrue(percent(used, capacity.quota(code).orElseThrow()) <= 50, code));
    assertEquals(50.0, capacity.quota(SandboxQuotas.PROFICIENCIES_PER_AGENT).orElseThrow().instanceValue());
  }

  @ParameterizedTest
  @EnumSource(value = SandboxSize.class, names = {"SMALL", "LARGE"})
  void concurrentCalls_peaksOnceAt70Percent_withARisingSecondHalf(SandboxSize size) {
    MetricSeries m = CapacityDomain.of(new ScenarioGenerator(42, size, END).generate()).metrics();
    Map<String, String> voice = m.dimensions("MetricGroup", "VoiceCalls");
    double quota = CapacityDomain.of(new ScenarioGenerator(42, size, END).generate())
        .quota(SandboxQuotas.CONCURRENT_CALLS).orElseThrow()
        .instanceValue();

    double max = 0;
    int atMax = 0;
    double[] dailyMean = new double[14];
    for (int day = -14; day < 0; day++) {
      double sum = 0;
      for (int k = 0; k < 288; k++) {
        Instant t = m.dayStart(day).plusSeconds(300L * k);
        double v = m.value("ConcurrentCalls", voice, t).orElseThrow();
        assertEquals(v / quota, m.value("ConcurrentCallsPercentage", voice, t).orElseThrow(), 1e-12);
        sum += v;
        if (v > max) {
          max = v;
          atMax = 1;
        } else if (v == max) {
          atMax++;
        }
      }
      dailyMean[day + 14] = sum / 288;
    }
    assertEquals(0.70 * quota, max);
    assertEquals(1, atMax, "one peak sample");
    assertEquals(max, m.value("ConcurrentCalls", voice, m.concurrentCallsPeakTime()).orElseThrow());
    double first = 0;
    double second = 0;
    for (int i = 0; i < 7; i++) {
      first += dailyMean[i] / 7;
      second += dailyMean[i + 7] / 7;
    }
    double growth = (second - first) / first * 100;
    assertTrue(growth > 20 && growth < 40, "growth " + growth + " %");
  }

  @Test
  void missedCalls_oneSpikeDayAbout10xTheMedian_throttledCallsInTheModerateBand() {
    MetricSeries m = CapacityDomain.of(new ScenarioGenerator(7, SandboxSize.SMALL, END).generate()).metrics();
    Map<String, String> voice = m.dimensions("MetricGroup", "VoiceCalls");

    List<Double> daily = new ArrayList<>();
    double throttled = 0;
    int throttledHours = 0;
    for (int day = -14; day < 0; day++) {
      double missed = 0;
      for (int hour = 0; hour < 24; hour++) {
        double inHour = 0;
        for (int k = 0; k < 12; k++) {
          Instant t = m.dayStart(day).plusSeconds(3600L * hour + 300L * k);
          missed += m.value("MissedCalls", voice, t).orElseThrow();
          inHour += m.value("ThrottledCalls", voice, t).orElseThrow();
        }
        throttled += inHour;
        throttledHours += inHour > 0 ? 1 : 0;
      }
      daily.add(missed);
    }
    double spike = daily.get(MetricSeries.SPIKE_DAY + 14);
    List<Double> others = new ArrayList<>(daily);
    others.remove(MetricSeries.SPIKE_DAY + 14);
    double median = others.stream().sorted().toList().get(others.size() / 2);
    assertTrue(spike / median >= 8 && spike / median <= 12, "spike / median " + spike / median);
    assertTrue(others.stream().allMatch(d -> d < 2 * median), "no second spike: " + daily);
    assertEquals(37.0, throttled);
    assertEquals(MetricSeries.throttledCallsTotal(), (int) throttled);
    assertEquals(3, throttledHours);
  }

  @Test
  void queues_oneHotQueueFarAboveTheOthers() {
    Scenario s = new ScenarioGenerator(42, SandboxSize.SMALL, END).generate();
    MetricSeries m = CapacityDomain.of(s).metrics();

    double hotMax = 0;
    double othersMax = 0;
    for (int q = 0; q < s.counts().standardQueues(); q++) {
      String name = EntitiesDomain.of(s).queues().get(q).name();
      Map<String, String> dims = m.dimensions("MetricGroup", "Queue", "QueueName", name);
      for (int k = 0; k < 288; k++) {
        double v = m.value("QueueSize", dims, m.dayStart(-1).plusSeconds(300L * k)).orElseThrow();
        if (name.equals(m.hotQueueName())) {
          hotMax = Math.max(hotMax, v);
        } else {
          othersMax = Math.max(othersMax, v);
        }
      }
    }
    assertTrue(hotMax >= 30, "hot queue peak " + hotMax);
    assertTrue(othersMax <= 3, "other queues peak " + othersMax);
  }

  @Test
  void series_areAPureFunctionOfSeedMetricDimensionsAndTime() {
    MetricSeries a = CapacityDomain.of(new ScenarioGenerator(42, SandboxSize.SMALL, END).generate()).metrics();
    MetricSeries b = CapacityDomain.of(new ScenarioGenerator(42, SandboxSize.SMALL, END).generate()).metrics();
    MetricSeries other = CapacityDomain.of(new ScenarioGenerator(43, SandboxSize.SMALL, END).generate()).metrics();
    Map<String, String> voice = a.dimensions("MetricGroup", "VoiceCalls");

    List<Double> first = new ArrayList<>();
    List<Double> second = new ArrayList<>();
    for (int k = 0; k < 500; k++) {
      Instant t = a.dayStart(-3).plusSeconds(300L * k);
      first.add(a.value("MissedCalls", voice, t).orElseThrow());
      second.add(b.value("MissedCalls", voice, t).orElseThrow());
    }
    assertEquals(first, second);
    assertEquals(a.metrics(), b.metrics());
    assertNotEquals(a.metrics(), other.metrics(), "another seed, another instance id");
    assertTrue(a.value("MissedCalls", voice, END.plusSeconds(600)).isEmpty(), "nothing after the end");
    assertTrue(a.value("MissedCalls", voice, a.dayStart(-1).plusSeconds(7)).isEmpty(), "only on 5-minute marks");
  }

  private static double percent(int used, CapacityDomain.Quota quota) {
    return Math.round(used * 1000.0 / quota.instanceValue()) / 10.0;
  }
}
