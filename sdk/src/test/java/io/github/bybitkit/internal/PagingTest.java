package io.github.bybitkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.BybitPage;
import io.github.bybitkit.BybitPages;
import io.github.bybitkit.BybitPages.Page;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The fetch loop and stop rules of {@link Paging}, with fetch functions that record what they were asked for. */
class PagingTest {
  private final List<Object> requested = new ArrayList<>();

  /** Page-number fetches: answers page n with the n-th of {@code pages}, recording the number asked for. */
  @SafeVarargs
  private Function<Integer, BybitPage<String>> numbered(BybitPage<String>... pages) {
    return number -> {
      requested.add(number);
      return pages[requested.size() - 1];
    };
  }

  private static BybitPage<String> page(Integer current, Integer last, String... items) {
    return BybitPage.of(current, last, List.of(items));
  }

  /** Cursor fetches over items whose id is their text as a number. */
  @SafeVarargs
  private Function<Long, List<String>> fromCursor(List<String>... pages) {
    return cursor -> {
      requested.add(cursor);
      return pages[requested.size() - 1];
    };
  }

  private static Long idOf(String item) {
    return item.isEmpty() ? null : Long.valueOf(item);
  }

  @Test
  void lastPageIsComparedWithThePageBybitSaysItAnswered() {
    BybitPages<String> pages = Paging.byPageNumber(null, null, null,
        numbered(page(1, 3, "a"), page(3, 3, "b")));

    assertEquals(List.of("a", "b"), pages.stream().toList());
    assertEquals(Arrays.asList(null, 2), requested, "first the caller's request as it is, then page 2");
  }

  @Test
  void withoutCurrentPageTheRequestedNumberIsComparedWithLastPage() {
    BybitPages<String> pages = Paging.byPageNumber(4, null, null, numbered(page(null, 5, "a"), page(null, 5, "b")));

    assertEquals(List.of("a", "b"), pages.stream().toList());
    assertEquals(List.of(4, 5), requested);
  }

  @Test
  void closingTheStreamStopsFetching() {
    BybitPages<String> pages = Paging.byPageNumber(null, 1, null, numbered(page(1, null, "a"), page(2, null, "b")));
    Stream<String> stream = pages.stream();
    Iterator<String> items = stream.iterator();

    assertEquals("a", items.next());
    stream.close();

    assertFalse(items.hasNext());
    assertEquals(1, requested.size());
  }

  @Test
  void closingThePageStreamStopsFetching() {
    BybitPages<String> pages = Paging.byPageNumber(null, 1, null, numbered(page(1, null, "a"), page(2, null, "b")));
    Stream<Page<String>> stream = pages.pages();
    Iterator<Page<String>> iterator = stream.iterator();

    iterator.next();
    stream.close();

    assertFalse(iterator.hasNext());
    assertThrows(NoSuchElementException.class, iterator::next);
    assertEquals(1, requested.size());
  }

