package io.github.bybitkit.internal;

import io.github.bybitkit.BybitPage;
import io.github.bybitkit.BybitPages;
import io.github.bybitkit.BybitPages.Page;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The page-fetch loop and the stop rules behind {@link BybitPages}, for generated clients. A generated
 * {@code ...Pages} method only says how to fetch one page (through the same call and transport as the plain method)
 * and hands over the facts of the operation; everything else is here.
 */
public final class Paging {
  private Paging() {}

  /**
   * Numbered pages: the caller's page (the first when null), then the next number, and so on. Stops after a page
   * that is empty, or at or past {@code last_page} when Bybit sends it, or shorter than {@code pageSize}, or numbered
   * {@code highestPage}.
   *
   * @param firstPage the page number of the caller's request; null when it has none (Bybit then sends page 1)
   * @param pageSize the page size the requests ask for (the caller's, else Bybit's documented default); null when
   *     not known, so that a short page does not end the paging
   * @param highestPage the highest page number the operation accepts; null when there is none
   * @param fetchPage fetches the page with the given number; null asks for the caller's request unchanged
   */
  public static <T> BybitPages<T> byPageNumber(Integer firstPage, Integer pageSize, Integer highestPage,
      Function<Integer, BybitPage<T>> fetchPage) {
    return new LazyPages<>(() -> new PageNumberWalk<>(firstPage, pageSize, highestPage, fetchPage),
        BybitPages.DEFAULT_MAX_PAGES);
  }

  /**
   * A start-id cursor: the caller's {@code from}, then the id of the last item of each page, in the caller's
   * direction. Stops after a page that is empty, or shorter than {@code pageSize}, or whose last id is missing, equals
   * the cursor it was fetched with or was returned before (the cursor would not move on). On every page after the
   * first, an item whose id an earlier page returned is left out: Bybit's {@code from} may be inclusive.
   *
   * @param from the cursor of the caller's request; null when it has none
   * @param pageSize as for {@link #byPageNumber}
   * @param idOf the id of an item, the cursor of the page after it
   * @param fetchPage fetches the page from the given cursor; the first call gets {@code from} unchanged
   */
  public static <T, K> BybitPages<T> byCursor(K from, Integer pageSize, Function<? super T, ? extends K> idOf,
      Function<K, List<T>> fetchPage) {
    return new LazyPages<>(() -> new CursorWalk<>(from, pageSize, idOf, fetchPage), BybitPages.DEFAULT_MAX_PAGES);
  }

  /**
   * Bybit's v5 cursor: the caller's {@code cursor}, then each page's {@code nextPageCursor}, sent exactly as received.
   * Stops after a page whose next cursor is empty, blank or absent (Bybit's end), or repeats a cursor already sent
   * (it would not move on). Item counts play no part: Bybit marks the last page by its cursor.
   *
   * @param cursor the cursor of the caller's request; null when it has none
   * @param fetchPage fetches the page at the given cursor (null: none sent); the first call gets {@code cursor}
   * @param itemsOf the items of a result (a null result or list counts as no items)
   * @param nextCursorOf the next page's cursor in a result
   */
  public static <R, T> BybitPages<T> byNextPageCursor(String cursor, Function<String, R> fetchPage,
      Function<? super R, List<T>> itemsOf, Function<? super R, String> nextCursorOf) {
    return new LazyPages<>(() -> new NextPageCursorWalk<>(null, 0, 0, cursor,
        (start, end, c) -> fetchPage.apply(c), itemsOf, nextCursorOf), BybitPages.DEFAULT_MAX_PAGES);
  }

