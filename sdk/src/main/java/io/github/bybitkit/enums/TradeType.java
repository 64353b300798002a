package io.github.bybitkit.enums;

import java.util.Map;

/** Execution type ({@code exec_type}) of a closed profit-and-loss record. */
public enum TradeType implements BybitEnum {
  /** Ordinary trade. Wire value {@code Trade}. */
  TRADE("Trade"),
  /** Auto-deleveraging trade. Wire value {@code AdlTrade}. */
  ADL_TRADE("AdlTrade"),
  /** Funding fee; not allowed as a closed-P&amp;L filter. Wire value {@code Funding}. */
  FUNDING("Funding"),
  /** Liquidation (bust) trade. Wire value {@code BustTrade}. */
  BUST_TRADE("BustTrade"),
  /** Settlement. Wire value {@code Settle}. */
  SETTLE("Settle"),
  /** A wire value this SDK does not know yet; {@link #wireValue()} is {@code null}. */
  UNKNOWN(null);

  private static final WireLookup<TradeType> LOOKUP =
      new WireLookup<>(values(), Map.of(), UNKNOWN);

  private final String wireValue;

  TradeType(String wireValue) {
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
  public static TradeType fromWire(String raw) {
    return LOOKUP.find(raw);
  }
}
