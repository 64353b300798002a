package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.v5.GetPortfolioMarginRequest;
import io.github.bybitkit.v5.V5AssetClient;
import io.github.bybitkit.v5.model.BybitAssetPnlRange;
import io.github.bybitkit.v5.model.BybitOptionExpiryPnlRange;
import io.github.bybitkit.v5.model.BybitOptionPositionPnlRange;
import io.github.bybitkit.v5.model.BybitPerpPositionPnlRange;
import io.github.bybitkit.v5.model.BybitPnlRange;
import io.github.bybitkit.v5.model.BybitPortfolioMargin;
import io.github.bybitkit.v5.model.BybitPortfolioMarginWallet;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** End to end through the public client: {@code getPortfolioMargin}, the v5 operation. */
class V5AssetClientTest {
  private static final String PATH = "/v5/asset/portfolio-margin";

  @StartStop
  final MockWebServer server = new MockWebServer();

  private V5AssetClient asset() {
    return TestClients.client(server).v5().asset();
  }

  private RecordedRequest takenGet() throws InterruptedException {
    RecordedRequest request = take(server);
    assertEquals("GET", request.getMethod());
    assertEquals(PATH, request.getUrl().encodedPath());
    return request;
  }

  private static BigDecimal dec(String text) {
    return new BigDecimal(text);
  }

  private static List<BigDecimal> decs(String... texts) {
    return Arrays.stream(texts).map(BigDecimal::new).toList();
  }

  @Test
  void sendsBaseCoinAndSignsTheQueryInHeaders() throws Exception {
    server.enqueue(recorded("getPortfolioMargin", "docs-v5.json"));

    asset().getPortfolioMargin(GetPortfolioMarginRequest.builder().baseCoin("BTC").build());

    RecordedRequest request = takenGet();
    assertEquals(Map.of("baseCoin", "BTC"), TestClients.verifier().verifyV5Get(request));
    assertEquals("baseCoin=BTC", SignatureVerifier.rawQuery(request));
  }

  @Test
  void signsTheQueryExactlyAsEncodedOnTheWire() throws Exception {
    server.enqueue(recorded("getPortfolioMargin", "docs-v5.json"));

    asset().getPortfolioMargin(GetPortfolioMarginRequest.builder().baseCoin("B T+C/\u00e9").build());

    RecordedRequest request = takenGet();
    assertEquals("baseCoin=B%20T%2BC%2F%C3%A9", SignatureVerifier.rawQuery(request));
    assertEquals(Map.of("baseCoin", "B T+C/\u00e9"), TestClients.verifier().verifyV5Get(request));
  }

  @Test
  void withoutBaseCoinSignsAnEmptyQuery() throws Exception {
    server.enqueue(recorded("getPortfolioMargin", "docs-v5.json"));

    asset().getPortfolioMargin();

    RecordedRequest request = takenGet();
    assertEquals(Map.of(), TestClients.verifier().verifyV5Get(request));
    assertEquals("", SignatureVerifier.rawQuery(request));
  }

  @Test
  void aConfiguredReceiveWindowIsSentAndSigned() throws Exception {
    server.enqueue(recorded("getPortfolioMargin", "docs-v5.json"));

    TestClients.builder(server).recvWindow(Duration.ofMillis(2500)).build().v5().asset()
        .getPortfolioMargin(GetPortfolioMarginRequest.builder().baseCoin("ETH").build());

    assertEquals(Map.of("baseCoin", "ETH"), TestClients.verifier(2500).verifyV5Get(takenGet()));
  }

  @Test
  void keepsTheTraceIdOfThePagesFirstVersionUnderStrictDecoding() throws Exception {
    server.enqueue(recorded("getPortfolioMargin", "first-version-trace-id.json"));

    BybitPortfolioMargin margin = TestClients.builder(server).strictDecoding(true).build().v5().asset()
        .getPortfolioMargin();
    takenGet();

    assertEquals("b6e1c7f0a4d3e2f1", margin.traceId());
    assertEquals(dec("52197.86892104"), margin.wallet().equity());
  }