  /**
   * Bybit's v5 cursor inside time windows, for history queries that Bybit caps to a time span: the range
   * [{@code startTime}, {@code endTime}] (epoch ms, both ends included) is cut into windows of at most
   * {@code maxSpanMillis} between their start and end, newest first; each window ends 1 ms before the newer one
   * starts, so no instant is asked for twice or skipped as long as Bybit includes both ends (INFERRED; its docs do
   * not say). Inside a window the cursor is followed as in
   * {@link #byNextPageCursor}; the caller's {@code cursor} goes with the first request of the newest window only.
   * The range is checked here, when the pages are created, so a bad one is refused before anything is sent.
   *
   * @param operation the operation id, for messages
   * @param startName the start parameter's wire name, for messages
   * @param endName the end parameter's wire name, for messages
   * @param maxSpanMillis the longest {@code endTime - startTime} Bybit accepts in one query
   * @param fetchPage fetches one page of one window
   * @throws IllegalArgumentException when either end is missing, or the start is after the end
   */
  public static <R, T> BybitPages<T> byTimeWindows(String operation, String startName, Long startTime,
      String endName, Long endTime, long maxSpanMillis, String cursor, WindowFetch<R> fetchPage,
      Function<? super R, List<T>> itemsOf, Function<? super R, String> nextCursorOf) {
    if (startTime == null || endTime == null) {
      // Bybit would pick a window of its own for a missing end, so the walk would not cover what was asked for.
      throw new IllegalArgumentException(operation + ": paging by time windows needs both " + startName + " and "
          + endName + " (epoch ms); missing: " + (startTime == null ? startName : endName));
    }
    if (startTime > endTime) {
      throw new IllegalArgumentException(operation + ": " + startName + " (" + startTime + ") is after " + endName
          + " (" + endTime + ")");
    }
    if (maxSpanMillis < 0) {
      throw new IllegalArgumentException(operation + ": the window span must not be negative, was " + maxSpanMillis);
    }
    long start = startTime;
    long end = endTime;
    return new LazyPages<>(() -> new NextPageCursorWalk<>(new TimeWindow(Math.max(start, end - maxSpanMillis), end),
        start, maxSpanMillis, cursor, fetchPage, itemsOf, nextCursorOf), BybitPages.DEFAULT_MAX_PAGES);
  }

  /** Fetches one page of a time window: the request with these times and cursor (null: none sent). */
  @FunctionalInterface
  public interface WindowFetch<R> {
    R fetch(long startTime, long endTime, String cursor);
  }

  /** One traversal's requests, in order. */
  private interface Walk<T> {
    /** Sends the next request; on failure throws and keeps its state, so calling again retries the same page. */
    Step<T> next();
  }

  /** The items of one page and whether the stop rules allow another page after it. */
  private record Step<T>(List<T> items, boolean more) {}

  private static final class PageNumberWalk<T> implements Walk<T> {
    private final Integer pageSize;
    private final Integer highestPage;
    private final Function<Integer, BybitPage<T>> fetchPage;
    private Integer nextRequest;
    private int nextNumber;

    PageNumberWalk(Integer firstPage, Integer pageSize, Integer highestPage,
        Function<Integer, BybitPage<T>> fetchPage) {
      this.pageSize = pageSize;
      this.highestPage = highestPage;
      this.fetchPage = fetchPage;
      this.nextRequest = firstPage;
      this.nextNumber = firstPage == null ? 1 : firstPage;
    }

    @Override
    public Step<T> next() {
      BybitPage<T> page = fetchPage.apply(nextRequest);
      int number = nextNumber;
      List<T> items = page == null ? List.of() : page.data();
      Integer lastPage = page == null ? null : page.lastPage();
      int answered = page != null && page.currentPage() != null ? page.currentPage() : number;
      boolean more = !items.isEmpty()
          && (lastPage == null || answered < lastPage)
          && (pageSize == null || items.size() >= pageSize)
          && (highestPage == null || number < highestPage);
      nextNumber = number + 1;
      nextRequest = nextNumber;
      return new Step<>(items, more);
    }
  }

  private static final class CursorWalk<T, K> implements Walk<T> {
    private final Integer pageSize;
    private final Function<? super T, ? extends K> idOf;
    private final Function<K, List<T>> fetchPage;
    /** Ids of the items of earlier pages: at most maxPages times the page size. */
    private final Set<K> returnedIds = new HashSet<>();
    private K cursor;
    private boolean first = true;

    CursorWalk(K from, Integer pageSize, Function<? super T, ? extends K> idOf, Function<K, List<T>> fetchPage) {
      this.pageSize = pageSize;
      this.idOf = idOf;
      this.fetchPage = fetchPage;
      this.cursor = from;
    }

    @Override
    public Step<T> next() {
      List<T> fetched = fetchPage.apply(cursor);
      List<T> page = fetched == null ? List.of() : fetched;
      // The first page is the caller's request as it is; later ones may repeat what was returned already.
      List<T> items = first ? page : page.stream().filter(item -> !returnedIds.contains(idOf.apply(item))).toList();
      K lastId = page.isEmpty() ? null : idOf.apply(page.get(page.size() - 1));
      boolean more = !page.isEmpty()
          && (pageSize == null || page.size() >= pageSize)
          && lastId != null
          && !lastId.equals(cursor)
          && !returnedIds.contains(lastId);
      for (T item : page) {
        K id = idOf.apply(item);
        if (id != null) {
          returnedIds.add(id);
        }
      }
      first = false;
      cursor = lastId;
      return new Step<>(items, more);
    }
  }

  /** The times one query asks for, epoch ms, both included. */
  private record TimeWindow(long start, long end) {}

