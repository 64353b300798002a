package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;

import io.github.bybitkit.enums.PositionMode;
import io.github.bybitkit.enums.StopLossTakeProfitMode;
import io.github.bybitkit.enums.WalletFundType;
import io.github.bybitkit.inverseperpetual.GetAssetExchangeHistoryRequest;
import io.github.bybitkit.inverseperpetual.GetBalancesRequest;
import io.github.bybitkit.inverseperpetual.GetPositionsRequest;
import io.github.bybitkit.inverseperpetual.GetRiskLimitRequest;
import io.github.bybitkit.inverseperpetual.GetWalletFundHistoryRequest;
import io.github.bybitkit.inverseperpetual.GetWithdrawalHistoryRequest;
import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code ...Async} twin of every inverse-perpetual operation: the same request, the same value, and an error
 * envelope completing the future with {@link BybitApiException} itself.
 */
class InversePerpetualAccountClientAsyncTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  /** One operation called through its synchronous method and its async twin, with the same arguments. */
  record Twin(String operationId, String recordedFile, Function<InversePerpetualAccountClient, Object> sync,
      Function<InversePerpetualAccountClient, CompletableFuture<?>> async) {}

  private static BigDecimal dec(String text) {
    return new BigDecimal(text);
  }

  private static Arguments twin(String shape, Twin twin) {
    return Arguments.of(named(twin.operationId() + " (" + shape + ")", twin));
  }

  /** Every operation; the shape says how the result is returned. */
  static Stream<Arguments> twins() {
    return Stream.concat(directTwins(), mappedTwins());
  }

  /** Operations whose future is the transport's own. */
  static Stream<Arguments> directTwins() {
    GetAssetExchangeHistoryRequest exchange = GetAssetExchangeHistoryRequest.builder().limit(2).build();
    GetBalancesRequest btc = GetBalancesRequest.builder().asset("BTC").build();
    GetPositionsRequest btcusd = GetPositionsRequest.builder().symbol("BTCUSD").build();
    GetRiskLimitRequest risk = GetRiskLimitRequest.builder().symbol("BTCUSD").build();
    return Stream.of(
        twin("direct decimal", new Twin("changeMargin", "docs-2021.json",
            a -> a.changeMargin("BTCUSD", PositionMode.ONE_WAY, dec("0.0001")),
            a -> a.changeMarginAsync("BTCUSD", PositionMode.ONE_WAY, dec("0.0001")))),
        twin("list", new Twin("getApiKeyInfo", "docs-2023.json",
            InversePerpetualAccountClient::getApiKeyInfo, InversePerpetualAccountClient::getApiKeyInfoAsync)),
        twin("list", new Twin("getAssetExchangeHistory", "docs-2023.json",
            a -> a.getAssetExchangeHistory(exchange), a -> a.getAssetExchangeHistoryAsync(exchange))),
        twin("map", new Twin("getBalances", "docs-2023.json",
            a -> a.getBalances(btc), a -> a.getBalancesAsync(btc))),
        twin("direct model", new Twin("getLastUserFundingFee", "docs-2023.json",
            a -> a.getLastUserFundingFee("BTCUSD"), a -> a.getLastUserFundingFeeAsync("BTCUSD"))),
        twin("list, one or many", new Twin("getPositions", "without-symbol-docs-2023.json",
            a -> a.getPositions(btcusd), a -> a.getPositionsAsync(btcusd))),
        twin("direct model", new Twin("getPredictedUserFundingFee", "docs-2023.json",
            a -> a.getPredictedUserFundingFee("BTCUSD"), a -> a.getPredictedUserFundingFeeAsync("BTCUSD"))),
        twin("list, public", new Twin("getRiskLimit", "docs-2021.json",
            a -> a.getRiskLimit(risk), a -> a.getRiskLimitAsync(risk))),
        twin("direct model", new Twin("setFullPartialPositionMode", "docs-2023.json",
            a -> a.setFullPartialPositionMode("BTCUSD", StopLossTakeProfitMode.PARTIAL),
            a -> a.setFullPartialPositionModeAsync("BTCUSD", StopLossTakeProfitMode.PARTIAL))),
        twin("void", new Twin("setIsolatedMode", "docs-2023.json",
            a -> {
              a.setIsolatedMode("BTCUSD", true, dec("5"), dec("5"));
              return null;
            },
            a -> a.setIsolatedModeAsync("BTCUSD", true, dec("5"), dec("5")))),
        twin("direct integer", new Twin("setLeverage", "docs-2023.json",
            a -> a.setLeverage("BTCUSD", 2, 2), a -> a.setLeverageAsync("BTCUSD", 2, 2))),
        twin("direct model", new Twin("setRiskLimit", "docs-2023.json",
            a -> a.setRiskLimit("BTCUSD", 2), a -> a.setRiskLimitAsync("BTCUSD", 2))));
  }

  /** Operations whose public result is mapped from the envelope's result (page, unwrapped list). */
  static Stream<Arguments> mappedTwins() {
    GetWalletFundHistoryRequest funds = GetWalletFundHistoryRequest.builder()
        .asset("BTC").startTime(LocalDate.of(2024, 1, 2)).type(WalletFundType.REALISED_PNL).pageSize(20).page(2)
        .build();
    GetWithdrawalHistoryRequest withdrawals = GetWithdrawalHistoryRequest.builder().asset("XRP").build();
    return Stream.of(
        twin("page", new Twin("getProfitAndLossHistory", "docs-2023.json",
            a -> a.getProfitAndLossHistory("BTCUSD"), a -> a.getProfitAndLossHistoryAsync("BTCUSD"))),
        twin("unwrapped list", new Twin("getWalletFundHistory", "docs-2023.json",
            a -> a.getWalletFundHistory(funds), a -> a.getWalletFundHistoryAsync(funds))),
        twin("unwrapped list", new Twin("getWithdrawalHistory", "docs-2023.json",
            a -> a.getWithdrawalHistory(withdrawals), a -> a.getWithdrawalHistoryAsync(withdrawals))));
  }

  private InversePerpetualAccountClient account() {
    return TestClients.client(server).inversePerpetual().account();
  }

  private static Object await(CompletableFuture<?> future) throws Exception {
    return future.get(5, TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @MethodSource("twins")
  void asyncReturnsTheSameValueAsSyncForTheSameRequest(Twin twin) throws Exception {
    server.enqueue(recorded(twin.operationId(), twin.recordedFile()));
    server.enqueue(recorded(twin.operationId(), twin.recordedFile()));
    InversePerpetualAccountClient account = account();

    Object sync = twin.sync().apply(account);
    Object async = await(twin.async().apply(account));

    assertEquals(sync, async);
    if (twin.operationId().equals("setIsolatedMode")) {
      assertNull(async);
    }
    RecordedRequest first = take(server);
    RecordedRequest second = take(server);
    // The clock is fixed, so even the signature must be identical.
    assertEquals(first.getRequestLine(), second.getRequestLine());
    assertEquals(first.getBody(), second.getBody());
  }

  @ParameterizedTest
  @MethodSource("twins")
  void anErrorEnvelopeFailsTheFutureWithBybitApiExceptionAsCause(Twin twin) {
    server.enqueue(recorded("getBalances", "error-10003-invalid-api-key.json"));

    CompletableFuture<?> future = twin.async().apply(account());

    ExecutionException e = assertThrows(ExecutionException.class, () -> await(future));
    BybitApiException cause = assertInstanceOf(BybitApiException.class, e.getCause());
    assertEquals(10003, cause.retCode());
    assertEquals("invalid api_key", cause.retMsg());
    assertEquals(twin.operationId(), cause.operationId());
  }

  @ParameterizedTest
  @MethodSource("directTwins")
  void anErrorEnvelopeFailsTheFutureWithBybitApiExceptionItself(Twin twin) {
    server.enqueue(recorded("changeMargin", "error-30078-empty-msg.json"));

    CompletableFuture<?> future = twin.async().apply(account());

    Throwable failure = future.handle((value, t) -> t).join();
    BybitApiException e = assertInstanceOf(BybitApiException.class, failure, "not wrapped");
    assertEquals(30078, e.retCode());
    assertEquals("", e.retMsg());
  }

  @ParameterizedTest
  @MethodSource("mappedTwins")
  void anErrorEnvelopeFailsTheMappedFutureWithBybitApiExceptionItself(Twin twin) {
    server.enqueue(recorded("changeMargin", "error-30078-empty-msg.json"));

    CompletableFuture<?> future = twin.async().apply(account());

    Throwable failure = future.handle((value, t) -> t).join();
    BybitApiException e = assertInstanceOf(BybitApiException.class, failure, "not wrapped");
    assertEquals(30078, e.retCode());
  }

  // ---------------------------------------------------------------- cancellation

  private final OkHttpClient http = new OkHttpClient();

  /** Cancels the future while the server holds the response back; true when the HTTP call was cancelled. */
  private boolean cancelsTheHttpCall(Function<InversePerpetualAccountClient, CompletableFuture<?>> async)
      throws Exception {
    server.enqueue(new MockResponse.Builder().headersDelay(30, TimeUnit.SECONDS).body("{}").build());
    InversePerpetualAccountClient account = TestClients.builder(server).okHttpClient(http).build()
        .inversePerpetual().account();

    CompletableFuture<?> future = async.apply(account);
    take(server); // the call is in flight
    List<Call> running = http.dispatcher().runningCalls();
    assertEquals(1, running.size());
    assertTrue(future.cancel(true));

    return running.get(0).isCanceled();
  }

  @Test
  void cancellingTheFutureCancelsTheHttpCall() throws Exception {
    assertTrue(cancelsTheHttpCall(a -> a.getBalancesAsync()));
  }

  @Test
  void cancellingAMappedFutureCancelsTheHttpCall() throws Exception {
    assertTrue(cancelsTheHttpCall(a -> a.getWalletFundHistoryAsync()));
  }
}
