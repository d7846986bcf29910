package com.connectopsreview.metrics;

import com.connectopsreview.shared.aws.AwsClients;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.connect.ConnectClient;

/** The SDK clients the metrics analyzer calls, per Region (the instance's). */
public interface MetricsClients {

  CloudWatchClient cloudWatch(Region region);

  /** Only for DescribeInstance's access URL (links into the Connect admin website). */
  ConnectClient connect(Region region);

  /** The shared, paced and counted clients of {@code clients}. */
  static MetricsClients of(AwsClients clients) {
    return new MetricsClients() {
      @Override
      public CloudWatchClient cloudWatch(Region region) {
        return clients.client(CloudWatchClient.class, region, CloudWatchClient::builder);
      }

      @Override
      public ConnectClient connect(Region region) {
        return clients.client(ConnectClient.class, region, ConnectClient::builder);
      }
    };
  }
}
