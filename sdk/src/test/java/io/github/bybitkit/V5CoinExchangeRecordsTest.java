package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.v5.GetCoinExchangeRecordsRequest;
import io.github.bybitkit.v5.V5AssetClient;
import io.github.bybitkit.v5.model.BybitV5CoinExchange;
import io.github.bybitkit.v5.model.BybitV5CoinExchangePage;
import java.math.BigDecimal;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** End to end through the public client: v5 {@code getCoinExchangeRecords}. */
class V5CoinExchangeRecordsTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private V5AssetClient asset() {
    return TestClients.client(server).v5().asset();
  }

  @Test
  void signsTheQueryAndDecodesTheDocsExampleExactly() throws Exception {
    server.enqueue(recorded("getCoinExchangeRecords", "docs-v5.json"));

    BybitV5CoinExchangePage page = asset().getCoinExchangeRecords(GetCoinExchangeRecordsRequest.builder()
        .fromCoin("BTC").toCoin("ETH").limit(50).cursor("173341:1672197760").build());

    RecordedRequest request = take(server);
    assertEquals("GET", request.getMethod());
    assertEquals("/v5/asset/exchange/order-record", request.getUrl().encodedPath());
    assertEquals(Map.of("fromCoin", "BTC", "toCoin", "ETH", "limit", "50", "cursor", "173341:1672197760"),
        TestClients.verifier().verifyV5Get(request));
    assertEquals("173341:1672197760", page.nextPageCursor());
    assertEquals(1, page.orderBody().size());
    BybitV5CoinExchange exchange = page.orderBody().get(0);
    assertEquals("BTC", exchange.fromCoin());
    assertEquals(new BigDecimal("0.100000000000000000"), exchange.fromAmount());
    assertEquals("ETH", exchange.toCoin());
    assertEquals(new BigDecimal("1.385866230000000000"), exchange.toAmount());
    assertEquals(new BigDecimal("13.858662380000000000"), exchange.exchangeRate());
    assertEquals("1672197760", exchange.createdTime());
    assertEquals("145102533285208544812654440448", exchange.exchangeTxId());
  }

  @Test
  void anEmptyLastPageHasNoRecordsAndAnEmptyCursor() throws Exception {
    server.enqueue(recorded("getCoinExchangeRecords", "empty-list.json"));

    BybitV5CoinExchangePage page = asset().getCoinExchangeRecords();

    assertEquals(Map.of(), TestClients.verifier().verifyV5Get(take(server)));
    assertTrue(page.orderBody().isEmpty());
    assertEquals("", page.nextPageCursor());
  }

  @Test
  void aLimitAboveFiftyIsRefusedBeforeSending() {
    assertThrows(IllegalArgumentException.class, () -> GetCoinExchangeRecordsRequest.builder().limit(51).build());
    assertEquals(0, server.getRequestCount());
  }
}
