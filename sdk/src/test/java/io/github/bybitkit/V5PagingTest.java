package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.json;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.BybitPages.Page;
import io.github.bybitkit.enums.Category;
import io.github.bybitkit.v5.GetClosedPnlRequest;
import io.github.bybitkit.v5.GetPositionInfoRequest;
import io.github.bybitkit.v5.GetWithdrawalRecordsRequest;
import io.github.bybitkit.v5.model.BybitV5ClosedPnl;
import io.github.bybitkit.v5.model.BybitV5PositionInfo;
import io.github.bybitkit.v5.model.BybitV5TransactionLogEntry;
import io.github.bybitkit.v5.model.BybitV5Withdrawal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * v5 paging through the public clients against MockWebServer: the next-page cursor (sent exactly as received and
 * signed as sent) and the time windows of the history endpoints that Bybit caps to 7 or 30 days.
 */
class V5PagingTest {
  private static final long DAY = Duration.ofDays(1).toMillis();
  private static final long SEVEN_DAYS = 7 * DAY;
  private static final long END = Instant.parse("2024-03-05T00:00:00Z").toEpochMilli();

  @StartStop
  final MockWebServer server = new MockWebServer();

  private io.github.bybitkit.v5.V5 v5() {
    return TestClients.client(server).v5();
  }

  @Test
  void closedPnlOverThirtyDaysWalksFiveWindowsNewestFirstAndEveryCursorPageInEach() throws Exception {
    server.enqueue(json(closedPnlPage("w1%3A2%2C1", "a", "b")));
    server.enqueue(json(closedPnlPage("", "c")));
    server.enqueue(json(closedPnlPage("")));                       // window 2 has nothing
    server.enqueue(json(closedPnlPage("w3_page_2", "d")));
    server.enqueue(json(closedPnlPage(null, "e")));                // an absent cursor ends a window too
    server.enqueue(json(closedPnlPage("", "f")));
    server.enqueue(json(closedPnlPage("", "g")));

    List<String> orderIds = v5().position()
        .getClosedPnlPages(Category.INVERSE, END - 30 * DAY, END)
        .stream().map(BybitV5ClosedPnl::orderId).toList();

    assertEquals(List.of("a", "b", "c", "d", "e", "f", "g"), orderIds);
    assertEquals(7, server.getRequestCount());
    long[][] expectedWindows = {
        {1708992000000L, 1709596800000L},
        {1708387199999L, 1708991999999L},
        {1707782399998L, 1708387199998L},
        {1707177599997L, 1707782399997L},
        {1707004800000L, 1707177599996L}};
    int[] windowOfRequest = {0, 0, 1, 2, 2, 3, 4};
    String[] rawCursorOfRequest = {null, "w1%3A2%2C1", null, null, "w3_page_2", null, null};
    for (int i = 0; i < 7; i++) {
      RecordedRequest request = take(server);
      assertEquals("/v5/position/closed-pnl", request.getUrl().encodedPath());
      Map<String, String> params = TestClients.verifier().verifyV5Get(request);
      long start = Long.parseLong(params.get("startTime"));
      long end = Long.parseLong(params.get("endTime"));
      long[] window = expectedWindows[windowOfRequest[i]];
      assertEquals(window[0], start, "startTime of request " + (i + 1));
      assertEquals(window[1], end, "endTime of request " + (i + 1));
      assertTrue(end - start <= SEVEN_DAYS, "no window longer than 7 days");
      assertEquals("inverse", params.get("category"));
      assertEquals(rawCursorOfRequest[i], rawCursor(request), "cursor of request " + (i + 1));
    }
    // The windows tile the range: newest first, adjacent, without overlap.
    assertEquals(END, expectedWindows[0][1]);
    assertEquals(END - 30 * DAY, expectedWindows[4][0]);
    for (int w = 1; w < expectedWindows.length; w++) {
      assertEquals(expectedWindows[w - 1][0] - 1, expectedWindows[w][1]);
    }
  }

  @Test
  void aRangeWithinTheCapIsOneWindowWithTheCallersTimesAndFiltersKept() throws Exception {
    server.enqueue(json(closedPnlPage("", "a")));

    List<BybitV5ClosedPnl> rows = v5().position().getClosedPnlPages(GetClosedPnlRequest.builder()
        .category(Category.INVERSE).symbol("BTCUSD").limit(100).startTime(END - SEVEN_DAYS).endTime(END).build())
        .stream().toList();

    assertEquals(1, rows.size());
    Map<String, String> params = TestClients.verifier().verifyV5Get(take(server));
    assertEquals(Map.of("category", "inverse", "symbol", "BTCUSD", "limit", "100",
        "startTime", Long.toString(END - SEVEN_DAYS), "endTime", Long.toString(END)), params);
  }

