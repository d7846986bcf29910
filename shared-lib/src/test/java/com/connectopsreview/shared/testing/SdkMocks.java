package com.connectopsreview.shared.testing;

import static org.mockito.Mockito.withSettings;

import com.connectopsreview.shared.aws.ServiceClients;
import org.mockito.Answers;
import org.mockito.MockMakers;
import org.mockito.Mockito;
import org.mockito.stubbing.Answer;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.Region;

/**
 * Mockito mocks of SDK client interfaces whose generated {@code *Paginator} methods work: they are
 * default methods that wrap the client itself, so they call the stubbed {@code list*}/{@code search*}
 * method page by page, as the real client would. A plain {@code mock(ConnectClient.class)} answers
 * null there instead.
 *
 * <p>The proxy mock maker: SDK clients are interfaces, and instrumenting ConnectClient's ~700 default
 * methods with the inline mock maker takes seconds per mock.
 */
public final class SdkMocks {

  private static final Answer<Object> PAGINATORS_REAL = invocation ->
      invocation.getMethod().isDefault() && invocation.getMethod().getName().endsWith("Paginator")
          ? invocation.callRealMethod()
          : Answers.RETURNS_DEFAULTS.answer(invocation);

  private SdkMocks() {}

  public static <C extends SdkClient> C client(Class<C> type) {
    return Mockito.mock(type, withSettings().mockMaker(MockMakers.PROXY).defaultAnswer(PAGINATORS_REAL));
  }

  /**
   * These clients for the instance's Region only: asking for another Region fails the test, so a
   * test also proves the analyzer calls the Region of the instance ARN.
   */
  public static ServiceClients inRegion(Region region, SdkClient... clients) {
    ServiceClients given = ServiceClients.of(clients);
    return new ServiceClients() {
      @Override
      public <C extends SdkClient> C client(Class<C> type, Region asked) {
        if (!region.equals(asked)) {
          throw new AssertionError("a client for " + asked + " was asked for; the instance is in " + region);
        }
        return given.client(type, asked);
      }
    };
  }
}