  @Test
  void decodesTheDocsExampleExactly() throws Exception {
    server.enqueue(recorded("getPortfolioMargin", "docs-v5.json"));

    BybitPortfolioMargin margin = asset().getPortfolioMargin();
    takenGet();

    BybitPortfolioMarginWallet wallet = margin.wallet();
    assertEquals(dec("52197.86892104"), wallet.equity());
    assertEquals(dec("45391.74423708"), wallet.cashBalance());
    assertEquals(dec("52145.70917115"), wallet.marginBalance());
    assertEquals(dec("50893.36062347"), wallet.availableBalance());
    assertEquals(dec("1304.50829757"), wallet.accountIM());
    assertEquals(dec("1069.93399838"), wallet.accountMM());
    assertEquals(dec("0.0204"), wallet.accountMMRate());
    assertEquals(dec("0.0249"), wallet.accountIMRate());
    assertNull(wallet.totalRPL()); // dropped from Bybit's table, optional here
    assertNull(wallet.perpUPL());

    assertEquals(1, margin.assetPnlRange().size());
    BybitAssetPnlRange btc = margin.assetPnlRange().get(0);
    assertEquals("BTC", btc.baseCoin());

    List<BybitPnlRange> all = btc.totalPnlRanges().all().pnlRanges();
    assertEquals(decs("-0.1", "-0.08", "-0.06", "-0.04", "-0.02", "0.0", "0.02", "0.04", "0.06", "0.08", "0.1"),
        all.stream().map(BybitPnlRange::priceScale).toList()); // "0.0" keeps scale 1
    assertEquals(decs("-1004.74710000"), all.get(0).pnls());
    assertEquals(decs("1016.16720000"), all.get(10).pnls());
    assertEquals(decs("0.00000000"), btc.totalPnlRanges().perpetual().pnlRanges().get(5).pnls());
    assertEquals(decs("44.02244694"), btc.totalPnlRanges().option().pnlRanges().get(10).pnls());

    BybitPerpPositionPnlRange perp = btc.perpPositionPnlRanges().get(0);
    assertEquals("BTCUSDT", perp.symbolName());
    assertEquals(dec("0.038"), perp.position());
    assertEquals(11, perp.pnlRanges().size());
    assertEquals(dec("75995.4295"), perp.sessionAvgPrice());
    assertEquals(dec("255902.31000000"), perp.markPrice());
    assertEquals(dec("0.0"), perp.orderSize());
    assertEquals(2, perp.contractType());
    assertEquals("USDT", perp.settleCoin());
    assertEquals("BTCUSDT", perp.symbolAlias());

    BybitOptionExpiryPnlRange expiry = btc.optionExpiryDatePnlRanges().get(0);
    assertEquals("25SEP26", expiry.expiryDateRepresentation());
    assertEquals(decs("-24.06747339", "-33.15841013", "-39.65273684"), expiry.pnlRanges().get(0).pnls());
    BybitOptionPositionPnlRange option = expiry.optionPositionPnlRanges().get(0);
    assertEquals("BTC-25SEP26-80000-C-USDT", option.symbolName());
    assertEquals(dec("0.02"), option.position());
    assertEquals(decs("14.21190294", "0.00067229", "-11.36906857"), option.pnlRanges().get(5).pnls());
    assertEquals(dec("0"), option.sessionAvgPrice());
    assertEquals(dec("2608.56395729"), option.markPrice());
    assertEquals(5, option.contractType());
    assertEquals("USDT", option.settleCoin());

    assertEquals(dec("0.00000000"), btc.contingency().optionContingency());
    assertEquals(dec("56.89174177"), btc.contingency().futureDeltaContingency());
    assertEquals(dec("57.69544638"), btc.contingency().contingencyComponents());
    assertEquals(dec("0.80370460"), btc.contingency().futureContingency());
    assertEquals("BTC", btc.asset().coin());
    assertEquals(dec("1274.8190514137673"), btc.asset().assetIM());
    assertEquals(dec("1062.3492095114727"), btc.asset().assetMM());
    assertEquals(dec("-0.1"), btc.maxLossPriceMove());
    assertEquals(dec("-0.2"), btc.maxLossIvShock());
    assertEquals(dec("-0.2"), btc.totalClosePzFee());
    assertEquals(dec("-0.00100006"), btc.spotHedgeInfo().hedgeSpotSize());
    assertEquals(dec("-0.00000007"), btc.spotHedgeInfo().walletBalance());
    assertEquals(dec("0"), btc.spotHedgeInfo().usdIndexPrice());
    assertEquals(decs("7.05047869"), btc.spotHedgeInfo().pnlRanges().get(0).pnls());
    assertEquals(Collections.nCopies(11, dec("-0.2")), btc.maxLossIvShockList());
  }

