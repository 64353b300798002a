package io.github.bybitkit.enums;

import java.util.Map;

/**
 * v5 withdrawal status ({@code status} of a withdrawal record). Its values differ from v2's {@link WithdrawStatus}.
 */
public enum V5WithdrawStatus implements BybitEnum {
  /** Under security check. Wire value {@code SecurityCheck}. */
  SECURITY_CHECK("SecurityCheck"),
  /** Pending. Wire value {@code Pending}. */
  PENDING("Pending"),
  /** Done (lower case on the wire). Wire value {@code success}. */
  SUCCESS("success"),
  /** Cancelled by the user. Wire value {@code CancelByUser}. */
  CANCEL_BY_USER("CancelByUser"),
  /** Rejected. Wire value {@code Reject}. */
  REJECT("Reject"),
  /** Failed. Wire value {@code Fail}. */
  FAIL("Fail"),
  /** Confirmed on the chain. Wire value {@code BlockchainConfirmed}. */
  BLOCKCHAIN_CONFIRMED("BlockchainConfirmed"),
  /** Bybit needs more information (added 2024-02-28). Wire value {@code MoreInformationRequired}. */
  MORE_INFORMATION_REQUIRED("MoreInformationRequired"),
  /** Bybit's own {@code Unknown} (rare), not this SDK's {@link #UNKNOWN}. Wire value {@code Unknown}. */
  BYBIT_UNKNOWN("Unknown"),
  /** A wire value this SDK does not know yet; {@link #wireValue()} is {@code null}. */
  UNKNOWN(null);

  private static final WireLookup<V5WithdrawStatus> LOOKUP = new WireLookup<>(values(), Map.of(), UNKNOWN);

  private final String wireValue;

  V5WithdrawStatus(String wireValue) {
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
  public static V5WithdrawStatus fromWire(String raw) {
    return LOOKUP.find(raw);
  }
}
