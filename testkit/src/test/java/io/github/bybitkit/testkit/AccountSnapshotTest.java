package io.github.bybitkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bybitkit.BybitClient;
import io.github.bybitkit.enums.Category;
import io.github.bybitkit.enums.MarginMode;
import io.github.bybitkit.enums.StopLossTakeProfitMode;
import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import io.github.bybitkit.v5.GetClosedPnlRequest;
import io.github.bybitkit.v5.model.BybitV5ClosedPnlPage;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A snapshot of one fake's account, restored into another fake, gives the same account and the same answers. */
class AccountSnapshotTest {

  @Test
  void whatCallsAndSetUpChangedComesBackInAnotherFake() {
    String snapshot;
    AccountState changed;
    try (FakeBybit first = FakeBybit.start()) {
      first.account().setIsolated("BTCUSD", false).setTpSlMode("XRPUSD", StopLossTakeProfitMode.FULL)
          .setClosedProfitAndLossCount(7);
      InversePerpetualAccountClient account = first.clientBuilder().build().inversePerpetual().account();
      account.setIsolatedMode("BTCUSD", true, new BigDecimal("10"), new BigDecimal("10"));
      account.changeMargin("BTCUSD", new BigDecimal("0.01"));
      snapshot = first.account().snapshot();
      changed = first.account();
    }

    try (FakeBybit second = FakeBybit.start()) {
      assertNotEquals(changed.toString(), second.account().toString(), "a fresh fake starts elsewhere");
      second.account().restore(snapshot);

      assertEquals(changed.toString(), second.account().toString());
      assertEquals(changed.positions(), second.account().positions());
      assertEquals(new BigDecimal("10"), second.account().position("BTCUSD").leverage());
      assertEquals(new BigDecimal("0.0106947"), second.account().position("BTCUSD").positionMargin());
      assertEquals(new BigDecimal("999.98987471"), second.account().balance("BTC").availableBalance());
      assertEquals(7, second.account().closedProfitAndLossCount(20));
      // The answers follow: the restored position is what getPositions returns.
      assertEquals(new BigDecimal("0.0106947"), second.clientBuilder().build().inversePerpetual().account()
          .getPositions().stream().filter(p -> p.symbol().equals("BTCUSD")).findFirst().orElseThrow()
          .positionMargin());
      assertEquals(snapshot, second.account().snapshot());
    }
  }

  @Test
  void theV5MarginModeAndHistoryTimelineComeBackSoACursorOfTheFirstFakeLeadsOnInTheSecond() throws Exception {
    String snapshot;
    BybitV5ClosedPnlPage first;
    GetClosedPnlRequest request = GetClosedPnlRequest.builder().category(Category.INVERSE).symbol("BTCUSD").limit(10)
        .build();
    try (FakeBybit one = FakeBybit.start()) {
      one.account().setHistory(30, Duration.ofHours(3));
      BybitClient client = one.clientBuilder().build();
      client.v5().account().setMarginMode(MarginMode.ISOLATED_MARGIN);
      first = client.v5().position().getClosedPnl(request);
      snapshot = one.account().snapshot();
    }
    Thread.sleep(5); // the second fake starts later: its own timeline would end elsewhere

    try (FakeBybit two = FakeBybit.start()) {
      two.account().restore(snapshot);
      BybitClient client = two.clientBuilder().build();
      assertEquals(MarginMode.ISOLATED_MARGIN, client.v5().account().getAccountInfo().marginMode());
      BybitV5ClosedPnlPage again = client.v5().position().getClosedPnl(request);
      assertEquals(first.list(), again.list());
      BybitV5ClosedPnlPage second = client.v5().position().getClosedPnl(request.toBuilder()
          .cursor(first.nextPageCursor()).build());
      assertEquals(10, second.list().size());
      assertEquals(snapshot, two.account().snapshot());
    }
  }

  @Test
  void unknownSymbolsAndCoinsAreIgnoredAndLeftOutFieldsKeepTheirValues() {
    try (FakeBybit fake = FakeBybit.start()) {
      AccountState.Position before = fake.account().position("XRPUSD");

      fake.account().restore("{\"positions\":{\"ETHUSD\":{\"leverage\":3},\"BTCUSD\":{\"leverage\":4}},"
          + "\"balances\":{\"DOGE\":{\"availableBalance\":1}}}");

      assertEquals(new BigDecimal("4"), fake.account().position("BTCUSD").leverage());
      assertEquals(before, fake.account().position("XRPUSD"));
      assertFalse(fake.account().symbols().contains("ETHUSD"));
    }
  }

  @Test
  void textThatIsNotASnapshotChangesNothing() {
    try (FakeBybit fake = FakeBybit.start()) {
      String before = fake.account().snapshot();

      for (String bad : new String[] {"", "[]", "{\"positions\":[]}", "not json",
          "{\"positions\":{\"BTCUSD\":{\"leverage\":\"high\"}}}",
          "{\"positions\":{\"BTCUSD\":{\"leverage\":5}},\"balances\":{\"BTC\":{\"usedMargin\":true}}}",
          "{\"positions\":{\"BTCUSD\":{\"tpSlMode\":\"Sometimes\"}}}",
          "{\"positions\":{\"BTCUSD\":{\"leverage\":5}},\"marginMode\":\"HALF_MARGIN\"}",
          "{\"marginMode\":\"ISOLATED_MARGIN\",\"history\":{\"records\":10,\"spacingMillis\":0}}"}) {
        assertThrows(IllegalArgumentException.class, () -> fake.account().restore(bad), bad);
        assertEquals(before, fake.account().snapshot(), bad);
      }
    }
  }
}