  /** The cursor walk of one query, or of one query per time window (newest window first). */
  private static final class NextPageCursorWalk<R, T> implements Walk<T> {
    private final long rangeStart;
    private final long maxSpanMillis;
    private final WindowFetch<R> fetchPage;
    private final Function<? super R, List<T>> itemsOf;
    private final Function<? super R, String> nextCursorOf;
    /** Cursors sent in the current window, to stop when Bybit hands one out again. */
    private final Set<String> sentCursors = new HashSet<>();
    /** The window of the next request; null when the operation is not paged by time. */
    private TimeWindow window;
    private String cursor;

    NextPageCursorWalk(TimeWindow window, long rangeStart, long maxSpanMillis, String cursor, WindowFetch<R> fetchPage,
        Function<? super R, List<T>> itemsOf, Function<? super R, String> nextCursorOf) {
      this.window = window;
      this.rangeStart = rangeStart;
      this.maxSpanMillis = maxSpanMillis;
      this.cursor = cursor;
      this.fetchPage = fetchPage;
      this.itemsOf = itemsOf;
      this.nextCursorOf = nextCursorOf;
    }

    @Override
    public Step<T> next() {
      R result = window == null ? fetchPage.fetch(0, 0, cursor)
          : fetchPage.fetch(window.start(), window.end(), cursor);
      List<T> fetched = result == null ? null : itemsOf.apply(result);
      List<T> items = fetched == null ? List.of() : fetched;
      String next = result == null ? null : nextCursorOf.apply(result);
      if (cursor != null) {
        sentCursors.add(cursor);
      }
      if (next != null && !next.isBlank() && !sentCursors.contains(next)) {
        cursor = next;
        return new Step<>(items, true);
      }
      if (window != null && window.start() > rangeStart) {
        long end = window.start() - 1;
        window = new TimeWindow(Math.max(rangeStart, end - maxSpanMillis), end);
        cursor = null;
        sentCursors.clear();
        return new Step<>(items, true);
      }
      return new Step<>(items, false);
    }
  }

  private static final class LazyPages<T> implements BybitPages<T> {
    private final Supplier<Walk<T>> walks;
    private final int maxPages;

    LazyPages(Supplier<Walk<T>> walks, int maxPages) {
      this.walks = walks;
      this.maxPages = maxPages;
    }

    @Override
    public BybitPages<T> maxPages(int maxPages) {
      if (maxPages < 1) {
        throw new IllegalArgumentException("maxPages must be at least 1, was " + maxPages);
      }
      return new LazyPages<>(walks, maxPages);
    }

    @Override
    public int maxPages() {
      return maxPages;
    }

    @Override
    public Iterator<T> iterator() {
      return new ItemIterator<>(new PageIterator<>(walks.get(), maxPages));
    }

    @Override
    public Stream<T> stream() {
      ItemIterator<T> items = new ItemIterator<>(new PageIterator<>(walks.get(), maxPages));
      return stream(items).onClose(items::stop);
    }

    @Override
    public Iterator<Page<T>> pageIterator() {
      return new PageIterator<>(walks.get(), maxPages);
    }

    @Override
    public Stream<Page<T>> pages() {
      PageIterator<T> pages = new PageIterator<>(walks.get(), maxPages);
      return stream(pages).onClose(pages::stop);
    }

    private static <E> Stream<E> stream(Iterator<E> iterator) {
      return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator, Spliterator.ORDERED), false);
    }
  }

  private static final class PageIterator<T> implements Iterator<Page<T>> {
    private final Walk<T> walk;
    private final int maxPages;
    private int fetched;
    private boolean ended;

    PageIterator(Walk<T> walk, int maxPages) {
      this.walk = walk;
      this.maxPages = maxPages;
    }

    @Override
    public boolean hasNext() {
      return !ended && fetched < maxPages;
    }

    @Override
    public Page<T> next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more pages");
      }
      Step<T> step = walk.next();
      fetched++;
      ended = !step.more();
      return new Page<>(fetched, step.items(), step.more());
    }

    void stop() {
      ended = true;
    }
  }

  private static final class ItemIterator<T> implements Iterator<T> {
    private final PageIterator<T> pages;
    private Iterator<T> current = Collections.emptyIterator();

    ItemIterator(PageIterator<T> pages) {
      this.pages = pages;
    }

    @Override
    public boolean hasNext() {
      while (!current.hasNext()) {
        if (!pages.hasNext()) {
          return false;
        }
        current = pages.next().items().iterator();
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException("no more items");
      }
      return current.next();
    }

    void stop() {
      pages.stop();
      current = Collections.emptyIterator();
    }
  }
}
