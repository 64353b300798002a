package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.enums.AccountType;
import io.github.bybitkit.enums.Category;
import io.github.bybitkit.v5.GetContractTransactionLogRequest;
import io.github.bybitkit.v5.GetTransactionLogRequest;
import io.github.bybitkit.v5.GetWalletBalanceRequest;
import io.github.bybitkit.v5.V5AccountClient;
import io.github.bybitkit.v5.model.BybitV5ContractTransactionLogEntry;
import io.github.bybitkit.v5.model.BybitV5ContractTransactionLogPage;
import io.github.bybitkit.v5.model.BybitV5TransactionLogEntry;
import io.github.bybitkit.v5.model.BybitV5TransactionLogPage;
import io.github.bybitkit.v5.model.BybitV5WalletAccount;
import io.github.bybitkit.v5.model.BybitV5WalletBalances;
import io.github.bybitkit.v5.model.BybitV5WalletCoin;
import java.math.BigDecimal;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/**
 * End to end through the public client: v5 {@code getWalletBalance}, {@code getTransactionLog} and the abandoned
 * {@code getContractTransactionLog}.
 */
@SuppressWarnings("deprecation") // getContractTransactionLog is deprecated on purpose: Bybit abandoned it
class V5AccountBalancesAndLogsTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private V5AccountClient account() {
    return TestClients.client(server).v5().account();
  }

  private Map<String, String> signedQuery(String path) throws InterruptedException {
    RecordedRequest request = take(server);
    assertEquals("GET", request.getMethod());
    assertEquals(path, request.getUrl().encodedPath());
    return TestClients.verifier().verifyV5Get(request);
  }

  @Test
  void getWalletBalanceSendsTheAccountTypeAndCoinsAndDecodesTheDocsExampleExactly() throws Exception {
    server.enqueue(recorded("getWalletBalance", "docs-v5.json"));

    BybitV5WalletBalances balances = account().getWalletBalance(GetWalletBalanceRequest.builder()
        .accountType(AccountType.UNIFIED).coin("BTC,ETH").build());

    assertEquals(Map.of("accountType", "UNIFIED", "coin", "BTC,ETH"), signedQuery("/v5/account/wallet-balance"));
    BybitV5WalletAccount a = balances.list().get(0);
    assertEquals(AccountType.UNIFIED, a.accountType());
    assertEquals(new BigDecimal("3.31216591"), a.totalEquity());
    assertEquals(new BigDecimal("3.00326056"), a.totalMarginBalance());
    assertEquals(new BigDecimal("3.00326056"), a.totalAvailableBalance());
    assertEquals(new BigDecimal("3.00326056"), a.totalWalletBalance());
    assertEquals(new BigDecimal("0"), a.totalPerpUPL());
    assertEquals(new BigDecimal("0"), a.accountIMRate());
    assertEquals(new BigDecimal("0"), a.accountMMRateByMp());
    assertEquals(new BigDecimal("0"), a.totalMaintenanceMarginByMp());
    assertEquals(new BigDecimal("0"), a.accountLTV());
    BybitV5WalletCoin btc = a.coin().get(0);
    assertEquals("BTC", btc.coin());
    assertEquals(new BigDecimal("0.01592413"), btc.spotHedgingQty());
    assertEquals(new BigDecimal("0.0"), btc.borrowAmount(), "the text's scale is kept");
    assertEquals(new BigDecimal("3"), btc.availableToBorrow());
    assertEquals(new BigDecimal("0"), btc.walletBalance());
    assertEquals(new BigDecimal("0"), btc.equity());
    assertEquals(new BigDecimal("0"), btc.spotBorrow());
    assertTrue(btc.marginCollateral());
    assertTrue(btc.collateralSwitch());
    assertNull(btc.colRes(), "added after the example");
    assertNull(btc.free());
  }

  @Test
  void getWalletBalanceWithoutAnAccountTypeSendsNothing() {
    assertThrows(IllegalArgumentException.class, () -> account().getWalletBalance((AccountType) null));
    assertThrows(IllegalArgumentException.class, () -> account().getWalletBalance(AccountType.UNKNOWN));
    assertEquals(0, server.getRequestCount());
  }

  /** Inline, not under spec/recorded: the drift check rightly reports an account type the spec lacks. */
  @Test
  void anAccountTypeBybitAddsLaterIsKeptAsData() throws Exception {
    server.enqueue(RecordedResponses.json(RecordedResponses.body("getWalletBalance", "docs-v5.json")
        .replace("\"accountType\": \"UNIFIED\"", "\"accountType\": \"UNIFIED_V3\"")));

    BybitV5WalletAccount a = account().getWalletBalanceAsync(AccountType.UNIFIED).get().list().get(0);

    assertEquals(Map.of("accountType", "UNIFIED"), signedQuery("/v5/account/wallet-balance"));
    assertEquals(AccountType.UNKNOWN, a.accountType());
    assertEquals("UNIFIED_V3", a.accountTypeRaw());
  }

  @Test
  void getTransactionLogSendsItsFiltersAndDecodesTheDocsExampleExactly() throws Exception {
    server.enqueue(recorded("getTransactionLog", "docs-v5.json"));

    BybitV5TransactionLogPage page = account().getTransactionLog(GetTransactionLogRequest.builder()
        .accountType(AccountType.UNIFIED).category(Category.INVERSE).currency("BTC").type("SETTLEMENT")
        .startTime(1672041600000L).endTime(1672128000000L).limit(50).build());

    assertEquals(Map.of("accountType", "UNIFIED", "category", "inverse", "currency", "BTC", "type", "SETTLEMENT",
        "startTime", "1672041600000", "endTime", "1672128000000", "limit", "50"),
        signedQuery("/v5/account/transaction-log"));
    assertEquals("21963%3A1%2C14954%3A1", page.nextPageCursor());
    assertEquals(3, page.list().size());
    BybitV5TransactionLogEntry funding = page.list().get(0);
    assertEquals("SETTLEMENT", funding.type());
    assertEquals("", funding.transSubType());
    assertEquals("592324_XRPUSDT_161440249321", funding.id());
    assertEquals(Category.LINEAR, funding.category());
    assertEquals("Buy", funding.side());
    assertEquals(new BigDecimal("-0.003676"), funding.funding());
    assertEquals(new BigDecimal("0.00000000"), funding.fee());
    assertEquals(new BigDecimal("-0.003676"), funding.change());
    assertEquals(new BigDecimal("0"), funding.cashFlow());
    assertEquals(new BigDecimal("0.0001"), funding.feeRate());
    assertEquals(new BigDecimal("5086.55825002"), funding.cashBalance());
    assertEquals(new BigDecimal("0.3676"), funding.tradePrice());
    assertEquals(new BigDecimal("100"), funding.size());
    assertEquals("1672128000000", funding.transactionTime());
    assertEquals("1672128000-8-592324-1-2", funding.orderId());
    assertNull(funding.bonusChange(), "\"\" is read as null");
    BybitV5TransactionLogEntry trade = page.list().get(1);
    assertEquals("TRADE", trade.type());
    assertNull(trade.funding());
    assertEquals(new BigDecimal("-0.1430544"), trade.bonusChange());
    assertEquals(new BigDecimal("88"), trade.qty());
    assertEquals("linear-order", trade.orderLinkId());
  }

  @Test
  void aTransactionTypeOutsideBybitsListIsKeptAsText() throws Exception {
    server.enqueue(recorded("getTransactionLog", "unlisted-type.json"));

    BybitV5TransactionLogPage page = account().getTransactionLog(GetTransactionLogRequest.builder()
        .type("MANUAL_LOANS_BORROW").build());

    assertEquals(Map.of("type", "MANUAL_LOANS_BORROW"), signedQuery("/v5/account/transaction-log"));
    assertEquals("MANUAL_LOANS_BORROW", page.list().get(0).type());
  }

  @Test
  void anEmptyTransactionLogPageWithAPercentEncodedCursorSentAsReceived() throws Exception {
    server.enqueue(recorded("getTransactionLog", "empty-list.json"));

    BybitV5TransactionLogPage page = account().getTransactionLog(GetTransactionLogRequest.builder()
        .cursor("21963%3A1%2C14954%3A1").build());

    RecordedRequest request = take(server);
    assertEquals("/v5/account/transaction-log", request.getUrl().encodedPath());
    TestClients.verifier().verifyV5Get(request);
    assertEquals("cursor=21963%3A1%2C14954%3A1", request.getUrl().encodedQuery(), "not percent-encoded again");
    assertTrue(page.list().isEmpty());
    assertEquals("", page.nextPageCursor());
  }

  @Test
  void aTransactionLogLimitAboveFiftyIsRefusedBeforeSending() {
    assertThrows(IllegalArgumentException.class, () -> GetTransactionLogRequest.builder().limit(51).build());
    assertThrows(IllegalArgumentException.class, () -> GetContractTransactionLogRequest.builder().limit(0).build());
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void getContractTransactionLogDecodesTheClassicExampleWithItsOwnFundingSign() throws Exception {
    server.enqueue(recorded("getContractTransactionLog", "docs-v5.json"));

    BybitV5ContractTransactionLogPage page = account().getContractTransactionLog(
        GetContractTransactionLogRequest.builder().currency("BTC").type("SETTLEMENT").build());

    assertEquals(Map.of("currency", "BTC", "type", "SETTLEMENT"),
        signedQuery("/v5/account/contract-transaction-log"));
    assertEquals("cursor_id%3D467153%26", page.nextPageCursor());
    BybitV5ContractTransactionLogEntry row = page.list().get(0);
    assertEquals("467153", row.id());
    assertEquals("BTCUSD", row.symbol());
    assertEquals(Category.INVERSE, row.category());
    assertEquals("Sell", row.side());
    assertEquals("SETTLEMENT", row.type());
    assertEquals(new BigDecimal("1000"), row.qty());
    assertEquals(new BigDecimal("-1000"), row.size());
    assertEquals(new BigDecimal("63974.88"), row.tradePrice());
    assertEquals(new BigDecimal("-0.00000156"), row.funding(), "negative: received, under the classic sign");
    assertNull(row.fee(), "\"\" is read as null");
    assertEquals(new BigDecimal("0.00000156"), row.change());
    assertEquals(new BigDecimal("-0.00010000"), row.feeRate());
    assertEquals(new BigDecimal("1.1311"), row.cashBalance());
    assertEquals("1714032000000", row.transactionTime());
  }

  @Test
  void getContractTransactionLogIsDeprecated() throws Exception {
    assertNotNull(V5AccountClient.class.getMethod("getContractTransactionLog").getAnnotation(Deprecated.class));
    assertNotNull(V5AccountClient.class.getMethod("getContractTransactionLogAsync",
        GetContractTransactionLogRequest.class).getAnnotation(Deprecated.class));
    assertNull(V5AccountClient.class.getMethod("getTransactionLog").getAnnotation(Deprecated.class));
  }

  @Test
  void anEmptyContractLogPage() throws Exception {
    server.enqueue(recorded("getContractTransactionLog", "empty-list.json"));

    BybitV5ContractTransactionLogPage page = account().getContractTransactionLog();

    assertEquals(Map.of(), signedQuery("/v5/account/contract-transaction-log"));
    assertTrue(page.list().isEmpty());
    assertEquals("", page.nextPageCursor());
  }
}
