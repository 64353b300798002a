package io.github.bybitkit.enums;

import java.util.Map;

/** Margin mode of a unified trading account ({@code marginMode}, {@code setMarginMode}); account-wide. */
public enum MarginMode implements BybitEnum {
  /** Isolated margin. Wire value {@code ISOLATED_MARGIN}. */
  ISOLATED_MARGIN("ISOLATED_MARGIN"),
  /** Cross margin (Bybit's default). Wire value {@code REGULAR_MARGIN}. */
  REGULAR_MARGIN("REGULAR_MARGIN"),
  /** Portfolio margin. Wire value {@code PORTFOLIO_MARGIN}. */
  PORTFOLIO_MARGIN("PORTFOLIO_MARGIN"),
  /** A wire value this SDK does not know yet; {@link #wireValue()} is {@code null}. */
  UNKNOWN(null);

  private static final WireLookup<MarginMode> LOOKUP = new WireLookup<>(values(), Map.of(), UNKNOWN);

  private final String wireValue;

  MarginMode(String wireValue) {
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
  public static MarginMode fromWire(String raw) {
    return LOOKUP.find(raw);
  }
}
