package com.connectopsreview.phone;

import com.connectopsreview.shared.aws.AwsClients;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.pinpoint.PinpointClient;

/** The SDK clients the phone analyzer calls, per Region (the instance's). */
public interface PhoneClients {

  ConnectClient connect(Region region);

  /** Pinpoint, only for {@code PhoneNumberValidate} (the carrier of a number). */
  PinpointClient pinpoint(Region region);

  /** The shared, paced and counted clients of {@code clients}. */
  static PhoneClients of(AwsClients clients) {
    return new PhoneClients() {
      @Override
      public ConnectClient connect(Region region) {
        return clients.client(ConnectClient.class, region, ConnectClient::builder);
      }

      @Override
      public PinpointClient pinpoint(Region region) {
        return clients.client(PinpointClient.class, region, PinpointClient::builder);
      }
    };
  }
}
