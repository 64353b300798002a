package io.github.bybitkit.enums;

import java.util.Map;

/**
 * Cursor direction of asset exchange records ({@code direction}) from the start id. The docs capitalise the
 * values; Bybit.Net sends them in lower case, which the case-insensitive match accepts.
 */
public enum SearchDirection implements BybitEnum {
  /** Ascending from the start id. Wire value {@code Prev}. */
  PREV("Prev"),
  /** Descending from the start id; the default. Wire value {@code Next}. */
  NEXT("Next"),
  /** A wire value this SDK does not know yet; {@link #wireValue()} is {@code null}. */
  UNKNOWN(null);

  private static final WireLookup<SearchDirection> LOOKUP =
      new WireLookup<>(values(), Map.of(), UNKNOWN);

  private final String wireValue;

  SearchDirection(String wireValue) {
    this.wireValue = wireValue;
  }

  @Override
  public String wireValue() {
    return wireValue;
  }

  /**
   * The constant for a wire value: exact match first, then a case-insensitive match.
   *
   * @return {@code null} for {@code null}, {@link #UNKNOWN} for any other unrecognised text (never throws)
   */
  public static SearchDirection fromWire(String raw) {
    return LOOKUP.find(raw);
  }
}