  @Test
  void maxPagesBelowOneIsRefused() {
    BybitPages<String> pages = Paging.byPageNumber(null, null, null, numbered());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> pages.maxPages(0));
    assertTrue(e.getMessage().contains("maxPages"), e.getMessage());
  }

  @Test
  void aCursorItemWithoutIdEndsThePaging() {
    BybitPages<String> pages = Paging.byCursor(null, 2, PagingTest::idOf, fromCursor(List.of("9", "")));

    List<Page<String>> fetched = pages.pages().toList();

    assertEquals(1, fetched.size());
    assertFalse(fetched.get(0).mayHaveMore(), "no id, no next cursor");
  }

  @Test
  void aNullCursorPageIsEmpty() {
    BybitPages<String> pages = Paging.byCursor(7L, 2, PagingTest::idOf, fromCursor((List<String>) null));

    assertEquals(List.of(), pages.stream().toList());
    assertEquals(List.of(7L), requested);
  }

  @Test
  void aCursorThatWouldGoBackToAnEarlierItemEndsThePaging() {
    BybitPages<String> pages = Paging.byCursor(null, 2, PagingTest::idOf,
        fromCursor(List.of("9", "8"), List.of("7", "9")));

    assertEquals(List.of("9", "8", "7"), pages.stream().toList());
    assertEquals(Arrays.asList(null, 8L), requested, "9 was returned already: no request from it");
  }

  @Test
  void theFirstCursorPageIsTheCallersAsItIsEvenWhenItHoldsTheFromItem() {
    BybitPages<String> pages = Paging.byCursor(9L, 2, PagingTest::idOf, fromCursor(List.of("9", "8"), List.of()));

    assertEquals(List.of("9", "8"), pages.stream().toList());
    assertEquals(List.of(9L, 8L), requested);
  }

  // ------------------------------------------------------------------ v5 next-page cursor and time windows

  /** A v5 page: items and the next cursor (null: absent). */
  private record CursorPage(List<String> items, String next) {}

  /** What one windowed fetch was asked for. */
  private record Fetch(long start, long end, String cursor) {}

  private final List<Fetch> fetches = new ArrayList<>();

  private Paging.WindowFetch<CursorPage> windowed(CursorPage... pages) {
    return (start, end, cursor) -> {
      fetches.add(new Fetch(start, end, cursor));
      return pages[fetches.size() - 1];
    };
  }

  private static CursorPage v5Page(String next, String... items) {
    return new CursorPage(List.of(items), next);
  }

  @Test
  void theCallersCursorGoesWithTheNewestWindowOnlyAndEachWindowStartsWithoutOne() {
    BybitPages<String> pages = Paging.byTimeWindows("op", "startTime", 0L, "endTime", 25L, 10, "given%3A1",
        windowed(v5Page("n%3A2", "a"), v5Page("", "b"), v5Page(" ", "c"), v5Page(null, "d")),
        CursorPage::items, CursorPage::next);

    assertEquals(List.of("a", "b", "c", "d"), pages.stream().toList());
    assertEquals(List.of(new Fetch(15, 25, "given%3A1"), new Fetch(15, 25, "n%3A2"), new Fetch(4, 14, null),
        new Fetch(0, 3, null)), fetches, "a blank cursor ends a window like an empty one");
  }

  @Test
  void aRangeOfOneMillisecondIsOneWindow() {
    BybitPages<String> pages = Paging.byTimeWindows("op", "startTime", 5L, "endTime", 5L, 10, null,
        windowed(v5Page("", "a")), CursorPage::items, CursorPage::next);

    assertEquals(List.of("a"), pages.stream().toList());
    assertEquals(List.of(new Fetch(5, 5, null)), fetches);
  }

  @Test
  void aFailedPageIsAskedForAgainWithTheSameWindowAndCursor() {
    List<Fetch> asked = new ArrayList<>();
    boolean[] failOnce = {true};
    BybitPages<String> pages = Paging.byTimeWindows("op", "startTime", 0L, "endTime", 15L, 10, null,
        (start, end, cursor) -> {
          asked.add(new Fetch(start, end, cursor));
          if (cursor != null && failOnce[0]) {
            failOnce[0] = false;
            throw new IllegalStateException("network down");
          }
          return cursor == null && end == 15 ? v5Page("c1", "a") : v5Page("", "b");
        }, CursorPage::items, CursorPage::next);
    Iterator<String> items = pages.iterator();

    assertEquals("a", items.next());
    assertThrows(IllegalStateException.class, items::hasNext);
    assertTrue(items.hasNext());
    assertEquals("b", items.next());
    assertTrue(items.hasNext(), "the older window answers too");
    assertEquals(new Fetch(5, 15, "c1"), asked.get(1));
    assertEquals(new Fetch(5, 15, "c1"), asked.get(2), "the retry repeats the failed request");
    assertEquals(new Fetch(0, 4, null), asked.get(3));
  }

  @Test
  void nullResultsAndNullListsCountAsEmptyLastPages() {
    BybitPages<String> pages = Paging.byNextPageCursor(null, cursor -> (CursorPage) null, CursorPage::items,
        CursorPage::next);
    assertEquals(List.of(), pages.stream().toList());
    BybitPages<String> noList = Paging.byNextPageCursor(null, cursor -> new CursorPage(null, ""), CursorPage::items,
        CursorPage::next);
    assertEquals(List.of(), noList.stream().toList());
  }

  @Test
  void badRangesAreRefusedWhenThePagesAreCreated() {
    Paging.WindowFetch<CursorPage> neverCalled = (start, end, cursor) -> {
      throw new AssertionError("nothing may be fetched");
    };
    IllegalArgumentException reversed = assertThrows(IllegalArgumentException.class, () -> Paging.byTimeWindows("op",
        "startTime", 11L, "endTime", 10L, 5, null, neverCalled, CursorPage::items, CursorPage::next));
    assertEquals("op: startTime (11) is after endTime (10)", reversed.getMessage());
    IllegalArgumentException noEnd = assertThrows(IllegalArgumentException.class, () -> Paging.byTimeWindows("op",
        "startTime", 1L, "endTime", null, 5, null, neverCalled, CursorPage::items, CursorPage::next));
    assertTrue(noEnd.getMessage().contains("missing: endTime"), noEnd.getMessage());
  }
}
