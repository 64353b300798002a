package io.github.bybitkit.enums;

import java.util.Map;

/** Product type of a v5 request or result ({@code category}). */
public enum Category implements BybitEnum {
  /** Spot trading. Wire value {@code spot}. */
  SPOT("spot"),
  /** USDT and USDC perpetuals and futures. Wire value {@code linear}. */
  LINEAR("linear"),
  /** Inverse perpetuals and futures, margined in the base coin. Wire value {@code inverse}. */
  INVERSE("inverse"),
  /** Options. Wire value {@code option}. */
  OPTION("option"),
  /** A wire value this SDK does not know yet; {@link #wireValue()} is {@code null}. */
  UNKNOWN(null);

  private static final WireLookup<Category> LOOKUP = new WireLookup<>(values(), Map.of(), UNKNOWN);

  private final String wireValue;

  Category(String wireValue) {
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
  public static Category fromWire(String raw) {
    return LOOKUP.find(raw);
  }
}
