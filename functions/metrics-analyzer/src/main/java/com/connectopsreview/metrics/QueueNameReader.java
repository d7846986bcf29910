package com.connectopsreview.metrics;

import com.connectopsreview.shared.analyzer.Pages;
import com.connectopsreview.shared.cloudwatch.MetricDataReader;
import com.connectopsreview.shared.time.TimeBudget;
import java.util.List;
import java.util.TreeSet;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsResponse;
import software.amazon.awssdk.services.cloudwatch.model.Metric;

/**
 * The queues that publish QueueSize for the instance, from CloudWatch {@code ListMetrics}
 * (Namespace AWS/Connect, MetricName QueueSize, Dimensions InstanceId=id and MetricGroup=Queue),
 * every page (the SDK's paginator). CloudWatch lists a metric for two weeks after its last datapoint, which covers the
 * queues that can have data in a default window.
 */
final class QueueNameReader {

  /** The queue names, sorted, and the number of ListMetrics calls. */
  record Result(List<String> queueNames, int calls) {}

  private final CloudWatchClient cloudWatch;
  private final TimeBudget budget;

  QueueNameReader(CloudWatchClient cloudWatch, TimeBudget budget) {
    this.cloudWatch = cloudWatch;
    this.budget = budget;
  }

  Result read(String instanceId) {
    TreeSet<String> names = new TreeSet<>();
    int calls = 0;
    ListMetricsRequest request = ListMetricsRequest.builder()
        .namespace(MetricDataReader.NAMESPACE)
        .metricName(MetricsAnalyzer.QUEUE_SIZE)
        .dimensions(
            DimensionFilter.builder().name("InstanceId").value(instanceId).build(),
            DimensionFilter.builder().name("MetricGroup").value("Queue").build())
        .build();
    for (ListMetricsResponse page : Pages.of(budget, "CloudWatch ListMetrics", cloudWatch.listMetricsPaginator(request))) {
      calls++;
      for (Metric metric : page.metrics()) {
        // A metric without a QueueName dimension is not a per-queue series; it is skipped.
        metric.dimensions().stream()
            .filter(d -> "QueueName".equals(d.name()) && d.value() != null && !d.value().isEmpty())
            .map(Dimension::value)
            .findFirst()
            .ifPresent(names::add);
      }
    }
    return new Result(List.copyOf(names), calls);
  }
}
