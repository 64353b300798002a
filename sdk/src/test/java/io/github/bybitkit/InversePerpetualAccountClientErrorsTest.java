package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.json;
import static io.github.bybitkit.RecordedResponses.recorded;
import static io.github.bybitkit.TestClients.take;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Named.named;

import io.github.bybitkit.enums.PositionMode;
import io.github.bybitkit.enums.SearchDirection;
import io.github.bybitkit.enums.StopLossTakeProfitMode;
import io.github.bybitkit.enums.ClosedPnlExecType;
import io.github.bybitkit.enums.WalletFundType;
import io.github.bybitkit.enums.WithdrawStatus;
import io.github.bybitkit.inverseperpetual.GetAssetExchangeHistoryRequest;
import io.github.bybitkit.inverseperpetual.GetBalancesRequest;
import io.github.bybitkit.inverseperpetual.GetPositionsRequest;
import io.github.bybitkit.inverseperpetual.GetProfitAndLossHistoryRequest;
import io.github.bybitkit.inverseperpetual.GetRiskLimitRequest;
import io.github.bybitkit.inverseperpetual.GetWalletFundHistoryRequest;
import io.github.bybitkit.inverseperpetual.GetWithdrawalHistoryRequest;
import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import io.github.bybitkit.inverseperpetual.SetLeverageRequest;
import io.github.bybitkit.inverseperpetual.SetRiskLimitRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Failure paths of the inverse-perpetual client: Bybit's error envelopes, missing credentials, bad arguments
 * (refused before anything is sent), and responses that are not Bybit JSON. Messages name the operation and never
 * carry the API key, the secret or the signature.
 */
class InversePerpetualAccountClientErrorsTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private InversePerpetualAccountClient account() {
    return TestClients.client(server).inversePerpetual().account();
  }

  private static BigDecimal dec(String text) {
    return new BigDecimal(text);
  }

  /** Asserts a message is about {@code operationId} and leaks nothing that signs requests. */
  private static void assertSafeMessage(Throwable e, String operationId, String signature) {
    String message = e.getMessage();
    assertNotNull(message);
    assertTrue(message.contains(operationId), message);
    assertFalse(message.contains(TestClients.KEY), "API key in: " + message);
    assertFalse(message.contains(TestClients.SECRET), "secret in: " + message);
    if (signature != null) {
      assertFalse(message.contains(signature), "signature in: " + message);
    }
  }

  // ---------------------------------------------------------------- recorded error envelopes

  @Test
  void invalidApiKeyEnvelopeThrowsBybitApiException() throws Exception {
    server.enqueue(recorded("getBalances", "error-10003-invalid-api-key.json"));

    BybitApiException e = assertThrows(BybitApiException.class, () -> account().getBalances());

    assertEquals(10003, e.retCode());
    assertEquals("invalid api_key", e.retMsg());
    assertEquals("getBalances", e.operationId());
    assertSafeMessage(e, "getBalances", SignatureVerifier.signatureOf(take(server)));
  }

  @Test
  void emptyMessageEnvelopeThrowsBybitApiExceptionWithEmptyRetMsg() throws Exception {
    server.enqueue(recorded("changeMargin", "error-30078-empty-msg.json"));

    BybitApiException e = assertThrows(BybitApiException.class,
        () -> account().changeMargin("BTCUSD", PositionMode.ONE_WAY, dec("0.01")));

    assertEquals(30078, e.retCode());
    assertEquals("", e.retMsg());
    assertEquals("changeMargin", e.operationId());
    assertSafeMessage(e, "changeMargin", SignatureVerifier.signatureOf(take(server)));
  }

  @Test
  void minimalEnvelopeWithoutResultThrowsBybitApiException() throws Exception {
    server.enqueue(recorded("setLeverage", "error-10001-oad-minimal.json"));

    BybitApiException e = assertThrows(BybitApiException.class, () -> account().setLeverage("BTCUSD", 2, 2));

    assertEquals(10001, e.retCode());
    assertEquals("error in params", e.retMsg());
    assertSafeMessage(e, "setLeverage", SignatureVerifier.signatureOf(take(server)));
  }

  /** Every operation, called synchronously and asynchronously. */
  record Call(String operationId, Consumer<InversePerpetualAccountClient> sync,
      Function<InversePerpetualAccountClient, CompletableFuture<?>> async) {}

  private static Arguments call(String operationId, Consumer<InversePerpetualAccountClient> sync,
      Function<InversePerpetualAccountClient, CompletableFuture<?>> async) {
    return Arguments.of(named(operationId, new Call(operationId, sync, async)));
  }

  static Stream<Arguments> privateOperations() {
    return Stream.of(
        call("changeMargin", a -> a.changeMargin("BTCUSD", PositionMode.ONE_WAY, dec("0.01")),
            a -> a.changeMarginAsync("BTCUSD", PositionMode.ONE_WAY, dec("0.01"))),
        call("getApiKeyInfo", a -> a.getApiKeyInfo(), a -> a.getApiKeyInfoAsync()),
        call("getAssetExchangeHistory", a -> a.getAssetExchangeHistory(), a -> a.getAssetExchangeHistoryAsync()),
        call("getBalances", a -> a.getBalances(), a -> a.getBalancesAsync()),
        call("getLastUserFundingFee", a -> a.getLastUserFundingFee("BTCUSD"),
            a -> a.getLastUserFundingFeeAsync("BTCUSD")),
        call("getPositions", a -> a.getPositions(), a -> a.getPositionsAsync()),
        call("getPredictedUserFundingFee", a -> a.getPredictedUserFundingFee("BTCUSD"),
            a -> a.getPredictedUserFundingFeeAsync("BTCUSD")),
        call("getProfitAndLossHistory", a -> a.getProfitAndLossHistory("BTCUSD"),
            a -> a.getProfitAndLossHistoryAsync("BTCUSD")),
        call("getWalletFundHistory", a -> a.getWalletFundHistory(), a -> a.getWalletFundHistoryAsync()),
        call("getWithdrawalHistory", a -> a.getWithdrawalHistory(), a -> a.getWithdrawalHistoryAsync()),
        call("setFullPartialPositionMode", a -> a.setFullPartialPositionMode("BTCUSD", StopLossTakeProfitMode.FULL),
            a -> a.setFullPartialPositionModeAsync("BTCUSD", StopLossTakeProfitMode.FULL)),
        call("setIsolatedMode", a -> a.setIsolatedMode("BTCUSD", false, dec("3"), dec("3")),
            a -> a.setIsolatedModeAsync("BTCUSD", false, dec("3"), dec("3"))),
        call("setLeverage", a -> a.setLeverage("BTCUSD", 3, 3), a -> a.setLeverageAsync("BTCUSD", 3, 3)),
        call("setRiskLimit", a -> a.setRiskLimit("BTCUSD", 1), a -> a.setRiskLimitAsync("BTCUSD", 1)));
  }

  static Stream<Arguments> allOperations() {
    return Stream.concat(privateOperations(),
        Stream.of(call("getRiskLimit", a -> a.getRiskLimit(), a -> a.getRiskLimitAsync())));
  }

  @ParameterizedTest
  @MethodSource("allOperations")
  void everyOperationThrowsBybitApiExceptionOnAnErrorEnvelope(Call call) throws Exception {
    server.enqueue(recorded("getBalances", "error-10003-invalid-api-key.json"));

    BybitApiException e = assertThrows(BybitApiException.class, () -> call.sync().accept(account()));

    assertEquals(10003, e.retCode());
    assertEquals(call.operationId(), e.operationId());
    assertSafeMessage(e, call.operationId(), SignatureVerifier.signatureOf(take(server)));
  }

  // ---------------------------------------------------------------- missing credentials

  @ParameterizedTest
  @MethodSource("privateOperations")
  void withoutCredentialsAPrivateOperationThrowsBeforeSending(Call call) {
    InversePerpetualAccountClient anonymous = TestClients.anonymousClient(server).inversePerpetual().account();

    IllegalStateException e = assertThrows(IllegalStateException.class, () -> call.sync().accept(anonymous));

    assertTrue(e.getMessage().contains(call.operationId()), e.getMessage());
    assertTrue(e.getMessage().contains("credentials"), e.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  @ParameterizedTest
  @MethodSource("privateOperations")
  void withoutCredentialsAPrivateFutureFailsBeforeSending(Call call) {
    InversePerpetualAccountClient anonymous = TestClients.anonymousClient(server).inversePerpetual().account();

    CompletableFuture<?> future = call.async().apply(anonymous);

    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    IllegalStateException cause = assertInstanceOf(IllegalStateException.class, e.getCause());
    assertTrue(cause.getMessage().contains(call.operationId()), cause.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  // ---------------------------------------------------------------- bad arguments

  /** A call with one bad argument, and the parameter name(s) its message must contain. */
  record BadInput(String operationId, List<String> parameterNames, Consumer<InversePerpetualAccountClient> call) {}

  private static Arguments bad(String description, String operationId, List<String> parameterNames,
      Consumer<InversePerpetualAccountClient> call) {
    return Arguments.of(named(description, new BadInput(operationId, parameterNames, call)));
  }

  static Stream<Arguments> badInputs() {
    return Stream.of(
        bad("wallet fund pageSize 0", "getWalletFundHistory", List.of("pageSize", "limit"),
            a -> a.getWalletFundHistory(GetWalletFundHistoryRequest.builder().pageSize(0).build())),
        bad("wallet fund pageSize 51", "getWalletFundHistory", List.of("pageSize", "limit"),
            a -> a.getWalletFundHistory(GetWalletFundHistoryRequest.builder().pageSize(51).build())),
        bad("wallet fund page 0", "getWalletFundHistory", List.of("page"),
            a -> a.getWalletFundHistory(GetWalletFundHistoryRequest.builder().page(0).build())),
        bad("wallet fund blank coin", "getWalletFundHistory", List.of("asset", "coin"),
            a -> a.getWalletFundHistory(GetWalletFundHistoryRequest.builder().asset(" ").build())),
        bad("wallet fund type UNKNOWN", "getWalletFundHistory", List.of("type", "wallet_fund_type"),
            a -> a.getWalletFundHistory(GetWalletFundHistoryRequest.builder().type(WalletFundType.UNKNOWN)
                .build())),
        bad("withdrawal pageSize 0", "getWithdrawalHistory", List.of("pageSize", "limit"),
            a -> a.getWithdrawalHistory(GetWithdrawalHistoryRequest.builder().pageSize(0).build())),
        bad("withdrawal pageSize 51", "getWithdrawalHistory", List.of("pageSize", "limit"),
            a -> a.getWithdrawalHistory(GetWithdrawalHistoryRequest.builder().pageSize(51).build())),
        bad("withdrawal page 0", "getWithdrawalHistory", List.of("page"),
            a -> a.getWithdrawalHistory(GetWithdrawalHistoryRequest.builder().page(0).build())),
        bad("withdrawal status UNKNOWN", "getWithdrawalHistory", List.of("status"),
            a -> a.getWithdrawalHistory(GetWithdrawalHistoryRequest.builder().status(WithdrawStatus.UNKNOWN)
                .build())),
        bad("closed P&L pageSize 0", "getProfitAndLossHistory", List.of("pageSize", "limit"),
            a -> a.getProfitAndLossHistory(GetProfitAndLossHistoryRequest.builder().symbol("BTCUSD").pageSize(0)
                .build())),
        bad("closed P&L pageSize 51", "getProfitAndLossHistory", List.of("pageSize", "limit"),
            a -> a.getProfitAndLossHistory(GetProfitAndLossHistoryRequest.builder().symbol("BTCUSD").pageSize(51)
                .build())),
        bad("closed P&L page 0", "getProfitAndLossHistory", List.of("page"),
            a -> a.getProfitAndLossHistory(GetProfitAndLossHistoryRequest.builder().symbol("BTCUSD").page(0)
                .build())),
        bad("closed P&L page 51", "getProfitAndLossHistory", List.of("page"),
            a -> a.getProfitAndLossHistory(GetProfitAndLossHistoryRequest.builder().symbol("BTCUSD").page(51)
                .build())),
        bad("closed P&L exec_type UNKNOWN", "getProfitAndLossHistory", List.of("type", "exec_type"),
            a -> a.getProfitAndLossHistory(GetProfitAndLossHistoryRequest.builder().symbol("BTCUSD")
                .type(ClosedPnlExecType.UNKNOWN).build())),
        bad("closed P&L null symbol", "getProfitAndLossHistory", List.of("symbol"),
            a -> a.getProfitAndLossHistory((String) null)),
        bad("closed P&L blank symbol", "getProfitAndLossHistory", List.of("symbol"),
            a -> a.getProfitAndLossHistory(" ")),
        bad("asset exchange limit 0", "getAssetExchangeHistory", List.of("limit"),
            a -> a.getAssetExchangeHistory(GetAssetExchangeHistoryRequest.builder().limit(0).build())),
        bad("asset exchange limit 51", "getAssetExchangeHistory", List.of("limit"),
            a -> a.getAssetExchangeHistory(GetAssetExchangeHistoryRequest.builder().limit(51).build())),
        bad("asset exchange direction UNKNOWN", "getAssetExchangeHistory", List.of("direction"),
            a -> a.getAssetExchangeHistory(GetAssetExchangeHistoryRequest.builder()
                .direction(SearchDirection.UNKNOWN).build())),
        bad("balances blank coin", "getBalances", List.of("asset", "coin"),
            a -> a.getBalances(GetBalancesRequest.builder().asset("").build())),
        bad("balances null request", "getBalances", List.of("request"),
            a -> a.getBalances((GetBalancesRequest) null)),
        bad("last funding null symbol", "getLastUserFundingFee", List.of("symbol"),
            a -> a.getLastUserFundingFee(null)),
        bad("last funding blank symbol", "getLastUserFundingFee", List.of("symbol"),
            a -> a.getLastUserFundingFee("  ")),
        bad("predicted funding null symbol", "getPredictedUserFundingFee", List.of("symbol"),
            a -> a.getPredictedUserFundingFee(null)),
        bad("predicted funding blank symbol", "getPredictedUserFundingFee", List.of("symbol"),
            a -> a.getPredictedUserFundingFee("")),
        bad("positions blank symbol", "getPositions", List.of("symbol"),
            a -> a.getPositions(GetPositionsRequest.builder().symbol("\t").build())),
        bad("risk limit blank symbol", "getRiskLimit", List.of("symbol"),
            a -> a.getRiskLimit(GetRiskLimitRequest.builder().symbol(" ").build())),
        bad("change margin zero", "changeMargin", List.of("margin"),
            a -> a.changeMargin("BTCUSD", PositionMode.ONE_WAY, BigDecimal.ZERO)),
        bad("change margin 0.000", "changeMargin", List.of("margin"),
            a -> a.changeMargin("BTCUSD", PositionMode.ONE_WAY, dec("0.000"))),
        bad("change margin null", "changeMargin", List.of("margin"),
            a -> a.changeMargin("BTCUSD", PositionMode.ONE_WAY, null)),
        bad("change margin PositionMode.UNKNOWN", "changeMargin", List.of("mode", "ONE_WAY"),
            a -> a.changeMargin("BTCUSD", PositionMode.UNKNOWN, dec("0.01"))),
        bad("change margin null mode", "changeMargin", List.of("mode", "ONE_WAY"),
            a -> a.changeMargin("BTCUSD", null, dec("0.01"))),
        bad("change margin null symbol", "changeMargin", List.of("symbol"),
            a -> a.changeMargin(null, PositionMode.ONE_WAY, dec("0.01"))),
        bad("change margin blank symbol", "changeMargin", List.of("symbol"),
            a -> a.changeMargin(" ", PositionMode.ONE_WAY, dec("0.01"))),
        bad("tp/sl mode UNKNOWN", "setFullPartialPositionMode", List.of("mode", "tp_sl_mode"),
            a -> a.setFullPartialPositionMode("BTCUSD", StopLossTakeProfitMode.UNKNOWN)),
        bad("tp/sl mode null symbol", "setFullPartialPositionMode", List.of("symbol"),
            a -> a.setFullPartialPositionMode(null, StopLossTakeProfitMode.FULL)),
        bad("isolated buy leverage 0", "setIsolatedMode", List.of("buyLeverage", "buy_leverage"),
            a -> a.setIsolatedMode("BTCUSD", true, BigDecimal.ZERO, dec("5"))),
        bad("isolated sell leverage -1", "setIsolatedMode", List.of("sellLeverage", "sell_leverage"),
            a -> a.setIsolatedMode("BTCUSD", true, dec("5"), dec("-1"))),
        bad("isolated blank symbol", "setIsolatedMode", List.of("symbol"),
            a -> a.setIsolatedMode("", true, dec("5"), dec("5"))),
        bad("leverage 0", "setLeverage", List.of("leverage"),
            a -> a.setLeverage("BTCUSD", BigDecimal.ZERO)),
        bad("leverage 0 in the seed's form", "setLeverage", List.of("leverage"),
            a -> a.setLeverage("BTCUSD", 0, 0)),
        bad("leverage buy and sell differ", "setLeverage", List.of("buyLeverage", "sellLeverage"),
            a -> a.setLeverage("BTCUSD", 5, 0)),
        bad("leverage negative leverage", "setLeverage", List.of("leverage"),
            a -> a.setLeverage(SetLeverageRequest.builder().symbol("BTCUSD").leverage(dec("-1")).build())),
        bad("leverage missing", "setLeverage", List.of("leverage"),
            a -> a.setLeverage(SetLeverageRequest.builder().symbol("BTCUSD").leverageOnly(true).build())),
        bad("leverage null symbol", "setLeverage", List.of("symbol"),
            a -> a.setLeverage(null, 5, 5)),
        bad("change margin hedge-mode index", "changeMargin", List.of("mode", "ONE_WAY"),
            a -> a.changeMargin("BTCUSD", PositionMode.BOTH_SIDE_BUY, dec("0.01"))),
        bad("risk limit risk_id 0", "setRiskLimit", List.of("riskId", "risk_id"),
            a -> a.setRiskLimit("BTCUSD", 0)),
        bad("risk limit PositionMode.UNKNOWN", "setRiskLimit", List.of("mode", "position_idx"),
            a -> a.setRiskLimit(SetRiskLimitRequest.builder().symbol("BTCUSD").riskId(1)
                .mode(PositionMode.UNKNOWN).build())),
        bad("risk limit blank symbol", "setRiskLimit", List.of("symbol"),
            a -> a.setRiskLimit(" ", 1)));
  }

  @ParameterizedTest
  @MethodSource("badInputs")
  void badInputThrowsIllegalArgumentExceptionBeforeSending(BadInput input) {
    InversePerpetualAccountClient account = account();

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> input.call().accept(account));

    assertTrue(e.getMessage().contains(input.operationId()), e.getMessage());
    for (String name : input.parameterNames()) {
      assertTrue(e.getMessage().contains(name), "'" + name + "' not named in: " + e.getMessage());
    }
    assertEquals(0, server.getRequestCount());
  }

  @Test
  void asyncMethodsRefuseBadInputBeforeReturningAFuture() {
    InversePerpetualAccountClient a = account();

    IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
        () -> a.changeMarginAsync("BTCUSD", PositionMode.ONE_WAY, BigDecimal.ZERO));
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> a.setFullPartialPositionModeAsync("BTCUSD", StopLossTakeProfitMode.UNKNOWN));

    assertTrue(zero.getMessage().contains("margin"), zero.getMessage());
    assertTrue(unknown.getMessage().contains("tp_sl_mode"), unknown.getMessage());
    assertEquals(0, server.getRequestCount());
  }

  // ---------------------------------------------------------------- responses that are not Bybit JSON

  private static MockResponse htmlForbidden() {
    return new MockResponse.Builder()
        .code(403)
        .setHeader("Content-Type", "text/html; charset=utf-8")
        .body("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n<HTML><HEAD>"
            + "<TITLE>ERROR: The request could not be satisfied</TITLE></HEAD><BODY>\n<H1>403 ERROR</H1>\n"
            + "<H2>The request could not be satisfied.</H2>\n<HR noshade size=\"1px\">\nRequest blocked.\n"
            + "</BODY></HTML>")
        .build();
  }

  @Test
  void anHtml403PageOnAGetGivesBybitExceptionWithoutSecrets() throws Exception {
    server.enqueue(htmlForbidden());

    BybitException e = assertThrows(BybitException.class, () -> account().getBalances());

    assertFalse(e instanceof BybitApiException, e.toString());
    assertEquals("getBalances", e.operationId());
    assertTrue(e.getMessage().contains("403"), e.getMessage());
    assertSafeMessage(e, "getBalances", SignatureVerifier.signatureOf(take(server)));
  }

  @Test
  void anHtml403PageOnAPostGivesBybitExceptionWithoutSecrets() throws Exception {
    server.enqueue(htmlForbidden());

    BybitException e = assertThrows(BybitException.class, () -> account().setLeverage("BTCUSD", 2, 2));

    assertFalse(e instanceof BybitApiException, e.toString());
    assertTrue(e.getMessage().contains("403"), e.getMessage());
    assertSafeMessage(e, "setLeverage", SignatureVerifier.signatureOf(take(server)));
  }

  @Test
  void anHtml403PageFailsTheFutureWithBybitException() throws Exception {
    server.enqueue(htmlForbidden());

    CompletableFuture<?> future = account().getApiKeyInfoAsync();

    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    BybitException cause = assertInstanceOf(BybitException.class, e.getCause());
    assertFalse(cause instanceof BybitApiException);
    assertSafeMessage(cause, "getApiKeyInfo", SignatureVerifier.signatureOf(take(server)));
  }

  /** A 403 page that quotes the request it refused, as some proxies and firewalls do. */
  private static Dispatcher echoingForbidden() {
    return new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String body = request.getBodySize() == 0 ? "" : " " + request.getBody().utf8();
        return new MockResponse.Builder()
            .code(403)
            .setHeader("Content-Type", "text/html")
            .body("<html><body>Blocked: " + request.getTarget() + body + " key "
                + request.getHeaders().get("X-BAPI-API-KEY") + "</body></html>")
            .build();
      }
    };
  }

  @Test
  void anHtml403PageQuotingTheSignedGetLeaksNeitherKeyNorSignature() throws Exception {
    server.setDispatcher(echoingForbidden());

    BybitException e = assertThrows(BybitException.class, () -> account().getBalances());

    assertTrue(e.getMessage().contains("403"), e.getMessage());
    assertSafeMessage(e, "getBalances", SignatureVerifier.signatureOf(take(server)));
  }

  @Test
  void anHtml403PageQuotingTheSignedPostLeaksNeitherKeyNorSignature() throws Exception {
    server.setDispatcher(echoingForbidden());

    BybitException e = assertThrows(BybitException.class, () -> account().setRiskLimit("BTCUSD", 1));

    assertTrue(e.getMessage().contains("403"), e.getMessage());
    assertSafeMessage(e, "setRiskLimit", SignatureVerifier.signatureOf(take(server)));
  }

  @Test
  void aTruncatedJsonBodyGivesBybitExceptionWithoutSecrets() throws Exception {
    String body = RecordedResponses.body("getBalances", "docs-2023.json");
    server.enqueue(json(body.substring(0, body.indexOf("\"used_margin\""))));

    BybitException e = assertThrows(BybitException.class, () -> account().getBalances());

    assertFalse(e instanceof BybitApiException, e.toString());
    assertSafeMessage(e, "getBalances", SignatureVerifier.signatureOf(take(server)));
  }

  @Test
  void aNonJsonBodyWithStatus200GivesBybitExceptionWithoutSecrets() throws Exception {
    server.enqueue(json("<html><body>maintenance</body></html>"));

    BybitException e = assertThrows(BybitException.class,
        () -> account().changeMargin("BTCUSD", PositionMode.ONE_WAY, dec("0.01")));

    assertFalse(e instanceof BybitApiException, e.toString());
    assertSafeMessage(e, "changeMargin", SignatureVerifier.signatureOf(take(server)));
  }

  @Test
  void aResultOfTheWrongTypeGivesBybitExceptionWithoutSecrets() throws Exception {
    server.enqueue(json("{\"ret_code\":0,\"ret_msg\":\"OK\",\"result\":{\"BTC\":\"not a balance\"}}"));

    BybitException e = assertThrows(BybitException.class, () -> account().getBalances());

    assertFalse(e instanceof BybitApiException, e.toString());
    assertSafeMessage(e, "getBalances", SignatureVerifier.signatureOf(take(server)));
  }

  @Test
  void malformedJsonFailsTheFutureWithBybitException() throws Exception {
    server.enqueue(json("{\"ret_code\":0,\"ret_msg\":\"OK\",\"result\":{\"current_page\":1,\"data\":[{"));

    CompletableFuture<?> future = account().getProfitAndLossHistoryAsync("BTCUSD");

    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    BybitException cause = assertInstanceOf(BybitException.class, e.getCause());
    assertFalse(cause instanceof BybitApiException);
    RecordedRequest request = take(server);
    assertSafeMessage(cause, "getProfitAndLossHistory", SignatureVerifier.signatureOf(request));
  }
}
