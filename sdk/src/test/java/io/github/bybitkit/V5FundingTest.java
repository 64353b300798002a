package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.body;
import static io.github.bybitkit.RecordedResponses.json;
import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.enums.Category;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** {@link V5Funding} end to end through the public client against the recorded v5 responses. */
class V5FundingTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private V5Funding funding() {
    return new V5Funding(TestClients.client(server));
  }

  /** The one row of the recorded funding example, with its execTime (and execId) replaced. */
  private static String fundingRow(String execTime, String execFee) {
    String body = body("getTradeHistory", "funding-pre-upgrade-docs-v5.json");
    int list = body.indexOf("\"list\"");
    String row = body.substring(body.indexOf('{', list), body.indexOf('}', list) + 1);
    return row.replace("\"1682553600000\"", "\"" + execTime + "\"").replace("\"0.6364003\"", "\"" + execFee + "\"");
  }

  private static String tradeHistory(String... rows) {
    return "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"nextPageCursor\":\"\",\"category\":\"inverse\",\"list\":["
        + String.join(",", rows) + "]},\"retExtInfo\":{},\"time\":1682580752717}";
  }

  @Test
  void theLastFundingFeeIsTheNewestFundingRowOfOneFilteredRequest() throws Exception {
    server.enqueue(recorded("getTradeHistory", "funding-pre-upgrade-docs-v5.json"));

    V5Funding.LastFundingFee last = funding().lastFundingFee(Category.LINEAR, "BTCUSDT").orElseThrow();

    RecordedRequest request = take(server);
    assertEquals("GET", request.getMethod());
    assertEquals("/v5/execution/list", request.getUrl().encodedPath());
    assertEquals(Map.of("category", "linear", "symbol", "BTCUSDT", "execType", "Funding", "limit", "1"),
        TestClients.verifier().verifyV5Get(request));
    assertEquals(new V5Funding.LastFundingFee("BTCUSDT", "Sell", new BigDecimal("0.011"), new BigDecimal("0.00203714"),
        new BigDecimal("0.6364003"), Instant.parse("2023-04-27T00:00:00Z"), new BigDecimal("28399.90"),
        new BigDecimal("312.3989"), "11f1c4ed-ff20-4d73-acb7-96e43a917f25"), last);
    assertEquals(7, last.fee().scale(), "the text Bybit sent, unrounded");
  }

  @Test
  void theSymbolOnlyFormAsksTheInverseCategoryAndAnEmptyListIsEmpty() throws Exception {
    server.enqueue(recorded("getTradeHistory", "empty-list.json"));

    Optional<V5Funding.LastFundingFee> last = funding().lastFundingFee("BTCUSD");

    assertEquals(Map.of("category", "inverse", "symbol", "BTCUSD", "execType", "Funding", "limit", "1"),
        TestClients.verifier().verifyV5Get(take(server)));
    assertTrue(last.isEmpty());
  }

  @Test
  void aTradeRowIsNeverTakenForAFundingFee() throws Exception {
    server.enqueue(recorded("getTradeHistory", "docs-v5.json"));

    assertTrue(funding().lastFundingFee(Category.LINEAR, "ETHPERP").isEmpty());
    take(server);
  }

  @Test
  void ofSeveralFundingRowsTheLatestSettlementWinsWhateverTheOrder() throws Exception {
    server.enqueue(json(tradeHistory(fundingRow("1682524800000", "-0.1"), fundingRow("1682553600000", "0.25"),
        fundingRow("1682496000000", "0.3"))));

    V5Funding.LastFundingFee last = funding().lastFundingFee(Category.LINEAR, "BTCUSDT").orElseThrow();

    take(server);
    assertEquals(Instant.ofEpochMilli(1682553600000L), last.settledAt());
    assertEquals(new BigDecimal("0.25"), last.fee());
  }

  @Test
  void aMalformedSettlementTimeIsADecodingErrorNamingTheField() {
    server.enqueue(json(tradeHistory(fundingRow("1682553600000", "0.25").replace("\"1682553600000\"", "\"soon\""))));

    BybitDecodingException e = assertThrows(BybitDecodingException.class,
        () -> funding().lastFundingFee(Category.LINEAR, "BTCUSDT"));

    assertEquals("$.result.list[0].execTime", e.jsonPath());
  }

  @Test
  void thePredictedFeeOfAShortIsMinusPositionValueTimesTheTickerRateExactly() throws Exception {
    server.enqueue(recorded("v5GetTickers", "docs-v5.json"));
    server.enqueue(recorded("getPositionInfo", "docs-v5.json"));

    V5Funding.PredictedFundingFee predicted = funding().predictedFundingFee("BTCUSD").orElseThrow();

    RecordedRequest tickers = take(server);
    assertEquals("/v5/market/tickers", tickers.getUrl().encodedPath());
    SignatureVerifier.assertUnsigned(tickers);
    assertEquals(Map.of("category", "inverse", "symbol", "BTCUSD"), SignatureVerifier.queryParameters(tickers));
    RecordedRequest position = take(server);
    assertEquals("/v5/position/list", position.getUrl().encodedPath());
    assertEquals(Map.of("category", "inverse", "symbol", "BTCUSD"), TestClients.verifier().verifyV5Get(position));

    assertEquals("BTCUSD", predicted.symbol());
    assertEquals(new BigDecimal("0.0001"), predicted.fundingRate());
    assertEquals(Instant.ofEpochMilli(1760371200000L), predicted.nextFundingTime());
    assertEquals(Duration.ofHours(8), predicted.fundingInterval());
    // Sell 300 contracts, positionValue 0.01092319 BTC, rate 0.0001: a short receives.
    assertEquals(new BigDecimal("-0.000001092319"), predicted.fee());
    assertEquals(1, predicted.positions().size());
    assertEquals(new BigDecimal("300"), predicted.positions().get(0).size());
  }

  @Test
  void aLongPaysAndANegativeRateTurnsTheSignAround() throws Exception {
    server.enqueue(json(body("v5GetTickers", "docs-v5.json").replace("\"0.0001\"", "\"-0.00037500\"")));
    server.enqueue(json(body("getPositionInfo", "docs-v5.json").replace("\"side\": \"Sell\"", "\"side\": \"Buy\"")));

    V5Funding.PredictedFundingFee predicted = funding().predictedFundingFee(Category.INVERSE, "BTCUSD").orElseThrow();

    assertEquals(new BigDecimal("-0.0000040961962500"), predicted.fee(), "0.01092319 × -0.00037500, scale 8 + 8");
  }

  @Test
  void withoutAPositionTheFeeIsZero() throws Exception {
    server.enqueue(recorded("v5GetTickers", "docs-v5.json"));
    server.enqueue(recorded("getPositionInfo", "empty-list.json"));

    V5Funding.PredictedFundingFee predicted = funding().predictedFundingFee("BTCUSD").orElseThrow();

    assertEquals(BigDecimal.ZERO, predicted.fee());
    assertTrue(predicted.positions().isEmpty());
    assertEquals(new BigDecimal("0.0001"), predicted.fundingRate());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void anEmptyPositionRowCountsAsNoPosition() throws Exception {
    server.enqueue(recorded("v5GetTickers", "docs-v5.json"));
    server.enqueue(json(body("getPositionInfo", "docs-v5.json").replace("\"side\": \"Sell\"", "\"side\": \"\"")
        .replace("\"size\": \"300\"", "\"size\": \"0\"").replace("\"positionValue\": \"0.01092319\"",
            "\"positionValue\": \"\"")));

    V5Funding.PredictedFundingFee predicted = funding().predictedFundingFee("BTCUSD").orElseThrow();

    assertEquals(BigDecimal.ZERO, predicted.fee());
    assertTrue(predicted.positions().isEmpty());
  }

  @Test
  void anOpenPositionWithoutAValueIsADecodingErrorNotAZeroFee() {
    server.enqueue(recorded("v5GetTickers", "docs-v5.json"));
    server.enqueue(json(body("getPositionInfo", "docs-v5.json").replace("\"positionValue\": \"0.01092319\"",
        "\"positionValue\": \"\"")));

    BybitDecodingException e = assertThrows(BybitDecodingException.class,
        () -> funding().predictedFundingFee("BTCUSD"));

    assertEquals("$.result.list[0].positionValue", e.jsonPath());
  }

  @Test
  void noTickerOrNoFundingRateMeansNoPredictionAndNoPositionCall() throws Exception {
    server.enqueue(recorded("v5GetTickers", "empty-list.json"));
    server.enqueue(json(body("v5GetTickers", "docs-v5.json").replace("\"fundingRate\": \"0.0001\"",
        "\"fundingRate\": \"\"")));

    assertTrue(funding().predictedFundingFee("BTCUSD").isEmpty());
    assertTrue(funding().predictedFundingFee("BTCUSD").isEmpty());

    assertEquals(2, server.getRequestCount());
    assertEquals("/v5/market/tickers", take(server).getUrl().encodedPath());
    assertEquals("/v5/market/tickers", take(server).getUrl().encodedPath());
  }

  @Test
  void badInputIsRefusedBeforeAnythingIsSent() {
    V5Funding funding = funding();

    assertThrows(IllegalArgumentException.class, () -> funding.lastFundingFee(Category.SPOT, "BTCUSDT"));
    assertThrows(IllegalArgumentException.class, () -> funding.lastFundingFee(null, "BTCUSD"));
    assertThrows(IllegalArgumentException.class, () -> funding.lastFundingFee(" "));
    assertThrows(IllegalArgumentException.class, () -> funding.predictedFundingFee(Category.OPTION, "BTC-30JUN23-1"));
    assertThrows(IllegalArgumentException.class, () -> funding.predictedFundingFee(null));
    assertThrows(NullPointerException.class, () -> new V5Funding(null));

    assertEquals(0, server.getRequestCount());
  }
}
