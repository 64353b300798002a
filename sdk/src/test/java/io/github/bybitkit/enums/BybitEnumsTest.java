package io.github.bybitkit.enums;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class BybitEnumsTest {

  /** One enum under test: its constants, its fromWire, and the wire values the facts file lists, in order. */
  private record Case<E extends Enum<E> & BybitEnum>(
      String name, E[] constants, Function<String, E> fromWire, E unknown, List<String> wire) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> enums() {
    return Stream.of(
        new Case<>("PositionMode", PositionMode.values(), PositionMode::fromWire, PositionMode.UNKNOWN,
            List.of("0", "1", "2")),
        new Case<>("WalletFundType", WalletFundType.values(), WalletFundType::fromWire, WalletFundType.UNKNOWN,
            List.of("Deposit", "Withdraw", "RealisedPNL", "Commission", "Refund", "Prize", "ExchangeOrderWithdraw",
                "ExchangeOrderDeposit", "ReturnServiceCash", "Insurance", "SubMember", "Coupon", "AccountTransfer",
                "CashBack")),
        new Case<>("WithdrawStatus", WithdrawStatus.values(), WithdrawStatus::fromWire, WithdrawStatus.UNKNOWN,
            List.of("ToBeConfirmed", "UnderReview", "Pending", "Success", "CancelByUser", "Reject", "Expire")),
        new Case<>("SearchDirection", SearchDirection.values(), SearchDirection::fromWire, SearchDirection.UNKNOWN,
            List.of("Prev", "Next")),
        new Case<>("TradeType", TradeType.values(), TradeType::fromWire, TradeType.UNKNOWN,
            List.of("Trade", "AdlTrade", "Funding", "BustTrade", "Settle")),
        new Case<>("ClosedPnlExecType", ClosedPnlExecType.values(), ClosedPnlExecType::fromWire,
            ClosedPnlExecType.UNKNOWN, List.of("Trade", "AdlTrade", "BustTrade", "Settle")),
        new Case<>("StopLossTakeProfitMode", StopLossTakeProfitMode.values(), StopLossTakeProfitMode::fromWire,
            StopLossTakeProfitMode.UNKNOWN, List.of("Full", "Partial")),
        new Case<>("Category", Category.values(), Category::fromWire, Category.UNKNOWN,
            List.of("spot", "linear", "inverse", "option")),
        new Case<>("TpSlMode", TpSlMode.values(), TpSlMode::fromWire, TpSlMode.UNKNOWN, List.of("Full", "Partial")),
        new Case<>("MarginMode", MarginMode.values(), MarginMode::fromWire, MarginMode.UNKNOWN,
            List.of("ISOLATED_MARGIN", "REGULAR_MARGIN", "PORTFOLIO_MARGIN")),
        new Case<>("PositionIdx", PositionIdx.values(), PositionIdx::fromWire, PositionIdx.UNKNOWN,
            List.of("0", "1", "2")),
        new Case<>("ExecType", ExecType.values(), ExecType::fromWire, ExecType.UNKNOWN,
            List.of("Trade", "AdlTrade", "Funding", "BustTrade", "Delivery", "Settle", "BlockTrade", "MovePosition",
                "FutureSpread", "CorporateAction", "SessionSettlePnL", "UNKNOWN")),
        new Case<>("V5WithdrawStatus", V5WithdrawStatus.values(), V5WithdrawStatus::fromWire, V5WithdrawStatus.UNKNOWN,
            List.of("SecurityCheck", "Pending", "success", "CancelByUser", "Reject", "Fail", "BlockchainConfirmed",
                "MoreInformationRequired", "Unknown")),
        new Case<>("AccountType", AccountType.values(), AccountType::fromWire, AccountType.UNKNOWN,
            List.of("UNIFIED", "FUND", "CONTRACT", "SPOT")),
        new Case<>("TriggerBy", TriggerBy.values(), TriggerBy::fromWire, TriggerBy.UNKNOWN,
            List.of("LastPrice", "IndexPrice", "MarkPrice")),
        new Case<>("OrderType", OrderType.values(), OrderType::fromWire, OrderType.UNKNOWN,
            List.of("Market", "Limit")),
        new Case<>("TradeMode", TradeMode.values(), TradeMode::fromWire, TradeMode.UNKNOWN, List.of("0", "1")))
        .map(Arguments::of);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enums")
  <E extends Enum<E> & BybitEnum> void wireValuesAreExactlyTheDocumentedOnesWithUnknownLast(Case<E> c) {
    List<String> actual = Arrays.stream(c.constants()).map(BybitEnum::wireValue).toList();
    List<String> expected = new java.util.ArrayList<>(c.wire());
    expected.add(null);
    assertEquals(expected, actual);
    assertSame(c.unknown(), c.constants()[c.constants().length - 1]);
    assertEquals("UNKNOWN", c.unknown().name());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enums")
  <E extends Enum<E> & BybitEnum> void fromWireRoundTripsEveryKnownValue(Case<E> c) {
    for (E constant : c.constants()) {
      if (constant != c.unknown()) {
        assertSame(constant, c.fromWire().apply(constant.wireValue()), constant.name());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enums")
  <E extends Enum<E> & BybitEnum> void fromWireMatchesCaseInsensitively(Case<E> c) {
    for (E constant : c.constants()) {
      if (constant != c.unknown()) {
        assertSame(constant, c.fromWire().apply(constant.wireValue().toLowerCase(java.util.Locale.ROOT)));
        assertSame(constant, c.fromWire().apply(constant.wireValue().toUpperCase(java.util.Locale.ROOT)));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enums")
  <E extends Enum<E> & BybitEnum> void fromWireNeverThrows(Case<E> c) {
    assertNull(c.fromWire().apply(null));
    assertSame(c.unknown(), c.fromWire().apply("SomethingNew"));
    assertSame(c.unknown(), c.fromWire().apply(""));
    assertSame(c.unknown(), c.fromWire().apply(" " + c.wire().get(0)));
  }

  @Test
  void walletFundTypeAcceptsBybitNetsWithdrawalSpelling() {
    assertSame(WalletFundType.WITHDRAW, WalletFundType.fromWire("Withdrawal"));
    assertSame(WalletFundType.WITHDRAW, WalletFundType.fromWire("withdrawal"));
    // The alias decodes but is never what we send.
    assertEquals("Withdraw", WalletFundType.WITHDRAW.wireValue());
  }

  @Test
  void searchDirectionAcceptsBybitNetsLowerCase() {
    assertSame(SearchDirection.PREV, SearchDirection.fromWire("prev"));
    assertSame(SearchDirection.NEXT, SearchDirection.fromWire("next"));
  }

  @Test
  void positionModeReadsIntegerText() {
    Map<String, PositionMode> expected = new LinkedHashMap<>();
    expected.put("0", PositionMode.ONE_WAY);
    expected.put("1", PositionMode.BOTH_SIDE_BUY);
    expected.put("2", PositionMode.BOTH_SIDE_SELL);
    expected.put("3", PositionMode.UNKNOWN);
    expected.forEach((wire, mode) -> assertSame(mode, PositionMode.fromWire(wire), wire));
  }
}
