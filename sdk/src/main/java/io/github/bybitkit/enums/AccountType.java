package io.github.bybitkit.enums;

import java.util.Map;

/**
 * Account type of a v5 request ({@code accountType}). Bybit documents {@code UNIFIED} and {@code FUND} today;
 * {@code CONTRACT} and {@code SPOT} belong to classic and UTA 1.0 accounts, which Bybit no longer documents.
 */
public enum AccountType implements BybitEnum {
  /** The unified trading account (inverse included under UTA 2.0). Wire value {@code UNIFIED}. */
  UNIFIED("UNIFIED"),
  /** The funding wallet. Wire value {@code FUND}. */
  FUND("FUND"),
  /** The derivatives wallet of a classic account, or the inverse wallet of UTA 1.0. Wire value {@code CONTRACT}. */
  CONTRACT("CONTRACT"),
  /** The spot wallet of a classic account. Wire value {@code SPOT}. */
  SPOT("SPOT"),
  /** A wire value this SDK does not know yet; {@link #wireValue()} is {@code null}. */
  UNKNOWN(null);

  private static final WireLookup<AccountType> LOOKUP = new WireLookup<>(values(), Map.of(), UNKNOWN);

  private final String wireValue;

  AccountType(String wireValue) {
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
  public static AccountType fromWire(String raw) {
    return LOOKUP.find(raw);
  }
}
