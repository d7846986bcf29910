package com.connectopsreview.shared.analyzer;

import com.connectopsreview.shared.time.TimeBudget;
import java.util.Iterator;
import java.util.Objects;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;

/**
 * Every page of one of the SDK's generated paginators ({@code connect.listUsersPaginator(request)}),
 * with the time budget checked before each page is fetched. The paginator follows NextToken (an
 * empty token ends it too), so no analyzer writes its own token loop.
 *
 * <p>Iterating throws {@link TimeBudget.BudgetExceededException} when no time is left for the next
 * page, and whatever the call throws; pages consumed before that are the caller's to keep.
 */
public final class Pages {

  private Pages() {}

  /**
   * @param operation the call as messages name it, e.g. {@code "Connect ListUsers"}
   * @param paginator the SDK paginator; nothing is fetched until the result is iterated
   */
  public static <P> Iterable<P> of(TimeBudget budget, String operation, SdkIterable<P> paginator) {
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(paginator, "paginator (a mocked client needs SdkMocks.client)");
    return () -> new Iterator<>() {
      private final Iterator<P> pages = paginator.iterator();

      @Override
      public boolean hasNext() {
        return pages.hasNext();
      }

      @Override
      public P next() {
        // The SDK fetches a page in next(); hasNext() only looks at the last page's token.
        budget.check(operation);
        return pages.next();
      }
    };
  }
}
