package io.github.bybitkit.enums;

import java.util.Map;

/** v5 take-profit/stop-loss mode ({@code tpSlMode}, {@code tpslMode}). */
public enum TpSlMode implements BybitEnum {
  /** One take-profit and one stop-loss for the whole position. Wire value {@code Full}. */
  FULL("Full"),
  /** Several take-profit/stop-loss orders, each for part of the position. Wire value {@code Partial}. */
  PARTIAL("Partial"),
  /** A wire value this SDK does not know yet; {@link #wireValue()} is {@code null}. */
  UNKNOWN(null);

  private static final WireLookup<TpSlMode> LOOKUP = new WireLookup<>(values(), Map.of(), UNKNOWN);

  private final String wireValue;

  TpSlMode(String wireValue) {
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
  public static TpSlMode fromWire(String raw) {
    return LOOKUP.find(raw);
  }
}
