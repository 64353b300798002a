package io.github.bybitkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.BybitApiException;
import io.github.bybitkit.BybitClient;
import io.github.bybitkit.RetryPolicy;
import io.github.bybitkit.enums.AccountType;
import io.github.bybitkit.enums.Category;
import io.github.bybitkit.enums.ExecType;
import io.github.bybitkit.enums.MarginMode;
import io.github.bybitkit.v5.GetClosedPnlRequest;
import io.github.bybitkit.v5.GetPositionInfoRequest;
import io.github.bybitkit.v5.GetTradeHistoryRequest;
import io.github.bybitkit.v5.model.BybitV5ClosedPnl;
import io.github.bybitkit.v5.model.BybitV5ClosedPnlPage;
import io.github.bybitkit.v5.model.BybitV5Execution;
import io.github.bybitkit.v5.model.BybitV5ExecutionPage;
import io.github.bybitkit.v5.model.BybitV5PositionInfo;
import io.github.bybitkit.v5.model.BybitV5WalletCoin;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The v5 side of the fake's account: shared with v2, changed by v5 writes, read back by v5 reads; history pages. */
class V5AccountStateTest {
  private static final Instant NOW = Instant.parse("2026-03-05T06:07:08.123Z");
  private static final long NOW_MILLIS = NOW.toEpochMilli();

  private final FakeBybit fake = FakeBybit.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  private final BybitClient client = fake.clientBuilder().clock(Clock.fixed(NOW, ZoneOffset.UTC))
      .retryPolicy(RetryPolicy.none()).strictDecoding(true).build();

  @AfterEach
  void close() {
    fake.close();
  }

  private BybitV5PositionInfo position(String symbol) {
    List<BybitV5PositionInfo> list = client.v5().position().getPositionInfo(GetPositionInfoRequest.builder()
        .category(Category.INVERSE).symbol(symbol).build()).list();
    assertEquals(1, list.size(), list::toString);
    return list.get(0);
  }

  private BybitV5WalletCoin btc() {
    return client.v5().account().getWalletBalance(AccountType.UNIFIED).list().get(0).coin().stream()
        .filter(c -> c.coin().equals("BTC")).findFirst().orElseThrow();
  }

  @Test
  void leverageSetThroughV5IsReadBackByV5AndV2AndTheSameLeverageAgainIs110043() {
    client.v5().position().setLeverage(Category.INVERSE, "BTCUSD", new BigDecimal("25"), new BigDecimal("25"));

    assertEquals(0, new BigDecimal("25").compareTo(position("BTCUSD").leverage()));
    assertEquals(0, new BigDecimal("25").compareTo(fake.account().position("BTCUSD").leverage()));
    assertEquals(0, new BigDecimal("25").compareTo(client.inversePerpetual().account().getPositions().stream()
        .filter(p -> p.symbol().equals("BTCUSD")).findFirst().orElseThrow().leverage()));

    BybitApiException unchanged = assertThrows(BybitApiException.class, () -> client.v5().position()
        .setLeverage(Category.INVERSE, "BTCUSD", new BigDecimal("25.0"), new BigDecimal("25")));
    assertEquals(110043, unchanged.retCode());
    BybitApiException unequal = assertThrows(BybitApiException.class, () -> client.v5().position()
        .setLeverage(Category.INVERSE, "BTCUSD", new BigDecimal("5"), new BigDecimal("6")));
    assertEquals(10001, unequal.retCode());
    assertEquals(0, new BigDecimal("25").compareTo(position("BTCUSD").leverage()));
  }

  @Test
  void theMarginModeIsAccountWideAndReflectedByAccountInfoAndEveryPosition() {
    assertEquals(MarginMode.REGULAR_MARGIN, client.v5().account().getAccountInfo().marginMode());

    client.v5().account().setMarginMode(MarginMode.ISOLATED_MARGIN);
    assertEquals(MarginMode.ISOLATED_MARGIN, client.v5().account().getAccountInfo().marginMode());
    assertEquals(MarginMode.ISOLATED_MARGIN, fake.account().marginMode());
    client.v5().position().getPositionInfo(Category.INVERSE).list()
        .forEach(p -> assertEquals(1, p.tradeMode(), p.symbol()));
    assertTrue(fake.account().positions().stream().allMatch(AccountState.Position::isolated));

    client.v5().account().setMarginMode(MarginMode.REGULAR_MARGIN);
    assertEquals(MarginMode.REGULAR_MARGIN, client.v5().account().getAccountInfo().marginMode());
    client.v5().position().getPositionInfo(Category.INVERSE).list()
        .forEach(p -> assertEquals(0, p.tradeMode(), p.symbol()));
    BybitApiException cross = assertThrows(BybitApiException.class, () -> client.v5().position()
        .addOrReduceMargin(Category.INVERSE, "BTCUSD", new BigDecimal("0.01")));
    assertEquals(110015, cross.retCode());
  }

