package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.bybitkit.enums.Category;
import io.github.bybitkit.enums.PositionIdx;
import io.github.bybitkit.enums.TpSlMode;
import io.github.bybitkit.v5.V5PositionClient;
import io.github.bybitkit.v5.AddOrReduceMarginRequest;
import io.github.bybitkit.v5.model.BybitV5MarginChangedPosition;
import io.github.bybitkit.v5.model.BybitV5TpSlModeResult;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** End to end through the public client: v5 {@code addOrReduceMargin} and the abandoned {@code setTpSlMode}. */
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
}
