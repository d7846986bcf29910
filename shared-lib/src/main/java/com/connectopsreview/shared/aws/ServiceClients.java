package com.connectopsreview.shared.aws;

import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;

/**
 * Where an analyzer gets its SDK clients: one per client type and Region. {@link AwsClients} is the
 * real source (shared, paced, counted clients); tests hand in clients of their own with {@link #of}.
 */
@FunctionalInterface
public interface ServiceClients {

  /** The client of {@code type} (e.g. {@code ConnectClient.class}) for {@code region}. */
  <C extends SdkClient> C client(Class<C> type, Region region);

  /**
   * These clients in every Region, each serving the client type it implements (a Mockito mock of
   * {@code ConnectClient}, a client pointed at WireMock, ...).
   *
   * @throws IllegalStateException on a request for a type none of them implements
   */
  static ServiceClients of(SdkClient... clients) {
    List<SdkClient> given = List.of(clients);
    return new ServiceClients() {
      @Override
      public <C extends SdkClient> C client(Class<C> type, Region region) {
        Objects.requireNonNull(region, "region");
        return given.stream().filter(type::isInstance).map(type::cast).findFirst()
            .orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName() + " given"));
      }
    };
  }
}