  @Test
  void asyncReturnsTheSameValueForTheSameRequest() throws Exception {
    server.enqueue(recorded("getPortfolioMargin", "docs-v5.json"));
    server.enqueue(recorded("getPortfolioMargin", "docs-v5.json"));
    GetPortfolioMarginRequest btc = GetPortfolioMarginRequest.builder().baseCoin("BTC").build();

    BybitPortfolioMargin sync = asset().getPortfolioMargin(btc);
    BybitPortfolioMargin async = asset().getPortfolioMarginAsync(btc).get(5, TimeUnit.SECONDS);

    assertEquals(sync, async);
    RecordedRequest first = takenGet();
    RecordedRequest second = takenGet();
    assertEquals(first.getTarget(), second.getTarget());
    assertEquals(first.getHeaders().get("X-BAPI-SIGN"), second.getHeaders().get("X-BAPI-SIGN"));
    TestClients.verifier().verifyV5Get(second);
  }

  @Test
  void theRecordedRateLimitEnvelopeThrowsBybitRateLimitException() throws Exception {
    server.enqueue(recorded("getPortfolioMargin", "error-10006-too-many-visits.json"));

    BybitRateLimitException e = assertThrows(BybitRateLimitException.class, () -> asset().getPortfolioMargin());

    assertEquals(10006, e.retCode().getAsInt());
    assertEquals("Too many visits!", e.retMsg().orElseThrow());
    assertEquals(200, e.httpStatus());
    assertTrue(e.resetAt().isEmpty(), "no X-Bapi-Limit-Reset-Timestamp header, so the reset is unknown");
    assertEquals("getPortfolioMargin", e.operationId());
    assertTrue(e.getMessage().contains("getPortfolioMargin"), e.getMessage());
    takenGet();
  }

  @Test
  void theRecordedErrorEnvelopeFailsTheFutureWithTheExceptionItself() throws Exception {
    server.enqueue(recorded("getPortfolioMargin", "error-10006-too-many-visits.json"));

    CompletableFuture<BybitPortfolioMargin> future = asset().getPortfolioMarginAsync();

    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    BybitRateLimitException cause = assertInstanceOf(BybitRateLimitException.class, e.getCause());
    assertEquals(10006, cause.retCode().getAsInt());
    assertSame(cause, future.handle((value, failure) -> failure).join(), "not wrapped in CompletionException");
  }

  @Test
  void withoutCredentialsNothingIsSent() {
    V5AssetClient anonymous = TestClients.anonymousClient(server).v5().asset();

    IllegalStateException e = assertThrows(IllegalStateException.class, anonymous::getPortfolioMargin);

    assertTrue(e.getMessage().contains("getPortfolioMargin"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void anHtmlErrorPageGivesBybitExceptionWithoutSecrets() throws Exception {
    server.enqueue(new MockResponse.Builder()
        .code(403)
        .setHeader("Content-Type", "text/html")
        .body("<html><head><title>403 Forbidden</title></head><body><h1>403 Forbidden</h1></body></html>")
        .build());

    BybitException e = assertThrows(BybitException.class, () -> asset().getPortfolioMargin());

    assertFalse(e instanceof BybitApiException);
    String sign = SignatureVerifier.signatureOf(takenGet());
    assertTrue(e.getMessage().contains("getPortfolioMargin"), e.getMessage());
    assertTrue(e.getMessage().contains("403"), e.getMessage());
    assertFalse(e.getMessage().contains(TestClients.KEY), e.getMessage());
    assertFalse(e.getMessage().contains(TestClients.SECRET), e.getMessage());
    assertFalse(e.getMessage().contains(sign), e.getMessage());
  }

  @Test
  void anHtmlErrorPageQuotingTheSignedHeadersLeaksNeitherKeyNorSignature() throws Exception {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return new MockResponse.Builder()
            .code(403)
            .setHeader("Content-Type", "text/html")
            .body("<html><body>Blocked " + request.getTarget() + " key=" + request.getHeaders().get("X-BAPI-API-KEY")
                + " sign=" + request.getHeaders().get("X-BAPI-SIGN") + "</body></html>")
            .build();
      }
    });

    BybitException e = assertThrows(BybitException.class, () -> asset().getPortfolioMargin());

    String sign = SignatureVerifier.signatureOf(takenGet());
    assertTrue(e.getMessage().contains("getPortfolioMargin"), e.getMessage());
    assertFalse(e.getMessage().contains(TestClients.KEY), e.getMessage());
    assertFalse(e.getMessage().contains(sign), e.getMessage());
  }
}