  @Test
  void aPercentEncodedCursorIsSentAsReceivedAndTheSignatureCoversTheWireQuery() throws Exception {
    server.enqueue(json(positionPage("page_token%3D96184191%26", "BTCUSD")));
    server.enqueue(json(positionPage("", "ETHUSD")));

    List<String> symbols = v5().position().getPositionInfoPages(GetPositionInfoRequest.builder()
        .category(Category.INVERSE).cursor("123%3A456").build())
        .stream().map(BybitV5PositionInfo::symbol).toList();

    assertEquals(List.of("BTCUSD", "ETHUSD"), symbols);
    RecordedRequest first = take(server);
    assertEquals("category=inverse&cursor=123%3A456", first.getUrl().encodedQuery(),
        "the caller's cursor goes on the wire unchanged, not as 123%253A456");
    TestClients.verifier().verifyV5Get(first);
    RecordedRequest second = take(server);
    assertEquals("category=inverse&cursor=page_token%3D96184191%26", second.getUrl().encodedQuery(),
        "Bybit's nextPageCursor goes back exactly as it came");
    TestClients.verifier().verifyV5Get(second);
  }

  @Test
  void thePlainMethodSendsThePercentEncodedCursorAsReceivedToo() throws Exception {
    server.enqueue(json(positionPage("")));

    v5().position().getPositionInfo(GetPositionInfoRequest.builder().category(Category.INVERSE)
        .cursor("123%3A456").build());

    RecordedRequest request = take(server);
    assertEquals("category=inverse&cursor=123%3A456", request.getUrl().encodedQuery());
    TestClients.verifier().verifyV5Get(request);
  }

