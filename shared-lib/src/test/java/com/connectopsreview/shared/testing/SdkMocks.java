package com.connectopsreview.shared.testing;

import static org.mockito.Mockito.withSettings;

import org.mockito.Answers;
import org.mockito.Mockito;
import org.mockito.stubbing.Answer;
import software.amazon.awssdk.core.SdkClient;

/**
 * Mockito mocks of SDK client interfaces whose generated {@code *Paginator} methods work: they are
 * default methods that wrap the client itself, so they call the stubbed {@code list*}/{@code search*}
 * method page by page, as the real client would. A plain {@code mock(ConnectClient.class)} answers
 * null there instead.
 */
public final class SdkMocks {

  private static final Answer<Object> PAGINATORS_REAL = invocation ->
      invocation.getMethod().isDefault() && invocation.getMethod().getName().endsWith("Paginator")
          ? invocation.callRealMethod()
          : Answers.RETURNS_DEFAULTS.answer(invocation);

  private SdkMocks() {}

  public static <C extends SdkClient> C client(Class<C> type) {
    return Mockito.mock(type, withSettings().defaultAnswer(PAGINATORS_REAL));
  }
}
