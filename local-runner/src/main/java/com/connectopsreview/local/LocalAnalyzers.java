package com.connectopsreview.local;

import com.connectopsreview.flow.FlowAnalyzerFactory;
import com.connectopsreview.instance.InstanceAnalyzerFactory;
import com.connectopsreview.metrics.MetricsAnalyzerFactory;
import com.connectopsreview.phone.PhoneAnalyzerFactory;
import com.connectopsreview.quota.QuotaAnalyzerFactory;
import com.connectopsreview.shared.analyzer.AnalyzerFactory;
import java.util.Map;

/**
 * How the local runner builds each analyzer of the registry in this JVM. A new analyzer module adds
 * one line here (a test checks every registry entry has one).
 */
final class LocalAnalyzers {

  static final Map<String, AnalyzerFactory> FACTORIES = Map.of(
      "instance", InstanceAnalyzerFactory::create,
      "quota", QuotaAnalyzerFactory::create,
      "metrics", MetricsAnalyzerFactory::create,
      "phone", PhoneAnalyzerFactory::create,
      "flow", FlowAnalyzerFactory::create,
      "cloudtrail", com.connectopsreview.cloudtrail.CloudTrailAnalyzerFactory::create,
      "logs", com.connectopsreview.logs.LogAnalyzerFactory::create,
      "athena", com.connectopsreview.athena.AthenaExportFactory::create);

  private LocalAnalyzers() {}

  /**
   * The factories of one review: {@link #FACTORIES} with the athena component bound to the review's
   * settings (the CLI's --athena-* options, the sandbox's data lake) instead of the process environment.
   */
  static Map<String, AnalyzerFactory> forReview(com.connectopsreview.athena.AthenaSettings athena) {
    Map<String, AnalyzerFactory> factories = new java.util.HashMap<>(FACTORIES);
    factories.put("athena", com.connectopsreview.athena.AthenaExportFactory.withSettings(athena));
    return Map.copyOf(factories);
  }
}
