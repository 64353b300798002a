package io.github.bybitkit.enums;

import java.util.Map;

/** Status of a withdrawal ({@code status} in withdraw records). */
public enum WithdrawStatus implements BybitEnum {
  /** Waiting for the user to confirm. Wire value {@code ToBeConfirmed}. */
  TO_BE_CONFIRMED("ToBeConfirmed"),
  /** Being reviewed by Bybit. Wire value {@code UnderReview}. */
  UNDER_REVIEW("UnderReview"),
  /** Accepted, transfer in progress. Wire value {@code Pending}. */
  PENDING("Pending"),
  /** Completed. Wire value {@code Success}. */
  SUCCESS("Success"),
  /** Cancelled by the user. Wire value {@code CancelByUser}. */
  CANCEL_BY_USER("CancelByUser"),
  /** Rejected. Wire value {@code Reject}. */
  REJECT("Reject"),
  /** Expired. Wire value {@code Expire}. */
  EXPIRE("Expire"),
  /** A wire value this SDK does not know yet; {@link #wireValue()} is {@code null}. */
  UNKNOWN(null);

  private static final WireLookup<WithdrawStatus> LOOKUP =
      new WireLookup<>(values(), Map.of(), UNKNOWN);

  private final String wireValue;

  WithdrawStatus(String wireValue) {
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
  public static WithdrawStatus fromWire(String raw) {
    return LOOKUP.find(raw);
  }
}
