package io.github.bybitkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.BybitPage;
import io.github.bybitkit.BybitPages;
import io.github.bybitkit.enums.SearchDirection;
import io.github.bybitkit.enums.ClosedPnlExecType;
import io.github.bybitkit.inverseperpetual.GetAssetExchangeHistoryRequest;
import io.github.bybitkit.inverseperpetual.GetProfitAndLossHistoryRequest;
import io.github.bybitkit.inverseperpetual.GetWithdrawalHistoryRequest;
import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import io.github.bybitkit.inverseperpetual.model.BybitExchangeHistoryEntry;
import io.github.bybitkit.inverseperpetual.model.BybitPnlEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The fake pages as Bybit does, so the SDK's paging helpers have real pages to walk. */
@ExtendWith(FakeBybitExtension.class)
class PagingTest {
  private static InversePerpetualAccountClient account(FakeBybit fake) {
    return fake.clientBuilder().strictDecoding(true).build().inversePerpetual().account();
  }

  @Test
  void thePagingHelperWalksThreePagesOfClosedProfitAndLoss(FakeBybit fake) {
    List<BybitPnlEntry> all = account(fake).getProfitAndLossHistoryPages("BTCUSD").stream().toList();

    assertEquals(50, all.size(), "20 + 20 + 10 at the default page size of 20");
    assertEquals(50, all.stream().map(BybitPnlEntry::id).distinct().count(), "distinct ids");
    assertEquals(50, all.stream().map(BybitPnlEntry::orderId).distinct().count(), "distinct order ids");
    assertEquals(9982L, all.get(0).id(), "the recorded record comes first");
    assertEquals(new BigDecimal("0.0043950000000000005"), all.get(0).closedPnl(), "exact, as recorded");
    assertEquals(List.of("1", "2", "3"), fake.requests("getProfitAndLossHistory").stream()
        .map(r -> r.parameters().getOrDefault("page", "1")).toList());
  }

  @Test
  void pagesFollowTheRequestedPageSize(FakeBybit fake) {
    InversePerpetualAccountClient account = account(fake);
    List<BybitPages.Page<BybitPnlEntry>> pages = account.getProfitAndLossHistoryPages(
        GetProfitAndLossHistoryRequest.builder().symbol("ETHUSD").pageSize(4).build()).pages().toList();
    assertEquals(List.of(4, 4, 2), pages.stream().map(p -> p.items().size()).toList());
    assertEquals(List.of(true, true, false), pages.stream().map(BybitPages.Page::mayHaveMore).toList());
    assertTrue(pages.stream().flatMap(p -> p.items().stream()).allMatch(e -> e.symbol().equals("ETHUSD")));

    BybitPage<BybitPnlEntry> second = account.getProfitAndLossHistory(
        GetProfitAndLossHistoryRequest.builder().symbol("ETHUSD").page(2).pageSize(4).build());
    assertEquals(2, second.currentPage());
    assertEquals(pages.get(1).items(), second.data());
    BybitPage<BybitPnlEntry> pastTheEnd = account.getProfitAndLossHistory(
        GetProfitAndLossHistoryRequest.builder().symbol("ETHUSD").page(4).pageSize(4).build());
    assertEquals(4, pastTheEnd.currentPage());
    assertTrue(pastTheEnd.data().isEmpty());
  }

  @Test
  void theNumberOfRecordsCanBeSetUp(FakeBybit fake) {
    fake.account().setClosedProfitAndLossCount(3);
    assertEquals(3, account(fake).getProfitAndLossHistoryPages("BTCUSD").stream().count());
    fake.account().setClosedProfitAndLossCount(0);
    assertEquals(0, account(fake).getProfitAndLossHistoryPages("BTCUSD").stream().count());
  }

  @Test
  void closedProfitAndLossHonoursTheFilters(FakeBybit fake) {
    InversePerpetualAccountClient account = account(fake);
    // The recorded record was created at 1591155741; the others an hour apart before it.
    List<BybitPnlEntry> lastTwoHours = account.getProfitAndLossHistory(GetProfitAndLossHistoryRequest.builder()
        .symbol("BTCUSD").startTime(Instant.ofEpochSecond(1591155741 - 3600)).build()).data();
    assertEquals(List.of(9982L, 9981L), lastTwoHours.stream().map(BybitPnlEntry::id).toList());
    assertTrue(account.getProfitAndLossHistory(GetProfitAndLossHistoryRequest.builder().symbol("BTCUSD")
        .type(ClosedPnlExecType.ADL_TRADE).build()).data().isEmpty(), "only Trade records");
  }

  @Test
  void withdrawalsReportTheirLastPage(FakeBybit fake) {
    InversePerpetualAccountClient account = account(fake);
    assertEquals(1, account.getWithdrawalHistory().size());
    assertTrue(account.getWithdrawalHistory(GetWithdrawalHistoryRequest.builder().page(2).build()).isEmpty());
    assertTrue(account.getWithdrawalHistory(GetWithdrawalHistoryRequest.builder().asset("BTC").build()).isEmpty(),
        "the recorded withdrawal is XRP");
    assertEquals(1, account.getWithdrawalHistoryPages().stream().count());
  }

  @Test
  void assetExchangesFollowTheCursor(FakeBybit fake) {
    InversePerpetualAccountClient account = account(fake);
    assertEquals(List.of(31L, 30L), ids(account.getAssetExchangeHistory()));
    assertEquals(List.of(30L), ids(account.getAssetExchangeHistory(
        GetAssetExchangeHistoryRequest.builder().fromId(31L).build())));
    assertEquals(List.of(31L), ids(account.getAssetExchangeHistory(
        GetAssetExchangeHistoryRequest.builder().fromId(30L).direction(SearchDirection.PREV).build())));
    assertEquals(List.of(31L), ids(account.getAssetExchangeHistory(
        GetAssetExchangeHistoryRequest.builder().limit(1).build())));
    assertEquals(List.of(31L, 30L), account.getAssetExchangeHistoryPages(
        GetAssetExchangeHistoryRequest.builder().limit(1).build()).stream().map(BybitExchangeHistoryEntry::id)
        .collect(Collectors.toList()));
  }

  private static List<Long> ids(List<BybitExchangeHistoryEntry> entries) {
    return entries.stream().map(BybitExchangeHistoryEntry::id).toList();
  }
}
