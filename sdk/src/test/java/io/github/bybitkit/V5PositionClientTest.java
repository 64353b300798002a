package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bybitkit.enums.Category;
import io.github.bybitkit.enums.ExecType;
import io.github.bybitkit.enums.PositionIdx;
import io.github.bybitkit.enums.TpSlMode;
import io.github.bybitkit.metadata.BybitOperations;
import io.github.bybitkit.v5.V5PositionClient;
import io.github.bybitkit.v5.AddOrReduceMarginRequest;
import io.github.bybitkit.v5.GetClosedPnlRequest;
import io.github.bybitkit.v5.model.BybitV5ClosedPnl;
import io.github.bybitkit.v5.model.BybitV5ClosedPnlPage;
import io.github.bybitkit.v5.model.BybitV5MarginChangedPosition;
import io.github.bybitkit.v5.model.BybitV5TpSlModeResult;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * End to end through the public client: v5 {@code getClosedPnl}, {@code addOrReduceMargin}, {@code setLeverage}
 * (operation v5SetLeverage) and the abandoned {@code setTpSlMode}.
 */
@SuppressWarnings("deprecation") // setTpSlMode is deprecated on purpose: Bybit abandoned it
class V5PositionClientTest {
  private static final String PATH = "/v5/position/set-tpsl-mode";

  @StartStop
  final MockWebServer server = new MockWebServer();

  private V5PositionClient position() {
    return TestClients.client(server).v5().position();
  }

  @Test
  void setTpSlModeSendsWireValuesInASignedJsonBodyAndDecodesTheDocsExample() throws Exception {
    server.enqueue(recorded("setTpSlMode", "docs-v5.json"));

    BybitV5TpSlModeResult result = position().setTpSlMode(Category.INVERSE, "BTCUSD", TpSlMode.PARTIAL);

    RecordedRequest request = take(server);
    assertEquals("POST", request.getMethod());
    assertEquals(PATH, request.getUrl().encodedPath());
    assertEquals("{\"category\":\"inverse\",\"symbol\":\"BTCUSD\",\"tpSlMode\":\"Partial\"}",
        TestClients.verifier().verifyV5Post(request));
    assertEquals(TpSlMode.FULL, result.tpSlMode());
    assertEquals("Full", result.tpSlModeRaw());
  }

  @Test
  void theAbandonedEndpointsRefusalThrowsWithBybitsCode() throws Exception {
    server.enqueue(recorded("setTpSlMode", "error-100028-unified-account-forbidden.json"));

    BybitApiException e = assertThrows(BybitApiException.class,
        () -> position().setTpSlMode(Category.INVERSE, "BTCUSD", TpSlMode.FULL));

    take(server);
    assertEquals(100028, e.retCode());
    assertEquals("unified account is forbidden", e.retMsg());
  }

  @Test
  void theGeneratedMethodsAreDeprecated() throws Exception {
    Method sync = V5PositionClient.class.getMethod("setTpSlMode", Category.class, String.class, TpSlMode.class);
    Method async = V5PositionClient.class.getMethod("setTpSlModeAsync", Category.class, String.class, TpSlMode.class);
    assertNotNull(sync.getAnnotation(Deprecated.class));
    assertNotNull(async.getAnnotation(Deprecated.class));
  }

