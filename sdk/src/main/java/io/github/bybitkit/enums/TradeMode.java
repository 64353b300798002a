package io.github.bybitkit.enums;

import java.util.Map;

/**
 * Per-symbol margin mode of the abandoned v5 cross/isolated switch ({@code tradeMode}), an integer on the wire.
 * Today's margin mode is account-wide: see {@link MarginMode}.
 */
public enum TradeMode implements BybitEnum {
  /** Cross margin. Wire value {@code 0}. */
  CROSS_MARGIN("0"),
  /** Isolated margin. Wire value {@code 1}. */
  ISOLATED_MARGIN("1"),
  /** A wire value this SDK does not know yet; {@link #wireValue()} is {@code null}. */
  UNKNOWN(null);

  private static final WireLookup<TradeMode> LOOKUP = new WireLookup<>(values(), Map.of(), UNKNOWN);

  private final String wireValue;

  TradeMode(String wireValue) {
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
  public static TradeMode fromWire(String raw) {
    return LOOKUP.find(raw);
  }
}
