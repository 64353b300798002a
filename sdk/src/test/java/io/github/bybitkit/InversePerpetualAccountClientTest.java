package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.json;
import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.SignatureVerifier.JsonField.bool;
import static io.github.bybitkit.SignatureVerifier.JsonField.number;
import static io.github.bybitkit.SignatureVerifier.JsonField.string;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.SignatureVerifier.JsonField;
import io.github.bybitkit.enums.PositionMode;
import io.github.bybitkit.enums.SearchDirection;
import io.github.bybitkit.enums.StopLossTakeProfitMode;
import io.github.bybitkit.enums.ClosedPnlExecType;
import io.github.bybitkit.enums.TradeType;
import io.github.bybitkit.enums.WalletFundType;
import io.github.bybitkit.enums.WithdrawStatus;
import io.github.bybitkit.inverseperpetual.GetAssetExchangeHistoryRequest;
import io.github.bybitkit.inverseperpetual.GetBalancesRequest;
import io.github.bybitkit.inverseperpetual.GetPositionsRequest;
import io.github.bybitkit.inverseperpetual.GetProfitAndLossHistoryRequest;
import io.github.bybitkit.inverseperpetual.GetRiskLimitRequest;
import io.github.bybitkit.inverseperpetual.GetWalletFundHistoryRequest;
import io.github.bybitkit.inverseperpetual.GetWithdrawalHistoryRequest;
import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import io.github.bybitkit.inverseperpetual.SetLeverageRequest;
import io.github.bybitkit.inverseperpetual.SetRiskLimitRequest;
import io.github.bybitkit.inverseperpetual.model.BybitApiKeyInfo;
import io.github.bybitkit.inverseperpetual.model.BybitBalance;
import io.github.bybitkit.inverseperpetual.model.BybitExchangeHistoryEntry;
import io.github.bybitkit.inverseperpetual.model.BybitFundingSettlement;
import io.github.bybitkit.inverseperpetual.model.BybitPnlEntry;
import io.github.bybitkit.inverseperpetual.model.BybitPosition;
import io.github.bybitkit.inverseperpetual.model.BybitPredictedFunding;
import io.github.bybitkit.inverseperpetual.model.BybitRiskId;
import io.github.bybitkit.inverseperpetual.model.BybitRiskLimit;
import io.github.bybitkit.inverseperpetual.model.BybitTpSlMode;
import io.github.bybitkit.inverseperpetual.model.BybitWalletFundRecord;
import io.github.bybitkit.inverseperpetual.model.BybitWithdrawal;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * End to end through the public client, for each of the fifteen inverse-perpetual account operations: the request
 * on the wire (method, path, parameter names, values and JSON types as the spec says), its signature recomputed
 * independently, and the recorded responses of {@code spec/recorded/<operationId>/} decoded exactly.
 */
class InversePerpetualAccountClientTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private final SignatureVerifier verifier = TestClients.verifier();

  private InversePerpetualAccountClient account() {
    return TestClients.client(server).inversePerpetual().account();
  }

  private RecordedRequest taken(String method, String path) throws InterruptedException {
    RecordedRequest request = take(server);
    assertEquals(method, request.getMethod());
    assertEquals(path, request.getUrl().encodedPath());
    return request;
  }

  private Map<String, String> signedGet(String path) throws InterruptedException {
    return verifier.verifyV2Query(taken("GET", path));
  }

  private Map<String, JsonField> signedPost(String path) throws InterruptedException {
    return verifier.verifyV2Body(taken("POST", path));
  }

  private static BigDecimal dec(String text) {
    return new BigDecimal(text);
  }

  // ---------------------------------------------------------------- changeMargin

  @Test
  void changeMarginSendsSymbolAndMarginOnlyAsBybitTakesThem() throws Exception {
    server.enqueue(recorded("changeMargin", "docs-2023.json"));

    BigDecimal margin = account().changeMargin("BTCUSD", dec("0.01"));

    assertEquals(Map.of("symbol", string("BTCUSD"), "margin", string("0.01")),
        signedPost("/v2/private/position/change-position-margin"));
    assertEquals(dec("0.00000997"), margin); // equals: scale 8 kept
  }

  @Test
  void changeMarginSendsNegativeAndTinyMarginsInPlainNotation() throws Exception {
    server.enqueue(recorded("changeMargin", "docs-2023.json"));
    server.enqueue(recorded("changeMargin", "docs-2023.json"));

    account().changeMargin("BTCUSD", dec("-0.005"));
    account().changeMargin("BTCUSD", dec("1E-8"));

    assertEquals(Map.of("symbol", string("BTCUSD"), "margin", string("-0.005")),
        signedPost("/v2/private/position/change-position-margin"));
    assertEquals(Map.of("symbol", string("BTCUSD"), "margin", string("0.00000001")),
        signedPost("/v2/private/position/change-position-margin"));
  }

  @Test
  void changeMarginInTheSeedsFormTakesOneWayAndSendsNoPositionIdx() throws Exception {
    server.enqueue(recorded("changeMargin", "docs-2023.json"));
    server.enqueue(recorded("changeMargin", "docs-2023.json"));

    BigDecimal margin = account().changeMargin("BTCUSD", PositionMode.ONE_WAY, dec("0.01"));
    account().changeMarginAsync("BTCUSD", PositionMode.ONE_WAY, dec("-0.02")).get(5, TimeUnit.SECONDS);

    assertEquals(Map.of("symbol", string("BTCUSD"), "margin", string("0.01")),
        signedPost("/v2/private/position/change-position-margin"));
    assertEquals(Map.of("symbol", string("BTCUSD"), "margin", string("-0.02")),
        signedPost("/v2/private/position/change-position-margin"));
    assertEquals(dec("0.00000997"), margin);
  }

  @Test
  void changeMarginInTheSeedsFormRefusesHedgeModeIndexesAndSendsNothing() {
    for (PositionMode mode : new PositionMode[] {PositionMode.BOTH_SIDE_BUY, PositionMode.BOTH_SIDE_SELL,
        PositionMode.UNKNOWN, null}) {
      IllegalArgumentException sync = assertThrows(IllegalArgumentException.class,
          () -> account().changeMargin("BTCUSD", mode, dec("0.01")));
      assertTrue(sync.getMessage().contains("ONE_WAY") && sync.getMessage().contains("one-way"), sync.getMessage());
      assertThrows(IllegalArgumentException.class,
          () -> account().changeMarginAsync("BTCUSD", mode, dec("0.01")));
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void changeMarginDecodesTheExponentFormOf2021() throws Exception {
    server.enqueue(recorded("changeMargin", "docs-2021.json"));

    BigDecimal margin = account().changeMargin("BTCUSD", dec("0.0001"));

    assertEquals(0, dec("0.00009996").compareTo(margin), margin::toString); // sent as 9.996e-05
    assertEquals("0.00009996", margin.toPlainString());
    signedPost("/v2/private/position/change-position-margin");
  }

  // ---------------------------------------------------------------- getApiKeyInfo

  @Test
  void getApiKeyInfoSendsOnlyAuthParameters() throws Exception {
    server.enqueue(recorded("getApiKeyInfo", "docs-2023.json"));

    List<BybitApiKeyInfo> keys = account().getApiKeyInfo();

    assertEquals(Map.of(), signedGet("/v2/private/account/api-key"));
    assertEquals(1, keys.size());
    BybitApiKeyInfo key = keys.get(0);
    assertEquals("XXXXXX", key.apiKey());
    assertTrue(key.toString().startsWith("BybitApiKeyInfo[apiKey=XXXX..., type=personal, userId=12345678"),
        key::toString);
    assertFalse(key.toString().contains("XXXXXX"), key::toString);
    assertEquals("personal", key.type());
    assertEquals(12345678L, key.userId());
    assertEquals(0L, key.inviterId());
    assertEquals(List.of("*"), key.ips());
    assertEquals("apikey", key.note());
    assertEquals(List.of("Order", "Position", "SpotTrade", "AccountTransfer", "OptionsTrade", "DerivativesTrade"),
        key.permissions());
    assertEquals(Instant.parse("2022-08-25T07:16:07Z"), key.createdAt());
    assertEquals(Instant.parse("2022-11-25T07:16:07Z"), key.expiredAt());
    assertEquals(Boolean.FALSE, key.readOnly());
    assertEquals("VIP-1", key.vipLevel());
    assertEquals("0", key.mktMakerLevel());
    assertEquals(0L, key.affiliateId());
  }

  @Test
  void getApiKeyInfoDecodesThe2021FormWithoutLaterFields() throws Exception {
    server.enqueue(recorded("getApiKeyInfo", "docs-2021.json"));

    BybitApiKeyInfo key = account().getApiKeyInfo().get(0);

    assertEquals("7GkMBBLTbGRfa0Nuh1", key.apiKey());
    assertEquals(1L, key.userId());
    assertEquals(3L, key.inviterId());
    assertEquals("scalping_bot", key.note());
    assertEquals(List.of("Order", "Position"), key.permissions());
    assertEquals(Instant.parse("2019-10-28T13:22:39Z"), key.createdAt());
    assertEquals(Instant.parse("2020-01-28T13:22:39Z"), key.expiredAt());
    assertNull(key.vipLevel());
    assertNull(key.mktMakerLevel());
    assertNull(key.affiliateId());
    signedGet("/v2/private/account/api-key");
  }

  @Test
  void getApiKeyInfoDecodesAnEmptyResult() throws Exception {
    server.enqueue(recorded("getApiKeyInfo", "empty-result.json"));

    assertEquals(List.of(), account().getApiKeyInfo());
    signedGet("/v2/private/account/api-key");
  }

  // ---------------------------------------------------------------- getAssetExchangeHistory

  @Test
  void getAssetExchangeHistorySendsFromDirectionAndLimit() throws Exception {
    server.enqueue(recorded("getAssetExchangeHistory", "docs-2023.json"));

    account().getAssetExchangeHistory(GetAssetExchangeHistoryRequest.builder()
        .fromId(31L).direction(SearchDirection.PREV).limit(50).build());

    assertEquals(Map.of("from", "31", "direction", "Prev", "limit", "50"),
        signedGet("/v2/private/exchange-order/list"));
  }

  @Test
  void getAssetExchangeHistoryDecodesRecords() throws Exception {
    server.enqueue(recorded("getAssetExchangeHistory", "docs-2023.json"));

    List<BybitExchangeHistoryEntry> records = account().getAssetExchangeHistory();

    assertEquals(Map.of(), signedGet("/v2/private/exchange-order/list"));
    assertEquals(2, records.size());
    BybitExchangeHistoryEntry first = records.get(0);
    assertEquals(31L, first.id());
    assertEquals(dec("40.57202774"), first.exchangeRate());
    assertEquals("BTC", first.fromCoin());
    assertEquals(dec("0.1"), first.fromAmount());
    assertEquals("ETH", first.toCoin());
    assertEquals(dec("4.05720277"), first.toAmount());
    assertEquals(dec("0.0005"), first.fromFee());
    assertEquals(LocalDateTime.of(2020, 6, 15, 3, 32, 52), first.createdAt());
    BybitExchangeHistoryEntry second = records.get(1);
    assertEquals(30L, second.id());
    assertEquals(dec("1"), second.fromAmount());
    assertEquals(dec("39.923599"), second.toAmount());
    assertEquals(LocalDateTime.of(2020, 6, 12, 8, 27, 51), second.createdAt());
  }

  @Test
  void getAssetExchangeHistoryDecodesAnEmptyResult() throws Exception {
    server.enqueue(recorded("getAssetExchangeHistory", "empty-result.json"));

    assertEquals(List.of(), account().getAssetExchangeHistory());
    signedGet("/v2/private/exchange-order/list");
  }

  // ---------------------------------------------------------------- getBalances

  @Test
  void getBalancesSendsCoin() throws Exception {
    server.enqueue(recorded("getBalances", "docs-2023.json"));

    account().getBalances(GetBalancesRequest.builder().asset("BTC").build());

    assertEquals(Map.of("coin", "BTC"), signedGet("/v2/private/wallet/balance"));
  }

  @Test
  void getBalancesDecodesBalancesKeyedByCoin() throws Exception {
    server.enqueue(recorded("getBalances", "docs-2023.json"));

    Map<String, BybitBalance> balances = account().getBalances();

    assertEquals(Map.of(), signedGet("/v2/private/wallet/balance"));
    assertEquals(List.of("BTC"), List.copyOf(balances.keySet()));
    BybitBalance btc = balances.get("BTC");
    assertEquals(dec("1002"), btc.equity());
    assertEquals(dec("999.99987471"), btc.availableBalance());
    assertEquals(dec("0.00012529"), btc.usedMargin());
    assertEquals(dec("0.00012529"), btc.orderMargin());
    assertEquals(dec("0"), btc.positionMargin());
    assertEquals(dec("0"), btc.occClosingFee());
    assertEquals(dec("0"), btc.occFundingFee());
    assertEquals(dec("1000"), btc.walletBalance());
    assertEquals(dec("0"), btc.realisedPnl());
    assertEquals(dec("2"), btc.unrealisedPnl());
    assertEquals(dec("0"), btc.cumRealisedPnl());
    assertEquals(dec("0"), btc.givenCash());
    assertEquals(dec("0"), btc.serviceCash());
  }

  @Test
  void queryValuesThatNeedEncodingAreSignedDecoded() throws Exception {
    server.enqueue(recorded("getBalances", "docs-2023.json"));

    // '&' and '=' are refused (RequestBoundsTest): v2 signs them unescaped, which would be ambiguous.
    account().getBalances(GetBalancesRequest.builder().asset("a b+c/d%\u00e9").build());

    RecordedRequest request = taken("GET", "/v2/private/wallet/balance");
    assertTrue(SignatureVerifier.rawQuery(request).contains("coin=a%20b%2Bc%2Fd%25%C3%A9"),
        SignatureVerifier.rawQuery(request));
    assertEquals(Map.of("coin", "a b+c/d%\u00e9"), verifier.verifyV2Query(request));
  }

  // ---------------------------------------------------------------- shapes independent sources show (strictly decoded)

  private InversePerpetualAccountClient strictAccount() {
    return TestClients.builder(server).strictDecoding(true).build().inversePerpetual().account();
  }

  @Test
  void aKeyThatNeverExpiresHasNoExpiry() throws Exception {
    server.enqueue(recorded("getApiKeyInfo", "never-expires.json"));

    BybitApiKeyInfo key = strictAccount().getApiKeyInfo().get(0);

    signedGet("/v2/private/account/api-key");
    assertNull(key.expiredAt());
    assertEquals(Instant.parse("2022-08-25T07:16:07Z"), key.createdAt());
  }

  @Test
  void aFundingRateSentAsAStringDecodesExactly() throws Exception {
    server.enqueue(recorded("getLastUserFundingFee", "string-rate.json"));

    BybitFundingSettlement settlement = strictAccount().getLastUserFundingFee("BTCUSD");

    signedGet("/v2/private/funding/prev-funding");
    assertEquals(dec("0.0001"), settlement.fundingRate());
  }

  @Test
  void aPositionKeepsItsCumulativeCommission() throws Exception {
    server.enqueue(recorded("getPositions", "with-symbol-cum-commission.json"));

    List<BybitPosition> positions =
        strictAccount().getPositions(GetPositionsRequest.builder().symbol("BTCUSD").build());

    signedGet("/v2/private/position/list");
    assertEquals(dec("0.00002244"), positions.get(0).cumCommission());
  }

  // ---------------------------------------------------------------- getLastUserFundingFee

  @Test
  void getLastUserFundingFeeSendsSymbolAndDecodesTheSettlement() throws Exception {
    server.enqueue(recorded("getLastUserFundingFee", "docs-2023.json"));

    BybitFundingSettlement settlement = account().getLastUserFundingFee("BTCUSD");

    assertEquals(Map.of("symbol", "BTCUSD"), signedGet("/v2/private/funding/prev-funding"));
    assertEquals("BTCUSD", settlement.symbol());
    assertEquals("Buy", settlement.side());
    assertEquals(dec("1"), settlement.size());
    assertEquals(dec("0.0001"), settlement.fundingRate());
    assertEquals(dec("0.00000002"), settlement.execFee());
    assertEquals(Instant.ofEpochSecond(1575907200), settlement.execTimestamp());
  }

  // ---------------------------------------------------------------- getPositions

  @Test
  void getPositionsWithSymbolReturnsTheOnePosition() throws Exception {
    server.enqueue(recorded("getPositions", "with-symbol-docs-2023.json"));

    List<BybitPosition> positions =
        account().getPositions(GetPositionsRequest.builder().symbol("BTCUSD").build());

    assertEquals(Map.of("symbol", "BTCUSD"), signedGet("/v2/private/position/list"));
    assertEquals(1, positions.size());
    BybitPosition p = positions.get(0);
    assertEquals(27913L, p.id());
    assertNull(p.positionIdxRaw()); // not sent in this form
    assertNull(p.positionIdx());
    assertEquals(1L, p.userId());
    assertEquals(1L, p.riskId());
    assertEquals("BTCUSD", p.symbol());
    assertEquals("Buy", p.side());
    assertEquals(dec("5"), p.size());
    assertEquals(dec("0.0006947"), p.positionValue());
    assertEquals(dec("7197.35137469"), p.entryPrice());
    assertEquals(Boolean.TRUE, p.isIsolated());
    assertEquals(0, p.autoAddMargin());
    assertEquals(dec("1"), p.leverage());
    assertEquals(dec("3608"), p.liqPrice());
    assertEquals(dec("0.00000105"), p.occClosingFee());
    assertEquals("Normal", p.positionStatus());
    assertEquals(4, p.deleverageIndicator());
    assertEquals("{\"blq\":2,\"blv\":\"0.0002941\",\"slq\":0,\"bmp\":6800.408,\"smp\":0,\"fq\":-5,"
        + "\"fc\":-0.00029477,\"bv2c\":1.00225,\"sv2c\":1.0007575}", p.ocCalcData());
    assertEquals(dec("0.00029477"), p.orderMargin());
    assertEquals(dec("0.03000227"), p.walletBalance());
    assertEquals(dec("-0.00000126"), p.realisedPnl());
    assertEquals(dec("0"), p.unrealisedPnl());
    assertEquals(dec("-0.00001306"), p.cumRealisedPnl());
    assertEquals(444081383L, p.crossSeq());
    assertEquals(287141589L, p.positionSeq());
    assertEquals(Instant.parse("2019-10-19T17:04:55Z"), p.createdAt());
    assertEquals(Instant.parse("2019-12-27T20:25:45.158767Z"), p.updatedAt());
    assertEquals(StopLossTakeProfitMode.PARTIAL, p.tpSlMode());
    assertEquals("Partial", p.tpSlModeRaw());
  }

  @Test
  void getPositionsWithoutSymbolReturnsEveryValidEntry() throws Exception {
    server.enqueue(recorded("getPositions", "without-symbol-docs-2023.json"));

    List<BybitPosition> positions = account().getPositions();

    assertEquals(Map.of(), signedGet("/v2/private/position/list"));
    assertEquals(List.of("BTCUSD", "XRPUSD"), positions.stream().map(BybitPosition::symbol).toList());
    BybitPosition btc = positions.get(0);
    assertEquals(0L, btc.id());
    assertEquals(PositionMode.ONE_WAY, btc.positionIdx());
    assertEquals("0", btc.positionIdxRaw());
    assertEquals(0, btc.mode());
    assertEquals(118921L, btc.userId());
    assertEquals(dec("10"), btc.size());
    assertEquals(Boolean.FALSE, btc.isIsolated());
    assertEquals(1, btc.autoAddMargin());
    assertEquals(dec("100"), btc.leverage());
    assertEquals(dec("0.01"), btc.effectiveLeverage());
    assertEquals(dec("0.00003797"), btc.unrealisedPnl());
    assertEquals(dec("-0.090626"), btc.cumRealisedPnl());
    assertEquals(Instant.parse("2020-11-02T00:00:11.943371457Z"), btc.updatedAt());
    assertEquals(StopLossTakeProfitMode.PARTIAL, btc.tpSlMode());
    BybitPosition xrp = positions.get(1);
    assertEquals("None", xrp.side());
    assertEquals(dec("0"), xrp.size());
    assertEquals(dec("16.67"), xrp.leverage());
    assertEquals(35L, xrp.riskId());
    assertEquals(-1L, xrp.crossSeq());
    assertEquals(Instant.parse("2020-08-22T08:06:32Z"), xrp.updatedAt());
  }

  @Test
  void getPositionsLeavesOutEntriesBybitMarksInvalid() throws Exception {
    String body = RecordedResponses.body("getPositions", "without-symbol-docs-2023.json");
    int first = body.indexOf("\"is_valid\": true");
    assertTrue(first > 0);
    server.enqueue(json(body.substring(0, first) + "\"is_valid\": false"
        + body.substring(first + "\"is_valid\": true".length())));

    List<BybitPosition> positions = account().getPositions();

    assertEquals(List.of("XRPUSD"), positions.stream().map(BybitPosition::symbol).toList());
    signedGet("/v2/private/position/list");
  }

  // ---------------------------------------------------------------- getPredictedUserFundingFee

  @Test
  void getPredictedUserFundingFeeSendsSymbolAndDecodesThePrediction() throws Exception {
    server.enqueue(recorded("getPredictedUserFundingFee", "docs-2023.json"));

    BybitPredictedFunding predicted = account().getPredictedUserFundingFee("BTCUSD");

    assertEquals(Map.of("symbol", "BTCUSD"), signedGet("/v2/private/funding/predicted-funding"));
    assertEquals(dec("0.0001"), predicted.predictedFundingRate());
    assertEquals(dec("0"), predicted.predictedFundingFee());
  }

  // ---------------------------------------------------------------- getProfitAndLossHistory

  @Test
  void getProfitAndLossHistorySendsEveryFilterUnderItsWireName() throws Exception {
    server.enqueue(recorded("getProfitAndLossHistory", "docs-2023.json"));

    account().getProfitAndLossHistory(GetProfitAndLossHistoryRequest.builder()
        .symbol("BTCUSD")
        .startTime(Instant.ofEpochSecond(1591000000))
        .endTime(Instant.ofEpochSecond(1591155741))
        .type(ClosedPnlExecType.TRADE)
        .page(2)
        .pageSize(50)
        .build());

    assertEquals(Map.of("symbol", "BTCUSD", "start_time", "1591000000", "end_time", "1591155741",
            "exec_type", "Trade", "page", "2", "limit", "50"),
        signedGet("/v2/private/trade/closed-pnl/list"));
  }

  @Test
  void getProfitAndLossHistoryDecodesAPageWithExactFigures() throws Exception {
    server.enqueue(recorded("getProfitAndLossHistory", "docs-2023.json"));

    BybitPage<BybitPnlEntry> page = account().getProfitAndLossHistory("BTCUSD");

    assertEquals(Map.of("symbol", "BTCUSD"), signedGet("/v2/private/trade/closed-pnl/list"));
    assertEquals(1, page.currentPage());
    assertNull(page.lastPage());
    assertEquals(1, page.data().size());
    BybitPnlEntry e = page.data().get(0);
    assertEquals(9982L, e.id());
    assertEquals(160320L, e.userId());
    assertEquals("BTCUSD", e.symbol());
    assertEquals("e976ac13-10e7-4883-a7ba-13b0e93659f1", e.orderId());
    assertEquals("Sell", e.side());
    assertEquals(dec("226"), e.qty());
    assertEquals(dec("1600"), e.orderPrice());
    assertEquals("Limit", e.orderType());
    assertEquals(TradeType.TRADE, e.execType());
    assertEquals("Trade", e.execTypeRaw());
    assertEquals(dec("113"), e.closedSize());
    assertEquals(dec("0.07062500000000001"), e.cumEntryValue()); // never through double
    assertEquals(dec("1600"), e.avgEntryPrice());
    assertEquals(dec("0.066198"), e.cumExitValue());
    assertEquals(dec("1707"), e.avgExitPrice());
    assertEquals(dec("0.0043950000000000005"), e.closedPnl());
    assertEquals(1, e.fillCount());
    assertEquals(dec("100"), e.leverage());
    assertEquals(Instant.ofEpochSecond(1591155741), e.createdAt());
  }

  @Test
  void getProfitAndLossHistoryTurnsEmptyAndNullDataIntoEmptyPages() throws Exception {
    server.enqueue(recorded("getProfitAndLossHistory", "empty-data.json"));
    server.enqueue(recorded("getProfitAndLossHistory", "null-data.json"));

    BybitPage<BybitPnlEntry> empty = account().getProfitAndLossHistory("BTCUSD");
    BybitPage<BybitPnlEntry> nulled = account().getProfitAndLossHistory("BTCUSD");

    assertEquals(BybitPage.of(1, null, List.of()), empty);
    assertEquals(BybitPage.of(1, null, List.of()), nulled);
    assertTrue(nulled.isEmpty());
    signedGet("/v2/private/trade/closed-pnl/list");
    signedGet("/v2/private/trade/closed-pnl/list");
  }

  // ---------------------------------------------------------------- getRiskLimit (public)

  @Test
  void getRiskLimitGoesOutUnsigned() throws Exception {
    server.enqueue(recorded("getRiskLimit", "docs-2023.json"));

    account().getRiskLimit(GetRiskLimitRequest.builder().symbol("ETHUSD").build());

    RecordedRequest request = taken("GET", "/v2/public/risk-limit/list");
    SignatureVerifier.assertUnsigned(request);
    assertEquals(Map.of("symbol", "ETHUSD"), SignatureVerifier.queryParameters(request));
    assertEquals("symbol=ETHUSD", SignatureVerifier.rawQuery(request));
  }

  @Test
  void getRiskLimitWorksWithoutCredentials() throws Exception {
    server.enqueue(recorded("getRiskLimit", "docs-2023.json"));

    List<BybitRiskLimit> tiers = TestClients.anonymousClient(server).inversePerpetual().account().getRiskLimit();

    assertEquals(2, tiers.size());
    RecordedRequest request = taken("GET", "/v2/public/risk-limit/list");
    SignatureVerifier.assertUnsigned(request);
    assertEquals("", SignatureVerifier.rawQuery(request));
  }

  @Test
  void getRiskLimitDecodesThe2023GenerationOfStringsAndPercentages() throws Exception {
    server.enqueue(recorded("getRiskLimit", "docs-2023.json"));

    List<BybitRiskLimit> tiers = account().getRiskLimit();

    SignatureVerifier.assertUnsigned(taken("GET", "/v2/public/risk-limit/list"));
    BybitRiskLimit first = tiers.get(0);
    assertEquals(11L, first.id());
    assertEquals("ETHUSD", first.symbol());
    assertEquals(dec("500"), first.limit());
    assertEquals(dec("0.5"), first.maintainMargin());
    assertEquals(dec("1"), first.startingMargin());
    assertEquals(List.of(dec("1"), dec("2"), dec("3"), dec("5"), dec("10"), dec("25"), dec("50"), dec("100")),
        first.section());
    assertEquals(1, first.isLowestRisk());
    assertNull(first.createdAt()); // ""
    assertNull(first.updatedAt());
    assertEquals(dec("100"), first.maxLeverage());
    assertEquals("ETH", first.coin());
    BybitRiskLimit second = tiers.get(1);
    assertEquals(21L, second.id());
    assertEquals(dec("30000"), second.limit());
    assertEquals(dec("5.5"), second.maintainMargin());
    assertEquals(dec("11"), second.startingMargin());
    assertEquals(dec("9.1"), second.maxLeverage());
    assertEquals(0, second.isLowestRisk());
  }

  @Test
  void getRiskLimitDecodesThe2021GenerationOfNumbersAndFractions() throws Exception {
    server.enqueue(recorded("getRiskLimit", "docs-2021.json"));

    List<BybitRiskLimit> tiers = account().getRiskLimit();

    SignatureVerifier.assertUnsigned(taken("GET", "/v2/public/risk-limit/list"));
    BybitRiskLimit first = tiers.get(0);
    assertEquals(1L, first.id());
    assertEquals("BTCUSD", first.symbol());
    assertEquals(dec("1000000"), first.limit());
    assertEquals(dec("0.005"), first.maintainMargin());
    assertEquals(dec("0.01"), first.startingMargin());
    assertEquals(8, first.section().size());
    assertEquals(Instant.parse("2021-03-17T08:20:53Z"), first.createdAt());
    assertEquals(Instant.parse("2021-03-17T08:20:53Z"), first.updatedAt());
    assertEquals(dec("100"), first.maxLeverage());
    assertNull(first.coin());
    BybitRiskLimit second = tiers.get(1);
    assertEquals(10L, second.id());
    assertEquals(dec("0.05"), second.maintainMargin());
    assertEquals(dec("0.055"), second.startingMargin());
    assertEquals(List.of(dec("1"), dec("2"), dec("3"), dec("4"), dec("5"), dec("10"), dec("15"), dec("18")),
        second.section());
    assertEquals(dec("18.18"), second.maxLeverage());
    assertEquals(Instant.parse("2021-03-17T08:21:12Z"), second.createdAt());
  }

  // ---------------------------------------------------------------- getWalletFundHistory

  @Test
  void getWalletFundHistorySendsTheSpecWireNames() throws Exception {
    server.enqueue(recorded("getWalletFundHistory", "docs-2023.json"));

    account().getWalletFundHistory(GetWalletFundHistoryRequest.builder()
        .asset("BTC")
        .startTime(LocalDate.of(2024, 1, 2))
        .type(WalletFundType.REALISED_PNL)
        .pageSize(20)
        .page(2)
        .build());

    assertEquals(Map.of("coin", "BTC", "start_date", "2024-01-02", "wallet_fund_type", "RealisedPNL",
        "limit", "20", "page", "2"), signedGet("/v2/private/wallet/fund/records"));
  }

  @Test
  void getWalletFundHistorySendsEndDateAndCurrency() throws Exception {
    server.enqueue(recorded("getWalletFundHistory", "docs-2023.json"));

    account().getWalletFundHistory(GetWalletFundHistoryRequest.builder()
        .endTime(LocalDate.of(2024, 12, 31))
        .type(WalletFundType.WITHDRAW)
        .currency("USDT")
        .build());

    assertEquals(Map.of("end_date", "2024-12-31", "wallet_fund_type", "Withdraw", "currency", "USDT"),
        signedGet("/v2/private/wallet/fund/records"));
  }

  @Test
  void getWalletFundHistoryReturnsTheRecordsOfThePage() throws Exception {
    server.enqueue(recorded("getWalletFundHistory", "docs-2023.json"));

    List<BybitWalletFundRecord> records = account().getWalletFundHistory();

    assertEquals(Map.of(), signedGet("/v2/private/wallet/fund/records"));
    assertEquals(2, records.size());
    BybitWalletFundRecord first = records.get(0);
    assertEquals(235853L, first.id());
    assertEquals(1L, first.userId());
    assertEquals("BTC", first.coin());
    assertEquals(27913L, first.walletId());
    assertEquals("Realized P&L", first.type());
    assertEquals(dec("0.00000023"), first.amount());
    assertEquals("", first.txId());
    assertEquals("BTCUSD", first.address());
    assertEquals(dec("0.03000353"), first.walletBalance());
    assertEquals(Instant.parse("2019-12-10T00:00:29Z"), first.execTime());
    assertEquals(0L, first.crossSeq());
    BybitWalletFundRecord second = records.get(1);
    assertEquals(234467L, second.id());
    assertEquals(dec("-0.00000006"), second.amount());
    assertEquals(dec("0.03000330"), second.walletBalance()); // trailing zero kept
    assertEquals(Instant.parse("2019-12-09T00:00:25Z"), second.execTime());
  }

  @Test
  void getWalletFundHistoryTurnsEmptyAndNullDataIntoEmptyLists() throws Exception {
    server.enqueue(recorded("getWalletFundHistory", "empty-data.json"));
    server.enqueue(recorded("getWalletFundHistory", "null-data.json"));

    assertEquals(List.of(), account().getWalletFundHistory());
    assertEquals(List.of(), account().getWalletFundHistory());
    signedGet("/v2/private/wallet/fund/records");
    signedGet("/v2/private/wallet/fund/records");
  }

  // ---------------------------------------------------------------- getWithdrawalHistory

  @Test
  void getWithdrawalHistorySendsTheSpecWireNames() throws Exception {
    server.enqueue(recorded("getWithdrawalHistory", "docs-2023.json"));

    account().getWithdrawalHistory(GetWithdrawalHistoryRequest.builder()
        .asset("XRP")
        .startTime(LocalDate.of(2019, 6, 1))
        .endTime(LocalDate.of(2019, 6, 30))
        .status(WithdrawStatus.PENDING)
        .pageSize(50)
        .page(1)
        .build());

    assertEquals(Map.of("coin", "XRP", "start_date", "2019-06-01", "end_date", "2019-06-30", "status", "Pending",
        "limit", "50", "page", "1"), signedGet("/v2/private/wallet/withdraw/list"));
  }

  @Test
  void getWithdrawalHistoryDecodesWithdrawals() throws Exception {
    server.enqueue(recorded("getWithdrawalHistory", "docs-2023.json"));

    List<BybitWithdrawal> withdrawals = account().getWithdrawalHistory();

    assertEquals(Map.of(), signedGet("/v2/private/wallet/withdraw/list"));
    assertEquals(1, withdrawals.size());
    BybitWithdrawal w = withdrawals.get(0);
    assertEquals(137L, w.id());
    assertEquals(1L, w.userId());
    assertEquals("XRP", w.coin());
    assertEquals(WithdrawStatus.PENDING, w.status());
    assertEquals("Pending", w.statusRaw());
    assertEquals(dec("20.00000000"), w.amount());
    assertEquals(dec("0.25000000"), w.fee());
    assertEquals("rH7H595XYEVTEHU2FySYsWnmfACBnZS9zM", w.address());
    assertEquals("", w.txId());
    assertEquals(Instant.parse("2019-06-11T02:20:24Z"), w.submitedAt());
    assertEquals(Instant.parse("2019-06-11T02:20:24Z"), w.updatedAt());
  }

  @Test
  void getWithdrawalHistoryKeepsAStatusItDoesNotKnow() throws Exception {
    server.enqueue(json(RecordedResponses.body("getWithdrawalHistory", "docs-2023.json")
        .replace("\"status\": \"Pending\"", "\"status\": \"Processing\"")));

    BybitWithdrawal w = account().getWithdrawalHistory().get(0);

    assertEquals(WithdrawStatus.UNKNOWN, w.status());
    assertEquals("Processing", w.statusRaw());
    signedGet("/v2/private/wallet/withdraw/list");
  }

  @Test
  void getWithdrawalHistoryTurnsEmptyDataIntoAnEmptyList() throws Exception {
    server.enqueue(recorded("getWithdrawalHistory", "empty-data.json"));

    assertEquals(List.of(), account().getWithdrawalHistory());
    signedGet("/v2/private/wallet/withdraw/list");
  }

  // ---------------------------------------------------------------- setFullPartialPositionMode

  @Test
  void setFullPartialPositionModeSendsTheModeAndDecodesIt() throws Exception {
    server.enqueue(recorded("setFullPartialPositionMode", "docs-2023.json"));

    BybitTpSlMode mode = account().setFullPartialPositionMode("BTCUSD", StopLossTakeProfitMode.PARTIAL);

    assertEquals(Map.of("symbol", string("BTCUSD"), "tp_sl_mode", string("Partial")),
        signedPost("/v2/private/tpsl/switch-mode"));
    assertEquals(StopLossTakeProfitMode.PARTIAL, mode.tpSlMode());
    assertEquals("Partial", mode.tpSlModeRaw());
  }

  @Test
  void setFullPartialPositionModeSendsFull() throws Exception {
    server.enqueue(recorded("setFullPartialPositionMode", "docs-2023.json"));

    account().setFullPartialPositionMode("BTCUSD", StopLossTakeProfitMode.FULL);

    assertEquals(Map.of("symbol", string("BTCUSD"), "tp_sl_mode", string("Full")),
        signedPost("/v2/private/tpsl/switch-mode"));
  }

  // ---------------------------------------------------------------- setIsolatedMode

  @Test
  void setIsolatedModeSendsABooleanAndNumericLeveragesAndReturnsOnNullResult() throws Exception {
    server.enqueue(recorded("setIsolatedMode", "docs-2023.json"));

    assertDoesNotThrow(() -> account().setIsolatedMode("BTCUSD", true, dec("10"), dec("10")));

    assertEquals(Map.of("symbol", string("BTCUSD"), "is_isolated", bool(true), "buy_leverage", number("10"),
        "sell_leverage", number("10")), signedPost("/v2/private/position/switch-isolated"));
  }

  @Test
  void setIsolatedModeNeverSendsExponentForms() throws Exception {
    server.enqueue(recorded("setIsolatedMode", "docs-2023.json"));

    account().setIsolatedMode("BTCUSD", false, dec("1E+1"), dec("1E-8"));

    assertEquals(Map.of("symbol", string("BTCUSD"), "is_isolated", bool(false), "buy_leverage", number("10"),
        "sell_leverage", number("0.00000001")), signedPost("/v2/private/position/switch-isolated"));
  }

  // ---------------------------------------------------------------- setLeverage

  @Test
  void setLeverageSendsOneExactLeverageAndReturnsTheFractionalResultExactly() throws Exception {
    server.enqueue(recorded("setLeverage", "fractional-result.json"));

    BigDecimal leverage = account().setLeverage("BTCUSD", new BigDecimal("16.67"));

    // verifyV2Body checks the signature over the literal text: leverage=16.67&symbol=BTCUSD plus the auth fields.
    assertEquals(Map.of("symbol", string("BTCUSD"), "leverage", number("16.67")),
        signedPost("/v2/private/position/leverage/save"));
    assertEquals(dec("16.67"), leverage); // equals: scale 2 kept
  }

  @Test
  void setLeverageSendsLeverageOnlyFromTheRequestRecord() throws Exception {
    server.enqueue(recorded("setLeverage", "docs-2023.json"));

    BigDecimal leverage = account().setLeverage(SetLeverageRequest.builder()
        .symbol("BTCUSD").leverage(dec("2.5E+1")).leverageOnly(true).build());

    assertEquals(Map.of("symbol", string("BTCUSD"), "leverage", number("25"), "leverage_only", bool(true)),
        signedPost("/v2/private/position/leverage/save"));
    assertEquals(dec("2"), leverage);
  }

  @Test
  void setLeverageInTheSeedsFormSendsEqualLegsAsOneLeverage() throws Exception {
    server.enqueue(recorded("setLeverage", "docs-2023.json"));
    server.enqueue(recorded("setLeverage", "docs-2023.json"));

    BigDecimal leverage = account().setLeverage("BTCUSD", 5, 5);
    account().setLeverageAsync("BTCUSD", 7, 7).get(5, TimeUnit.SECONDS);

    assertEquals(Map.of("symbol", string("BTCUSD"), "leverage", number("5")),
        signedPost("/v2/private/position/leverage/save"));
    assertEquals(Map.of("symbol", string("BTCUSD"), "leverage", number("7")),
        signedPost("/v2/private/position/leverage/save"));
    assertEquals(dec("2"), leverage);
  }

  @Test
  void setLeverageInTheSeedsFormRefusesDifferentLegsAndSendsNothing() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> account().setLeverage("BTCUSD", 5, 7));
    assertTrue(e.getMessage().contains("buyLeverage (5)") && e.getMessage().contains("sellLeverage (7)"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> account().setLeverageAsync("BTCUSD", 7, 5));
    assertEquals(0, server.getRequestCount());
  }

  // ---------------------------------------------------------------- setRiskLimit

  @Test
  void setRiskLimitSendsRiskIdAsNumberAndDecodesIt() throws Exception {
    server.enqueue(recorded("setRiskLimit", "docs-2023.json"));

    BybitRiskId risk = account().setRiskLimit("BTCUSD", 2);

    assertEquals(Map.of("symbol", string("BTCUSD"), "risk_id", number("2")),
        signedPost("/v2/private/position/risk-limit"));
    assertEquals(2L, risk.riskId());
  }

  @Test
  void setRiskLimitSendsPositionIdxWhenGiven() throws Exception {
    server.enqueue(recorded("setRiskLimit", "docs-2023.json"));

    account().setRiskLimit(SetRiskLimitRequest.builder()
        .symbol("BTCUSD").riskId(2).mode(PositionMode.BOTH_SIDE_BUY).build());

    assertEquals(Map.of("symbol", string("BTCUSD"), "risk_id", number("2"), "position_idx", number("1")),
        signedPost("/v2/private/position/risk-limit"));
  }

  // ---------------------------------------------------------------- receive window

  @Test
  void aConfiguredReceiveWindowIsSentAndSignedOnGetAndPost() throws Exception {
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    server.enqueue(recorded("setLeverage", "docs-2023.json"));
    InversePerpetualAccountClient account =
        TestClients.builder(server).recvWindow(Duration.ofSeconds(10)).build().inversePerpetual().account();

    account.getBalances();
    account.setLeverage("BTCUSD", 2, 2);

    SignatureVerifier tenSeconds = TestClients.verifier(10_000);
    assertEquals(Map.of(), tenSeconds.verifyV2Query(taken("GET", "/v2/private/wallet/balance")));
    Map<String, JsonField> body = tenSeconds.verifyV2Body(taken("POST", "/v2/private/position/leverage/save"));
    assertFalse(body.isEmpty());
  }

  @Test
  void thePublicOperationStaysUnsignedWithAConfiguredReceiveWindow() throws Exception {
    server.enqueue(recorded("getRiskLimit", "docs-2021.json"));

    TestClients.builder(server).recvWindow(Duration.ofMillis(1500)).build()
        .inversePerpetual().account().getRiskLimit();

    SignatureVerifier.assertUnsigned(taken("GET", "/v2/public/risk-limit/list"));
  }

  @Test
  void theVerifierRejectsATamperedSignature() throws Exception {
    // Guards against a vacuous verifier: a request signed with another secret must fail the check.
    server.enqueue(recorded("getBalances", "docs-2023.json"));
    TestClients.builder(server).credentials(TestClients.KEY, "another-secret").build()
        .inversePerpetual().account().getBalances();

    RecordedRequest request = taken("GET", "/v2/private/wallet/balance");
    assertThrows(AssertionError.class, () -> verifier.verifyV2Query(request));
  }
}