  @Test
  void addOrReduceMarginSendsTheMarginAsTextAndDecodesTheDocsExampleExactly() throws Exception {
    server.enqueue(recorded("addOrReduceMargin", "docs-v5.json"));

    BybitV5MarginChangedPosition position = position().addOrReduceMargin(AddOrReduceMarginRequest.builder()
        .category(Category.INVERSE).symbol("ETHUSD").margin(new BigDecimal("0.0100")).positionIdx(PositionIdx.ONE_WAY)
        .build());

    RecordedRequest request = take(server);
    assertEquals("POST", request.getMethod());
    assertEquals("/v5/position/add-margin", request.getUrl().encodedPath());
    assertEquals("{\"category\":\"inverse\",\"symbol\":\"ETHUSD\",\"margin\":\"0.0100\",\"positionIdx\":0}",
        TestClients.verifier().verifyV5Post(request));
    assertEquals(Category.INVERSE, position.category());
    assertEquals("ETHUSD", position.symbol());
    assertEquals(PositionIdx.ONE_WAY, position.positionIdx());
    assertEquals(11L, position.riskId());
    assertEquals(new BigDecimal("500"), position.riskLimitValue());
    assertEquals(new BigDecimal("200"), position.size());
    assertEquals(new BigDecimal("0.11033265"), position.positionValue());
    assertEquals(new BigDecimal("1812.70004844"), position.avgPrice());
    assertEquals(new BigDecimal("1550.80"), position.liqPrice());
    assertEquals(new BigDecimal("1544.20"), position.bustPrice());
    assertEquals(new BigDecimal("1812.90"), position.markPrice());
    assertEquals(new BigDecimal("12"), position.leverage());
    assertEquals(0, position.autoAddMargin());
    assertEquals("Normal", position.positionStatus());
    assertEquals(new BigDecimal("0.01926611"), position.positionIM());
    assertEquals(new BigDecimal("0"), position.positionMM());
    assertEquals(new BigDecimal("0.00001217"), position.unrealisedPnl());
    assertEquals(new BigDecimal("-0.04618929"), position.cumRealisedPnl());
    assertEquals(new BigDecimal("0.00"), position.stopLoss());
    assertEquals(new BigDecimal("0.00"), position.takeProfit());
    assertEquals(new BigDecimal("0.00"), position.trailingStop());
    assertEquals("1672737740039", position.createdTime());
    assertEquals("1684234363788", position.updatedTime());
  }

  @Test
  void reducingMarginSendsANegativeAmountWithOnlyTheRequiredFields() throws Exception {
    server.enqueue(recorded("addOrReduceMargin", "empty-prices.json"));

    BybitV5MarginChangedPosition position =
        position().addOrReduceMargin(Category.INVERSE, "ETHUSD", new BigDecimal("-10"));

    assertEquals("{\"category\":\"inverse\",\"symbol\":\"ETHUSD\",\"margin\":\"-10\"}",
        TestClients.verifier().verifyV5Post(take(server)));
    assertNull(position.liqPrice(), "\"\" is an unset price");
    assertNull(position.bustPrice(), "\"\" is an unset price");
  }

