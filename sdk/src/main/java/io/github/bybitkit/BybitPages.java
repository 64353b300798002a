package io.github.bybitkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * All items of a paged operation, fetched page by page only as they are consumed. Get one from a client's
 * {@code ...Pages} method, e.g. {@code getProfitAndLossHistoryPages(request)}.
 *
 * <p>Lazy: creating it, and creating a stream or iterator of it, sends nothing. The first request is sent when the
 * first item (or page) is asked for, each further one only when the items of the previous page are used up.
 *
 * <p>Every traversal ({@link #iterator()}, {@link #stream()}, {@link #pageIterator()}, {@link #pages()}) starts
 * again from the caller's request and fetches anew; the object itself is immutable and thread-safe, its iterators
 * and streams are not. The first request is the caller's request as it is; the following ones change only the page
 * number or the cursor. The v5 history operations paged by time windows (e.g. {@code getClosedPnlPages}) are the
 * exception: every request carries its window's start and end time, newest window first. Fetching stops when a page
 * shows it is the last (how depends on the operation; its {@code ...Pages} method says) or after {@link #maxPages()}
 * requests, {@value #DEFAULT_MAX_PAGES} unless set with {@link #maxPages(int)}. Stopping at that bound is not an
 * error: to know whether more pages may exist, look at
 * {@link Page#mayHaveMore()} of the last page.
 *
 * <p>Failures are the operation's own exceptions ({@link BybitApiException}, {@link BybitException}), thrown, not
 * wrapped, from the {@code hasNext()}, {@code next()} or stream operation that needed the page. The items already
 * returned stay valid; asking again retries the failed page.
 *
 * @param <T> item type
 */
public interface BybitPages<T> extends Iterable<T> {

  /** Requests per traversal unless {@link #maxPages(int)} says otherwise. */
  int DEFAULT_MAX_PAGES = 100;

  /**
   * The same pages, bounded to at most {@code maxPages} requests per traversal.
   *
   * @param maxPages at least 1
   * @return a new {@code BybitPages}; this one is unchanged
   * @throws IllegalArgumentException when {@code maxPages} is less than 1
   */
  BybitPages<T> maxPages(int maxPages);

  /** @return the most requests one traversal sends */
  int maxPages();

  /** @return the items of every page in order; fetches a page when {@code hasNext()} needs it */
  @Override
  Iterator<T> iterator();

  /**
   * @return the items of every page in order, sequential; closing it stops further fetching (there is nothing else
   *     to release, so it need not be closed)
   */
  Stream<T> stream();

  /**
   * @return one {@link Page} per request, in order, empty pages included; {@code hasNext()} never sends a request,
   *     {@code next()} sends exactly one
   */
  Iterator<Page<T>> pageIterator();

  /** @return {@link #pageIterator()} as a sequential stream; closing it stops further fetching */
  Stream<Page<T>> pages();

  /**
   * One fetched page.
   *
   * @param index 1 for the first page this traversal fetched, 2 for the next, ... (not Bybit's page number)
   * @param items the page's items, unmodifiable; with a cursor, an item an earlier page returned is left out
   * @param mayHaveMore false when this page showed it is the last one; true otherwise, so on the last page of a
   *     traversal it means fetching stopped at {@link #maxPages()} and more items may exist
   * @param <T> item type
   */
  record Page<T>(int index, List<T> items, boolean mayHaveMore) {
    public Page {
      items = Collections.unmodifiableList(new ArrayList<>(items));
    }
  }
}
