package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.enums.Category;
import io.github.bybitkit.enums.PositionIdx;
import io.github.bybitkit.enums.TpSlMode;
import io.github.bybitkit.v5.GetPositionInfoRequest;
import io.github.bybitkit.v5.V5PositionClient;
import io.github.bybitkit.v5.model.BybitV5PositionInfo;
import io.github.bybitkit.v5.model.BybitV5PositionInfoPage;
import java.math.BigDecimal;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** End to end through the public client: v5 {@code getPositionInfo} ({@code GET /v5/position/list}). */
class V5PositionInfoTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private V5PositionClient position() {
    return TestClients.client(server).v5().position();
  }

  @Test
  void getPositionInfoSignsTheQueryAndDecodesTheDocsExampleExactly() throws Exception {
    server.enqueue(recorded("getPositionInfo", "docs-v5.json"));

    BybitV5PositionInfoPage page = position().getPositionInfo(GetPositionInfoRequest.builder()
        .category(Category.INVERSE).symbol("BTCUSD").limit(200).build());

    RecordedRequest request = take(server);
    assertEquals("GET", request.getMethod());
    assertEquals("/v5/position/list", request.getUrl().encodedPath());
    assertEquals(Map.of("category", "inverse", "symbol", "BTCUSD", "limit", "200"),
        TestClients.verifier().verifyV5Get(request));
    assertEquals(Category.INVERSE, page.category());
    assertEquals("", page.nextPageCursor(), "\"\" marks the last page");
    assertEquals(1, page.list().size());
    BybitV5PositionInfo p = page.list().get(0);
    assertEquals(PositionIdx.ONE_WAY, p.positionIdx());
    assertEquals(1L, p.riskId());
    assertEquals(new BigDecimal("150"), p.riskLimitValue());
    assertEquals("BTCUSD", p.symbol());
    assertEquals("Sell", p.side());
    assertEquals(new BigDecimal("300"), p.size());
    assertEquals(new BigDecimal("27464.50441675"), p.avgPrice());
    assertEquals(new BigDecimal("0.01092319"), p.positionValue());
    assertEquals(0, p.tradeMode());
    assertEquals("Normal", p.positionStatus());
    assertEquals(1, p.autoAddMargin());
    assertEquals(2, p.adlRankIndicator());
    assertEquals(new BigDecimal("10"), p.leverage());
    assertEquals(new BigDecimal("93556.73034991"), p.breakEvenPrice());
    assertEquals(new BigDecimal("0.00139186"), p.positionBalance());
    assertEquals(new BigDecimal("28224.50"), p.markPrice());
    assertNull(p.liqPrice(), "\"\" is a price beyond the limits");
    assertEquals(new BigDecimal("999999.00"), p.bustPrice());
    assertEquals(new BigDecimal("0.0000015"), p.positionMM());
    assertEquals(new BigDecimal("0.0000015"), p.positionMMByMp());
    assertEquals(new BigDecimal("0.00010923"), p.positionIM());
    assertEquals(new BigDecimal("0.00010923"), p.positionIMByMp());
    assertEquals(TpSlMode.FULL, p.tpslMode());
    assertEquals(new BigDecimal("0.00"), p.takeProfit());
    assertEquals(new BigDecimal("0.00"), p.stopLoss());
    assertEquals(new BigDecimal("0.00"), p.trailingStop());
    assertEquals(new BigDecimal("-0.00029413"), p.unrealisedPnl());
    assertEquals(new BigDecimal("0.00013123"), p.curRealisedPnl());
    assertEquals(new BigDecimal("-0.00096902"), p.cumRealisedPnl());
    assertEquals(5723621632L, p.seq());
    assertFalse(p.isReduceOnly());
    assertEquals("", p.mmrSysUpdateTime(), "the docs example's spelling");
    assertNull(p.mmrSysUpdatedTime(), "the table's spelling is absent from the example");
    assertEquals("", p.leverageSysUpdatedTime());
    assertNull(p.sessionAvgPrice());
    assertNull(p.delta(), "options only, absent");
    assertNull(p.openTime(), "added after the example");
    assertEquals("1676538056258", p.createdTime());
    assertEquals("1697673600012", p.updatedTime());
  }

  @Test
  void aPercentEncodedCursorIsSentAndSignedExactlyAsReceived() throws Exception {
    String cursor = "21963%3A1%2C14954%3A1";
    server.enqueue(recorded("getPositionInfo", "empty-list.json"));

    BybitV5PositionInfoPage page = position().getPositionInfo(GetPositionInfoRequest.builder()
        .category(Category.LINEAR).settleCoin("USDT").cursor(cursor).build());

    RecordedRequest request = take(server);
    TestClients.verifier().verifyV5Get(request);
    assertEquals("category=linear&settleCoin=USDT&cursor=" + cursor, request.getUrl().encodedQuery(),
        "not percent-encoded again");
    assertTrue(page.list().isEmpty());
    assertEquals("", page.nextPageCursor());
  }

  @Test
  void theRequiredOnlyOverloadSendsJustTheCategory() throws Exception {
    server.enqueue(recorded("getPositionInfo", "empty-list.json"));

    position().getPositionInfoAsync(Category.INVERSE).get();

    assertEquals(Map.of("category", "inverse"), TestClients.verifier().verifyV5Get(take(server)));
  }

  @Test
  void anUnknownPositionIndexIsKeptAsData() throws Exception {
    server.enqueue(RecordedResponses.json("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"category\":\"inverse\","
        + "\"nextPageCursor\":\"\",\"list\":[{\"positionIdx\":3,\"symbol\":\"BTCUSD\",\"size\":\"0\"}]}}"));

    BybitV5PositionInfo p = position().getPositionInfo(Category.INVERSE).list().get(0);

    take(server);
    assertEquals(PositionIdx.UNKNOWN, p.positionIdx());
    assertEquals("3", p.positionIdxRaw());
    assertEquals(new BigDecimal("0"), p.size());
  }

  @Test
  void aLimitOutsideOneToTwoHundredIsRefusedBeforeSending() {
    assertThrows(IllegalArgumentException.class,
        () -> GetPositionInfoRequest.builder().category(Category.INVERSE).limit(201).build());
    assertThrows(IllegalArgumentException.class,
        () -> GetPositionInfoRequest.builder().category(Category.INVERSE).limit(0).build());
    assertThrows(IllegalArgumentException.class, () -> GetPositionInfoRequest.builder().symbol("BTCUSD").build());
    assertEquals(0, server.getRequestCount());
  }
}
