package com.connectopsreview.instance;

import com.connectopsreview.shared.aws.AwsClients;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/** The SDK clients the instance analyzer calls, per Region (the instance's). */
public interface InstanceClients {

  ConnectClient connect(Region region);

  KinesisClient kinesis(Region region);

  FirehoseClient firehose(Region region);

  /** The shared, paced and counted clients of {@code clients}. */
  static InstanceClients of(AwsClients clients) {
    return new InstanceClients() {
      @Override
      public ConnectClient connect(Region region) {
        return clients.client(ConnectClient.class, region, ConnectClient::builder);
      }

      @Override
      public KinesisClient kinesis(Region region) {
        return clients.client(KinesisClient.class, region, KinesisClient::builder);
      }

      @Override
      public FirehoseClient firehose(Region region) {
        return clients.client(FirehoseClient.class, region, FirehoseClient::builder);
      }
    };
  }
}
