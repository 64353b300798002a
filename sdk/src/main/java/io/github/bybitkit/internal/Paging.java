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