  @Test
  void pagingStopsAtTheEmptyCursor() throws Exception {
    server.enqueue(json(positionPage("next%3A1", "BTCUSD")));
    server.enqueue(json(positionPage("", "ETHUSD")));
    server.enqueue(json(positionPage("never%3A1", "XRPUSD")));

    List<Page<BybitV5PositionInfo>> pages = v5().position().getPositionInfoPages(Category.INVERSE).pages().toList();

    assertEquals(2, pages.size());
    assertTrue(pages.get(0).mayHaveMore());
    assertFalse(pages.get(1).mayHaveMore(), "\"\" marks the last page");
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void aCursorBybitHandsOutAgainEndsThePaging() throws Exception {
    server.enqueue(json(positionPage("same", "BTCUSD")));
    server.enqueue(json(positionPage("same", "ETHUSD")));

    List<BybitV5PositionInfo> rows = v5().position().getPositionInfoPages(Category.INVERSE).stream().toList();

    assertEquals(2, rows.size());
    assertEquals(2, server.getRequestCount(), "the cursor would not move on");
  }

  @Test
  void maxPagesBoundsTheRequestsAcrossWindows() throws Exception {
    for (int i = 0; i < 5; i++) {
      server.enqueue(json(closedPnlPage("more" + i, "row" + i)));
    }

    List<Page<BybitV5ClosedPnl>> pages = v5().position()
        .getClosedPnlPages(Category.INVERSE, END - 30 * DAY, END).maxPages(3).pages().toList();

    assertEquals(3, pages.size());
    assertTrue(pages.get(2).mayHaveMore(), "stopped by maxPages, not by Bybit");
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void nothingIsSentBeforeTheStreamIsConsumed() throws Exception {
    server.enqueue(json(closedPnlPage("c%3A1", "a")));
    server.enqueue(json(closedPnlPage("c%3A1", "a")));

    BybitPages<BybitV5ClosedPnl> pages = v5().position().getClosedPnlPages(Category.INVERSE, END - 30 * DAY, END);
    Stream<BybitV5ClosedPnl> stream = pages.stream();
    Iterator<BybitV5ClosedPnl> iterator = pages.iterator();
    assertEquals(0, server.getRequestCount());

    assertEquals("a", stream.findFirst().orElseThrow().orderId());
    assertEquals(1, server.getRequestCount(), "one page for the first item");
    assertNull(rawCursor(take(server)));
    iterator.hasNext();
    assertEquals(2, server.getRequestCount(), "every traversal starts again from the request");
  }

  @Test
  void withdrawalWindowsStayUnderThirtyDays() throws Exception {
    server.enqueue(json(withdrawalPage("", "w1")));
    server.enqueue(json(withdrawalPage("", "w2")));

    List<String> ids = v5().asset().getWithdrawalRecordsPages(END - 45 * DAY, END).stream()
        .map(BybitV5Withdrawal::withdrawId).toList();

    assertEquals(List.of("w1", "w2"), ids);
    List<long[]> windows = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      RecordedRequest request = take(server);
      assertEquals("/v5/asset/withdraw/query-record", request.getUrl().encodedPath());
      Map<String, String> params = TestClients.verifier().verifyV5Get(request);
      windows.add(new long[] {Long.parseLong(params.get("startTime")), Long.parseLong(params.get("endTime"))});
    }
    assertEquals(1707004800001L, windows.get(0)[0], "the newest window: endTime - startTime = 30 days - 1 ms");
    assertEquals(END, windows.get(0)[1]);
    assertEquals(END - 45 * DAY, windows.get(1)[0]);
    assertEquals(1707004800000L, windows.get(1)[1]);
    for (long[] window : windows) {
      assertTrue(window[1] - window[0] < 30 * DAY, "Bybit wants less than 30 days");
    }
  }

  @Test
  void theTransactionLogIsWalkedInSevenDayWindows() throws Exception {
    server.enqueue(json(transactionLogPage("", "t1")));
    server.enqueue(json(transactionLogPage("", "t2")));

    List<String> ids = v5().account().getTransactionLogPages(END - 8 * DAY, END).stream()
        .map(BybitV5TransactionLogEntry::id).toList();

    assertEquals(List.of("t1", "t2"), ids);
    Map<String, String> newest = TestClients.verifier().verifyV5Get(take(server));
    assertEquals(Long.toString(END - SEVEN_DAYS), newest.get("startTime"));
    Map<String, String> older = TestClients.verifier().verifyV5Get(take(server));
    assertEquals(Long.toString(END - 8 * DAY), older.get("startTime"));
    assertEquals(Long.toString(END - SEVEN_DAYS - 1), older.get("endTime"));
  }

  @Test
  void badRangesAreRefusedBeforeSending() {
    var position = v5().position();
    IllegalArgumentException afterEnd = assertThrows(IllegalArgumentException.class,
        () -> position.getClosedPnlPages(Category.INVERSE, END, END - 1));
    assertTrue(afterEnd.getMessage().contains("startTime"), afterEnd.getMessage());
    IllegalArgumentException noStart = assertThrows(IllegalArgumentException.class,
        () -> position.getClosedPnlPages(GetClosedPnlRequest.builder().category(Category.INVERSE).endTime(END)
            .build()));
    assertTrue(noStart.getMessage().contains("missing: startTime"), noStart.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> position.getClosedPnlPages(GetClosedPnlRequest.builder().category(Category.INVERSE).build()));
    assertThrows(IllegalArgumentException.class,
        () -> v5().asset().getWithdrawalRecordsPages(GetWithdrawalRecordsRequest.builder().startTime(END).build()));
    assertThrows(IllegalArgumentException.class, () -> position.getClosedPnlPages((GetClosedPnlRequest) null));
    assertEquals(0, server.getRequestCount());
  }

  /** The cursor exactly as it appears in the request target, or null when none was sent. */
  private static String rawCursor(RecordedRequest request) {
    String query = request.getUrl().encodedQuery();
    for (String pair : query == null ? new String[0] : query.split("&")) {
      if (pair.startsWith("cursor=")) {
        return pair.substring("cursor=".length());
      }
    }
    return null;
  }

  private static String cursorField(String cursor) {
    return cursor == null ? "" : "\"nextPageCursor\":\"" + cursor + "\",";
  }

  private static String closedPnlPage(String cursor, String... orderIds) {
    List<String> rows = new ArrayList<>();
    for (String id : orderIds) {
      rows.add("{\"symbol\":\"BTCUSD\",\"orderId\":\"" + id + "\",\"closedPnl\":\"0.00012345\"}");
    }
    return "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{" + cursorField(cursor) + "\"category\":\"inverse\","
        + "\"list\":[" + String.join(",", rows) + "]},\"retExtInfo\":{},\"time\":1709596800000}";
  }

  private static String positionPage(String cursor, String... symbols) {
    List<String> rows = new ArrayList<>();
    for (String symbol : symbols) {
      rows.add("{\"symbol\":\"" + symbol + "\",\"size\":\"1\"}");
    }
    return "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{" + cursorField(cursor) + "\"category\":\"inverse\","
        + "\"list\":[" + String.join(",", rows) + "]},\"retExtInfo\":{},\"time\":1709596800000}";
  }

  private static String withdrawalPage(String cursor, String... ids) {
    List<String> rows = new ArrayList<>();
    for (String id : ids) {
      rows.add("{\"coin\":\"BTC\",\"withdrawId\":\"" + id + "\",\"amount\":\"0.5\"}");
    }
    return "{\"retCode\":0,\"retMsg\":\"success\",\"result\":{" + cursorField(cursor)
        + "\"rows\":[" + String.join(",", rows) + "]},\"retExtInfo\":{},\"time\":1709596800000}";
  }

  private static String transactionLogPage(String cursor, String... ids) {
    List<String> rows = new ArrayList<>();
    for (String id : ids) {
      rows.add("{\"id\":\"" + id + "\",\"currency\":\"BTC\",\"type\":\"SETTLEMENT\"}");
    }
    return "{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{" + cursorField(cursor)
        + "\"list\":[" + String.join(",", rows) + "]},\"retExtInfo\":{},\"time\":1709596800000}";
  }
}
