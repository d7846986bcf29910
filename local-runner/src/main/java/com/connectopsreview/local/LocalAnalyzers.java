package com.connectopsreview.local;

import com.connectopsreview.instance.InstanceAnalyzerFunction;
import com.connectopsreview.flow.FlowAnalyzerFunction;
import com.connectopsreview.metrics.MetricsAnalyzerFunction;
import com.connectopsreview.phone.PhoneAnalyzerFunction;
import com.connectopsreview.quota.QuotaAnalyzerFunction;
import com.connectopsreview.shared.analyzer.AnalyzerRunner;
import com.connectopsreview.shared.aws.AwsClients;
import com.connectopsreview.shared.store.ResultStore;
import java.time.Clock;
import java.util.Map;

/**
 * How the local runner builds each analyzer of the registry in this JVM. A new analyzer module adds
 * one line here (a test checks every registry entry has one).
 */
final class LocalAnalyzers {

  @FunctionalInterface
  interface Factory {
    AnalyzerRunner create(ResultStore store, AwsClients clients, Clock clock);
  }

  static final Map<String, Factory> FACTORIES = Map.of(
      "instance", InstanceAnalyzerFunction::create,
      "quota", QuotaAnalyzerFunction::create,
      "metrics", MetricsAnalyzerFunction::create,
      "phone", PhoneAnalyzerFunction::create,
      "flow", FlowAnalyzerFunction::create);

  private LocalAnalyzers() {}
}
