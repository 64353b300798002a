package io.github.bybitkit;

import static io.github.bybitkit.RecordedResponses.json;
import static io.github.bybitkit.RecordedResponses.recorded;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.inverseperpetual.InversePerpetualAccountClient;
import io.github.bybitkit.v5.V5AssetClient;
import io.github.bybitkit.v5.model.BybitPortfolioMargin;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every failure becomes its own exception type, with what a caller needs to act on it: the return code and rate-limit
 * state, the HTTP status and a preview of a non-Bybit page, the JSON path of a decoding failure, whether an I/O
 * failure was a timeout. Retries are off here so each response is seen once.
 */
class ErrorModelTest {
  @StartStop
  final MockWebServer server = new MockWebServer();

  private BybitClient client() {
    return TestClients.builder(server).retryPolicy(RetryPolicy.none()).timeSync(false).build();
  }

  private InversePerpetualAccountClient account() {
    return client().inversePerpetual().account();
  }

  private V5AssetClient asset() {
    return client().v5().asset();
  }

  private static String v2Error(int code, String msg) {
    return "{\"ret_code\":" + code + ",\"ret_msg\":\"" + msg + "\",\"ext_code\":\"\",\"ext_info\":\"\","
        + "\"result\":null,\"time_now\":\"1709618828.123456\",\"rate_limit_status\":0,"
        + "\"rate_limit_reset_ms\":1709618830000,\"rate_limit\":120}";
  }

  private static String v5Error(int code, String msg) {
    return "{\"retCode\":" + code + ",\"retMsg\":\"" + msg + "\",\"result\":{},\"retExtInfo\":{},"
        + "\"time\":1709618828123}";
  }

  @ParameterizedTest
  @ValueSource(ints = {10003, 10004, 10005, 10010, 33004})
  void authenticationCodesAreBybitAuthenticationExceptions(int code) {
    server.enqueue(json(v2Error(code, "auth failed")));
    server.enqueue(json(v5Error(code, "auth failed")));

    BybitAuthenticationException v2 = assertThrows(BybitAuthenticationException.class, account()::getBalances);
    BybitAuthenticationException v5 = assertThrows(BybitAuthenticationException.class, asset()::getPortfolioMargin);

    assertEquals(code, v2.retCode());
    assertEquals("auth failed", v2.retMsg());
    assertEquals("getBalances", v2.operationId());
    assertEquals(code, v5.retCode());
    assertEquals("getPortfolioMargin", v5.operationId());
  }

  @Test
  void timestampCodeIsBybitTimestampExceptionWhenTimeSyncIsOff() {
    server.enqueue(json(v2Error(10002, "invalid request, please check your timestamp and recv_window param")));

    BybitTimestampException e = assertThrows(BybitTimestampException.class, account()::getBalances);

    assertEquals(10002, e.retCode());
    assertEquals(1, server.getRequestCount(), "time sync off: no server-time request, no retry");
  }

  @Test
  void otherCodesArePlainBybitApiExceptionsWithTheRateLimitStateOfTheResponse() {
    server.enqueue(json(v2Error(30078, "")));

    BybitApiException e = assertThrows(BybitApiException.class, account()::getBalances);

    assertEquals(BybitApiException.class, e.getClass());
    assertEquals(30078, e.retCode());
    assertEquals(200, e.httpStatus());
    RateLimit state = e.rateLimit().orElseThrow();
    assertEquals(120, state.limit());
    assertEquals(0, state.remaining());
    assertEquals(Instant.ofEpochMilli(1709618830000L), state.resetAt());
  }

  @ParameterizedTest
  @ValueSource(ints = {10006, 10018})
  void v2RateLimitCodesCarryTheResetTimeFromTheBody(int code) {
    server.enqueue(json(v2Error(code, "too many visits")));

    BybitRateLimitException e = assertThrows(BybitRateLimitException.class, account()::getBalances);

    assertEquals(code, e.retCode().getAsInt());
    assertEquals("too many visits", e.retMsg().orElseThrow());
    assertEquals(200, e.httpStatus());
    assertEquals(Instant.ofEpochMilli(1709618830000L), e.resetAt().orElseThrow());
    assertEquals(0, e.rateLimit().orElseThrow().remaining());
    assertTrue(e.getMessage().contains("resets at 2024-03-05T06:07:10Z"), e.getMessage());
  }

