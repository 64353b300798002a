package io.github.bybitkit.enums;

import java.util.Map;

/** Take-profit/stop-loss mode of a position ({@code tp_sl_mode}). */
public enum StopLossTakeProfitMode implements BybitEnum {
  /** One take-profit and one stop-loss covering the whole position. Wire value {@code Full}. */
  FULL("Full"),
  /** Several take-profit/stop-loss orders, each for part of the position. Wire value {@code Partial}. */
  PARTIAL("Partial"),
  /** A wire value this SDK does not know yet; {@link #wireValue()} is {@code null}. */
  UNKNOWN(null);

  private static final WireLookup<StopLossTakeProfitMode> LOOKUP =
      new WireLookup<>(values(), Map.of(), UNKNOWN);

  private final String wireValue;

  StopLossTakeProfitMode(String wireValue) {
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
  public static StopLossTakeProfitMode fromWire(String raw) {
    return LOOKUP.find(raw);
  }
}