  @Test
  void aZeroMarginIsRefusedBeforeSending() {
    assertThrows(IllegalArgumentException.class,
        () -> position().addOrReduceMargin(Category.INVERSE, "ETHUSD", BigDecimal.ZERO));
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void getClosedPnlSignsTheQueryAndDecodesTheDocsExampleExactly() throws Exception {
    server.enqueue(recorded("getClosedPnl", "docs-v5.json"));

    BybitV5ClosedPnlPage page = position().getClosedPnl(GetClosedPnlRequest.builder().category(Category.INVERSE)
        .symbol("BTCUSD").startTime(1672214000000L).endTime(1672284129153L).limit(100).build());

    RecordedRequest request = take(server);
    assertEquals("GET", request.getMethod());
    assertEquals("/v5/position/closed-pnl", request.getUrl().encodedPath());
    assertEquals(Map.of("category", "inverse", "symbol", "BTCUSD", "startTime", "1672214000000",
        "endTime", "1672284129153", "limit", "100"), TestClients.verifier().verifyV5Get(request));
    assertEquals("5a373bfe-188d-4913-9c81-d57ab5be8068%3A1672214887231423699%2C"
        + "5a373bfe-188d-4913-9c81-d57ab5be8068%3A1672214887231423699", page.nextPageCursor());
    assertEquals(Category.LINEAR, page.category());
    assertEquals(1, page.list().size());
    BybitV5ClosedPnl row = page.list().get(0);
    assertEquals("ETHPERP", row.symbol());
    assertEquals("Market", row.orderType());
    assertEquals(new BigDecimal("3"), row.leverage());
    assertEquals("1672214887236", row.updatedTime());
    assertEquals("Sell", row.side());
    assertEquals("5a373bfe-188d-4913-9c81-d57ab5be8068", row.orderId());
    assertEquals(new BigDecimal("-47.4065323"), row.closedPnl());
    assertEquals(new BigDecimal("1194.97516667"), row.avgEntryPrice());
    assertEquals(new BigDecimal("3"), row.qty());
    assertEquals(new BigDecimal("3584.9255"), row.cumEntryValue());
    assertEquals("1672214887231", row.createdTime());
    assertEquals(new BigDecimal("1122.95"), row.orderPrice());
    assertEquals(new BigDecimal("3"), row.closedSize());
    assertEquals(new BigDecimal("1180.59833333"), row.avgExitPrice());
    assertEquals(ExecType.TRADE, row.execType());
    assertEquals("4", row.fillCount());
    assertEquals(new BigDecimal("3541.795"), row.cumExitValue());
    assertNull(row.openFee());
    assertNull(row.closeFee());
  }

  @Test
  void aPercentEncodedCursorIsSentAndSignedExactlyAsReceived() throws Exception {
    String cursor = "5a373bfe-188d-4913-9c81-d57ab5be8068%3A1672214887231423699%2C"
        + "5a373bfe-188d-4913-9c81-d57ab5be8068%3A1672214887231423699";
    server.enqueue(recorded("getClosedPnl", "empty-list.json"));

    BybitV5ClosedPnlPage page = position().getClosedPnl(GetClosedPnlRequest.builder().category(Category.INVERSE)
        .cursor(cursor).build());

    RecordedRequest request = take(server);
    TestClients.verifier().verifyV5Get(request);
    assertEquals("category=inverse&cursor=" + cursor, request.getUrl().encodedQuery(), "not percent-encoded again");
    assertTrue(page.list().isEmpty());
    assertEquals("", page.nextPageCursor(), "\"\" marks the last page");
  }

  @Test
  void aLimitOutsideOneToAHundredIsRefusedBeforeSending() {
    assertThrows(IllegalArgumentException.class,
        () -> GetClosedPnlRequest.builder().category(Category.INVERSE).limit(101).build());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void setLeverageSendsBothLeveragesAsTextUnderItsV2NameAndAcceptsTheEmptyResult() throws Exception {
    server.enqueue(recorded("v5SetLeverage", "docs-v5.json"));

    position().setLeverage(Category.INVERSE, "BTCUSD", new BigDecimal("6"), new BigDecimal("6.50"));

    RecordedRequest request = take(server);
    assertEquals("POST", request.getMethod());
    assertEquals("/v5/position/set-leverage", request.getUrl().encodedPath());
    assertEquals("{\"category\":\"inverse\",\"symbol\":\"BTCUSD\",\"buyLeverage\":\"6\",\"sellLeverage\":\"6.50\"}",
        TestClients.verifier().verifyV5Post(request));
  }

  @Test
  void setLeverageHasAnAsyncTwinNamedAfterTheMethodWhileTheRegistryKeepsTheOperationId() throws Exception {
    assertEquals("v5SetLeverage", BybitOperations.byId("v5SetLeverage").operationId());
    assertEquals("setLeverage", BybitOperations.byId("v5SetLeverage").invocation().method());
    server.enqueue(recorded("v5SetLeverage", "docs-v5.json"));

    position().setLeverageAsync(Category.LINEAR, "BTCUSDT", new BigDecimal("10"), new BigDecimal("10")).get();

    assertEquals("{\"category\":\"linear\",\"symbol\":\"BTCUSDT\",\"buyLeverage\":\"10\",\"sellLeverage\":\"10\"}",
        TestClients.verifier().verifyV5Post(take(server)));
  }

  @Test
  void anUnchangedLeverageThrowsBybits110043() throws Exception {
    server.enqueue(recorded("v5SetLeverage", "error-110043-not-modified.json"));

    BybitApiException e = assertThrows(BybitApiException.class,
        () -> position().setLeverage(Category.INVERSE, "BTCUSD", BigDecimal.ONE, BigDecimal.ONE));

    take(server);
    assertEquals(110043, e.retCode());
    assertEquals("Set leverage has not been modified", e.retMsg());
  }

  @Test
  void aZeroLeverageIsRefusedBeforeSending() {
    assertThrows(IllegalArgumentException.class,
        () -> position().setLeverage(Category.INVERSE, "BTCUSD", BigDecimal.ZERO, BigDecimal.ZERO));
    assertEquals(0, server.getRequestCount());
  }
}
