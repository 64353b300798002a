package io.github.bybitkit.enums;

import java.util.Map;

/**
 * Execution types the closed profit-and-loss query filters by ({@code exec_type}). Bybit refuses {@code Funding}
 * as this filter, so unlike {@link TradeType} this enum has no constant for it.
 */
public enum ClosedPnlExecType implements BybitEnum {
  /** Ordinary trade. Wire value {@code Trade}. */
  TRADE("Trade"),
  /** Auto-deleveraging trade. Wire value {@code AdlTrade}. */
  ADL_TRADE("AdlTrade"),
  /** Liquidation (bust) trade. Wire value {@code BustTrade}. */
  BUST_TRADE("BustTrade"),
  /** Settlement. Wire value {@code Settle}. */
  SETTLE("Settle"),
  /** A wire value this SDK does not know yet; {@link #wireValue()} is {@code null}. */
  UNKNOWN(null);

  private static final WireLookup<ClosedPnlExecType> LOOKUP = new WireLookup<>(values(), Map.of(), UNKNOWN);

  private final String wireValue;

  ClosedPnlExecType(String wireValue) {
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
  public static ClosedPnlExecType fromWire(String raw) {
    return LOOKUP.find(raw);
  }
}
