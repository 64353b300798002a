package io.github.bybitkit.enums;

import java.util.Map;

/**
 * Position index ({@code position_idx}), an integer on the wire: which side of which position mode a position or
 * order belongs to.
 */
public enum PositionMode implements BybitEnum {
  /** One-way mode: one position per symbol. Wire value {@code 0}. */
  ONE_WAY("0"),
  /** Buy side of hedge ("both side") mode. Wire value {@code 1}. */
  BOTH_SIDE_BUY("1"),
  /** Sell side of hedge ("both side") mode. Wire value {@code 2}. */
  BOTH_SIDE_SELL("2"),
  /** A wire value this SDK does not know yet; {@link #wireValue()} is {@code null}. */
  UNKNOWN(null);

  private static final WireLookup<PositionMode> LOOKUP =
      new WireLookup<>(values(), Map.of(), UNKNOWN);

  private final String wireValue;

  PositionMode(String wireValue) {
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
  public static PositionMode fromWire(String raw) {
    return LOOKUP.find(raw);
  }
}
