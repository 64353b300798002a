package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.enums.Category;
import io.github.bybitkit.enums.ExecType;
import io.github.bybitkit.v5.GetTradeHistoryRequest;
import io.github.bybitkit.v5.V5ExecutionClient;
import io.github.bybitkit.v5.model.BybitV5Execution;
import io.github.bybitkit.v5.model.BybitV5ExecutionPage;
import java.math.BigDecimal;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** End to end through the public client: v5 {@code getTradeHistory} ({@code GET /v5/execution/list}). */
class V5ExecutionClientTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private V5ExecutionClient execution() {
    return TestClients.client(server).v5().execution();
  }

  @Test
  void theClientIsReachedFromV5() {
    assertSame(V5ExecutionClient.class, TestClients.client(server).v5().execution().getClass());
  }

  @Test
  void theLastFundingFeeQuerySendsTheFundingFilterAndDecodesAFundingRowExactly() throws Exception {
    server.enqueue(recorded("getTradeHistory", "funding-pre-upgrade-docs-v5.json"));

    BybitV5ExecutionPage page = execution().getTradeHistory(GetTradeHistoryRequest.builder()
        .category(Category.LINEAR).symbol("BTCUSDT").execType(ExecType.FUNDING).limit(1).build());

    RecordedRequest request = take(server);
    assertEquals("GET", request.getMethod());
    assertEquals("/v5/execution/list", request.getUrl().encodedPath());
    assertEquals(Map.of("category", "linear", "symbol", "BTCUSDT", "execType", "Funding", "limit", "1"),
        TestClients.verifier().verifyV5Get(request));
    assertEquals(Category.LINEAR, page.category());
    assertEquals("page_token%3D96184191%26", page.nextPageCursor(), "kept percent-encoded as Bybit sent it");
    BybitV5Execution row = page.list().get(0);
    assertEquals(ExecType.FUNDING, row.execType());
    assertEquals("1682553600-BTCUSDT-592334-Sell", row.orderId());
    assertEquals("", row.orderLinkId());
    assertEquals("Sell", row.side());
    assertEquals("UNKNOWN", row.orderType());
    assertEquals(new BigDecimal("0.6364003"), row.execFee());
    assertEquals(new BigDecimal("28399.90"), row.execPrice());
    assertEquals(new BigDecimal("0.011"), row.execQty());
    assertEquals(new BigDecimal("312.3989"), row.execValue());
    assertEquals(new BigDecimal("0.00203714"), row.feeRate());
    assertEquals("1682553600000", row.execTime());
    assertEquals(new BigDecimal("0.00"), row.orderPrice());
    assertEquals(new BigDecimal("0.000"), row.orderQty());
    assertEquals(new BigDecimal("0.000"), row.closedSize());
    assertNull(row.tradeIv(), "\"\" is a field of another category");
    assertNull(row.indexPrice());
    assertFalse(row.isMaker());
    assertNull(row.seq(), "absent from the pre-upgrade example");
  }

  @Test
  void aWindowAndACursorAreSentAndSignedExactly() throws Exception {
    String cursor = "132766%3A2%2C132766%3A2";
    server.enqueue(recorded("getTradeHistory", "docs-v5.json"));

    BybitV5ExecutionPage page = execution().getTradeHistory(GetTradeHistoryRequest.builder()
        .category(Category.INVERSE).settleCoin("BTC").startTime(1672214000000L).endTime(1672282722429L)
        .cursor(cursor).build());

    RecordedRequest request = take(server);
    TestClients.verifier().verifyV5Get(request);
    assertEquals("category=inverse&settleCoin=BTC&startTime=1672214000000&endTime=1672282722429&cursor=" + cursor,
        request.getUrl().encodedQuery(), "the cursor is not percent-encoded again");
    assertEquals(cursor, page.nextPageCursor());
    BybitV5Execution row = page.list().get(0);
    assertEquals("ETHPERP", row.symbol());
    assertEquals(ExecType.TRADE, row.execType());
    assertEquals(new BigDecimal("0.071409"), row.execFee());
    assertEquals(new BigDecimal("0.0006"), row.feeRate());
    assertEquals(new BigDecimal("1190.15"), row.execPrice());
    assertEquals(new BigDecimal("119.015"), row.execValue());
    assertEquals(new BigDecimal("1236.9"), row.orderPrice());
    assertEquals(new BigDecimal("0"), row.leavesQty());
    assertNull(row.closedSize(), "\"\" is read as null");
    assertEquals("", row.extraFees());
    assertEquals(4688002127L, row.seq());
  }

  @Test
  void anEmptyLastPage() throws Exception {
    server.enqueue(recorded("getTradeHistory", "empty-list.json"));

    BybitV5ExecutionPage page = execution().getTradeHistoryAsync(Category.INVERSE).get();

    assertEquals(Map.of("category", "inverse"), TestClients.verifier().verifyV5Get(take(server)));
    assertTrue(page.list().isEmpty());
    assertEquals("", page.nextPageCursor());
  }

  /** Inline, not under spec/recorded: the drift check rightly reports an execution type the spec lacks. */
  @Test
  void anExecutionTypeBybitAddsLaterIsKeptAsData() throws Exception {
    server.enqueue(RecordedResponses.json(RecordedResponses.body("getTradeHistory", "docs-v5.json")
        .replace("\"execType\": \"Trade\"", "\"execType\": \"PerpSettlement\"")));

    BybitV5Execution row = execution().getTradeHistory(Category.LINEAR).list().get(0);

    take(server);
    assertEquals(ExecType.UNKNOWN, row.execType());
    assertEquals("PerpSettlement", row.execTypeRaw());
  }

  @Test
  void aLimitOutsideOneToAHundredAndANegativeTimeAreRefusedBeforeSending() {
    assertThrows(IllegalArgumentException.class,
        () -> GetTradeHistoryRequest.builder().category(Category.INVERSE).limit(101).build());
    assertThrows(IllegalArgumentException.class,
        () -> GetTradeHistoryRequest.builder().category(Category.INVERSE).startTime(-1L).build());
    assertThrows(IllegalArgumentException.class,
        () -> GetTradeHistoryRequest.builder().category(Category.INVERSE).execType(ExecType.UNKNOWN).build());
    assertEquals(0, server.getRequestCount());
  }
}
