package com.connectopsreview.local;

import com.connectopsreview.flow.FlowAnalyzerFactory;
import com.connectopsreview.instance.InstanceAnalyzerFactory;
import com.connectopsreview.metrics.MetricsAnalyzer;
import com.connectopsreview.metrics.MetricsClients;
import com.connectopsreview.phone.PhoneAnalyzerFactory;
import com.connectopsreview.quota.QuotaAnalyzerFactory;
import com.connectopsreview.shared.analyzer.AnalyzerFactory;
import com.connectopsreview.shared.aws.AwsClients;
import java.util.Map;

/**
 * How the local runner builds each analyzer of the registry in this JVM. A new analyzer module adds
 * one line here (a test checks every registry entry has one).
 */
final class LocalAnalyzers {

  static final Map<String, AnalyzerFactory> FACTORIES = Map.of(
      "instance", InstanceAnalyzerFactory::create,
      "quota", QuotaAnalyzerFactory::create,
      "metrics", (clients, store, clock) -> new MetricsAnalyzer(MetricsClients.of((AwsClients) clients)),
      "phone", PhoneAnalyzerFactory::create,
      "flow", FlowAnalyzerFactory::create);

  private LocalAnalyzers() {}
}
