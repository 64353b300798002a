package io.github.bybitkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One page of a page-numbered list.
 *
 * @param currentPage number of this page as Bybit reported it, or null when it did not
 * @param lastPage number of the last page when Bybit reports it, else null
 * @param data the items of this page; never null (Bybit's null becomes an empty list)
 * @param <T> item type
 */
public record BybitPage<T>(Integer currentPage, Integer lastPage, List<T> data) {

  public BybitPage {
    data = data == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(data));
  }

  /** A page; a null {@code data} becomes empty. */
  public static <T> BybitPage<T> of(Integer currentPage, Integer lastPage, List<T> data) {
    return new BybitPage<>(currentPage, lastPage, data);
  }

  public boolean isEmpty() {
    return data.isEmpty();
  }
}
