package io.github.bybitkit.codegen.ir;

/**
 * How a paged operation moves from page to page (from {@code paging} in generator-config, checked against the spec).
 * {@code limit} is the page-size parameter or null; {@code defaultLimit} its spec {@code default} (the page size
 * Bybit uses when none is sent) or null.
 */
public sealed interface ApiPaging {
  ApiParameter limit();

  Integer defaultLimit();

  /**
   * Numbered pages. {@code page}'s spec maximum, if any, is the highest page the operation accepts. The result is a
   * model whose {@code items} list holds the page's items, with {@code current_page} and {@code last_page} when the
   * spec has them (else null).
   */
  record PageNumber(ApiParameter page, ApiParameter limit, Integer defaultLimit, ApiProperty items,
      ApiProperty currentPage, ApiProperty lastPage) implements ApiPaging {}

  /**
   * A start-id cursor: the result is a list of {@code item}s, and the {@code itemId} of the last one is the
   * {@code cursor} of the next request, sent with the same {@code direction} (null when the operation has none).
   */
  record Cursor(ApiParameter cursor, ApiParameter direction, ApiParameter limit, Integer defaultLimit,
      ApiType item, ApiProperty itemId) implements ApiPaging {}

  /**
   * Bybit's v5 cursor: the result model's {@code items} list holds the page's items and its {@code next} text is the
   * {@code cursor} of the next request, sent exactly as received; empty or absent ends the paging. No page size
   * enters the stop rules, so {@code limit()} and {@code defaultLimit()} are null. With a {@code window}, each query
   * covers one time window of a longer range, newest first, and the cursor is followed inside each window.
   */
  record NextPageCursor(ApiParameter cursor, ApiType item, ApiProperty items, ApiProperty next, Window window)
      implements ApiPaging {
    @Override
    public ApiParameter limit() {
      return null;
    }

    @Override
    public Integer defaultLimit() {
      return null;
    }
  }

  /**
   * The time-range parameters of a windowed query and the longest span Bybit accepts for {@code end - start},
   * in milliseconds (already one less where Bybit's cap is strict).
   */
  record Window(ApiParameter start, ApiParameter end, long maxSpanMillis, String capText) {}
}
