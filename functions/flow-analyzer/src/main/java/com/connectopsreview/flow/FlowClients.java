package com.connectopsreview.flow;

import com.connectopsreview.shared.aws.AwsClients;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;

/** The SDK clients the flow analyzer calls, per Region (the instance's). */
public interface FlowClients {

  ConnectClient connect(Region region);

  /** The shared, paced and counted clients of {@code clients}. */
  static FlowClients of(AwsClients clients) {
    return region -> clients.client(ConnectClient.class, region, ConnectClient::builder);
  }
}
