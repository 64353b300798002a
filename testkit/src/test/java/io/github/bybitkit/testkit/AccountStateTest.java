package io.github.bybitkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.BybitApiException;
import io.github.bybitkit.BybitClient;
import io.github.bybitkit.enums.PositionMode;
import io.github.bybitkit.enums.StopLossTakeProfitMode;
import io.github.bybitkit.inverseperpetual.GetBalancesRequest;
import io.github.bybitkit.inverseperpetual.GetPositionsRequest;
import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import io.github.bybitkit.inverseperpetual.model.BybitBalance;
import io.github.bybitkit.inverseperpetual.model.BybitPosition;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Writes through the real client show up in reads, with exact amounts. */
@ExtendWith(FakeBybitExtension.class)
class AccountStateTest {
  private static InversePerpetualAccountClient account(FakeBybit fake) {
    return fake.clientBuilder().strictDecoding(true).build().inversePerpetual().account();
  }

  private static BybitPosition position(InversePerpetualAccountClient account, String symbol) {
    List<BybitPosition> one = account.getPositions(GetPositionsRequest.builder().symbol(symbol).build());
    assertEquals(1, one.size());
    BybitPosition fromList = account.getPositions().stream().filter(p -> p.symbol().equals(symbol)).findFirst()
        .orElseThrow();
    assertEquals(one.get(0), fromList, "with and without symbol agree");
    return one.get(0);
  }

  @Test
  void theAccountStartsFromTheRecordedAnswers(FakeBybit fake) {
    assertEquals(List.of("BTCUSD", "XRPUSD"), fake.account().symbols());
    // BTCUSD from the one-position answer (isolated), XRPUSD from the list answer.
    AccountState.Position btc = fake.account().position("BTCUSD");
    assertEquals(new AccountState.Position("BTCUSD", new BigDecimal("1"), true, StopLossTakeProfitMode.PARTIAL, 1,
        new BigDecimal("0.0006947"), new BigDecimal("5")), btc);
    assertEquals(new BigDecimal("999.99987471"), fake.account().balance("BTC").availableBalance());
  }

  @Test
  void setLeverageShowsInGetPositions(FakeBybit fake) {
    InversePerpetualAccountClient account = account(fake);
    assertEquals(new BigDecimal("12"), account.setLeverage("BTCUSD", 12, 12));
    BybitPosition btc = position(account, "BTCUSD");
    assertEquals(new BigDecimal("12"), btc.leverage());
    assertEquals(new BigDecimal("12"), btc.effectiveLeverage(), "isolated: effective = set leverage");
    assertEquals(new BigDecimal("12"), fake.account().position("BTCUSD").leverage());
  }

  @Test
  void setIsolatedModeShowsInGetPositions(FakeBybit fake) {
    InversePerpetualAccountClient account = account(fake);
    assertFalse(position(account, "XRPUSD").isIsolated());
    account.setIsolatedMode("XRPUSD", true, new BigDecimal("2.5"), new BigDecimal("2.5"));
    BybitPosition xrp = position(account, "XRPUSD");
    assertTrue(xrp.isIsolated());
    assertEquals(new BigDecimal("2.5"), xrp.leverage());
  }

  @Test
  void settingTheMarginModeItAlreadyHasIsRefusedLikeBybit(FakeBybit fake) {
    BybitApiException e = assertThrows(BybitApiException.class, () -> account(fake)
        .setIsolatedMode("BTCUSD", true, BigDecimal.ONE, BigDecimal.ONE));
    assertEquals(30084, e.retCode());
  }

  @Test
  void setFullPartialPositionModeShowsInGetPositions(FakeBybit fake) {
    InversePerpetualAccountClient account = account(fake);
    assertEquals(StopLossTakeProfitMode.FULL,
        account.setFullPartialPositionMode("BTCUSD", StopLossTakeProfitMode.FULL).tpSlMode());
    assertEquals(StopLossTakeProfitMode.FULL, position(account, "BTCUSD").tpSlMode());
    assertEquals(37002, assertThrows(BybitApiException.class,
        () -> account.setFullPartialPositionMode("BTCUSD", StopLossTakeProfitMode.FULL)).retCode());
  }

  @Test
  void setRiskLimitShowsInGetPositionsAndOnlyKnownTiersAreAccepted(FakeBybit fake) {
    InversePerpetualAccountClient account = account(fake);
    assertEquals(10, account.setRiskLimit("BTCUSD", 10).riskId());
    assertEquals(10, position(account, "BTCUSD").riskId());
    // BTCUSD's recorded tiers are 1 and 10.
    assertEquals(30090, assertThrows(BybitApiException.class, () -> account.setRiskLimit("BTCUSD", 2)).retCode());
    assertEquals(34026, assertThrows(BybitApiException.class, () -> account.setRiskLimit("BTCUSD", 10)).retCode());
  }