  @Test
  void v5RateLimitCodeCarriesTheResetTimeFromTheHeaders() {
    server.enqueue(new MockResponse.Builder().code(200)
        .setHeader("Content-Type", "application/json")
        .setHeader("X-Bapi-Limit", "50")
        .setHeader("X-Bapi-Limit-Status", "0")
        .setHeader("X-Bapi-Limit-Reset-Timestamp", "1709618829500")
        .body(v5Error(10006, "Too many visits!"))
        .build());

    BybitRateLimitException e = assertThrows(BybitRateLimitException.class, asset()::getPortfolioMargin);

    assertEquals(Instant.ofEpochMilli(1709618829500L), e.resetAt().orElseThrow());
    assertEquals(new RateLimit(50, 0, Instant.ofEpochMilli(1709618829500L), TestClients.NOW),
        e.rateLimit().orElseThrow());
  }

  @Test
  void http429IsARateLimitWithTheHeaderResetTime() {
    server.enqueue(new MockResponse.Builder().code(429)
        .setHeader("Content-Type", "text/plain")
        .setHeader("X-Bapi-Limit-Reset-Timestamp", "1709618831000")
        .body("Too Many Requests")
        .build());

    BybitRateLimitException e = assertThrows(BybitRateLimitException.class, asset()::getPortfolioMargin);

    assertEquals(429, e.httpStatus());
    assertTrue(e.retCode().isEmpty());
    assertEquals(Instant.ofEpochMilli(1709618831000L), e.resetAt().orElseThrow());
    assertTrue(e.getMessage().contains("HTTP 429"), e.getMessage());
  }

  @Test
  void anHtml403IsAnIpRateLimitWithAPreviewOfThePage() {
    server.enqueue(new MockResponse.Builder().code(403)
        .setHeader("Content-Type", "text/html")
        .body("<html><body><h1>403 Forbidden</h1>access too frequent</body></html>")
        .build());

    BybitRateLimitException e = assertThrows(BybitRateLimitException.class, account()::getBalances);

    assertEquals(403, e.httpStatus());
    assertTrue(e.resetAt().isEmpty());
    assertTrue(e.getMessage().contains("access too frequent"), e.getMessage());
    assertTrue(e.getMessage().contains("IP rate limit"), e.getMessage());
  }

  @Test
  void aNon2xxHtmlPageIsBybitHttpExceptionWithStatusTypeAndPreview() {
    server.enqueue(new MockResponse.Builder().code(502)
        .setHeader("Content-Type", "text/html; charset=utf-8")
        .body("<html>\n<head><title>502 Bad Gateway</title></head>\n<body>cloudfront</body></html>")
        .build());

    BybitHttpException e = assertThrows(BybitHttpException.class, account()::getBalances);

    assertEquals(502, e.status());
    assertTrue(e.isServerError());
    assertEquals("text/html; charset=utf-8", e.contentType());
    assertTrue(e.bodyPreview().startsWith("<html> <head><title>502 Bad Gateway</title>"), e.bodyPreview());
    assertEquals("getBalances", e.operationId());
  }

  @Test
  void aNon2xxAnswerCarryingABybitEnvelopeIsTheApiExceptionOfItsCode() {
    server.enqueue(new MockResponse.Builder().code(401)
        .setHeader("Content-Type", "application/json")
        .body(v5Error(10003, "API key is invalid."))
        .build());

    BybitAuthenticationException e = assertThrows(BybitAuthenticationException.class, asset()::getPortfolioMargin);

    assertEquals(10003, e.retCode());
    assertEquals(401, e.httpStatus());
  }

