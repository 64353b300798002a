package io.github.bybitkit.enums;

import java.util.Map;

/**
 * Kind of a wallet fund record ({@code wallet_fund_type} in requests, {@code type} in responses). Which spelling
 * the server sends for withdrawals is unconfirmed: the docs say {@code Withdraw}, Bybit.Net maps
 * {@code Withdrawal}; both decode to {@link #WITHDRAW}.
 */
public enum WalletFundType implements BybitEnum {
  /** Deposit into the wallet. Wire value {@code Deposit}. */
  DEPOSIT("Deposit"),
  /** Withdrawal from the wallet (also decoded from {@code Withdrawal}). Wire value {@code Withdraw}. */
  WITHDRAW("Withdraw"),
  /** Realised profit and loss. Wire value {@code RealisedPNL}. */
  REALISED_PNL("RealisedPNL"),
  /** Trading fee. Wire value {@code Commission}. */
  COMMISSION("Commission"),
  /** Refund. Wire value {@code Refund}. */
  REFUND("Refund"),
  /** Prize. Wire value {@code Prize}. */
  PRIZE("Prize"),
  /** Outflow from an asset exchange order. Wire value {@code ExchangeOrderWithdraw}. */
  EXCHANGE_ORDER_WITHDRAW("ExchangeOrderWithdraw"),
  /** Inflow from an asset exchange order. Wire value {@code ExchangeOrderDeposit}. */
  EXCHANGE_ORDER_DEPOSIT("ExchangeOrderDeposit"),
  /** Service cash returned. Wire value {@code ReturnServiceCash}. */
  RETURN_SERVICE_CASH("ReturnServiceCash"),
  /** Insurance. Wire value {@code Insurance}. */
  INSURANCE("Insurance"),
  /** Transfer involving a sub-account. Wire value {@code SubMember}. */
  SUB_MEMBER("SubMember"),
  /** Coupon. Wire value {@code Coupon}. */
  COUPON("Coupon"),
  /** Transfer between accounts. Wire value {@code AccountTransfer}. */
  ACCOUNT_TRANSFER("AccountTransfer"),
  /** Cash back. Wire value {@code CashBack}. */
  CASH_BACK("CashBack"),
  /** A wire value this SDK does not know yet; {@link #wireValue()} is {@code null}. */
  UNKNOWN(null);

  private static final WireLookup<WalletFundType> LOOKUP =
      new WireLookup<>(values(), Map.of("Withdrawal", WITHDRAW), UNKNOWN);

  private final String wireValue;

  WalletFundType(String wireValue) {
    this.wireValue = wireValue;
  }

  @Override
  public String wireValue() {
    return wireValue;
  }

  /**
   * The constant for a wire value: exact match first, then the alias {@code Withdrawal} (sent by Bybit.Net),
   * then a case-insensitive match.
   *
   * @return {@code null} for {@code null}, {@link #UNKNOWN} for any other unrecognised text (never throws)
   */
  public static WalletFundType fromWire(String raw) {
    return LOOKUP.find(raw);
  }
}
