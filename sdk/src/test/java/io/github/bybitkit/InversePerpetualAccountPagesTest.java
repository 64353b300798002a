package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.json;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;

import io.github.bybitkit.BybitPages.Page;
import io.github.bybitkit.enums.SearchDirection;
import io.github.bybitkit.enums.ClosedPnlExecType;
import io.github.bybitkit.inverseperpetual.GetAssetExchangeHistoryRequest;
import io.github.bybitkit.inverseperpetual.GetProfitAndLossHistoryRequest;
import io.github.bybitkit.inverseperpetual.GetWalletFundHistoryRequest;
import io.github.bybitkit.inverseperpetual.GetWithdrawalHistoryRequest;
import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import io.github.bybitkit.inverseperpetual.model.BybitExchangeHistoryEntry;
import io.github.bybitkit.inverseperpetual.model.BybitPnlEntry;
import io.github.bybitkit.inverseperpetual.model.BybitWalletFundRecord;
import io.github.bybitkit.inverseperpetual.model.BybitWithdrawal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.QueueDispatcher;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code ...Pages} helpers of the four paged inverse-perpetual operations, end to end through the client: the
 * parameters of every page request on the wire (each one signed), the stop rules, the {@code maxPages} bound,
 * laziness (requests counted at the server) and failures on a later page.
 */
class InversePerpetualAccountPagesTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private final SignatureVerifier verifier = TestClients.verifier();

  @BeforeEach
  void failInsteadOfWaitingForAResponseNobodyEnqueued() {
    // A request the test did not expect gets HTTP 404 at once, so an extra page fails the test instead of hanging.
    ((QueueDispatcher) server.getDispatcher()).setFailFast(true);
  }

  private InversePerpetualAccountClient account() {
    // Retries off: each enqueued failure is seen once, by the page that asked.
    return TestClients.builder(server).retryPolicy(RetryPolicy.none()).build().inversePerpetual().account();
  }

  /** The business parameters of the next request, after checking its method, path and signature. */
  private Map<String, String> nextQuery(String path) throws InterruptedException {
    var request = take(server);
    assertEquals("GET", request.getMethod());
    assertEquals(path, request.getUrl().encodedPath());
    return verifier.verifyV2Query(request);
  }

  private static MockResponse ok(String result) {
    return json("{\"ret_code\":0,\"ret_msg\":\"OK\",\"ext_code\":\"\",\"ext_info\":\"\",\"result\":" + result
        + ",\"time_now\":\"1591173153.876047\"}");
  }

  private static final MockResponse TOO_MANY_VISITS = json("{\"ret_code\":10006,\"ret_msg\":\"Too many visits!\","
      + "\"ext_code\":\"\",\"ext_info\":\"\",\"result\":null,\"time_now\":\"1591173153.876047\"}");

  /** {"id":..} objects: the paging needs nothing else, and lenient decoding leaves the other fields null. */
  private static String items(long... ids) {
    return LongStream.of(ids).mapToObj(id -> "{\"id\":" + id + "}").collect(Collectors.joining(",", "[", "]"));
  }

  private static Map<String, String> params(String... keysAndValues) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static long[] range(long fromInclusive, long toInclusive) {
    return LongStream.rangeClosed(fromInclusive, toInclusive).toArray();
  }

  // ---------------------------------------------------------------- every paged operation

  /**
   * A paged operation, driven with a page size of 2 over a history whose page k holds the ids 1000-2(k-1) and
   * 999-2(k-1) (newest first, as the cursor's Next direction returns them).
   *
   * @param pagesOfTwo the helper, with a page size of 2
   * @param plainCall the plain method with the same request
   * @param result the result JSON of page k holding its first n (0..2) items
   * @param query the parameters page k must be requested with
   * @param id the id of an item
   */
  record PagedOperation(String path, Function<InversePerpetualAccountClient, BybitPages<?>> pagesOfTwo,
      Consumer<InversePerpetualAccountClient> plainCall, PageResult result, IntFunction<Map<String, String>> query,
      Function<Object, Long> id) {

    MockResponse page(int k, int n) {
      return ok(result.json(k, idsOfPage(k, n)));
    }

    static long[] idsOfPage(int k, int n) {
      long first = 1000 - 2L * (k - 1);
      return n == 0 ? new long[0] : n == 1 ? new long[] {first} : new long[] {first, first - 1};
    }
  }

  @FunctionalInterface
  interface PageResult {
    String json(int pageNumber, long[] ids);
  }

  static Stream<Named<PagedOperation>> pagedOperations() {
    return Stream.of(
        named("getProfitAndLossHistory", new PagedOperation("/v2/private/trade/closed-pnl/list",
            a -> a.getProfitAndLossHistoryPages(pnlRequest()),
            a -> a.getProfitAndLossHistory(pnlRequest()),
            (k, ids) -> "{\"current_page\":" + k + ",\"data\":" + items(ids) + "}",
            k -> withPage(k, params("symbol", "BTCUSD", "exec_type", "Trade", "limit", "2")),
            item -> ((BybitPnlEntry) item).id())),
        named("getWalletFundHistory", new PagedOperation("/v2/private/wallet/fund/records",
            a -> a.getWalletFundHistoryPages(GetWalletFundHistoryRequest.builder().asset("BTC").pageSize(2).build()),
            a -> a.getWalletFundHistory(GetWalletFundHistoryRequest.builder().asset("BTC").pageSize(2).build()),
            (k, ids) -> "{\"data\":" + items(ids) + "}",
            k -> withPage(k, params("coin", "BTC", "limit", "2")),
            item -> ((BybitWalletFundRecord) item).id())),
        named("getWithdrawalHistory", new PagedOperation("/v2/private/wallet/withdraw/list",
            a -> a.getWithdrawalHistoryPages(GetWithdrawalHistoryRequest.builder().pageSize(2).build()),
            a -> a.getWithdrawalHistory(GetWithdrawalHistoryRequest.builder().pageSize(2).build()),
            (k, ids) -> "{\"data\":" + items(ids) + ",\"current_page\":" + k + ",\"last_page\":99}",
            k -> withPage(k, params("limit", "2")),
            item -> ((BybitWithdrawal) item).id())),
        named("getAssetExchangeHistory", new PagedOperation("/v2/private/exchange-order/list",
            a -> a.getAssetExchangeHistoryPages(exchangeRequest()),
            a -> a.getAssetExchangeHistory(exchangeRequest()),
            (k, ids) -> items(ids),
            k -> {
              Map<String, String> p = params("direction", "Next", "limit", "2");
              if (k > 1) {
                p.put("from", Long.toString(PagedOperation.idsOfPage(k - 1, 2)[1]));
              }
              return p;
            },
            item -> ((BybitExchangeHistoryEntry) item).id())));
  }

  private static GetProfitAndLossHistoryRequest pnlRequest() {
    return GetProfitAndLossHistoryRequest.builder().symbol("BTCUSD").type(ClosedPnlExecType.TRADE).pageSize(2).build();
  }

  private static GetAssetExchangeHistoryRequest exchangeRequest() {
    return GetAssetExchangeHistoryRequest.builder().direction(SearchDirection.NEXT).limit(2).build();
  }

  /** The caller's request has no page: the first request leaves it out, the following ones number from 2. */
  private static Map<String, String> withPage(int k, Map<String, String> params) {
    if (k > 1) {
      params.put("page", Integer.toString(k));
    }
    return params;
  }

  private static List<Long> ids(PagedOperation op, Iterable<?> items) {
    List<Long> ids = new ArrayList<>();
    items.forEach(item -> ids.add(op.id().apply(item)));
    return ids;
  }

  @ParameterizedTest
  @MethodSource("pagedOperations")
  void pagesAreFetchedInOrderWithTheCallersParametersUntilAnEmptyPage(PagedOperation op) throws Exception {
    server.enqueue(op.page(1, 2));
    server.enqueue(op.page(2, 2));
    server.enqueue(op.page(3, 2));
    server.enqueue(op.page(4, 0));

    List<Long> ids = op.pagesOfTwo().apply(account()).stream().map(op.id()).toList();

    assertEquals(List.of(1000L, 999L, 998L, 997L, 996L, 995L), ids);
    for (int k = 1; k <= 4; k++) {
      assertEquals(op.query().apply(k), nextQuery(op.path()), "request of page " + k);
    }
    assertEquals(4, server.getRequestCount());
  }

  @ParameterizedTest
  @MethodSource("pagedOperations")
  void aPageShorterThanThePageSizeIsTheLast(PagedOperation op) throws Exception {
    server.enqueue(op.page(1, 2));
    server.enqueue(op.page(2, 1));

    List<Page<?>> pages = new ArrayList<>(op.pagesOfTwo().apply(account()).pages().toList());

    assertEquals(List.of(2, 1), pages.stream().map(p -> p.items().size()).toList());
    assertEquals(List.of(true, false), pages.stream().map(Page::mayHaveMore).toList());
    assertEquals(List.of(1, 2), pages.stream().map(Page::index).toList());
    assertEquals(2, server.getRequestCount());
  }

  @ParameterizedTest
  @MethodSource("pagedOperations")
  void nothingIsSentUntilAnItemIsNeededAndEachPageOnlyWhenThePreviousIsUsedUp(PagedOperation op) {
    server.enqueue(op.page(1, 2));
    server.enqueue(op.page(2, 2));

    BybitPages<?> pages = op.pagesOfTwo().apply(account());
    Stream<?> stream = pages.stream();
    Iterator<?> items = stream.iterator();
    pages.iterator();
    pages.pageIterator().hasNext();
    assertEquals(0, server.getRequestCount(), "creating the helper, its streams and iterators sends nothing");

    assertEquals(1000L, op.id().apply(items.next()));
    assertEquals(1, server.getRequestCount());
    assertEquals(999L, op.id().apply(items.next()));
    assertEquals(1, server.getRequestCount(), "the second item comes from the page already fetched");
    assertTrue(items.hasNext());
    assertEquals(2, server.getRequestCount(), "asking past the first page fetches the second");
    stream.close();
  }

  @ParameterizedTest
  @MethodSource("pagedOperations")
  void findFirstFetchesOnePage(PagedOperation op) {
    server.enqueue(op.page(1, 2));

    assertEquals(1000L, op.pagesOfTwo().apply(account()).stream().findFirst().map(op.id()).orElseThrow());
    assertEquals(1, server.getRequestCount());
  }

  @ParameterizedTest
  @MethodSource("pagedOperations")
  void maxPagesStopsFetchingAndTheLastPageSaysMoreMayExist(PagedOperation op) throws Exception {
    server.enqueue(op.page(1, 2));
    server.enqueue(op.page(2, 2));

    BybitPages<?> unbounded = op.pagesOfTwo().apply(account());
    BybitPages<?> twoPages = unbounded.maxPages(2);
    List<Page<?>> pages = new ArrayList<>(twoPages.pages().toList());

    assertEquals(BybitPages.DEFAULT_MAX_PAGES, unbounded.maxPages(), "maxPages(int) returns a copy");
    assertEquals(2, twoPages.maxPages());
    assertEquals(2, pages.size());
    assertTrue(pages.get(1).mayHaveMore(), "full pages: fetching stopped at the bound, not at the end");
    assertEquals(2, server.getRequestCount());
    assertEquals(op.query().apply(1), nextQuery(op.path()));
    assertEquals(op.query().apply(2), nextQuery(op.path()));
  }

  @ParameterizedTest
  @MethodSource("pagedOperations")
  void anErrorOnPage2IsTheExceptionThePlainMethodThrowsAndAskingAgainRetriesPage2(PagedOperation op)
      throws Exception {
    server.enqueue(TOO_MANY_VISITS);
    BybitRateLimitException plain = assertThrows(BybitRateLimitException.class,
        () -> op.plainCall().accept(account()));
    take(server);

    server.enqueue(op.page(1, 2));
    server.enqueue(TOO_MANY_VISITS);
    server.enqueue(op.page(2, 1));
    Iterator<?> items = op.pagesOfTwo().apply(account()).iterator();
    items.next();
    items.next();
    BybitRateLimitException paged = assertThrows(BybitRateLimitException.class, items::hasNext);

    assertSame(plain.getClass(), paged.getClass());
    assertEquals(10006, paged.retCode().getAsInt());
    assertEquals(plain.operationId(), paged.operationId());
    assertEquals(998L, op.id().apply(items.next()), "the failed page is fetched again");
    assertFalse(items.hasNext());
    assertEquals(op.query().apply(1), nextQuery(op.path()));
    assertEquals(op.query().apply(2), nextQuery(op.path()));
    assertEquals(op.query().apply(2), nextQuery(op.path()), "the retry asks for the same page");
  }

  @ParameterizedTest
  @MethodSource("pagedOperations")
  void everyTraversalStartsAgainFromTheCallersRequest(PagedOperation op) throws Exception {
    server.enqueue(op.page(1, 1));
    server.enqueue(op.page(1, 1));

    BybitPages<?> pages = op.pagesOfTwo().apply(account());
    assertEquals(List.of(1000L), ids(op, pages));
    assertEquals(List.of(1000L), ids(op, pages));

    assertEquals(op.query().apply(1), nextQuery(op.path()));
    assertEquals(op.query().apply(1), nextQuery(op.path()));
  }

  // ---------------------------------------------------------------- page numbers: closed P&L

  @Test
  void profitAndLossStopsAtPage50TheHighestPageBybitAccepts() throws Exception {
    server.enqueue(ok("{\"current_page\":49,\"data\":" + items(7) + "}"));
    server.enqueue(ok("{\"current_page\":50,\"data\":" + items(8) + "}"));

    List<Page<BybitPnlEntry>> pages = account().getProfitAndLossHistoryPages(
        GetProfitAndLossHistoryRequest.builder().symbol("BTCUSD").page(49).pageSize(1).build()).pages().toList();

    assertEquals(List.of(7L, 8L), pages.stream().flatMap(p -> p.items().stream()).map(BybitPnlEntry::id).toList());
    assertFalse(pages.get(1).mayHaveMore(), "a page 51 would be refused by the request's own check");
    assertEquals(params("symbol", "BTCUSD", "page", "49", "limit", "1"), nextQuery("/v2/private/trade/closed-pnl/list"));
    assertEquals(params("symbol", "BTCUSD", "page", "50", "limit", "1"), nextQuery("/v2/private/trade/closed-pnl/list"));
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void profitAndLossOverloadTakesTheSymbolAndBybitsDefaultPageSizeOf20() throws Exception {
    server.enqueue(ok("{\"current_page\":1,\"data\":" + items(range(1, 20)) + "}"));
    server.enqueue(ok("{\"current_page\":2,\"data\":" + items(range(21, 39)) + "}"));

    long count = account().getProfitAndLossHistoryPages("BTCUSD").stream().count();

    assertEquals(39, count);
    assertEquals(params("symbol", "BTCUSD"), nextQuery("/v2/private/trade/closed-pnl/list"));
    assertEquals(params("symbol", "BTCUSD", "page", "2"), nextQuery("/v2/private/trade/closed-pnl/list"));
    assertEquals(2, server.getRequestCount(), "19 records: shorter than Bybit's default page of 20");
  }

  @Test
  void aMissingRequestIsRefusedBeforeAnythingIsSent() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> account().getProfitAndLossHistoryPages((GetProfitAndLossHistoryRequest) null));
    assertTrue(e.getMessage().contains("getProfitAndLossHistory") && e.getMessage().contains("request"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> account().getProfitAndLossHistoryPages((String) null));
    assertEquals(0, server.getRequestCount());
  }

  // ---------------------------------------------------------------- page/limit lists

  @Test
  void walletFundPagesStartAtTheCallersPage() throws Exception {
    server.enqueue(ok("{\"data\":" + items(5, 6) + "}"));
    server.enqueue(ok("{\"data\":" + items(7) + "}"));

    List<Long> ids = account().getWalletFundHistoryPages(
            GetWalletFundHistoryRequest.builder().asset("BTC").page(3).pageSize(2).build())
        .stream().map(BybitWalletFundRecord::id).toList();

    assertEquals(List.of(5L, 6L, 7L), ids);
    assertEquals(params("coin", "BTC", "page", "3", "limit", "2"), nextQuery("/v2/private/wallet/fund/records"));
    assertEquals(params("coin", "BTC", "page", "4", "limit", "2"), nextQuery("/v2/private/wallet/fund/records"));
  }

  @Test
  void withoutAPageSizeBybitsDefaultOf20DecidesWhatIsAShortPage() throws Exception {
    server.enqueue(ok("{\"data\":" + items(range(1, 20)) + "}"));
    server.enqueue(ok("{\"data\":" + items(range(21, 39)) + "}"));

    List<Long> ids = account().getWalletFundHistoryPages().stream().map(BybitWalletFundRecord::id).toList();

    assertEquals(LongStream.rangeClosed(1, 39).boxed().toList(), ids);
    assertEquals(Map.of(), nextQuery("/v2/private/wallet/fund/records"));
    assertEquals(Map.of("page", "2"), nextQuery("/v2/private/wallet/fund/records"));
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void withdrawalsStopAtLastPageEvenWhenItIsFull() throws Exception {
    server.enqueue(ok("{\"data\":" + items(1, 2) + ",\"current_page\":1,\"last_page\":2}"));
    server.enqueue(ok("{\"data\":" + items(3, 4) + ",\"current_page\":2,\"last_page\":2}"));

    List<Page<BybitWithdrawal>> pages = account().getWithdrawalHistoryPages(
        GetWithdrawalHistoryRequest.builder().pageSize(2).build()).pages().toList();

    assertEquals(List.of(true, false), pages.stream().map(Page::mayHaveMore).toList());
    assertEquals(List.of(1L, 2L, 3L, 4L),
        pages.stream().flatMap(p -> p.items().stream()).map(BybitWithdrawal::id).toList());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void aNullDataListIsAnEmptyLastPage() throws Exception {
    server.enqueue(ok("{\"data\":null,\"current_page\":1,\"last_page\":0}"));

    List<Page<BybitWithdrawal>> pages = account().getWithdrawalHistoryPages().pages().toList();

    assertEquals(1, pages.size());
    assertTrue(pages.get(0).items().isEmpty());
    assertFalse(pages.get(0).mayHaveMore());
  }

  // ---------------------------------------------------------------- cursor: asset exchange records

  @Test
  void exchangeRecordsStartFromTheCallersIdAndKeepItsDirection() throws Exception {
    server.enqueue(ok(items(101, 102)));
    server.enqueue(ok(items(103)));

    List<Long> ids = account().getAssetExchangeHistoryPages(GetAssetExchangeHistoryRequest.builder()
        .fromId(100L).direction(SearchDirection.PREV).limit(2).build()).stream().map(BybitExchangeHistoryEntry::id)
        .toList();

    assertEquals(List.of(101L, 102L, 103L), ids);
    assertEquals(params("from", "100", "direction", "Prev", "limit", "2"),
        nextQuery("/v2/private/exchange-order/list"));
    assertEquals(params("from", "102", "direction", "Prev", "limit", "2"),
        nextQuery("/v2/private/exchange-order/list"));
  }

  @Test
  void anInclusiveFromDoesNotReturnAnItemTwice() throws Exception {
    server.enqueue(ok(items(31, 30)));
    server.enqueue(ok(items(30, 29)));
    server.enqueue(ok(items(29)));

    List<Long> ids = account().getAssetExchangeHistoryPages(GetAssetExchangeHistoryRequest.builder().limit(2).build())
        .stream().map(BybitExchangeHistoryEntry::id).toList();

    assertEquals(List.of(31L, 30L, 29L), ids);
    assertEquals(params("limit", "2"), nextQuery("/v2/private/exchange-order/list"));
    assertEquals(params("from", "30", "limit", "2"), nextQuery("/v2/private/exchange-order/list"));
    assertEquals(params("from", "29", "limit", "2"), nextQuery("/v2/private/exchange-order/list"));
    assertEquals(3, server.getRequestCount());
  }

  @Test
  void aCursorThatDoesNotMoveOnEndsThePagingWithoutRepeatingItems() {
    server.enqueue(ok(items(31, 30)));
    server.enqueue(ok(items(31, 30)));

    List<Page<BybitExchangeHistoryEntry>> pages = account().getAssetExchangeHistoryPages(
        GetAssetExchangeHistoryRequest.builder().limit(2).build()).pages().toList();

    assertEquals(List.of(2, 0), pages.stream().map(p -> p.items().size()).toList(), "page 2 repeats page 1");
    assertFalse(pages.get(1).mayHaveMore());
    assertEquals(2, server.getRequestCount());
  }

  @Test
  void aTransportFailureOnPage2IsTheBybitExceptionThePlainMethodThrows() {
    MockResponse serverError = new MockResponse.Builder().code(502).body("Bad Gateway").build();
    server.enqueue(serverError);
    BybitException plain = assertThrows(BybitException.class, () -> account().getAssetExchangeHistory());

    server.enqueue(ok(items(range(1, 20))));
    server.enqueue(serverError);
    BybitException paged = assertThrows(BybitException.class,
        () -> account().getAssetExchangeHistoryPages().stream().forEach(item -> assertNotNull(item.id())));

    assertSame(BybitHttpException.class, plain.getClass());
    assertSame(plain.getClass(), paged.getClass());
    assertTrue(paged.getMessage().contains("HTTP 502"), paged.getMessage());
    assertEquals(3, server.getRequestCount());
  }
}