  @Test
  void malformedJsonIsBybitDecodingExceptionWithThePath() {
    server.enqueue(json("{\"ret_code\":0,\"ret_msg\":\"OK\",\"result\":{\"BTC\":{\"equity\":}}}"));

    BybitDecodingException e = assertThrows(BybitDecodingException.class, account()::getBalances);

    assertEquals("getBalances", e.operationId());
    assertEquals("$.result.BTC.equity", e.jsonPath());
    assertTrue(e.getMessage().contains("GET /v2/private/wallet/balance at $.result.BTC.equity"), e.getMessage());
  }

  @Test
  void aTruncatedJsonBodyIsBybitDecodingExceptionNotATransportFailure() {
    // A complete HTTP response whose JSON stops early: the network delivered everything it was given.
    String whole = RecordedResponses.body("getBalances", "docs-2023.json");
    server.enqueue(json(whole.substring(0, whole.length() / 2)));

    BybitDecodingException e = assertThrows(BybitDecodingException.class, account()::getBalances);

    assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    assertTrue(e.jsonPath().startsWith("$.result"), e.jsonPath());
  }

  @Test
  void aValueOfTheWrongTypeIsBybitDecodingExceptionNamingTheField() {
    server.enqueue(json("{\"retCode\":0,\"retMsg\":\"OK\",\"result\":{\"wallet\":{\"equity\":{}}},"
        + "\"retExtInfo\":{},\"time\":1}"));

    BybitDecodingException e = assertThrows(BybitDecodingException.class, asset()::getPortfolioMargin);

    assertEquals("$.result.wallet.equity", e.jsonPath());
    assertEquals("getPortfolioMargin", e.operationId());
  }

  @Test
  void aDroppedConnectionIsBybitTransportExceptionAndNotATimeout() {
    server.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket(true, false, false))
        .build());

    BybitTransportException e = assertThrows(BybitTransportException.class, account()::getBalances);

    assertFalse(e.isTimeout());
    assertEquals("getBalances", e.operationId());
    assertTrue(e.getMessage().startsWith("getBalances: GET /v2/private/wallet/balance failed"), e.getMessage());
  }

  @Test
  void aBodySlowerThanTheTimeoutIsBybitTransportExceptionThatSaysTimeout() {
    server.enqueue(recorded("getBalances", "docs-2023.json").newBuilder()
        .bodyDelay(2, TimeUnit.SECONDS).build());
    BybitClient bybit = client().withOptions(RequestOptions.defaults().withTimeout(Duration.ofMillis(300)));

    BybitTransportException e = assertThrows(BybitTransportException.class,
        () -> bybit.inversePerpetual().account().getBalances());

    assertTrue(e.isTimeout(), e.toString());
    assertTrue(e.getMessage().contains("timed out"), e.getMessage());
  }

  @Test
  void asyncFailuresArriveAsTheSameTypesUnwrapped() throws Exception {
    server.enqueue(json(v5Error(10004, "error sign!")));
    server.enqueue(new MockResponse.Builder().code(502).body("bad gateway").build());
    server.enqueue(json("{\"retCode\":0,"));

    CompletableFuture<BybitPortfolioMargin> auth = asset().getPortfolioMarginAsync();
    assertUnwrappedCause(BybitAuthenticationException.class, auth);
    CompletableFuture<BybitPortfolioMargin> http = asset().getPortfolioMarginAsync();
    assertUnwrappedCause(BybitHttpException.class, http);
    CompletableFuture<Map<String, io.github.bybitkit.inverseperpetual.model.BybitBalance>> decoding =
        account().getBalancesAsync();
    assertUnwrappedCause(BybitDecodingException.class, decoding);
  }

  private static void assertUnwrappedCause(Class<? extends BybitException> type, CompletableFuture<?> future) {
    ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(5, TimeUnit.SECONDS));
    BybitException cause = assertInstanceOf(type, e.getCause());
    assertSame(cause, future.handle((value, failure) -> failure).join(), "not wrapped in CompletionException");
  }

  @Test
  void successfulResponsesStillDecodeExactly() {
    server.enqueue(recorded("getBalances", "docs-2023.json"));

    BigDecimal equity = account().getBalances().get("BTC").equity();

    assertEquals("1002", equity.toPlainString());
    assertNull(client().rateLimit("getPortfolioMargin").orElse(null), "no call of that operation yet");
  }
}
