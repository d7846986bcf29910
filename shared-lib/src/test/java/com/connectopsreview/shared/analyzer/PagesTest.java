package com.connectopsreview.shared.analyzer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.connectopsreview.shared.testing.SdkMocks;
import com.connectopsreview.shared.testing.TestClock;
import com.connectopsreview.shared.time.TimeBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.services.connect.ConnectClient;
import software.amazon.awssdk.services.connect.model.ListUsersRequest;
import software.amazon.awssdk.services.connect.model.ListUsersResponse;
import software.amazon.awssdk.services.connect.model.UserSummary;

class PagesTest {

  private final TestClock clock = TestClock.at("2026-11-23T09:00:00Z");
  private final TimeBudget budget = new TimeBudget(clock, clock.instant().plusSeconds(10));
  private final ConnectClient connect = SdkMocks.client(ConnectClient.class);

  private static ListUsersResponse page(String user, String nextToken) {
    return ListUsersResponse.builder().userSummaryList(UserSummary.builder().id(user).build())
        .nextToken(nextToken).build();
  }

  @Test
  void of_readsEveryPageFollowingNextTokenUntilItIsEmpty() {
    when(connect.listUsers(any(ListUsersRequest.class)))
        .thenReturn(page("u1", "t2"), page("u2", "t3"), page("u3", ""));
    List<String> users = new ArrayList<>();

    for (ListUsersResponse page : Pages.of(budget, "Connect ListUsers",
        connect.listUsersPaginator(ListUsersRequest.builder().instanceId("i").maxResults(1000).build()))) {
      page.userSummaryList().forEach(u -> users.add(u.id()));
    }

    assertEquals(List.of("u1", "u2", "u3"), users);
    ArgumentCaptor<ListUsersRequest> sent = ArgumentCaptor.forClass(ListUsersRequest.class);
    verify(connect, times(3)).listUsers(sent.capture());
    assertEquals(java.util.Arrays.asList(null, "t2", "t3"),
        sent.getAllValues().stream().map(ListUsersRequest::nextToken).toList());
    assertTrue(sent.getAllValues().stream().allMatch(r -> r.maxResults() == 1000 && "i".equals(r.instanceId())));
  }

  @Test
  void of_whenTheBudgetRunsOutBetweenPages_stopsBeforeFetchingTheNextAndKeepsWhatWasRead() {
    when(connect.listUsers(any(ListUsersRequest.class))).thenAnswer(invocation -> {
      clock.advance(Duration.ofSeconds(11));
      return page("u1", "t2");
    });
    List<String> users = new ArrayList<>();

    TimeBudget.BudgetExceededException e = assertThrows(TimeBudget.BudgetExceededException.class, () -> {
      for (ListUsersResponse page : Pages.of(budget, "Connect ListUsers",
          connect.listUsersPaginator(ListUsersRequest.builder().instanceId("i").build()))) {
        page.userSummaryList().forEach(u -> users.add(u.id()));
      }
    });

    assertEquals(List.of("u1"), users);
    assertTrue(e.getMessage().startsWith("time budget spent before Connect ListUsers"), e.getMessage());
    verify(connect, times(1)).listUsers(any(ListUsersRequest.class));
  }
}
