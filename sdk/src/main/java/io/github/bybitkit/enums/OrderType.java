package io.github.bybitkit.enums;

import java.util.Map;

/** Order type of a triggered take profit or stop loss ({@code tpOrderType}, {@code slOrderType}). */
public enum OrderType implements BybitEnum {
  /** A market order (Bybit's default, and the only one with TP/SL mode Full). Wire value {@code Market}. */
  MARKET("Market"),
  /** A limit order (TP/SL mode Partial only). Wire value {@code Limit}. */
  LIMIT("Limit"),
  /** A wire value this SDK does not know yet; {@link #wireValue()} is {@code null}. */
  UNKNOWN(null);

  private static final WireLookup<OrderType> LOOKUP = new WireLookup<>(values(), Map.of(), UNKNOWN);

  private final String wireValue;

  OrderType(String wireValue) {
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
  public static OrderType fromWire(String raw) {
    return LOOKUP.find(raw);
  }
}
