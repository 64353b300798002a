package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.enums.Category;
import io.github.bybitkit.v5.GetTickersRequest;
import io.github.bybitkit.v5.V5MarketClient;
import io.github.bybitkit.v5.model.BybitV5Ticker;
import io.github.bybitkit.v5.model.BybitV5Tickers;
import java.math.BigDecimal;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** End to end through the public client: v5 {@code getTickers} (operation v5GetTickers), a public GET. */
class V5MarketTickersTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private V5MarketClient market() {
    return TestClients.client(server).v5().market();
  }

  @Test
  void getTickersIsSentUnsignedAndDecodesTheInverseDocsExampleExactly() throws Exception {
    server.enqueue(recorded("v5GetTickers", "docs-v5.json"));

    BybitV5Tickers tickers = market().getTickers(GetTickersRequest.builder().category(Category.INVERSE)
        .symbol("BTCUSD").build());

    RecordedRequest request = take(server);
    assertEquals("GET", request.getMethod());
    assertEquals("/v5/market/tickers", request.getUrl().encodedPath());
    assertEquals("category=inverse&symbol=BTCUSD", SignatureVerifier.rawQuery(request));
    SignatureVerifier.assertUnsigned(request);
    assertEquals(Category.INVERSE, tickers.category());
    BybitV5Ticker ticker = tickers.list().get(0);
    assertEquals("BTCUSD", ticker.symbol());
    assertEquals(new BigDecimal("120635.50"), ticker.lastPrice());
    assertEquals(new BigDecimal("114898.43"), ticker.markPrice());
    assertEquals(new BigDecimal("0.142425"), ticker.price24hPcnt());
    assertEquals(new BigDecimal("13713832.0000"), ticker.volume24h());
    assertEquals(new BigDecimal("0.0001"), ticker.fundingRate());
    assertEquals("1760371200000", ticker.nextFundingTime());
    assertEquals("0", ticker.deliveryTime());
    assertEquals("8", ticker.fundingIntervalHour());
    assertEquals(new BigDecimal("0.005"), ticker.fundingCap());
    assertNull(ticker.basisRate(), "\"\" for a perpetual");
    assertNull(ticker.predictedDeliveryPrice());
    assertNull(ticker.singleOpenInterest(), "absent from the example");
    assertEquals("", ticker.curPreListingPhase());
  }

  @Test
  void theRequiredOnlyFormSendsTheCategoryAndAnEmptyListDecodes() throws Exception {
    server.enqueue(recorded("v5GetTickers", "empty-list.json"));

    BybitV5Tickers tickers = market().getTickers(Category.LINEAR);

    assertEquals("category=linear", SignatureVerifier.rawQuery(take(server)));
    assertTrue(tickers.list().isEmpty());
  }
}
