package io.github.bybitkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.BybitClient;
import io.github.bybitkit.RetryPolicy;
import io.github.bybitkit.enums.Category;
import io.github.bybitkit.enums.ExecType;
import io.github.bybitkit.v5.model.BybitV5ClosedPnl;
import io.github.bybitkit.v5.model.BybitV5Execution;
import io.github.bybitkit.v5.model.BybitV5Withdrawal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The SDK's time-window paging against the fake: windows within Bybit's caps, every cursor page, every record once. */
class V5WindowPagingTest {
  private static final Instant NOW = Instant.parse("2026-03-05T06:07:08.123Z");
  private static final long NOW_MILLIS = NOW.toEpochMilli();

  private final FakeBybit fake = FakeBybit.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
  private final BybitClient client = fake.clientBuilder().clock(Clock.fixed(NOW, ZoneOffset.UTC))
      .retryPolicy(RetryPolicy.none()).build();

  @AfterEach
  void close() {
    fake.close();
  }

  @Test
  void closedPnlPagesOver30DaysWalkFiveWindowsAndEveryCursorPage() {
    List<BybitV5ClosedPnl> all = client.v5().position()
        .getClosedPnlPages(Category.INVERSE, NOW_MILLIS - Duration.ofDays(30).toMillis(), NOW_MILLIS).stream()
        .filter(pnl -> pnl.symbol().equals("BTCUSD")).toList();

    // The default timeline: 360 records per symbol, 2 hours apart, the newest when the fake started.
    assertEquals(360, all.size());
    assertEquals(360, new HashSet<>(all.stream().map(BybitV5ClosedPnl::orderId).toList()).size());
    List<ReceivedRequest> requests = fake.requests("getClosedPnl");
    assertTrue(requests.stream().allMatch(r -> r.retCode().orElse(-1) == 0), requests::toString);
    long windows = requests.stream().map(r -> r.parameters().get("startTime")).distinct().count();
    assertEquals(5, windows, requests::toString);
    for (ReceivedRequest request : requests) {
      long start = Long.parseLong(request.parameters().get("startTime"));
      long end = Long.parseLong(request.parameters().get("endTime"));
      assertTrue(end - start <= Duration.ofDays(7).toMillis(), request::toString);
    }
    // Two symbols, 170 records in a full 7-day window: more than one page each.
    assertTrue(requests.stream().anyMatch(r -> r.parameters().get("cursor") != null), requests::toString);
  }

  @Test
  void withdrawalPagesOver90DaysUseWindowsShorterThan30Days() {
    fake.account().setHistory(90, Duration.ofDays(1));

    List<BybitV5Withdrawal> all = client.v5().asset()
        .getWithdrawalRecordsPages(NOW_MILLIS - Duration.ofDays(90).toMillis(), NOW_MILLIS).stream().toList();

    assertEquals(90, all.size());
    assertEquals(90, new HashSet<>(all.stream().map(BybitV5Withdrawal::withdrawId).toList()).size());
    List<ReceivedRequest> requests = fake.requests("getWithdrawalRecords");
    assertTrue(requests.stream().allMatch(r -> r.retCode().orElse(-1) == 0), requests::toString);
    assertEquals(4, requests.size(), requests::toString);
    for (ReceivedRequest request : requests) {
      long start = Long.parseLong(request.parameters().get("startTime"));
      long end = Long.parseLong(request.parameters().get("endTime"));
      assertTrue(end - start < Duration.ofDays(30).toMillis(), request::toString);
    }
  }

  @Test
  void tradeHistoryPagesOverTwoWeeksAreInverseRowsWithFundingAmongThem() {
    List<BybitV5Execution> twoWeeks = client.v5().execution()
        .getTradeHistoryPages(Category.INVERSE, NOW_MILLIS - Duration.ofDays(14).toMillis(), NOW_MILLIS).stream()
        .toList();

    // A record every 2 hours for 14 days: BTCUSD's from the fake's start, both ends (169); XRPUSD's a minute earlier,
    // so its oldest falls outside (168).
    assertEquals(337, twoWeeks.size());
    assertTrue(twoWeeks.stream().allMatch(e -> fake.account().symbols().contains(e.symbol())));
    assertTrue(twoWeeks.stream().anyMatch(e -> e.execType() == ExecType.FUNDING));
  }
}