  @Test
  void marginAddedToAPositionMovesOutOfTheWalletAndBack() {
    client.v5().account().setMarginMode(MarginMode.ISOLATED_MARGIN);
    BigDecimal positionBefore = position("BTCUSD").positionBalance();
    BigDecimal availableBefore = btc().availableToWithdraw();
    BigDecimal imBefore = btc().totalPositionIM();
    BigDecimal added = new BigDecimal("0.0125");

    BigDecimal snapshot = client.v5().position().addOrReduceMargin(Category.INVERSE, "BTCUSD", added).positionIM();

    assertEquals(0, positionBefore.add(added).compareTo(snapshot));
    assertEquals(0, positionBefore.add(added).compareTo(position("BTCUSD").positionBalance()));
    assertEquals(0, availableBefore.subtract(added).compareTo(btc().availableToWithdraw()));
    assertEquals(0, imBefore.add(added).compareTo(btc().totalPositionIM()));
    assertEquals(0, positionBefore.add(added).compareTo(fake.account().position("BTCUSD").positionMargin()));

    client.v5().position().addOrReduceMargin(Category.INVERSE, "BTCUSD", added.negate());
    assertEquals(0, positionBefore.compareTo(position("BTCUSD").positionBalance()));
    assertEquals(0, availableBefore.compareTo(btc().availableToWithdraw()));

    BybitApiException noPosition = assertThrows(BybitApiException.class, () -> client.v5().position()
        .addOrReduceMargin(Category.INVERSE, "XRPUSD", added));
    assertEquals(110033, noPosition.retCode());
    BigDecimal moreThanAvailable = availableBefore.setScale(0, RoundingMode.CEILING).add(BigDecimal.ONE);
    BybitApiException tooMuch = assertThrows(BybitApiException.class, () -> client.v5().position()
        .addOrReduceMargin(Category.INVERSE, "BTCUSD", moreThanAvailable));
    assertEquals(110012, tooMuch.retCode());
  }

  @Test
  void inverseTradeHistoryHasOnlyInverseRowsOfTheAccountsSymbols() {
    List<BybitV5Execution> inverse = client.v5().execution().getTradeHistory(Category.INVERSE).list();
    assertTrue(!inverse.isEmpty());
    assertTrue(inverse.stream().allMatch(e -> fake.account().symbols().contains(e.symbol())), inverse::toString);

    List<BybitV5Execution> linear = client.v5().execution().getTradeHistory(Category.LINEAR).list();
    assertTrue(!linear.isEmpty());
    assertTrue(linear.stream().noneMatch(e -> fake.account().symbols().contains(e.symbol())), linear::toString);

    List<BybitV5Execution> lastFunding = client.v5().execution().getTradeHistory(GetTradeHistoryRequest.builder()
        .category(Category.INVERSE).symbol("BTCUSD").execType(ExecType.FUNDING).limit(1).build()).list();
    assertEquals(1, lastFunding.size());
    assertEquals(ExecType.FUNDING, lastFunding.get(0).execType());
    assertEquals("BTCUSD", lastFunding.get(0).symbol());
  }

  @Test
  void closedPnlCursorsWalkEveryRecordOfTheWindowOnce() {
    // Default timeline: a record every 2 hours, so 7 days hold 85 per symbol (both ends): 50 + 35 at limit 50.
    List<Integer> pageSizes = new ArrayList<>();
    List<BybitV5ClosedPnl> all = walkClosedPnl(GetClosedPnlRequest.builder().category(Category.INVERSE)
        .symbol("BTCUSD").build(), pageSizes);
    assertEquals(List.of(50, 35), pageSizes);
    assertUniqueNewestFirstWithin(all, NOW_MILLIS - Duration.ofDays(7).toMillis(), NOW_MILLIS);

    pageSizes.clear();
    long start = NOW_MILLIS - Duration.ofDays(10).toMillis();
    long end = start + Duration.ofDays(3).toMillis();
    List<BybitV5ClosedPnl> window = walkClosedPnl(GetClosedPnlRequest.builder().category(Category.INVERSE)
        .symbol("BTCUSD").startTime(start).endTime(end).limit(15).build(), pageSizes);
    assertEquals(List.of(15, 15, 7), pageSizes);
    assertUniqueNewestFirstWithin(window, start, end);
  }