  @Test
  void changeMarginMovesTheExactAmountBetweenWalletAndPosition(FakeBybit fake) {
    InversePerpetualAccountClient account = account(fake);
    BybitBalance before = account.getBalances().get("BTC");

    BigDecimal after = account.changeMargin("BTCUSD", PositionMode.ONE_WAY, new BigDecimal("0.01234567"));

    assertEquals(new BigDecimal("0.01304037"), after);
    assertEquals(new BigDecimal("0.01304037"), position(account, "BTCUSD").positionMargin());
    BybitBalance balance = account.getBalances(GetBalancesRequest.builder().asset("BTC").build()).get("BTC");
    assertEquals(before.availableBalance().subtract(new BigDecimal("0.01234567")), balance.availableBalance());
    assertEquals(new BigDecimal("999.98752904"), balance.availableBalance());
    assertEquals(new BigDecimal("0.01234567"), balance.positionMargin());
    assertEquals(before.walletBalance(), balance.walletBalance(), "margin moves inside the wallet");

    account.changeMargin("BTCUSD", PositionMode.ONE_WAY, new BigDecimal("-0.01234567"));
    assertEquals(0, position(account, "BTCUSD").positionMargin().compareTo(new BigDecimal("0.0006947")));
    assertEquals(0, account.getBalances().get("BTC").availableBalance().compareTo(before.availableBalance()));
  }

  @Test
  void removingMoreMarginThanThePositionHasIsRefusedAndChangesNothing(FakeBybit fake) {
    InversePerpetualAccountClient account = account(fake);
    BybitApiException e = assertThrows(BybitApiException.class,
        () -> account.changeMargin("BTCUSD", PositionMode.ONE_WAY, new BigDecimal("-0.0006948")));
    assertEquals(30050, e.retCode());
    assertEquals(new BigDecimal("0.0006947"), fake.account().position("BTCUSD").positionMargin());
    assertEquals(new BigDecimal("999.99987471"), fake.account().balance("BTC").availableBalance());
  }

  @Test
  void addingMoreThanTheAvailableBalanceIsRefused(FakeBybit fake) {
    fake.account().setAvailableBalance("BTC", new BigDecimal("0.5"));
    assertEquals(30049, assertThrows(BybitApiException.class, () -> account(fake)
        .changeMargin("BTCUSD", PositionMode.ONE_WAY, new BigDecimal("0.50000001"))).retCode());
  }

  @Test
  void changingTheMarginOfACrossPositionIsRefused(FakeBybit fake) {
    fake.account().setIsolated("BTCUSD", false);
    assertEquals(30056, assertThrows(BybitApiException.class, () -> account(fake)
        .changeMargin("BTCUSD", PositionMode.ONE_WAY, BigDecimal.ONE)).retCode());
  }

  @Test
  void anUnknownSymbolIsABadParameter(FakeBybit fake) {
    BybitApiException e = assertThrows(BybitApiException.class, () -> account(fake).setLeverage("DOGEUSD", 2, 2));
    assertEquals(10001, e.retCode());
    assertTrue(e.retMsg().contains("DOGEUSD"), e.retMsg());
  }

  @Test
  void aTestCanSetTheAccountUpBeforeCalling(FakeBybit fake) {
    fake.account().setLeverage("XRPUSD", new BigDecimal("3.3")).setTpSlMode("XRPUSD", StopLossTakeProfitMode.FULL)
        .setRiskId("XRPUSD", 36).setIsolated("XRPUSD", true).setPositionMargin("XRPUSD", new BigDecimal("1.25"));
    BybitPosition xrp = position(account(fake), "XRPUSD");
    assertEquals(new BigDecimal("3.3"), xrp.leverage());
    assertEquals(StopLossTakeProfitMode.FULL, xrp.tpSlMode());
    assertEquals(36, xrp.riskId());
    assertTrue(xrp.isIsolated());
    assertEquals(new BigDecimal("1.25"), xrp.positionMargin());
    assertThrows(IllegalArgumentException.class, () -> fake.account().position("DOGEUSD"));
  }

  @Test
  void eachFakeHasItsOwnAccount(FakeBybit fake) {
    account(fake).setLeverage("BTCUSD", 42, 42);
    try (FakeBybit other = FakeBybit.start()) {
      assertEquals(new BigDecimal("1"), other.account().position("BTCUSD").leverage());
    }
  }

  @Test
  void theStateSurvivesManyClientsAndThreads(FakeBybit fake) throws InterruptedException {
    BybitClient client = fake.clientBuilder().build();
    Thread[] threads = new Thread[4];
    for (int t = 0; t < threads.length; t++) {
      threads[t] = new Thread(() -> {
        for (int i = 0; i < 5; i++) {
          client.inversePerpetual().account().changeMargin("BTCUSD", PositionMode.ONE_WAY, new BigDecimal("0.001"));
        }
      });
      threads[t].start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertEquals(new BigDecimal("0.0206947"), fake.account().position("BTCUSD").positionMargin());
    assertEquals(new BigDecimal("0.020"), fake.account().balance("BTC").positionMargin());
  }
}
