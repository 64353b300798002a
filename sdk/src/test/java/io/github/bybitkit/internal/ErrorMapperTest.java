package io.github.bybitkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bybitkit.BybitApiException;
import io.github.bybitkit.BybitAuthenticationException;
import io.github.bybitkit.BybitException;
import io.github.bybitkit.BybitHttpException;
import io.github.bybitkit.BybitRateLimitException;
import io.github.bybitkit.BybitTimestampException;
import io.github.bybitkit.BybitTransportException;
import io.github.bybitkit.Credentials;
import io.github.bybitkit.RateLimit;
import io.github.bybitkit.internal.json.BybitMoshi;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Instant;
import okhttp3.Headers;
import okhttp3.Request;
import okio.ByteString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Status, headers, body and return code to exception, on plain inputs: no server. */
class ErrorMapperTest {
  private static final String KEY = "test-key-0001";
  private static final String SECRET = "test-secret-0001";
  private static final Instant OBSERVED = Instant.parse("2024-03-05T06:07:08Z");
  private static final Request V2_GET = new Request.Builder()
      .url("https://api.bybit.com/v2/private/wallet/balance?api_key=" + KEY + "&timestamp=1&sign=" + "ab".repeat(32))
      .build();
  private static final Request V5_GET = new Request.Builder().url("https://api.bybit.com/v5/account/info").build();

  private final ErrorMapper mapper =
      new ErrorMapper(BybitMoshi.create(false), new Redactor(Credentials.of(KEY, SECRET)));

  private static ErrorBody body(String contentType, String text) {
    return new ErrorBody(contentType, ByteString.encodeUtf8(text));
  }

  private static String v2Error(int code) {
    return "{\"ret_code\":" + code + ",\"ret_msg\":\"refused\",\"ext_code\":\"\",\"ext_info\":\"\",\"result\":null,"
        + "\"time_now\":\"1709618828.123456\",\"rate_limit_status\":0,\"rate_limit_reset_ms\":1709618830000,"
        + "\"rate_limit\":120}";
  }

  private static String v5Error(int code) {
    return "{\"retCode\":" + code + ",\"retMsg\":\"refused\",\"result\":{},\"retExtInfo\":{},\"time\":1709618828123}";
  }

  @ParameterizedTest
  @ValueSource(ints = {10003, 10004, 10005, 10010, 33004})
  void authenticationCodesBecomeAuthenticationExceptions(int code) {
    BybitException e = mapper.apiError("getBalances", code, "invalid api_key", 200, null);
    assertEquals(code, assertInstanceOf(BybitAuthenticationException.class, e).retCode());
    assertEquals("getBalances", e.operationId());
  }

  @ParameterizedTest
  @ValueSource(ints = {10006, 10018})
  void rateLimitCodesBecomeRateLimitExceptionsWithTheirReset(int code) {
    Instant resetAt = Instant.ofEpochMilli(1_709_618_830_000L);
    RateLimit state = new RateLimit(120, 0, resetAt, OBSERVED);
    BybitException e = mapper.apiError("getBalances", code, "too many visits", 200, state);
    BybitRateLimitException limited = assertInstanceOf(BybitRateLimitException.class, e);
    assertEquals(code, limited.retCode().getAsInt());
    assertEquals(resetAt, limited.resetAt().orElseThrow());
    assertSame(state, limited.rateLimit().orElseThrow());
  }

  @Test
  void timestampAndOtherCodesKeepTheirTypes() {
    assertInstanceOf(BybitTimestampException.class, mapper.apiError("getBalances", 10002, "expired", 200, null));
    BybitException other = mapper.apiError("getBalances", 10001, "params error", 200, null);
    assertEquals(BybitApiException.class, other.getClass());
    assertEquals(10001, ((BybitApiException) other).retCode());
    assertEquals(BybitApiException.class, mapper.apiError("getBalances", 10016, "busy", 200, null).getClass());
  }

  @Test
  void bybitsMessageIsRedacted() {
    BybitApiException e = (BybitApiException) mapper.apiError("getBalances", 10001, "bad " + SECRET + " for " + KEY,
        200, null);
    assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    assertFalse(e.retMsg().contains(KEY), e.retMsg());
  }

  @Test
  void anEnvelopeInAnErrorResponseBecomesTheExceptionOfItsCode() {
    BybitException e = mapper.httpFailure("getAccountInfo", V5_GET, 401, body("application/json", v5Error(10003)),
        Headers.of(), OBSERVED);
    BybitAuthenticationException auth = assertInstanceOf(BybitAuthenticationException.class, e);
    assertEquals(10003, auth.retCode());
    assertEquals(401, auth.httpStatus());
  }

  @Test
  void aV2RateLimitEnvelopeTakesItsResetFromTheBody() {
    BybitException e = mapper.httpFailure("getBalances", V2_GET, 403, body("application/json", v2Error(10006)),
        Headers.of(), OBSERVED);
    BybitRateLimitException limited = assertInstanceOf(BybitRateLimitException.class, e);
    assertEquals(10006, limited.retCode().getAsInt());
    assertEquals(Instant.ofEpochMilli(1_709_618_830_000L), limited.resetAt().orElseThrow());
    assertEquals(120, limited.rateLimit().orElseThrow().limit());
    assertSame(limited.rateLimit().orElseThrow(), ErrorMapper.rateLimitAfter(e, Headers.of(), OBSERVED));
  }

