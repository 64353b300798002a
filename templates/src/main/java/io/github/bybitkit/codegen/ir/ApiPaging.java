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
}
