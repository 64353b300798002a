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
}
