package io.github.bybitkit.enums;

import java.util.Map;

/** The price that triggers a take profit or stop loss ({@code tpTriggerBy}, {@code slTriggerBy}). */
public enum TriggerBy implements BybitEnum {
  /** Last traded price. Wire value {@code LastPrice}. */
  LAST_PRICE("LastPrice"),
  /** Index price. Wire value {@code IndexPrice}. */
  INDEX_PRICE("IndexPrice"),
  /** Mark price. Wire value {@code MarkPrice}. */
  MARK_PRICE("MarkPrice"),
  /** A wire value this SDK does not know yet; {@link #wireValue()} is {@code null}. */
  UNKNOWN(null);

  private static final WireLookup<TriggerBy> LOOKUP = new WireLookup<>(values(), Map.of(), UNKNOWN);

  private final String wireValue;

  TriggerBy(String wireValue) {
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
  public static TriggerBy fromWire(String raw) {
    return LOOKUP.find(raw);
  }
}
