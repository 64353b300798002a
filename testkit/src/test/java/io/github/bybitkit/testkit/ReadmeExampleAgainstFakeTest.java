package io.github.bybitkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.BybitApiException;
import io.github.bybitkit.BybitClient;
import io.github.bybitkit.BybitPage;
import io.github.bybitkit.inverseperpetual.GetPositionsRequest;
import io.github.bybitkit.inverseperpetual.GetProfitAndLossHistoryRequest;
import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import io.github.bybitkit.inverseperpetual.model.BybitBalance;
import io.github.bybitkit.inverseperpetual.model.BybitPnlEntry;
import io.github.bybitkit.inverseperpetual.model.BybitPosition;
import io.github.bybitkit.v5.model.BybitPortfolioMargin;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The usage example of the SDK's README run against the fake instead of a queue of hand-picked MockWebServer
 * responses: no answers to line up, the fake checks each request, and the writes are visible afterwards. Also the
 * example of the test kit's own section in README.md.
 */
@ExtendWith(FakeBybitExtension.class)
class ReadmeExampleAgainstFakeTest {
  @Test
  void theSdkReadmeUsageRunsAgainstTheFake(FakeBybit fake) throws Exception {
    fake.account().setIsolated("BTCUSD", false); // the example switches BTCUSD to isolated
    fake.failNext("setLeverage", 1, 10001, "error in params");

    BybitClient bybit = BybitClient.builder()
        .baseUrl(fake.baseUrl())                       // README: BybitClient.TESTNET
        .credentials(FakeBybit.API_KEY, FakeBybit.API_SECRET)
        .recvWindow(Duration.ofSeconds(5))
        .build();

    InversePerpetualAccountClient account = bybit.inversePerpetual().account();

    Map<String, BybitBalance> balances = account.getBalances();
    BigDecimal available = balances.get("BTC").availableBalance();

    List<BybitPosition> positions = account.getPositions(GetPositionsRequest.builder().symbol("BTCUSD").build());
    account.setIsolatedMode("BTCUSD", true, new BigDecimal("10"), new BigDecimal("10"));

    BybitPage<BybitPnlEntry> pnl = account.getProfitAndLossHistory(
        GetProfitAndLossHistoryRequest.builder().symbol("BTCUSD").page(1).pageSize(50).build());

    CompletableFuture<BybitPortfolioMargin> pm = bybit.v5().asset().getPortfolioMarginAsync();
    BigDecimal equity = pm.get().wallet().equity();

    BybitApiException refused = assertThrows(BybitApiException.class, () -> account.setLeverage("BTCUSD", new BigDecimal("10")));

    assertEquals(new BigDecimal("999.99987471"), available);
    assertEquals("BTCUSD", positions.get(0).symbol());
    assertEquals(1, pnl.currentPage());
    assertEquals(50, pnl.data().size());
    assertEquals(new BigDecimal("52197.86892104"), equity);
    assertEquals(10001, refused.retCode());
    assertTrue(fake.account().position("BTCUSD").isolated());
    assertEquals(new BigDecimal("10"), fake.account().position("BTCUSD").leverage());
  }

  @Test
  void theTestKitReadmeExampleRuns(FakeBybit fake) {
    // --- README: Test kit
    BybitClient client = fake.clientBuilder().build();
    InversePerpetualAccountClient account = client.inversePerpetual().account();

    account.setLeverage("BTCUSD", new BigDecimal("10"));
    assertEquals(new BigDecimal("10"), account.getPositions().get(0).leverage());

    fake.failNext("getBalances", 1, 10016, "service not available");   // the client retries a GET
    account.getBalances();
    assertEquals(2, fake.requests("getBalances").size());
    // --- end of README
  }
}