  @Test
  void http403And429WithoutAnEnvelopeAreRateLimits() {
    BybitException denied = mapper.httpFailure("getBalances", V2_GET, 403,
        body("text/html", "<html><body>access too frequent</body></html>"), Headers.of(), OBSERVED);
    BybitRateLimitException limited = assertInstanceOf(BybitRateLimitException.class, denied);
    assertEquals(403, limited.httpStatus());
    assertTrue(limited.retCode().isEmpty());
    assertTrue(denied.getMessage().contains("access too frequent"), denied.getMessage());

    Headers v5Limits = Headers.of("X-Bapi-Limit", "50", "X-Bapi-Limit-Status", "0",
        "X-Bapi-Limit-Reset-Timestamp", "1709618831000");
    BybitException tooMany = mapper.httpFailure("getAccountInfo", V5_GET, 429, body(null, ""), v5Limits, OBSERVED);
    BybitRateLimitException limited429 = assertInstanceOf(BybitRateLimitException.class, tooMany);
    assertEquals(429, limited429.httpStatus());
    assertEquals(Instant.ofEpochMilli(1_709_618_831_000L), limited429.resetAt().orElseThrow());
    assertEquals(50, ErrorMapper.rateLimitAfter(tooMany, v5Limits, OBSERVED).limit());
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 404, 500, 502, 503})
  void aNonJsonPageIsAnHttpExceptionWithARedactedPreview(int status) {
    String page = "<html>\n  <h1>Bad gateway</h1> echo: " + SECRET + "</html>";
    BybitException e = mapper.httpFailure("getBalances", V2_GET, status, body("text/html; charset=utf-8", page),
        Headers.of(), OBSERVED);
    BybitHttpException http = assertInstanceOf(BybitHttpException.class, e);
    assertEquals(BybitHttpException.class, e.getClass());
    assertEquals(status, http.status());
    assertEquals(status >= 500, http.isServerError());
    assertEquals("text/html; charset=utf-8", http.contentType());
    assertTrue(http.bodyPreview().startsWith("<html> <h1>Bad gateway</h1>"), http.bodyPreview());
    assertFalse(http.bodyPreview().contains(SECRET), http.bodyPreview());
    assertTrue(e.getMessage().contains("HTTP " + status + " from GET /v2/private/wallet/balance"), e.getMessage());
    assertFalse(e.getMessage().contains(KEY), "the query (key, signature) stays out: " + e.getMessage());
    assertFalse(e.getMessage().contains("ab".repeat(32)), e.getMessage());
  }

  @Test
  void anEnvelopeSayingSuccessInAnErrorStatusIsAnHttpFailure() {
    BybitException e = mapper.httpFailure("getAccountInfo", V5_GET, 500, body("application/json", v5Error(0)),
        Headers.of(), OBSERVED);
    assertEquals(500, assertInstanceOf(BybitHttpException.class, e).status());
  }

  @Test
  void aBodyOfAnUnknownOperationIsNotReadAsAnEnvelope() {
    BybitException e = mapper.httpFailure(null, V5_GET, 400, body("application/json", v5Error(10003)),
        Headers.of(), OBSERVED);
    BybitHttpException http = assertInstanceOf(BybitHttpException.class, e);
    assertNull(e.operationId());
    assertTrue(http.bodyPreview().contains("10003"), http.bodyPreview());
  }

  @Test
  void ioFailuresAreTransportExceptionsThatTellATimeout() {
    BybitTransportException timedOut = mapper.transportFailure("getBalances", V2_GET,
        new SocketTimeoutException("timeout"));
    assertTrue(timedOut.isTimeout());
    assertTrue(timedOut.getMessage().contains("GET /v2/private/wallet/balance timed out"), timedOut.getMessage());

    BybitTransportException failed = mapper.transportFailure("getBalances", V2_GET,
        new IOException("reset while sending api_key=" + KEY));
    assertFalse(failed.isTimeout());
    assertTrue(failed.getMessage().contains("failed"), failed.getMessage());
    assertFalse(failed.getMessage().contains(KEY), failed.getMessage());
  }

  @Test
  void aPlainHttpFailureLeavesTheHeadersRateLimitToRecord() {
    Headers v5Limits = Headers.of("X-Bapi-Limit", "50", "X-Bapi-Limit-Status", "49");
    BybitException e = mapper.httpFailure("getAccountInfo", V5_GET, 502, body("text/html", "<html>"), v5Limits,
        OBSERVED);
    assertInstanceOf(BybitHttpException.class, e);
    assertEquals(49, ErrorMapper.rateLimitAfter(e, v5Limits, OBSERVED).remaining());
    assertNull(ErrorMapper.rateLimitAfter(e, Headers.of(), OBSERVED));
  }
}
