package io.github.bybitkit.enums;

import java.util.Map;

/**
 * v5 position index ({@code positionIdx}), an integer on the wire: which side of which position mode a position
 * belongs to. Inverse positions of a UTA 2.0 account are one-way only ({@link #ONE_WAY}).
 */
public enum PositionIdx implements BybitEnum {
  /** One-way mode: one position per symbol. Wire value {@code 0}. */
  ONE_WAY("0"),
  /** Buy side of hedge mode. Wire value {@code 1}. */
  HEDGE_BUY("1"),
  /** Sell side of hedge mode. Wire value {@code 2}. */
  HEDGE_SELL("2"),
  /** A wire value this SDK does not know yet; {@link #wireValue()} is {@code null}. */
  UNKNOWN(null);

  private static final WireLookup<PositionIdx> LOOKUP =
      new WireLookup<>(values(), Map.of(), UNKNOWN);

  private final String wireValue;

  PositionIdx(String wireValue) {
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
  public static PositionIdx fromWire(String raw) {
    return LOOKUP.find(raw);
  }
}
