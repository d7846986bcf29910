package com.connectopsreview.quota;

import com.connectopsreview.shared.aws.AwsClients;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;

/** The SDK clients the quota analyzer calls, per Region (the instance's). */
public interface QuotaClients {

  ConnectClient connect(Region region);

  ServiceQuotasClient serviceQuotas(Region region);

  CloudWatchClient cloudWatch(Region region);

  /** The shared, paced and counted clients of {@code clients}. */
  static QuotaClients of(AwsClients clients) {
    return new QuotaClients() {
      @Override
      public ConnectClient connect(Region region) {
        return clients.client(ConnectClient.class, region, ConnectClient::builder);
      }

      @Override
      public ServiceQuotasClient serviceQuotas(Region region) {
        return clients.client(ServiceQuotasClient.class, region, ServiceQuotasClient::builder);
      }

      @Override
      public CloudWatchClient cloudWatch(Region region) {
        return clients.client(CloudWatchClient.class, region, CloudWatchClient::builder);
      }
    };
  }
}
