package com.connectopsreview.report;

import com.connectopsreview.shared.sections.FlowSection;
import com.connectopsreview.shared.sections.InstanceSection;
import com.connectopsreview.shared.sections.MetricsSection;
import com.connectopsreview.shared.sections.PhoneSection;
import com.connectopsreview.shared.sections.QuotaSection;
import com.connectopsreview.shared.sections.Section;
import com.connectopsreview.shared.sections.SectionContract;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The report tests' payloads are their sections' records: each JSON fixture, each result the local
 * runner stored for the sandbox and the instance fixture bind strictly and write back the same JSON,
 * so a field renamed in a record fails here rather than leaving the tests on a stale shape.
 */
class SectionFixturesTest {

  static Stream<Arguments> payloads() {
    return Stream.of(
        Arguments.of("fixtures/quota-data.json", Fixtures.json("fixtures/quota-data.json"), QuotaSection.class),
        Arguments.of("fixtures/metrics-data.json", Fixtures.json("fixtures/metrics-data.json"), MetricsSection.class),
        Arguments.of("fixtures/phone-data.json", Fixtures.json("fixtures/phone-data.json"), PhoneSection.class),
        Arguments.of("fixtures/flow-data.json", Fixtures.json("fixtures/flow-data.json"), FlowSection.class),
        Arguments.of("sandbox/quota", Fixtures.sandboxResult("quota").data(), QuotaSection.class),
        Arguments.of("sandbox/metrics", Fixtures.sandboxResult("metrics").data(), MetricsSection.class),
        Arguments.of("sandbox/phone", Fixtures.sandboxResult("phone").data(), PhoneSection.class),
        Arguments.of("sandbox/flow", Fixtures.sandboxResult("flow").data(), FlowSection.class),
        Arguments.of("Fixtures.instanceData", Fixtures.instanceData("contoso"), InstanceSection.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("payloads")
  void payload_bindsStrictlyAndWritesBackTheSameJson(String name, JsonNode data, Class<? extends Section> type) {
    SectionContract.assertRoundTrip(data, type);
  }
}
