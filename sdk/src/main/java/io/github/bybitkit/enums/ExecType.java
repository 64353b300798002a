package io.github.bybitkit.enums;

import java.util.Map;

/**
 * v5 execution type ({@code execType}). Bybit adds values over time; an unlisted one decodes to {@link #UNKNOWN}.
 */
public enum ExecType implements BybitEnum {
  /** A trade. Wire value {@code Trade}. */
  TRADE("Trade"),
  /** Auto-deleveraging. Wire value {@code AdlTrade}. */
  ADL_TRADE("AdlTrade"),
  /** A funding fee settlement. Wire value {@code Funding}. */
  FUNDING("Funding"),
  /** Takeover liquidation. Wire value {@code BustTrade}. */
  BUST_TRADE("BustTrade"),
  /** Futures delivery, or a position closed by delisting. Wire value {@code Delivery}. */
  DELIVERY("Delivery"),
  /** Inverse futures settlement. Wire value {@code Settle}. */
  SETTLE("Settle"),
  /** A block trade. Wire value {@code BlockTrade}. */
  BLOCK_TRADE("BlockTrade"),
  /** A position moved between accounts. Wire value {@code MovePosition}. */
  MOVE_POSITION("MovePosition"),
  /** A futures-spread trade. Wire value {@code FutureSpread}. */
  FUTURE_SPREAD("FutureSpread"),
  /** A corporate action (added 2026-07-23). Wire value {@code CorporateAction}. */
  CORPORATE_ACTION("CorporateAction"),
  /** Session settlement PnL (closed PnL only). Wire value {@code SessionSettlePnL}. */
  SESSION_SETTLE_PNL("SessionSettlePnL"),
  /**
   * Bybit's own {@code UNKNOWN} (classic accounts, responses only), not this SDK's {@link #UNKNOWN}. Wire value
   * {@code UNKNOWN}.
   */
  BYBIT_UNKNOWN("UNKNOWN"),
  /** A wire value this SDK does not know yet; {@link #wireValue()} is {@code null}. */
  UNKNOWN(null);

  private static final WireLookup<ExecType> LOOKUP = new WireLookup<>(values(), Map.of(), UNKNOWN);

  private final String wireValue;

  ExecType(String wireValue) {
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
  public static ExecType fromWire(String raw) {
    return LOOKUP.find(raw);
  }
}
