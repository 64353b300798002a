package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bybitkit.enums.Category;
import io.github.bybitkit.enums.OrderType;
import io.github.bybitkit.enums.PositionIdx;
import io.github.bybitkit.enums.TpSlMode;
import io.github.bybitkit.enums.TradeMode;
import io.github.bybitkit.enums.TriggerBy;
import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.v5.SetRiskLimitRequest;
import io.github.bybitkit.v5.SetTradingStopRequest;
import io.github.bybitkit.v5.V5PositionClient;
import io.github.bybitkit.v5.model.BybitV5SetRiskLimitResult;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * End to end through the public client: v5 {@code setTradingStop} and the abandoned
 * {@code switchCrossIsolatedMargin} and {@code setRiskLimit} (operation v5SetRiskLimit).
 */
@SuppressWarnings("deprecation") // two of these operations are deprecated on purpose: Bybit abandoned them
class V5PositionSettingsTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private V5PositionClient position() {
    return TestClients.client(server).v5().position();
  }

  private String postedBody(String path) throws InterruptedException {
    RecordedRequest request = take(server);
    assertEquals("POST", request.getMethod());
    assertEquals(path, request.getUrl().encodedPath());
    return TestClients.verifier().verifyV5Post(request);
  }

  @Test
  void setTradingStopSendsEveryFieldAsBybitsExampleDoesAndAcceptsTheEmptyResult() throws Exception {
    server.enqueue(recorded("setTradingStop", "docs-v5.json"));

    position().setTradingStop(SetTradingStopRequest.builder().category(Category.LINEAR).symbol("XRPUSDT")
        .takeProfit(new BigDecimal("0.6")).stopLoss(new BigDecimal("0.2")).tpTriggerBy(TriggerBy.MARK_PRICE)
        .slTriggerBy(TriggerBy.INDEX_PRICE).tpslMode(TpSlMode.PARTIAL).tpOrderType(OrderType.LIMIT)
        .slOrderType(OrderType.LIMIT).tpSize(new BigDecimal("50")).slSize(new BigDecimal("50"))
        .tpLimitPrice(new BigDecimal("0.57")).slLimitPrice(new BigDecimal("0.21")).positionIdx(PositionIdx.ONE_WAY)
        .build());

    assertEquals("{\"category\":\"linear\",\"symbol\":\"XRPUSDT\",\"tpslMode\":\"Partial\",\"positionIdx\":0,"
        + "\"takeProfit\":\"0.6\",\"stopLoss\":\"0.2\",\"tpTriggerBy\":\"MarkPrice\",\"slTriggerBy\":\"IndexPrice\","
        + "\"tpSize\":\"50\",\"slSize\":\"50\",\"tpLimitPrice\":\"0.57\",\"slLimitPrice\":\"0.21\","
        + "\"tpOrderType\":\"Limit\",\"slOrderType\":\"Limit\"}", postedBody("/v5/position/trading-stop"));
  }

  @Test
  void aFullModeTrailingStopOnAnInversePositionSendsOnlyWhatWasSet() throws Exception {
    server.enqueue(recorded("setTradingStop", "docs-v5.json"));

    position().setTradingStopAsync(SetTradingStopRequest.builder().category(Category.INVERSE).symbol("BTCUSD")
        .tpslMode(TpSlMode.FULL).positionIdx(PositionIdx.ONE_WAY).trailingStop(new BigDecimal("150.50"))
        .activePrice(new BigDecimal("30000")).stopLoss(BigDecimal.ZERO).build()).get();

    assertEquals("{\"category\":\"inverse\",\"symbol\":\"BTCUSD\",\"tpslMode\":\"Full\",\"positionIdx\":0,"
        + "\"stopLoss\":\"0\",\"trailingStop\":\"150.50\",\"activePrice\":\"30000\"}",
        postedBody("/v5/position/trading-stop"));
  }

  @Test
  void setTradingStopWithoutItsRequiredFieldsSendsNothing() {
    assertThrows(IllegalArgumentException.class,
        () -> position().setTradingStop(Category.INVERSE, "BTCUSD", TpSlMode.FULL, null));
    assertThrows(IllegalArgumentException.class,
        () -> SetTradingStopRequest.builder().category(Category.INVERSE).symbol("BTCUSD").positionIdx(
            PositionIdx.ONE_WAY).build());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void aNegativeOrUnwritablePriceIsRefusedBeforeSending() {
    SetTradingStopRequest.Builder full = SetTradingStopRequest.builder().category(Category.INVERSE).symbol("BTCUSD")
        .tpslMode(TpSlMode.FULL).positionIdx(PositionIdx.ONE_WAY);
    assertThrows(IllegalArgumentException.class, () -> full.takeProfit(new BigDecimal("-1")).build());
    assertThrows(IllegalArgumentException.class,
        () -> full.takeProfit(null).activePrice(new BigDecimal("1e999999999")).build());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void switchCrossIsolatedMarginSendsTradeModeAsAnIntegerAndLeveragesAsText() throws Exception {
    server.enqueue(recorded("switchCrossIsolatedMargin", "docs-v5.json"));

    position().switchCrossIsolatedMargin(Category.LINEAR, "ETHUSDT", TradeMode.ISOLATED_MARGIN,
        new BigDecimal("10"), new BigDecimal("10"));

    assertEquals("{\"category\":\"linear\",\"symbol\":\"ETHUSDT\",\"tradeMode\":1,\"buyLeverage\":\"10\","
        + "\"sellLeverage\":\"10\"}", postedBody("/v5/position/switch-isolated"));
  }

  @Test
  void switchCrossIsolatedMarginRefusedOnAUnifiedAccountThrowsBybitsCode() throws Exception {
    server.enqueue(recorded("switchCrossIsolatedMargin", "error-100028-unified-account-forbidden.json"));

    BybitApiException e = assertThrows(BybitApiException.class, () -> position().switchCrossIsolatedMargin(
        Category.INVERSE, "BTCUSD", TradeMode.CROSS_MARGIN, new BigDecimal("5"), new BigDecimal("5")));

    take(server);
    assertEquals(100028, e.retCode());
    assertEquals("unified account is forbidden", e.retMsg());
  }

  @Test
  void anUnknownTradeModeAndAZeroLeverageAreRefusedBeforeSending() {
    assertThrows(IllegalArgumentException.class, () -> position().switchCrossIsolatedMargin(
        Category.INVERSE, "BTCUSD", TradeMode.UNKNOWN, new BigDecimal("5"), new BigDecimal("5")));
    assertThrows(IllegalArgumentException.class, () -> position().switchCrossIsolatedMargin(
        Category.INVERSE, "BTCUSD", TradeMode.ISOLATED_MARGIN, BigDecimal.ZERO, BigDecimal.ZERO));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void setRiskLimitSendsTheTierUnderItsV2NameAndDecodesTheDocsExample() throws Exception {
    assertEquals("v5SetRiskLimit", BybitOperations.byId("v5SetRiskLimit").operationId());
    assertEquals("setRiskLimit", BybitOperations.byId("v5SetRiskLimit").invocation().method());
    server.enqueue(recorded("v5SetRiskLimit", "docs-v5.json"));

    BybitV5SetRiskLimitResult result = position().setRiskLimit(Category.LINEAR, "BTCUSDT", 4L);

    assertEquals("{\"category\":\"linear\",\"symbol\":\"BTCUSDT\",\"riskId\":4}",
        postedBody("/v5/position/set-risk-limit"));
    assertEquals(4L, result.riskId());
    assertEquals(new BigDecimal("8000000"), result.riskLimitValue());
    assertEquals(Category.LINEAR, result.category());
  }

  @Test
  void setRiskLimitSendsAPositionIndexOnlyWhenGiven() throws Exception {
    server.enqueue(recorded("v5SetRiskLimit", "error-110075-not-modified.json"));

    BybitApiException e = assertThrows(BybitApiException.class, () -> position().setRiskLimit(
        SetRiskLimitRequest.builder().category(Category.INVERSE).symbol("BTCUSD").riskId(1L)
            .positionIdx(PositionIdx.ONE_WAY).build()));

    assertEquals("{\"category\":\"inverse\",\"symbol\":\"BTCUSD\",\"riskId\":1,\"positionIdx\":0}",
        postedBody("/v5/position/set-risk-limit"));
    assertEquals(110075, e.retCode());
    assertEquals("RiskId not modified", e.retMsg());
  }

  @Test
  void theAbandonedOperationsAreDeprecatedAndTheCurrentOneIsNot() throws Exception {
    Method switchSync = V5PositionClient.class.getMethod("switchCrossIsolatedMargin", Category.class, String.class,
        TradeMode.class, BigDecimal.class, BigDecimal.class);
    Method riskLimit = V5PositionClient.class.getMethod("setRiskLimit", SetRiskLimitRequest.class);
    Method riskLimitAsync = V5PositionClient.class.getMethod("setRiskLimitAsync", SetRiskLimitRequest.class);
    Method tradingStop = V5PositionClient.class.getMethod("setTradingStop", SetTradingStopRequest.class);
    assertNotNull(switchSync.getAnnotation(Deprecated.class));
    assertNotNull(riskLimit.getAnnotation(Deprecated.class));
    assertNotNull(riskLimitAsync.getAnnotation(Deprecated.class));
    assertNull(tradingStop.getAnnotation(Deprecated.class));
  }
}