  @Test
  void thirtyDaysWalkedInFiveWindowsOfAtMost7DaysNewestFirstGiveEveryRecordOnce() {
    long day = Duration.ofDays(1).toMillis();
    long rangeStart = NOW_MILLIS - 30 * day;
    List<BybitV5ClosedPnl> all = new ArrayList<>();
    int windows = 0;
    for (long end = NOW_MILLIS; end >= rangeStart; end = end - 7 * day - 1) {
      long start = Math.max(rangeStart, end - 7 * day);
      windows++;
      all.addAll(walkClosedPnl(GetClosedPnlRequest.builder().category(Category.INVERSE).symbol("BTCUSD")
          .startTime(start).endTime(end).build(), new ArrayList<>()));
    }
    assertEquals(5, windows);
    // The default timeline: 360 records, 2 hours apart, the newest when the fake started.
    assertEquals(360, all.size());
    assertUniqueNewestFirstWithin(all, rangeStart, NOW_MILLIS);
  }

  @Test
  void theTransactionLogDefaultsToTheLast24HoursAndWithdrawalsToTheLast30Days() {
    // 24 hours of records 2 hours apart, both ends included.
    assertEquals(13, client.v5().account().getTransactionLog().list().size());
    fake.account().setHistory(40, Duration.ofDays(1));
    assertEquals(30, client.v5().asset().getWithdrawalRecords().rows().size());
  }

  @Test
  void aLongerTimelineAndOtherPageSizesAreSetOnTheAccount() {
    fake.account().setHistory(10, Duration.ofHours(1));
    List<Integer> pageSizes = new ArrayList<>();
    walkClosedPnl(GetClosedPnlRequest.builder().category(Category.INVERSE).symbol("BTCUSD").limit(4).build(),
        pageSizes);
    assertEquals(List.of(4, 4, 2), pageSizes);

    List<Integer> tradePages = new ArrayList<>();
    List<BybitV5Execution> trades = walk(cursor -> client.v5().execution().getTradeHistory(GetTradeHistoryRequest
        .builder().category(Category.INVERSE).limit(7).cursor(cursor).build()), BybitV5ExecutionPage::list,
        BybitV5ExecutionPage::nextPageCursor, tradePages);
    assertEquals(List.of(7, 7, 6), tradePages); // two symbols, 10 each
    assertEquals(20, new HashSet<>(trades.stream().map(BybitV5Execution::execId).toList()).size());
  }

  @Test
  void aCursorSentPercentEncodedAgainIsAcceptedToo() {
    BybitV5ClosedPnlPage first = client.v5().position().getClosedPnl(GetClosedPnlRequest.builder()
        .category(Category.INVERSE).symbol("BTCUSD").limit(10).build());
    assertTrue(first.nextPageCursor().contains("%3A"), first.nextPageCursor());
    BybitV5ClosedPnlPage asReceived = client.v5().position().getClosedPnl(GetClosedPnlRequest.builder()
        .category(Category.INVERSE).symbol("BTCUSD").limit(10).cursor(first.nextPageCursor()).build());
    BybitV5ClosedPnlPage decoded = client.v5().position().getClosedPnl(GetClosedPnlRequest.builder()
        .category(Category.INVERSE).symbol("BTCUSD").limit(10).cursor(first.nextPageCursor().replace("%3A", ":"))
        .build());
    assertEquals(asReceived.list(), decoded.list());
    assertTrue(first.list().get(9).createdTime().compareTo(asReceived.list().get(0).createdTime()) > 0);
  }

  private List<BybitV5ClosedPnl> walkClosedPnl(GetClosedPnlRequest request, List<Integer> pageSizes) {
    return walk(cursor -> client.v5().position().getClosedPnl(request.toBuilder().cursor(cursor).build()),
        BybitV5ClosedPnlPage::list, BybitV5ClosedPnlPage::nextPageCursor, pageSizes);
  }

  /** Follows nextPageCursor until it is "", at most 20 pages. */
  private static <P, T> List<T> walk(Function<String, P> call, Function<P, List<T>> items,
      Function<P, String> next, List<Integer> pageSizes) {
    List<T> all = new ArrayList<>();
    String cursor = null;
    for (int pages = 0; pages < 20; pages++) {
      P page = call.apply(cursor);
      pageSizes.add(items.apply(page).size());
      all.addAll(items.apply(page));
      cursor = next.apply(page);
      if (cursor == null || cursor.isEmpty()) {
        return all;
      }
    }
    throw new AssertionError("more than 20 pages: " + pageSizes);
  }

  private static void assertUniqueNewestFirstWithin(List<BybitV5ClosedPnl> records, long start, long end) {
    assertEquals(records.size(), new HashSet<>(records.stream().map(BybitV5ClosedPnl::orderId).toList()).size());
    long previous = Long.MAX_VALUE;
    for (BybitV5ClosedPnl record : records) {
      long time = Long.parseLong(record.createdTime());
      assertTrue(time >= start && time <= end, record::toString);
      assertTrue(time < previous, "newest first");
      assertEquals("BTCUSD", record.symbol());
      previous = time;
    }
  }
}
